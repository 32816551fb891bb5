// A list of petitions (the staff list, filtered) as an Excel workbook the
// commune office can sort, filter and print. Written with libxlsxwriter;
// thread-safe (no shared state). The rows arrive already formatted: this
// adapter decides nothing about who may see what. CONF-02: for a sealed
// petition the caller passes the pseudonym ("Người tố cáo HT-…") as the
// submitter, never the name.
#ifndef DOITHOAI_ADAPTERS_SPREADSHEETS_PETITION_XLSX_H_
#define DOITHOAI_ADAPTERS_SPREADSHEETS_PETITION_XLSX_H_

#include <string>
#include <vector>

#include "core/common/result.h"

namespace doithoai::spreadsheets {

// The name of the only worksheet.
inline constexpr char kPetitionSheetName[] = "Đơn thư";

// One line of the export (one content item, or one petition: the caller
// chooses). Every field is display text (UTF-8, NFC).
struct PetitionExportRow {
  std::string code;         // "HT-24-0042-K"
  std::string received_on;  // "dd/mm/yyyy"
  std::string channel;      // label, "Qua trưởng thôn"
  std::string submitter;    // display name; the pseudonym for a sealed petition
  std::string village;
  std::string class_label;     // "Kiến nghị"
  std::string field_label;     // "Đất đai"
  std::string text;            // the content; may hold line breaks
  std::string unit;            // the unit handling it
  std::string status;          // label
  std::string deadline;        // "dd/mm/yyyy" or ""
  std::string deadline_state;  // label, "Quá hạn"
};

// The .xlsx bytes. One sheet, kPetitionSheetName:
//   rows 1…k  `title`, one line per '\n'-separated line (the first bold and
//             larger; the caller adds "Xuất ngày dd/mm/yyyy" and the filter
//             as further lines), each merged across the table's width;
//   row k+2   STT | Mã đơn | Ngày nhận | Kênh | Người gửi | Thôn | Phân loại |
//             Lĩnh vực | Nội dung | Đơn vị xử lý | Trạng thái | Hạn xử lý |
//             Tình trạng hạn (bold, frozen, autofilter, repeated on every
//             printed page);
//   then      one row per element of `rows`, STT numbered from 1; the content
//             column is wide and wrapped.
// Every value is written as a string, never as a formula, so text starting
// with "=" stays text (no formula injection). Text longer than Excel's cell
// limit (32 767 characters) is cut with "…". A4 landscape, fit to one page
// wide. Errors: kUnavailable when the temporary file cannot be created or
// read, kInternal when libxlsxwriter fails (Vietnamese messages).
Result<std::string> RenderPetitionsXlsx(const std::string& title,
                                        const std::vector<PetitionExportRow>& rows);

}  // namespace doithoai::spreadsheets

#endif  // DOITHOAI_ADAPTERS_SPREADSHEETS_PETITION_XLSX_H_
