// SqlAdminUnitStore: idempotent snapshot import and date-aware lookups of
// administrative units. Empty parent_code / valid_to are stored as NULL and
// read back as "". Constant SQL with bound parameters only.
#include "adapters/storage/sql/admin_unit_store.h"

#include <string>
#include <utility>

namespace doithoai::sql {

namespace {

std::string Quoted(std::string_view value) { return "\"" + std::string(value) + "\""; }

// Binds `value`, or NULL when it is empty.
void BindOptional(Statement& stmt, int index, std::string_view value) {
  if (value.empty()) {
    stmt.BindNull(index);
  } else {
    stmt.Bind(index, value);
  }
}

// Reads a row of "SELECT code, name, type, parent_code, valid_from, valid_to,
// legal_source FROM admin_units".
Result<AdminUnit> UnitFromRow(const Statement& row) {
  AdminUnit unit;
  unit.code = row.ColumnText(0);
  unit.name = row.ColumnText(1);
  Result<AdminUnitType> type = ParseAdminUnitType(row.ColumnText(2));
  if (!type.ok()) {
    return MakeError(
        ErrorCode::kInternal,
        "Loại đơn vị hành chính lưu trong cơ sở dữ liệu không hợp lệ: " + row.ColumnText(2));
  }
  unit.type = *type;
  unit.parent_code = row.ColumnText(3);
  unit.valid_from = row.ColumnText(4);
  unit.valid_to = row.ColumnText(5);
  unit.legal_source = row.ColumnText(6);
  return unit;
}

Status RequireDate(std::string_view date) {
  if (IsValidIsoDate(date)) {
    return OkStatus();
  }
  std::string message =
      "Ngày tra cứu phải là ngày có thật, viết YYYY-MM-DD; nhận được " + Quoted(date) + ".";
  return Error{ErrorCode::kInvalidArgument, message, {{"date", message}}};
}

// Describes how `stored` differs from `incoming`, for the conflict message.
std::string Difference(const AdminUnit& stored, const AdminUnit& incoming) {
  if (stored.name != incoming.name) {
    return "tên đã lưu " + Quoted(stored.name) + ", tên mới " + Quoted(incoming.name);
  }
  if (stored.type != incoming.type) {
    return "loại đã lưu " + std::string(AdminUnitTypeCode(stored.type)) + ", loại mới " +
           std::string(AdminUnitTypeCode(incoming.type));
  }
  if (stored.parent_code != incoming.parent_code) {
    return "đơn vị cấp trên đã lưu " + Quoted(stored.parent_code) + ", mới " +
           Quoted(incoming.parent_code);
  }
  if (stored.valid_to != incoming.valid_to) {
    return "ngày hết hiệu lực đã lưu " + Quoted(stored.valid_to) + ", mới " +
           Quoted(incoming.valid_to);
  }
  return "căn cứ pháp lý đã lưu " + Quoted(stored.legal_source) + ", mới " +
         Quoted(incoming.legal_source);
}

// Imports one unit inside the caller's transaction.
Status ImportOne(Connection& c, const AdminUnit& unit, ImportSummary& summary) {
  ASSIGN_OR_RETURN(Statement find, c.Prepare("SELECT code, name, type, parent_code, valid_from, "
                                             "valid_to, legal_source FROM admin_units "
                                             "WHERE code = ? AND valid_from = ?"));
  find.Bind(1, unit.code).Bind(2, unit.valid_from);
  ASSIGN_OR_RETURN(bool found, find.Step());
  if (found) {
    ASSIGN_OR_RETURN(AdminUnit stored, UnitFromRow(find));
    if (stored == unit) {
      ++summary.unchanged;
      return OkStatus();
    }
    return MakeError(ErrorCode::kAlreadyExists,
                     "Mã đơn vị hành chính " + Quoted(unit.code) + " (hiệu lực từ " +
                         unit.valid_from + ") đã có trong cơ sở dữ liệu với nội dung khác (" +
                         Difference(stored, unit) +
                         "); chưa nhập dòng nào. Muốn thay đổi, hãy nhập một dòng mới với ngày "
                         "hiệu lực mới.");
  }
  ASSIGN_OR_RETURN(Statement insert,
                   c.Prepare("INSERT INTO admin_units (code, valid_from, name, type, "
                             "parent_code, valid_to, legal_source) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, unit.code)
      .Bind(2, unit.valid_from)
      .Bind(3, unit.name)
      .Bind(4, AdminUnitTypeCode(unit.type))
      .Bind(7, unit.legal_source);
  BindOptional(insert, 5, unit.parent_code);
  BindOptional(insert, 6, unit.valid_to);
  RETURN_IF_ERROR(insert.Run());
  ++summary.inserted;
  return OkStatus();
}

Status ImportOneSuccession(Connection& c, const Succession& s, ImportSummary& summary) {
  ASSIGN_OR_RETURN(Statement find, c.Prepare("SELECT legal_source FROM admin_unit_successions "
                                             "WHERE old_code = ? AND new_code = ? "
                                             "AND effective_from = ?"));
  find.Bind(1, s.old_code).Bind(2, s.new_code).Bind(3, s.effective_from);
  ASSIGN_OR_RETURN(bool found, find.Step());
  if (found) {
    if (find.ColumnText(0) == s.legal_source) {
      ++summary.unchanged;
      return OkStatus();
    }
    return MakeError(ErrorCode::kAlreadyExists,
                     "Dòng kế thừa " + Quoted(s.old_code) + " → " + Quoted(s.new_code) +
                         " (hiệu lực từ " + s.effective_from +
                         ") đã có trong cơ sở dữ liệu với căn cứ pháp lý khác; chưa nhập dòng "
                         "nào.");
  }
  ASSIGN_OR_RETURN(Statement insert,
                   c.Prepare("INSERT INTO admin_unit_successions (old_code, new_code, "
                             "effective_from, legal_source) VALUES (?, ?, ?, ?)"));
  insert.Bind(1, s.old_code).Bind(2, s.new_code).Bind(3, s.effective_from).Bind(4, s.legal_source);
  RETURN_IF_ERROR(insert.Run());
  ++summary.inserted;
  return OkStatus();
}

}  // namespace

Result<ImportSummary> SqlAdminUnitStore::ImportSnapshot(const std::vector<AdminUnit>& units) {
  // Validate everything before opening the write transaction.
  for (const AdminUnit& unit : units) {
    RETURN_IF_ERROR(ValidateAdminUnit(unit));
  }
  return db_.Write<ImportSummary>([&units](Connection& c) -> Result<ImportSummary> {
    ImportSummary summary;
    for (const AdminUnit& unit : units) {
      RETURN_IF_ERROR(ImportOne(c, unit, summary));
    }
    return summary;
  });
}

Result<ImportSummary> SqlAdminUnitStore::ImportSuccessions(
    const std::vector<Succession>& successions) {
  for (const Succession& s : successions) {
    RETURN_IF_ERROR(ValidateSuccession(s));
  }
  return db_.Write<ImportSummary>([&successions](Connection& c) -> Result<ImportSummary> {
    ImportSummary summary;
    for (const Succession& s : successions) {
      RETURN_IF_ERROR(ImportOneSuccession(c, s, summary));
    }
    return summary;
  });
}

Result<std::optional<AdminUnit>> SqlAdminUnitStore::FindValidOn(std::string_view code,
                                                                std::string_view date) {
  RETURN_IF_ERROR(RequireDate(date));
  return db_.Read<std::optional<AdminUnit>>(
      [code, date](Connection& c) -> Result<std::optional<AdminUnit>> {
        // The latest version begun by `date` supersedes older ones (a reused
        // code, ADC-03), even those never closed with valid_to.
        ASSIGN_OR_RETURN(Statement stmt,
                         c.Prepare("SELECT code, name, type, parent_code, valid_from, valid_to, "
                                   "legal_source FROM admin_units WHERE code = ?1 AND "
                                   "valid_from <= ?2 ORDER BY valid_from DESC LIMIT 1"));
        stmt.Bind(1, code).Bind(2, date);
        ASSIGN_OR_RETURN(bool row, stmt.Step());
        if (!row) {
          return std::optional<AdminUnit>();
        }
        ASSIGN_OR_RETURN(AdminUnit unit, UnitFromRow(stmt));
        if (!unit.valid_to.empty() && unit.valid_to <= date) {
          return std::optional<AdminUnit>();  // abolished by then
        }
        return std::optional<AdminUnit>(std::move(unit));
      });
}

Result<std::vector<AdminUnit>> SqlAdminUnitStore::ListChildren(std::string_view parent_code,
                                                               std::string_view date) {
  RETURN_IF_ERROR(RequireDate(date));
  return db_.Read<std::vector<AdminUnit>>(
      [parent_code, date](Connection& c) -> Result<std::vector<AdminUnit>> {
        // Same rule as FindValidOn, per code: a child whose latest version
        // moved to another parent is no longer listed here.
        ASSIGN_OR_RETURN(
            Statement stmt,
            c.Prepare("SELECT code, name, type, parent_code, valid_from, valid_to, legal_source "
                      "FROM admin_units AS a WHERE parent_code = ?1 AND valid_from <= ?2 "
                      "AND (valid_to IS NULL OR valid_to > ?2) "
                      "AND valid_from = (SELECT MAX(b.valid_from) FROM admin_units AS b "
                      "WHERE b.code = a.code AND b.valid_from <= ?2) "
                      "ORDER BY code"));
        stmt.Bind(1, parent_code).Bind(2, date);
        std::vector<AdminUnit> out;
        while (true) {
          ASSIGN_OR_RETURN(bool row, stmt.Step());
          if (!row) {
            return out;
          }
          ASSIGN_OR_RETURN(AdminUnit unit, UnitFromRow(stmt));
          out.push_back(std::move(unit));
        }
      });
}

Result<std::vector<Succession>> SqlAdminUnitStore::ListSuccessors(std::string_view old_code) {
  return db_.Read<std::vector<Succession>>(
      [old_code](Connection& c) -> Result<std::vector<Succession>> {
        ASSIGN_OR_RETURN(Statement stmt,
                         c.Prepare("SELECT old_code, new_code, effective_from, legal_source "
                                   "FROM admin_unit_successions WHERE old_code = ? "
                                   "ORDER BY effective_from, new_code"));
        stmt.Bind(1, old_code);
        std::vector<Succession> out;
        while (true) {
          ASSIGN_OR_RETURN(bool row, stmt.Step());
          if (!row) {
            return out;
          }
          out.push_back(Succession{stmt.ColumnText(0), stmt.ColumnText(1), stmt.ColumnText(2),
                                   stmt.ColumnText(3)});
        }
      });
}

}  // namespace doithoai::sql
