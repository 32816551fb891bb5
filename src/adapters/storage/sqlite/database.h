// SqliteDatabase: the embedded SQLite store, one implementation of
// sql::Database (the other is postgres::PgDatabase). WAL journal, synchronous=FULL (an
// acknowledged write survives power loss), foreign_keys=ON, a busy timeout.
// Reads run on a per-thread connection; all writes go through one writer
// connection under a mutex, each inside BEGIN IMMEDIATE … COMMIT, so there is
// a single writer path. Thread-safe.
//
// ":memory:" databases have no per-thread readers: a private in-memory
// database exists only inside the connection that created it, so reads run on
// the writer connection under the writer mutex (serialised, which is fine for
// tests and tools; shared-cache URIs were rejected because shared-cache
// locking returns SQLITE_LOCKED without honouring the busy timeout).
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQLITE_DATABASE_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQLITE_DATABASE_H_

#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "adapters/storage/sql/database.h"
#include "core/common/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace doithoai::sqlite {

using sql::Statement;

// One SQLite connection with a prepared-statement cache keyed by SQL text.
// Not thread-safe: SqliteDatabase hands each thread its own.
class Connection final : public sql::Connection {
 public:
  // Takes ownership of `db`; closes it (finalising cached statements) on
  // destruction.
  explicit Connection(sqlite3* db);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result<Statement> Prepare(std::string_view sql) override;
  // Runs one or more statements without results (migrations, PRAGMAs).
  Status Exec(std::string_view sql) override;
  int64_t Changes() const override;
  bool InTransaction() const override;
  sql::Engine engine() const override { return sql::Engine::kSqlite; }
  int64_t LastInsertRowId() const;
  sqlite3* raw() { return db_; }

 private:
  struct Cache;
  sqlite3* db_;
  std::unique_ptr<Cache> cache_;
};

struct OpenOptions {
  bool create_if_missing = true;  // false for `migrate`/`serve` on a missing file
  bool read_only = false;         // every Write fails with kUnavailable
  int busy_timeout_ms = 5000;
};

class SqliteDatabase final : public sql::Database {
 public:
  // Opens (or creates) the file at `path` (":memory:" for a private in-memory
  // database shared by all threads of this object). Clear Vietnamese errors:
  // missing directory or missing file without create_if_missing → kNotFound,
  // not a database → kFailedPrecondition, read-only / locked → kUnavailable.
  static Result<std::unique_ptr<SqliteDatabase>> Open(const std::string& path,
                                                      const OpenOptions& options = {});
  // Closes every connection. No Read or Write may be running.
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  // Applies pending embedded migrations (migrations/sqlite/NNNN_*.sql); see
  // sql::ApplyMigrations. The single writer serialises concurrent migrators
  // within a process, BEGIN IMMEDIATE across processes.
  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;
  sql::Engine engine() const override { return sql::Engine::kSqlite; }
  std::string Describe() const override { return path_; }

  // Copies the database to `out_path` with the SQLite online backup API,
  // writing to a temporary file first, fsyncing and renaming it, so a
  // half-written backup never has the final name.
  Status Backup(const std::string& out_path);

  const std::string& path() const { return path_; }

 private:
  struct Impl;
  SqliteDatabase(std::string path, OpenOptions options);

  // Read: this thread's reader connection, inside BEGIN … COMMIT. Write:
  // BEGIN IMMEDIATE on the writer connection under the writer mutex.
  Status RunRead(const std::function<Status(sql::Connection&)>& fn) override;
  Status RunWrite(const std::function<Status(sql::Connection&)>& fn) override;
  Result<Connection*> ReaderForThisThread();

  std::string path_;
  OpenOptions options_;
  std::unique_ptr<Impl> impl_;
};

// Maps an SQLite result code to an Error with a Vietnamese message:
// BUSY/LOCKED → kUnavailable, FULL → kUnavailable (disk full), READONLY →
// kUnavailable, CONSTRAINT(UNIQUE/PRIMARYKEY) → kAlreadyExists,
// CONSTRAINT(FOREIGNKEY) → kFailedPrecondition, other constraints →
// kInvalidArgument, NOTADB → kFailedPrecondition, others → kInternal. `what`
// names the operation (Vietnamese) for diagnostics; `db` may be nullptr.
Error ErrorFromSqlite(int rc, sqlite3* db, std::string_view what);

}  // namespace doithoai::sqlite

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQLITE_DATABASE_H_
