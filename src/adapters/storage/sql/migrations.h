// Schema migrations for both engines from one list of versions: the embedded
// files migrations/sqlite/NNNN_name.sql and migrations/postgresql/NNNN_name.sql
// (src/adapters/storage/<engine>/migrations/) carry the same numbers and names,
// and schema_version records which have been applied. MigrationsTest checks
// that the two lists match.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_MIGRATIONS_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_MIGRATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/common/result.h"

namespace doithoai::sql {

struct Migration {
  int version = 0;
  std::string name;  // "0001_init.sql"
  std::string_view sql;
};

// The system time as ISO text ("2026-11-28T04:18:00Z"), for bookkeeping rows
// (schema_version, copy_progress); adapters may read the clock, the core may not.
std::string UtcNowIso();

// The embedded migrations of `engine`, sorted by version; kInternal for a
// badly named file or a repeated version.
Result<std::vector<Migration>> EmbeddedMigrations(Engine engine);

// The highest applied version (0 when there is no schema_version table).
Result<int> AppliedSchemaVersion(Database& db);

// Applies the pending migrations of db.engine() in order, each in its own
// write transaction together with its schema_version row (re-checked inside
// the transaction, in case another process migrated meanwhile). Returns the
// number applied; kFailedPrecondition if the database is newer than this
// binary. Engines serialise concurrent migrators around this call.
Result<int> ApplyMigrations(Database& db);

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_MIGRATIONS_H_
