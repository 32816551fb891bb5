#include "adapters/spreadsheets/report_xlsx.h"

#include <xlsxwriter.h>

#include <cstdint>
#include <optional>
#include <string>

#include "adapters/spreadsheets/xlsx_file.h"
#include "core/calendar/date.h"

namespace doithoai::spreadsheets {
namespace {

// Column indexes (0-based) of Bảng 2 (domain.md §7).
enum Column : lxw_col_t {
  kField = 0,
  kTotal,
  kAnsweredInRoom,
  kAssignedAfter,
  kForwarded,
  kResolved,
  kInProgress,
  kOverdue,
  kColumnCount,
};

constexpr lxw_row_t kHeaderRow = 4;  // sheet row 5
constexpr const char* kHeaders[kColumnCount] = {"Lĩnh vực",
                                                "Tổng số",
                                                "Trả lời tại hội nghị",
                                                "Giao giải quyết sau hội nghị",
                                                "Chuyển cấp trên",
                                                "Đã giải quyết xong",
                                                "Đang giải quyết",
                                                "Quá hạn"};

// The counts of `row` in column order (kTotal … kOverdue).
int CountAt(const FieldFigures& row, lxw_col_t col) {
  switch (col) {
    case kTotal:
      return row.total;
    case kAnsweredInRoom:
      return row.answered_in_room;
    case kAssignedAfter:
      return row.assigned_after;
    case kForwarded:
      return row.forwarded;
    case kResolved:
      return row.resolved;
    case kInProgress:
      return row.in_progress;
    case kOverdue:
      return row.overdue;
    default:
      return 0;
  }
}

}  // namespace

Result<std::string> ReportWorkbook(const ReportFigures& figures, const std::string& title) {
  TempFile file("doithoai-report");
  if (!file.ok()) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không tạo được tệp tạm để xuất bảng thống kê. Vui lòng thử lại.");
  }
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) {
    return MakeError(ErrorCode::kInternal, "Không tạo được tệp Excel thống kê.");
  }
  WorkbookCloser closer(workbook);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, kReportSheetName);
  if (sheet == nullptr) {
    return MakeError(ErrorCode::kInternal, "Không tạo được trang tính thống kê.");
  }

  auto make_format = [workbook](bool bold, bool border, const char* num_format, uint8_t align) {
    return DocumentFormat(workbook, bold, border, num_format, align);
  };
  lxw_format* title_format = make_format(true, false, nullptr, LXW_ALIGN_CENTER);
  format_set_font_size(title_format, 14);
  format_set_text_wrap(title_format);
  lxw_format* period = make_format(false, false, nullptr, LXW_ALIGN_CENTER);
  format_set_italic(period);
  lxw_format* header = make_format(true, true, nullptr, LXW_ALIGN_CENTER);
  format_set_text_wrap(header);
  lxw_format* text = make_format(false, true, nullptr, LXW_ALIGN_NONE);
  format_set_text_wrap(text);
  lxw_format* count = make_format(false, true, "#,##0", LXW_ALIGN_NONE);
  lxw_format* total_label = make_format(true, true, nullptr, LXW_ALIGN_CENTER);
  lxw_format* total_count = make_format(true, true, "#,##0", LXW_ALIGN_NONE);
  lxw_format* percent = make_format(false, true, "0.0%", LXW_ALIGN_NONE);
  lxw_format* dash = make_format(false, true, nullptr, LXW_ALIGN_RIGHT);

  worksheet_set_column(sheet, kField, kField, 42, nullptr);
  worksheet_set_column(sheet, kTotal, kOverdue, 14, nullptr);
  worksheet_set_row(sheet, 0, 36, nullptr);
  worksheet_set_row(sheet, kHeaderRow, 48, nullptr);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_repeat_rows(sheet, kHeaderRow, kHeaderRow);

  const lxw_col_t last_col = kColumnCount - 1;
  worksheet_merge_range(sheet, 0, 0, 0, last_col, title.c_str(), title_format);
  const std::string range =
      "Từ ngày " + FormatDdMmYyyy(figures.from) + " đến ngày " + FormatDdMmYyyy(figures.to);
  worksheet_merge_range(sheet, 1, 0, 1, last_col, range.c_str(), period);
  const std::string as_of = "Số liệu tính đến ngày " + FormatDdMmYyyy(figures.as_of);
  worksheet_merge_range(sheet, 2, 0, 2, last_col, as_of.c_str(), period);

  for (lxw_col_t col = 0; col < kColumnCount; ++col) {
    worksheet_write_string(sheet, kHeaderRow, col, kHeaders[col], header);
  }
  lxw_row_t row = kHeaderRow + 1;
  for (const FieldFigures& field : figures.by_field) {
    worksheet_write_string(sheet, row, kField, field.label.c_str(), text);
    for (lxw_col_t col = kTotal; col < kColumnCount; ++col) {
      worksheet_write_number(sheet, row, col, CountAt(field, col), count);
    }
    ++row;
  }
  const lxw_row_t first_field = kHeaderRow + 1;
  const lxw_row_t total_row = row;
  worksheet_write_string(sheet, total_row, kField, "Tổng cộng", total_label);
  for (lxw_col_t col = kTotal; col < kColumnCount; ++col) {
    const double value = CountAt(figures.totals, col);
    if (figures.by_field.empty()) {
      worksheet_write_number(sheet, total_row, col, value, total_count);
    } else {
      const std::string formula =
          "=SUM(" + CellName(col, first_field) + ":" + CellName(col, total_row - 1) + ")";
      worksheet_write_formula_num(sheet, total_row, col, formula.c_str(), total_count, value);
    }
  }

  // The authority split and the rates (DLG-13, FB-04).
  row = total_row + 2;
  auto write_count = [&](const char* label, int value) {
    worksheet_write_string(sheet, row, kField, label, text);
    worksheet_write_number(sheet, row, kTotal, value, count);
    ++row;
  };
  auto write_rate = [&](const char* label, std::optional<double> rate, int part, int whole,
                        const char* unit) {
    worksheet_write_string(sheet, row, kField, label, text);
    if (rate.has_value()) {
      worksheet_write_number(sheet, row, kTotal, *rate, percent);
    } else {
      worksheet_write_string(sheet, row, kTotal, "—", dash);
    }
    const std::string detail = std::to_string(part) + "/" + std::to_string(whole) + " " + unit;
    worksheet_write_string(sheet, row, kAnsweredInRoom, detail.c_str(), nullptr);
    ++row;
  };
  write_count("Thuộc thẩm quyền của xã", figures.within_authority);
  write_count("Vượt thẩm quyền, chuyển cấp trên", figures.totals.forwarded);
  write_rate("Tỷ lệ giải quyết đúng hạn", figures.OnTimeRate(), figures.answered_on_time,
             figures.answered_with_deadline, "ý kiến có thời hạn");
  write_rate("Tỷ lệ người kiến nghị hài lòng", figures.SatisfactionRate(), figures.satisfied,
             figures.rated, "lượt đánh giá");

  // A native column chart of Tổng số by field, under the table.
  if (!figures.by_field.empty()) {
    lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_COLUMN);
    if (chart == nullptr) {
      return MakeError(ErrorCode::kInternal, "Không tạo được biểu đồ trong tệp Excel.");
    }
    chart_title_set_name(chart, "Tổng số ý kiến, kiến nghị theo lĩnh vực");
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_name(series, kHeaders[kTotal]);
    chart_series_set_categories(series, kReportSheetName, first_field, kField, total_row - 1,
                                kField);
    chart_series_set_values(series, kReportSheetName, first_field, kTotal, total_row - 1, kTotal);
    lxw_chart_fill fill = {.color = 0x1F4E79, .none = 0, .transparency = 0};
    chart_series_set_fill(series, &fill);
    chart_series_set_labels(series);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_num_format(chart->y_axis, "0");
    lxw_chart_options options = {};
    options.x_scale = 2;
    options.y_scale = 1.5;
    options.description = const_cast<char*>("Tổng số ý kiến, kiến nghị theo lĩnh vực");
    if (worksheet_insert_chart_opt(sheet, row + 1, kField, chart, &options) != LXW_NO_ERROR) {
      return MakeError(ErrorCode::kInternal, "Không chèn được biểu đồ vào tệp Excel.");
    }
  }

  const lxw_error error = closer.Close();
  if (error != LXW_NO_ERROR) {
    return MakeError(ErrorCode::kInternal,
                     std::string("Không ghi được tệp Excel thống kê: ") + lxw_strerror(error));
  }
  return ReadWorkbookBack(file, "thống kê");
}

}  // namespace doithoai::spreadsheets
