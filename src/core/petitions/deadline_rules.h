// Legal time limits for petitions as dated data (domain.md §2.4 KN-01..06,
// §2.5 TC-01..04, §2.6 XLD-01, §2.3 TCD-07, §2.7 DAY-01/02). The numbers
// live in data/petitions/deadline_rules.json (loaded by
// app/petition_rules_data.h), never in code: Law 136/2025/QH15 changes them
// from 01/7/2026 (§2.1), so every rule carries the date it takes effect and
// is chosen by the date its period starts.
#ifndef DOITHOAI_CORE_PETITIONS_DEADLINE_RULES_H_
#define DOITHOAI_CORE_PETITIONS_DEADLINE_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/calendar/working_calendar.h"
#include "core/common/result.h"
#include "core/petitions/classification.h"

namespace doithoai {

// Step codes used in the data file. Each rule says what event its period
// runs from (see the rule's legal_source).
inline constexpr std::string_view kStepFileLimit = "file_limit";  // KN-01: from the decision
inline constexpr std::string_view kStepAccept = "accept";         // KN-02: from receipt
inline constexpr std::string_view kStepResolve = "resolve";       // KN-03, TC-03: from acceptance
// KN-05: from the 1st-level decision (or the end of its time limit).
inline constexpr std::string_view kStepAppealLimit = "appeal_limit";
inline constexpr std::string_view kStepAcceptSecond = "accept_second";    // KN-06: from receipt
inline constexpr std::string_view kStepResolveSecond = "resolve_second";  // KN-04: from acceptance
inline constexpr std::string_view kStepInitialCheck = "initial_check";    // TC-01: from receipt
inline constexpr std::string_view kStepForward = "forward";               // TC-02: from receipt
inline constexpr std::string_view kStepExtend = "extend";      // TC-04: from the current deadline
inline constexpr std::string_view kStepClassify = "classify";  // XLD-01: from receipt
inline constexpr std::string_view kStepAnswer = "answer";      // TCD-07: from receipt

struct PetitionDeadlineRule {
  std::string id;  // the domain rule, e.g. "KN-03"
  PetitionClass petition_class = PetitionClass::kComplaint;
  std::string step;  // a kStep* code: lower-case ASCII letters and '_'
  int days = 0;      // the ordinary limit
  // The limit for a remote area (vùng sâu, vùng xa) or a complex case, or for
  // TC-01 checks at several places; 0 = same as `days`.
  int days_remote_or_complex = 0;
  // The limit when the case is both remote and complex (KN-03: 60, KN-04:
  // 70); 0 = same as days_remote_or_complex.
  int days_remote_and_complex = 0;
  DayCount counting = DayCount::kCalendar;  // DAY-02
  std::string legal_source;                 // Vietnamese citation shown to users
  Date effective_from;
  std::string note;  // optional, Vietnamese; marks [M] values
};

// Which longer limit applies (domain.md §2.4: `remote_area` is set on the
// commune, `complex` is a flag with a reason and an approver).
struct DeadlineFactors {
  bool remote_area = false;
  bool complex = false;
};

// Checks one rule: id, step code, legal source present; days > 0; the longer
// limits, when set, are not shorter than the ordinary one. kInvalidArgument
// with a Vietnamese message.
Status ValidatePetitionDeadlineRule(const PetitionDeadlineRule& rule);

// Checks every rule and that no two rules share class, step and
// effective_from.
Status ValidatePetitionDeadlineRules(const std::vector<PetitionDeadlineRule>& rules);

// The rule for `petition_class` and `step` in force on `start`: the latest
// effective_from ≤ start. kNotFound when the step has no rule for the class
// or none was in force yet.
Result<PetitionDeadlineRule> RuleFor(const std::vector<PetitionDeadlineRule>& rules,
                                     PetitionClass petition_class, std::string_view step,
                                     Date start);

// The number of days the rule allows in the given situation.
int DaysFor(const PetitionDeadlineRule& rule, DeadlineFactors factors);

// The deadline of `step` for a period starting on `start` (the event the
// rule counts from: receipt, acceptance, decision; see the step codes),
// with DAY-01 counting (WorkingCalendar::Deadline). The rule is chosen by
// `start`. `remote_or_complex` selects days_remote_or_complex.
Result<Date> PetitionDeadline(const WorkingCalendar& calendar,
                              const std::vector<PetitionDeadlineRule>& rules,
                              PetitionClass petition_class, std::string_view step, Date start,
                              bool remote_or_complex);
// The same, distinguishing remote and complex (KN-03/KN-04 remote and
// complex use days_remote_and_complex).
Result<Date> PetitionDeadline(const WorkingCalendar& calendar,
                              const std::vector<PetitionDeadlineRule>& rules,
                              PetitionClass petition_class, std::string_view step, Date start,
                              DeadlineFactors factors);

// The step whose deadline is shown first for a newly received item:
// complaint "accept" (KN-02), denunciation "initial_check" (TC-01),
// proposal and report "answer" (TCD-07).
std::string_view DefaultStep(PetitionClass petition_class);

// Vietnamese name of a step ("thụ lý", "giải quyết"...), or the code itself
// when unknown.
std::string StepLabel(std::string_view step);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_DEADLINE_RULES_H_
