#include "core/communes/commune_permissions.h"

#include <initializer_list>

namespace doithoai {

namespace {

bool OneOf(Role role, std::initializer_list<Role> roles) {
  for (Role r : roles) {
    if (r == role) return true;
  }
  return false;
}

bool Allowed(Role role, CommuneAction action) {
  switch (action) {
    case CommuneAction::kViewAdmin:
      return IsCommuneRole(role);  // every commune staff role, incl. MTTQ (supervision)
    case CommuneAction::kManageVillages:
    case CommuneAction::kManageUnits:
    case CommuneAction::kManageOfficials:
      return OneOf(role, {Role::kCommuneAdmin, Role::kChairman, Role::kOffice});
    case CommuneAction::kViewAccounts:
      return OneOf(role, {Role::kCommuneAdmin, Role::kChairman});
    case CommuneAction::kManageAccounts:
      return role == Role::kCommuneAdmin;
    case CommuneAction::kViewAuditLog:
      return OneOf(role, {Role::kCommuneAdmin, Role::kChairman, Role::kFrontSupervisor});
    case CommuneAction::kViewConferences:
      return IsCommuneRole(role);
    case CommuneAction::kManageConferences:
      return OneOf(role, {Role::kCommuneAdmin, Role::kChairman, Role::kViceChairman, Role::kOffice,
                          Role::kSecretary});
    case CommuneAction::kIssueDocuments:
      return OneOf(role, {Role::kChairman, Role::kViceChairman, Role::kOffice});
    case CommuneAction::kManageBudget:
      return OneOf(role, {Role::kChairman, Role::kOffice, Role::kFinance});
    case CommuneAction::kViewPetitions:
      return IsCommuneRole(role);  // MTTQ supervises; village heads see their village
    case CommuneAction::kEnterPetitions:
      return OneOf(role, {Role::kCommuneAdmin, Role::kChairman, Role::kViceChairman, Role::kOffice,
                          Role::kSecretary, Role::kUnitOfficial, Role::kVillageHead});
    case CommuneAction::kHandlePetitions:
      return OneOf(role,
                   {Role::kChairman, Role::kViceChairman, Role::kOffice, Role::kUnitOfficial});
    case CommuneAction::kManagePetitionSettings:
      return OneOf(role, {Role::kCommuneAdmin, Role::kChairman, Role::kOffice});
  }
  return false;
}

}  // namespace

Decision CommunePermissions::Check(const Actor* actor, CommuneAction action, CommuneId commune) {
  if (actor == nullptr) return Decision::kNotVisible;
  if (actor->role == Role::kSystemAdmin) return Decision::kAllow;
  // Province observers read reports (a later module), not commune admin pages.
  if (!actor->commune_id.has_value() || *actor->commune_id != commune) {
    return Decision::kNotVisible;
  }
  return Allowed(actor->role, action) ? Decision::kAllow : Decision::kDeny;
}

Decision CommunePermissions::CheckProvinceReports(const Actor* actor,
                                                  std::string_view province_code) {
  if (actor == nullptr) return Decision::kNotVisible;
  if (actor->role == Role::kSystemAdmin) return Decision::kAllow;
  if (actor->role == Role::kProvinceObserver) {
    return !province_code.empty() && actor->province_code == province_code ? Decision::kAllow
                                                                           : Decision::kNotVisible;
  }
  return Decision::kDeny;
}

}  // namespace doithoai
