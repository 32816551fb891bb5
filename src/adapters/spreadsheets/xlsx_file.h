// What the XLSX renderers (budget, petition list, report) share around
// libxlsxwriter, which writes a workbook to a named file only: a private
// temporary file, a guard that closes the workbook on every path, and
// reading the finished file back as bytes.
#ifndef DOITHOAI_ADAPTERS_SPREADSHEETS_XLSX_FILE_H_
#define DOITHOAI_ADAPTERS_SPREADSHEETS_XLSX_FILE_H_

#include <xlsxwriter.h>

#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai::spreadsheets {

// A private temporary file (mode 0600 from mkstemp) in $TMPDIR (or /tmp),
// named "<prefix>-XXXXXX", removed on destruction.
class TempFile {
 public:
  explicit TempFile(std::string_view prefix);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Closes the workbook (freeing it) if the code returns before Close().
class WorkbookCloser {
 public:
  explicit WorkbookCloser(lxw_workbook* workbook) : workbook_(workbook) {}
  ~WorkbookCloser();
  WorkbookCloser(const WorkbookCloser&) = delete;
  WorkbookCloser& operator=(const WorkbookCloser&) = delete;

  // workbook_close: writes the file and frees the workbook.
  lxw_error Close();

 private:
  lxw_workbook* workbook_;
};

// "F6" for 0-based column `col` (A..Z) and row `row`.
std::string CellName(lxw_col_t col, lxw_row_t row);

// A cell format in the documents' face (Times New Roman 12 pt, vertically
// centred): bold, thin borders, a number format (nullptr = General) and a
// horizontal alignment (LXW_ALIGN_NONE = default).
lxw_format* DocumentFormat(lxw_workbook* workbook, bool bold, bool border, const char* num_format,
                           uint8_t align);

// The bytes of the workbook just written to `file`; kUnavailable "Không đọc
// lại được tệp Excel <what> vừa tạo." when it cannot be read.
Result<std::string> ReadWorkbookBack(const TempFile& file, std::string_view what);

}  // namespace doithoai::spreadsheets

#endif  // DOITHOAI_ADAPTERS_SPREADSHEETS_XLSX_FILE_H_
