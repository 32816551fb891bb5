// A format-neutral model of an official administrative document laid out per
// Decree 30/2020/NĐ-CP (domain.md §3): the two-column header (ô 1–4), the
// title and trích yếu (ô 5a), a body of headings, paragraphs, bullets and
// tables, the signature block (ô 7a–7c) and the "Nơi nhận" list (ô 9b).
// Renderers (e.g. adapters/documents/docx_renderer) turn it into files; this
// module is pure.
//
// Numbering (FMT-24) is computed, not typed: a Heading holds only its title and
// HeadingNumbers() derives "I.", "1.", "a)" from the heading levels. Text that
// uses other schemes (e.g. the seed's "3.1. Thời gian: …") stays a Paragraph
// with the number written in its text.
#ifndef DOITHOAI_CORE_DOCUMENTS_DOCUMENT_H_
#define DOITHOAI_CORE_DOCUMENTS_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/common/result.h"

namespace doithoai {

// Ô 1 (FMT, §3.2): fixed national motto lines.
inline constexpr std::string_view kQuocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
inline constexpr std::string_view kTieuNgu = "Độc lập - Tự do - Hạnh phúc";
// Ô 9b label (FMT-41).
inline constexpr std::string_view kNoiNhanLabel = "Nơi nhận:";

// Ô 2–4. Every field is stored exactly as printed (upper case where FMT says).
struct DocumentHeader {
  std::string parent_body;  // ô 2 parent line, e.g. "UBND HUYỆN HOẰNG HÓA"; may be empty
  std::string issuing_body;  // ô 2, e.g. "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG"; '\n' forces a break
  std::string number;      // ô 3, e.g. "Số: 05/KH-UBND"
  std::string place_date;  // ô 4, e.g. "Hoằng Trường, ngày 08 tháng 12 năm 2023";
                           // empty for a Biên bản (Mẫu 1.9)
};

// FMT-24: level 1 is a mục ("I. MỤC ĐÍCH, YÊU CẦU"), level 2 a khoản
// ("1. Nguyên tắc …"), level 3 an điểm ("a) …"). `text` excludes the number.
// `run_in` is body text continuing on the same line after the title
// (the seed's "2. Công chức Tài chính – Ngân sách: Có trách nhiệm …").
struct Heading {
  int level = 1;
  std::string text;
  std::string run_in;
};

struct Paragraph {
  std::string text;
  bool first_line_indent = true;  // FMT-05
  bool bold = false;
  bool italic = false;
};

// A "- …" item; `text` excludes the leading "- " (renderers add it).
struct Bullet {
  std::string text;
};

// `column_widths` are relative weights (any positive numbers); empty means
// equal columns. Every row has as many cells as the header.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> column_widths;
};

// A QR code printed in the body (e.g. the invitation's link to the public
// conference page, used for check-in). Renderers encode `payload` themselves
// (libqrencode, error correction M) and draw it `size_mm` wide, centred, with
// `caption` in small type under it when not empty.
struct QrCode {
  std::string payload;
  int size_mm = 25;
  std::string caption;
};

// A bar chart drawn in the body (the report's figures, DLG-13). One group of
// bars per label, one bar per series; values are counts (≥ 0). Renderers
// draw it from this data: SVG for pages and inside the DOCX (with a PNG
// fallback), vector drawing in the PDF. `width_mm` is the printed width.
struct Chart {
  std::string title;                        // printed above the chart
  std::vector<std::string> labels;          // one per group ("Đất đai – môi trường")
  std::vector<std::string> series;          // legend names; one per bar of a group
  std::vector<std::vector<double>> values;  // values[series][label]
  int width_mm = 160;
  int height_mm = 80;
};

using Block = std::variant<Heading, Paragraph, Bullet, Table, QrCode, Chart>;

// Ô 7a–7c (FMT-30..32). `authority` may hold several lines separated by '\n'
// ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH") and may be empty.
struct SignatureBlock {
  std::string authority;    // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"
  std::string position;     // "CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
  std::string signer_name;  // "Lê Thanh Cảnh"
};

struct Document {
  DocumentHeader header;
  std::string title;    // ô 5a type name, upper case: "KẾ HOẠCH" (FMT-20)
  std::string subject;  // trích yếu (FMT-21)
  std::vector<Block> body;
  SignatureBlock signature;
  // Mẫu 1.9 (Biên bản): a second signature on the left ("THƯ KÝ"), with the
  // Nơi nhận list under it; `signature` stays on the right ("CHỦ TỌA").
  std::optional<SignatureBlock> left_signature;
  // FMT-41 lines as printed, dash included: "- UBND huyện (b/c);" … "- Lưu: VT."
  std::vector<std::string> recipients;
};

// 1 → "I", 4 → "IV", 20 → "XX". Defined for 1..3999; other values give "".
std::string RomanNumeral(int value);

// FMT-24 điểm letters in Vietnamese alphabet order: 1 → "a", 6 → "đ", 7 → "e",
// 8 → "g" (no f, j, w, z). Past the 23rd letter: "" (not used in practice).
std::string VietnameseLetter(int index);

// One label per block of `body` (same size): "I.", "1.", "a)" for headings,
// "" for other blocks. Khoản counters restart under each mục, điểm counters
// under each khoản.
std::vector<std::string> HeadingNumbers(const std::vector<Block>& body);

// Each column's share of the table width (sums to 1): `column_widths` as
// relative weights (each at least 1), or equal shares when they do not match
// the header. Shared by every renderer.
std::vector<double> ColumnFractions(const Table& table);

// Checks the fields every Decree 30 document needs. On failure returns
// kInvalidArgument with one FieldError per problem (Vietnamese messages);
// field names: "issuing_body", "title", "signer_name", "recipients", "body".
Status Validate(const Document& doc);

// The whole document as text in reading order, one line per paragraph:
// header left column, right column, title, subject, body (with numbers and
// "- " bullets, table cells joined by " | "), Nơi nhận, signature.
std::string PlainText(const Document& doc);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_DOCUMENTS_DOCUMENT_H_
