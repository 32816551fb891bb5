// Reading a village head's list of petitions (a .csv or .xlsx file) into
// NewPetition values for the petition service, which validates their content
// (CheckNewPetition) row by row. This reader checks only the structure: the
// file type, the header, the channel words and cells outside the header.
// Pure (works on bytes already read); thread-safe.
#ifndef DOITHOAI_ADAPTERS_IMPORT_PETITION_IMPORT_H_
#define DOITHOAI_ADAPTERS_IMPORT_PETITION_IMPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/petitions/petition_intake.h"

namespace doithoai::import {

// The most data rows one file may hold (the .xlsx reader's own row limit is
// XlsxLimits::max_rows; CSV has none of its own, so the same bound is applied
// here).
inline constexpr int kMaxPetitionImportRows = 10000;

struct PetitionImportRow {
  int line = 0;  // 1-based line of the file (sheet row for .xlsx); the header is line 1
  NewPetition petition;
};

struct PetitionImportProblem {
  int line = 0;
  std::string message;  // Vietnamese, starting "Dòng N: "
};

struct PetitionImportFile {
  std::vector<PetitionImportRow> rows;
  std::vector<PetitionImportProblem> problems;  // rows with a problem are not in `rows`
};

// The rows of the file `file_name` (only its extension is used: ".csv" or
// ".xlsx", any case) holding `bytes`.
//
// Header: the first row that is not blank. Its cells are matched ignoring
// case, diacritics and punctuation, in any order; all seven columns are
// required: name / họ tên, phone / điện thoại, village / thôn, address / địa
// chỉ, text / nội dung, channel / kênh, field / lĩnh vực. A "STT" (số thứ tự)
// column is allowed and ignored.
//
// Each data row becomes a NewPetition with one item (text and field as
// given, class left to the default), the cells trimmed (text keeps its line
// breaks; other cells have whitespace runs collapsed), `channel` parsed with
// ParsePetitionChannel (empty → kVillageHead), no form token. Only rows whose
// every cell is empty (or only whitespace) are skipped.
//
// Problems (one entry per problem, "Dòng N: …"; a row with a problem is
// left out of `rows`): a CSV quoting error, bytes that are not UTF-8, an
// invalid channel, data in a column without a header.
//
// Errors (kInvalidArgument, Vietnamese): another extension ("Chỉ nhận tệp
// .csv hoặc .xlsx."), an unreadable .xlsx (ReadXlsxFirstSheet's limits on
// part size, compression ratio, rows and columns guard against zip bombs),
// an old .xls or UTF-16 file, no header, an unknown, repeated or missing
// column, more than kMaxPetitionImportRows data rows.
Result<PetitionImportFile> ReadPetitionImport(const std::string& file_name, std::string_view bytes);

}  // namespace doithoai::import

#endif  // DOITHOAI_ADAPTERS_IMPORT_PETITION_IMPORT_H_
