// Private to the conference service's two source files (conference_service.cc:
// editing and lifecycle; conference_issuing.cc: documents and the register).
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_SERVICE_INTERNAL_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_SERVICE_INTERNAL_H_

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/audit/audit_json.h"
#include "core/conferences/conference_service.h"

namespace doithoai {

struct ConferenceService::Roster {
  Commune commune;
  std::vector<Village> villages;
  std::vector<Unit> units;
  std::vector<Official> officials;
};

namespace conference_internal {

Error Precondition(std::string message);
// kInvalidArgument with one FieldError on `field`.
Error Invalid(std::string field, std::string message);
bool Blank(std::string_view s);
// Audit summaries (core/audit/audit_json.h).
inline std::string Quote(std::string_view s) { return JsonQuote(s); }
inline std::string Summary(std::initializer_list<std::pair<std::string_view, std::string>> fields) {
  return JsonSummary(fields);
}
// Moves `c` to `to`; returns {"from":…,"to":…} for the audit row.
std::string Transition(Conference& c, ConferenceState to);
bool Before(ConferenceState a, ConferenceState b);
// Plan content and sessions change only while the plan is a draft (NUM-05).
Status RequireDraftPlan(const Conference& c);
// Invitees, budget and publications change until the conference is held.
Status RequireNotHeld(const Conference& c);

// The next free `number` of a list of numbered items.
int NextNumber(const auto& items) {
  int max = 0;
  for (const auto& item : items) max = std::max(max, item.number);
  return max + 1;
}

}  // namespace conference_internal
}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_SERVICE_INTERNAL_H_
