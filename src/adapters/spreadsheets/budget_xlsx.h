// The budget of a conference (DLG-14: dự toán and quyết toán) as an Excel
// workbook that the commune's accountant can open, check and print. Written
// with libxlsxwriter; thread-safe (no shared state).
#ifndef DOITHOAI_ADAPTERS_SPREADSHEETS_BUDGET_XLSX_H_
#define DOITHOAI_ADAPTERS_SPREADSHEETS_BUDGET_XLSX_H_

#include <string>

#include "core/common/result.h"
#include "core/communes/commune.h"
#include "core/conferences/conference.h"

namespace doithoai::spreadsheets {

// The name of the only worksheet.
inline constexpr char kBudgetSheetName[] = "Dự toán – Quyết toán";

// The .xlsx bytes. One sheet, kBudgetSheetName:
//   row 1  "DỰ TOÁN – QUYẾT TOÁN KINH PHÍ"
//   row 2  the conference subject
//   row 3  the commune ("UBND xã Hoằng Trường")
//   row 5  STT | Nội dung chi | Đơn vị tính | Số lượng | Đơn giá (đồng) |
//          Dự toán (đồng) | Thực chi (đồng) | Chênh lệch (đồng) | Nguồn kinh phí
//   row 6… one row per budget line: Dự toán = ROUND(Số lượng × Đơn giá, 0);
//          Thực chi and Chênh lệch (= Thực chi − Dự toán) only once settled
//   then   "Tổng cộng" with SUM formulas whose cached values are computed
//          here (so readers that do not recalculate see the totals),
//   then   "Bằng chữ (dự toán): …" and, when any actual is set,
//          "Bằng chữ (thực chi): …" (VietnameseAmountInWords).
// Amounts use the number format "#,##0". libxlsxwriter writes to a file: a
// private temporary file in $TMPDIR (or /tmp) is used and always removed.
// Errors: kUnavailable when the temporary file cannot be created or read,
// kInternal when libxlsxwriter fails (Vietnamese messages).
Result<std::string> RenderBudgetXlsx(const Conference& conference, const Commune& commune);

}  // namespace doithoai::spreadsheets

#endif  // DOITHOAI_ADAPTERS_SPREADSHEETS_BUDGET_XLSX_H_
