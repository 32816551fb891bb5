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

  // Edits (name and order / short name / name and position). The row must
  // belong to `commune` — otherwise kNotFound, never another tenant's row.
  // kAlreadyExists when the new name is taken in the commune.
  virtual Status UpdateVillage(CommuneId commune, const Village& village,
                               const AuditContext& ctx) = 0;
  virtual Status UpdateUnit(CommuneId commune, const Unit& unit, const AuditContext& ctx) = 0;
  virtual Status UpdateOfficial(CommuneId commune, const Official& official,
                                const AuditContext& ctx) = 0;

  // Inserts every village and official of a roster file into `commune` in one
  // transaction: all or nothing. Each record must carry commune_id ==
  // `commune` (else kInvalidArgument) and pass the checks of AddVillage /
  // AddOfficial (duplicate village → kAlreadyExists, unknown commune →
  // kNotFound, a unit of another commune → kInvalidArgument). Audits one
  // "<type>.create" row per record plus one "roster.import" row with the
  // counts, in the same transaction.
  virtual Status ImportRoster(CommuneId commune, const std::vector<Village>& villages,
                              const std::vector<Official>& officials, const AuditContext& ctx) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMUNES_COMMUNE_REPOSITORY_H_
