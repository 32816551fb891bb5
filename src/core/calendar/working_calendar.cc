// Working-day calendar and deadline arithmetic (see working_calendar.h).
#include "core/calendar/working_calendar.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace doithoai {

std::string_view DayCountCode(DayCount kind) {
  switch (kind) {
    case DayCount::kCalendar:
      return "calendar";
    case DayCount::kWorking:
      return "working";
  }
  return "calendar";
}

Result<DayCount> ParseDayCount(std::string_view code) {
  if (code == "calendar") {
    return DayCount::kCalendar;
  }
  if (code == "working") {
    return DayCount::kWorking;
  }
  return MakeError(ErrorCode::kInvalidArgument, "Cách tính ngày không hợp lệ: \"" +
                                                    std::string(code) +
                                                    "\" (chỉ nhận \"calendar\" hoặc \"working\").");
}

std::string_view CalendarDayKindCode(CalendarDayKind kind) {
  switch (kind) {
    case CalendarDayKind::kHoliday:
      return "holiday";
    case CalendarDayKind::kDayOff:
      return "day_off";
    case CalendarDayKind::kWorkingDay:
      return "working_day";
  }
  return "holiday";
}

Result<CalendarDayKind> ParseCalendarDayKind(std::string_view code) {
  for (CalendarDayKind kind :
       {CalendarDayKind::kHoliday, CalendarDayKind::kDayOff, CalendarDayKind::kWorkingDay}) {
    if (code == CalendarDayKindCode(kind)) {
      return kind;
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Loại ngày không hợp lệ: \"" + std::string(code) + "\".");
}

Result<WorkingCalendar> WorkingCalendar::Create(WorkingCalendarData data) {
  if (data.covered_to < data.covered_from) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Lịch làm việc: ngày kết thúc phạm vi trước ngày bắt đầu.");
  }
  bool has_working_weekday = false;
  for (unsigned wd = 0; wd < 7; ++wd) {
    if (std::find(data.weekly_rest_days.begin(), data.weekly_rest_days.end(),
                  std::chrono::weekday(wd)) == data.weekly_rest_days.end()) {
      has_working_weekday = true;
    }
  }
  if (!has_working_weekday) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Lịch làm việc: phải có ít nhất một ngày làm việc trong tuần.");
  }
  std::sort(data.days.begin(), data.days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  WorkingCalendar calendar(std::move(data));
  const WorkingCalendarData& d = calendar.data_;
  for (size_t i = 0; i < d.days.size(); ++i) {
    const CalendarDay& day = d.days[i];
    const std::string when = FormatDdMmYyyy(day.date);
    if (i > 0 && d.days[i - 1].date == day.date) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Lịch làm việc: ngày " + when + " được khai báo hai lần.");
    }
    if (day.date < d.covered_from || d.covered_to < day.date) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Lịch làm việc: ngày " + when + " nằm ngoài phạm vi của lịch.");
    }
    const bool rest = calendar.IsRestWeekday(day.date.weekday());
    if (day.kind == CalendarDayKind::kWorkingDay && !rest) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Lịch làm việc: ngày làm bù " + when + " không phải ngày nghỉ hằng tuần.");
    }
    if (day.kind == CalendarDayKind::kDayOff && rest) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Lịch làm việc: ngày nghỉ bù " + when + " đã là ngày nghỉ hằng tuần.");
    }
  }
  return calendar;
}

bool WorkingCalendar::IsRestWeekday(std::chrono::weekday weekday) const {
  return std::find(data_.weekly_rest_days.begin(), data_.weekly_rest_days.end(), weekday) !=
         data_.weekly_rest_days.end();
}

const CalendarDay* WorkingCalendar::Find(Date date) const {
  auto it = std::lower_bound(data_.days.begin(), data_.days.end(), date,
                             [](const CalendarDay& day, Date d) { return day.date < d; });
  if (it == data_.days.end() || it->date != date) {
    return nullptr;
  }
  return &*it;
}

bool WorkingCalendar::IsWorkingDay(Date date) const {
  if (const CalendarDay* day = Find(date)) {
    return day->kind == CalendarDayKind::kWorkingDay;
  }
  return !IsRestWeekday(date.weekday());
}

bool WorkingCalendar::Covers(Date date) const {
  return !(date < data_.covered_from) && !(data_.covered_to < date);
}

Date WorkingCalendar::NextWorkingDayOnOrAfter(Date date) const {
  // Terminates: Create() guarantees a working weekday, and the listed
  // exceptions are finite.
  while (!IsWorkingDay(date)) {
    date = date.AddDays(1);
  }
  return date;
}

Date WorkingCalendar::LatestWorkingDayOnOrBefore(Date date) const {
  while (!IsWorkingDay(date)) {
    date = date.AddDays(-1);
  }
  return date;
}

Date WorkingCalendar::Deadline(Date start, int n, DayCount kind) const {
  assert(n >= 0);
  if (n <= 0) {
    return start;
  }
  if (kind == DayCount::kCalendar) {
    // DAY-01: day 1 is start + 1; a last day off work moves to the next
    // working day.
    return NextWorkingDayOnOrAfter(start.AddDays(n));
  }
  Date day = start;
  for (int counted = 0; counted < n;) {
    day = day.AddDays(1);
    if (IsWorkingDay(day)) {
      ++counted;
    }
  }
  return day;
}

Date WorkingCalendar::DeadlineBefore(Date event, int n_days, DayCount kind) const {
  assert(n_days >= 0);
  if (n_days <= 0) {
    return event;
  }
  if (kind == DayCount::kCalendar) {
    return event.AddDays(-n_days);  // DLG-07 check; see the header
  }
  Date day = event;
  for (int counted = 0; counted < n_days;) {
    day = day.AddDays(-1);
    if (IsWorkingDay(day)) {
      ++counted;
    }
  }
  return day;
}

int WorkingCalendar::WorkingDaysBetween(Date from, Date to) const {
  int count = 0;
  for (Date day = from.AddDays(1); !(to < day); day = day.AddDays(1)) {
    if (IsWorkingDay(day)) {
      ++count;
    }
  }
  return count;
}

}  // namespace doithoai
