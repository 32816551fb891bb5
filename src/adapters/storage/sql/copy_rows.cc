#include "adapters/storage/sql/copy_rows.h"

#include <sodium.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <utility>

#include "adapters/storage/sql/copy.h"
#include "adapters/storage/sql/migrations.h"

namespace doithoai::sql::copy_rows {

Result<std::vector<Column>> Columns(Connection& c, const std::string& table) {
  ASSIGN_OR_RETURN(Statement stmt,
                   c.Prepare(c.engine() == Engine::kSqlite
                                 ? "SELECT name, type FROM pragma_table_info(?)"
                                 : "SELECT column_name, data_type FROM information_schema.columns "
                                   "WHERE table_schema = current_schema() AND table_name = ? "
                                   "ORDER BY ordinal_position"));
  stmt.Bind(1, table);
  std::vector<Column> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    std::string type = stmt.ColumnText(1);
    for (char& ch : type) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    out.push_back({stmt.ColumnText(0), type.find("INT") != std::string::npos});
  }
  if (out.empty()) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Cơ sở dữ liệu không có bảng " + table + "; hãy chạy `doithoai migrate`");
  }
  return out;
}

std::string ColumnList(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& col : columns) {
    if (!out.empty()) out += ", ";
    out += col.name;
  }
  return out;
}

int ColumnIndex(const std::vector<Column>& columns, const std::string& name) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Row ReadRow(const Statement& stmt, const std::vector<Column>& columns) {
  Row row(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    const int col = static_cast<int>(i);
    if (stmt.ColumnIsNull(col)) continue;
    if (columns[i].integer) {
      row[i].SetInt(stmt.ColumnInt(col));
    } else {
      row[i].SetText(stmt.ColumnText(col));
    }
  }
  return row;
}

void BindRow(Statement& stmt, const Row& row, const std::vector<Column>& columns) {
  for (size_t i = 0; i < columns.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (row[i].null) {
      stmt.BindNull(index);
    } else if (columns[i].integer) {
      stmt.Bind(index, row[i].integer);
    } else {
      stmt.Bind(index, row[i].text);
    }
  }
}

std::string InsertSql(const std::string& table, const std::vector<Column>& columns) {
  std::string placeholders;
  for (size_t i = 1; i <= columns.size(); ++i) {
    placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
  }
  return "INSERT INTO " + table + " (" + ColumnList(columns) + ") VALUES (" + placeholders + ")";
}

void TableSum::Add(const Row& row, const std::vector<Column>& columns) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (size_t i = 0; i < columns.size(); ++i) {
    char tag = 'N';
    std::string value;
    if (!row[i].null) {
      tag = columns[i].integer ? 'I' : 'T';
      value = columns[i].integer ? std::to_string(row[i].integer) : row[i].text;
    }
    const uint64_t size = value.size();
    unsigned char header[9];
    header[0] = static_cast<unsigned char>(tag);
    std::memcpy(header + 1, &size, sizeof size);
    crypto_hash_sha256_update(&state, header, sizeof header);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(value.data()),
                              value.size());
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  for (size_t lane = 0; lane < lanes_.size(); ++lane) {
    uint64_t v = 0;
    std::memcpy(&v, digest + lane * 8, 8);
    lanes_[lane] += v;  // wraps: a sum modulo 2^64
  }
  ++rows_;
}

std::string TableSum::Hex() const {
  char hex[4 * 16 + 1];
  for (size_t lane = 0; lane < lanes_.size(); ++lane) {
    std::snprintf(hex + lane * 16, 17, "%016llx", static_cast<unsigned long long>(lanes_[lane]));
  }
  return std::string(hex, lanes_.size() * 16);
}

Result<TableSum> SumRows(Connection& c, const std::string& select_sql,
                         const std::vector<Column>& columns,
                         const std::function<void(Statement&)>& bind) {
  ASSIGN_OR_RETURN(Statement rows, c.Prepare(select_sql));
  if (bind) bind(rows);
  TableSum sum;
  while (true) {
    ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row) break;
    sum.Add(ReadRow(rows, columns), columns);
  }
  return sum;
}

Status AdvanceIdentity(Connection& c, const std::string& table) {
  if (c.engine() != Engine::kPostgres) return OkStatus();
  ASSIGN_OR_RETURN(Statement has_id,
                   c.Prepare("SELECT count(*) FROM information_schema.columns WHERE table_schema "
                             "= current_schema() AND table_name = ? AND column_name = 'id' AND "
                             "is_identity = 'YES'"));
  has_id.Bind(1, table);
  ASSIGN_OR_RETURN(int64_t identity, has_id.RunReturningInt());
  if (identity == 0) return OkStatus();
  return c.Exec("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) FROM " +
                table + " HAVING max(id) IS NOT NULL");
}

Status EnsureProgressTable(Database& to) {
  return to.Write([](Connection& c) -> Status {
    return c.Exec(
        "CREATE TABLE IF NOT EXISTS copy_progress (table_name TEXT PRIMARY KEY, "
        "rows BIGINT NOT NULL, checksum TEXT NOT NULL, copied_at TEXT NOT NULL)");
  });
}

Result<std::optional<TableCopy>> RecordedCopy(Database& to, const std::string& table) {
  return to.Read<std::optional<TableCopy>>([&](Connection& c) -> Result<std::optional<TableCopy>> {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT rows, checksum FROM copy_progress "
                                               "WHERE table_name = ?"));
    stmt.Bind(1, table);
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return std::optional<TableCopy>();
    TableCopy out{table, stmt.ColumnInt(0), stmt.ColumnText(1), true};
    RETURN_IF_ERROR(stmt.Run());
    return std::optional<TableCopy>(std::move(out));
  });
}

Status RecordCopy(Connection& t, const TableCopy& done) {
  ASSIGN_OR_RETURN(Statement record,
                   t.Prepare("INSERT INTO copy_progress (table_name, rows, checksum, copied_at) "
                             "VALUES (?, ?, ?, ?)"));
  record.Bind(1, done.table).Bind(2, done.rows).Bind(3, done.checksum).Bind(4, UtcNowIso());
  return record.Run();
}

Status CheckCopyable(Database& from, Database& to) {
  if (sodium_init() < 0) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được libsodium");
  }
  if (&from == &to || (from.Describe() == to.Describe() && from.Describe() != ":memory:")) {
    return MakeError(ErrorCode::kInvalidArgument, "Nguồn và đích là cùng một cơ sở dữ liệu");
  }
  ASSIGN_OR_RETURN(int from_version, from.SchemaVersion());
  ASSIGN_OR_RETURN(int to_version, to.SchemaVersion());
  if (from_version != to_version || from_version == 0) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Phiên bản lược đồ khác nhau (nguồn " + std::to_string(from_version) +
                         ", đích " + std::to_string(to_version) +
                         "); hãy chạy `doithoai migrate` cho cả hai trước khi sao chép");
  }
  return OkStatus();
}

}  // namespace doithoai::sql::copy_rows
