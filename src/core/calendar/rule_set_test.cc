#include "core/calendar/rule_set.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

// Mirrors data/calendar/rule_sets.json (numbers are data, DLG-07/DLG-08,
// PUB-01/PUB-02; the shipped file is tested in app/calendar_data_test.cc).
RuleSet MakeRuleSet(const char* id, const char* from, int notice, int results) {
  RuleSet r;
  r.id = id;
  r.effective_from = D(from);
  r.legal_source = std::string("căn cứ ") + id;
  r.notice_days_before = notice;
  r.results_notice_days_after = results;
  r.posting_days = 30;
  r.loudspeaker_consecutive_days = 3;
  r.counting = DayCount::kCalendar;
  return r;
}

std::vector<RuleSet> TestRuleSets() {
  // Deliberately out of order: selection must not depend on it.
  return {MakeRuleSet("lgo-72-2025-art43", "2025-07-01", 7, 10),
          MakeRuleSet("local-2023", "2023-07-01", 7, 10),
          MakeRuleSet("lgo-2025-art24", "2025-03-01", 7, 10)};
}

struct PickVector {
  const char* conference;
  const char* expected_id;
};

TEST(RuleSetTest, RuleSetForPicksTheLatestInForce) {
  const PickVector vectors[] = {
      {"2023-12-08", "local-2023"},  // the seed plan
      {"2023-07-01", "local-2023"},  // first day in force
      {"2025-02-28", "local-2023"},        {"2025-03-01", "lgo-2025-art24"},
      {"2025-06-30", "lgo-2025-art24"},    {"2025-07-01", "lgo-72-2025-art43"},
      {"2025-08-15", "lgo-72-2025-art43"}, {"2027-12-31", "lgo-72-2025-art43"},
  };
  std::vector<RuleSet> sets = TestRuleSets();
  for (const PickVector& v : vectors) {
    Result<RuleSet> r = RuleSetFor(sets, D(v.conference));
    ASSERT_TRUE(r.ok()) << v.conference;
    EXPECT_EQ(r->id, v.expected_id) << v.conference;
  }
}

TEST(RuleSetTest, NoRuleSetBeforeTheFirst) {
  Result<RuleSet> r = RuleSetFor(TestRuleSets(), D("2023-06-30"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_NE(r.error().message.find("30/06/2023"), std::string::npos);
  EXPECT_NE(r.error().message.find("Chưa có bộ quy tắc"), std::string::npos);
  EXPECT_FALSE(RuleSetFor({}, D("2025-08-15")).ok());
}

TEST(RuleSetTest, Validation) {
  EXPECT_TRUE(ValidateRuleSets(TestRuleSets()).ok());
  RuleSet r = MakeRuleSet("x", "2025-07-01", 7, 10);
  r.notice_days_before = 0;
  EXPECT_FALSE(ValidateRuleSet(r).ok());
  r = MakeRuleSet("x", "2025-07-01", 7, 0);
  EXPECT_FALSE(ValidateRuleSet(r).ok());
  r = MakeRuleSet("x", "2025-07-01", 7, 10);
  r.posting_days = 0;
  EXPECT_FALSE(ValidateRuleSet(r).ok());
  r = MakeRuleSet("x", "2025-07-01", 7, 10);
  r.loudspeaker_consecutive_days = -1;
  EXPECT_FALSE(ValidateRuleSet(r).ok());
  r = MakeRuleSet("x", "2025-07-01", 7, 10);
  r.legal_source.clear();
  EXPECT_FALSE(ValidateRuleSet(r).ok());
  r.id.clear();
  EXPECT_EQ(ValidateRuleSet(r).error().code, ErrorCode::kInvalidArgument);

  std::vector<RuleSet> dup_id = TestRuleSets();
  dup_id.push_back(MakeRuleSet("local-2023", "2024-01-01", 7, 10));
  EXPECT_FALSE(ValidateRuleSets(dup_id).ok());
  std::vector<RuleSet> dup_date = TestRuleSets();
  dup_date.push_back(MakeRuleSet("other", "2025-07-01", 7, 10));
  EXPECT_FALSE(ValidateRuleSets(dup_date).ok());
}

TEST(RuleSetTest, NoticeAndResultsDatesUseTheRuleSetNumbers) {
  WorkingCalendarData data;
  data.weekly_rest_days = {std::chrono::Saturday, std::chrono::Sunday};
  data.covered_from = D("2025-01-01");
  data.covered_to = D("2025-12-31");
  data.days = {{D("2025-09-01"), CalendarDayKind::kHoliday, "Quốc khánh (ngày liền kề)"},
               {D("2025-09-02"), CalendarDayKind::kHoliday, "Quốc khánh"}};
  WorkingCalendar cal = WorkingCalendar::Create(data).value();
  RuleSet rules = RuleSetFor(TestRuleSets(), D("2025-08-22")).value();
  // DLG-07: notice by 15/08/2025; DLG-08 + DAY-01: 01/09 is a holiday, so
  // the results notice is due 03/09/2025.
  EXPECT_EQ(LatestNoticeDate(cal, rules, D("2025-08-22")), D("2025-08-15"));
  EXPECT_EQ(ResultsNoticeDeadline(cal, rules, D("2025-08-22")), D("2025-09-03"));
  // A future rule set in working days would be honoured (DAY-02).
  rules.counting = DayCount::kWorking;
  rules.notice_days_before = 5;
  EXPECT_EQ(LatestNoticeDate(cal, rules, D("2025-08-22")), D("2025-08-15"));
  EXPECT_EQ(ResultsNoticeDeadline(cal, rules, D("2025-08-22")), D("2025-09-09"));
}

}  // namespace
}  // namespace doithoai
