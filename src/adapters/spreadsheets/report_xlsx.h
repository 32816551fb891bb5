// The figures of a result report (Báo cáo kết quả, DLG-13; domain.md §7
// Bảng 2) as an Excel workbook: the table by field, its totals, the
// authority split, the on-time and satisfaction rates, and a native Excel
// column chart of the totals by field. Written with libxlsxwriter;
// thread-safe (no shared state).
#ifndef DOITHOAI_ADAPTERS_SPREADSHEETS_REPORT_XLSX_H_
#define DOITHOAI_ADAPTERS_SPREADSHEETS_REPORT_XLSX_H_

#include <string>

#include "core/common/result.h"
#include "core/reports/petition_report.h"

namespace doithoai::spreadsheets {

// The name of the only worksheet.
inline constexpr char kReportSheetName[] = "Bảng 2";

// The .xlsx bytes. One sheet, kReportSheetName:
//   row 1  `title` (e.g. "THỐNG KÊ Ý KIẾN, KIẾN NGHỊ THEO LĨNH VỰC")
//   row 2  "Từ ngày dd/mm/yyyy đến ngày dd/mm/yyyy"
//   row 3  "Số liệu tính đến ngày dd/mm/yyyy" (as_of)
//   row 5  Lĩnh vực | Tổng số | Trả lời tại hội nghị | Giao giải quyết sau hội
//          nghị | Chuyển cấp trên | Đã giải quyết xong | Đang giải quyết | Quá hạn
//   row 6… one row per `figures.by_field` (its label), in order
//   then   "Tổng cộng": SUM formulas whose cached values are figures.totals
//          (plain numbers when there is no field row)
//   then, after a blank row, label in column A and value in column B:
//          "Thuộc thẩm quyền của xã" (within_authority),
//          "Vượt thẩm quyền, chuyển cấp trên" (totals.forwarded),
//          "Tỷ lệ giải quyết đúng hạn" (OnTimeRate) and
//          "Tỷ lệ người kiến nghị hài lòng" (SatisfactionRate): a fraction
//          in the number format "0.0%", or "—" when there is nothing to
//          divide; column C gives the counts ("8/10 ý kiến có thời hạn",
//          "5/6 lượt đánh giá").
//   below  a column chart "Tổng số ý kiến, kiến nghị theo lĩnh vực" of the
//          Tổng số column by field (no chart when there is no field row).
// libxlsxwriter writes to a file: a private temporary file in $TMPDIR (or
// /tmp) is used and always removed. Errors: kUnavailable when the temporary
// file cannot be created or read, kInternal when libxlsxwriter fails
// (Vietnamese messages).
Result<std::string> ReportWorkbook(const ReportFigures& figures, const std::string& title);

}  // namespace doithoai::spreadsheets

#endif  // DOITHOAI_ADAPTERS_SPREADSHEETS_REPORT_XLSX_H_
