// The engine-neutral SQL layer every repository is written against: a
// Database runs read transactions (one consistent snapshot) and write
// transactions (all-or-nothing, serialisable), handing the callback a
// Connection that prepares Statements. Two engines implement it:
// sqlite::SqliteDatabase (embedded, one file; the default) and
// postgres::PgDatabase (libpq, for a province hosting many communes on
// several servers). OpenDatabase() in sql/open.h picks one from `--db`.
//
// Repositories write portable SQL: `?` or `?N` placeholders (the PostgreSQL
// driver rewrites them to `$N`), INSERT … RETURNING id for new keys,
// ON CONFLICT for upserts, integers for booleans, ISO text for dates. Where
// the engines differ (full-text search, JSON access, `instr`), they ask
// Connection::engine() and use the helpers at the end of this header.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_DATABASE_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_DATABASE_H_

#include <concepts>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/common/result.h"

namespace doithoai::sql {

enum class Engine { kSqlite, kPostgres };

// "sqlite" or "postgresql": what tests and logs print.
std::string_view EngineName(Engine engine);

// The engine side of one prepared statement. Bind indexes start at 1, column
// indexes at 0. Step() executes on its first call after binding.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindNull(int index) = 0;
  // True while a row is available, false when done. A failed bind is
  // reported here.
  virtual Result<bool> Step() = 0;
  virtual int64_t ColumnInt(int col) const = 0;
  virtual std::string ColumnText(int col) const = 0;
  virtual bool ColumnIsNull(int col) const = 0;
  // The Statement handle is gone: reset for reuse (a cached statement) or
  // delete this (an owned one).
  virtual void Release() = 0;
};

// A prepared statement borrowed from its connection; released (reset, with
// bindings cleared) on destruction. Move-only.
class Statement {
 public:
  explicit Statement(StatementBackend* backend) : backend_(backend) {}
  ~Statement() {
    if (backend_ != nullptr) backend_->Release();
  }
  Statement(Statement&& other) noexcept : backend_(std::exchange(other.backend_, nullptr)) {}
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, int64_t value) {
    backend_->BindInt(index, value);
    return *this;
  }
  // Any other integer type (int, bool, …), so that Bind(1, 0) is unambiguous.
  template <std::integral I>
  Statement& Bind(int index, I value) {
    return Bind(index, static_cast<int64_t>(value));
  }
  // An empty view binds '' (never NULL).
  Statement& Bind(int index, std::string_view value) {
    backend_->BindText(index, value);
    return *this;
  }
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  // nullptr binds NULL.
  Statement& Bind(int index, const char* value) {
    return value == nullptr ? BindNull(index) : Bind(index, std::string_view(value));
  }
  Statement& BindNull(int index) {
    backend_->BindNull(index);
    return *this;
  }

  Result<bool> Step() { return backend_->Step(); }
  // Steps to completion (for INSERT/UPDATE/DELETE).
  Status Run();
  // Steps once and returns column 0 as an integer: for INSERT … RETURNING id
  // and single-value queries. kInternal if there is no row.
  Result<int64_t> RunReturningInt();

  int64_t ColumnInt(int col) const { return backend_->ColumnInt(col); }
  // "" for NULL.
  std::string ColumnText(int col) const { return backend_->ColumnText(col); }
  bool ColumnIsNull(int col) const { return backend_->ColumnIsNull(col); }

 private:
  StatementBackend* backend_;
};

// One connection, inside a transaction while a Read/Write callback runs.
// Not thread-safe: a Database gives each running callback its own.
class Connection {
 public:
  virtual ~Connection() = default;
  // Prepares (or reuses from the connection's cache) exactly one statement;
  // `sql` must be a constant, with values bound through Statement::Bind.
  virtual Result<Statement> Prepare(std::string_view sql) = 0;
  // Runs one or more statements without results or parameters.
  virtual Status Exec(std::string_view sql) = 0;
  // Rows changed by the most recent INSERT/UPDATE/DELETE.
  virtual int64_t Changes() const = 0;
  // True while a transaction is open on this connection.
  virtual bool InTransaction() const = 0;
  virtual Engine engine() const = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  // Runs `fn` inside one read-only transaction (a consistent snapshot). Call
  // as Read<T>(lambda), or Read(lambda) for a lambda returning Status.
  template <typename T>
  Result<T> Read(const std::function<Result<T>(Connection&)>& fn);
  Status Read(const std::function<Status(Connection&)>& fn) { return RunRead(fn); }

  // Runs `fn` inside one write transaction that behaves as if it ran alone
  // (SQLite: BEGIN IMMEDIATE on the single writer; PostgreSQL: SERIALIZABLE,
  // re-run after a serialisation failure — so `fn` must not have effects
  // outside the database other than its result). Commits if `fn` returns ok,
  // rolls back otherwise.
  template <typename T>
  Result<T> Write(const std::function<Result<T>(Connection&)>& fn);
  Status Write(const std::function<Status(Connection&)>& fn) { return RunWrite(fn); }

  // A write transaction whose callback takes the row locks it needs itself
  // (SELECT … FOR UPDATE SKIP LOCKED: SkipLockedClause), so that workers on
  // several servers claim different rows instead of conflicting: READ
  // COMMITTED on PostgreSQL, the same single writer as Write on SQLite. Only
  // for callbacks whose every decision rests on rows they locked.
  template <typename T>
  Result<T> WriteWithRowLocks(const std::function<Result<T>(Connection&)>& fn);

  // Applies the pending embedded migrations of this engine
  // (migrations/<engine>/NNNN_*.sql, the same version numbers for both), each
  // in its own transaction, recording them in schema_version. Returns the
  // number applied; kFailedPrecondition if the database is newer than this
  // binary.
  virtual Result<int> Migrate() = 0;
  // The highest applied migration version (0 for a new database).
  virtual Result<int> SchemaVersion() = 0;

  virtual Engine engine() const = 0;
  // The file path, or the URL without its password: for messages and logs.
  virtual std::string Describe() const = 0;

 protected:
  virtual Status RunRead(const std::function<Status(Connection&)>& fn) = 0;
  virtual Status RunWrite(const std::function<Status(Connection&)>& fn) = 0;
  virtual Status RunWriteWithRowLocks(const std::function<Status(Connection&)>& fn) {
    return RunWrite(fn);
  }
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
Result<T> Database::Read(const std::function<Result<T>(Connection&)>& fn) {
  if constexpr (std::is_void_v<T>) {
    return RunRead(fn);
  } else {
    std::optional<T> out;
    RETURN_IF_ERROR(RunRead(internal::CaptureInto(fn, out)));
    return std::move(*out);
  }
}

template <typename T>
Result<T> Database::Write(const std::function<Result<T>(Connection&)>& fn) {
  if constexpr (std::is_void_v<T>) {
    return RunWrite(fn);
  } else {
    std::optional<T> out;
    RETURN_IF_ERROR(RunWrite(internal::CaptureInto(fn, out)));
    return std::move(*out);
  }
}

template <typename T>
Result<T> Database::WriteWithRowLocks(const std::function<Result<T>(Connection&)>& fn) {
  std::optional<T> out;
  RETURN_IF_ERROR(RunWriteWithRowLocks(internal::CaptureInto(fn, out)));
  return std::move(*out);
}

// ---- where the dialects differ ----

// " FOR UPDATE SKIP LOCKED" on PostgreSQL (rows another transaction holds are
// skipped, not waited for), "" on SQLite (one writer at a time anyway).
std::string_view SkipLockedClause(Engine engine);

// Whether table `name` exists (in the current schema).
Result<bool> TableExists(Connection& c, std::string_view name);

// "position of `needle` in `haystack` > 0": instr() on SQLite, strpos() on
// PostgreSQL. Both arguments are SQL expressions (a column or `?`).
std::string ContainsExpr(Engine engine, std::string_view haystack, std::string_view needle);

// The text value of top-level key `key` in the JSON text column `column`
// (NULL when absent): json_extract() on SQLite, ->> on PostgreSQL.
std::string JsonTextExpr(Engine engine, std::string_view column, std::string_view key);

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_DATABASE_H_
