#include "adapters/spreadsheets/petition_xlsx.h"

#include <xlsxwriter.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/spreadsheets/xlsx_file.h"

namespace doithoai::spreadsheets {
namespace {

struct ColumnSpec {
  const char* header;
  double width;
};

constexpr ColumnSpec kColumns[] = {
    {"STT", 6},
    {"Mã đơn", 16},
    {"Ngày nhận", 12},
    {"Kênh", 18},
    {"Người gửi", 24},
    {"Thôn", 16},
    {"Phân loại", 12},
    {"Lĩnh vực", 20},
    {"Nội dung", 60},
    {"Đơn vị xử lý", 22},
    {"Trạng thái", 18},
    {"Hạn xử lý", 12},
    {"Tình trạng hạn", 14},
};
constexpr lxw_col_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

// Excel keeps at most 32 767 characters in a cell.
constexpr size_t kMaxCellChars = 32767;

// `text` cut to Excel's cell limit (in code points), "…" marking the cut.
std::string Clip(std::string_view text) {
  size_t chars = 0;
  size_t cut = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (++chars == kMaxCellChars) {
        cut = i;  // where the last character that still fits with "…" ends
      }
      if (chars > kMaxCellChars) {
        return std::string(text.substr(0, cut)) + "…";
      }
    }
  }
  return std::string(text);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? end : end - start);
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(std::move(line));
    if (end == std::string::npos) {
      return lines;
    }
    start = end + 1;
  }
}

}  // namespace

Result<std::string> RenderPetitionsXlsx(const std::string& title,
                                        const std::vector<PetitionExportRow>& rows) {
  TempFile file("doithoai-petitions");
  if (!file.ok()) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không tạo được tệp tạm để xuất danh sách đơn thư. Vui lòng thử lại.");
  }
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) {
    return MakeError(ErrorCode::kInternal, "Không tạo được tệp Excel danh sách đơn thư.");
  }
  WorkbookCloser closer(workbook);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, kPetitionSheetName);
  if (sheet == nullptr) {
    return MakeError(ErrorCode::kInternal, "Không tạo được trang tính danh sách đơn thư.");
  }

  auto make_format = [workbook](bool bold, bool border, uint8_t align) {
    lxw_format* f = workbook_add_format(workbook);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    if (bold) format_set_bold(f);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    if (align != LXW_ALIGN_NONE) format_set_align(f, align);
    return f;
  };
  lxw_format* title_main = make_format(true, false, LXW_ALIGN_CENTER);
  format_set_font_size(title_main, 14);
  lxw_format* title_line = make_format(false, false, LXW_ALIGN_CENTER);
  format_set_italic(title_line);
  lxw_format* header = make_format(true, true, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(header);
  format_set_bg_color(header, 0xD9E1F2);
  lxw_format* cell = make_format(false, true, LXW_ALIGN_NONE);
  format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(cell);
  lxw_format* cell_center = make_format(false, true, LXW_ALIGN_CENTER);
  format_set_align(cell_center, LXW_ALIGN_VERTICAL_TOP);

  lxw_error error = LXW_NO_ERROR;
  auto note = [&error](lxw_error e) {
    if (error == LXW_NO_ERROR) error = e;
  };

  for (lxw_col_t col = 0; col < kColumnCount; ++col) {
    note(worksheet_set_column(sheet, col, col, kColumns[col].width, nullptr));
  }
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);

  const lxw_col_t last_col = kColumnCount - 1;
  lxw_row_t row = 0;
  const std::vector<std::string> title_lines = Lines(title);
  for (size_t i = 0; i < title_lines.size(); ++i, ++row) {
    note(worksheet_merge_range(sheet, row, 0, row, last_col, Clip(title_lines[i]).c_str(),
                               i == 0 ? title_main : title_line));
  }
  const lxw_row_t header_row = row + 1;  // one blank row under the title
  note(worksheet_set_row(sheet, header_row, 33, nullptr));
  for (lxw_col_t col = 0; col < kColumnCount; ++col) {
    note(worksheet_write_string(sheet, header_row, col, kColumns[col].header, header));
  }
  worksheet_repeat_rows(sheet, header_row, header_row);
  worksheet_freeze_panes(sheet, header_row + 1, 0);

  row = header_row + 1;
  for (size_t i = 0; i < rows.size(); ++i, ++row) {
    const PetitionExportRow& r = rows[i];
    note(worksheet_write_number(sheet, row, 0, static_cast<double>(i + 1), cell_center));
    const std::string* values[] = {&r.code,    &r.received_on, &r.channel,     &r.submitter,
                                   &r.village, &r.class_label, &r.field_label, &r.text,
                                   &r.unit,    &r.status,      &r.deadline,    &r.deadline_state};
    static_assert(sizeof(values) / sizeof(values[0]) == kColumnCount - 1);
    for (lxw_col_t col = 1; col < kColumnCount; ++col) {
      const std::string& value = *values[col - 1];
      const bool centered = col == 2 || col == 11;  // the two dates
      lxw_format* format = centered ? cell_center : cell;
      if (value.empty()) {
        note(worksheet_write_blank(sheet, row, col, format));
      } else {
        // Always a string: a value starting with "=" is never a formula.
        note(worksheet_write_string(sheet, row, col, Clip(value).c_str(), format));
      }
    }
  }
  note(worksheet_autofilter(sheet, header_row, 0, rows.empty() ? header_row : row - 1, last_col));

  if (error != LXW_NO_ERROR) {
    return MakeError(
        ErrorCode::kInternal,
        std::string("Không ghi được tệp Excel danh sách đơn thư: ") + lxw_strerror(error));
  }
  const lxw_error close_error = closer.Close();
  if (close_error != LXW_NO_ERROR) {
    return MakeError(
        ErrorCode::kInternal,
        std::string("Không ghi được tệp Excel danh sách đơn thư: ") + lxw_strerror(close_error));
  }
  return ReadWorkbookBack(file, "danh sách đơn thư");
}

}  // namespace doithoai::spreadsheets
