#include "adapters/storage/sql/migrations.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <string>

#include "adapters/resources/embedded.h"

namespace doithoai::sql {

namespace {

std::string Prefix(Engine engine) { return "migrations/" + std::string(EngineName(engine)) + "/"; }

}  // namespace

std::string UtcNowIso() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

Result<std::vector<Migration>> EmbeddedMigrations(Engine engine) {
  const std::string prefix = Prefix(engine);
  std::vector<Migration> out;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (!file.name.starts_with(prefix)) {
      continue;
    }
    std::string_view base = file.name.substr(prefix.size());
    int version = 0;
    auto [end, ec] = std::from_chars(base.data(), base.data() + base.size(), version);
    bool valid = ec == std::errc() && version > 0 && end != base.data() &&
                 end != base.data() + base.size() && *end == '_' && base.ends_with(".sql");
    if (!valid) {
      return MakeError(ErrorCode::kInternal,
                       "Tên tệp migration không hợp lệ (cần NNNN_ten.sql): " + std::string(base));
    }
    out.push_back({version, std::string(base), file.data});
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].version == out[i - 1].version) {
      return MakeError(ErrorCode::kInternal, "Hai tệp migration trùng số phiên bản: " +
                                                 out[i - 1].name + ", " + out[i].name);
    }
  }
  return out;
}

Result<int> AppliedSchemaVersion(Database& db) {
  return db.Read<int>([](Connection& c) -> Result<int> {
    ASSIGN_OR_RETURN(bool has_table, TableExists(c, "schema_version"));
    if (!has_table) {
      return 0;
    }
    ASSIGN_OR_RETURN(Statement max,
                     c.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    ASSIGN_OR_RETURN(int64_t version, max.RunReturningInt());
    return static_cast<int>(version);
  });
}

Result<int> ApplyMigrations(Database& db) {
  ASSIGN_OR_RETURN(std::vector<Migration> migrations, EmbeddedMigrations(db.engine()));
  int known = migrations.empty() ? 0 : migrations.back().version;
  ASSIGN_OR_RETURN(int current, AppliedSchemaVersion(db));
  if (current > known) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Cơ sở dữ liệu có phiên bản lược đồ " + std::to_string(current) +
                         ", mới hơn phiên bản " + std::to_string(known) +
                         " mà chương trình này hỗ trợ; hãy cập nhật doithoai lên bản mới hơn");
  }
  if (current == known) {
    return 0;  // nothing to do, and no write needed (works read-only too)
  }
  RETURN_IF_ERROR(db.Write([](Connection& c) -> Status {
    return c.Exec(c.engine() == Engine::kSqlite
                      ? "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"
                      : "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, "
                        "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  }));
  int applied = 0;
  for (const Migration& m : migrations) {
    if (m.version <= current) {
      continue;
    }
    ASSIGN_OR_RETURN(bool did, db.Write<bool>([&m](Connection& c) -> Result<bool> {
      ASSIGN_OR_RETURN(Statement seen, c.Prepare("SELECT 1 FROM schema_version WHERE version = ?"));
      seen.Bind(1, m.version);
      ASSIGN_OR_RETURN(bool already, seen.Step());
      if (already) {
        return false;
      }
      Status exec = c.Exec(m.sql);
      if (!exec.ok()) {
        Error error = std::move(exec).error();
        error.message = "Lỗi khi áp dụng migration " + m.name + ": " + error.message;
        return error;
      }
      ASSIGN_OR_RETURN(Statement record,
                       c.Prepare("INSERT INTO schema_version (version, name, applied_at) "
                                 "VALUES (?, ?, ?)"));
      record.Bind(1, m.version).Bind(2, m.name).Bind(3, UtcNowIso());
      RETURN_IF_ERROR(record.Run());
      return true;
    }));
    applied += did ? 1 : 0;
  }
  return applied;
}

}  // namespace doithoai::sql
