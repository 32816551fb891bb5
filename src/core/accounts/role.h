// Roles of accounts (issue #3) and the extra grants. One role per account;
// grants add narrowly scoped powers (CONF-01: only holders of the
// denunciation-handler grant may see a denouncer's identity).
#ifndef DOITHOAI_CORE_ACCOUNTS_ROLE_H_
#define DOITHOAI_CORE_ACCOUNTS_ROLE_H_

#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace doithoai {

enum class Role {
  kSystemAdmin,       // the installation's administrator: every commune
  kProvinceObserver,  // read-only reports across the communes of a province
  kCommuneAdmin,      // manages the commune's accounts and reference data
  kChairman,          // Chủ tịch UBND
  kViceChairman,      // Phó Chủ tịch UBND
  kOffice,            // Văn phòng – Thống kê
  kSecretary,         // thư ký hội nghị
  kFinance,           // Tài chính – Kế toán
  kUnitOfficial,      // công chức of one unit
  kVillageHead,       // trưởng thôn: their village only
  kFrontSupervisor,   // Ủy ban MTTQ: read and comment (supervision)
};

enum class Grant { kDenunciationHandler };

// Storage and CLI spelling: "system_admin", "village_head", …
std::string_view RoleCode(Role role);
// kInvalidArgument with a Vietnamese message listing the valid names.
Result<Role> ParseRole(std::string_view code);
const std::vector<Role>& AllRoles();

std::string_view GrantCode(Grant grant);
Result<Grant> ParseGrant(std::string_view code);

// True for roles that belong to one commune (all but system admin and
// province observer).
bool IsCommuneRole(Role role);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_ACCOUNTS_ROLE_H_
