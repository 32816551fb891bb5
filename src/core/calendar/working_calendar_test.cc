#include "core/calendar/working_calendar.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

using std::chrono::Saturday;
using std::chrono::Sunday;

Date D(const char* iso) { return Date::Parse(iso).value(); }

CalendarDay Day(const char* iso, CalendarDayKind kind, const char* name) {
  return CalendarDay{D(iso), kind, name};
}

// A copy of the 2023–2025 rows of data/calendar/vn_holidays.json that the
// vectors below touch (the shipped file itself is tested in
// app/calendar_data_test.cc with the same vectors).
WorkingCalendarData TestData() {
  constexpr auto kH = CalendarDayKind::kHoliday;
  constexpr auto kOff = CalendarDayKind::kDayOff;
  constexpr auto kWork = CalendarDayKind::kWorkingDay;
  WorkingCalendarData data;
  data.weekly_rest_days = {Saturday, Sunday};
  data.covered_from = D("2023-01-01");
  data.covered_to = D("2025-12-31");
  data.days = {
      Day("2024-01-01", kH, "Tết Dương lịch"),
      Day("2024-02-08", kH, "Tết Nguyên đán"),
      Day("2024-02-09", kH, "Tết Nguyên đán"),
      Day("2024-02-10", kH, "Tết Nguyên đán"),
      Day("2024-02-11", kH, "Tết Nguyên đán"),
      Day("2024-02-12", kH, "Tết Nguyên đán"),
      Day("2024-02-13", kH, "Tết Nguyên đán"),
      Day("2024-02-14", kH, "Tết Nguyên đán"),
      Day("2024-04-18", kH, "Giỗ Tổ Hùng Vương"),
      Day("2024-04-29", kOff, "Nghỉ hoán đổi dịp 30/4–1/5"),
      Day("2024-04-30", kH, "Ngày Chiến thắng"),
      Day("2024-05-01", kH, "Ngày Quốc tế lao động"),
      Day("2024-05-04", kWork, "Làm bù cho thứ Hai 29/4/2024"),
      Day("2025-01-25", kH, "Tết Nguyên đán"),
      Day("2025-01-26", kH, "Tết Nguyên đán"),
      Day("2025-01-27", kH, "Tết Nguyên đán"),
      Day("2025-01-28", kH, "Tết Nguyên đán"),
      Day("2025-01-29", kH, "Tết Nguyên đán"),
      Day("2025-01-30", kH, "Tết Nguyên đán"),
      Day("2025-01-31", kH, "Tết Nguyên đán"),
      Day("2025-02-01", kH, "Tết Nguyên đán"),
      Day("2025-02-02", kH, "Tết Nguyên đán"),
      Day("2025-04-07", kH, "Giỗ Tổ Hùng Vương"),
      Day("2025-04-26", kWork, "Làm bù cho thứ Sáu 2/5/2025"),
      Day("2025-04-30", kH, "Ngày Chiến thắng"),
      Day("2025-05-01", kH, "Ngày Quốc tế lao động"),
      Day("2025-05-02", kOff, "Nghỉ hoán đổi dịp 30/4–1/5"),
      Day("2025-09-01", kH, "Quốc khánh (ngày liền kề)"),
      Day("2025-09-02", kH, "Quốc khánh"),
  };
  return data;
}

WorkingCalendar TestCalendar() { return WorkingCalendar::Create(TestData()).value(); }

TEST(WorkingCalendarTest, WeekendsHolidaysAndSwappedDays) {
  WorkingCalendar cal = TestCalendar();
  EXPECT_TRUE(cal.IsWorkingDay(D("2023-12-08")));   // Friday
  EXPECT_FALSE(cal.IsWorkingDay(D("2023-12-09")));  // Saturday
  EXPECT_FALSE(cal.IsWorkingDay(D("2023-12-10")));  // Sunday
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-02-08")));  // Tết (Thursday)
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-04-18")));  // Giỗ Tổ (Thursday)
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-04-29")));  // swapped day off (Monday)
  EXPECT_TRUE(cal.IsWorkingDay(D("2024-05-04")));   // làm bù (Saturday)
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-05-05")));  // the Sunday after stays off
  ASSERT_NE(cal.Find(D("2024-05-04")), nullptr);
  EXPECT_EQ(cal.Find(D("2024-05-04"))->kind, CalendarDayKind::kWorkingDay);
  EXPECT_EQ(cal.Find(D("2024-04-18"))->name, "Giỗ Tổ Hùng Vương");
  EXPECT_EQ(cal.Find(D("2024-04-19")), nullptr);
}

TEST(WorkingCalendarTest, Coverage) {
  WorkingCalendar cal = TestCalendar();
  EXPECT_TRUE(cal.Covers(D("2023-01-01")));
  EXPECT_TRUE(cal.Covers(D("2025-12-31")));
  EXPECT_FALSE(cal.Covers(D("2022-12-31")));
  EXPECT_FALSE(cal.Covers(D("2026-01-01")));
  // Outside the span only the weekly rest days apply.
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-01-01")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-01-03")));
}

struct DeadlineVector {
  const char* label;
  const char* start;
  int n;
  DayCount kind;
  const char* expected;
};

// DAY-01 [M]: the start day is not counted; a calendar period ending on a
// day off ends on the next working day; working periods count working days.
TEST(WorkingCalendarTest, DeadlineVectors) {
  const DeadlineVector vectors[] = {
      // DLG-08: results notice ≤ 10 days after the conference.
      {"seed conference 08/12/2023, +10 ends on a Monday", "2023-12-08", 10, DayCount::kCalendar,
       "2023-12-18"},
      {"+10 ends on a Saturday -> Monday", "2023-12-06", 10, DayCount::kCalendar, "2023-12-18"},
      {"+10 ends on Tết Dương lịch 2024", "2023-12-22", 10, DayCount::kCalendar, "2024-01-02"},
      {"+10 ends inside Tết 2024 -> first day back", "2024-01-29", 10, DayCount::kCalendar,
       "2024-02-15"},
      {"+10 ends on the swapped day 29/4/2024, then 30/4, 1/5", "2024-04-19", 10,
       DayCount::kCalendar, "2024-05-02"},
      {"+10 ends on a làm-bù Saturday: it is a working day", "2024-04-24", 10, DayCount::kCalendar,
       "2024-05-04"},
      {"+10 ends on 1/9/2025 (Quốc khánh) -> 3/9", "2025-08-22", 10, DayCount::kCalendar,
       "2025-09-03"},
      {"n = 0 is the start day", "2024-02-10", 0, DayCount::kCalendar, "2024-02-10"},
      // Working days spanning a weekend and a holiday.
      {"3 working days over Giỗ Tổ 2024 and a weekend", "2024-04-17", 3, DayCount::kWorking,
       "2024-04-23"},
      {"5 working days over 30/4–1/5/2024, counting the làm-bù Saturday", "2024-04-26", 5,
       DayCount::kWorking, "2024-05-07"},
      {"1 working day after the last day before Tết 2025", "2025-01-24", 1, DayCount::kWorking,
       "2025-02-03"},
      {"start on a holiday", "2024-02-10", 1, DayCount::kWorking, "2024-02-15"},
      {"2 working days over a weekend", "2023-12-08", 2, DayCount::kWorking, "2023-12-12"},
  };
  WorkingCalendar cal = TestCalendar();
  for (const DeadlineVector& v : vectors) {
    EXPECT_EQ(cal.Deadline(D(v.start), v.n, v.kind), D(v.expected)) << v.label;
  }
}

struct BeforeVector {
  const char* label;
  const char* event;
  int n;
  DayCount kind;
  const char* latest;          // DeadlineBefore
  const char* latest_working;  // LatestWorkingDayOnOrBefore(latest)
};

// DLG-07: notice ≥ 7 days before the conference; latest allowed date is
// conference − 7 (calendar), not moved by DAY-01.
TEST(WorkingCalendarTest, DeadlineBeforeVectors) {
  const BeforeVector vectors[] = {
      {"seed conference 08/12/2023", "2023-12-08", 7, DayCount::kCalendar, "2023-12-01",
       "2023-12-01"},
      {"conference right after Tết 2024: D-7 is inside Tết", "2024-02-15", 7, DayCount::kCalendar,
       "2024-02-08", "2024-02-07"},
      {"D-7 on Giỗ Tổ 2024", "2024-04-25", 7, DayCount::kCalendar, "2024-04-18", "2024-04-17"},
      {"D-7 on 30/4/2025", "2025-05-07", 7, DayCount::kCalendar, "2025-04-30", "2025-04-29"},
      {"D-7 on a Sunday", "2023-12-17", 7, DayCount::kCalendar, "2023-12-10", "2023-12-08"},
      {"7 working days before, across Tết 2024", "2024-02-15", 7, DayCount::kWorking, "2024-01-30",
       "2024-01-30"},
      {"3 working days before, across the làm-bù Saturday", "2024-05-07", 3, DayCount::kWorking,
       "2024-05-03", "2024-05-03"},
      {"n = 0 is the event day", "2024-02-15", 0, DayCount::kCalendar, "2024-02-15", "2024-02-15"},
  };
  WorkingCalendar cal = TestCalendar();
  for (const BeforeVector& v : vectors) {
    Date latest = cal.DeadlineBefore(D(v.event), v.n, v.kind);
    EXPECT_EQ(latest, D(v.latest)) << v.label;
    EXPECT_EQ(cal.LatestWorkingDayOnOrBefore(latest), D(v.latest_working)) << v.label;
  }
}

TEST(WorkingCalendarTest, NextWorkingDayAndCounting) {
  WorkingCalendar cal = TestCalendar();
  EXPECT_EQ(cal.NextWorkingDayOnOrAfter(D("2024-02-08")), D("2024-02-15"));
  EXPECT_EQ(cal.NextWorkingDayOnOrAfter(D("2024-02-15")), D("2024-02-15"));
  EXPECT_EQ(cal.WorkingDaysBetween(D("2024-04-26"), D("2024-05-07")), 5);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2024-05-07"), D("2024-04-26")), 0);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2024-02-07"), D("2024-02-14")), 0);
}

// Invariants over every start day of 2024 and n in 0..20.
TEST(WorkingCalendarTest, DeadlineProperties) {
  WorkingCalendar cal = TestCalendar();
  for (Date start = D("2024-01-01"); start < D("2025-01-01"); start = start.AddDays(1)) {
    for (int n = 1; n <= 20; ++n) {
      Date calendar_end = cal.Deadline(start, n, DayCount::kCalendar);
      EXPECT_TRUE(cal.IsWorkingDay(calendar_end));
      EXPECT_GE(DaysBetween(start, calendar_end), n);
      EXPECT_EQ(calendar_end, cal.NextWorkingDayOnOrAfter(start.AddDays(n)));

      Date working_end = cal.Deadline(start, n, DayCount::kWorking);
      EXPECT_TRUE(cal.IsWorkingDay(working_end));
      EXPECT_EQ(cal.WorkingDaysBetween(start, working_end), n);

      EXPECT_EQ(DaysBetween(cal.DeadlineBefore(start, n, DayCount::kCalendar), start), n);
      Date working_before = cal.DeadlineBefore(start, n, DayCount::kWorking);
      EXPECT_TRUE(cal.IsWorkingDay(working_before));
      EXPECT_EQ(cal.WorkingDaysBetween(working_before.AddDays(-1), start.AddDays(-1)), n);
    }
  }
}

TEST(WorkingCalendarTest, CreateRejectsBadData) {
  auto expect_invalid = [](WorkingCalendarData data, const char* needle) {
    Result<WorkingCalendar> cal = WorkingCalendar::Create(std::move(data));
    ASSERT_FALSE(cal.ok()) << needle;
    EXPECT_EQ(cal.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(cal.error().message.find(needle), std::string::npos) << cal.error().message;
  };
  WorkingCalendarData dup = TestData();
  dup.days.push_back(Day("2024-04-18", CalendarDayKind::kDayOff, "x"));
  expect_invalid(dup, "hai lần");

  WorkingCalendarData outside = TestData();
  outside.days.push_back(Day("2026-01-01", CalendarDayKind::kHoliday, "Tết Dương lịch"));
  expect_invalid(outside, "ngoài phạm vi");

  WorkingCalendarData work_on_weekday = TestData();
  work_on_weekday.days.push_back(Day("2024-05-06", CalendarDayKind::kWorkingDay, "x"));
  expect_invalid(work_on_weekday, "làm bù 06/05/2024");

  WorkingCalendarData off_on_weekend = TestData();
  off_on_weekend.days.push_back(Day("2024-05-05", CalendarDayKind::kDayOff, "x"));
  expect_invalid(off_on_weekend, "nghỉ bù 05/05/2024");

  WorkingCalendarData reversed = TestData();
  std::swap(reversed.covered_from, reversed.covered_to);
  expect_invalid(reversed, "phạm vi");

  WorkingCalendarData no_work = TestData();
  for (unsigned wd = 0; wd < 7; ++wd) {
    no_work.weekly_rest_days.push_back(std::chrono::weekday(wd));
  }
  expect_invalid(no_work, "ít nhất một ngày làm việc");
}

TEST(WorkingCalendarTest, CodesRoundTrip) {
  for (DayCount kind : {DayCount::kCalendar, DayCount::kWorking}) {
    EXPECT_EQ(ParseDayCount(DayCountCode(kind)).value(), kind);
  }
  EXPECT_FALSE(ParseDayCount("business").ok());
  for (CalendarDayKind kind :
       {CalendarDayKind::kHoliday, CalendarDayKind::kDayOff, CalendarDayKind::kWorkingDay}) {
    EXPECT_EQ(ParseCalendarDayKind(CalendarDayKindCode(kind)).value(), kind);
  }
  EXPECT_FALSE(ParseCalendarDayKind("weekend").ok());
}

}  // namespace
}  // namespace doithoai
