// Accounts and the actor of a request. An account belongs to one commune
// (the tenant) unless it is a system admin or a province observer; a village
// head is tied to one village, a unit official to one unit.
#ifndef DOITHOAI_CORE_ACCOUNTS_ACCOUNT_H_
#define DOITHOAI_CORE_ACCOUNTS_ACCOUNT_H_

#include <optional>
#include <string>

#include "core/accounts/role.h"
#include "core/common/clock.h"
#include "core/common/ids.h"

namespace doithoai {

struct Account {
  AccountId id;
  std::optional<CommuneId> commune_id;  // empty for system admin / province observer
  std::string username;                 // NFC, compared case-insensitively
  std::string display_name;
  Role role = Role::kOffice;
  bool denunciation_handler = false;    // Grant::kDenunciationHandler (CONF-01)
  std::optional<VillageId> village_id;  // village heads
  std::optional<UnitId> unit_id;        // unit officials
  std::string province_code;            // province observers: 2 digits (ADC-02)
  std::string password_hash;            // argon2id string (never shown)
  bool disabled = false;
};

// Who is acting in a request: the resolved, enabled account.
struct Actor {
  AccountId account_id;
  std::string username;
  std::optional<CommuneId> commune_id;
  Role role = Role::kOffice;
  bool denunciation_handler = false;
  std::optional<VillageId> village_id;
  std::optional<UnitId> unit_id;
  std::string province_code;

  static Actor FromAccount(const Account& a) {
    return Actor{a.id,         a.username, a.commune_id,   a.role, a.denunciation_handler,
                 a.village_id, a.unit_id,  a.province_code};
  }
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_ACCOUNTS_ACCOUNT_H_
