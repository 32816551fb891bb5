// SqlPetitionRepository: the PetitionRepository port on Database
// (schema in migrations/0006_petitions.sql). A petition is one row whose
// `data` is its JSON (adapters/json/petition_json.h) plus summary columns
// from core Summarize(), and one row of the FTS5 index petition_search
// (SRCH-01: text folded in C++ with text::Fold). Constant SQL with bound
// parameters only; every write runs in one BEGIN IMMEDIATE transaction
// together with its audit rows.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_PETITION_REPOSITORY_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_PETITION_REPOSITORY_H_

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/petitions/petition_repository.h"

namespace doithoai::sql {

class SqlPetitionRepository : public PetitionRepository {
 public:
  // `db` must be migrated and must outlive the repository.
  explicit SqlPetitionRepository(Database& db) : db_(db) {}

  // Besides the port's contract: the petition must pass ValidatePetition,
  // and its village, conference and summary unit must belong to the commune
  // (kInvalidArgument otherwise); a missing commune is kNotFound.
  Result<CreatedPetition> Create(std::string_view commune_slug, const Petition& petition,
                                 const AuditContext& ctx) override;
  // A form token already used (by a stored petition or an earlier one of
  // the batch) yields that petition in its place, as Create does.
  Result<std::vector<Petition>> CreateMany(std::string_view commune_slug,
                                           const std::vector<Petition>& petitions,
                                           const AuditContext& ctx) override;

  Result<Petition> Find(CommuneId commune, PetitionId id) override;
  Result<Petition> FindByCode(CommuneId commune, std::string_view code) override;
  Result<Petition> FindByCodeAnyCommune(std::string_view code) override;

  // q is folded and split into words, each a prefix match, all required.
  // kInvalidArgument when q is not UTF-8.
  Result<PetitionPage> Search(CommuneId commune, const PetitionQuery& query) override;
  // The statuses that occur, in enum order.
  Result<std::vector<std::pair<ItemStatus, int64_t>>> CountByStatus(CommuneId commune) override;

  Result<Petition> Update(CommuneId commune, PetitionId id, std::optional<int64_t> expected_version,
                          const PetitionChange& change, const AuditContext& ctx) override;
  Status RecordIdentityRead(CommuneId commune, PetitionId id, const AuditContext& ctx) override;

  Result<PetitionSettings> LoadSettings(CommuneId commune) override;
  // kInvalidArgument for due_soon_days outside 0..365 or an empty or
  // repeated field code; kNotFound for a missing commune.
  Status SaveSettings(CommuneId commune, const PetitionSettings& settings,
                      const AuditContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_PETITION_REPOSITORY_H_
