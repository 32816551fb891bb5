// `doithoai copy --from A --to B` (issue #8 §5): moves a whole doithoai
// database between engines, e.g. a commune's SQLite file to the province's
// PostgreSQL server and back. The target must be migrated to the same schema
// version and hold no data in the tables still to copy.
//
// Each table is copied in one write transaction on the target, in foreign-key
// order: the rows are streamed from a read snapshot of the source, then the
// target's row count and checksum are computed inside the same transaction
// and compared with the source's; a mismatch rolls the table back. A table
// that committed is recorded in the target's copy_progress table with its
// count and checksum, so a copy that stops (a crash, a lost connection, a
// full disk) is resumed by running the same command again: recorded tables
// whose source checksum is unchanged are skipped. All-or-nothing per table.
//
// The checksum of a table is the sum (modulo 2^64, per 64-bit lane of a
// SHA-256) of the hashes of its rows, each row hashed from its column values
// with their type and length, so it does not depend on row order or engine.
// The search index (petition_search, which the engines store differently) is
// not copied but rebuilt from the petitions; identity sequences are moved
// past the copied ids on PostgreSQL.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_COPY_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_COPY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/common/result.h"

namespace doithoai::sql {

// The tables `doithoai copy` moves, parents before children. CopyTest checks
// that it names every table of the schema except schema_version,
// petition_search and copy_progress.
const std::vector<std::string>& CopiedTables();

struct TableCopy {
  std::string table;
  int64_t rows = 0;
  std::string checksum;  // hex
  bool skipped = false;  // already copied by an earlier run
};

struct CopyReport {
  std::vector<TableCopy> tables;
  int64_t search_rows = 0;  // rebuilt petition_search rows
};

// Row count and checksum of `table` in `db` (see above).
Result<TableCopy> TableChecksum(Database& db, const std::string& table);

// Copies every table of CopiedTables() from `from` to `to`; `progress` (may
// be empty) is told about each table as it completes.
Result<CopyReport> CopyDatabase(Database& from, Database& to,
                                const std::function<void(const TableCopy&)>& progress = {});

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_COPY_H_
