// One libpq connection of PgDatabase's pool (pg_database.h): its
// server-side prepared statements, transaction state and error mapping.
// Internal to the PostgreSQL adapter.
#ifndef DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_CONNECTION_H_
#define DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_CONNECTION_H_

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "adapters/storage/postgres/pg_database.h"

namespace doithoai::postgres::internal {

// PgOptions::serialize_writers: the session advisory lock every SERIALIZABLE
// writer of every server process takes before BEGIN ("doithoaw").
inline constexpr int64_t kWritersLockKey = 0x646F6974686F6177;

// Refused writes on a read-only server (a hot standby, 25006).
inline constexpr char kReadOnlyMessage[] = "Cơ sở dữ liệu chỉ cho phép đọc, không thể ghi";

// kUnavailable "busy" (503) and "connection lost".
Error Busy();
Error Lost();

// Serialisation failure or deadlock: the transaction may succeed if re-run.
bool IsRetryable(std::string_view sqlstate);

// libpq messages end in a newline and may span lines: one line for ours.
std::string OneLine(std::string_view text);

class PgStatement;

// One libpq connection with its server-side prepared statements. Remembers
// the first failure of the current transaction, so that a Write can tell a
// serialisation failure even after the callback turned it into another error.
class PgConnection final : public sql::Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Result<sql::Statement> Prepare(std::string_view sql) override;
  Status Exec(std::string_view sql) override;
  int64_t Changes() const override { return changes_; }
  bool InTransaction() const override {
    PGTransactionStatusType status = PQtransactionStatus(conn_);
    return status == PQTRANS_ACTIVE || status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
  }
  sql::Engine engine() const override { return sql::Engine::kPostgres; }

  bool bad() const { return PQstatus(conn_) == CONNECTION_BAD; }
  bool aborted() const { return PQtransactionStatus(conn_) == PQTRANS_INERROR; }
  // Whether a transaction has run on this connection before (a pooled
  // connection may have died while idle).
  bool used() const { return used_; }
  // PgOptions::serialize_writers. Takes the writers' lock, then BEGINs: the
  // lock is taken before the transaction's snapshot, so the snapshot sees
  // every earlier writer's commit. (Two round trips: in one query string the
  // SELECT would open the transaction and BEGIN could not set its level.)
  // A writer that waits longer than `timeout_ms` for the lock (another
  // transaction stuck holding it) gets 55P03, which is kUnavailable (503
  // "busy"), instead of waiting for ever; the timeout covers only this wait
  // (the three statements run as one implicit transaction, so a failed wait
  // rolls the SET back too).
  Status LockWritersAndBegin(std::string_view begin, int timeout_ms) {
    holds_writers_lock_ = true;  // GiveBack releases it whatever happens next
    used_ = true;
    RETURN_IF_ERROR(Exec("SET lock_timeout = " + std::to_string(timeout_ms) +
                         "; SELECT pg_advisory_lock(" + std::to_string(kWritersLockKey) +
                         "); RESET lock_timeout"));
    return Begin(begin);
  }
  // Releases the writers' lock if this connection may hold it; false if the
  // connection is unusable (it is then closed, which releases it too).
  bool ReleaseWritersLock() {
    if (!holds_writers_lock_) return true;
    holds_writers_lock_ = false;
    if (bad()) return false;
    PGresult* result = PQexec(conn_, "SELECT pg_advisory_unlock_all()");
    bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    PQclear(result);
    return ok;
  }

  // Opens a transaction and starts tracking its first failure.
  Status Begin(std::string_view begin) {
    used_ = true;
    first_sqlstate_.clear();
    first_error_.reset();
    return Exec(begin);
  }
  // COMMIT, successful only if the server really committed: an aborted
  // transaction answers COMMIT with ROLLBACK, which is an error unless
  // `rollback_ok` (a Read whose callback chose to ignore a failed statement).
  Status Commit(bool rollback_ok);
  // Best effort; a connection left in a transaction is discarded by the pool.
  void Rollback() {
    if (!bad() && InTransaction()) PQclear(PQexec(conn_, "ROLLBACK"));
  }
  const std::string& first_sqlstate() const { return first_sqlstate_; }
  const std::optional<Error>& first_error() const { return first_error_; }

  // Executes the prepared form of `sql` (prepared on first use per type
  // signature); the result is the caller's to PQclear.
  Result<PGresult*> Run(const std::string& sql, const std::vector<Oid>& types,
                        const std::vector<const char*>& values);

  Error Fail(const PGresult* result, std::string_view what);

 private:
  struct Rewritten {
    std::string sql;
    int param_count = 0;
  };
  void NoteCompleted(const PGresult* result);
  // Prepares `sql` server-side under a new name.
  Result<std::string> PrepareNew(const std::string& sql, const std::vector<Oid>& types);

  PGconn* conn_;
  bool used_ = false;
  bool holds_writers_lock_ = false;
  int64_t changes_ = 0;
  std::string first_sqlstate_;
  std::optional<Error> first_error_;
  // Portable SQL → $N SQL; std::map keeps the strings at stable addresses.
  std::map<std::string, Rewritten, std::less<>> rewritten_;
  // Type signature + '\0' + $N SQL → server-side statement name.
  std::unordered_map<std::string, std::string> prepared_;
  int next_name_ = 0;
};

// Connects with our settings: UTF8, UTC, application_name, no notices.
Result<std::unique_ptr<PgConnection>> Connect(const std::string& url, const std::string& described,
                                              int connect_timeout_s);

}  // namespace doithoai::postgres::internal

#endif  // DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_CONNECTION_H_
