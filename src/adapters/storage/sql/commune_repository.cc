// SqlCommuneRepository: communes, villages, units and officials in SQLite
// (schema in migrations/0001_init.sql). Friendly Vietnamese errors come from
// checks inside the write transaction; the schema's constraints (UNIQUE,
// foreign keys) remain the safety net.
#include "adapters/storage/sql/commune_repository.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <variant>

#include "adapters/storage/sql/audit_log.h"

namespace doithoai::sql {

namespace {

// Reads a row of "SELECT id, slug, code, name, type, province_name, address,
// remote_area FROM communes".
Result<Commune> CommuneFromRow(const Statement& row) {
  Commune commune;
  commune.id = CommuneId{row.ColumnInt(0)};
  commune.slug = row.ColumnText(1);
  commune.code = row.ColumnText(2);
  commune.name = row.ColumnText(3);
  Result<CommuneType> type = ParseCommuneType(row.ColumnText(4));
  if (!type.ok()) {
    return MakeError(
        ErrorCode::kInternal,
        "Loại đơn vị hành chính lưu trong cơ sở dữ liệu không hợp lệ: " + row.ColumnText(4));
  }
  commune.type = *type;
  commune.province_name = row.ColumnText(5);
  commune.address = row.ColumnText(6);
  commune.remote_area = row.ColumnInt(7) != 0;
  return commune;
}

// Runs a query expected to return at most one commune.
Result<Commune> FindOne(Statement& stmt, const std::string& not_found) {
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return MakeError(ErrorCode::kNotFound, not_found);
  }
  return CommuneFromRow(stmt);
}

std::string CommuneIdNotFound(CommuneId id) {
  return "Không tìm thấy xã có mã số " + std::to_string(id.value);
}

// kNotFound unless commune `id` exists; used before inserting its children so
// the caller gets a clear message rather than a foreign-key failure.
Status RequireCommune(Connection& c, CommuneId id) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT 1 FROM communes WHERE id = ?"));
  stmt.Bind(1, id.value);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) {
    return MakeError(ErrorCode::kNotFound, CommuneIdNotFound(id));
  }
  return OkStatus();
}

// Replaces the generic message of a kAlreadyExists error.
Error WithDuplicateMessage(Error error, std::string message) {
  if (error.code == ErrorCode::kAlreadyExists) {
    error.message = std::move(message);
  }
  return error;
}

// Writes the audit row of a created object, in the caller's transaction.
Status AuditCreate(Connection& c, const AuditContext& ctx, CommuneId commune, const char* type,
                   int64_t id, const nlohmann::json& after) {
  AuditContext scoped = ctx;
  scoped.commune = commune;
  return AppendAudit(c, MakeAuditEntry(scoped, std::string(type) + ".create", type,
                                       std::to_string(id), "", after.dump()));
}

// An edit of two columns of one tenant row. The SQL is built only from these
// compile-time names, never from input; values are bound.
struct EditableColumns {
  const char* table;
  const char* type;  // audit object type
  const char* first;
  const char* second;
};
using ColumnValue = std::variant<std::string, int64_t>;

nlohmann::json ToJson(const ColumnValue& v) {
  return std::holds_alternative<int64_t>(v) ? nlohmann::json(std::get<int64_t>(v))
                                            : nlohmann::json(std::get<std::string>(v));
}

void BindValue(Statement& st, int index, const ColumnValue& v) {
  if (std::holds_alternative<int64_t>(v)) {
    st.Bind(index, std::get<int64_t>(v));
  } else {
    st.Bind(index, std::get<std::string>(v));
  }
}

// Updates the two columns of row `id` of `commune`, writing an audit row with
// the values before and after, in the caller's transaction.
Status UpdateAudited(Connection& c, const AuditContext& ctx, CommuneId commune, int64_t id,
                     const EditableColumns& t, const ColumnValue& first, const ColumnValue& second,
                     const std::string& duplicate_message) {
  const std::string where = " WHERE id = ?1 AND commune_id = ?2";
  ASSIGN_OR_RETURN(Statement before, c.Prepare(std::string("SELECT ") + t.first + ", " + t.second +
                                               " FROM " + t.table + where));
  before.Bind(1, id).Bind(2, commune.value);
  ASSIGN_OR_RETURN(bool found, before.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "Không tìm thấy dữ liệu cần sửa.");
  nlohmann::json old_values = {{t.first, before.ColumnText(0)}, {t.second, before.ColumnText(1)}};
  ASSIGN_OR_RETURN(Statement update, c.Prepare(std::string("UPDATE ") + t.table + " SET " +
                                               t.first + " = ?3, " + t.second + " = ?4" + where));
  update.Bind(1, id).Bind(2, commune.value);
  BindValue(update, 3, first);
  BindValue(update, 4, second);
  Status updated = update.Run();
  if (!updated.ok()) return WithDuplicateMessage(std::move(updated).error(), duplicate_message);
  AuditContext scoped = ctx;
  scoped.commune = commune;
  nlohmann::json new_values = {{t.first, ToJson(first)}, {t.second, ToJson(second)}};
  return AppendAudit(c, MakeAuditEntry(scoped, std::string(t.type) + ".update", t.type,
                                       std::to_string(id), old_values.dump(), new_values.dump()));
}

// kInvalidArgument unless a record of an import belongs to the commune
// imported into (a caller bug; never write into another tenant).
Status RequireSameCommune(CommuneId commune, CommuneId record_commune, const std::string& name) {
  if (record_commune != commune) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Bản ghi \"" + name + "\" không thuộc xã đang nhập danh sách");
  }
  return OkStatus();
}

// Inserts `village` and its audit row, in the caller's transaction (shared by
// AddVillage and ImportRoster). The commune must exist.
Result<VillageId> InsertVillage(Connection& c, const Village& village, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(
      Statement insert,
      c.Prepare("INSERT INTO villages (commune_id, name, position) VALUES (?, ?, ?) RETURNING id"));
  insert.Bind(1, village.commune_id.value).Bind(2, village.name).Bind(3, village.position);
  Result<int64_t> inserted = insert.RunReturningInt();
  if (!inserted.ok()) {
    return WithDuplicateMessage(std::move(inserted).error(),
                                "Xã đã có thôn, tổ dân phố \"" + village.name + "\"");
  }
  VillageId id{*inserted};
  RETURN_IF_ERROR(AuditCreate(c, ctx, village.commune_id, "village", id.value,
                              {{"name", village.name}, {"position", village.position}}));
  return id;
}

// Inserts `official` and its audit row, in the caller's transaction (shared
// by AddOfficial and ImportRoster). The commune must exist; a unit, if any,
// must belong to it.
Result<OfficialId> InsertOfficial(Connection& c, const Official& official,
                                  const AuditContext& ctx) {
  if (official.unit_id.has_value()) {
    ASSIGN_OR_RETURN(Statement unit,
                     c.Prepare("SELECT 1 FROM units WHERE id = ? AND commune_id = ?"));
    unit.Bind(1, official.unit_id->value).Bind(2, official.commune_id.value);
    ASSIGN_OR_RETURN(bool found, unit.Step());
    if (!found) {
      std::string message = "Không tìm thấy bộ phận có mã số " +
                            std::to_string(official.unit_id->value) + " trong xã này";
      return Error{ErrorCode::kInvalidArgument, message, {{"unit_id", message}}};
    }
  }
  ASSIGN_OR_RETURN(Statement insert,
                   c.Prepare("INSERT INTO officials (commune_id, full_name, position, unit_id, "
                             "sort_given_name) VALUES (?, ?, ?, ?, ?) RETURNING id"));
  insert.Bind(1, official.commune_id.value)
      .Bind(2, official.full_name)
      .Bind(3, official.position)
      .Bind(5, official.sort_given_name);
  if (official.unit_id.has_value()) {
    insert.Bind(4, official.unit_id->value);
  } else {
    insert.BindNull(4);
  }
  ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
  OfficialId id{new_id};
  RETURN_IF_ERROR(
      AuditCreate(c, ctx, official.commune_id, "official", id.value,
                  {{"full_name", official.full_name}, {"position", official.position}}));
  return id;
}

}  // namespace

Result<CommuneId> SqlCommuneRepository::CreateCommune(const Commune& commune,
                                                      const AuditContext& ctx) {
  return db_.Write<CommuneId>([&commune, &ctx](Connection& c) -> Result<CommuneId> {
    ASSIGN_OR_RETURN(Statement taken,
                     c.Prepare("SELECT EXISTS (SELECT 1 FROM communes WHERE slug = ?1), "
                               "EXISTS (SELECT 1 FROM communes WHERE code = ?2)"));
    taken.Bind(1, commune.slug).Bind(2, commune.code);
    ASSIGN_OR_RETURN(bool row, taken.Step());
    if (row && taken.ColumnInt(0) != 0) {
      return MakeError(ErrorCode::kAlreadyExists,
                       "Đã có xã với mã đường dẫn \"" + commune.slug + "\"");
    }
    if (row && taken.ColumnInt(1) != 0) {
      return MakeError(ErrorCode::kAlreadyExists,
                       "Đã có xã với mã đơn vị hành chính " + commune.code);
    }
    ASSIGN_OR_RETURN(Statement insert,
                     c.Prepare("INSERT INTO communes (slug, code, name, type, province_name, "
                               "address, remote_area) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.Bind(1, commune.slug)
        .Bind(2, commune.code)
        .Bind(3, commune.name)
        .Bind(4, CommuneTypeCode(commune.type))
        .Bind(5, commune.province_name)
        .Bind(6, commune.address)
        .Bind(7, commune.remote_area ? 1 : 0);
    Result<int64_t> inserted = insert.RunReturningInt();
    if (!inserted.ok()) {
      return WithDuplicateMessage(std::move(inserted).error(),
                                  "Đã có xã với mã đường dẫn hoặc mã đơn vị hành chính này");
    }
    CommuneId id{*inserted};
    RETURN_IF_ERROR(AuditCreate(c, ctx, id, "commune", id.value,
                                {{"slug", commune.slug},
                                 {"code", commune.code},
                                 {"name", commune.name},
                                 {"type", CommuneTypeCode(commune.type)}}));
    return id;
  });
}

Result<Commune> SqlCommuneRepository::FindCommuneBySlug(std::string_view slug) {
  return db_.Read<Commune>([slug](Connection& c) -> Result<Commune> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare("SELECT id, slug, code, name, type, province_name, "
                               "address, remote_area FROM communes WHERE slug = ?"));
    stmt.Bind(1, slug);
    return FindOne(stmt, "Không tìm thấy xã \"" + std::string(slug) + "\"");
  });
}

Result<Commune> SqlCommuneRepository::FindCommune(CommuneId id) {
  return db_.Read<Commune>([id](Connection& c) -> Result<Commune> {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT id, slug, code, name, type, province_name, "
                                               "address, remote_area FROM communes WHERE id = ?"));
    stmt.Bind(1, id.value);
    return FindOne(stmt, CommuneIdNotFound(id));
  });
}

Result<std::vector<Commune>> SqlCommuneRepository::ListCommunes() {
  return db_.Read<std::vector<Commune>>([](Connection& c) -> Result<std::vector<Commune>> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare("SELECT id, slug, code, name, type, province_name, address, "
                               "remote_area FROM communes ORDER BY name, id"));
    std::vector<Commune> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) {
        return out;
      }
      ASSIGN_OR_RETURN(Commune commune, CommuneFromRow(stmt));
      out.push_back(std::move(commune));
    }
  });
}

Result<VillageId> SqlCommuneRepository::AddVillage(const Village& village,
                                                   const AuditContext& ctx) {
  return db_.Write<VillageId>([&village, &ctx](Connection& c) -> Result<VillageId> {
    RETURN_IF_ERROR(RequireCommune(c, village.commune_id));
    return InsertVillage(c, village, ctx);
  });
}

Result<std::vector<Village>> SqlCommuneRepository::ListVillages(CommuneId commune) {
  return db_.Read<std::vector<Village>>([commune](Connection& c) -> Result<std::vector<Village>> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare("SELECT id, commune_id, name, position FROM villages "
                               "WHERE commune_id = ? ORDER BY position, id"));
    stmt.Bind(1, commune.value);
    std::vector<Village> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) {
        return out;
      }
      out.push_back(Village{VillageId{stmt.ColumnInt(0)}, CommuneId{stmt.ColumnInt(1)},
                            stmt.ColumnText(2), static_cast<int>(stmt.ColumnInt(3))});
    }
  });
}

Result<UnitId> SqlCommuneRepository::AddUnit(const Unit& unit, const AuditContext& ctx) {
  return db_.Write<UnitId>([&unit, &ctx](Connection& c) -> Result<UnitId> {
    RETURN_IF_ERROR(RequireCommune(c, unit.commune_id));
    ASSIGN_OR_RETURN(
        Statement insert,
        c.Prepare(
            "INSERT INTO units (commune_id, name, short_name) VALUES (?, ?, ?) RETURNING id"));
    insert.Bind(1, unit.commune_id.value).Bind(2, unit.name).Bind(3, unit.short_name);
    Result<int64_t> inserted = insert.RunReturningInt();
    if (!inserted.ok()) {
      return WithDuplicateMessage(std::move(inserted).error(),
                                  "Xã đã có bộ phận \"" + unit.name + "\"");
    }
    UnitId id{*inserted};
    RETURN_IF_ERROR(AuditCreate(c, ctx, unit.commune_id, "unit", id.value,
                                {{"name", unit.name}, {"short_name", unit.short_name}}));
    return id;
  });
}

Result<std::vector<Unit>> SqlCommuneRepository::ListUnits(CommuneId commune) {
  return db_.Read<std::vector<Unit>>([commune](Connection& c) -> Result<std::vector<Unit>> {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT id, commune_id, name, short_name FROM units "
                                               "WHERE commune_id = ? ORDER BY id"));
    stmt.Bind(1, commune.value);
    std::vector<Unit> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) {
        return out;
      }
      out.push_back(Unit{UnitId{stmt.ColumnInt(0)}, CommuneId{stmt.ColumnInt(1)},
                         stmt.ColumnText(2), stmt.ColumnText(3)});
    }
  });
}

Result<OfficialId> SqlCommuneRepository::AddOfficial(const Official& official,
                                                     const AuditContext& ctx) {
  return db_.Write<OfficialId>([&official, &ctx](Connection& c) -> Result<OfficialId> {
    RETURN_IF_ERROR(RequireCommune(c, official.commune_id));
    return InsertOfficial(c, official, ctx);
  });
}

Result<std::vector<Official>> SqlCommuneRepository::ListOfficials(CommuneId commune) {
  return db_.Read<std::vector<Official>>([commune](Connection& c) -> Result<std::vector<Official>> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare("SELECT id, commune_id, full_name, position, unit_id, "
                               "sort_given_name FROM officials WHERE commune_id = ? "
                               "ORDER BY id"));
    stmt.Bind(1, commune.value);
    std::vector<Official> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) {
        return out;
      }
      Official official;
      official.id = OfficialId{stmt.ColumnInt(0)};
      official.commune_id = CommuneId{stmt.ColumnInt(1)};
      official.full_name = stmt.ColumnText(2);
      official.position = stmt.ColumnText(3);
      if (!stmt.ColumnIsNull(4)) {
        official.unit_id = UnitId{stmt.ColumnInt(4)};
      }
      official.sort_given_name = stmt.ColumnText(5);
      out.push_back(std::move(official));
    }
  });
}

Status SqlCommuneRepository::ImportRoster(CommuneId commune, const std::vector<Village>& villages,
                                          const std::vector<Official>& officials,
                                          const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(RequireCommune(c, commune));
    for (const Village& village : villages) {
      RETURN_IF_ERROR(RequireSameCommune(commune, village.commune_id, village.name));
      RETURN_IF_ERROR(InsertVillage(c, village, ctx));
    }
    for (const Official& official : officials) {
      RETURN_IF_ERROR(RequireSameCommune(commune, official.commune_id, official.full_name));
      RETURN_IF_ERROR(InsertOfficial(c, official, ctx));
    }
    AuditContext scoped = ctx;
    scoped.commune = commune;
    nlohmann::json counts = {{"villages", villages.size()}, {"officials", officials.size()}};
    return AppendAudit(c, MakeAuditEntry(scoped, "roster.import", "commune",
                                         std::to_string(commune.value), "", counts.dump()));
  });
}

Status SqlCommuneRepository::UpdateVillage(CommuneId commune, const Village& village,
                                           const AuditContext& ctx) {
  return db_.Write([&](Connection& c) {
    return UpdateAudited(c, ctx, commune, village.id.value,
                         {"villages", "village", "name", "position"}, village.name,
                         int64_t{village.position},
                         "Xã đã có thôn, tổ dân phố \"" + village.name + "\"");
  });
}

Status SqlCommuneRepository::UpdateUnit(CommuneId commune, const Unit& unit,
                                        const AuditContext& ctx) {
  return db_.Write([&](Connection& c) {
    return UpdateAudited(c, ctx, commune, unit.id.value, {"units", "unit", "name", "short_name"},
                         unit.name, unit.short_name, "Xã đã có bộ phận \"" + unit.name + "\"");
  });
}

Status SqlCommuneRepository::UpdateOfficial(CommuneId commune, const Official& official,
                                            const AuditContext& ctx) {
  return db_.Write([&](Connection& c) {
    return UpdateAudited(c, ctx, commune, official.id.value,
                         {"officials", "official", "full_name", "position"}, official.full_name,
                         official.position, "");
  });
}

}  // namespace doithoai::sql
