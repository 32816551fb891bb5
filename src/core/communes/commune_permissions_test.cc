#include "core/communes/commune_permissions.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

Actor ActorWith(Role role, std::optional<CommuneId> commune = CommuneId{1}) {
  Actor a;
  a.role = role;
  a.commune_id = commune;
  return a;
}

TEST(CommunePermissionsTest, AnonymousSeesNothing) {
  EXPECT_EQ(CommunePermissions::Check(nullptr, CommuneAction::kViewAdmin, CommuneId{1}),
            Decision::kNotVisible);
}

TEST(CommunePermissionsTest, AnotherCommuneIsNotVisibleEvenForItsAdmin) {
  Actor admin = ActorWith(Role::kCommuneAdmin, CommuneId{2});
  EXPECT_EQ(CommunePermissions::Check(&admin, CommuneAction::kViewAdmin, CommuneId{1}),
            Decision::kNotVisible);
}

TEST(CommunePermissionsTest, SystemAdminMayDoEverything) {
  Actor root = ActorWith(Role::kSystemAdmin, std::nullopt);
  EXPECT_EQ(CommunePermissions::Check(&root, CommuneAction::kManageAccounts, CommuneId{7}),
            Decision::kAllow);
}

TEST(CommunePermissionsTest, RolesWithinTheirCommune) {
  struct Row {
    Role role;
    CommuneAction action;
    Decision expected;
  };
  const Row rows[] = {
      {Role::kVillageHead, CommuneAction::kViewAdmin, Decision::kAllow},
      {Role::kVillageHead, CommuneAction::kManageVillages, Decision::kDeny},
      {Role::kOffice, CommuneAction::kManageVillages, Decision::kAllow},
      {Role::kOffice, CommuneAction::kManageAccounts, Decision::kDeny},
      {Role::kCommuneAdmin, CommuneAction::kManageAccounts, Decision::kAllow},
      {Role::kFrontSupervisor, CommuneAction::kViewAuditLog, Decision::kAllow},
      {Role::kFrontSupervisor, CommuneAction::kManageOfficials, Decision::kDeny},
      {Role::kFinance, CommuneAction::kViewAccounts, Decision::kDeny},
      {Role::kChairman, CommuneAction::kViewAccounts, Decision::kAllow},
  };
  for (const Row& r : rows) {
    Actor a = ActorWith(r.role);
    EXPECT_EQ(CommunePermissions::Check(&a, r.action, CommuneId{1}), r.expected)
        << RoleCode(r.role);
  }
  Actor observer = ActorWith(Role::kProvinceObserver, std::nullopt);
  EXPECT_EQ(CommunePermissions::Check(&observer, CommuneAction::kViewAdmin, CommuneId{1}),
            Decision::kNotVisible);
}

// Issue #7 §6: a province observer reads the reports of its own province
// only; commune staff are refused, another province does not exist for them.
TEST(CommunePermissionsTest, ProvinceReportsForTheirProvincesObserver) {
  Actor observer = ActorWith(Role::kProvinceObserver, std::nullopt);
  observer.province_code = "38";
  EXPECT_EQ(CommunePermissions::CheckProvinceReports(&observer, "38"), Decision::kAllow);
  EXPECT_EQ(CommunePermissions::CheckProvinceReports(&observer, "01"), Decision::kNotVisible);
  EXPECT_EQ(CommunePermissions::CheckProvinceReports(&observer, ""), Decision::kNotVisible);
  Actor no_province = ActorWith(Role::kProvinceObserver, std::nullopt);
  EXPECT_EQ(CommunePermissions::CheckProvinceReports(&no_province, ""), Decision::kNotVisible);
  Actor root = ActorWith(Role::kSystemAdmin, std::nullopt);
  EXPECT_EQ(CommunePermissions::CheckProvinceReports(&root, "38"), Decision::kAllow);
  for (Role role : {Role::kChairman, Role::kCommuneAdmin, Role::kOffice, Role::kVillageHead}) {
    Actor staff = ActorWith(role);
    staff.province_code = "38";  // even if set, a commune role is not a province observer
    EXPECT_EQ(CommunePermissions::CheckProvinceReports(&staff, "38"), Decision::kDeny)
        << RoleCode(role);
  }
  EXPECT_EQ(CommunePermissions::CheckProvinceReports(nullptr, "38"), Decision::kNotVisible);
}

}  // namespace
}  // namespace doithoai
