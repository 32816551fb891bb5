// Reading a table file given by a user (an upload or a path on the command
// line) for the importers in core: .xlsx is recognised by its zip signature,
// old .xls and UTF-16 text are refused with advice, and anything else is read
// as CSV. Pure (works on bytes already read); thread-safe.
#ifndef DOITHOAI_ADAPTERS_IMPORT_TABLE_FILE_H_
#define DOITHOAI_ADAPTERS_IMPORT_TABLE_FILE_H_

#include <string_view>
#include <vector>

#include "core/common/csv.h"
#include "core/common/result.h"

namespace doithoai::import {

// The rows of `data`: the first worksheet of an .xlsx file ("PK\x03\x04" or
// an empty zip), else CSV (optional UTF-8 byte-order mark; ',' or, as Excel
// writes under Vietnamese regional settings, ';'). kInvalidArgument with a
// Vietnamese message for a bad .xlsx, an old binary .xls, or UTF-16 text.
// Cell text is not validated here: the importer checks UTF-8 row by row.
Result<std::vector<CsvRow>> ReadTableFile(std::string_view data);

}  // namespace doithoai::import

#endif  // DOITHOAI_ADAPTERS_IMPORT_TABLE_FILE_H_
