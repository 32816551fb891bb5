// PgDatabase: the PostgreSQL implementation of sql::Database over libpq, for
// a province hosting many communes on several servers (issue #8).
//
// A pool of up to PgOptions::pool_size connections, made lazily; each Read
// or Write borrows one for the length of its callback (waiting up to
// acquire_timeout_ms for a free one). Read is one REPEATABLE READ READ ONLY
// transaction (a consistent snapshot); Write is one SERIALIZABLE transaction,
// re-run from the start after a serialisation failure or deadlock (SQLSTATE
// 40001/40P01), so it behaves as if it ran alone, like SQLite's single
// writer. A Read or Write nested inside a running callback of the same
// database on the same thread runs on the caller's connection and
// transaction (a Read inside a Write sees the Write's rows, as on SQLite).
//
// Statements are prepared server-side once per connection and SQL text and
// parameter types; results are fetched whole (text format), so a statement
// can be stepped while other statements run on the same connection.
// A connection the server dropped (restart, pg_terminate_backend, network)
// is discarded and replaced on the next call; the call that saw the loss
// fails with kUnavailable and is never reported as committed. Thread-safe.
#ifndef DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_DATABASE_H_
#define DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_DATABASE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/storage/sql/database.h"
#include "core/common/result.h"

namespace doithoai::postgres {

struct PgOptions {
  int pool_size = 8;              // connections at most (made when needed)
  int connect_timeout_s = 5;      // per connection attempt
  int acquire_timeout_ms = 5000;  // wait for a free connection, then kUnavailable
  int max_write_attempts = 8;     // runs of a Write's callback on serialisation failures
  bool read_only = false;         // every Write fails with kUnavailable
  // Every Write (not WriteWithRowLocks) of every process on the database
  // first takes one session advisory lock, before its snapshot, so writers
  // queue like SQLite's BEGIN IMMEDIATE instead of failing each other with
  // 40001 and running again: every write appends to the one audit hash chain,
  // so they could never commit in parallel anyway (issue #8; measured in
  // bench/pg.sh and docs/deploying.md). Reads never wait for it.
  bool serialize_writers = true;
  // How long a writer waits for that lock before giving up with kUnavailable
  // (503, "busy, try again"); a request never hangs behind a stuck writer.
  int writers_lock_timeout_ms = 15000;
};

// Counters for tests and operations (monotonic since Open).
struct PgStats {
  int64_t connections_opened = 0;   // pool connections made (not Migrate's lock connection)
  int64_t connections_dropped = 0;  // found dead and discarded
  int64_t write_retries = 0;        // Write callbacks re-run after 40001/40P01
  int64_t acquire_waits = 0;        // callers that found the pool full and waited
};

class PgDatabase final : public sql::Database {
 public:
  // Validates `url` (a postgresql:// URI or a "key=value" conninfo string),
  // and connects once to check the server. Errors: a malformed URL or bad
  // options → kInvalidArgument; no connection → kUnavailable naming the
  // address (without its password) and libpq's reason.
  static Result<std::unique_ptr<PgDatabase>> Open(const std::string& url,
                                                  const PgOptions& options = {});
  // Closes every connection. No Read or Write may be running.
  ~PgDatabase() override;
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;

  // Applies pending embedded migrations (migrations/postgresql/NNNN_*.sql)
  // through sql::ApplyMigrations while holding a session advisory lock on a
  // dedicated connection, so concurrent migrators (several servers starting
  // at once) run one after another.
  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;
  sql::Engine engine() const override { return sql::Engine::kPostgres; }
  std::string Describe() const override;

  PgStats stats() const;

 private:
  struct Impl;
  explicit PgDatabase(std::unique_ptr<Impl> impl);

  Status RunRead(const std::function<Status(sql::Connection&)>& fn) override;
  Status RunWrite(const std::function<Status(sql::Connection&)>& fn) override;
  // READ COMMITTED: the callback locks its rows (FOR UPDATE SKIP LOCKED).
  Status RunWriteWithRowLocks(const std::function<Status(sql::Connection&)>& fn) override;
  // One write transaction opened with `begin`, retried on serialisation
  // failures and deadlocks.
  Status RunWriteAs(const std::function<Status(sql::Connection&)>& fn, std::string_view begin);

  std::unique_ptr<Impl> impl_;
};

// `url` with any password removed (from the user-info part or a `password`
// query parameter of a URI, or a password=… keyword): for messages and logs.
std::string UrlWithoutPassword(std::string_view url);

// Maps a PostgreSQL error to an Error with a Vietnamese message, as
// sqlite::ErrorFromSqlite does for SQLite: 23505 → kAlreadyExists, 23503 →
// kFailedPrecondition, other 23xxx and 22xxx → kInvalidArgument,
// 40001/40P01/55P03/57014/53300 → kUnavailable (busy), 53100 → kUnavailable
// (disk full), 25006 → kUnavailable (read-only), 08xxx/57P01-03 →
// kUnavailable (connection lost), others → kInternal. `what` names the
// operation (Vietnamese); `server_message` is the server's primary message,
// cut before its first ": " so that no data value (which PostgreSQL quotes
// after a colon) reaches the message.
Error ErrorFromSqlState(std::string_view sqlstate, std::string_view server_message,
                        std::string_view what);

}  // namespace doithoai::postgres

#endif  // DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_DATABASE_H_
