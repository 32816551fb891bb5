// `doithoai commune import`: file reading, error printing and wiring of the
// table readers (adapters/import) and the roster checks (core) to SQLite.
// The file is read and split into rows before the database is opened, so an
// unreadable file changes nothing, not even the schema.
#include "app/roster_command.h"

#include <cstdint>
#include <cstdio>
#include <vector>

#include "adapters/import/table_file.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/system/system_clock.h"
#include "app/commands.h"
#include "core/communes/roster_import.h"

namespace doithoai::app {

namespace {

// A commune's roster is a few hundred rows; anything near this is not one.
constexpr std::uintmax_t kMaxFileBytes = 20 * 1024 * 1024;

Result<std::string> Import(const std::string& db_path, const std::string& commune_slug,
                           const std::string& file_path) {
  ASSIGN_OR_RETURN(std::string data,
                   ReadInputFile(file_path, kMaxFileBytes, "danh sách thôn hoặc cán bộ"));
  ASSIGN_OR_RETURN(std::vector<CsvRow> rows, import::ReadTableFile(data));
  ASSIGN_OR_RETURN(auto db, OpenExisting(db_path));
  RETURN_IF_ERROR(db->Migrate());
  sql::SqlCommuneRepository communes(*db);
  Result<Commune> commune = communes.FindCommuneBySlug(commune_slug);
  if (!commune.ok() && commune.error().code == ErrorCode::kNotFound) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Không có xã với mã đường dẫn \"" + commune_slug + "\".");
  }
  if (!commune.ok()) {
    return commune.error();
  }
  ASSIGN_OR_RETURN(RosterImport roster, PrepareRosterImport(communes, commune->id, rows));
  SystemClock clock;
  RETURN_IF_ERROR(communes.ImportRoster(commune->id, roster.villages, roster.officials,
                                        CliAuditContext(clock)));
  return RosterImportSummary(roster);
}

}  // namespace

int RunRosterImport(const std::string& db_path, const std::string& commune_slug,
                    const std::string& file_path) {
  Result<std::string> summary = Import(db_path, commune_slug, file_path);
  if (!summary.ok()) {
    return Fail(summary.error());
  }
  std::printf("%s\n", summary->c_str());
  return 0;
}

}  // namespace doithoai::app
