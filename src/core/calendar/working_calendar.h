// WorkingCalendar: which days the commune office works, built from data
// (weekly rest days, public holidays resolved to solar dates, compensatory
// days off and swapped working days announced each year), and the deadline
// arithmetic of domain.md §2.7 (DAY-01, DAY-02). No date or day count is a
// constant here: the calendar and every "n" come from dated data
// (data/calendar/*.json, loaded by app/calendar_data.h).
#ifndef DOITHOAI_CORE_CALENDAR_WORKING_CALENDAR_H_
#define DOITHOAI_CORE_CALENDAR_WORKING_CALENDAR_H_

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar/date.h"
#include "core/common/result.h"

namespace doithoai {

// DAY-02: every rule says whether its "n ngày" are calendar or working days.
enum class DayCount { kCalendar, kWorking };

// "calendar" | "working" (the data-file spelling).
std::string_view DayCountCode(DayCount kind);
Result<DayCount> ParseDayCount(std::string_view code);

enum class CalendarDayKind {
  kHoliday,     // nghỉ lễ, Tết (a statutory public holiday or Tết day)
  kDayOff,      // nghỉ bù / nghỉ hoán đổi: a normal weekday the office is closed
  kWorkingDay,  // làm bù: a weekly rest day (e.g. a Saturday) the office works
};

// "holiday" | "day_off" | "working_day".
std::string_view CalendarDayKindCode(CalendarDayKind kind);
Result<CalendarDayKind> ParseCalendarDayKind(std::string_view code);

// One dated exception to the weekly pattern.
struct CalendarDay {
  Date date;
  CalendarDayKind kind = CalendarDayKind::kHoliday;
  std::string name;  // Vietnamese, e.g. "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương"
};

struct WorkingCalendarData {
  std::vector<std::chrono::weekday> weekly_rest_days;  // Saturday, Sunday
  // The span the dated exceptions are known for. Outside it only the weekly
  // rest days apply (see WorkingCalendar::Covers).
  Date covered_from;
  Date covered_to;
  std::vector<CalendarDay> days;
};

class WorkingCalendar {
 public:
  // Checks the data: coverage span in order, at least one working weekday,
  // each date listed once and inside the span, a working_day only on a rest
  // day and a day_off only on a normal working weekday. Messages are
  // Vietnamese; kInvalidArgument on failure.
  static Result<WorkingCalendar> Create(WorkingCalendarData data);

  // A weekday that is not a rest day, not a holiday and not a day off; or a
  // rest day listed as a swapped working day (làm bù).
  bool IsWorkingDay(Date date) const;

  // True when `date` lies in the span whose holidays are known. Deadlines
  // reaching beyond it ignore holidays there; callers should warn.
  bool Covers(Date date) const;

  // The listed exception for `date`, or nullptr.
  const CalendarDay* Find(Date date) const;

  // DAY-01 [M] (Civil Code 2015 Art. 147–148): the end of a period of `n`
  // days that starts with the event on `start`.
  //  * The day of the event is not counted: day 1 is the next day.
  //  * kCalendar: the period ends on start + n; if that is not a working day
  //    it ends at the close of the next working day.
  //  * kWorking: the period ends on the n-th working day after `start`.
  // n == 0 returns `start`. Precondition: n >= 0.
  // Example (DLG-08): results due 10 calendar days after the conference.
  Date Deadline(Date start, int n, DayCount kind) const;

  // The latest date on which an act must happen so that it is "at least
  // `n_days` before" `event` (DLG-07: public notice ≥ 7 days before the
  // conference). Convention, documented in rule terms:
  //  * The event day is not counted (DAY-01), so the act day and the event
  //    day have n_days full days between them counting the event as day 0:
  //    the act is on or before event − n_days. This is exactly the DLG-07
  //    check `notice_published_at ≤ conference_date − 7 days`.
  //  * kCalendar: event − n_days, not moved. DAY-01's "move to the next
  //    working day" lengthens periods for the person acting; moving a
  //    minimum-notice date later would shorten the notice, so it does not
  //    apply. Use LatestWorkingDayOnOrBefore() to suggest a day the office
  //    is open.
  //  * kWorking: the n_days-th working day before `event`.
  // n_days == 0 returns `event`. Precondition: n_days >= 0.
  Date DeadlineBefore(Date event, int n_days, DayCount kind) const;

  // `date` if it is a working day, else the closest earlier working day.
  Date LatestWorkingDayOnOrBefore(Date date) const;
  // `date` if it is a working day, else the closest later working day.
  Date NextWorkingDayOnOrAfter(Date date) const;

  // Working days in (from, to]: the first day is not counted (DAY-01).
  // 0 when to <= from.
  int WorkingDaysBetween(Date from, Date to) const;

  Date covered_from() const { return data_.covered_from; }
  Date covered_to() const { return data_.covered_to; }

 private:
  explicit WorkingCalendar(WorkingCalendarData data) : data_(std::move(data)) {}
  bool IsRestWeekday(std::chrono::weekday weekday) const;

  WorkingCalendarData data_;  // days sorted by date
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CALENDAR_WORKING_CALENDAR_H_
