// Private to the markup source files (markup_writer.cc: ToMarkup, ToMarkupList;
// markup_parser.cc: ParseMarkup, ParseMarkupList). The names and escape rules
// both sides must agree on so that every document round-trips (TXT-01).
#ifndef DOITHOAI_CORE_DOCUMENTS_MARKUP_INTERNAL_H_
#define DOITHOAI_CORE_DOCUMENTS_MARKUP_INTERNAL_H_

#include <string_view>

namespace doithoai::markup_internal {

// Spaces trimmed at both ends of a line or cell (and escaped there when kept).
inline bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// The header and signature fields, each written as one "@key: …" line per
// line of text, in the order ToMarkup writes them (the body and "@noi-nhan:"
// come between kSubject and kAuthority).
enum class Field {
  kParent,
  kIssuer,
  kNumber,
  kPlaceDate,
  kTitle,
  kSubject,
  kAuthority,
  kPosition,
  kSigner
};

struct FieldKey {
  std::string_view name;  // normalised: lower case, no accents, '-' for spaces
  Field field;
};

// Every accepted key name of a field; the first one listed for a field is the
// canonical name that ToMarkup writes.
inline constexpr FieldKey kFieldKeys[] = {
    {"co-quan-chu-quan", Field::kParent},
    {"chu-quan", Field::kParent},
    {"co-quan", Field::kIssuer},
    {"co-quan-ban-hanh", Field::kIssuer},
    {"so", Field::kNumber},
    {"so-ky-hieu", Field::kNumber},
    {"dia-danh-ngay", Field::kPlaceDate},
    {"ngay", Field::kPlaceDate},
    {"ten-loai", Field::kTitle},
    {"trich-yeu", Field::kSubject},
    {"ky-tm", Field::kAuthority},
    {"tham-quyen", Field::kAuthority},
    {"chuc-vu", Field::kPosition},
    {"nguoi-ky", Field::kSigner},
};

// The canonical key name of `field`.
constexpr std::string_view KeyName(Field field) {
  for (const FieldKey& key : kFieldKeys) {
    if (key.field == field) return key.name;
  }
  return {};
}

// Keys that are not header or signature fields.
inline constexpr std::string_view kRecipientsKey = "noi-nhan";  // starts the recipient lines
inline constexpr std::string_view kWidthsKey = "cot";           // column widths of the next table

// Canonical paragraph flag names ("{dam} {nghieng} {khong-thut} …").
inline constexpr std::string_view kBoldFlag = "dam";
inline constexpr std::string_view kItalicFlag = "nghieng";
inline constexpr std::string_view kNoIndentFlag = "khong-thut";

// Escape rules. A backslash makes the next ASCII punctuation or space plain
// text; "\n" and "\r" stand for line breaks inside one block. A paragraph whose
// first character is one of kParagraphLead, or a recipient line whose first
// character is one of kRecipientLead, has it escaped so it is not read as
// syntax ('=' so that no line looks like a kListSeparator).
inline constexpr std::string_view kParagraphLead = "-#@{[|=";
inline constexpr std::string_view kRecipientLead = "@=";

// The line between documents in ToMarkupList (reading accepts three or more
// '=' with spaces around).
inline constexpr std::string_view kListSeparator = "===";

}  // namespace doithoai::markup_internal

#endif  // DOITHOAI_CORE_DOCUMENTS_MARKUP_INTERNAL_H_
