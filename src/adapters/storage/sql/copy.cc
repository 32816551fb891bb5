#include "adapters/storage/sql/copy.h"

#include <sodium.h>

#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <utility>

#include "adapters/storage/sql/migrations.h"
#include "adapters/storage/sql/petition_rows.h"

namespace doithoai::sql {

namespace {

struct Column {
  std::string name;
  bool integer = false;
};

// The columns of `table` in order, with whether each holds integers.
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

// The order-independent sum of row hashes (see copy.h).
class TableSum {
 public:
  // Adds the current row of `row`, whose columns are `columns`.
  void AddRow(const Statement& row, const std::vector<Column>& columns) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    for (size_t i = 0; i < columns.size(); ++i) {
      const int col = static_cast<int>(i);
      char tag = 'N';
      std::string value;
      if (!row.ColumnIsNull(col)) {
        tag = columns[i].integer ? 'I' : 'T';
        value = columns[i].integer ? std::to_string(row.ColumnInt(col)) : row.ColumnText(col);
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
  int64_t rows() const { return rows_; }
  std::string Hex() const {
    char hex[4 * 16 + 1];
    for (size_t lane = 0; lane < lanes_.size(); ++lane) {
      std::snprintf(hex + lane * 16, 17, "%016llx", static_cast<unsigned long long>(lanes_[lane]));
    }
    return std::string(hex, lanes_.size() * 16);
  }

 private:
  std::array<uint64_t, 4> lanes_{};
  int64_t rows_ = 0;
};

Result<TableSum> SumTable(Connection& c, const std::string& table,
                          const std::vector<Column>& columns) {
  ASSIGN_OR_RETURN(Statement rows, c.Prepare("SELECT " + ColumnList(columns) + " FROM " + table));
  TableSum sum;
  while (true) {
    ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row) break;
    sum.AddRow(rows, columns);
  }
  return sum;
}

Status EnsureProgressTable(Database& to) {
  return to.Write([](Connection& c) -> Status {
    return c.Exec(
        "CREATE TABLE IF NOT EXISTS copy_progress (table_name TEXT PRIMARY KEY, "
        "rows BIGINT NOT NULL, checksum TEXT NOT NULL, copied_at TEXT NOT NULL)");
  });
}

// The progress row of `table` in the target, if any.
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

// Copies `table` in one target transaction; see copy.h.
Result<TableCopy> CopyTable(Database& from, Database& to, const std::string& table) {
  return to.Write<TableCopy>([&](Connection& t) -> Result<TableCopy> {
    ASSIGN_OR_RETURN(std::vector<Column> columns, Columns(t, table));
    ASSIGN_OR_RETURN(Statement existing, t.Prepare("SELECT count(*) FROM " + table));
    ASSIGN_OR_RETURN(int64_t present, existing.RunReturningInt());
    if (present != 0) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Bảng " + table + " ở cơ sở dữ liệu đích đã có " + std::to_string(present) +
                           " dòng; hãy sao chép vào một cơ sở dữ liệu mới (chỉ mới migrate)");
    }
    std::string placeholders;
    for (size_t i = 1; i <= columns.size(); ++i) {
      placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
    }
    const std::string insert_sql =
        "INSERT INTO " + table + " (" + ColumnList(columns) + ") VALUES (" + placeholders + ")";
    TableSum source;
    const Status streamed = from.Read([&](Connection& s) -> Status {
      ASSIGN_OR_RETURN(std::vector<Column> source_columns, Columns(s, table));
      if (ColumnList(source_columns) != ColumnList(columns)) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         "Bảng " + table + " có các cột khác nhau ở nguồn và đích: (" +
                             ColumnList(source_columns) + ") / (" + ColumnList(columns) + ")");
      }
      // In key order: the audit log accepts only the next id (append-only).
      ASSIGN_OR_RETURN(Statement rows, s.Prepare("SELECT " + ColumnList(columns) + " FROM " +
                                                 table + " ORDER BY 1"));
      while (true) {
        ASSIGN_OR_RETURN(bool row, rows.Step());
        if (!row) return OkStatus();
        ASSIGN_OR_RETURN(Statement insert, t.Prepare(insert_sql));  // cached after the first
        for (size_t i = 0; i < columns.size(); ++i) {
          const int col = static_cast<int>(i);
          if (rows.ColumnIsNull(col)) {
            insert.BindNull(col + 1);
          } else if (columns[i].integer) {
            insert.Bind(col + 1, rows.ColumnInt(col));
          } else {
            insert.Bind(col + 1, rows.ColumnText(col));
          }
        }
        RETURN_IF_ERROR(insert.Run());
        source.AddRow(rows, columns);
      }
    });
    RETURN_IF_ERROR(streamed);
    ASSIGN_OR_RETURN(TableSum copied, SumTable(t, table, columns));
    if (copied.rows() != source.rows() || copied.Hex() != source.Hex()) {
      return MakeError(ErrorCode::kInternal, "Bảng " + table + " sao chép không khớp (nguồn " +
                                                 std::to_string(source.rows()) + " dòng, đích " +
                                                 std::to_string(copied.rows()) +
                                                 " dòng); đã hoàn tác bảng này");
    }
    const bool has_id_column = !columns.empty() && columns[0].name == "id";
    if (t.engine() == Engine::kPostgres && has_id_column) {
      // Identity columns were given explicit ids: start after them.
      ASSIGN_OR_RETURN(Statement has_id,
                       t.Prepare("SELECT pg_get_serial_sequence(?, 'id') IS NOT NULL"));
      has_id.Bind(1, table);
      Result<int64_t> identity = has_id.RunReturningInt();
      if (identity.ok() && *identity == 1) {
        RETURN_IF_ERROR(t.Exec("SELECT setval(pg_get_serial_sequence('" + table +
                               "', 'id'), max(id)) FROM " + table + " HAVING max(id) IS NOT NULL"));
      }
    }
    ASSIGN_OR_RETURN(Statement record,
                     t.Prepare("INSERT INTO copy_progress (table_name, rows, checksum, copied_at) "
                               "VALUES (?, ?, ?, ?)"));
    record.Bind(1, table).Bind(2, copied.rows()).Bind(3, copied.Hex()).Bind(4, UtcNowIso());
    RETURN_IF_ERROR(record.Run());
    return TableCopy{table, copied.rows(), copied.Hex(), false};
  });
}

}  // namespace

const std::vector<std::string>& CopiedTables() {
  static const std::vector<std::string> tables = {
      "communes",
      "villages",
      "units",
      "officials",
      "admin_units",
      "admin_unit_successions",
      "audit_log",
      "accounts",
      "sessions",
      "login_failures",
      "conferences",
      "conference_documents",
      "document_register",
      "petition_prefixes",
      "petitions",
      "petition_sequences",
      "petition_settings",
      "jobs",
      "outbox_messages",
      "petition_cases",
      "petition_case_members",
      "notification_settings",
  };
  return tables;
}

Result<TableCopy> TableChecksum(Database& db, const std::string& table) {
  return db.Read<TableCopy>([&](Connection& c) -> Result<TableCopy> {
    ASSIGN_OR_RETURN(std::vector<Column> columns, Columns(c, table));
    ASSIGN_OR_RETURN(TableSum sum, SumTable(c, table, columns));
    return TableCopy{table, sum.rows(), sum.Hex(), false};
  });
}

Result<CopyReport> CopyDatabase(Database& from, Database& to,
                                const std::function<void(const TableCopy&)>& progress) {
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
  RETURN_IF_ERROR(EnsureProgressTable(to));
  CopyReport report;
  for (const std::string& table : CopiedTables()) {
    ASSIGN_OR_RETURN(std::optional<TableCopy> done, RecordedCopy(to, table));
    TableCopy result;
    if (done.has_value()) {
      ASSIGN_OR_RETURN(TableCopy source, TableChecksum(from, table));
      if (source.rows != done->rows || source.checksum != done->checksum) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         "Bảng " + table +
                             " đã được sao chép từ dữ liệu khác (nguồn đã thay đổi từ lần "
                             "trước); hãy sao chép vào một cơ sở dữ liệu mới");
      }
      result = *done;
    } else {
      ASSIGN_OR_RETURN(result, CopyTable(from, to, table));
    }
    if (progress) progress(result);
    report.tables.push_back(std::move(result));
  }
  ASSIGN_OR_RETURN(report.search_rows, to.Write<int64_t>([](Connection& c) -> Result<int64_t> {
    return petition_rows::RebuildSearchIndex(c);
  }));
  return report;
}

}  // namespace doithoai::sql
