// Versioned rule sets for the dialogue conference (domain.md §1.1, §0.1):
// the notice period (DLG-07), the results deadline (DLG-08), the posting
// and loudspeaker durations (PUB-02, PUB-01) and how days are counted
// (DAY-02) change with the law, so each set carries the date it takes
// effect and is chosen by the conference date. The numbers live in
// data/calendar/rule_sets.json, never in code.
#ifndef DOITHOAI_CORE_CALENDAR_RULE_SET_H_
#define DOITHOAI_CORE_CALENDAR_RULE_SET_H_

#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/calendar/working_calendar.h"
#include "core/common/result.h"

namespace doithoai {

struct RuleSet {
  std::string id;  // "lgo-72-2025-art43"
  Date effective_from;
  std::string legal_source;                 // Vietnamese citation shown to users
  int notice_days_before = 0;               // DLG-07: public notice ≥ n days before
  int results_notice_days_after = 0;        // DLG-08: results published ≤ n days after
  int posting_days = 0;                     // PUB-02: posted at the commune HQ ≥ n days
  int loudspeaker_consecutive_days = 0;     // PUB-01: loudspeaker ≥ n consecutive days
  DayCount counting = DayCount::kCalendar;  // DAY-02
};

// Checks one rule set: non-empty id and legal source, every day count > 0.
// kInvalidArgument with a Vietnamese message.
Status ValidateRuleSet(const RuleSet& rule_set);

// Checks every set and that ids and effective dates are unique.
Status ValidateRuleSets(const std::vector<RuleSet>& rule_sets);

// The rule set in force on `conference_date`: the one with the latest
// effective_from ≤ conference_date (§1.1). kNotFound when none applies.
Result<RuleSet> RuleSetFor(const std::vector<RuleSet>& rule_sets, Date conference_date);

// DLG-07: the latest date the public notice may be published.
Date LatestNoticeDate(const WorkingCalendar& calendar, const RuleSet& rules, Date conference);
// DLG-08 with DAY-01: the last day to publish the results notice.
Date ResultsNoticeDeadline(const WorkingCalendar& calendar, const RuleSet& rules, Date conference);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CALENDAR_RULE_SET_H_
