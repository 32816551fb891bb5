// Test helpers for the XLSX renderers: a rendered workbook read back as cell
// text, and one inflated part of its archive (formulas, styles and sheet
// names are not in the cell text).
#ifndef DOITHOAI_ADAPTERS_SPREADSHEETS_XLSX_TESTING_H_
#define DOITHOAI_ADAPTERS_SPREADSHEETS_XLSX_TESTING_H_

#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <vector>

#include "adapters/import/xlsx_reader.h"

namespace doithoai::spreadsheets {

// The cells of the first sheet of `xlsx`, row by row (a test failure when it
// cannot be read).
inline std::vector<std::vector<std::string>> ReadBack(const std::string& xlsx) {
  auto rows = import::ReadXlsxFirstSheet(xlsx);
  EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().message);
  std::vector<std::vector<std::string>> out;
  if (rows.ok()) {
    for (const CsvRow& row : *rows) {
      out.push_back(row.fields);
    }
  }
  return out;
}

// The inflated part `name` of the archive `xlsx`, or "".
inline std::string ReadPart(const std::string& xlsx, const char* name) {
  std::string out;
  zip_source_t* source = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, nullptr);
  if (source == nullptr) return out;
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, nullptr);
  if (archive == nullptr) {
    zip_source_free(source);
    return out;
  }
  zip_file_t* f = zip_fopen(archive, name, 0);
  if (f != nullptr) {
    char buffer[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buffer, sizeof(buffer))) > 0) out.append(buffer, n);
    zip_fclose(f);
  }
  zip_close(archive);
  return out;
}

}  // namespace doithoai::spreadsheets

#endif  // DOITHOAI_ADAPTERS_SPREADSHEETS_XLSX_TESTING_H_
