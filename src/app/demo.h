// The demo commune (data/demo/hoang-truong.json): UBND xã Hoằng Trường from
// the seed plan, with its villages, units, officials and one account per
// role, so every feature has the seed's world to work in.
#ifndef DOITHOAI_APP_DEMO_H_
#define DOITHOAI_APP_DEMO_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/ports.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_service.h"
#include "core/notifications/notification_service.h"
#include "core/petitions/case_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::app {

inline constexpr std::string_view kDemoSlug = "hoang-truong";

struct DemoResult {
  CommuneId id;
  bool created = false;
};

// Loads the demo commune and its accounts unless a commune with its slug
// exists. Returns the commune's id and whether it was created now.
// Also records the seed's 2023 conference (recorded_past, plan filled in from
// the seed's wording) through `conferences`.
// With `cases` and `notifications` (optional), also the demo's case of
// several petitions raising one issue and the officials' contacts for the
// reminder digests (issue #6).
Result<DemoResult> LoadDemo(CommuneRepository& communes, AccountRepository& accounts,
                            Crypto& crypto, ConferenceService& conferences,
                            PetitionService& petitions, const AuditContext& ctx,
                            CaseService* cases = nullptr,
                            NotificationService* notifications = nullptr);

struct DemoLogin {
  std::string username;
  std::string role;
  std::string display_name;
};
// The demo accounts and their shared password, for `make run` to print.
std::vector<DemoLogin> DemoLogins();
std::string DemoPassword();

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_DEMO_H_
