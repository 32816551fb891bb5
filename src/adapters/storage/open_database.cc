#include "adapters/storage/open_database.h"

#include <utility>

#include "adapters/storage/postgres/pg_database.h"
#include "adapters/storage/sqlite/database.h"

namespace doithoai::storage {

bool IsPostgresUrl(std::string_view db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

std::string SqlitePath(std::string_view db) {
  if (IsPostgresUrl(db)) return "";
  if (db.starts_with("sqlite:")) db.remove_prefix(7);
  return std::string(db);
}

std::string SidecarBase(std::string_view db) {
  if (!IsPostgresUrl(db)) return SqlitePath(db);
  // postgresql://user@host:port/dbname?options → dbname
  std::string_view rest = db.substr(db.find("://") + 3);
  size_t slash = rest.find('/');
  std::string_view name = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
  name = name.substr(0, name.find('?'));
  return "doithoai-" + std::string(name.empty() ? "postgres" : name);
}

Result<std::unique_ptr<sql::Database>> OpenDatabase(const std::string& db,
                                                    const DatabaseOptions& options) {
  if (IsPostgresUrl(db)) {
    postgres::PgOptions pg;
    pg.pool_size = options.pool_size;
    pg.read_only = options.read_only;
    pg.serialize_writers = options.pg_serialize_writers;
    ASSIGN_OR_RETURN(std::unique_ptr<postgres::PgDatabase> opened,
                     postgres::PgDatabase::Open(db, pg));
    return std::unique_ptr<sql::Database>(std::move(opened));
  }
  sqlite::OpenOptions sqlite_options;
  sqlite_options.create_if_missing = options.create_if_missing;
  sqlite_options.read_only = options.read_only;
  ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteDatabase> opened,
                   sqlite::SqliteDatabase::Open(SqlitePath(db), sqlite_options));
  return std::unique_ptr<sql::Database>(std::move(opened));
}

}  // namespace doithoai::storage
