#include "adapters/spreadsheets/budget_xlsx.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "adapters/spreadsheets/xlsx_file.h"
#include "core/text/number_words.h"

namespace doithoai::spreadsheets {
namespace {

// Column indexes (0-based) of the table.
enum Column : lxw_col_t {
  kNumber = 0,
  kItem,
  kUnit,
  kQuantity,
  kUnitPrice,
  kEstimate,
  kActual,
  kDifference,
  kSource,
  kColumnCount,
};

constexpr lxw_row_t kHeaderRow = 4;  // sheet row 5

bool IsWhole(double v) { return std::isfinite(v) && v == std::floor(v); }

}  // namespace

Result<std::string> RenderBudgetXlsx(const Conference& conference, const Commune& commune) {
  TempFile file("doithoai-budget");
  if (!file.ok()) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không tạo được tệp tạm để xuất bảng dự toán. Vui lòng thử lại.");
  }
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) {
    return MakeError(ErrorCode::kInternal, "Không tạo được tệp Excel dự toán.");
  }
  WorkbookCloser closer(workbook);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, kBudgetSheetName);
  if (sheet == nullptr) {
    return MakeError(ErrorCode::kInternal, "Không tạo được trang tính dự toán.");
  }

  auto make_format = [workbook](bool bold, bool border, const char* num_format, uint8_t align) {
    return DocumentFormat(workbook, bold, border, num_format, align);
  };
  lxw_format* title = make_format(true, false, nullptr, LXW_ALIGN_CENTER);
  format_set_font_size(title, 14);
  lxw_format* centered = make_format(true, false, nullptr, LXW_ALIGN_CENTER);
  lxw_format* plain_centered = make_format(false, false, nullptr, LXW_ALIGN_CENTER);
  format_set_italic(plain_centered);
  lxw_format* header = make_format(true, true, nullptr, LXW_ALIGN_CENTER);
  format_set_text_wrap(header);
  lxw_format* text = make_format(false, true, nullptr, LXW_ALIGN_NONE);
  format_set_text_wrap(text);
  lxw_format* text_center = make_format(false, true, nullptr, LXW_ALIGN_CENTER);
  lxw_format* money = make_format(false, true, "#,##0", LXW_ALIGN_NONE);
  lxw_format* decimal = make_format(false, true, "#,##0.00", LXW_ALIGN_NONE);
  lxw_format* total_label = make_format(true, true, nullptr, LXW_ALIGN_CENTER);
  lxw_format* total_money = make_format(true, true, "#,##0", LXW_ALIGN_NONE);
  lxw_format* total_blank = make_format(true, true, nullptr, LXW_ALIGN_NONE);
  lxw_format* words = make_format(false, false, nullptr, LXW_ALIGN_NONE);
  format_set_italic(words);

  worksheet_set_column(sheet, kNumber, kNumber, 6, nullptr);
  worksheet_set_column(sheet, kItem, kItem, 40, nullptr);
  worksheet_set_column(sheet, kUnit, kUnit, 11, nullptr);
  worksheet_set_column(sheet, kQuantity, kQuantity, 10, nullptr);
  worksheet_set_column(sheet, kUnitPrice, kUnitPrice, 15, nullptr);
  worksheet_set_column(sheet, kEstimate, kDifference, 17, nullptr);
  worksheet_set_column(sheet, kSource, kSource, 36, nullptr);
  worksheet_set_row(sheet, kHeaderRow, 33, nullptr);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_repeat_rows(sheet, kHeaderRow, kHeaderRow);
  worksheet_freeze_panes(sheet, kHeaderRow + 1, 0);

  const lxw_col_t last_col = kColumnCount - 1;
  worksheet_merge_range(sheet, 0, 0, 0, last_col, "DỰ TOÁN – QUYẾT TOÁN KINH PHÍ", title);
  worksheet_merge_range(sheet, 1, 0, 1, last_col, conference.subject.c_str(), centered);
  worksheet_merge_range(sheet, 2, 0, 2, last_col, commune.PeoplesCommitteeName().c_str(),
                        plain_centered);

  static constexpr const char* kHeaders[kColumnCount] = {"STT",
                                                         "Nội dung chi",
                                                         "Đơn vị tính",
                                                         "Số lượng",
                                                         "Đơn giá (đồng)",
                                                         "Dự toán (đồng)",
                                                         "Thực chi (đồng)",
                                                         "Chênh lệch (đồng)",
                                                         "Nguồn kinh phí"};
  for (lxw_col_t col = 0; col < kColumnCount; ++col) {
    worksheet_write_string(sheet, kHeaderRow, col, kHeaders[col], header);
  }

  int64_t estimate_total = 0;
  int64_t actual_total = 0;
  int64_t difference_total = 0;
  bool any_actual = false;
  lxw_row_t row = kHeaderRow + 1;
  for (size_t i = 0; i < conference.budget.size(); ++i, ++row) {
    const BudgetLine& line = conference.budget[i];
    const int64_t estimate = line.Estimate();
    estimate_total += estimate;
    worksheet_write_number(sheet, row, kNumber, line.number > 0 ? line.number : i + 1.0,
                           text_center);
    worksheet_write_string(sheet, row, kItem, line.item.c_str(), text);
    worksheet_write_string(sheet, row, kUnit, line.unit.c_str(), text_center);
    worksheet_write_number(sheet, row, kQuantity, line.quantity,
                           IsWhole(line.quantity) ? money : decimal);
    worksheet_write_number(sheet, row, kUnitPrice, static_cast<double>(line.unit_price), money);
    worksheet_write_formula_num(
        sheet, row, kEstimate,
        ("=ROUND(" + CellName(kQuantity, row) + "*" + CellName(kUnitPrice, row) + ",0)").c_str(),
        money, static_cast<double>(estimate));
    if (line.actual.has_value()) {
      any_actual = true;
      actual_total += *line.actual;
      difference_total += *line.actual - estimate;
      worksheet_write_number(sheet, row, kActual, static_cast<double>(*line.actual), money);
      worksheet_write_formula_num(
          sheet, row, kDifference,
          ("=" + CellName(kActual, row) + "-" + CellName(kEstimate, row)).c_str(), money,
          static_cast<double>(*line.actual - estimate));
    } else {
      worksheet_write_blank(sheet, row, kActual, money);
      worksheet_write_blank(sheet, row, kDifference, money);
    }
    worksheet_write_string(sheet, row, kSource, line.source.c_str(), text);
  }

  const lxw_row_t total_row = row;
  worksheet_write_blank(sheet, total_row, kNumber, total_blank);
  worksheet_write_string(sheet, total_row, kItem, "Tổng cộng", total_label);
  for (lxw_col_t col : {kUnit, kQuantity, kUnitPrice, kSource}) {
    worksheet_write_blank(sheet, total_row, col, total_blank);
  }
  const struct {
    lxw_col_t col;
    int64_t value;
  } totals[] = {
      {kEstimate, estimate_total}, {kActual, actual_total}, {kDifference, difference_total}};
  for (const auto& total : totals) {
    if (conference.budget.empty()) {
      worksheet_write_number(sheet, total_row, total.col, 0, total_money);
    } else {
      const std::string formula = "=SUM(" + CellName(total.col, kHeaderRow + 1) + ":" +
                                  CellName(total.col, total_row - 1) + ")";
      worksheet_write_formula_num(sheet, total_row, total.col, formula.c_str(), total_money,
                                  static_cast<double>(total.value));
    }
  }

  lxw_row_t words_row = total_row + 2;
  const std::string estimate_words =
      "Bằng chữ (dự toán): " + text::VietnameseAmountInWords(estimate_total);
  worksheet_write_string(sheet, words_row, kItem, estimate_words.c_str(), words);
  if (any_actual) {
    const std::string actual_words =
        "Bằng chữ (thực chi): " + text::VietnameseAmountInWords(actual_total);
    worksheet_write_string(sheet, ++words_row, kItem, actual_words.c_str(), words);
  }

  const lxw_error error = closer.Close();
  if (error != LXW_NO_ERROR) {
    return MakeError(ErrorCode::kInternal,
                     std::string("Không ghi được tệp Excel dự toán: ") + lxw_strerror(error));
  }
  return ReadWorkbookBack(file, "dự toán");
}

}  // namespace doithoai::spreadsheets
