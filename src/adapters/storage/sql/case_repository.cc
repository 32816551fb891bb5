// SqlCaseRepository: cases (vụ việc) and their member petitions in
// SQLite (tables petition_cases and petition_case_members, migration 0008).
// The member checks run inside the write transaction, so two staff members
// grouping the same petition at once cannot both succeed; the schema's
// primary key (commune_id, petition_id) and composite references back them.
#include "adapters/storage/sql/case_repository.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "adapters/storage/sql/audit_log.h"
#include "core/calendar/date.h"
#include "core/text/vietnamese.h"

namespace doithoai::sql {

namespace {

constexpr const char* kCaseNotFound = "Không tìm thấy vụ việc.";

int64_t Millis(Timestamp t) { return t.time_since_epoch().count(); }
Timestamp FromMillis(int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

AuditContext ScopedTo(const AuditContext& ctx, CommuneId commune) {
  AuditContext scoped = ctx;
  scoped.commune = commune;
  return scoped;
}

Status AuditCase(Connection& c, const AuditContext& ctx, CommuneId commune, const char* action,
                 CaseId id, std::string before, std::string after) {
  return AppendAudit(
      c, MakeAuditEntry(ScopedTo(ctx, commune), action, "case", std::to_string(id.value),
                        std::move(before), std::move(after)));
}

// The case `id` of `commune` with its members in order, or kNotFound.
Result<PetitionCase> LoadCase(Connection& c, CommuneId commune, CaseId id) {
  ASSIGN_OR_RETURN(Statement row,
                   c.Prepare("SELECT title, field, created_at, created_by, version "
                             "FROM petition_cases WHERE commune_id = ?1 AND id = ?2"));
  row.Bind(1, commune.value).Bind(2, id.value);
  ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, kCaseNotFound);
  PetitionCase out;
  out.id = id;
  out.commune_id = commune;
  out.title = row.ColumnText(0);
  out.field = row.ColumnText(1);
  out.created_at = FromMillis(row.ColumnInt(2));
  out.created_by = row.ColumnText(3);
  out.version = row.ColumnInt(4);

  ASSIGN_OR_RETURN(Statement members,
                   c.Prepare("SELECT petition_id FROM petition_case_members "
                             "WHERE commune_id = ?1 AND case_id = ?2 ORDER BY position"));
  members.Bind(1, commune.value).Bind(2, id.value);
  while (true) {
    ASSIGN_OR_RETURN(bool more, members.Step());
    if (!more) break;
    out.members.push_back(PetitionId{members.ColumnInt(0)});
  }
  return out;
}

// `members` without repeats, in first-seen order.
std::vector<PetitionId> Distinct(const std::vector<PetitionId>& members) {
  std::vector<PetitionId> out;
  std::set<PetitionId> seen;
  for (PetitionId id : members) {
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

// The tracking codes of `members`, each checked to be a petition of
// `commune` in no case yet; kInvalidArgument (on "codes") or
// kFailedPrecondition naming the first offender otherwise.
Result<std::vector<std::string>> CheckNewMembers(Connection& c, CommuneId commune,
                                                 const std::vector<PetitionId>& members) {
  if (members.empty()) return MakeFieldError("codes", "Chọn ít nhất một đơn.");
  std::vector<std::string> codes;
  for (PetitionId member : members) {
    // Only the commune's own petitions are looked at: the code of another
    // commune's petition is never read (the message names the id).
    ASSIGN_OR_RETURN(Statement petition,
                     c.Prepare("SELECT code FROM petitions WHERE commune_id = ?1 AND id = ?2"));
    petition.Bind(1, commune.value).Bind(2, member.value);
    ASSIGN_OR_RETURN(bool found, petition.Step());
    if (!found) {
      return MakeFieldError("codes",
                            "Đơn số " + std::to_string(member.value) + " không thuộc xã này.");
    }
    std::string code = petition.ColumnText(0);

    ASSIGN_OR_RETURN(Statement grouped,
                     c.Prepare("SELECT pc.title FROM petition_case_members m "
                               "JOIN petition_cases pc "
                               "ON pc.commune_id = m.commune_id AND pc.id = m.case_id "
                               "WHERE m.commune_id = ?1 AND m.petition_id = ?2"));
    grouped.Bind(1, commune.value).Bind(2, member.value);
    ASSIGN_OR_RETURN(bool in_case, grouped.Step());
    if (in_case) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Đơn " + code + " đã thuộc vụ việc “" + grouped.ColumnText(0) + "”.");
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

// Appends `members` to case `id` after its last position.
Status InsertMembers(Connection& c, CommuneId commune, CaseId id,
                     const std::vector<PetitionId>& members) {
  ASSIGN_OR_RETURN(Statement last,
                   c.Prepare("SELECT COALESCE(MAX(position), 0) FROM petition_case_members "
                             "WHERE commune_id = ?1 AND case_id = ?2"));
  last.Bind(1, commune.value).Bind(2, id.value);
  ASSIGN_OR_RETURN(bool row, last.Step());
  if (!row) return MakeError(ErrorCode::kInternal, "Không lấy được thứ tự đơn của vụ việc.");
  int64_t position = last.ColumnInt(0);
  for (PetitionId member : members) {
    ASSIGN_OR_RETURN(Statement insert, c.Prepare("INSERT INTO petition_case_members "
                                                 "(commune_id, case_id, petition_id, position) "
                                                 "VALUES (?1, ?2, ?3, ?4)"));
    insert.Bind(1, commune.value).Bind(2, id.value).Bind(3, member.value).Bind(4, ++position);
    RETURN_IF_ERROR(insert.Run());
  }
  return OkStatus();
}

// Adds one to the version of case `id`; kNotFound if it is gone.
Status BumpVersion(Connection& c, CommuneId commune, CaseId id) {
  ASSIGN_OR_RETURN(Statement update, c.Prepare("UPDATE petition_cases SET version = version + 1 "
                                               "WHERE commune_id = ?1 AND id = ?2"));
  update.Bind(1, commune.value).Bind(2, id.value);
  RETURN_IF_ERROR(update.Run());
  if (c.Changes() != 1) return MakeError(ErrorCode::kNotFound, kCaseNotFound);
  return OkStatus();
}

}  // namespace

Result<PetitionCase> SqlCaseRepository::Create(CommuneId commune, const PetitionCase& c,
                                               const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::string title, CleanCaseTitle(c.title));
  const std::vector<PetitionId> members = Distinct(c.members);
  const std::string created_by = c.created_by.empty() ? ctx.actor_name : c.created_by;
  return db_.Write<PetitionCase>([&](Connection& conn) -> Result<PetitionCase> {
    ASSIGN_OR_RETURN(std::vector<std::string> codes, CheckNewMembers(conn, commune, members));
    ASSIGN_OR_RETURN(Statement insert,
                     conn.Prepare("INSERT INTO petition_cases "
                                  "(commune_id, title, field, created_at, created_by, version) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, 1) RETURNING id"));
    insert.Bind(1, commune.value)
        .Bind(2, title)
        .Bind(3, c.field)
        .Bind(4, Millis(ctx.at))
        .Bind(5, created_by);
    ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
    const CaseId id{new_id};
    RETURN_IF_ERROR(InsertMembers(conn, commune, id, members));
    nlohmann::json after = {{"title", title}, {"field", c.field}, {"codes", codes}};
    RETURN_IF_ERROR(AuditCase(conn, ctx, commune, "case.create", id, "", after.dump()));
    return LoadCase(conn, commune, id);
  });
}

Result<PetitionCase> SqlCaseRepository::Find(CommuneId commune, CaseId id) {
  return db_.Read<PetitionCase>([commune, id](Connection& c) { return LoadCase(c, commune, id); });
}

Result<std::optional<CaseId>> SqlCaseRepository::CaseOf(CommuneId commune, PetitionId petition) {
  return db_.Read<std::optional<CaseId>>(
      [commune, petition](Connection& c) -> Result<std::optional<CaseId>> {
        ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT case_id FROM petition_case_members "
                                                   "WHERE commune_id = ?1 AND petition_id = ?2"));
        stmt.Bind(1, commune.value).Bind(2, petition.value);
        ASSIGN_OR_RETURN(bool found, stmt.Step());
        if (!found) return std::optional<CaseId>();
        return std::optional<CaseId>(CaseId{stmt.ColumnInt(0)});
      });
}

Result<PetitionCase> SqlCaseRepository::AddMembers(CommuneId commune, CaseId id,
                                                   const std::vector<PetitionId>& members,
                                                   const AuditContext& ctx) {
  const std::vector<PetitionId> added = Distinct(members);
  return db_.Write<PetitionCase>([&](Connection& c) -> Result<PetitionCase> {
    ASSIGN_OR_RETURN(PetitionCase before, LoadCase(c, commune, id));
    ASSIGN_OR_RETURN(std::vector<std::string> codes, CheckNewMembers(c, commune, added));
    RETURN_IF_ERROR(InsertMembers(c, commune, id, added));
    RETURN_IF_ERROR(BumpVersion(c, commune, id));
    nlohmann::json old = {{"version", before.version}, {"petitions", before.members.size()}};
    nlohmann::json after = {{"codes", codes}, {"version", before.version + 1}};
    RETURN_IF_ERROR(AuditCase(c, ctx, commune, "case.add", id, old.dump(), after.dump()));
    return LoadCase(c, commune, id);
  });
}

Status SqlCaseRepository::RemoveMember(CommuneId commune, CaseId id, PetitionId member,
                                       const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(PetitionCase before, LoadCase(c, commune, id));
    if (std::find(before.members.begin(), before.members.end(), member) == before.members.end()) {
      return MakeError(ErrorCode::kNotFound, "Đơn này không thuộc vụ việc.");
    }
    ASSIGN_OR_RETURN(Statement code,
                     c.Prepare("SELECT code FROM petitions WHERE commune_id = ?1 AND id = ?2"));
    code.Bind(1, commune.value).Bind(2, member.value);
    ASSIGN_OR_RETURN(bool has_code, code.Step());
    const std::string member_code = has_code ? code.ColumnText(0) : "";

    ASSIGN_OR_RETURN(Statement remove,
                     c.Prepare("DELETE FROM petition_case_members "
                               "WHERE commune_id = ?1 AND case_id = ?2 AND petition_id = ?3"));
    remove.Bind(1, commune.value).Bind(2, id.value).Bind(3, member.value);
    RETURN_IF_ERROR(remove.Run());
    const bool last = before.members.size() == 1;
    if (last) {
      // A case is never left empty (petition_case.h).
      ASSIGN_OR_RETURN(Statement drop, c.Prepare("DELETE FROM petition_cases "
                                                 "WHERE commune_id = ?1 AND id = ?2"));
      drop.Bind(1, commune.value).Bind(2, id.value);
      RETURN_IF_ERROR(drop.Run());
    } else {
      RETURN_IF_ERROR(BumpVersion(c, commune, id));
    }
    nlohmann::json old = {{"version", before.version}, {"title", before.title}};
    nlohmann::json after = {{"code", member_code}, {"case_deleted", last}};
    return AuditCase(c, ctx, commune, "case.remove", id, old.dump(), after.dump());
  });
}

Result<PetitionCase> SqlCaseRepository::Rename(CommuneId commune, CaseId id,
                                               const std::string& title, const std::string& field,
                                               const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::string clean, CleanCaseTitle(title));
  return db_.Write<PetitionCase>([&](Connection& c) -> Result<PetitionCase> {
    ASSIGN_OR_RETURN(PetitionCase before, LoadCase(c, commune, id));
    ASSIGN_OR_RETURN(Statement update,
                     c.Prepare("UPDATE petition_cases SET title = ?1, field = ?2, "
                               "version = version + 1 WHERE commune_id = ?3 AND id = ?4"));
    update.Bind(1, clean).Bind(2, field).Bind(3, commune.value).Bind(4, id.value);
    RETURN_IF_ERROR(update.Run());
    nlohmann::json old = {{"title", before.title}, {"field", before.field}};
    nlohmann::json after = {{"title", clean}, {"field", field}};
    RETURN_IF_ERROR(AuditCase(c, ctx, commune, "case.rename", id, old.dump(), after.dump()));
    return LoadCase(c, commune, id);
  });
}

Result<std::vector<ProminentIssue>> SqlCaseRepository::Prominent(CommuneId commune, int limit) {
  if (limit < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "Số vụ việc cần liệt kê phải ít nhất là 1.");
  }
  return db_.Read<std::vector<ProminentIssue>>(
      [commune, limit](Connection& c) -> Result<std::vector<ProminentIssue>> {
        // A petition without a phone digest (none given, or a sealed
        // identity) is its own petitioner: 'p:<id>' never equals a digest
        // key 'd:<digest>'. Sealed petitions have no village (CONF-02), and
        // COUNT(DISTINCT) skips NULL.
        const std::string digest = JsonTextExpr(c.engine(), "p.data", "phone_digest");
        ASSIGN_OR_RETURN(
            Statement stmt,
            c.Prepare("SELECT pc.id, pc.title, pc.field, COUNT(*), "
                      "COUNT(DISTINCT CASE "
                      "WHEN COALESCE(" +
                      digest +
                      ", '') <> '' "
                      "THEN 'd:' || " +
                      digest +
                      " "
                      "ELSE 'p:' || p.id END) AS petitioners, "
                      "COUNT(DISTINCT p.village_id) AS villages, "
                      "SUM(p.open), MIN(p.received_at), MAX(p.received_at) "
                      "FROM petition_cases pc "
                      "JOIN petition_case_members m "
                      "ON m.commune_id = pc.commune_id AND m.case_id = pc.id "
                      "JOIN petitions p ON p.commune_id = m.commune_id AND p.id = m.petition_id "
                      "WHERE pc.commune_id = ?1 "
                      "GROUP BY pc.commune_id, pc.id "
                      "ORDER BY petitioners DESC, villages DESC, pc.created_at DESC, pc.id DESC "
                      "LIMIT ?2"));
        stmt.Bind(1, commune.value).Bind(2, limit);
        std::vector<ProminentIssue> out;
        while (true) {
          ASSIGN_OR_RETURN(bool more, stmt.Step());
          if (!more) break;
          ProminentIssue issue;
          issue.case_id = CaseId{stmt.ColumnInt(0)};
          issue.title = stmt.ColumnText(1);
          issue.field = stmt.ColumnText(2);
          issue.petitions = static_cast<int>(stmt.ColumnInt(3));
          issue.petitioners = static_cast<int>(stmt.ColumnInt(4));
          issue.villages = static_cast<int>(stmt.ColumnInt(5));
          issue.open = static_cast<int>(stmt.ColumnInt(6));
          issue.first_received = VietnamDate(FromMillis(stmt.ColumnInt(7)));
          issue.last_received = VietnamDate(FromMillis(stmt.ColumnInt(8)));
          out.push_back(std::move(issue));
        }

        for (ProminentIssue& issue : out) {
          ASSIGN_OR_RETURN(Statement codes,
                           c.Prepare("SELECT p.code FROM petition_case_members m "
                                     "JOIN petitions p "
                                     "ON p.commune_id = m.commune_id AND p.id = m.petition_id "
                                     "WHERE m.commune_id = ?1 AND m.case_id = ?2 "
                                     "ORDER BY m.position"));
          codes.Bind(1, commune.value).Bind(2, issue.case_id.value);
          while (true) {
            ASSIGN_OR_RETURN(bool more, codes.Step());
            if (!more) break;
            issue.codes.push_back(codes.ColumnText(0));
          }

          ASSIGN_OR_RETURN(Statement villages,
                           c.Prepare("SELECT DISTINCT v.name FROM petition_case_members m "
                                     "JOIN petitions p "
                                     "ON p.commune_id = m.commune_id AND p.id = m.petition_id "
                                     "JOIN villages v "
                                     "ON v.commune_id = p.commune_id AND v.id = p.village_id "
                                     "WHERE m.commune_id = ?1 AND m.case_id = ?2"));
          villages.Bind(1, commune.value).Bind(2, issue.case_id.value);
          std::vector<std::pair<std::string, std::string>> names;  // (Fold, name)
          while (true) {
            ASSIGN_OR_RETURN(bool more, villages.Step());
            if (!more) break;
            std::string name = villages.ColumnText(0);
            names.emplace_back(text::Fold(name), std::move(name));
          }
          std::sort(names.begin(), names.end());
          for (auto& [key, name] : names) issue.village_names.push_back(std::move(name));
        }
        return out;
      });
}

}  // namespace doithoai::sql
