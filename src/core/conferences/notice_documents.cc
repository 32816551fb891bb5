// BuildPublicNotice and NoticeSpeechText: the public notice of DLG-07 (time,
// venue, content, how to attend), as a Thông báo and as loudspeaker text.
#include <string>
#include <utility>
#include <vector>

#include "core/conferences/conference_documents.h"
#include "core/conferences/conference_documents_internal.h"

namespace doithoai {

using conference_documents_internal::ChairText;
using conference_documents_internal::LowerFirst;
using conference_documents_internal::MakeHeader;
using conference_documents_internal::MakeSignature;
using conference_documents_internal::MeetingName;
using conference_documents_internal::SessionWhen;
using conference_documents_internal::VillageNames;
using conference_documents_internal::VillageWord;
using conference_documents_internal::WithoutFinalStop;

namespace {

// "Phiên 1 (thôn: Thôn 1, Thôn 2)".
std::string SessionLabel(const ConferenceSession& s, const DocumentContext& context) {
  return "Phiên " + std::to_string(s.number) + " (" + VillageWord(context.commune) + ": " +
         VillageNames(s, context.villages) + ")";
}

// ---- speech

// "7 giờ 30 phút", "14 giờ".
std::string SpokenClock(int minute_of_day) {
  std::string text = std::to_string(minute_of_day / 60) + " giờ";
  if (minute_of_day % 60 != 0) text += " " + std::to_string(minute_of_day % 60) + " phút";
  return text;
}

// "7 giờ 30 phút, thứ Sáu, ngày 8 tháng 12 năm 2023".
std::string SpokenWhen(const ConferenceSession& s) {
  return SpokenClock(s.start_minute) + ", " + std::string(VietnameseWeekdayName(s.date.weekday())) +
         ", ngày " + std::to_string(s.date.day()) + " tháng " + std::to_string(s.date.month()) +
         " năm " + std::to_string(s.date.year());
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Spells out the abbreviations of administrative writing, whole words only.
std::string ExpandAbbreviations(std::string text) {
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"UB MTTQ", "Ủy ban Mặt trận Tổ quốc"},
      {"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"},
      {"MTTQ", "Mặt trận Tổ quốc"},
      {"UBND", "Ủy ban nhân dân"},
      {"HĐND", "Hội đồng nhân dân"},
      {"PCT", "Phó Chủ tịch"},
      {"ĐU", "Đảng ủy"},
      {"TT", "Thường trực"},
  };
  for (const auto& [abbr, full] : kWords) {
    std::size_t pos = 0;
    while ((pos = text.find(abbr, pos)) != std::string::npos) {
      const std::size_t end = pos + abbr.size();
      const bool start_ok = pos == 0 || !IsWordByte(text[pos - 1]);
      const bool end_ok = end == text.size() || !IsWordByte(text[end]);
      if (start_ok && end_ok) {
        text.replace(pos, abbr.size(), full);
        pos += full.size();
      } else {
        pos = end;
      }
    }
  }
  return text;
}

// A reader says "8", not "08": drops the leading zero of two-digit numbers.
std::string DropLeadingZeros(const std::string& text) {
  auto digit = [&text](std::size_t i) {
    return i < text.size() && text[i] >= '0' && text[i] <= '9';
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool two_digit_number = !(i > 0 && digit(i - 1)) && digit(i + 1) && !digit(i + 2);
    if (text[i] == '0' && two_digit_number) continue;  // "08" → "8"
    out += text[i];
  }
  return out;
}

}  // namespace

Document BuildPublicNotice(const Conference& conference, const DocumentContext& context) {
  Document doc;
  doc.header = MakeHeader(conference, context, "TB");
  doc.title = "THÔNG BÁO";
  const std::string meeting = MeetingName(conference);
  doc.subject = "Về việc tổ chức " + meeting;
  const std::string commune = context.commune.DisplayName();
  const std::string word(CommuneTypeWord(context.commune.type));
  auto h2 = [&doc](std::string text, std::string run_in = "") {
    doc.body.emplace_back(Heading{2, std::move(text), std::move(run_in)});
  };
  auto bullet = [&doc](std::string text) { doc.body.emplace_back(Bullet{std::move(text)}); };

  std::string intro = "Ủy ban nhân dân " + commune;
  if (!conference.front_coordination.empty()) {
    intro += " phối hợp với " + conference.front_coordination;
  }
  intro += " tổ chức " + meeting + ". Ủy ban nhân dân " + word +
           " thông báo đến toàn thể Nhân dân trên địa bàn " + word + " như sau:";
  doc.body.emplace_back(Paragraph{intro});

  // DLG-07: time, venue, content and how to attend.
  const auto& sessions = conference.sessions;
  if (sessions.size() == 1) {
    h2("Thời gian:", SessionWhen(sessions.front()) + ".");
    h2("Địa điểm:", WithoutFinalStop(sessions.front().venue) + ".");
  } else if (sessions.empty()) {
    h2("Thời gian:", "sẽ thông báo sau.");
    h2("Địa điểm:", "sẽ thông báo sau.");
  } else {
    h2("Thời gian:", "Tổ chức " + std::to_string(sessions.size()) + " phiên theo cụm " +
                         VillageWord(context.commune) + ":");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      bullet(SessionLabel(sessions[i], context) + ": " + SessionWhen(sessions[i]) +
             (i + 1 == sessions.size() ? "." : ";"));
    }
    h2("Địa điểm:");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      bullet("Phiên " + std::to_string(sessions[i].number) + ": " +
             WithoutFinalStop(sessions[i].venue) + (i + 1 == sessions.size() ? "." : ";"));
    }
  }
  h2("Nội dung:",
     "Nhân dân phản ánh, kiến nghị và đối thoại trực tiếp với lãnh đạo Ủy ban nhân "
     "dân " +
         word + " về:");
  for (const std::string& area : conference.content_areas) bullet(area);
  h2("Chủ trì:", ChairText(conference, context) + ".");
  h2("Cách thức tham dự:", conference.how_to_attend);
  if (!context.public_url.empty()) {
    doc.body.emplace_back(Paragraph{"Thông tin chi tiết về hội nghị: " + context.public_url});
  }
  doc.body.emplace_back(Paragraph{"Ủy ban nhân dân " + word +
                                  " trân trọng thông báo để Nhân dân được biết và tham dự./."});
  doc.signature = MakeSignature(conference, context);
  doc.recipients = {"- TT ĐU, TT HĐND " + word + " (b/c);",
                    "- UB MTTQ và các đoàn thể " + word + ";",
                    "- Trưởng các " + VillageWord(context.commune) + " (để thông báo);",
                    "- Đài Truyền thanh " + word + " (để phát thanh);", "- Lưu: VT."};
  return doc;
}

std::string NoticeSpeechText(const Conference& conference, const DocumentContext& context) {
  const std::string commune = context.commune.DisplayName();
  const std::string word(CommuneTypeWord(context.commune.type));
  const std::string meeting = MeetingName(conference);
  std::vector<std::string> sentences;
  sentences.push_back("Kính thưa toàn thể Nhân dân " + commune + ".");
  std::string organiser = "Ủy ban nhân dân " + commune;
  if (!conference.front_coordination.empty()) {
    organiser += " phối hợp với " + conference.front_coordination;
  }
  sentences.push_back(organiser + " tổ chức " + meeting + ".");

  std::string when_where;
  const auto& sessions = conference.sessions;
  if (sessions.size() == 1) {
    when_where = "Thời gian: " + SpokenWhen(sessions.front()) +
                 ". Địa điểm: " + WithoutFinalStop(sessions.front().venue) + ".";
  } else if (sessions.empty()) {
    when_where = "Thời gian và địa điểm sẽ được thông báo sau.";
  } else {
    when_where = "Hội nghị tổ chức " + std::to_string(sessions.size()) + " phiên.";
    for (const ConferenceSession& s : sessions) {
      when_where += " Phiên thứ " + std::to_string(s.number) + ", dành cho Nhân dân các " +
                    VillageWord(context.commune) + " " + VillageNames(s, context.villages) +
                    ": vào " + SpokenWhen(s) + ", tại " + WithoutFinalStop(s.venue) + ".";
    }
  }
  sentences.push_back(when_where);

  std::string content;
  for (const std::string& area : conference.content_areas) {
    content += (content.empty() ? "" : "; ") + LowerFirst(WithoutFinalStop(area));
  }
  if (!content.empty()) {
    sentences.push_back(
        "Nội dung: Nhân dân phản ánh, kiến nghị và đối thoại trực tiếp với lãnh "
        "đạo Ủy ban nhân dân " +
        word + " về " + content + ".");
  }
  if (!conference.how_to_attend.empty()) {
    sentences.push_back("Cách thức tham dự: " + WithoutFinalStop(conference.how_to_attend) + ".");
  }
  sentences.push_back("Ủy ban nhân dân " + word +
                      " kính mời bà con Nhân dân quan tâm đến dự đông đủ, đúng giờ.");
  sentences.push_back("Xin nhắc lại. " + when_where);
  sentences.push_back("Xin trân trọng thông báo.");

  std::string text;
  for (const std::string& sentence : sentences) {
    text += (text.empty() ? "" : "\n") + sentence;
  }
  return DropLeadingZeros(ExpandAbbreviations(text)) + "\n";
}

}  // namespace doithoai
