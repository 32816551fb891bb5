// SqliteDatabase, Connection and Statement: a small RAII layer over the SQLite
// C API, plus embedded-migration handling and online backup. See database.h
// for the threading model.
#include "adapters/storage/sqlite/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "adapters/storage/sql/migrations.h"

namespace doithoai::sqlite {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMemoryPath = ":memory:";

std::string ReadOnlyMessage(const std::string& path) {
  return "Cơ sở dữ liệu chỉ cho phép đọc, không thể ghi: " + path;
}

// The directory that holds `path` ("." for a bare file name).
fs::path ParentDir(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// Opens a raw connection with our flags; the handle is closed on failure.
Result<sqlite3*> OpenRaw(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error error = ErrorFromSqlite(rc, db, "mở cơ sở dữ liệu " + path);
    sqlite3_close_v2(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  return db;
}

// Runs a one-row PRAGMA query and returns its first column as text.
Result<std::string> QueryText(Connection& c, std::string_view sql) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnText(0) : std::string();
}

// Per-connection settings. `writer` also switches the file to WAL.
Status Configure(Connection& c, const OpenOptions& options, bool writer, bool memory) {
  sqlite3_busy_timeout(c.raw(), options.busy_timeout_ms);
  if (writer && !memory && !options.read_only) {
    ASSIGN_OR_RETURN(std::string mode, QueryText(c, "PRAGMA journal_mode=WAL"));
    if (mode != "wal") {
      return MakeError(
          ErrorCode::kUnavailable,
          "Không bật được chế độ WAL cho cơ sở dữ liệu (chế độ hiện tại: " + mode + ")");
    }
  }
  RETURN_IF_ERROR(c.Exec("PRAGMA synchronous=FULL"));
  RETURN_IF_ERROR(c.Exec("PRAGMA foreign_keys=ON"));
  if (!writer) {
    // Readers must never write, even by mistake.
    RETURN_IF_ERROR(c.Exec("PRAGMA query_only=ON"));
  }
  return OkStatus();
}

// Runs `fn` between `begin` and COMMIT on `c`; rolls back if `fn` or COMMIT
// fails, or if `fn` throws.
Status InTransaction(Connection& c, std::string_view begin,
                     const std::function<Status(sql::Connection&)>& fn) {
  RETURN_IF_ERROR(c.Exec(begin));
  struct Guard {
    Connection& c;
    bool done = false;
    ~Guard() {
      if (!done && c.InTransaction()) {  // still open
        sqlite3_exec(c.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
      }
    }
  } guard{c};
  RETURN_IF_ERROR(fn(c));
  RETURN_IF_ERROR(c.Exec("COMMIT"));
  guard.done = true;
  return OkStatus();
}

// fsyncs a file or directory.
bool SyncPath(const std::string& path, bool directory) {
  int fd = open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

}  // namespace

// ---- SqliteStatement ----

// The SQLite side of sql::Statement. A cached one (owned by the connection's
// cache) is reset on Release; an uncached one deletes itself.
class SqliteStatement final : public sql::StatementBackend {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, bool cached)
      : db_(db), stmt_(stmt), cached_(cached) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void BindInt(int index, int64_t value) override {
    NoteBind(sqlite3_bind_int64(stmt_, index, value));
  }
  void BindText(int index, std::string_view value) override {
    // A null data pointer would bind NULL; an empty view must bind ''.
    const char* data = value.data() != nullptr ? value.data() : "";
    NoteBind(sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void BindNull(int index) override { NoteBind(sqlite3_bind_null(stmt_, index)); }

  Result<bool> Step() override {
    if (bind_rc_ != SQLITE_OK) {
      return ErrorFromSqlite(bind_rc_, db_, "gán tham số cho câu lệnh SQL");
    }
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
      return true;
    }
    if (rc == SQLITE_DONE) {
      return false;
    }
    return ErrorFromSqlite(rc, db_, "thực hiện câu lệnh SQL");
  }

  int64_t ColumnInt(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string ColumnText(int col) const override {
    const unsigned char* text = sqlite3_column_text(stmt_, col);
    if (text == nullptr) {
      return std::string();
    }
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  bool ColumnIsNull(int col) const override {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }

  void Release() override {
    if (!cached_) {
      delete this;
      return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
    in_use = false;
  }

  bool in_use = false;

 private:
  void NoteBind(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
      bind_rc_ = rc;
    }
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool cached_;
  int bind_rc_ = SQLITE_OK;  // first failed sqlite3_bind_* result
};

// ---- Connection ----

struct Connection::Cache {
  std::map<std::string, std::unique_ptr<SqliteStatement>, std::less<>> entries;
};

Connection::Connection(sqlite3* db) : db_(db), cache_(std::make_unique<Cache>()) {}

Connection::~Connection() {
  cache_.reset();  // finalises the cached statements before closing
  sqlite3_close_v2(db_);
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_->entries.find(sql);
  if (it != cache_->entries.end() && !it->second->in_use) {
    it->second->in_use = true;
    return Statement(it->second.get());
  }
  // Not cached yet, or the cached one is in use further up the stack (the
  // same query nested): prepare a new one.
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  bool cache = it == cache_->entries.end();
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              cache ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, &tail);
  if (rc != SQLITE_OK) {
    return ErrorFromSqlite(rc, db_, "chuẩn bị câu lệnh SQL");
  }
  if (stmt == nullptr ||
      std::string_view(tail, sql.data() + sql.size() - tail).find_first_not_of(" \t\r\n;") !=
          std::string_view::npos) {
    sqlite3_finalize(stmt);
    return MakeError(ErrorCode::kInternal,
                     "Prepare cần đúng một câu lệnh SQL: " + std::string(sql));
  }
  if (!cache) {
    return Statement(new SqliteStatement(db_, stmt, /*cached=*/false));
  }
  auto owned = std::make_unique<SqliteStatement>(db_, stmt, /*cached=*/true);
  owned->in_use = true;
  SqliteStatement* out = owned.get();
  cache_->entries.emplace(std::string(sql), std::move(owned));
  return Statement(out);
}

Status Connection::Exec(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return ErrorFromSqlite(rc, db_, "thực hiện câu lệnh SQL");
  }
  return OkStatus();
}

int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

// ---- SqliteDatabase ----

struct SqliteDatabase::Impl {
  bool memory = false;
  // Recursive so that a Read nested in a Write on a :memory: database (both
  // on the writer connection) does not deadlock.
  std::recursive_mutex write_mu;
  std::unique_ptr<Connection> writer;
  std::mutex readers_mu;
  std::map<std::thread::id, std::unique_ptr<Connection>> readers;
};

SqliteDatabase::SqliteDatabase(std::string path, OpenOptions options)
    : path_(std::move(path)), options_(options), impl_(std::make_unique<Impl>()) {}

SqliteDatabase::~SqliteDatabase() {
  impl_->readers.clear();
  impl_->writer.reset();
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path,
                                                             const OpenOptions& options) {
  if (path.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Chưa chỉ định đường dẫn cơ sở dữ liệu");
  }
  bool memory = path == kMemoryPath;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (!memory) {
    std::error_code ec;
    fs::path dir = ParentDir(path);
    if (!fs::is_directory(dir, ec)) {
      return MakeError(ErrorCode::kNotFound,
                       "Thư mục chứa cơ sở dữ liệu không tồn tại: " + dir.string());
    }
    if (fs::is_directory(path, ec)) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Đường dẫn cơ sở dữ liệu là một thư mục, không phải tệp: " + path);
    }
    bool exists = fs::exists(path, ec);
    if (!exists && (!options.create_if_missing || options.read_only)) {
      return MakeError(ErrorCode::kNotFound,
                       "Chưa có cơ sở dữ liệu tại " + path + "; hãy chạy `doithoai init`");
    }
    if (!exists && access(dir.c_str(), W_OK) != 0) {
      return MakeError(
          ErrorCode::kUnavailable,
          "Cơ sở dữ liệu chỉ cho phép đọc: không thể tạo tệp trong thư mục " + dir.string());
    }
    if (options.read_only) {
      flags = SQLITE_OPEN_READONLY;
    } else if (!options.create_if_missing) {
      flags = SQLITE_OPEN_READWRITE;
    }
  }

  auto db = std::unique_ptr<SqliteDatabase>(new SqliteDatabase(path, options));
  db->impl_->memory = memory;
  ASSIGN_OR_RETURN(sqlite3 * raw, OpenRaw(path, flags));
  db->impl_->writer = std::make_unique<Connection>(raw);
  Connection& writer = *db->impl_->writer;
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);

  // SQLite reads the file lazily: make it read the header now, so that a
  // non-database is reported here and not on the first query.
  Status probe = writer.Exec("SELECT count(*) FROM sqlite_master");
  if (!probe.ok()) {
    int rc = sqlite3_errcode(raw) & 0xff;
    if (rc == SQLITE_NOTADB) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Tệp " + path + " không phải cơ sở dữ liệu SQLite");
    }
    return std::move(probe).error();
  }
  if (!options.read_only && sqlite3_db_readonly(raw, "main") == 1) {
    return MakeError(ErrorCode::kUnavailable, ReadOnlyMessage(path));
  }
  RETURN_IF_ERROR(Configure(writer, options, /*writer=*/true, memory));
  return db;
}

Result<Connection*> SqliteDatabase::ReaderForThisThread() {
  std::lock_guard<std::mutex> lock(impl_->readers_mu);
  auto it = impl_->readers.find(std::this_thread::get_id());
  if (it != impl_->readers.end()) {
    return it->second.get();
  }
  // Readers never create the file; read-only databases stay read-only.
  int flags = options_.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  ASSIGN_OR_RETURN(sqlite3 * raw, OpenRaw(path_, flags));
  auto conn = std::make_unique<Connection>(raw);
  RETURN_IF_ERROR(Configure(*conn, options_, /*writer=*/false, /*memory=*/false));
  Connection* out = conn.get();
  impl_->readers.emplace(std::this_thread::get_id(), std::move(conn));
  return out;
}

Status SqliteDatabase::RunRead(const std::function<Status(sql::Connection&)>& fn) {
  if (impl_->memory) {
    // See the header: in-memory reads share the writer connection.
    std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
    return fn(*impl_->writer);
  }
  ASSIGN_OR_RETURN(Connection * conn, ReaderForThisThread());
  if (conn->InTransaction()) {
    return fn(*conn);  // a nested Read: already inside our snapshot
  }
  return InTransaction(*conn, "BEGIN", fn);
}

Status SqliteDatabase::RunWrite(const std::function<Status(sql::Connection&)>& fn) {
  if (options_.read_only) {
    return MakeError(ErrorCode::kUnavailable, ReadOnlyMessage(path_));
  }
  std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
  return InTransaction(*impl_->writer, "BEGIN IMMEDIATE", fn);
}

Result<int> SqliteDatabase::SchemaVersion() { return sql::AppliedSchemaVersion(*this); }

Result<int> SqliteDatabase::Migrate() { return sql::ApplyMigrations(*this); }

Status SqliteDatabase::Backup(const std::string& out_path) {
  std::error_code ec;
  fs::path dir = ParentDir(out_path);
  if (!fs::is_directory(dir, ec)) {
    return MakeError(ErrorCode::kNotFound,
                     "Thư mục đích của bản sao lưu không tồn tại: " + dir.string());
  }
  const std::string tmp = out_path + ".tmp-" + std::to_string(getpid());
  auto remove_tmp = [&tmp] {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      fs::remove(tmp + suffix, ignored);
    }
  };
  remove_tmp();  // a leftover from a crashed run with the same pid

  Status status = [&]() -> Status {
    ASSIGN_OR_RETURN(sqlite3 * dest, OpenRaw(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    Connection dest_conn(dest);  // closes `dest`
    {
      std::lock_guard<std::recursive_mutex> lock(impl_->write_mu);
      sqlite3_backup* backup = sqlite3_backup_init(dest, "main", impl_->writer->raw(), "main");
      if (backup == nullptr) {
        return ErrorFromSqlite(sqlite3_errcode(dest), dest, "sao lưu cơ sở dữ liệu");
      }
      int rc = sqlite3_backup_step(backup, -1);
      sqlite3_backup_finish(backup);
      if (rc != SQLITE_DONE) {
        return ErrorFromSqlite(rc, dest, "sao lưu cơ sở dữ liệu");
      }
    }
    // The copy must be one self-contained file.
    return dest_conn.Exec("PRAGMA journal_mode=DELETE");
  }();
  if (status.ok() && !SyncPath(tmp, /*directory=*/false)) {
    status = MakeError(ErrorCode::kUnavailable, "Không ghi được bản sao lưu xuống đĩa: " + tmp);
  }
  if (status.ok()) {
    fs::rename(tmp, out_path, ec);
    if (ec) {
      status = MakeError(ErrorCode::kUnavailable,
                         "Không đổi tên được bản sao lưu thành " + out_path + ": " + ec.message());
    }
  }
  if (!status.ok()) {
    remove_tmp();
    return status;
  }
  SyncPath(dir.string(), /*directory=*/true);  // make the rename durable
  return OkStatus();
}

// ---- errors ----

Error ErrorFromSqlite(int rc, sqlite3* db, std::string_view what) {
  int code = rc;
  if (db != nullptr && (sqlite3_extended_errcode(db) & 0xff) == (rc & 0xff)) {
    code = sqlite3_extended_errcode(db);  // more precise, if it is the same error
  }
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string context = " (" + std::string(what) + ": " + detail + ")";
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return MakeError(ErrorCode::kUnavailable, "Cơ sở dữ liệu đang bận, vui lòng thử lại");
    case SQLITE_FULL:
      return MakeError(ErrorCode::kUnavailable,
                       "Hết dung lượng đĩa, không ghi được cơ sở dữ liệu; hãy giải phóng dung "
                       "lượng rồi thử lại");
    case SQLITE_READONLY:
      return MakeError(ErrorCode::kUnavailable, "Cơ sở dữ liệu chỉ cho phép đọc, không thể ghi");
    case SQLITE_NOTADB:
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Tệp không phải cơ sở dữ liệu SQLite" + context);
    case SQLITE_CANTOPEN:
      return MakeError(ErrorCode::kUnavailable, "Không mở được tệp cơ sở dữ liệu" + context);
    case SQLITE_CORRUPT:
      return MakeError(ErrorCode::kInternal, "Cơ sở dữ liệu bị hỏng" + context);
    case SQLITE_CONSTRAINT:
      switch (code) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          return MakeError(ErrorCode::kAlreadyExists, "Dữ liệu đã tồn tại" + context);
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          return MakeError(ErrorCode::kFailedPrecondition,
                           "Dữ liệu tham chiếu đến bản ghi không tồn tại" + context);
        default:
          return MakeError(ErrorCode::kInvalidArgument, "Dữ liệu không hợp lệ" + context);
      }
    default:
      return MakeError(ErrorCode::kInternal, "Lỗi cơ sở dữ liệu" + context);
  }
}

}  // namespace doithoai::sqlite
