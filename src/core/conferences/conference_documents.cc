#include "core/conferences/conference_documents.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "core/conferences/conference_documents_internal.h"

namespace doithoai {

namespace conference_documents_internal {

namespace {

std::string CaseFirst(std::string_view text, bool upper) {
  if (text.empty()) return "";
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString head = u.tempSubString(0, U16_LENGTH(u.char32At(0)));
  std::string original_head;
  head.toUTF8String(original_head);
  if (upper) {
    head.toUpper(icu::Locale("vi"));
  } else {
    head.toLower(icu::Locale("vi"));
  }
  std::string out;
  head.toUTF8String(out);
  out.append(text.substr(std::min(original_head.size(), text.size())));
  return out;
}

}  // namespace

std::string UpperVi(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toUpper(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string UpperFirst(std::string_view text) { return CaseFirst(text, true); }
std::string LowerFirst(std::string_view text) { return CaseFirst(text, false); }

std::string TwoDigits(int value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", value);
  return buf;
}

std::string FormatMoney(int64_t vnd) {
  const bool negative = vnd < 0;
  std::string digits = std::to_string(negative ? -vnd : vnd);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string WithoutFinalStop(std::string_view text) {
  if (!text.empty() && (text.back() == '.' || text.back() == ';')) text.remove_suffix(1);
  return std::string(text);
}

std::string VillageWord(const Commune& commune) {
  return commune.type == CommuneType::kPhuong ? "tổ dân phố" : "thôn";
}

DocumentHeader MakeHeader(const Conference& conference, const DocumentContext& context,
                          std::string_view symbol) {
  const Commune& commune = context.commune;
  DocumentHeader header;
  header.parent_body = conference.issuer_parent;
  // FMT-11: two bold upper-case lines, "ỦY BAN NHÂN DÂN" / "XÃ HOẰNG TRƯỜNG".
  header.issuing_body = "ỦY BAN NHÂN DÂN\n" + UpperVi(commune.DisplayName());
  header.number = DocumentNumberLine(context.number, symbol);
  header.place_date = FormatPlaceAndDate(DocumentPlace(commune), context.issued_on);
  return header;
}

SignatureBlock MakeSignature(const Conference& conference, const DocumentContext& context) {
  SignatureBlock signature;
  const Official* signer =
      FindOfficial(context.officials, conference.signer ? conference.signer : conference.chair);
  if (signer != nullptr) signature.signer_name = signer->full_name;
  // FMT-32: the UBND is a collective, so the Chairman signs "TM. ỦY BAN NHÂN
  // DÂN" / "CHỦ TỊCH". The seed plan prints only "CHỦ TỊCH" above the name;
  // we follow FMT-32 (and Decree 30 Appendix I) rather than the seed here.
  const std::string& authority = conference.signer_authority;
  if (authority.empty() || authority.rfind("TM.", 0) == 0) {
    signature.authority = "TM. ỦY BAN NHÂN DÂN";
    signature.position = "CHỦ TỊCH";
  } else if (authority.rfind("KT.", 0) == 0) {
    // FMT-32 three-line form: a Vice-Chairman signs for the Chairman in the
    // collective's name.
    signature.authority = "TM. ỦY BAN NHÂN DÂN\n" + authority;
    signature.position = "PHÓ CHỦ TỊCH";
  } else {
    // TL., TUQ., Q. (FMT-30): the signer's own title, without "UBND xã …".
    signature.authority = authority;
    std::string position = signer != nullptr ? signer->position : "";
    const std::size_t cut = position.find(" UBND");
    if (cut != std::string::npos) position.resize(cut);
    signature.position = UpperVi(position);
  }
  return signature;
}

const Official* FindOfficial(const std::vector<Official>& officials, std::optional<OfficialId> id) {
  if (!id) return nullptr;
  for (const Official& official : officials) {
    if (official.id == *id) return &official;
  }
  return nullptr;
}

std::string VillageNames(const ConferenceSession& session, const std::vector<Village>& villages) {
  std::string names;
  for (const VillageId& id : session.villages) {
    for (const Village& village : villages) {
      if (village.id == id) {
        names += (names.empty() ? "" : ", ") + village.name;
        break;
      }
    }
  }
  return names;
}

std::string SessionWhen(const ConferenceSession& session) {
  return FormatClock(session.start_minute) + ", " +
         std::string(VietnameseWeekdayName(session.date.weekday())) + ", " +
         FormatVietnameseDate(session.date);
}

std::string MeetingName(const Conference& conference) {
  std::string_view subject = conference.subject;
  for (std::string_view prefix : {"Tổ chức ", "tổ chức "}) {
    if (subject.substr(0, prefix.size()) == prefix) subject.remove_prefix(prefix.size());
  }
  if (subject.empty()) {
    return "hội nghị đối thoại với Nhân dân năm " + std::to_string(conference.year);
  }
  return LowerFirst(WithoutFinalStop(subject));
}

std::string ChairText(const Conference& conference, const DocumentContext& context) {
  std::string text;
  if (const Official* chair = FindOfficial(context.officials, conference.chair)) {
    text = "Đồng chí " + chair->full_name;
    if (!chair->position.empty()) text += " – " + chair->position;
  } else {
    text = "Chủ tịch Ủy ban nhân dân " + context.commune.DisplayName();
  }
  // DLG-05: the HĐND standing committee's representative co-chairs.
  if (!conference.cochair.empty()) text += "; " + conference.cochair;
  return text;
}

std::vector<AgendaItem> SessionAgenda(const Conference& conference,
                                      const ConferenceSession* session) {
  std::vector<AgendaItem> items;
  int common_start = -1;
  for (const AgendaItem& item : conference.agenda) {
    if (item.session == 0 && (common_start < 0 || item.start_minute < common_start)) {
      common_start = item.start_minute;
    }
  }
  for (AgendaItem item : conference.agenda) {
    if (session == nullptr) {
      items.push_back(item);
    } else if (item.session == 0) {
      item.start_minute += session->start_minute - common_start;
      items.push_back(item);
    } else if (item.session == session->number) {
      items.push_back(item);
    }
  }
  std::stable_sort(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) {
    return a.start_minute < b.start_minute;
  });
  return items;
}

}  // namespace conference_documents_internal

using conference_documents_internal::ChairText;
using conference_documents_internal::MakeHeader;
using conference_documents_internal::MakeSignature;
using conference_documents_internal::MeetingName;
using conference_documents_internal::SessionAgenda;
using conference_documents_internal::SessionWhen;
using conference_documents_internal::UpperFirst;
using conference_documents_internal::VillageNames;
using conference_documents_internal::VillageWord;
using conference_documents_internal::WithoutFinalStop;

Document BuildProgramme(const Conference& conference, const DocumentContext& context) {
  Document doc;
  doc.header = MakeHeader(conference, context, "CTr");
  doc.title = "CHƯƠNG TRÌNH";
  doc.subject = UpperFirst(MeetingName(conference));
  auto agenda_table = [&doc](const std::vector<AgendaItem>& items) {
    Table table;
    table.header = {"Thời gian", "Nội dung", "Người thực hiện"};
    table.column_widths = {2, 5, 3};
    for (const AgendaItem& item : items) {
      table.rows.push_back({FormatClock(item.start_minute), item.content, item.presenter});
    }
    doc.body.emplace_back(std::move(table));
  };
  const std::string chair = ChairText(conference, context);
  if (conference.sessions.empty()) {
    doc.body.emplace_back(Paragraph{"Chủ trì: " + chair + "."});
    agenda_table(SessionAgenda(conference, nullptr));
  }
  const bool several = conference.sessions.size() > 1;
  for (const ConferenceSession& session : conference.sessions) {
    if (several) {
      doc.body.emplace_back(Paragraph{"Phiên " + std::to_string(session.number) + " (các " +
                                          VillageWord(context.commune) + ": " +
                                          VillageNames(session, context.villages) + ")",
                                      false, true, false});
    }
    doc.body.emplace_back(Paragraph{"Thời gian: " + SessionWhen(session) + "."});
    doc.body.emplace_back(Paragraph{"Địa điểm: " + WithoutFinalStop(session.venue) + "."});
    doc.body.emplace_back(Paragraph{"Chủ trì: " + chair + "."});
    agenda_table(SessionAgenda(conference, &session));
  }
  doc.signature = MakeSignature(conference, context);
  const std::string word(CommuneTypeWord(context.commune.type));
  doc.recipients = {"- TT ĐU, TT HĐND " + word + " (b/c);", "- Chủ tịch, PCT UBND " + word + ";",
                    "- Các đại biểu được mời;", "- Lưu: VT."};
  return doc;
}

std::string DocumentNumberLine(int number, std::string_view symbol) {
  // §3.2 ô 3: leading zero below 10; a draft leaves the number blank for the
  // clerk (NUM-03: paper documents are numbered after signing).
  return number > 0 ? "Số: " + conference_documents_internal::TwoDigits(number) + "/" +
                          std::string(symbol) + "-UBND"
                    : "Số:      /" + std::string(symbol) + "-UBND";
}

std::string DocumentPlace(const Commune& commune) {
  // FMT-10: units named by a number print the full unit name ("Phường 1").
  const bool numbered = !commune.name.empty() && commune.name[0] >= '0' && commune.name[0] <= '9';
  return numbered ? conference_documents_internal::UpperFirst(commune.DisplayName()) : commune.name;
}

}  // namespace doithoai
