#include "core/reports/petition_report.h"

#include <gtest/gtest.h>

#include "core/testing/calendar_fixtures.h"

namespace doithoai {
namespace {

using testing::D;

PetitionItem Item(const std::string& field, ItemStatus status, std::optional<Date> deadline) {
  PetitionItem item;
  item.number = 1;
  item.text = "x";
  item.field = field;
  item.status = status;
  item.deadline = deadline;
  return item;
}

Petition Raised(PetitionChannel channel, const char* received, std::vector<PetitionItem> items) {
  Petition p;
  p.channel = channel;
  p.received_on = D(received);
  int n = 0;
  for (PetitionItem& item : items) item.number = ++n;
  p.items = std::move(items);
  return p;
}

void Answer(PetitionItem& item, const char* on, std::optional<bool> satisfied = std::nullopt) {
  item.answer = PetitionAnswer{"Đã trả lời", "", false, D(on), "Chủ tịch"};
  if (satisfied) item.rating = PetitionRating{*satisfied, "", Timestamp{}};
}

const char kLand[] = "dat-dai-moi-truong";
const char kRoads[] = "xay-dung-giao-thong-thuy-loi";

TEST(PetitionReportTest, CountsByFieldAndOutcomeAsOfTheReportDay) {
  // DLG-13 / Bảng 2: at the conference of 08/12/2023.
  PetitionItem in_room = Item(kRoads, ItemStatus::kAnswered, D("2023-12-20"));
  Answer(in_room, "2023-12-08", true);
  PetitionItem later_on_time = Item(kRoads, ItemStatus::kNotified, D("2023-12-28"));
  Answer(later_on_time, "2023-12-20", false);
  PetitionItem later_late = Item(kLand, ItemStatus::kClosed, D("2023-12-15"));
  Answer(later_late, "2023-12-22");
  const PetitionItem forwarded = Item(kLand, ItemStatus::kForwarded, std::nullopt);
  const PetitionItem overdue = Item(kLand, ItemStatus::kAssigned, D("2024-01-05"));
  const PetitionItem open = Item("", ItemStatus::kInProgress, D("2024-02-20"));
  const std::vector<Petition> petitions = {
      Raised(PetitionChannel::kConference, "2023-12-08", {in_room, later_on_time}),
      Raised(PetitionChannel::kConference, "2023-12-08", {later_late, forwarded}),
      Raised(PetitionChannel::kConference, "2023-12-08", {overdue, open}),
      // Outside the period: ignored.
      Raised(PetitionChannel::kOnline, "2023-11-01", {Item(kLand, ItemStatus::kReceived, {})}),
  };
  const ReportFigures r = ComputeReport(petitions, DefaultPetitionFields(), D("2023-12-08"),
                                        D("2023-12-08"), D("2024-01-10"));
  EXPECT_EQ(r.petitions, 3);
  EXPECT_EQ(r.totals.total, 6);
  EXPECT_EQ(r.totals.answered_in_room, 1);
  EXPECT_EQ(r.totals.forwarded, 1);
  EXPECT_EQ(r.totals.assigned_after, 4);
  EXPECT_EQ(r.totals.resolved, 3);
  EXPECT_EQ(r.totals.overdue, 1);
  EXPECT_EQ(r.totals.in_progress, 1);
  EXPECT_EQ(r.within_authority, 5);
  // On time: only items answered after the conference count (1 of 2).
  EXPECT_EQ(r.answered_with_deadline, 2);
  EXPECT_EQ(r.answered_on_time, 1);
  EXPECT_DOUBLE_EQ(r.OnTimeRate().value(), 0.5);
  EXPECT_EQ(r.rated, 2);
  EXPECT_DOUBLE_EQ(r.SatisfactionRate().value(), 0.5);
  // Every default field has a row, in order, and the unclassified item its own.
  ASSERT_EQ(r.by_field.size(), DefaultPetitionFields().size() + 1);
  EXPECT_EQ(r.by_field[0].field, kLand);
  EXPECT_EQ(r.by_field[0].total, 3);
  EXPECT_EQ(r.by_field[0].forwarded, 1);
  EXPECT_EQ(r.by_field[0].overdue, 1);
  EXPECT_EQ(r.by_field[1].field, kRoads);
  EXPECT_EQ(r.by_field[1].answered_in_room, 1);
  EXPECT_EQ(r.by_field.back().label, "chưa phân loại");
  EXPECT_EQ(r.by_field.back().in_progress, 1);
  int sum = 0;
  for (const FieldFigures& f : r.by_field) sum += f.total;
  EXPECT_EQ(sum, r.totals.total);
}

TEST(PetitionReportTest, AnEmptyPeriodHasNoRates) {
  const ReportFigures r =
      ComputeReport({}, DefaultPetitionFields(), D("2024-01-01"), D("2024-03-31"), D("2024-04-01"));
  EXPECT_EQ(r.totals.total, 0);
  EXPECT_FALSE(r.OnTimeRate().has_value());
  EXPECT_FALSE(r.SatisfactionRate().has_value());
  EXPECT_EQ(r.by_field.size(), DefaultPetitionFields().size());
}

TEST(PetitionReportTest, OnlyConferencePetitionsAnsweredThatDayCountAsInTheRoom) {
  PetitionItem same_day = Item(kRoads, ItemStatus::kAnswered, {});
  Answer(same_day, "2023-12-08");
  Petition online = Raised(PetitionChannel::kOnline, "2023-12-08", {same_day});
  Petition conference = Raised(PetitionChannel::kConference, "2023-12-08", {same_day});
  PetitionItem next_day = same_day;
  Answer(next_day, "2023-12-09");
  Petition later = Raised(PetitionChannel::kConference, "2023-12-08", {next_day});
  EXPECT_FALSE(AnsweredInRoom(online, online.items[0]));
  EXPECT_TRUE(AnsweredInRoom(conference, conference.items[0]));
  EXPECT_FALSE(AnsweredInRoom(later, later.items[0]));
}

}  // namespace
}  // namespace doithoai
