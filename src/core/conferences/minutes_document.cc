// BuildMinutes: the Biên bản of the conference (Decree 30 Mẫu 1.9, domain.md
// §3.7; DLG-10). Ô 4 stays empty (the time is in the body); THƯ KÝ signs on
// the left with the Nơi nhận under it, CHỦ TỌA on the right. Opinions are
// printed from the OpinionRows only, so a denouncer appears by pseudonym and
// a tố cáo by its topic (CONF-02/03).
#include <string>
#include <utility>
#include <vector>

#include "core/conferences/conference_documents_internal.h"
#include "core/conferences/conference_record.h"

namespace doithoai {

using conference_documents_internal::ChairText;
using conference_documents_internal::FindOfficial;
using conference_documents_internal::MakeHeader;
using conference_documents_internal::MeetingName;
using conference_documents_internal::SessionAgenda;
using conference_documents_internal::UpperFirst;
using conference_documents_internal::VillageNames;
using conference_documents_internal::VillageWord;
using conference_documents_internal::WithoutFinalStop;

namespace {

class MinutesWriter {
 public:
  explicit MinutesWriter(Document& doc) : doc_(doc) {}
  void P(std::string text, bool bold = false, bool italic = false) {
    doc_.body.emplace_back(Paragraph{std::move(text), true, bold, italic});
  }
  // A field label of Mẫu 1.9 on its own line ("Thành phần tham dự:").
  void Label(std::string text) { doc_.body.emplace_back(Paragraph{std::move(text), true, true}); }
  void B(std::string text) { doc_.body.emplace_back(Bullet{std::move(text)}); }

 private:
  Document& doc_;
};

std::string SessionTitle(const ConferenceSession& session, const DocumentContext& context) {
  std::string title = "Phiên " + std::to_string(session.number);
  const std::string villages = VillageNames(session, context.villages);
  if (!villages.empty()) title += " (các " + VillageWord(context.commune) + ": " + villages + ")";
  return title;
}

// "Ông/Bà Nguyễn Văn An (Thôn 3)"; a pseudonym stands alone (CONF-02).
std::string SpeakerText(const OpinionRow& row) {
  std::string text = row.denunciation || row.speaker_name.rfind("Người tố cáo", 0) == 0
                         ? row.speaker_name
                         : "Ông/Bà " + row.speaker_name;
  if (!row.village_name.empty()) text += " (" + row.village_name + ")";
  return text;
}

// What the room did with one item (DLG-11): the answer given there, the
// assignment, or the forwarding to the competent body.
std::string ResponseText(const OpinionRow& row, const Commune& commune) {
  if (row.denunciation) {
    return "Chủ tọa tiếp nhận; nội dung tố cáo được xử lý riêng theo quy định của pháp luật về "
           "tố cáo.";
  }
  if (row.answered_in_room && !row.answer.empty()) {
    std::string text = "Trả lời: ";
    if (!row.answered_by.empty()) text += row.answered_by + ": ";
    return text + WithoutFinalStop(row.answer) + ".";
  }
  if (row.beyond_authority) {
    return "Vượt thẩm quyền, chuyển " +
           (row.forwarded_to.empty() ? std::string("cơ quan có thẩm quyền")
                                     : WithoutFinalStop(row.forwarded_to)) +
           " xem xét, giải quyết.";
  }
  if (!row.unit_name.empty()) {
    std::string text = "Giao " + row.unit_name + " giải quyết";
    if (row.deadline) text += ", hạn " + FormatDdMmYyyy(*row.deadline);
    return text + ".";
  }
  std::string text = "Ủy ban nhân dân " + std::string(CommuneTypeWord(commune.type)) +
                     " tiếp thu, giải quyết sau hội nghị";
  if (row.deadline) text += ", hạn " + FormatDdMmYyyy(*row.deadline);
  return text + ".";
}

// The rows of the opinions of one session, grouped by opinion, in order.
void Opinions(MinutesWriter& w, const std::vector<const OpinionRow*>& rows,
              const Commune& commune) {
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t end = i;
    while (end < rows.size() && rows[end]->opinion == rows[i]->opinion) ++end;
    const OpinionRow& first = *rows[i];
    if (end - i == 1) {
      w.P(SpeakerText(first) + " phát biểu: " + WithoutFinalStop(first.content) + ".");
      w.P(ResponseText(first, commune));
    } else {
      w.P(SpeakerText(first) + " phát biểu:");
      for (std::size_t k = i; k < end; ++k) {
        w.B(WithoutFinalStop(rows[k]->content) + ". " + ResponseText(*rows[k], commune));
      }
    }
    i = end;
  }
}

// DLG-10 "Thành phần tham dự" of one session: the count of each group, the
// speakers among the citizens (named as the rows name them), then the
// invitees checked in.
void Attendance(MinutesWriter& w, const Conference& conference, const ConferenceSession& session,
                const std::vector<OpinionRow>& rows) {
  std::vector<std::string> speakers;
  for (const Speaker& speaker : conference.speakers) {
    if (speaker.session != session.number) continue;
    std::string name;
    bool spoke = speaker.state != SpeakerState::kWaiting;
    for (const OpinionRow& row : rows) {
      const Opinion* opinion = conference.FindOpinion(row.opinion);
      if (opinion != nullptr && opinion->speaker == speaker.number) {
        name = row.speaker_name;
        spoke = true;
        break;
      }
    }
    if (!spoke) continue;
    if (name.empty()) name = speaker.name;
    if (!name.empty()) speakers.push_back(name);
  }
  bool citizens_printed = false;
  auto speaker_list = [&speakers]() {
    std::string text = std::to_string(speakers.size()) + " công dân phát biểu: ";
    for (std::size_t i = 0; i < speakers.size(); ++i) {
      text += (i == 0 ? "" : ", ") + speakers[i];
    }
    return text;
  };
  for (const GroupAttendance& group : SessionAttendance(conference, session)) {
    std::string text = std::string(ParticipantGroupLabel(group.group)) + ": " +
                       std::to_string(group.count) + " người";
    if (group.group == ParticipantGroup::kCitizenRepresentative && !speakers.empty()) {
      text += "; " + speaker_list();
      citizens_printed = true;
    }
    w.B(text + ";");
  }
  if (!citizens_printed && !speakers.empty()) w.B("Nhân dân: " + speaker_list() + ";");

  std::vector<std::string> named;
  for (const Invitee& invitee : conference.invitees) {
    if (!invitee.checked_in_at) continue;
    if (invitee.session != 0 && invitee.session != session.number) continue;
    if (invitee.session == 0 && conference.sessions.size() > 1 &&
        VietnamDate(*invitee.checked_in_at) != session.date) {
      continue;
    }
    named.push_back(invitee.title.empty() ? invitee.name : invitee.name + ", " + invitee.title);
  }
  if (!named.empty()) {
    w.P("Đại biểu có mặt (theo điểm danh):", false, true);
    for (std::size_t i = 0; i < named.size(); ++i) {
      w.B(named[i] + (i + 1 == named.size() ? "." : ";"));
    }
  }
}

std::string OfficialName(const DocumentContext& context, std::optional<OfficialId> id,
                         const std::optional<SignOff>& sign_off) {
  if (const Official* official = FindOfficial(context.officials, id)) return official->full_name;
  return sign_off ? sign_off->name : "";
}

}  // namespace

Document BuildMinutes(const Conference& conference, const DocumentContext& context,
                      const ConferenceRecord& record) {
  Document doc;
  doc.header = MakeHeader(conference, context, "BB");
  doc.header.place_date.clear();  // Mẫu 1.9: the right column holds only ô 1
  doc.title = "BIÊN BẢN";
  doc.subject = UpperFirst(MeetingName(conference));
  MinutesWriter w(doc);
  const auto& sessions = conference.sessions;
  const bool several = sessions.size() > 1;

  // Mẫu 1.9 / DLG-10: start time and venue.
  if (sessions.size() == 1) {
    w.P("Thời gian bắt đầu: " + SessionStartText(sessions.front()) + ".");
    w.P("Địa điểm: " + WithoutFinalStop(sessions.front().venue) + ".");
  } else if (several) {
    w.P("Thời gian bắt đầu:");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      w.B("Phiên " + std::to_string(sessions[i].number) + ": " + SessionStartText(sessions[i]) +
          (i + 1 == sessions.size() ? "." : ";"));
    }
    w.P("Địa điểm:");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      w.B("Phiên " + std::to_string(sessions[i].number) + ": " +
          WithoutFinalStop(sessions[i].venue) + (i + 1 == sessions.size() ? "." : ";"));
    }
  } else {
    w.P("Thời gian bắt đầu: chưa ghi nhận.");
    w.P("Địa điểm: chưa ghi nhận.");
  }

  w.P("Thành phần tham dự:");
  for (const ConferenceSession& session : sessions) {
    if (several) w.P(SessionTitle(session, context), false, true);
    Attendance(w, conference, session, record.rows);
  }

  w.P("Chủ trì (chủ tọa): " + ChairText(conference, context) + ".");
  std::string secretary = "Thư ký (người ghi biên bản): ";
  if (const Official* official = FindOfficial(context.officials, conference.secretary)) {
    secretary += "Đồng chí " + official->full_name;
    if (!official->position.empty()) secretary += " – " + official->position;
  } else if (conference.minutes.secretary) {
    secretary += conference.minutes.secretary->name;
  }
  w.P(secretary + ".");

  // Nội dung in order of proceedings: each session's agenda, then its
  // opinions with what the room did with them.
  w.P("Nội dung (theo diễn biến hội nghị):");
  std::vector<bool> printed(record.rows.size(), false);
  auto session_rows = [&](int number) {
    std::vector<const OpinionRow*> rows;
    for (std::size_t i = 0; i < record.rows.size(); ++i) {
      if (!printed[i] && (number == 0 || record.rows[i].session == number)) {
        rows.push_back(&record.rows[i]);
        printed[i] = true;
      }
    }
    return rows;
  };
  for (std::size_t s = 0; s < sessions.size(); ++s) {
    const ConferenceSession& session = sessions[s];
    if (several) w.P(SessionTitle(session, context), false, true);
    for (const AgendaItem& item : SessionAgenda(conference, &session)) {
      std::string text = FormatClock(item.start_minute) + ": " + WithoutFinalStop(item.content);
      if (!item.presenter.empty()) text += " (" + item.presenter + ")";
      w.B(text + ".");
    }
    const std::vector<const OpinionRow*> rows = session_rows(session.number);
    if (!rows.empty()) {
      w.P("Ý kiến phát biểu của Nhân dân và trả lời của chủ tọa hội nghị:");
      Opinions(w, rows, context.commune);
    }
    if (several && s + 1 < sessions.size()) {
      w.P("Phiên " + std::to_string(session.number) + " kết thúc vào " + SessionEndText(session) +
          ".");
    }
  }
  if (sessions.empty()) {
    for (const AgendaItem& item : SessionAgenda(conference, nullptr)) {
      w.B(FormatClock(item.start_minute) + ": " + WithoutFinalStop(item.content) + ".");
    }
  }
  // Opinions of a session the conference no longer lists.
  if (const std::vector<const OpinionRow*> rest = session_rows(0); !rest.empty()) {
    Opinions(w, rest, context.commune);
  }

  // Mẫu 1.9: "… kết thúc vào … giờ …, ngày … tháng … năm …/.".
  w.P("Hội nghị kết thúc vào " +
      (sessions.empty() ? std::string("… giờ …, ngày … tháng … năm …")
                        : SessionEndText(sessions.back())) +
      "/.");

  // Bảng 1 (domain.md §7) as the appendix, then the addenda.
  if (!record.rows.empty()) {
    w.P("Phụ lục: TỔNG HỢP Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ", true);
    doc.body.emplace_back(OpinionTable(record.rows));
  }
  for (const MinutesAddendum& addendum : conference.minutes.addenda) {
    w.P("Biên bản bổ sung số " + std::to_string(addendum.number) + " (ngày " +
        FormatDdMmYyyy(VietnamDate(addendum.at)) + "): " + addendum.text);
  }

  // Mẫu 1.9: THƯ KÝ left, CHỦ TỌA right.
  doc.left_signature = SignatureBlock{
      "", "THƯ KÝ", OfficialName(context, conference.secretary, conference.minutes.secretary)};
  doc.signature = SignatureBlock{"", "CHỦ TỌA",
                                 OfficialName(context, conference.chair, conference.minutes.chair)};
  const std::string word(CommuneTypeWord(context.commune.type));
  doc.recipients = {"- Thường trực Đảng ủy, HĐND " + word + ";", "- UB MTTQ Việt Nam " + word + ";",
                    "- Lưu: VT, Hồ sơ."};
  return doc;
}

}  // namespace doithoai
