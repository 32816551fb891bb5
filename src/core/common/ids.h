// Identifiers. Every row belongs to a commune (the tenant); ids are 64-bit
// integers unique within their table, wrapped in distinct types so that a
// VillageId cannot be passed where a UnitId is expected.
#ifndef DOITHOAI_CORE_COMMON_IDS_H_
#define DOITHOAI_CORE_COMMON_IDS_H_

#include <compare>
#include <cstdint>

namespace doithoai {

template <typename Tag>
struct Id {
  int64_t value = 0;
  constexpr bool valid() const { return value > 0; }
  auto operator<=>(const Id&) const = default;
};

using CommuneId = Id<struct CommuneTag>;
using VillageId = Id<struct VillageTag>;
using UnitId = Id<struct UnitTag>;
using OfficialId = Id<struct OfficialTag>;
using AccountId = Id<struct AccountTag>;
using ConferenceId = Id<struct ConferenceTag>;
using DocumentId = Id<struct DocumentTag>;
using PetitionId = Id<struct PetitionTag>;
using CaseId = Id<struct CaseTag>;

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMON_IDS_H_
