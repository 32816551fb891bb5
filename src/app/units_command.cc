// `doithoai units import`: file reading, error printing and wiring of the CSV
// parser (core) to SqlAdminUnitStore. The file is checked in full before
// the database is opened, so a bad file changes nothing, not even the schema.
#include "app/units_command.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

#include "adapters/resources/embedded.h"
#include "app/commands.h"
#include "core/admin_units/admin_unit.h"

namespace doithoai::app {

namespace {

// The national list is about 3,400 rows (ADM-02/03); anything near this size
// is not a snapshot.
constexpr std::uintmax_t kMaxCsvBytes = 64 * 1024 * 1024;

// True when `error` lists bad rows of a file ("dòng N"), as the parser does.
bool IsRowError(const Error& error) {
  if (error.code != ErrorCode::kInvalidArgument || error.fields.empty()) {
    return false;
  }
  for (const FieldError& f : error.fields) {
    if (!f.field.starts_with("dòng ")) {
      return false;
    }
  }
  return true;
}

// Prints `error` on stderr (app::Fail); a list of bad rows gets a heading
// naming the file and the count.
int Fail(const Error& error, const std::string& file_label) {
  if (!IsRowError(error)) {
    return app::Fail(error);
  }
  Error rows = error;
  rows.message =
      "tệp" + file_label + " có " + std::to_string(error.fields.size()) + " dòng không hợp lệ:";
  return app::Fail(rows);
}

int Succeed(const sql::ImportSummary& summary) {
  std::printf("Đã nhập %d đơn vị hành chính (%d không đổi).\n", summary.inserted,
              summary.unchanged);
  return 0;
}

Result<std::unique_ptr<sql::Database>> OpenMigrated(const std::string& db_path) {
  ASSIGN_OR_RETURN(auto db, OpenExisting(db_path));
  RETURN_IF_ERROR(db->Migrate());
  return db;
}

// The shipped snapshots, parsed, in name order; on a bad file, its errors
// with the file's name in the message.
Result<std::vector<AdminUnit>> ParseShipped(std::string* bad_file) {
  std::vector<AdminUnit> all;
  for (const EmbeddedFile& file : EmbeddedFiles()) {  // sorted by name
    if (!file.name.starts_with(kShippedUnitsPrefix) || !file.name.ends_with(".csv")) {
      continue;
    }
    Result<std::vector<AdminUnit>> units = ParseAdminUnitsCsv(file.data);
    if (!units.ok()) {
      *bad_file = std::string(file.name);
      Error error = std::move(units).error();
      error.message = std::string(file.name) + ": " + error.message;
      return error;
    }
    for (AdminUnit& unit : *units) {
      all.push_back(std::move(unit));
    }
  }
  return all;
}

}  // namespace

Result<sql::ImportSummary> ImportAdminUnitsCsv(sql::Database& db, std::string_view csv) {
  ASSIGN_OR_RETURN(std::vector<AdminUnit> units, ParseAdminUnitsCsv(csv));
  sql::SqlAdminUnitStore store(db);
  return store.ImportSnapshot(units);
}

Result<sql::ImportSummary> ImportShippedAdminUnits(sql::Database& db) {
  std::string bad_file;
  ASSIGN_OR_RETURN(std::vector<AdminUnit> units, ParseShipped(&bad_file));
  sql::SqlAdminUnitStore store(db);
  return store.ImportSnapshot(units);
}

namespace {

// Opens the existing database, migrates it, imports `units` in one
// transaction and reports the counts.
int ImportInto(const std::string& db_path, const std::vector<AdminUnit>& units,
               const std::string& file_label) {
  Result<std::unique_ptr<sql::Database>> db = OpenMigrated(db_path);
  if (!db.ok()) {
    return Fail(db.error(), "");
  }
  sql::SqlAdminUnitStore store(**db);
  Result<sql::ImportSummary> summary = store.ImportSnapshot(units);
  if (!summary.ok()) {
    return Fail(summary.error(), file_label);
  }
  return Succeed(*summary);
}

}  // namespace

int RunUnitsImport(const std::string& db_path, const std::string& csv_path) {
  Result<std::string> csv = ReadInputFile(csv_path, kMaxCsvBytes, "danh mục đơn vị hành chính");
  if (!csv.ok()) {
    return Fail(csv.error(), "");
  }
  Result<std::vector<AdminUnit>> units = ParseAdminUnitsCsv(*csv);
  if (!units.ok()) {
    return Fail(units.error(), " " + csv_path);
  }
  return ImportInto(db_path, *units, " " + csv_path);
}

int RunUnitsImportShipped(const std::string& db_path) {
  std::string bad_file;
  Result<std::vector<AdminUnit>> units = ParseShipped(&bad_file);
  if (!units.ok()) {
    return Fail(units.error(), " " + bad_file);
  }
  return ImportInto(db_path, *units, "");
}

}  // namespace doithoai::app
