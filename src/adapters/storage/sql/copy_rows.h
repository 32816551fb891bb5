// Internal to `doithoai copy` (copy.cc, commune_copy.cc): the columns of a
// table on either engine, a row read into engine-neutral cells, and the
// order-independent table checksum described in copy.h.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_COPY_ROWS_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_COPY_ROWS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/storage/sql/copy.h"
#include "adapters/storage/sql/database.h"
#include "core/common/result.h"

namespace doithoai::sql::copy_rows {

struct Column {
  std::string name;
  bool integer = false;
};

// The columns of `table` in order, with whether each holds integers;
// kFailedPrecondition (Vietnamese) when the table does not exist.
Result<std::vector<Column>> Columns(Connection& c, const std::string& table);

// "a, b, c".
std::string ColumnList(const std::vector<Column>& columns);

// The index of the column `name`, or -1.
int ColumnIndex(const std::vector<Column>& columns, const std::string& name);

// One value of a row: NULL, an integer or text.
struct Cell {
  bool null = true;
  int64_t integer = 0;
  std::string text;
  void SetInt(int64_t v) {
    null = false;
    integer = v;
  }
  void SetText(std::string v) {
    null = false;
    text = std::move(v);
  }
};
using Row = std::vector<Cell>;

// The current row of `stmt`, whose columns are `columns`.
Row ReadRow(const Statement& stmt, const std::vector<Column>& columns);

// Binds `row` to ?1…?n of `stmt`.
void BindRow(Statement& stmt, const Row& row, const std::vector<Column>& columns);

// "INSERT INTO table (columns) VALUES (?1, …, ?n)".
std::string InsertSql(const std::string& table, const std::vector<Column>& columns);

// The order-independent sum of row hashes (see copy.h).
class TableSum {
 public:
  void Add(const Row& row, const std::vector<Column>& columns);
  int64_t rows() const { return rows_; }
  std::string Hex() const;
  bool operator==(const TableSum& other) const {
    return rows_ == other.rows_ && lanes_ == other.lanes_;
  }

 private:
  std::array<uint64_t, 4> lanes_{};
  int64_t rows_ = 0;
};

// The sum of the rows `select_sql` returns (its columns must be `columns`);
// `bind` binds its parameters (may be empty).
Result<TableSum> SumRows(Connection& c, const std::string& select_sql,
                         const std::vector<Column>& columns,
                         const std::function<void(Statement&)>& bind = {});

// On PostgreSQL, moves the identity sequence of `table`.id past the largest
// id (rows were given explicit ids); nothing on SQLite or without an id.
Status AdvanceIdentity(Connection& c, const std::string& table);

// libsodium is ready, `from` and `to` are two databases at the same schema
// version (Vietnamese errors otherwise).
Status CheckCopyable(Database& from, Database& to);

// Creates the target's copy_progress table (bookkeeping of finished copies:
// a table name, or "commune:<slug>" for a commune copy).
Status EnsureProgressTable(Database& to);

// The copy_progress row named `name` in the target, if any (skipped = true).
Result<std::optional<TableCopy>> RecordedCopy(Database& to, const std::string& name);

// Records `done` in copy_progress; inside the copying write transaction.
Status RecordCopy(Connection& t, const TableCopy& done);

}  // namespace doithoai::sql::copy_rows

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_COPY_ROWS_H_
