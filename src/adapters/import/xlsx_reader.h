// Reads the first worksheet of an Excel .xlsx file (Office Open XML,
// ECMA-376) into rows of strings, for the table importers in core. The
// archive is opened from memory with libzip and every XML part is parsed as a
// stream with expat, under limits that bound the work a hostile upload can
// cause (size of each part once unzipped, compression ratio, rows, columns;
// DTDs are refused, so no entity expansion). Thread-safe (no shared state).
#ifndef DOITHOAI_ADAPTERS_IMPORT_XLSX_READER_H_
#define DOITHOAI_ADAPTERS_IMPORT_XLSX_READER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/common/csv.h"
#include "core/common/result.h"

namespace doithoai::import {

struct XlsxLimits {
  size_t max_part_bytes = 20 * 1024 * 1024;  // per XML part, once unzipped
  // A part larger than `ratio_floor_bytes` may be at most `max_ratio` times
  // its compressed size (a "zip bomb" is far above; real sheets are ~10:1).
  size_t ratio_floor_bytes = 1024 * 1024;
  double max_ratio = 100;
  int max_rows = 10000;     // the last row holding a value
  int max_columns = 100;    // the last column holding a value
  int max_entries = 10000;  // files in the archive
};

// The first visible worksheet (the first tab a user sees; found through
// xl/workbook.xml and xl/_rels/workbook.xml.rels, falling back to
// xl/worksheets/sheet1.xml). Row i of the result is sheet row i + 1, from row
// 1 to the last row holding a value: CsvRow::line is the sheet's row number,
// rows the file leaves out come back with no fields (and `blank` set), and
// within a row cells are placed by column letter, gaps as "" and up to the
// last non-empty cell. Values are text as stored: shared strings (rich text
// runs joined, phonetic runs left out), inline strings, formula results, and
// numbers as written in the file ("3" stays "3"; dates stay serial numbers).
// `_xHHHH_` escapes are decoded. Text is UTF-8 (expat guarantees it), not
// NFC-normalised.
//
// Errors are kInvalidArgument "Tệp Excel không hợp lệ hoặc quá lớn: <why>"
// (Vietnamese): not a zip archive, password-protected, no worksheet, XML that
// is malformed or has a DTD, a shared string index out of range, or a limit
// exceeded.
Result<std::vector<CsvRow>> ReadXlsxFirstSheet(std::string_view data,
                                               const XlsxLimits& limits = {});

}  // namespace doithoai::import

#endif  // DOITHOAI_ADAPTERS_IMPORT_XLSX_READER_H_
