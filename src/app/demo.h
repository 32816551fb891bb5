// The demo commune (data/demo/hoang-truong.json): UBND xã Hoằng Trường from
// the seed plan, with its villages, units, officials and one account per
// role, so every feature has the seed's world to work in.
#ifndef DOITHOAI_APP_DEMO_H_
#define DOITHOAI_APP_DEMO_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/ports.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_day.h"
#include "core/conferences/conference_service.h"
#include "core/notifications/notification_service.h"
#include "core/petitions/case_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::app {

inline constexpr std::string_view kDemoSlug = "hoang-truong";

// The clock of an application that loads the demo's history: the loader
// sets it to the dates of the seed's 2023 conference day (so every record
// carries the date it would have had) and then releases it to `real`.
class DemoClock : public Clock {
 public:
  explicit DemoClock(const Clock& real) : real_(real) {}
  Timestamp Now() const override { return fixed_ ? *fixed_ : real_.Now(); }
  void Set(Timestamp t) { fixed_ = t; }
  void Release() { fixed_.reset(); }

 private:
  const Clock& real_;
  std::optional<Timestamp> fixed_;
};

// What the loader needs to record the seed's conference as held
// (data/demo "conference_day"): the application's desk and its clock.
struct DemoHistory {
  ConferenceDay& day;
  DemoClock& clock;
};

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
// With `history` (issue #7), the 2023 conference goes through its real
// course at its real dates: plan, programme and notice issued, check-in,
// 10 speakers and 15 opinions at the desk (answered in the room, assigned
// and answered later, assigned and still overdue, forwarded, a tố cáo),
// session ended, minutes signed by the secretary and the chair, results
// notice issued, published and delivered to the village heads. Without it
// the conference stays planned (`init --demo-rehearsal`, and the tests).
Result<DemoResult> LoadDemo(CommuneRepository& communes, AccountRepository& accounts,
                            Crypto& crypto, ConferenceService& conferences,
                            PetitionService& petitions, const AuditContext& ctx,
                            CaseService* cases = nullptr,
                            NotificationService* notifications = nullptr,
                            const DemoHistory* history = nullptr);

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
