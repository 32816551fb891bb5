// ReadTableFile: content sniffing in front of the .xlsx reader and the CSV
// reader. The file name is not trusted: browsers and users rename files.
#include "adapters/import/table_file.h"

#include "adapters/import/xlsx_reader.h"

namespace doithoai::import {

namespace {

constexpr std::string_view kZipLocalHeader("PK\x03\x04", 4);
constexpr std::string_view kZipEmptyArchive("PK\x05\x06", 4);
constexpr std::string_view kOleCompoundFile("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::string_view kUtf16LeBom("\xFF\xFE", 2);
constexpr std::string_view kUtf16BeBom("\xFE\xFF", 2);

}  // namespace

Result<std::vector<CsvRow>> ReadTableFile(std::string_view data) {
  if (data.starts_with(kZipLocalHeader) || data.starts_with(kZipEmptyArchive)) {
    return ReadXlsxFirstSheet(data);
  }
  if (data.starts_with(kOleCompoundFile)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tệp Excel dạng cũ (.xls) chưa đọc được; hãy mở tệp trong Excel rồi lưu "
                     "thành “Excel Workbook (.xlsx)” hoặc “CSV UTF-8”.");
  }
  if (data.starts_with(kUtf16LeBom) || data.starts_with(kUtf16BeBom)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tệp văn bản mã hóa UTF-16 (“Unicode Text”) chưa đọc được; hãy lưu thành "
                     "“CSV UTF-8” hoặc tệp Excel .xlsx.");
  }
  return ParseCsv(data, SniffCsvDelimiter(data));
}

}  // namespace doithoai::import
