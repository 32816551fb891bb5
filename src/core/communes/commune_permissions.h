// Who may do what with a commune's reference data and accounts (Decidim-style
// permission class: the one place for this module's rules). Callers answer
// 404 — not 403 — when the actor belongs to another commune, so the
// existence of other communes' data is not revealed (issue #3 §5).
#ifndef DOITHOAI_CORE_COMMUNES_COMMUNE_PERMISSIONS_H_
#define DOITHOAI_CORE_COMMUNES_COMMUNE_PERMISSIONS_H_

#include <string_view>

#include "core/accounts/account.h"
#include "core/common/ids.h"

namespace doithoai {

enum class CommuneAction {
  kViewAdmin,  // the staff dashboard: villages, units, officials
  kManageVillages,
  kManageUnits,
  kManageOfficials,
  kViewAccounts,
  kManageAccounts,  // create, disable, reset passwords
  kViewAuditLog,
  kViewConferences,    // plans, invitations, checklist (every commune role)
  kManageConferences,  // edit plans, invitees, tasks, publications; check-in
  kIssueDocuments,     // number and issue KH, CTr, GM, TB (NUM-03)
  kManageBudget,       // dự toán, quyết toán (DLG-14)
  // Petitions (issue #5). Village heads see and enter their own village's
  // petitions only (the pages filter by Actor::village_id); a tố cáo's
  // identity needs the denunciation-handler grant on top (CONF-01).
  kViewPetitions,           // inbox, board, petition pages, search, export
  kEnterPetitions,          // staff desk for walk-in citizens, letters, village-head lists
  kHandlePetitions,         // classify, assign, deadlines, answer, close, forward, file, reopen
  kManagePetitionSettings,  // field taxonomy, "not satisfied" rule
};

enum class Decision {
  kAllow,
  kDeny,        // same commune, not allowed: 403
  kNotVisible,  // anonymous or another commune: 404 (or login for anonymous)
};

class CommunePermissions {
 public:
  // `actor` is null for anonymous requests.
  static Decision Check(const Actor* actor, CommuneAction action, CommuneId commune);
  // Reading the result-report figures of every commune of the province
  // `province_code` (issue #7 §6, DLG-13; read-only): a province observer of
  // that province or a system admin. Another province's observer and
  // anonymous callers: kNotVisible (404); commune staff: kDeny (403).
  static Decision CheckProvinceReports(const Actor* actor, std::string_view province_code);
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMUNES_COMMUNE_PERMISSIONS_H_
