#include "app/petition_rules_data.h"

#include <gtest/gtest.h>

#include <iterator>
#include <optional>
#include <string>
#include <utility>

#include "app/calendar_data.h"

namespace doithoai::app {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

// The embedded data/petitions/deadline_rules.json with the embedded
// data/calendar/vn_holidays.json.
class ShippedPetitionRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::vector<PetitionDeadlineRule>> rules = LoadPetitionRules();
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    rules_ = std::move(rules).value();
    Result<WorkingCalendar> cal = LoadVietnamCalendar();
    ASSERT_TRUE(cal.ok()) << cal.error().message;
    calendar_.emplace(std::move(cal).value());
  }
  const PetitionDeadlineRule& Rule(PetitionClass c, std::string_view step) {
    Result<PetitionDeadlineRule> rule = RuleFor(rules_, c, step, D("2025-06-01"));
    EXPECT_TRUE(rule.ok()) << step << ": " << (rule.ok() ? "" : rule.error().message);
    found_ = rule.ok() ? *rule : PetitionDeadlineRule{};
    return found_;
  }

  std::vector<PetitionDeadlineRule> rules_;
  std::optional<WorkingCalendar> calendar_;
  PetitionDeadlineRule found_;
};

// The numbers of domain.md §2.3–2.6, pre-2026.
TEST_F(ShippedPetitionRulesTest, CarriesTheDomainNumbers) {
  using C = PetitionClass;
  struct Row {
    C petition_class;
    std::string_view step;
    const char* id;
    int days, remote_or_complex, remote_and_complex;
    DayCount counting;
  };
  const DayCount cal = DayCount::kCalendar;
  const DayCount work = DayCount::kWorking;
  const Row rows[] = {
      {C::kComplaint, kStepFileLimit, "KN-01", 90, 0, 0, cal},
      {C::kComplaint, kStepAccept, "KN-02", 10, 0, 0, cal},
      {C::kComplaint, kStepResolve, "KN-03", 30, 45, 60, cal},
      {C::kComplaint, kStepResolveSecond, "KN-04", 45, 60, 70, cal},
      {C::kComplaint, kStepAppealLimit, "KN-05", 30, 45, 0, cal},
      {C::kComplaint, kStepAcceptSecond, "KN-06", 10, 0, 0, cal},
      {C::kComplaint, kStepClassify, "XLD-01", 10, 0, 0, work},
      {C::kDenunciation, kStepInitialCheck, "TC-01", 7, 10, 0, work},
      {C::kDenunciation, kStepForward, "TC-02", 5, 0, 0, work},
      {C::kDenunciation, kStepResolve, "TC-03", 30, 0, 0, cal},
      {C::kDenunciation, kStepExtend, "TC-04", 30, 0, 0, cal},
      {C::kProposal, kStepClassify, "XLD-01", 10, 0, 0, work},
      {C::kProposal, kStepAnswer, "TCD-07", 10, 0, 0, cal},
      {C::kReport, kStepClassify, "XLD-01", 10, 0, 0, work},
      {C::kReport, kStepAnswer, "TCD-07", 10, 0, 0, cal},
  };
  EXPECT_EQ(rules_.size(), std::size(rows));
  for (const Row& row : rows) {
    const PetitionDeadlineRule& rule = Rule(row.petition_class, row.step);
    EXPECT_EQ(rule.id, row.id) << row.step;
    EXPECT_EQ(rule.days, row.days) << row.id;
    EXPECT_EQ(rule.days_remote_or_complex, row.remote_or_complex) << row.id;
    EXPECT_EQ(rule.days_remote_and_complex, row.remote_and_complex) << row.id;
    EXPECT_EQ(rule.counting, row.counting) << row.id;
    EXPECT_FALSE(rule.legal_source.empty()) << row.id;
  }
  for (PetitionClass c : kAllPetitionClasses) {
    EXPECT_TRUE(RuleFor(rules_, c, DefaultStep(c), D("2025-06-01")).ok()) << PetitionClassCode(c);
  }
  // Unverified values say so (domain.md tag [M]).
  EXPECT_NE(Rule(PetitionClass::kReport, kStepAnswer).note.find("[M"), std::string::npos);
  EXPECT_NE(Rule(PetitionClass::kDenunciation, kStepInitialCheck).note.find("[M]"),
            std::string::npos);
}

// Law 136/2025/QH15 takes effect 01/7/2026 but its numbers are unknown
// (domain.md §2.1): no row may claim them, and the old rules keep applying.
TEST_F(ShippedPetitionRulesTest, NoInventedLaw136Rows) {
  for (const PetitionDeadlineRule& rule : rules_) {
    EXPECT_LT(rule.effective_from, D("2026-07-01")) << rule.id;
  }
  Result<PetitionDeadlineRule> rule =
      RuleFor(rules_, PetitionClass::kComplaint, kStepAccept, D("2026-07-15"));
  ASSERT_TRUE(rule.ok());
  EXPECT_EQ(rule->id, "KN-02");
  EXPECT_EQ(rule->effective_from, D("2012-07-01"));
  // Before the Law on Denunciations 2018 took effect there is no TC rule.
  EXPECT_FALSE(RuleFor(rules_, PetitionClass::kDenunciation, kStepResolve, D("2018-12-31")).ok());
}

// Tết 2026 (14–22/02/2026) from the shipped calendar.
TEST_F(ShippedPetitionRulesTest, DeadlinesAcrossTet2026) {
  using C = PetitionClass;
  // KN-02: 06/02 + 10 = 16/02 (Tết) → Monday 23/02.
  EXPECT_EQ(PetitionDeadline(*calendar_, rules_, C::kComplaint, kStepAccept, D("2026-02-06"), false)
                .value(),
            D("2026-02-23"));
  // TC-01: 7 working days from Wed 11/02: 12, 13/02, then 23–27/02.
  EXPECT_EQ(PetitionDeadline(*calendar_, rules_, C::kDenunciation, kStepInitialCheck,
                             D("2026-02-11"), false)
                .value(),
            D("2026-02-27"));
  // KN-03 remote area (45 days) from acceptance on Mon 02/03/2026 → Thu 16/04.
  EXPECT_EQ(PetitionDeadline(*calendar_, rules_, C::kComplaint, kStepResolve, D("2026-03-02"),
                             DeadlineFactors{.remote_area = true, .complex = false})
                .value(),
            D("2026-04-16"));
}

constexpr char kGoodRow[] =
    R"({"id": "KN-02", "class": "complaint", "step": "accept", "days": 10,
        "counting": "calendar", "effective_from": "2012-07-01", "legal_source": "Luật Khiếu nại"})";

TEST(PetitionRulesParseTest, ParsesAMinimalRow) {
  Result<std::vector<PetitionDeadlineRule>> rules =
      ParsePetitionRulesJson(std::string(R"({"rules": [)") + kGoodRow + "]}");
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  ASSERT_EQ(rules->size(), 1u);
  const PetitionDeadlineRule& r = rules->front();
  EXPECT_EQ(r.id, "KN-02");
  EXPECT_EQ(r.petition_class, PetitionClass::kComplaint);
  EXPECT_EQ(r.step, "accept");
  EXPECT_EQ(r.days, 10);
  EXPECT_EQ(r.days_remote_or_complex, 0);
  EXPECT_EQ(r.days_remote_and_complex, 0);
  EXPECT_EQ(r.counting, DayCount::kCalendar);
  EXPECT_EQ(r.effective_from, D("2012-07-01"));
  EXPECT_EQ(r.legal_source, "Luật Khiếu nại");
  EXPECT_TRUE(r.note.empty());
}

TEST(PetitionRulesParseTest, RejectsBadInputWithVietnameseMessages) {
  struct Case {
    std::string json;
    const char* message_part;
  };
  auto row = [](const std::string& edit) {
    // kGoodRow with one key replaced or added (edit is `"key": value`).
    return std::string(R"({"rules": [{)") + edit +
           R"(, "id": "KN-02", "class": "complaint", "step": "accept", "days": 10,
               "counting": "calendar", "effective_from": "2012-07-01",
               "legal_source": "Luật Khiếu nại"}]})";
  };
  const Case cases[] = {
      {"", "không phải đối tượng JSON"},
      {"not json", "không phải đối tượng JSON"},
      {"[1, 2]", "không phải đối tượng JSON"},
      {R"({"rules": {}})", "thiếu danh sách \"rules\""},
      {R"({"rule": []})", "thiếu danh sách \"rules\""},
      {R"({"rules": [42]})", "rules[0]): phải là đối tượng"},
      {R"({"rules": [{"class": "complaint"}]})", "thiếu trường chuỗi \"id\""},
      {row(R"("days_remote_or_complex": 4.5)"), "\"days_remote_or_complex\" phải là số nguyên"},
      {row(R"("days_remote_and_complex": -1)"), "ngoài khoảng cho phép"},
      {row(R"("note": 3)"), "\"note\" phải là chuỗi"},
  };
  for (const Case& c : cases) {
    Result<std::vector<PetitionDeadlineRule>> rules = ParsePetitionRulesJson(c.json);
    ASSERT_FALSE(rules.ok()) << c.json;
    EXPECT_EQ(rules.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(rules.error().message.find(c.message_part), std::string::npos)
        << c.json << " → " << rules.error().message;
    EXPECT_EQ(rules.error().message.rfind("Dữ liệu thời hạn xử lý đơn không hợp lệ", 0), 0u)
        << rules.error().message;
  }
}

TEST(PetitionRulesParseTest, RejectsBadValues) {
  auto with = [](const std::string& from, const std::string& to) {
    std::string row = kGoodRow;
    row.replace(row.find(from), from.size(), to);
    return std::string(R"({"rules": [)") + row + "]}";
  };
  struct Case {
    std::string json;
    const char* message_part;
  };
  const Case cases[] = {
      {with(R"("complaint")", R"("kiện")"), "Phân loại đơn"},
      {with(R"("calendar")", R"("weekly")"), "rules[0]"},
      {with(R"("2012-07-01")", R"("01/07/2012")"), "rules[0]"},
      {with(R"("days": 10)", R"("days": 0)"), "số ngày phải lớn hơn 0"},
      {with(R"("days": 10)", R"("days": "10")"), "\"days\" phải là số nguyên"},
      {with(R"("days": 10)", R"("day": 10)"), "thiếu trường số nguyên \"days\""},
      {with(R"("accept")", R"("Thụ lý")"), "mã bước"},
      {with(R"("Luật Khiếu nại")", R"("")"), "thiếu trường chuỗi \"legal_source\""},
  };
  for (const Case& c : cases) {
    Result<std::vector<PetitionDeadlineRule>> rules = ParsePetitionRulesJson(c.json);
    ASSERT_FALSE(rules.ok()) << c.json;
    EXPECT_EQ(rules.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(rules.error().message.find(c.message_part), std::string::npos)
        << c.json << " → " << rules.error().message;
  }
  // Two rows with the same class, step and date.
  Result<std::vector<PetitionDeadlineRule>> dup =
      ParsePetitionRulesJson(std::string(R"({"rules": [)") + kGoodRow + "," + kGoodRow + "]}");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.error().message.find("trùng"), std::string::npos) << dup.error().message;
}

}  // namespace
}  // namespace doithoai::app
