#include "core/accounts/role.h"

#include <string>

namespace doithoai {

namespace {

struct RoleName {
  Role role;
  std::string_view code;
};

constexpr RoleName kRoleNames[] = {
    {Role::kSystemAdmin, "system_admin"},
    {Role::kProvinceObserver, "province_observer"},
    {Role::kCommuneAdmin, "commune_admin"},
    {Role::kChairman, "chairman"},
    {Role::kViceChairman, "vice_chairman"},
    {Role::kOffice, "office"},
    {Role::kSecretary, "secretary"},
    {Role::kFinance, "finance"},
    {Role::kUnitOfficial, "unit_official"},
    {Role::kVillageHead, "village_head"},
    {Role::kFrontSupervisor, "front_supervisor"},
};

}  // namespace

std::string_view RoleCode(Role role) {
  for (const RoleName& r : kRoleNames) {
    if (r.role == role) return r.code;
  }
  return "unknown";
}

Result<Role> ParseRole(std::string_view code) {
  std::string valid;
  for (const RoleName& r : kRoleNames) {
    if (r.code == code) return r.role;
    valid += (valid.empty() ? "" : ", ") + std::string(r.code);
  }
  return Error{ErrorCode::kInvalidArgument,
               "Vai trò không hợp lệ: \"" + std::string(code) + "\". Các vai trò: " + valid + ".",
               {{"role", "Vai trò không hợp lệ."}}};
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const RoleName& r : kRoleNames) out.push_back(r.role);
    return out;
  }();
  return roles;
}

std::string_view GrantCode(Grant grant) {
  switch (grant) {
    case Grant::kDenunciationHandler:
      return "denunciation_handler";
  }
  return "unknown";
}

Result<Grant> ParseGrant(std::string_view code) {
  if (code == "denunciation_handler") return Grant::kDenunciationHandler;
  return Error{ErrorCode::kInvalidArgument,
               "Quyền bổ sung không hợp lệ: \"" + std::string(code) +
                   "\". Quyền hợp lệ: denunciation_handler.",
               {{"grant", "Quyền bổ sung không hợp lệ."}}};
}

bool IsCommuneRole(Role role) {
  return role != Role::kSystemAdmin && role != Role::kProvinceObserver;
}

}  // namespace doithoai
