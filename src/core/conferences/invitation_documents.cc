// BuildInvitations: Giấy mời per Decree 30 Mẫu 1.7 (domain.md §3.7): the
// issuer "trân trọng kính mời" the invitee, "Tới dự" the meeting, then
// "Chủ trì:", "Thời gian:", "Địa điểm:" and the points to note, with a QR code
// linking to the conference's public page for check-in.
#include <string>
#include <utility>
#include <vector>

#include "core/conferences/conference_documents.h"
#include "core/conferences/conference_documents_internal.h"

namespace doithoai {

using conference_documents_internal::ChairText;
using conference_documents_internal::MakeHeader;
using conference_documents_internal::MakeSignature;
using conference_documents_internal::MeetingName;
using conference_documents_internal::SessionWhen;
using conference_documents_internal::UpperFirst;
using conference_documents_internal::WithoutFinalStop;

namespace {

constexpr std::string_view kQrCaption = "Quét mã để xem thông tin hội nghị và điểm danh";

std::string InviteeLine(const Invitee& invitee) {
  std::string line = invitee.name;
  if (!invitee.title.empty()) line += (line.empty() ? "" : " – ") + invitee.title;
  return line;
}

// The sessions an invitee is asked to: its own, or every one.
std::vector<const ConferenceSession*> SessionsFor(const Conference& conference,
                                                  const Invitee& invitee) {
  std::vector<const ConferenceSession*> sessions;
  if (invitee.session != 0) {
    if (const ConferenceSession* s = conference.FindSession(invitee.session)) {
      sessions.push_back(s);
      return sessions;
    }
  }
  for (const ConferenceSession& s : conference.sessions) sessions.push_back(&s);
  return sessions;
}

}  // namespace

std::vector<Document> BuildInvitations(const Conference& conference,
                                       const DocumentContext& context) {
  const std::string issuer = "Ủy ban nhân dân " + context.commune.DisplayName();
  const std::string meeting = MeetingName(conference);
  std::string organisers = meeting;
  if (!conference.front_coordination.empty()) {
    // DLG-04: the UBND organises it with the commune's Fatherland Front.
    organisers += " do " + issuer + " phối hợp với " + conference.front_coordination + " tổ chức";
  }
  const std::string chair = ChairText(conference, context);
  const char separator = context.public_url.find('?') == std::string::npos ? '?' : '&';

  std::vector<Document> docs;
  for (const Invitee& invitee : conference.invitees) {
    Document doc;
    doc.header = MakeHeader(conference, context, "GM");
    doc.title = "GIẤY MỜI";
    doc.subject = UpperFirst(meeting);
    auto p = [&doc](std::string text, bool indent = true, bool bold = false) {
      doc.body.emplace_back(Paragraph{std::move(text), indent, bold, false});
    };
    p(issuer + " trân trọng kính mời:");
    p(InviteeLine(invitee), false, true);
    p("Tới dự " + organisers + ".");
    p("Chủ trì: " + chair + ".");

    const std::vector<const ConferenceSession*> sessions = SessionsFor(conference, invitee);
    if (sessions.empty()) {
      p("Thời gian: sẽ thông báo sau.");
      p("Địa điểm: sẽ thông báo sau.");
    } else if (sessions.size() == 1) {
      p("Thời gian: " + SessionWhen(*sessions.front()) + ".");
      p("Địa điểm: " + WithoutFinalStop(sessions.front()->venue) + ".");
    } else {
      std::string when;
      std::string where;
      for (const ConferenceSession* s : sessions) {
        const std::string label = "Phiên " + std::to_string(s->number) + ": ";
        when += (when.empty() ? "" : "; ") + label + SessionWhen(*s);
        where += (where.empty() ? "" : "; ") + label + WithoutFinalStop(s->venue);
      }
      p("Thời gian: " + when + ".");
      p("Địa điểm: " + where + ".");
    }
    doc.body.emplace_back(QrCode{context.public_url + separator + "gm=" + invitee.token, 25,
                                 std::string(kQrCaption)});
    p("Đề nghị đại biểu đến dự đúng thời gian; khi đến, xuất trình giấy mời hoặc quét mã QR "
      "trên để điểm danh./.");
    doc.signature = MakeSignature(conference, context);
    doc.recipients = {"- Như trên;", "- Lưu: VT."};
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace doithoai
