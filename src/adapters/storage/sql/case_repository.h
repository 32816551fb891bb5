// SqlCaseRepository: the CaseRepository port on Database (schema
// in migrations/0008_cases_notifications.sql). Constant SQL with bound
// parameters only; every query filters on commune_id, so a case or petition
// of another commune reads as missing; every write runs in one BEGIN
// IMMEDIATE transaction together with its audit row ("case.create",
// "case.add", "case.remove", "case.rename"; object type "case", the case id).
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_CASE_REPOSITORY_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_CASE_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/petitions/petition_case.h"

namespace doithoai::sql {

class SqlCaseRepository : public CaseRepository {
 public:
  // `db` must be migrated and must outlive the repository.
  explicit SqlCaseRepository(Database& db) : db_(db) {}

  // Besides the port's contract: the title is cleaned with CleanCaseTitle
  // (kInvalidArgument on "title"); at least one member is required
  // (kInvalidArgument on "codes"; two or more is the service's rule); a
  // member listed twice is stored once. id, version (1) and created_at
  // (ctx.at) are assigned; created_by is ctx.actor_name unless set.
  Result<PetitionCase> Create(CommuneId commune, const PetitionCase& c,
                              const AuditContext& ctx) override;
  // kNotFound for a case of another commune or none.
  Result<PetitionCase> Find(CommuneId commune, CaseId id) override;
  Result<std::optional<CaseId>> CaseOf(CommuneId commune, PetitionId petition) override;
  // Appends the new members after the existing ones (version + 1). A member
  // already in this case is refused like one of another case.
  Result<PetitionCase> AddMembers(CommuneId commune, CaseId id,
                                  const std::vector<PetitionId>& members,
                                  const AuditContext& ctx) override;
  // kNotFound when the case or the member (in this case) is missing.
  Status RemoveMember(CommuneId commune, CaseId id, PetitionId member,
                      const AuditContext& ctx) override;
  // The title is cleaned with CleanCaseTitle; version + 1.
  Result<PetitionCase> Rename(CommuneId commune, CaseId id, const std::string& title,
                              const std::string& field, const AuditContext& ctx) override;
  // kInvalidArgument for a limit below 1. Village names are sorted by
  // their search key (text::Fold), so "Đông" sorts among the D's.
  Result<std::vector<ProminentIssue>> Prominent(CommuneId commune, int limit) override;

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_CASE_REPOSITORY_H_
