// `doithoai commune import`: file reading, error printing and wiring of the
// table readers (adapters/import) and the roster checks (core) to SQLite.
// The file is read and split into rows before the database is opened, so an
// unreadable file changes nothing, not even the schema.
#include "app/roster_command.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

#include "adapters/import/table_file.h"
#include "adapters/storage/sqlite/sqlite_commune_repository.h"
#include "adapters/system/system_clock.h"
#include "app/commands.h"
#include "core/communes/roster_import.h"

namespace doithoai::app {

namespace {

namespace fs = std::filesystem;

// A commune's roster is a few hundred rows; anything near this is not one.
constexpr std::uintmax_t kMaxFileBytes = 20 * 1024 * 1024;

// "Lỗi: <message>", then each field error: "  dòng 5: …" for rows,
// "  - …" for others (skipping one that repeats the message).
int PrintError(const Error& error) {
  std::fprintf(stderr, "Lỗi: %s\n", error.message.c_str());
  for (const FieldError& f : error.fields) {
    if (f.field.starts_with("dòng ")) {
      std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
    } else if (f.message != error.message) {
      std::fprintf(stderr, "  - %s\n", f.message.c_str());
    }
  }
  return 1;
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp " + path);
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "Tệp " + path + " quá lớn để là danh sách thôn hoặc cán bộ (tối đa 20 MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kUnavailable, "Không mở được tệp " + path);
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return MakeError(ErrorCode::kUnavailable, "Không đọc được tệp " + path);
  }
  return data;
}

Result<std::string> Import(const std::string& db_path, const std::string& commune_slug,
                           const std::string& file_path) {
  ASSIGN_OR_RETURN(std::string data, ReadFile(file_path));
  ASSIGN_OR_RETURN(std::vector<CsvRow> rows, import::ReadTableFile(data));
  ASSIGN_OR_RETURN(auto db, OpenExisting(db_path));
  RETURN_IF_ERROR(db->Migrate());
  sqlite::SqliteCommuneRepository communes(*db);
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
    return PrintError(summary.error());
  }
  std::printf("%s\n", summary->c_str());
  return 0;
}

}  // namespace doithoai::app
