// Chooses the storage engine from the `--db` value: a PostgreSQL URL
// (postgresql://USER@HOST:PORT/DBNAME or postgres://…) opens a libpq
// connection pool (postgres::PgDatabase); anything else is the path of an
// SQLite file (sqlite::SqliteDatabase), optionally written "sqlite:PATH".
#ifndef DOITHOAI_ADAPTERS_STORAGE_OPEN_DATABASE_H_
#define DOITHOAI_ADAPTERS_STORAGE_OPEN_DATABASE_H_

#include <memory>
#include <string>
#include <string_view>

#include "adapters/storage/sql/database.h"
#include "core/common/result.h"

namespace doithoai::storage {

struct DatabaseOptions {
  // SQLite: create the file if it does not exist (init). PostgreSQL: the
  // database must exist (created by the administrator, docs/deploying.md).
  bool create_if_missing = true;
  bool read_only = false;
  // PostgreSQL connections per process.
  int pool_size = 8;
  // PostgreSQL: postgres::PgOptions::serialize_writers.
  bool pg_serialize_writers = true;
};

bool IsPostgresUrl(std::string_view db);

// The SQLite path of `db` with any "sqlite:" prefix removed ("" for a URL).
std::string SqlitePath(std::string_view db);

// Where the files that belong beside the database live when not given on the
// command line: the sealing key (<base>.key) and attachments (<base>.files).
// For SQLite, the database path; for PostgreSQL, "doithoai-<dbname>" in the
// working directory (several servers must share them: docs/deploying.md).
std::string SidecarBase(std::string_view db);

Result<std::unique_ptr<sql::Database>> OpenDatabase(const std::string& db,
                                                    const DatabaseOptions& options = {});

}  // namespace doithoai::storage

#endif  // DOITHOAI_ADAPTERS_STORAGE_OPEN_DATABASE_H_
