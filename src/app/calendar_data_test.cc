#include "app/calendar_data.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace doithoai::app {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

class ShippedCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<WorkingCalendar> cal = LoadVietnamCalendar();
    ASSERT_TRUE(cal.ok()) << cal.error().message;
    calendar_.emplace(std::move(cal).value());
    Result<std::vector<RuleSet>> sets = LoadRuleSets();
    ASSERT_TRUE(sets.ok()) << sets.error().message;
    rule_sets_ = std::move(sets).value();
  }
  const WorkingCalendar& cal() const { return *calendar_; }

  std::optional<WorkingCalendar> calendar_;
  std::vector<RuleSet> rule_sets_;
};

TEST_F(ShippedCalendarTest, CoversThe2023To2027Span) {
  EXPECT_EQ(cal().covered_from(), D("2023-01-01"));
  EXPECT_EQ(cal().covered_to(), D("2027-12-31"));
}

// Statutory holidays (Labour Code 2019 Art. 112.1 [M]) with lunar dates
// resolved to solar dates per year.
TEST_F(ShippedCalendarTest, StatutoryHolidaysArePresentEveryYear) {
  const char* lunar_new_year[] = {"2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
                                  "2027-02-06"};
  const char* hung_kings[] = {"2023-04-29", "2024-04-18", "2025-04-07", "2026-04-26", "2027-04-16"};
  for (const char* iso : lunar_new_year) {
    const CalendarDay* day = cal().Find(D(iso));
    ASSERT_NE(day, nullptr) << iso;
    EXPECT_EQ(day->kind, CalendarDayKind::kHoliday) << iso;
    EXPECT_EQ(day->name, "Tết Nguyên đán") << iso;
  }
  for (const char* iso : hung_kings) {
    const CalendarDay* day = cal().Find(D(iso));
    ASSERT_NE(day, nullptr) << iso;
    EXPECT_EQ(day->name, "Giỗ Tổ Hùng Vương") << iso;
  }
  for (int year = 2023; year <= 2027; ++year) {
    for (auto [month, day] : {std::pair{1, 1}, {4, 30}, {5, 1}, {9, 2}}) {
      Date date = Date::FromYmd(year, month, day).value();
      const CalendarDay* found = cal().Find(date);
      ASSERT_NE(found, nullptr) << date;
      EXPECT_EQ(found->kind, CalendarDayKind::kHoliday) << date;
      EXPECT_FALSE(cal().IsWorkingDay(date)) << date;
    }
  }
  // Swapped working Saturdays (làm bù) [M].
  EXPECT_TRUE(cal().IsWorkingDay(D("2024-05-04")));
  EXPECT_TRUE(cal().IsWorkingDay(D("2025-04-26")));
}

struct NoticeVector {
  const char* label;
  const char* conference;
  const char* rule_set_id;
  const char* latest_notice;          // DLG-07: conference − notice_days_before
  const char* latest_notice_working;  // the last office day on or before it
  const char* results_due;            // DLG-08 + DAY-01
};

TEST_F(ShippedCalendarTest, ConferenceDeadlineVectors) {
  const NoticeVector vectors[] = {
      {"seed plan: xã Hoằng Trường 08/12/2023", "2023-12-08", "local-2023", "2023-12-01",
       "2023-12-01", "2023-12-18"},
      {"right after Tết 2024: D-7 inside Tết", "2024-02-15", "local-2023", "2024-02-08",
       "2024-02-07", "2024-02-26"},
      {"D-7 on Giỗ Tổ 2024", "2024-04-25", "local-2023", "2024-04-18", "2024-04-17", "2024-05-06"},
      {"D-7 on 30/4/2025; results across nothing", "2025-05-07", "lgo-2025-art24", "2025-04-30",
       "2025-04-29", "2025-05-19"},
      {"D-7 on a nghỉ bù day (4/9/2023)", "2023-09-11", "local-2023", "2023-09-04", "2023-08-31",
       "2023-09-21"},
      {"results +10 on Saturday 2/9/2023 then nghỉ bù 4/9", "2023-08-23", "local-2023",
       "2023-08-16", "2023-08-16", "2023-09-05"},
      {"results +10 on the swapped day 29/4/2024", "2024-04-19", "local-2023", "2024-04-12",
       "2024-04-12", "2024-05-02"},
      {"2025-08 conference under Law 72/2025 Art. 43; +10 on 1/9", "2025-08-22",
       "lgo-72-2025-art43", "2025-08-15", "2025-08-15", "2025-09-03"},
      {"D-7 on Tết 2026 (mùng 1)", "2026-02-24", "lgo-72-2025-art43", "2026-02-17", "2026-02-13",
       "2026-03-06"},
      {"D-7 on Giỗ Tổ 2027", "2027-04-23", "lgo-72-2025-art43", "2027-04-16", "2027-04-15",
       "2027-05-04"},
  };
  for (const NoticeVector& v : vectors) {
    Result<RuleSet> rules = RuleSetFor(rule_sets_, D(v.conference));
    ASSERT_TRUE(rules.ok()) << v.label;
    EXPECT_EQ(rules->id, v.rule_set_id) << v.label;
    Date latest = LatestNoticeDate(cal(), *rules, D(v.conference));
    EXPECT_EQ(latest, D(v.latest_notice)) << v.label;
    EXPECT_EQ(cal().LatestWorkingDayOnOrBefore(latest), D(v.latest_notice_working)) << v.label;
    EXPECT_EQ(ResultsNoticeDeadline(cal(), *rules, D(v.conference)), D(v.results_due)) << v.label;
  }
}

TEST_F(ShippedCalendarTest, WorkingDayDeadlinesSpanWeekendsAndHolidays) {
  EXPECT_EQ(cal().Deadline(D("2024-04-17"), 3, DayCount::kWorking), D("2024-04-23"));
  EXPECT_EQ(cal().Deadline(D("2024-04-26"), 5, DayCount::kWorking), D("2024-05-07"));
  EXPECT_EQ(cal().Deadline(D("2025-01-24"), 1, DayCount::kWorking), D("2025-02-03"));
  EXPECT_EQ(cal().Deadline(D("2023-01-19"), 1, DayCount::kWorking), D("2023-01-27"));
  EXPECT_EQ(cal().Deadline(D("2023-08-31"), 1, DayCount::kWorking), D("2023-09-05"));
}

TEST_F(ShippedCalendarTest, RuleSetsCarryTheDomainNumbers) {
  ASSERT_GE(rule_sets_.size(), 2u);
  Result<RuleSet> y2023 = RuleSetFor(rule_sets_, D("2023-12-08"));
  ASSERT_TRUE(y2023.ok());
  EXPECT_EQ(y2023->id, "local-2023");
  EXPECT_EQ(y2023->notice_days_before, 7);  // seed plan "chậm nhất trước 07 ngày"
  Result<RuleSet> y2025 = RuleSetFor(rule_sets_, D("2025-08-15"));
  ASSERT_TRUE(y2025.ok());
  EXPECT_EQ(y2025->id, "lgo-72-2025-art43");
  EXPECT_EQ(y2025->effective_from, D("2025-07-01"));
  EXPECT_EQ(y2025->notice_days_before, 7);            // DLG-07
  EXPECT_EQ(y2025->results_notice_days_after, 10);    // DLG-08
  EXPECT_EQ(y2025->posting_days, 30);                 // PUB-02
  EXPECT_EQ(y2025->loudspeaker_consecutive_days, 3);  // PUB-01
  EXPECT_EQ(y2025->counting, DayCount::kCalendar);    // DAY-02
  EXPECT_NE(y2025->legal_source.find("72/2025/QH15"), std::string::npos);
  EXPECT_EQ(RuleSetFor(rule_sets_, D("2023-06-30")).error().code, ErrorCode::kNotFound);
}

constexpr char kMinimalCalendar[] = R"({
  "weekly_rest_days": ["saturday", "sunday"],
  "covered_from": "2024-01-01", "covered_to": "2024-12-31",
  "days": [{"date": "2024-01-01", "kind": "holiday", "name": "Tết Dương lịch"}]
})";

TEST(CalendarDataParseTest, ParsesAMinimalCalendar) {
  Result<WorkingCalendar> cal = ParseWorkingCalendarJson(kMinimalCalendar);
  ASSERT_TRUE(cal.ok()) << cal.error().message;
  EXPECT_FALSE(cal->IsWorkingDay(D("2024-01-01")));
  EXPECT_TRUE(cal->IsWorkingDay(D("2024-01-02")));
}

TEST(CalendarDataParseTest, RejectsBadCalendars) {
  const char* bad[] = {
      "not json",
      "[]",
      R"({"weekly_rest_days": ["samedi"], "covered_from": "2024-01-01",
          "covered_to": "2024-12-31", "days": []})",
      R"({"weekly_rest_days": ["sunday"], "covered_from": "2024-13-01",
          "covered_to": "2024-12-31", "days": []})",
      R"({"weekly_rest_days": ["sunday"], "covered_from": "2024-01-01",
          "covered_to": "2024-12-31", "days": [{"date": "2024-01-01", "kind": "fiesta",
          "name": "x"}]})",
      R"({"weekly_rest_days": ["sunday"], "covered_from": "2024-01-01",
          "covered_to": "2024-12-31", "days": [{"date": "2024-01-01", "kind": "holiday"}]})",
      R"({"weekly_rest_days": ["sunday"], "covered_from": "2024-01-01",
          "covered_to": "2024-12-31", "days": [42]})",
      R"({"weekly_rest_days": "sunday", "covered_from": "2024-01-01",
          "covered_to": "2024-12-31", "days": []})",
  };
  for (const char* json : bad) {
    Result<WorkingCalendar> cal = ParseWorkingCalendarJson(json);
    ASSERT_FALSE(cal.ok()) << json;
    EXPECT_EQ(cal.error().code, ErrorCode::kInvalidArgument) << json;
  }
}

TEST(CalendarDataParseTest, RejectsBadRuleSets) {
  const std::string good_row = R"({"id": "a", "effective_from": "2025-07-01",
      "legal_source": "Luật", "notice_days_before": 7, "results_notice_days_after": 10,
      "posting_days": 30, "loudspeaker_consecutive_days": 3, "counting": "calendar"})";
  Result<std::vector<RuleSet>> ok = ParseRuleSetsJson(R"({"rule_sets": [)" + good_row + "]}");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->size(), 1u);

  auto with = [&](const std::string& from, const std::string& to) {
    std::string row = good_row;
    row.replace(row.find(from), from.size(), to);
    return R"({"rule_sets": [)" + row + "]}";
  };
  const std::string bad[] = {
      "{}",
      with(R"("counting": "calendar")", R"("counting": "lunar")"),
      with(R"("notice_days_before": 7)", R"("notice_days_before": "7")"),
      with(R"("notice_days_before": 7)", R"("notice_days_before": 0)"),
      with(R"("posting_days": 30)", R"("posting_days": 1e12)"),
      with(R"("effective_from": "2025-07-01")", R"("effective_from": "01/07/2025")"),
      with(R"("legal_source": "Luật")", R"("legal_source": "")"),
      R"({"rule_sets": [)" + good_row + "," + good_row + "]}",  // duplicate id
  };
  for (const std::string& json : bad) {
    Result<std::vector<RuleSet>> sets = ParseRuleSetsJson(json);
    ASSERT_FALSE(sets.ok()) << json;
    EXPECT_EQ(sets.error().code, ErrorCode::kInvalidArgument) << json;
  }
}

}  // namespace
}  // namespace doithoai::app
