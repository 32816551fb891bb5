#include "adapters/storage/sql/database.h"

#include <string>

namespace doithoai::sql {

std::string_view EngineName(Engine engine) {
  return engine == Engine::kSqlite ? "sqlite" : "postgresql";
}

Status Statement::Run() {
  while (true) {
    ASSIGN_OR_RETURN(bool row, Step());
    if (!row) {
      return OkStatus();
    }
  }
}

Result<int64_t> Statement::RunReturningInt() {
  ASSIGN_OR_RETURN(bool row, Step());
  if (!row) {
    return MakeError(ErrorCode::kInternal, "Câu lệnh SQL không trả về giá trị nào");
  }
  int64_t value = ColumnInt(0);
  RETURN_IF_ERROR(Run());  // finish the statement (RETURNING has one row)
  return value;
}

Result<bool> TableExists(Connection& c, std::string_view name) {
  ASSIGN_OR_RETURN(Statement stmt,
                   c.Prepare(c.engine() == Engine::kSqlite
                                 ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
                                 : "SELECT 1 WHERE to_regclass(?) IS NOT NULL"));
  stmt.Bind(1, name);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  RETURN_IF_ERROR(stmt.Run());
  return found;
}

std::string_view SkipLockedClause(Engine engine) {
  return engine == Engine::kPostgres ? " FOR UPDATE SKIP LOCKED" : "";
}

std::string ContainsExpr(Engine engine, std::string_view haystack, std::string_view needle) {
  std::string fn = engine == Engine::kSqlite ? "instr(" : "strpos(";
  return fn + std::string(haystack) + ", " + std::string(needle) + ") > 0";
}

std::string JsonTextExpr(Engine engine, std::string_view column, std::string_view key) {
  if (engine == Engine::kSqlite) {
    return "json_extract(" + std::string(column) + ", '$." + std::string(key) + "')";
  }
  return "(" + std::string(column) + "::jsonb ->> '" + std::string(key) + "')";
}

}  // namespace doithoai::sql
