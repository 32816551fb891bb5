// The documents of a dialogue conference (domain.md §3.8), generated from the
// Conference aggregate in Decree 30/2020/NĐ-CP layout (§3.2–3.7): the plan
// (Kế hoạch, KH), the programme (Chương trình, CTr), the invitations (Giấy
// mời, GM, Mẫu 1.7) and the public notice (Thông báo, TB, DLG-07), plus the
// loudspeaker text of the notice and the seed-plan defaults for a new
// conference. Pure: the caller supplies the register number, the issue date
// and the public URL. Staff edit the result as markup (core/documents/markup.h)
// before issuing.
//
// Files: conference_documents.cc (shared header/signature, programme),
// plan_document.cc, invitation_documents.cc, notice_documents.cc,
// conference_defaults.cc.
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_DOCUMENTS_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_DOCUMENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/calendar/rule_set.h"
#include "core/communes/commune.h"
#include "core/conferences/conference.h"
#include "core/documents/document.h"

namespace doithoai {

struct DocumentContext {
  Commune commune;
  std::vector<Village> villages;    // to print village names of sessions
  std::vector<Official> officials;  // chair / signer / secretary names and positions
  int number = 0;                   // register number; 0 = not yet issued: "Số:      /KH-UBND"
  Date issued_on;                   // ô 4 date
  std::string public_url;           // absolute URL of the conference's public page
  RuleSet rules;                    // notice_days_before etc.
};

// Kế hoạch (KH, Mẫu 1.4), laid out as the seed plan: intro, I. Mục đích, yêu
// cầu; II. Nguyên tắc, nội dung; III. Các bước tổ chức (chuẩn bị, thành phần,
// thời gian – địa điểm per session); IV. Kinh phí (with the estimate table when
// budget lines exist); V. Tổ chức thực hiện; closing; Nơi nhận; signature.
// Ô 3: "Số: 05/KH-UBND" (leading zero below 10); number 0 leaves the number
// blank for the clerk: "Số:      /KH-UBND". `symbol` is the type ("KH").
std::string DocumentNumberLine(int number, std::string_view symbol);
// Ô 4's place name (FMT-10): the commune's name, or its full name when the
// name is a number ("Phường 1").
std::string DocumentPlace(const Commune& commune);

Document BuildPlan(const Conference& conference, const DocumentContext& context);

// Chương trình (CTr): per session its time, venue and chair, then the agenda
// table Thời gian | Nội dung | Người thực hiện.
Document BuildProgramme(const Conference& conference, const DocumentContext& context);

// Giấy mời (GM, Mẫu 1.7): one per invitee, in invitee order, all with the same
// number. Each carries a QrCode whose payload is
// public_url + "?gm=" + invitee.token ("&gm=" when the URL has a query).
std::vector<Document> BuildInvitations(const Conference& conference,
                                       const DocumentContext& context);

// Thông báo (TB): the public notice of DLG-07 with its four parts: time,
// venue, content and how to attend.
Document BuildPublicNotice(const Conference& conference, const DocumentContext& context);

// The notice as plain sentences to be read on the loudspeaker (PUB-01) or
// synthesised: numbers as a reader says them ("7 giờ 30 phút", "ngày 8 tháng
// 12 năm 2023"), no leading zeros, no abbreviations ("Ủy ban nhân dân",
// "Hội đồng nhân dân", "Mặt trận Tổ quốc").
std::string NoticeSpeechText(const Conference& conference, const DocumentContext& context);

// A new annual conference with the seed plan's wording adapted to the commune
// (name, type word, village count, year), one session for every village
// 14 days after the plan date (7 giờ 30, ½ ngày, at the commune hall),
// chair and signer = the official whose position starts with "Chủ tịch",
// and DefaultAgenda(7 giờ 30). `notice_days` is the rule set's
// notice_days_before (DLG-07), printed in the preparation section.
Conference DefaultConference(const Commune& commune, const std::vector<Village>& villages,
                             const std::vector<Official>& officials, int year, Date plan_date,
                             int notice_days = 7);

// The usual invitation list (seed §III.2, DLG-06): the Party committee
// standing members, the HĐND standing members, the Fatherland Front and the
// four mass organisations at the commune HQ; every official except the chair;
// per village its Party cell secretary, head and Front committee head
// (session = the session holding that village; 0 with one session). Numbered
// from 1, tokens empty.
std::vector<Invitee> DefaultInvitees(const Commune& commune, const std::vector<Village>& villages,
                                     const std::vector<Official>& officials,
                                     const Conference& conference);

// A half-day programme starting at `start_minute` (session 0: every session).
std::vector<AgendaItem> DefaultAgenda(int start_minute);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_DOCUMENTS_H_
