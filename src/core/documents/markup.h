// The text form of a whole Document ("văn bản dạng chữ"): what staff edit in a
// <textarea> before issuing and what storage keeps for every issued document
// (StoredDocument::markup). One line per block (a chart: its line and its
// rows); ToMarkup and ParseMarkup round-trip every field of the model exactly
// (for NFC text, TXT-01, and finite chart values sized as Validate requires).
//
// Cách viết (for the clerk; shown as help next to the editor):
//
//   @co-quan-chu-quan: UBND HUYỆN HOẰNG HÓA      cơ quan chủ quản (ô 2), có thể để trống
//   @co-quan: ỦY BAN NHÂN DÂN                   cơ quan ban hành (ô 2); lặp lại dòng
//   @co-quan: XÃ HOẰNG TRƯỜNG                   "@co-quan:" để xuống dòng
//   @so: Số: 05/KH-UBND                         số, ký hiệu (ô 3)
//   @dia-danh-ngay: Hoằng Trường, ngày 08 tháng 12 năm 2023   (ô 4)
//   @ten-loai: KẾ HOẠCH                         tên loại văn bản (ô 5a)
//   @trich-yeu: Tổ chức buổi tiếp xúc, …        trích yếu nội dung
//
//   Đoạn văn bình thường: viết thẳng, mỗi đoạn một dòng.
//   {dam} {nghieng} {khong-thut} Đoạn in đậm, in nghiêng, không thụt đầu dòng.
//   # MỤC ĐÍCH, YÊU CẦU                         đề mục cấp 1 (I., II., …: tự đánh số)
//   ## Nguyên tắc tiếp xúc, đối thoại            khoản (1., 2., …)
//   ## Công chức Tài chính – Ngân sách: :: Có trách nhiệm …   phần sau " :: " viết liền dòng
//   ### Nội dung điểm                            điểm (a), b), …)
//   - Gạch đầu dòng
//   @cot: 1,6,3                                 (tùy chọn) độ rộng tương đối các cột của bảng
//   | STT | Nội dung | Số tiền (đồng) |           bảng: dòng đầu là tiêu đề, các dòng
//   | 1 | Nước uống | 500.000 |                   liền nhau là một bảng
//   [QR 25mm] https://… :: Quét mã để …          mã QR: nội dung :: chú thích
//   [BIỂU ĐỒ 160x80mm] Số ý kiến theo lĩnh vực   biểu đồ cột: rộng x cao (mm), tên biểu đồ;
//   | | Đã trả lời | Trả lời sau |              dòng đầu: ô trống rồi tên từng loại cột;
//   | Đất đai – môi trường | 3 | 1 |             mỗi dòng sau: tên nhóm cột và các số
//   | Chính sách xã hội | 12 | 1.500,5 |          (dấu phẩy trước phần thập phân)
//
//   @noi-nhan:                                  nơi nhận: mỗi dòng một nơi, ghi cả dấu "- "
//   - UBND huyện (b/c);
//   - Lưu: VT.
//   @ky-tm-trai:                                (biên bản) chữ ký bên trái: thẩm quyền,
//   @chuc-vu-trai: THƯ KÝ                       chức vụ, họ tên; không ghi ba dòng này
//   @nguoi-ky-trai: Nguyễn Thị Hoa              nếu văn bản chỉ có một chữ ký
//   @ky-tm: TM. ỦY BAN NHÂN DÂN                 thẩm quyền ký (lặp lại dòng để xuống dòng)
//   @chuc-vu: CHỦ TỊCH
//   @nguoi-ky: Lê Thanh Cảnh
//
//   Ghi chú: dòng trống chỉ để ngăn cách (và kết thúc một bảng). Đoạn văn muốn bắt
//   đầu bằng "- ", "#", "@", "{", "[" hoặc "|" thì gõ thêm "\" phía trước: "\- 5 độ C".
//   Trong ô bảng gõ "\|" để có dấu "|"; gõ "\n" để xuống dòng trong cùng một đoạn.
//   Sau dòng "@noi-nhan:" mỗi dòng (trừ các dòng "@…") là một nơi nhận.
//
// Details: blank lines only separate (and end a table). Spaces at both ends of a
// line or cell are ignored. Key and flag names ignore case and accents
// ("@Số:", "{đậm}", "{không thụt}" work). A backslash makes the next
// character plain text: a paragraph that starts with "- ", "#", "@", "{", "[",
// "|" or "\" is written "\- …"; "\|" is a "|" inside a cell, "\::" a "::"
// inside a heading or QR payload, "\ " a kept space at either end, "\n" a
// line break inside one block, "\\" a backslash; a lone "\" ending a line
// adds nothing (it writes an empty recipient). A backslash before any other
// character stays as it is. ToMarkup writes every header and signature key
// even when empty.
//
// Charts: the bracket word is "BIỂU ĐỒ" in any case, with or without accents
// ("[bieu do]"), or "[chart]"; the size is optional (160x80 by default; "x" or
// "×", "mm" optional). The "|" lines right after it are the chart's (a blank
// line or any other line ends them); cells are escaped as in tables. The first
// row's first cell (the corner) is not kept. A value is digits with '.'
// grouping thousands ("1.500": every group after the first has three digits),
// an optional ',' decimal part, an optional leading '-'; a blank cell is 0.
// ToMarkup writes values without grouping ("1500,25", exact for any finite
// double), omits the rows of a chart with neither labels nor series, and
// writes a ragged `values` (which Validate rejects) padded with 0.
//
// The left signature: any "@ky-tm-trai", "@chuc-vu-trai" or "@nguoi-ky-trai"
// line (also "@tham-quyen-trai") makes Document::left_signature present;
// ToMarkup writes all three keys exactly when it is present, before the right
// signature's keys.
//
// Several documents (the invitations: one per invitee) are kept in one text
// with a line "===" between them (ToMarkupList / ParseMarkupList).
#ifndef DOITHOAI_CORE_DOCUMENTS_MARKUP_H_
#define DOITHOAI_CORE_DOCUMENTS_MARKUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/documents/document.h"

namespace doithoai {

// The markup of `doc` ('\n' line ends, ends with a newline). Headings of level
// < 1 are written as level 1.
std::string ToMarkup(const Document& doc);

// Parses markup. The input must be valid UTF-8 (it is normalised to NFC); a
// leading BOM and CRLF line ends are accepted. Errors are kInvalidArgument
// with a Vietnamese message naming the line: "Dòng 12: …". A "===" line is
// an error here (use ParseMarkupList).
Result<Document> ParseMarkup(std::string_view markup);

// Several documents separated by "===" lines.
std::string ToMarkupList(const std::vector<Document>& docs);
// At least one document; line numbers in errors count from the top of the
// whole text.
Result<std::vector<Document>> ParseMarkupList(std::string_view markup);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_DOCUMENTS_MARKUP_H_
