// PgDatabase over libpq: the connection pool, transactions with retry, the
// statement layer and error mapping. See pg_database.h for the model.
#include "adapters/storage/postgres/pg_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "adapters/storage/postgres/placeholders.h"
#include "adapters/storage/sql/migrations.h"

namespace doithoai::postgres {

namespace {

constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
// pg_advisory_lock key held while migrating: "doithoai" in ASCII.
constexpr int64_t kMigrationLockKey = 0x646F6974686F6169;
// PgOptions::serialize_writers: the session advisory lock every SERIALIZABLE
// writer of every server process takes before BEGIN ("doithoaw").
constexpr int64_t kWritersLockKey = 0x646F6974686F6177;

constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr std::string_view kBeginWrite = "BEGIN ISOLATION LEVEL SERIALIZABLE";
constexpr std::string_view kBeginRowLocks = "BEGIN ISOLATION LEVEL READ COMMITTED";

constexpr char kBusyMessage[] = "Cơ sở dữ liệu đang bận, vui lòng thử lại";
constexpr char kLostMessage[] = "Mất kết nối tới cơ sở dữ liệu, vui lòng thử lại";
constexpr char kReadOnlyMessage[] = "Cơ sở dữ liệu chỉ cho phép đọc, không thể ghi";
constexpr char kDiskFullMessage[] =
    "Hết dung lượng đĩa, không ghi được cơ sở dữ liệu; hãy giải phóng dung lượng rồi thử lại";

Error Busy() { return MakeError(ErrorCode::kUnavailable, kBusyMessage); }
Error Lost() { return MakeError(ErrorCode::kUnavailable, kLostMessage); }

// Serialisation failure or deadlock: the transaction may succeed if re-run.
bool IsRetryable(std::string_view sqlstate) { return sqlstate == "40001" || sqlstate == "40P01"; }

// libpq messages end in a newline and may span lines: one line for ours.
std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The server's primary message without what follows its first ": " (where
// PostgreSQL quotes data values, e.g. `invalid input syntax for type
// bigint: "…"`), at most ~200 bytes, cut on a UTF-8 boundary.
std::string SanitizeServerMessage(std::string_view message) {
  size_t colon = message.find(": ");
  std::string out = OneLine(message.substr(0, colon));
  constexpr size_t kMax = 200;
  if (out.size() > kMax) {
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "…";
  }
  return out;
}

bool StartsWith(const char* text, std::string_view prefix) {
  return text != nullptr && std::string_view(text).starts_with(prefix);
}

// Quotes a conninfo value when needed ('…' with \ escapes).
std::string QuoteConninfoValue(std::string_view value) {
  bool plain = !value.empty() && value.find_first_of(" \t\n'\\") == std::string_view::npos;
  if (plain) return std::string(value);
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

// ---- errors and URLs ----

Error ErrorFromSqlState(std::string_view sqlstate, std::string_view server_message,
                        std::string_view what) {
  std::string context = " (" + std::string(what) + ": " + SanitizeServerMessage(server_message);
  if (!sqlstate.empty()) context += " [" + std::string(sqlstate) + "]";
  context += ")";
  if (sqlstate == "23505") {
    return MakeError(ErrorCode::kAlreadyExists, "Dữ liệu đã tồn tại" + context);
  }
  if (sqlstate == "23503") {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Dữ liệu tham chiếu đến bản ghi không tồn tại" + context);
  }
  if (sqlstate.starts_with("23") || sqlstate.starts_with("22")) {
    return MakeError(ErrorCode::kInvalidArgument, "Dữ liệu không hợp lệ" + context);
  }
  if (IsRetryable(sqlstate) || sqlstate == "55P03" || sqlstate == "57014" || sqlstate == "53300") {
    return Busy();
  }
  if (sqlstate == "53100") return MakeError(ErrorCode::kUnavailable, kDiskFullMessage);
  if (sqlstate == "25006") return MakeError(ErrorCode::kUnavailable, kReadOnlyMessage);
  if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03") {
    return Lost();
  }
  return MakeError(ErrorCode::kInternal, "Lỗi cơ sở dữ liệu" + context);
}

std::string UrlWithoutPassword(std::string_view url) {
  std::string out(url);
  size_t scheme = out.find("://");
  bool uri = out.starts_with("postgresql://") || out.starts_with("postgres://");
  if (!uri) {
    char* err = nullptr;
    PQconninfoOption* options = PQconninfoParse(out.c_str(), &err);
    if (options == nullptr) {
      PQfreemem(err);
      return "(chuỗi kết nối không đọc được)";
    }
    std::string rebuilt;
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (o->val == nullptr || std::strcmp(o->keyword, "password") == 0) continue;
      if (!rebuilt.empty()) rebuilt += ' ';
      rebuilt += std::string(o->keyword) + "=" + QuoteConninfoValue(o->val);
    }
    PQconninfoFree(options);
    return rebuilt;
  }
  size_t start = scheme + 3;
  size_t authority_end = out.find_first_of("/?", start);
  if (authority_end == std::string::npos) authority_end = out.size();
  size_t at = out.rfind('@', authority_end);
  if (at != std::string::npos && at >= start) {
    size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
  }
  size_t query = out.find('?');
  if (query != std::string::npos) {
    std::string kept;
    size_t pos = query + 1;
    while (pos <= out.size()) {
      size_t amp = out.find('&', pos);
      if (amp == std::string::npos) amp = out.size();
      std::string_view param(out.data() + pos, amp - pos);
      if (!param.empty() && !param.starts_with("password=") && param != "password") {
        if (!kept.empty()) kept += '&';
        kept += param;
      }
      pos = amp + 1;
    }
    out.resize(query);
    if (!kept.empty()) out += "?" + kept;
  }
  return out;
}

// ---- PgConnection ----

namespace {

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

// The PostgreSQL side of sql::Statement: parameters are kept as text until
// the first Step, which executes and fetches the whole result.
class PgStatement final : public sql::StatementBackend {
 public:
  PgStatement(PgConnection* conn, const std::string* sql, int param_count)
      : conn_(conn), sql_(sql), values_(param_count), types_(param_count, 0) {}
  ~PgStatement() override { PQclear(result_); }

  void BindInt(int index, int64_t value) override {
    if (CheckIndex(index)) Set(index, std::to_string(value), kInt8Oid);
  }
  void BindText(int index, std::string_view value) override {
    if (!CheckIndex(index)) return;
    if (value.find('\0') != std::string_view::npos) {
      // Text parameters are C strings and PostgreSQL text cannot hold NUL.
      NoteBindError(MakeError(ErrorCode::kInvalidArgument,
                              "Dữ liệu không hợp lệ (gán tham số cho câu lệnh SQL: văn bản chứa "
                              "ký tự NUL)"));
      return;
    }
    Set(index, std::string(value), kTextOid);
  }
  void BindNull(int index) override {
    if (!CheckIndex(index)) return;
    values_[index - 1].reset();
    types_[index - 1] = 0;
  }

  Result<bool> Step() override {
    if (!executed_) {
      executed_ = true;
      if (bind_error_.has_value()) return *bind_error_;
      std::vector<const char*> values(values_.size());
      for (size_t i = 0; i < values_.size(); ++i) {
        values[i] = values_[i].has_value() ? values_[i]->c_str() : nullptr;
      }
      Result<PGresult*> result = conn_->Run(*sql_, types_, values);
      if (!result.ok()) return std::move(result).error();
      result_ = *result;
      rows_ = PQntuples(result_);
    }
    if (row_ < rows_) ++row_;
    return row_ < rows_;
  }

  int64_t ColumnInt(int col) const override {
    if (!HasValue(col)) return 0;
    std::string_view text(PQgetvalue(result_, row_, col),
                          static_cast<size_t>(PQgetlength(result_, row_, col)));
    if (text == "t") return 1;
    if (text == "f") return 0;
    int64_t value = 0;
    // Stops at a decimal point: "12.00" from SUM(numeric) is 12.
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  std::string ColumnText(int col) const override {
    if (!HasValue(col)) return std::string();
    return std::string(PQgetvalue(result_, row_, col),
                       static_cast<size_t>(PQgetlength(result_, row_, col)));
  }
  bool ColumnIsNull(int col) const override { return !HasValue(col); }

  void Release() override { delete this; }

 private:
  bool CheckIndex(int index) {
    if (index >= 1 && index <= static_cast<int>(values_.size())) return true;
    NoteBindError(
        MakeError(ErrorCode::kInternal, "Lỗi cơ sở dữ liệu (gán tham số cho câu lệnh SQL: chỉ số " +
                                            std::to_string(index) + " ngoài phạm vi 1.." +
                                            std::to_string(values_.size()) + ")"));
    return false;
  }
  void Set(int index, std::string value, Oid type) {
    values_[index - 1] = std::move(value);
    types_[index - 1] = type;
  }
  void NoteBindError(Error error) {
    if (!bind_error_.has_value()) bind_error_ = std::move(error);
  }
  bool HasValue(int col) const {
    return result_ != nullptr && row_ < rows_ && col >= 0 && col < PQnfields(result_) &&
           !PQgetisnull(result_, row_, col);
  }

  PgConnection* conn_;
  const std::string* sql_;  // owned by the connection's rewrite cache
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;  // 0 (NULL or unbound): the server infers the type
  std::optional<Error> bind_error_;
  bool executed_ = false;
  PGresult* result_ = nullptr;
  int rows_ = 0;
  int row_ = -1;
};

Result<sql::Statement> PgConnection::Prepare(std::string_view sql) {
  auto it = rewritten_.find(sql);
  if (it == rewritten_.end()) {
    Rewritten r;
    r.sql = RewritePlaceholders(sql, &r.param_count);
    it = rewritten_.emplace(std::string(sql), std::move(r)).first;
  }
  // Results are fetched whole, so a statement being stepped further up the
  // stack does not stop this one reusing the same server-side statement.
  return sql::Statement(new PgStatement(this, &it->second.sql, it->second.param_count));
}

Result<PGresult*> PgConnection::Run(const std::string& sql, const std::vector<Oid>& types,
                                    const std::vector<const char*>& values) {
  std::string key;
  key.reserve(types.size() + 1 + sql.size());
  for (Oid type : types) key += type == kInt8Oid ? 'i' : type == kTextOid ? 't' : 'n';
  key += '\0';
  key += sql;
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    ASSIGN_OR_RETURN(std::string name, PrepareNew(sql, types));
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                                    values.data(), nullptr, nullptr, /*resultFormat=*/0);
  ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
    NoteCompleted(result);
    return result;
  }
  if (status == PGRES_EMPTY_QUERY) {
    PQclear(result);
    return MakeError(ErrorCode::kInternal, "Prepare cần đúng một câu lệnh SQL: " + sql);
  }
  const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  // 0A000: "cached plan must not change result type" after a schema change;
  // 26000: the statement is gone (DEALLOCATE ALL). Prepare afresh next time.
  if (StartsWith(sqlstate, "0A000") || StartsWith(sqlstate, "26000")) prepared_.erase(it);
  Error error = Fail(result, "thực hiện câu lệnh SQL");
  PQclear(result);
  return error;
}

Result<std::string> PgConnection::PrepareNew(const std::string& sql,
                                             const std::vector<Oid>& types) {
  std::string name = "doithoai_" + std::to_string(next_name_++);
  const int n = static_cast<int>(types.size());
  bool has_null = std::find(types.begin(), types.end(), Oid{0}) != types.end();
  if (!has_null || PQtransactionStatus(conn_) != PQTRANS_INTRANS) {
    PGresult* prepared = PQprepare(conn_, name.c_str(), sql.c_str(), n, types.data());
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
      Error error = Fail(prepared, "chuẩn bị câu lệnh SQL");
      PQclear(prepared);
      return error;
    }
    PQclear(prepared);
    return name;
  }
  // A NULL tells the server no type, and the portable optional-filter idiom
  // `?1 IS NULL OR commune_id = ?1` then fails to prepare (42P08/42P18).
  // Try the NULLs untyped, then as BIGINT, then as TEXT, each under a
  // savepoint so that a failed try leaves the transaction usable. This costs
  // two extra round trips once per connection, SQL and type signature.
  PGresult* first_failure = nullptr;
  std::vector<Oid> tried = types;
  for (Oid null_type : {Oid{0}, kInt8Oid, kTextOid}) {
    for (size_t i = 0; i < types.size(); ++i) {
      if (types[i] == 0) tried[i] = null_type;
    }
    Status savepoint = Exec("SAVEPOINT doithoai_prepare");
    if (!savepoint.ok()) {
      PQclear(first_failure);
      return std::move(savepoint).error();
    }
    PGresult* prepared = PQprepare(conn_, name.c_str(), sql.c_str(), n, tried.data());
    if (PQresultStatus(prepared) == PGRES_COMMAND_OK) {
      PQclear(prepared);
      PQclear(first_failure);
      RETURN_IF_ERROR(Exec("RELEASE SAVEPOINT doithoai_prepare"));
      return name;
    }
    const char* sqlstate = PQresultErrorField(prepared, PG_DIAG_SQLSTATE);
    // Undetermined or inconsistent parameter type; or, for a guessed type,
    // no such operator / wrong type for the column.
    bool type_problem =
        StartsWith(sqlstate, "42P08") || StartsWith(sqlstate, "42P18") ||
        (null_type != 0 && (StartsWith(sqlstate, "42883") || StartsWith(sqlstate, "42804")));
    if (first_failure == nullptr) {
      first_failure = prepared;
    } else {
      PQclear(prepared);
    }
    if (bad() || !type_problem) break;
    RETURN_IF_ERROR(Exec("ROLLBACK TO SAVEPOINT doithoai_prepare"));
    RETURN_IF_ERROR(Exec("RELEASE SAVEPOINT doithoai_prepare"));
  }
  Error error = Fail(first_failure, "chuẩn bị câu lệnh SQL");
  PQclear(first_failure);
  return error;
}

Status PgConnection::Exec(std::string_view sql) {
  std::string text(sql);
  PGresult* result = PQexec(conn_, text.c_str());
  ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    NoteCompleted(result);
    PQclear(result);
    return OkStatus();
  }
  Error error = Fail(result, "thực hiện câu lệnh SQL");
  PQclear(result);
  return error;
}

Status PgConnection::Commit(bool rollback_ok) {
  PGresult* result = PQexec(conn_, "COMMIT");
  bool committed =
      PQresultStatus(result) == PGRES_COMMAND_OK && std::strcmp(PQcmdStatus(result), "COMMIT") == 0;
  if (committed) {
    PQclear(result);
    return OkStatus();
  }
  if (PQresultStatus(result) == PGRES_COMMAND_OK) {  // "ROLLBACK": it was aborted
    PQclear(result);
    if (rollback_ok) return OkStatus();
    return first_error_.has_value()
               ? *first_error_
               : MakeError(ErrorCode::kInternal, "Lỗi cơ sở dữ liệu (giao dịch đã bị hủy)");
  }
  Error error = Fail(result, "ghi giao dịch (COMMIT)");
  PQclear(result);
  return error;
}

Error PgConnection::Fail(const PGresult* result, std::string_view what) {
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string state = sqlstate != nullptr ? sqlstate : "";
  Error error =
      bad() ? Lost()
            : ErrorFromSqlState(state, primary != nullptr ? primary : PQerrorMessage(conn_), what);
  if (!first_error_.has_value()) {
    first_error_ = error;
    first_sqlstate_ = bad() && state.empty() ? "08006" : state;
  }
  return error;
}

void PgConnection::NoteCompleted(const PGresult* result) {
  // Like sqlite3_changes(): only INSERT/UPDATE/DELETE (and MERGE) count.
  const char* status = PQcmdStatus(const_cast<PGresult*>(result));
  if (StartsWith(status, "INSERT") || StartsWith(status, "UPDATE") ||
      StartsWith(status, "DELETE") || StartsWith(status, "MERGE")) {
    const char* tuples = PQcmdTuples(const_cast<PGresult*>(result));
    int64_t n = 0;
    std::from_chars(tuples, tuples + std::strlen(tuples), n);
    changes_ = n;
  }
}

// Connects with our settings: UTF8, UTC, application_name, no notices. The URL's own
// options come first so that ours win.
Result<std::unique_ptr<PgConnection>> Connect(const std::string& url, const std::string& described,
                                              int connect_timeout_s) {
  std::string timeout = std::to_string(connect_timeout_s);
  const char* const keywords[] = {"dbname", "connect_timeout", "client_encoding",
                                  "application_name", nullptr};
  const char* const values[] = {url.c_str(), timeout.c_str(), "UTF8", "doithoai", nullptr};
  PGconn* raw = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (raw == nullptr || PQstatus(raw) != CONNECTION_OK) {
    std::string reason = raw != nullptr ? OneLine(PQerrorMessage(raw)) : "hết bộ nhớ";
    PQfinish(raw);
    return MakeError(ErrorCode::kUnavailable,
                     "Không kết nối được tới PostgreSQL tại " + described + ": " + reason);
  }
  auto conn = std::make_unique<PgConnection>(raw);
  // Notices ("already exists, skipping") are not for the server's log.
  Status configured = conn->Exec("SET TimeZone TO 'UTC'; SET client_min_messages TO warning");
  if (!configured.ok()) return std::move(configured).error();
  return conn;
}

// The innermost Read/Write callback running on this thread, per database,
// so that a nested call joins the caller's transaction.
struct ActiveFrame {
  const void* db;
  PgConnection* conn;
  ActiveFrame* outer;
};
thread_local ActiveFrame* t_active = nullptr;

PgConnection* ActiveConnection(const void* db) {
  for (ActiveFrame* f = t_active; f != nullptr; f = f->outer) {
    if (f->db == db) return f->conn;
  }
  return nullptr;
}

class FrameScope {
 public:
  FrameScope(const void* db, PgConnection* conn) : frame_{db, conn, t_active} {
    t_active = &frame_;
  }
  ~FrameScope() { t_active = frame_.outer; }
  FrameScope(const FrameScope&) = delete;
  FrameScope& operator=(const FrameScope&) = delete;

 private:
  ActiveFrame frame_;
};

// A few milliseconds, growing with the attempt, randomised so that two
// conflicting writers do not collide again in lockstep.
void Backoff(int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  int cap_us = std::min(1000 << std::min(attempt, 5), 20000);
  std::uniform_int_distribution<int> pick(cap_us / 4, cap_us);
  std::this_thread::sleep_for(std::chrono::microseconds(pick(rng)));
}

}  // namespace

// ---- the pool ----

struct PgDatabase::Impl {
  std::string url;
  std::string described;
  PgOptions options;

  mutable std::mutex mu;
  std::condition_variable freed;
  std::vector<std::unique_ptr<PgConnection>> idle;  // most recently used last
  int total = 0;                                    // idle + lent + being connected
  PgStats stats;

  // Fairness between this process's writers: a Write re-run after a
  // serialisation failure holds the gate exclusively, so it waits for the
  // writers in flight and runs while new ones wait; first runs share it.
  // Without this a writer can lose to the same hot-row writer every time.
  std::mutex gate_mu;
  std::condition_variable gate_cv;
  int gate_shared = 0;
  int gate_exclusive_waiting = 0;
  bool gate_exclusive = false;

  class GateHold {
   public:
    GateHold(Impl& impl, bool exclusive) : impl_(impl), exclusive_(exclusive) {
      std::unique_lock<std::mutex> lock(impl_.gate_mu);
      if (exclusive_) {
        ++impl_.gate_exclusive_waiting;
        impl_.gate_cv.wait(lock,
                           [this] { return impl_.gate_shared == 0 && !impl_.gate_exclusive; });
        --impl_.gate_exclusive_waiting;
        impl_.gate_exclusive = true;
      } else {
        impl_.gate_cv.wait(
            lock, [this] { return impl_.gate_exclusive_waiting == 0 && !impl_.gate_exclusive; });
        ++impl_.gate_shared;
      }
    }
    ~GateHold() {
      {
        std::lock_guard<std::mutex> lock(impl_.gate_mu);
        if (exclusive_) {
          impl_.gate_exclusive = false;
        } else {
          --impl_.gate_shared;
        }
      }
      impl_.gate_cv.notify_all();
    }
    GateHold(const GateHold&) = delete;
    GateHold& operator=(const GateHold&) = delete;

   private:
    Impl& impl_;
    bool exclusive_;
  };

  // A connection borrowed from the pool, given back (or discarded if dead
  // or stuck in a transaction) on destruction.
  class Lease {
   public:
    Lease(Impl* impl, std::unique_ptr<PgConnection> conn) : impl_(impl), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() { Return(); }
    PgConnection& conn() { return *conn_; }
    void Return() {
      if (conn_ != nullptr) impl_->GiveBack(std::move(conn_));
    }

   private:
    Impl* impl_;
    std::unique_ptr<PgConnection> conn_;
  };

  // A free connection, made if the pool has room; `fresh` insists on a new
  // one (replacing an idle one if the pool is full).
  Result<std::unique_ptr<PgConnection>> Acquire(bool fresh) {
    std::unique_ptr<PgConnection> replaced;
    {
      std::unique_lock<std::mutex> lock(mu);
      auto deadline =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(options.acquire_timeout_ms);
      auto available = [&] { return !idle.empty() || total < options.pool_size; };
      if (!available()) ++stats.acquire_waits;
      bool ready = freed.wait_until(lock, deadline, available);
      if (!ready) return Busy();
      if (!idle.empty() && (!fresh || total >= options.pool_size)) {
        std::unique_ptr<PgConnection> conn = std::move(idle.back());
        idle.pop_back();
        if (!fresh) return conn;
        replaced = std::move(conn);  // its slot goes to the new connection
      } else {
        ++total;
      }
    }
    replaced.reset();  // closes outside the lock
    Result<std::unique_ptr<PgConnection>> conn = Connect(url, described, options.connect_timeout_s);
    std::lock_guard<std::mutex> lock(mu);
    if (!conn.ok()) {
      --total;
      freed.notify_one();
      return conn;
    }
    ++stats.connections_opened;
    return conn;
  }

  void GiveBack(std::unique_ptr<PgConnection> conn) {
    conn->Rollback();  // only if something left a transaction open
    const bool unlocked = conn->ReleaseWritersLock();
    bool keep = unlocked && !conn->bad() && !conn->InTransaction();
    std::unique_ptr<PgConnection> dropped;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (keep) {
        idle.push_back(std::move(conn));
      } else {
        dropped = std::move(conn);
        --total;
        ++stats.connections_dropped;
      }
    }
    freed.notify_one();
  }

  // Borrows a connection and opens a transaction with `begin`. A pooled
  // connection found dead at BEGIN (killed while idle) is replaced once by a
  // new one, before anything of the caller has run.
  Result<Lease> Begin(std::string_view begin, bool lock_writers = false) {
    for (int attempt = 0;; ++attempt) {
      ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, Acquire(/*fresh=*/attempt > 0));
      bool reused = conn->used();
      Lease lease(this, std::move(conn));
      Status started =
          lock_writers ? lease.conn().LockWritersAndBegin(begin, options.writers_lock_timeout_ms)
                       : lease.conn().Begin(begin);
      if (started.ok()) return lease;
      if (!lease.conn().bad()) return std::move(started).error();
      if (!reused || attempt > 0) return Lost();
    }
  }
};

PgDatabase::PgDatabase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

PgDatabase::~PgDatabase() = default;

Result<std::unique_ptr<PgDatabase>> PgDatabase::Open(const std::string& url,
                                                     const PgOptions& options) {
  if (url.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Chưa chỉ định địa chỉ cơ sở dữ liệu PostgreSQL");
  }
  std::string described = UrlWithoutPassword(url);
  char* err = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &err);
  if (parsed == nullptr) {
    std::string reason = err != nullptr ? OneLine(err) : "hết bộ nhớ";
    PQfreemem(err);
    return MakeError(
        ErrorCode::kInvalidArgument,
        "Địa chỉ cơ sở dữ liệu PostgreSQL không hợp lệ (" + described + "): " + reason);
  }
  PQconninfoFree(parsed);
  if (options.pool_size < 1 || options.connect_timeout_s < 0 || options.acquire_timeout_ms < 0 ||
      options.max_write_attempts < 1) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tùy chọn kết nối PostgreSQL không hợp lệ: cần pool_size ≥ 1, "
                     "max_write_attempts ≥ 1 và thời gian chờ không âm");
  }
  auto impl = std::make_unique<Impl>();
  impl->url = url;
  impl->described = std::move(described);
  impl->options = options;
  // Connect once now so that a wrong address is reported at startup.
  ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> first, impl->Acquire(/*fresh=*/false));
  impl->GiveBack(std::move(first));
  return std::unique_ptr<PgDatabase>(new PgDatabase(std::move(impl)));
}

std::string PgDatabase::Describe() const { return impl_->described; }

PgStats PgDatabase::stats() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->stats;
}

Status PgDatabase::RunRead(const std::function<Status(sql::Connection&)>& fn) {
  if (PgConnection* active = ActiveConnection(impl_.get())) {
    return fn(*active);  // nested: inside the caller's transaction
  }
  ASSIGN_OR_RETURN(Impl::Lease lease, impl_->Begin(kBeginRead));
  PgConnection& conn = lease.conn();
  Status status;
  {
    FrameScope frame(impl_.get(), &conn);
    status = fn(conn);
  }
  if (status.ok()) status = conn.Commit(/*rollback_ok=*/true);
  if (!status.ok() && conn.bad()) return Lost();
  return status;
}

Status PgDatabase::RunWrite(const std::function<Status(sql::Connection&)>& fn) {
  return RunWriteAs(fn, kBeginWrite);
}

Status PgDatabase::RunWriteWithRowLocks(const std::function<Status(sql::Connection&)>& fn) {
  return RunWriteAs(fn, kBeginRowLocks);
}

Status PgDatabase::RunWriteAs(const std::function<Status(sql::Connection&)>& fn,
                              std::string_view begin) {
  if (impl_->options.read_only) {
    return MakeError(ErrorCode::kUnavailable, kReadOnlyMessage);
  }
  if (PgConnection* active = ActiveConnection(impl_.get())) {
    return fn(*active);  // nested: part of the caller's transaction
  }
  for (int attempt = 1;; ++attempt) {
    std::optional<Impl::GateHold> gate;
    gate.emplace(*impl_, /*exclusive=*/attempt > 1);
    const bool lock_writers = impl_->options.serialize_writers && begin == kBeginWrite;
    ASSIGN_OR_RETURN(Impl::Lease lease, impl_->Begin(begin, lock_writers));
    PgConnection& conn = lease.conn();
    Status status;
    {
      FrameScope frame(impl_.get(), &conn);
      status = fn(conn);
    }
    if (status.ok()) {
      if (conn.aborted()) {
        // `fn` ignored a failed statement: COMMIT would only roll back.
        status = conn.first_error().value_or(
            MakeError(ErrorCode::kInternal, "Lỗi cơ sở dữ liệu (giao dịch đã bị hủy)"));
      } else {
        status = conn.Commit(/*rollback_ok=*/false);
        if (status.ok()) return OkStatus();
      }
    }
    // Whether COMMIT happened is unknown once the connection is gone.
    if (conn.bad()) return Lost();
    if (!IsRetryable(conn.first_sqlstate())) return status;
    if (attempt >= impl_->options.max_write_attempts) return Busy();
    lease.Return();  // rolls back; free the connection while we wait
    gate.reset();
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      ++impl_->stats.write_retries;
    }
    Backoff(attempt);
  }
}

Result<int> PgDatabase::Migrate() {
  // A session advisory lock on a connection of its own (outside the pool,
  // so the migrations' own transactions can use every pooled connection);
  // the server releases it if this process dies.
  ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> lock_conn,
                   Connect(impl_->url, impl_->described, impl_->options.connect_timeout_s));
  const std::string key = std::to_string(kMigrationLockKey);
  Status locked = lock_conn->Exec("SELECT pg_advisory_lock(" + key + ")");
  if (!locked.ok()) return std::move(locked).error();
  Result<int> applied = sql::ApplyMigrations(*this);
  // Closing the connection would release it too; unlock explicitly anyway.
  Status unlocked = lock_conn->Exec("SELECT pg_advisory_unlock(" + key + ")");
  (void)unlocked;
  return applied;
}

Result<int> PgDatabase::SchemaVersion() { return sql::AppliedSchemaVersion(*this); }

}  // namespace doithoai::postgres
