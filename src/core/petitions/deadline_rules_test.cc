#include "core/petitions/deadline_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

#include "core/testing/calendar_fixtures.h"

namespace doithoai {
namespace {

using testing::D;

// Weekends, 01/01/2025 and Tết 2025 (27–31/01/2025 on weekdays; 25–26/01
// and 01–02/02 are weekends), as in data/calendar/vn_holidays.json.
WorkingCalendar TestCalendar() {
  return testing::WeekendCalendar("2024-01-01", "2026-12-31",
                                  {{"2025-01-01", "Tết Dương lịch"},
                                   {"2025-01-27", "Tết Nguyên đán"},
                                   {"2025-01-28", "Tết Nguyên đán"},
                                   {"2025-01-29", "Tết Nguyên đán"},
                                   {"2025-01-30", "Tết Nguyên đán"},
                                   {"2025-01-31", "Tết Nguyên đán"}});
}

PetitionDeadlineRule Rule(const char* id, PetitionClass c, std::string_view step, int days,
                          int remote_or_complex, int remote_and_complex, DayCount counting,
                          const char* effective_from) {
  PetitionDeadlineRule r;
  r.id = id;
  r.petition_class = c;
  r.step = std::string(step);
  r.days = days;
  r.days_remote_or_complex = remote_or_complex;
  r.days_remote_and_complex = remote_and_complex;
  r.counting = counting;
  r.legal_source = "Căn cứ thử nghiệm";
  r.effective_from = D(effective_from);
  return r;
}

// The pre-2026 numbers of domain.md §2.3–2.6 (as in
// data/petitions/deadline_rules.json).
std::vector<PetitionDeadlineRule> Rules() {
  using C = PetitionClass;
  const DayCount cal = DayCount::kCalendar;
  const DayCount work = DayCount::kWorking;
  return {
      Rule("KN-01", C::kComplaint, kStepFileLimit, 90, 0, 0, cal, "2012-07-01"),
      Rule("KN-02", C::kComplaint, kStepAccept, 10, 0, 0, cal, "2012-07-01"),
      Rule("KN-03", C::kComplaint, kStepResolve, 30, 45, 60, cal, "2012-07-01"),
      Rule("KN-04", C::kComplaint, kStepResolveSecond, 45, 60, 70, cal, "2012-07-01"),
      Rule("KN-05", C::kComplaint, kStepAppealLimit, 30, 45, 0, cal, "2012-07-01"),
      Rule("TC-01", C::kDenunciation, kStepInitialCheck, 7, 10, 0, work, "2019-01-01"),
      Rule("TC-02", C::kDenunciation, kStepForward, 5, 0, 0, work, "2019-01-01"),
      Rule("TC-03", C::kDenunciation, kStepResolve, 30, 0, 0, cal, "2019-01-01"),
      Rule("TC-04", C::kDenunciation, kStepExtend, 30, 0, 0, cal, "2019-01-01"),
      Rule("XLD-01", C::kProposal, kStepClassify, 10, 0, 0, work, "2021-10-01"),
      Rule("TCD-07", C::kProposal, kStepAnswer, 10, 0, 0, cal, "2014-07-01"),
      Rule("TCD-07", C::kReport, kStepAnswer, 10, 0, 0, cal, "2014-07-01"),
  };
}

struct Vector {
  const char* label;
  PetitionClass petition_class;
  std::string_view step;
  const char* start;
  DeadlineFactors factors;
  const char* due;
};

TEST(PetitionDeadlineTest, VectorsPerClass) {
  using C = PetitionClass;
  const DeadlineFactors plain;
  const DeadlineFactors remote{.remote_area = true, .complex = false};
  const DeadlineFactors complex{.remote_area = false, .complex = true};
  const DeadlineFactors both{.remote_area = true, .complex = true};
  const Vector vectors[] = {
      // KN-02: 17/01 + 10 = 27/01, inside Tết; DAY-01 moves it past Tết
      // and the weekend to Monday 03/02.
      {"KN-02 across Tết", C::kComplaint, kStepAccept, "2025-01-17", plain, "2025-02-03"},
      {"KN-02 plain", C::kComplaint, kStepAccept, "2025-03-03", plain, "2025-03-13"},
      {"KN-02 ends on Saturday", C::kComplaint, kStepAccept, "2025-03-05", plain, "2025-03-17"},
      // KN-03 from acceptance: 30 / 45 remote or complex / 60 both.
      {"KN-03", C::kComplaint, kStepResolve, "2025-03-03", plain, "2025-04-02"},
      {"KN-03 remote", C::kComplaint, kStepResolve, "2025-03-03", remote, "2025-04-17"},
      {"KN-03 complex", C::kComplaint, kStepResolve, "2025-03-03", complex, "2025-04-17"},
      {"KN-03 remote+complex", C::kComplaint, kStepResolve, "2025-03-03", both, "2025-05-02"},
      {"KN-04 remote+complex", C::kComplaint, kStepResolveSecond, "2025-03-03", both, "2025-05-12"},
      // KN-05: remote 45; "both" falls back to the remote value (no third).
      {"KN-05", C::kComplaint, kStepAppealLimit, "2025-03-03", plain, "2025-04-02"},
      {"KN-05 remote", C::kComplaint, kStepAppealLimit, "2025-03-03", remote, "2025-04-17"},
      {"KN-05 both", C::kComplaint, kStepAppealLimit, "2025-03-03", both, "2025-04-17"},
      // TC-01 in working days: 23, 24/01, then Tết and a weekend, 03–07/02.
      {"TC-01 across Tết", C::kDenunciation, kStepInitialCheck, "2025-01-22", plain, "2025-02-07"},
      {"TC-01 several places", C::kDenunciation, kStepInitialCheck, "2025-01-22", complex,
       "2025-02-12"},
      {"TC-02", C::kDenunciation, kStepForward, "2025-03-03", plain, "2025-03-10"},
      {"TC-03", C::kDenunciation, kStepResolve, "2025-03-03", plain, "2025-04-02"},
      {"TC-04 from the resolve deadline", C::kDenunciation, kStepExtend, "2025-04-02", plain,
       "2025-05-02"},
      // XLD-01 (working) vs TCD-07 (calendar) from the same receipt in Tết.
      {"XLD-01 across Tết", C::kProposal, kStepClassify, "2025-01-20", plain, "2025-02-10"},
      {"TCD-07 proposal across Tết", C::kProposal, kStepAnswer, "2025-01-20", plain, "2025-02-03"},
      {"TCD-07 report", C::kReport, kStepAnswer, "2025-03-03", plain, "2025-03-13"},
      {"TCD-07 report remote: no longer limit", C::kReport, kStepAnswer, "2025-03-03", remote,
       "2025-03-13"},
  };
  const WorkingCalendar calendar = TestCalendar();
  const std::vector<PetitionDeadlineRule> rules = Rules();
  ASSERT_TRUE(ValidatePetitionDeadlineRules(rules).ok());
  for (const Vector& v : vectors) {
    Result<Date> due =
        PetitionDeadline(calendar, rules, v.petition_class, v.step, D(v.start), v.factors);
    ASSERT_TRUE(due.ok()) << v.label << ": " << due.error().message;
    EXPECT_EQ(*due, D(v.due)) << v.label;
  }
}

TEST(PetitionDeadlineTest, BoolOverloadUsesRemoteOrComplexLimit) {
  const WorkingCalendar calendar = TestCalendar();
  const std::vector<PetitionDeadlineRule> rules = Rules();
  EXPECT_EQ(PetitionDeadline(calendar, rules, PetitionClass::kComplaint, kStepResolve,
                             D("2025-03-03"), false)
                .value(),
            D("2025-04-02"));
  EXPECT_EQ(PetitionDeadline(calendar, rules, PetitionClass::kComplaint, kStepResolve,
                             D("2025-03-03"), true)
                .value(),
            D("2025-04-17"));
}

// DAY-02: the same n gives different ends in calendar and working days.
TEST(PetitionDeadlineTest, CalendarVersusWorkingCounting) {
  const WorkingCalendar calendar = TestCalendar();
  std::vector<PetitionDeadlineRule> rules = {
      Rule("X", PetitionClass::kReport, kStepAnswer, 10, 0, 0, DayCount::kCalendar, "2020-01-01")};
  const Date start = D("2025-03-03");  // Monday
  EXPECT_EQ(
      PetitionDeadline(calendar, rules, PetitionClass::kReport, kStepAnswer, start, false).value(),
      D("2025-03-13"));
  rules[0].counting = DayCount::kWorking;
  EXPECT_EQ(
      PetitionDeadline(calendar, rules, PetitionClass::kReport, kStepAnswer, start, false).value(),
      D("2025-03-17"));
}

TEST(PetitionDeadlineTest, RuleChoiceByDate) {
  std::vector<PetitionDeadlineRule> rules = Rules();
  // A hypothetical later version (Law 136/2025 from 01/7/2026; the real
  // numbers are not known, 15 is a test value only).
  rules.push_back(Rule("KN-02-2026", PetitionClass::kComplaint, kStepAccept, 15, 0, 0,
                       DayCount::kWorking, "2026-07-01"));
  ASSERT_TRUE(ValidatePetitionDeadlineRules(rules).ok());

  Result<PetitionDeadlineRule> before =
      RuleFor(rules, PetitionClass::kComplaint, kStepAccept, D("2026-06-30"));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->id, "KN-02");
  EXPECT_EQ(before->days, 10);
  Result<PetitionDeadlineRule> on =
      RuleFor(rules, PetitionClass::kComplaint, kStepAccept, D("2026-07-01"));
  ASSERT_TRUE(on.ok());
  EXPECT_EQ(on->id, "KN-02-2026");
  // The order of the table does not matter.
  std::reverse(rules.begin(), rules.end());
  EXPECT_EQ(RuleFor(rules, PetitionClass::kComplaint, kStepAccept, D("2027-01-01"))->id,
            "KN-02-2026");
  // Same step name, other class: TC-03, not KN-03.
  EXPECT_EQ(RuleFor(rules, PetitionClass::kDenunciation, kStepResolve, D("2025-01-01"))->id,
            "TC-03");
}

TEST(PetitionDeadlineTest, RuleForNotFound) {
  const std::vector<PetitionDeadlineRule> rules = Rules();
  // Before the Law on Denunciations 2018 took effect.
  Result<PetitionDeadlineRule> early =
      RuleFor(rules, PetitionClass::kDenunciation, kStepResolve, D("2018-12-31"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kNotFound);
  EXPECT_NE(early.error().message.find("có hiệu lực vào ngày 31/12/2018"), std::string::npos)
      << early.error().message;
  // A step the class does not have.
  Result<PetitionDeadlineRule> none =
      RuleFor(rules, PetitionClass::kReport, kStepAccept, D("2025-01-01"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  EXPECT_NE(none.error().message.find("bước \"thụ lý\" của loại đơn Phản ánh"), std::string::npos)
      << none.error().message;
  // PetitionDeadline passes the error on.
  Result<Date> due = PetitionDeadline(TestCalendar(), rules, PetitionClass::kReport, "unknown",
                                      D("2025-01-01"), false);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code, ErrorCode::kNotFound);
}

TEST(PetitionDeadlineTest, ValidationErrors) {
  const PetitionDeadlineRule good = Rule("KN-03", PetitionClass::kComplaint, kStepResolve, 30, 45,
                                         60, DayCount::kCalendar, "2012-07-01");
  EXPECT_TRUE(ValidatePetitionDeadlineRule(good).ok());

  struct Case {
    const char* label;
    void (*edit)(PetitionDeadlineRule&);
    const char* message_part;
  };
  const Case cases[] = {
      {"no id", [](PetitionDeadlineRule& r) { r.id.clear(); }, "thiếu mã"},
      {"no step", [](PetitionDeadlineRule& r) { r.step.clear(); }, "mã bước"},
      {"bad step", [](PetitionDeadlineRule& r) { r.step = "Thụ lý"; }, "mã bước"},
      {"no source", [](PetitionDeadlineRule& r) { r.legal_source.clear(); }, "căn cứ pháp lý"},
      {"zero days", [](PetitionDeadlineRule& r) { r.days = 0; }, "lớn hơn 0"},
      {"negative days", [](PetitionDeadlineRule& r) { r.days = -1; }, "lớn hơn 0"},
      {"remote shorter", [](PetitionDeadlineRule& r) { r.days_remote_or_complex = 20; },
       "vùng sâu, vùng xa hoặc vụ việc phức tạp"},
      {"remote negative", [](PetitionDeadlineRule& r) { r.days_remote_or_complex = -5; },
       "vùng sâu, vùng xa hoặc vụ việc phức tạp"},
      {"both shorter", [](PetitionDeadlineRule& r) { r.days_remote_and_complex = 40; },
       "vụ việc phức tạp ở vùng sâu"},
  };
  for (const Case& c : cases) {
    PetitionDeadlineRule rule = good;
    c.edit(rule);
    Status status = ValidatePetitionDeadlineRule(rule);
    ASSERT_FALSE(status.ok()) << c.label;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument) << c.label;
    EXPECT_NE(status.error().message.find(c.message_part), std::string::npos)
        << c.label << ": " << status.error().message;
  }

  // 0 means "same as the shorter limit" and is valid.
  PetitionDeadlineRule zeros = good;
  zeros.days_remote_or_complex = 0;
  zeros.days_remote_and_complex = 0;
  EXPECT_TRUE(ValidatePetitionDeadlineRule(zeros).ok());
  EXPECT_EQ(DaysFor(zeros, {.remote_area = true, .complex = true}), 30);

  // Duplicate class + step + effective date; same id for another class is fine.
  std::vector<PetitionDeadlineRule> rules = Rules();
  rules.push_back(Rule("KN-03b", PetitionClass::kComplaint, kStepResolve, 31, 0, 0,
                       DayCount::kCalendar, "2012-07-01"));
  Status dup = ValidatePetitionDeadlineRules(rules);
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.error().message.find("trùng loại đơn, bước và ngày hiệu lực 01/07/2012"),
            std::string::npos)
      << dup.error().message;
  rules.pop_back();
  rules[0].days = 0;
  EXPECT_FALSE(ValidatePetitionDeadlineRules(rules).ok());
}

TEST(PetitionDeadlineTest, DefaultStepsAndLabels) {
  EXPECT_EQ(DefaultStep(PetitionClass::kComplaint), "accept");
  EXPECT_EQ(DefaultStep(PetitionClass::kDenunciation), "initial_check");
  EXPECT_EQ(DefaultStep(PetitionClass::kProposal), "answer");
  EXPECT_EQ(DefaultStep(PetitionClass::kReport), "answer");
  // Every class has a rule for its default step in the pre-2026 table.
  const std::vector<PetitionDeadlineRule> rules = Rules();
  for (PetitionClass c : kAllPetitionClasses) {
    EXPECT_TRUE(RuleFor(rules, c, DefaultStep(c), D("2025-01-01")).ok()) << PetitionClassCode(c);
  }
  EXPECT_EQ(StepLabel("accept"), "thụ lý");
  EXPECT_EQ(StepLabel("resolve"), "giải quyết");
  EXPECT_EQ(StepLabel("something_else"), "something_else");
}

}  // namespace
}  // namespace doithoai
