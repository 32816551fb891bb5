// The preparation checklist of a conference (seed §III.1 and §V; domain.md
// §8): tasks per phase with an assignee and a due date computed from the
// session dates through the working calendar and the dated rule set.
#ifndef DOITHOAI_CORE_CONFERENCES_CHECKLIST_H_
#define DOITHOAI_CORE_CONFERENCES_CHECKLIST_H_

#include <vector>

#include "core/calendar/rule_set.h"
#include "core/calendar/working_calendar.h"
#include "core/communes/commune.h"
#include "core/conferences/conference.h"

namespace doithoai {

// The default tasks, as the seed plan lists the work (preparation, the day,
// after), each assigned to the unit whose name matches (Văn phòng, Tài chính)
// when the commune has one. Offsets are office practice, not law [M]; the
// two rule-bound tasks (notice, results) take their dates from `rules`.
std::vector<ConferenceTask> DefaultChecklist(const std::vector<Unit>& units);

// The due date of `task` for `conference`:
//  * kPublicNotice: the latest notice date (DLG-07, LatestNoticeDate), moved
//    to the closest earlier working day so the office is open to publish;
//  * kResultsNotice: ResultsNoticeDeadline after the last session (DLG-08);
//  * before the conference (offset < 0): |offset| calendar days before the
//    first session, moved to the closest earlier working day;
//  * the day (offset 0): the first session's date;
//  * after (offset > 0): Deadline(last session, offset, calendar) per DAY-01.
Date TaskDueDate(const ConferenceTask& task, const Conference& conference,
                 const WorkingCalendar& calendar, const RuleSet& rules);

// Sets `due` of every task from the current sessions (after a date change).
void RecomputeDueDates(Conference& conference, const WorkingCalendar& calendar,
                       const RuleSet& rules);

// Not done and `today` is past the due date.
bool IsOverdue(const ConferenceTask& task, Date today);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CHECKLIST_H_
