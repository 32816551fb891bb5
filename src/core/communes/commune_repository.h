// Port: what storage must provide for communes and their villages, units and
// officials. Implemented by adapters/storage/sqlite (and later PostgreSQL);
// every implementation must pass adapters/storage/contract.
#ifndef DOITHOAI_CORE_COMMUNES_COMMUNE_REPOSITORY_H_
#define DOITHOAI_CORE_COMMUNES_COMMUNE_REPOSITORY_H_

#include <string_view>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/common/result.h"
#include "core/communes/commune.h"

namespace doithoai {

class CommuneRepository {
 public:
  virtual ~CommuneRepository() = default;

  // Inserts a commune; kAlreadyExists if the slug or code is taken.
  virtual Result<CommuneId> CreateCommune(const Commune& commune, const AuditContext& ctx) = 0;
  virtual Result<Commune> FindCommuneBySlug(std::string_view slug) = 0;
  virtual Result<Commune> FindCommune(CommuneId id) = 0;
  // All communes ordered by name (vi collation is the caller's job).
  virtual Result<std::vector<Commune>> ListCommunes() = 0;

  virtual Result<VillageId> AddVillage(const Village& village, const AuditContext& ctx) = 0;
  // Ordered by position, then id.
  virtual Result<std::vector<Village>> ListVillages(CommuneId commune) = 0;

  virtual Result<UnitId> AddUnit(const Unit& unit, const AuditContext& ctx) = 0;
  virtual Result<std::vector<Unit>> ListUnits(CommuneId commune) = 0;

  virtual Result<OfficialId> AddOfficial(const Official& official, const AuditContext& ctx) = 0;
  virtual Result<std::vector<Official>> ListOfficials(CommuneId commune) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMUNES_COMMUNE_REPOSITORY_H_
