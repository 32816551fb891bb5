// Helpers shared by the conference document builders (conference_documents.h).
// Not part of the public interface.
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_DOCUMENTS_INTERNAL_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_DOCUMENTS_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/conferences/conference_documents.h"

namespace doithoai::conference_documents_internal {

// Vietnamese upper case (ICU, locale "vi"): "xã Hoằng Trường" → "XÃ HOẰNG TRƯỜNG".
std::string UpperVi(std::string_view text);
// First letter only: "buổi …" → "Buổi …" / "Những …" → "những …".
std::string UpperFirst(std::string_view text);
std::string LowerFirst(std::string_view text);
// "05", "12".
std::string TwoDigits(int value);
// "1.200.000" (Vietnamese thousands separator).
std::string FormatMoney(int64_t vnd);
// Without one trailing '.' or ';'.
std::string WithoutFinalStop(std::string_view text);

// "thôn" for a xã or đặc khu, "tổ dân phố" for a phường.
std::string VillageWord(const Commune& commune);

// Ô 2–4 (FMT-11, §3.2) for a document with the Appendix III symbol `symbol`.
DocumentHeader MakeHeader(const Conference& conference, const DocumentContext& context,
                          std::string_view symbol);
// Ô 7a–7c (FMT-30..32).
SignatureBlock MakeSignature(const Conference& conference, const DocumentContext& context);

const Official* FindOfficial(const std::vector<Official>& officials, std::optional<OfficialId> id);
// "Thôn 1, Thôn 2" in the order of the session's list.
std::string VillageNames(const ConferenceSession& session, const std::vector<Village>& villages);
// "07 giờ 30, thứ Sáu, ngày 08 tháng 12 năm 2023".
std::string SessionWhen(const ConferenceSession& session);
// The meeting named inside a sentence, from the subject without "Tổ chức":
// "buổi tiếp xúc, đối thoại với nhân dân năm 2023".
std::string MeetingName(const Conference& conference);
// "Đồng chí Lê Thanh Cảnh – Chủ tịch UBND xã" (and the co-chair when set).
std::string ChairText(const Conference& conference, const DocumentContext& context);
// Agenda items of `session` (0 = no session: every item, unshifted), in time
// order. Items for every session (session 0) move with the session's start.
std::vector<AgendaItem> SessionAgenda(const Conference& conference,
                                      const ConferenceSession* session);

}  // namespace doithoai::conference_documents_internal

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_DOCUMENTS_INTERNAL_H_
