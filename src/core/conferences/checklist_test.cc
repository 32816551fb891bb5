#include "core/conferences/checklist.h"

#include <gtest/gtest.h>

#include "core/testing/calendar_fixtures.h"

namespace doithoai {
namespace {

using testing::D;

// Weekends plus Tết 2024 (08–14/02/2024) and Giỗ Tổ 2024 (18/04), as in
// data/calendar/vn_holidays.json.
WorkingCalendar TestCalendar() {
  std::vector<std::pair<const char*, const char*>> holidays;
  for (const char* day : {"2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12",
                          "2024-02-13", "2024-02-14"}) {
    holidays.push_back({day, "Tết Nguyên đán"});
  }
  holidays.push_back({"2024-04-18", "Giỗ Tổ Hùng Vương"});
  return testing::WeekendCalendar("2023-01-01", "2024-12-31", holidays);
}

RuleSet Rules() {
  RuleSet r;
  r.id = "test";
  r.effective_from = D("2023-07-01");
  r.notice_days_before = 7;          // DLG-07
  r.results_notice_days_after = 10;  // DLG-08
  r.posting_days = 30;
  r.loudspeaker_consecutive_days = 3;
  return r;
}

std::vector<Unit> Units() {
  return {Unit{UnitId{1}, CommuneId{1}, "Văn phòng UBND xã", "VP"},
          Unit{UnitId{2}, CommuneId{1}, "Tài chính – Ngân sách", "TC-NS"}};
}

Conference On(const char* iso) {
  Conference c;
  ConferenceSession s;
  s.number = 1;
  s.date = D(iso);
  c.sessions.push_back(s);
  c.tasks = DefaultChecklist(Units());
  return c;
}

const ConferenceTask& Kind(const Conference& c, TaskKind kind) {
  for (const auto& t : c.tasks) {
    if (t.kind == kind) return t;
  }
  ADD_FAILURE() << "no task of that kind";
  return c.tasks.front();
}

TEST(ChecklistTest, DefaultsCoverEveryPhaseWithAssignees) {
  std::vector<ConferenceTask> tasks = DefaultChecklist(Units());
  int phases[3] = {0, 0, 0};
  for (const auto& t : tasks) {
    ++phases[static_cast<int>(t.phase)];
    ASSERT_TRUE(t.unit.has_value()) << t.title;
    EXPECT_FALSE(t.title.empty());
  }
  EXPECT_GT(phases[0], 0);
  EXPECT_GT(phases[1], 0);
  EXPECT_GT(phases[2], 0);
  // The seed's §V: the finance officer prepares the estimate and settles it.
  int finance = 0;
  for (const auto& t : tasks) finance += t.unit == UnitId{2} ? 1 : 0;
  EXPECT_EQ(finance, 2);
  // Without matching units the tasks are unassigned, not dropped.
  EXPECT_EQ(DefaultChecklist({}).size(), tasks.size());
}

struct Vector {
  const char* conference;
  const char* notice_due;   // DLG-07 task
  const char* results_due;  // DLG-08 task
  const char* why;
};

TEST(ChecklistTest, DueDateVectors) {
  const WorkingCalendar cal = TestCalendar();
  const Vector vectors[] = {
      // The seed: Friday 08/12/2023; D-7 is Friday 01/12; +10 is Monday 18/12.
      {"2023-12-08", "2023-12-01", "2023-12-18", "seed conference"},
      // Right after Tết 2024: D-7 = Monday 12/02 is a Tết day; the office
      // must publish by its last working day before, Wednesday 07/02.
      {"2024-02-19", "2024-02-07", "2024-02-29", "after Tết, D-7 on a holiday"},
      // D-7 on Giỗ Tổ (Thursday 18/04/2024) → Wednesday 17/04.
      {"2024-04-25", "2024-04-17", "2024-05-06", "D-7 on Giỗ Tổ; +10 on a Sunday"},
      // D-7 on a Sunday → the Friday before.
      {"2024-06-16", "2024-06-07", "2024-06-26", "D-7 on a Sunday"},
  };
  for (const Vector& v : vectors) {
    SCOPED_TRACE(v.why);
    Conference c = On(v.conference);
    RecomputeDueDates(c, cal, Rules());
    EXPECT_EQ(Kind(c, TaskKind::kPublicNotice).due, D(v.notice_due));
    EXPECT_EQ(Kind(c, TaskKind::kResultsNotice).due, D(v.results_due));
    for (const auto& t : c.tasks) {
      EXPECT_TRUE(cal.IsWorkingDay(t.due) || t.offset_days == 0) << t.title << " " << t.due;
      if (t.phase == TaskPhase::kPreparation) {
        EXPECT_LT(t.due, D(v.conference)) << t.title;
      }
      if (t.phase == TaskPhase::kAfter) {
        EXPECT_GT(t.due, D(v.conference)) << t.title;
      }
    }
  }
}

TEST(ChecklistTest, PreparationCountsBackFromTheFirstSessionAndAfterFromTheLast) {
  const WorkingCalendar cal = TestCalendar();
  Conference c = On("2023-12-08");
  ConferenceSession second;
  second.number = 2;
  second.date = D("2023-12-15");
  c.sessions.push_back(second);
  RecomputeDueDates(c, cal, Rules());
  EXPECT_EQ(Kind(c, TaskKind::kPublicNotice).due, D("2023-12-01"));
  EXPECT_EQ(Kind(c, TaskKind::kResultsNotice).due, D("2023-12-25"));  // Monday
  // The first task (plan, D-20): Saturday 18/11 → Friday 17/11.
  EXPECT_EQ(c.tasks.front().due, D("2023-11-17"));
}

TEST(ChecklistTest, Overdue) {
  ConferenceTask t;
  t.due = D("2023-12-01");
  EXPECT_FALSE(IsOverdue(t, D("2023-12-01")));
  EXPECT_TRUE(IsOverdue(t, D("2023-12-02")));
  t.done_on = D("2023-12-04");
  EXPECT_FALSE(IsOverdue(t, D("2023-12-05")));
}

}  // namespace
}  // namespace doithoai
