#include "adapters/storage/sql/copy.h"

#include <optional>
#include <utility>

#include "adapters/storage/sql/copy_rows.h"
#include "adapters/storage/sql/petition_rows.h"

namespace doithoai::sql {

namespace {

using copy_rows::Column;
using copy_rows::ColumnList;
using copy_rows::Columns;
using copy_rows::EnsureProgressTable;
using copy_rows::RecordedCopy;
using copy_rows::TableSum;

Result<TableSum> SumTable(Connection& c, const std::string& table,
                          const std::vector<Column>& columns) {
  return copy_rows::SumRows(c, "SELECT " + ColumnList(columns) + " FROM " + table, columns);
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
                           " dòng; hãy sao chép vào một cơ sở dữ liệu mới (chỉ mới migrate), hoặc "
                           "thêm một xã vào đích đã có các xã khác bằng `--commune <mã xã>`");
    }
    const std::string insert_sql = copy_rows::InsertSql(table, columns);
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
        const copy_rows::Row values = copy_rows::ReadRow(rows, columns);
        copy_rows::BindRow(insert, values, columns);
        RETURN_IF_ERROR(insert.Run());
        source.Add(values, columns);
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
    // Identity columns were given explicit ids: start after them.
    RETURN_IF_ERROR(copy_rows::AdvanceIdentity(t, table));
    RETURN_IF_ERROR(copy_rows::RecordCopy(t, TableCopy{table, copied.rows(), copied.Hex(), false}));
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
  RETURN_IF_ERROR(copy_rows::CheckCopyable(from, to));
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
