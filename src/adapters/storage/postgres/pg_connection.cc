// PgConnection: one libpq connection with its prepared statements, and the
// mapping of PostgreSQL errors to ours. See pg_connection.h.
#include "adapters/storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/storage/postgres/placeholders.h"

namespace doithoai::postgres {

namespace internal {

namespace {

constexpr char kBusyMessage[] = "Cơ sở dữ liệu đang bận, vui lòng thử lại";
constexpr char kLostMessage[] = "Mất kết nối tới cơ sở dữ liệu, vui lòng thử lại";

}  // namespace

Error Busy() { return MakeError(ErrorCode::kUnavailable, kBusyMessage); }
Error Lost() { return MakeError(ErrorCode::kUnavailable, kLostMessage); }

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

}  // namespace internal

using internal::kReadOnlyMessage;
using internal::OneLine;

namespace {

constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
constexpr char kDiskFullMessage[] =
    "Hết dung lượng đĩa, không ghi được cơ sở dữ liệu; hãy giải phóng dung lượng rồi thử lại";

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

using internal::Busy;
using internal::IsRetryable;
using internal::Lost;

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

namespace internal {

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

// The URL's own options come first so that ours win.
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

}  // namespace internal
}  // namespace doithoai::postgres
