#include "adapters/spreadsheets/xlsx_file.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace doithoai::spreadsheets {

TempFile::TempFile(std::string_view prefix) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = (dir != nullptr && dir[0] != '\0') ? dir : "/tmp";
  pattern += "/";
  pattern += prefix;
  pattern += "-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const int fd = mkstemp(buffer.data());
  if (fd >= 0) {
    close(fd);  // libxlsxwriter reopens the file by name
    path_ = buffer.data();
  }
}

TempFile::~TempFile() {
  if (!path_.empty()) {
    unlink(path_.c_str());
  }
}

WorkbookCloser::~WorkbookCloser() {
  if (workbook_ != nullptr) {
    workbook_close(workbook_);
  }
}

lxw_error WorkbookCloser::Close() {
  lxw_workbook* workbook = workbook_;
  workbook_ = nullptr;
  return workbook_close(workbook);
}

std::string CellName(lxw_col_t col, lxw_row_t row) {
  return std::string(1, static_cast<char>('A' + col)) + std::to_string(row + 1);
}

lxw_format* DocumentFormat(lxw_workbook* workbook, bool bold, bool border, const char* num_format,
                           uint8_t align) {
  lxw_format* f = workbook_add_format(workbook);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  if (bold) format_set_bold(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  if (num_format != nullptr) format_set_num_format(f, num_format);
  if (align != LXW_ALIGN_NONE) format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

Result<std::string> ReadWorkbookBack(const TempFile& file, std::string_view what) {
  auto unreadable = [what] {
    return MakeError(ErrorCode::kUnavailable,
                     "Không đọc lại được tệp Excel " + std::string(what) + " vừa tạo.");
  };
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) {
    return unreadable();
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return unreadable();
  }
  return bytes.str();
}

}  // namespace doithoai::spreadsheets
