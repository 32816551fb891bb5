// SqlCommuneRepository: the CommuneRepository port on Database.
// Constant SQL with bound parameters only; every write runs in one
// transaction, so existence checks and inserts cannot race.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_COMMUNE_REPOSITORY_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_COMMUNE_REPOSITORY_H_

#include <string_view>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/communes/commune_repository.h"

namespace doithoai::sql {

class SqlCommuneRepository : public CommuneRepository {
 public:
  // `db` must be migrated and must outlive the repository.
  explicit SqlCommuneRepository(Database& db) : db_(db) {}

  Result<CommuneId> CreateCommune(const Commune& commune, const AuditContext& ctx) override;
  Result<Commune> FindCommuneBySlug(std::string_view slug) override;
  Result<Commune> FindCommune(CommuneId id) override;
  Result<std::vector<Commune>> ListCommunes() override;

  Result<VillageId> AddVillage(const Village& village, const AuditContext& ctx) override;
  Result<std::vector<Village>> ListVillages(CommuneId commune) override;

  Result<UnitId> AddUnit(const Unit& unit, const AuditContext& ctx) override;
  Result<std::vector<Unit>> ListUnits(CommuneId commune) override;

  Result<OfficialId> AddOfficial(const Official& official, const AuditContext& ctx) override;
  Result<std::vector<Official>> ListOfficials(CommuneId commune) override;
  Status UpdateVillage(CommuneId commune, const Village& village, const AuditContext& ctx) override;
  Status UpdateUnit(CommuneId commune, const Unit& unit, const AuditContext& ctx) override;
  Status UpdateOfficial(CommuneId commune, const Official& official,
                        const AuditContext& ctx) override;

  Status ImportRoster(CommuneId commune, const std::vector<Village>& villages,
                      const std::vector<Official>& officials, const AuditContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_COMMUNE_REPOSITORY_H_
