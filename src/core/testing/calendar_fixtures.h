// Test helpers for dates and working calendars: a date from ISO text, and a
// Saturday–Sunday calendar with the named holidays (copies of rows of
// data/calendar/vn_holidays.json, so core tests need no data files).
#ifndef DOITHOAI_CORE_TESTING_CALENDAR_FIXTURES_H_
#define DOITHOAI_CORE_TESTING_CALENDAR_FIXTURES_H_

#include <chrono>
#include <utility>
#include <vector>

#include "core/calendar/date.h"
#include "core/calendar/working_calendar.h"

namespace doithoai::testing {

inline Date D(const char* iso) { return Date::Parse(iso).value(); }

// Weekends off, plus each (ISO date, name) holiday; known from `from` to `to`.
inline WorkingCalendar WeekendCalendar(
    const char* from, const char* to,
    const std::vector<std::pair<const char*, const char*>>& holidays) {
  WorkingCalendarData data;
  data.weekly_rest_days = {std::chrono::Saturday, std::chrono::Sunday};
  data.covered_from = D(from);
  data.covered_to = D(to);
  for (const auto& [day, name] : holidays) {
    data.days.push_back({D(day), CalendarDayKind::kHoliday, name});
  }
  return WorkingCalendar::Create(data).value();
}

}  // namespace doithoai::testing

#endif  // DOITHOAI_CORE_TESTING_CALENDAR_FIXTURES_H_
