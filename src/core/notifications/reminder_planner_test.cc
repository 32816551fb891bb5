#include "core/notifications/reminder_planner.h"

#include <gtest/gtest.h>

#include "core/testing/calendar_fixtures.h"

namespace doithoai {
namespace {

using testing::D;

// Tết 2027: 05/02–11/02 (Fri–Thu) as holidays, weekends off.
WorkingCalendar Calendar() {
  return testing::WeekendCalendar("2026-01-01", "2027-12-31",
                                  {{"2027-02-05", "Tết"},
                                   {"2027-02-08", "Tết"},
                                   {"2027-02-09", "Tết"},
                                   {"2027-02-10", "Tết"},
                                   {"2027-02-11", "Tết"}});
}

std::vector<Official> Officials() {
  Official chair;
  chair.id = OfficialId{1};
  chair.full_name = "Lê Văn Chủ";
  chair.position = "Chủ tịch UBND xã";
  Official land1;
  land1.id = OfficialId{2};
  land1.full_name = "Nguyễn Địa";
  land1.unit_id = UnitId{3};
  Official land2;
  land2.id = OfficialId{3};
  land2.full_name = "Trần Chính";
  land2.unit_id = UnitId{3};
  return {chair, land1, land2};
}

Petition PetitionDue(int64_t id, const char* deadline, std::optional<OfficialId> official) {
  Petition p;
  p.id = PetitionId{id};
  p.code = "HT-26-000" + std::to_string(id) + "-K";
  PetitionItem item;
  item.number = 1;
  item.text = "Đường hỏng";
  item.status = ItemStatus::kAssigned;
  item.unit_id = UnitId{3};
  item.official_id = official;
  item.field = "xay-dung-giao-thong-thuy-loi";
  item.deadline = D(deadline);
  p.items.push_back(item);
  return p;
}

ReminderPolicy Policy() {
  ReminderPolicy policy;
  policy.due_soon_days = 3;
  policy.escalate_after_days = 5;
  return policy;
}

TEST(ReminderPlannerTest, NothingIsPlannedOnASundayOrATetDay) {
  const WorkingCalendar cal = Calendar();
  const std::vector<Petition> petitions = {PetitionDue(1, "2026-11-30", OfficialId{2}),
                                           PetitionDue(2, "2027-02-04", OfficialId{2})};
  // DAY-01/DAY-02: Sunday 29/11/2026 and Tết (Tuesday 09/02/2027) are not working days.
  EXPECT_TRUE(PlanReminders(petitions, D("2026-11-29"), cal, Policy(), Officials()).empty());
  EXPECT_TRUE(PlanReminders(petitions, D("2027-02-09"), cal, Policy(), Officials()).empty());
  // The Friday before: the Monday deadline is one working day away.
  const auto friday = PlanReminders(petitions, D("2026-11-27"), cal, Policy(), Officials());
  ASSERT_EQ(friday.size(), 1u);
  EXPECT_EQ(friday[0].kind, ReminderKind::kDueSoon);
  EXPECT_EQ(friday[0].working_days, 1);
}

TEST(ReminderPlannerTest, DueSoonCountsWorkingDaysAcrossTet) {
  const WorkingCalendar cal = Calendar();
  // Deadline Friday 12/02/2027, planned on Thursday 04/02: the Tết days in
  // between are not counted, so it is 1 working day away (due soon), though
  // 8 calendar days.
  const auto r = PlanReminders({PetitionDue(1, "2027-02-12", OfficialId{2})}, D("2027-02-04"), cal,
                               Policy(), Officials());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, ReminderKind::kDueSoon);
  EXPECT_EQ(r[0].working_days, 1);
}

TEST(ReminderPlannerTest, OverdueCountsWorkingDaysAndEscalatesToTheChairman) {
  const WorkingCalendar cal = Calendar();
  const Petition p = PetitionDue(1, "2026-11-16", OfficialId{2});  // a Monday
  // Friday 20/11: 4 working days overdue, no escalation yet.
  auto r = PlanReminders({p}, D("2026-11-20"), cal, Policy(), Officials());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, ReminderKind::kOverdue);
  EXPECT_EQ(r[0].working_days, 4);
  // Monday 23/11: 5 working days (the weekend is not counted): escalate.
  r = PlanReminders({p}, D("2026-11-23"), cal, Policy(), Officials());
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].kind, ReminderKind::kEscalation);
  EXPECT_EQ(r[1].recipients, std::vector<OfficialId>{OfficialId{1}});
}

TEST(ReminderPlannerTest, WithoutAnOfficialTheWholeUnitIsReminded) {
  const auto r = PlanReminders({PetitionDue(1, "2026-11-30", std::nullopt)}, D("2026-11-27"),
                               Calendar(), Policy(), Officials());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].recipients, (std::vector<OfficialId>{OfficialId{2}, OfficialId{3}}));
}

TEST(ReminderPlannerTest, AnsweredItemsAndFarDeadlinesAreNotReminded) {
  Petition answered = PetitionDue(1, "2026-11-30", OfficialId{2});
  answered.items[0].status = ItemStatus::kAnswered;
  const Petition far = PetitionDue(2, "2026-12-31", OfficialId{2});
  EXPECT_TRUE(
      PlanReminders({answered, far}, D("2026-11-27"), Calendar(), Policy(), Officials()).empty());
}

TEST(ReminderPlannerTest, ConfiguredChairmanWinsOverThePosition) {
  EXPECT_EQ(ChairmanOf(Officials(), std::nullopt), OfficialId{1});
  EXPECT_EQ(ChairmanOf(Officials(), OfficialId{3}), OfficialId{3});
  EXPECT_EQ(ChairmanOf({}, std::nullopt), std::nullopt);
}

TEST(ReminderPlannerTest, OneDigestPerOfficialOverdueFirst) {
  const WorkingCalendar cal = Calendar();
  const auto reminders = PlanReminders(
      {PetitionDue(1, "2026-12-01", OfficialId{2}), PetitionDue(2, "2026-11-20", OfficialId{2}),
       PetitionDue(3, "2026-11-25", std::nullopt)},
      D("2026-11-27"), cal, Policy(), Officials());
  const std::vector<Digest> digests = GroupDigests(reminders);
  ASSERT_EQ(digests.size(), 2u);  // officials 2 and 3
  EXPECT_EQ(digests[0].official_id, OfficialId{2});
  ASSERT_EQ(digests[0].items.size(), 3u);
  EXPECT_EQ(digests[0].items[0].code, "HT-26-0002-K");  // 5 working days overdue
  EXPECT_EQ(digests[0].items[1].code, "HT-26-0003-K");  // 2 days overdue
  EXPECT_EQ(digests[0].items[2].code, "HT-26-0001-K");  // due soon
  EXPECT_EQ(digests[1].official_id, OfficialId{3});
  EXPECT_EQ(digests[1].items.size(), 1u);
}

TEST(ReminderPlannerTest, ChecksumChangesWithDeadlineStatusOrAssignee) {
  PetitionItem item = PetitionDue(1, "2026-11-30", OfficialId{2}).items[0];
  const std::string before = ItemChecksum(item);
  PetitionItem extended = item;
  extended.deadline = D("2026-12-30");
  PetitionItem answered = item;
  answered.status = ItemStatus::kAnswered;
  PetitionItem reassigned = item;
  reassigned.official_id = OfficialId{3};
  EXPECT_NE(ItemChecksum(extended), before);
  EXPECT_NE(ItemChecksum(answered), before);
  EXPECT_NE(ItemChecksum(reassigned), before);
  EXPECT_EQ(ItemChecksum(item), before);
}

}  // namespace
}  // namespace doithoai
