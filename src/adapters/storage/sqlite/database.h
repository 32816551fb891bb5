// SqliteDatabase: the embedded SQLite store. WAL journal, synchronous=FULL (an
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

#include "core/common/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace doithoai::sqlite {

// One prepared statement, borrowed from a connection's cache (or owned, when
// the cached one is already in use). Bind indexes start at 1, column indexes
// at 0. Reset, with bindings cleared, on destruction.
class Statement {
 public:
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, int64_t value);
  // Any other integer type (int, bool, …), so that Bind(1, 0) is unambiguous.
  template <std::integral I>
  Statement& Bind(int index, I value) {
    return Bind(index, static_cast<int64_t>(value));
  }
  // An empty view binds '' (never NULL).
  Statement& Bind(int index, std::string_view value);
  // nullptr binds NULL.
  Statement& Bind(int index, const char* value);
  Statement& BindNull(int index);

  // Steps once: true while a row is available, false when done. A failed
  // Bind is reported here.
  Result<bool> Step();
  // Steps to completion (for INSERT/UPDATE/DELETE).
  Status Run();

  int64_t ColumnInt(int col) const;
  // "" for NULL.
  std::string ColumnText(int col) const;
  bool ColumnIsNull(int col) const;

 private:
  friend class Connection;
  // `in_use` is the cache entry's flag, cleared on destruction; nullptr means
  // this statement is owned and is finalised on destruction.
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool* in_use);
  Statement& NoteBind(int rc);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
  int bind_rc_ = 0;  // first failed sqlite3_bind_* result, 0 if none
};

// One SQLite connection with a prepared-statement cache keyed by SQL text.
// Not thread-safe: SqliteDatabase hands each thread its own.
class Connection {
 public:
  // Takes ownership of `db`; closes it (finalising cached statements) on
  // destruction.
  explicit Connection(sqlite3* db);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Prepares (or reuses from the cache) exactly one statement; `sql` must be a
  // constant, with values bound through Statement::Bind.
  Result<Statement> Prepare(std::string_view sql);
  // Runs one or more statements without results (migrations, PRAGMAs).
  Status Exec(std::string_view sql);
  int64_t LastInsertRowId() const;
  // Rows changed by the most recent INSERT/UPDATE/DELETE.
  int64_t Changes() const;
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

class SqliteDatabase {
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

  // Runs `fn` on this thread's read connection, inside one read transaction
  // (a consistent snapshot). Call as Read<T>(lambda), or Read(lambda) for a
  // lambda returning Status.
  template <typename T>
  Result<T> Read(const std::function<Result<T>(Connection&)>& fn);
  Status Read(const std::function<Status(Connection&)>& fn) { return RunRead(fn); }

  // Runs `fn` inside BEGIN IMMEDIATE on the writer connection; commits if it
  // returns ok, rolls back otherwise. Call as Write<T>(lambda), or
  // Write(lambda) for a lambda returning Status.
  template <typename T>
  Result<T> Write(const std::function<Result<T>(Connection&)>& fn);
  Status Write(const std::function<Status(Connection&)>& fn) { return RunWrite(fn); }

  // Applies pending embedded migrations (migrations/sqlite/NNNN_*.sql) in
  // order, each in its own transaction, recording them in schema_version.
  // Returns the number applied; kFailedPrecondition if the database is newer
  // than this binary.
  Result<int> Migrate();
  // The highest applied migration version (0 for a new file).
  Result<int> SchemaVersion();

  // Copies the database to `out_path` with the SQLite online backup API,
  // writing to a temporary file first, fsyncing and renaming it, so a
  // half-written backup never has the final name.
  Status Backup(const std::string& out_path);

  const std::string& path() const { return path_; }

 private:
  struct Impl;
  SqliteDatabase(std::string path, OpenOptions options);

  Status RunRead(const std::function<Status(Connection&)>& fn);
  Status RunWrite(const std::function<Status(Connection&)>& fn);
  Result<Connection*> ReaderForThisThread();

  std::string path_;
  OpenOptions options_;
  std::unique_ptr<Impl> impl_;
};

namespace internal {

// Adapts a Result<T>-returning callable to the Status-returning one that
// RunRead/RunWrite take, storing the value in `out`.
template <typename T>
std::function<Status(Connection&)> CaptureInto(const std::function<Result<T>(Connection&)>& fn,
                                               std::optional<T>& out) {
  return [&fn, &out](Connection& c) -> Status {
    Result<T> r = fn(c);
    if (!r.ok()) {
      return std::move(r).error();
    }
    out.emplace(std::move(r).value());
    return OkStatus();
  };
}

}  // namespace internal

template <typename T>
Result<T> SqliteDatabase::Read(const std::function<Result<T>(Connection&)>& fn) {
  if constexpr (std::is_void_v<T>) {
    return RunRead(fn);
  } else {
    std::optional<T> out;
    RETURN_IF_ERROR(RunRead(internal::CaptureInto(fn, out)));
    return std::move(*out);
  }
}

template <typename T>
Result<T> SqliteDatabase::Write(const std::function<Result<T>(Connection&)>& fn) {
  if constexpr (std::is_void_v<T>) {
    return RunWrite(fn);
  } else {
    std::optional<T> out;
    RETURN_IF_ERROR(RunWrite(internal::CaptureInto(fn, out)));
    return std::move(*out);
  }
}

// Maps an SQLite result code to an Error with a Vietnamese message:
// BUSY/LOCKED → kUnavailable, FULL → kUnavailable (disk full), READONLY →
// kUnavailable, CONSTRAINT(UNIQUE/PRIMARYKEY) → kAlreadyExists,
// CONSTRAINT(FOREIGNKEY) → kFailedPrecondition, other constraints →
// kInvalidArgument, NOTADB → kFailedPrecondition, others → kInternal. `what`
// names the operation (Vietnamese) for diagnostics; `db` may be nullptr.
Error ErrorFromSqlite(int rc, sqlite3* db, std::string_view what);

}  // namespace doithoai::sqlite

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQLITE_DATABASE_H_
