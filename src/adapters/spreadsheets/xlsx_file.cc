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
