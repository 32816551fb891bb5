// RFC 4180 CSV reading shared by every file import (administrative units,
// village and official rosters). The reader never fails: a record with broken
// quoting carries a Vietnamese syntax error and reading resumes at the next
// line end, so an importer can report every bad line of a file in one go.
// Fields are raw bytes: validating UTF-8 and normalising to NFC is the
// importer's job. Pure functions; thread-safe.
#ifndef DOITHOAI_CORE_COMMON_CSV_H_
#define DOITHOAI_CORE_COMMON_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace doithoai {

// One record of a table file. Spreadsheet readers (adapters/import) produce
// rows of the same shape, so importers take either.
struct CsvRow {
  int line = 0;                     // 1-based line (sheet row) where the record starts
  std::vector<std::string> fields;  // raw bytes, untrimmed
  std::string syntax_error;         // Vietnamese; "" when the record is well-formed
  bool blank = false;               // a line of nothing but spaces and tabs
};

// Splits `csv` into records: fields separated by `delimiter`, records by LF
// or CRLF (a CRLF inside a quoted field becomes LF); a field may be enclosed
// in double quotes, with "" for a quote inside, and spaces before the opening
// quote are tolerated. A leading UTF-8 byte-order mark is skipped. Blank
// lines are returned with `blank` set; nothing is dropped.
std::vector<CsvRow> ParseCsv(std::string_view csv, char delimiter = ',');

// The delimiter a spreadsheet most likely used: ';' when the first non-blank
// line has a ';' and no ',' outside quotes (Excel's "CSV" under Vietnamese
// regional settings, whose list separator is ';'), else ','.
char SniffCsvDelimiter(std::string_view csv);

// Cell helpers for table importers. Whitespace here is ASCII blanks, line
// breaks and U+00A0 (no-break space, often pasted into spreadsheets).

// True when `cell` holds only whitespace (any bytes, not only UTF-8).
bool IsBlankCell(std::string_view cell);
// True when the row has no syntax error and every field is blank (also for a
// row without fields, as spreadsheets give for empty rows).
bool IsBlankRow(const CsvRow& row);
// `cell` trimmed, with every run of whitespace inside turned into one space
// (so a line break typed inside a spreadsheet cell becomes a space).
std::string CollapseWhitespace(std::string_view cell);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMON_CSV_H_
