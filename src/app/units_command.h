// `doithoai units import`: loads a dated snapshot of administrative units
// (ADC-06) into the shared reference tables, and the snapshots shipped inside
// the binary (data/admin_units/*.csv) for `doithoai init`. A file with any bad
// row is rejected whole, with one line per bad row, and nothing is written.
#ifndef DOITHOAI_APP_UNITS_COMMAND_H_
#define DOITHOAI_APP_UNITS_COMMAND_H_

#include <string>
#include <string_view>

#include "adapters/storage/sql/admin_unit_store.h"
#include "adapters/storage/sql/database.h"

namespace doithoai::app {

// The embedded snapshots: names starting with this and ending in ".csv".
inline constexpr std::string_view kShippedUnitsPrefix = "data/admin_units/";

// Parses `csv` (ParseAdminUnitsCsv) and imports it into `db`, which must be
// migrated. Nothing is written unless every row is valid.
Result<sql::ImportSummary> ImportAdminUnitsCsv(sql::Database& db, std::string_view csv);

// Imports every shipped snapshot, in name (= date) order, in one transaction.
// Idempotent; for use inside `doithoai init` on the database being built.
Result<sql::ImportSummary> ImportShippedAdminUnits(sql::Database& db);

// CLI: reads `csv_path`, checks it, then opens the existing database at
// `db_path` (never creates it), migrates it and imports. Prints
// "Đã nhập N đơn vị hành chính (M không đổi)." or the errors on stderr;
// returns the exit code (0 or 1).
int RunUnitsImport(const std::string& db_path, const std::string& csv_path);

// CLI: ImportShippedAdminUnits on the existing database at `db_path`.
int RunUnitsImportShipped(const std::string& db_path);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_UNITS_COMMAND_H_
