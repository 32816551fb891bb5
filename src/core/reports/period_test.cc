// Report periods (issue #7 §6, DLG-13): month, quarter, halves, nine months,
// year and explicit ranges, with their Vietnamese labels and errors.
#include "core/reports/period.h"

#include <gtest/gtest.h>

#include <string>

namespace doithoai {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

struct Case {
  const char* code;
  PeriodKind kind;
  const char* from;
  const char* to;
  const char* canonical;
  const char* label;
};

TEST(ReportPeriodTest, NamedPeriodsGiveTheirDaysAndLabels) {
  const Case cases[] = {
      {"2023-12", PeriodKind::kMonth, "2023-12-01", "2023-12-31", "2023-12", "tháng 12 năm 2023"},
      {"2024-2", PeriodKind::kMonth, "2024-02-01", "2024-02-29", "2024-02", "tháng 2 năm 2024"},
      {"2023-02", PeriodKind::kMonth, "2023-02-01", "2023-02-28", "2023-02", "tháng 2 năm 2023"},
      {"2023-Q4", PeriodKind::kQuarter, "2023-10-01", "2023-12-31", "2023-Q4", "quý IV năm 2023"},
      {"2023-q1", PeriodKind::kQuarter, "2023-01-01", "2023-03-31", "2023-Q1", "quý I năm 2023"},
      {"2023-Q3", PeriodKind::kQuarter, "2023-07-01", "2023-09-30", "2023-Q3", "quý III năm 2023"},
      {"2023-H1", PeriodKind::kFirstHalf, "2023-01-01", "2023-06-30", "2023-H1",
       "6 tháng đầu năm 2023"},
      {"2023-h2", PeriodKind::kSecondHalf, "2023-07-01", "2023-12-31", "2023-H2",
       "6 tháng cuối năm 2023"},
      {"2023-9M", PeriodKind::kNineMonths, "2023-01-01", "2023-09-30", "2023-9M",
       "9 tháng năm 2023"},
      {"2023", PeriodKind::kYear, "2023-01-01", "2023-12-31", "2023", "năm 2023"},
  };
  for (const Case& c : cases) {
    Result<ReportPeriod> p = ParsePeriod(c.code);
    ASSERT_TRUE(p.ok()) << c.code << ": " << p.error().message;
    EXPECT_EQ(p->kind, c.kind) << c.code;
    EXPECT_EQ(p->from, D(c.from)) << c.code;
    EXPECT_EQ(p->to, D(c.to)) << c.code;
    EXPECT_EQ(p->code, c.canonical) << c.code;
    EXPECT_EQ(p->label, c.label) << c.code;
    // The canonical code parses to the same period.
    Result<ReportPeriod> again = ParsePeriod(p->code);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->from, p->from);
    EXPECT_EQ(again->to, p->to);
  }
}

TEST(ReportPeriodTest, BadCodesAreRefusedInVietnamese) {
  for (const char* code :
       {"", "23", "0023", "2023-", "2023-13", "2023-0", "2023-Q5", "2023-Q0", "2023-H3", "2023-8M",
        "2023/12", "abcd", "2023-12-01", "2023-123", "20234"}) {
    Result<ReportPeriod> p = ParsePeriod(code);
    ASSERT_FALSE(p.ok()) << code;
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument) << code;
    ASSERT_EQ(p.error().fields.size(), 1u) << code;
    EXPECT_EQ(p.error().fields[0].field, "period");
    EXPECT_NE(p.error().fields[0].message.find("Kỳ báo cáo không hợp lệ"), std::string::npos)
        << p.error().fields[0].message;
  }
  EXPECT_NE(ParsePeriod("2023-13").error().fields[0].message.find("tháng phải từ 1 đến 12"),
            std::string::npos);
  EXPECT_NE(ParsePeriod("2023-Q5").error().fields[0].message.find("quý phải từ 1 đến 4"),
            std::string::npos);
}

TEST(ReportPeriodTest, ExplicitRangesAndEmptyPeriods) {
  Result<ReportPeriod> p = RangePeriod(D("2023-12-01"), D("2023-12-31"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->kind, PeriodKind::kRange);
  EXPECT_EQ(p->code, "");
  EXPECT_EQ(p->label, "từ 01/12/2023 đến 31/12/2023");
  // One day is a period; the day before the start is not.
  EXPECT_TRUE(RangePeriod(D("2023-12-08"), D("2023-12-08")).ok());
  Result<ReportPeriod> empty = RangePeriod(D("2023-12-31"), D("2023-12-01"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(empty.error().fields.size(), 1u);
  EXPECT_EQ(empty.error().fields[0].field, "to");
  EXPECT_EQ(empty.error().fields[0].message,
            "Ngày kết thúc không được trước ngày bắt đầu: kỳ từ 31/12/2023 đến 01/12/2023 "
            "không có ngày nào");
}

TEST(ReportPeriodTest, ParamsNameAPeriodOrARangeButNotBoth) {
  Result<ReportPeriod> quarter = PeriodFromParams("2023-Q4", "", "");
  ASSERT_TRUE(quarter.ok());
  EXPECT_EQ(quarter->label, "quý IV năm 2023");
  Result<ReportPeriod> range = PeriodFromParams("", "2023-12-01", "2023-12-31");
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(range->label, "từ 01/12/2023 đến 31/12/2023");
  struct Bad {
    const char* period;
    const char* from;
    const char* to;
    const char* field;
  };
  for (const Bad& b :
       {Bad{"", "", "", "period"}, Bad{"2023", "2023-01-01", "", "period"},
        Bad{"", "", "2023-12-31", "from"}, Bad{"", "2023-12-01", "", "to"},
        Bad{"", "2023-13-01", "2023-12-31", "from"}, Bad{"", "2023-12-01", "31/12/2023", "to"},
        Bad{"", "2023-12-31", "2023-12-01", "to"}}) {
    Result<ReportPeriod> p = PeriodFromParams(b.period, b.from, b.to);
    ASSERT_FALSE(p.ok()) << b.period << "|" << b.from << "|" << b.to;
    ASSERT_EQ(p.error().fields.size(), 1u);
    EXPECT_EQ(p.error().fields[0].field, b.field) << b.period << "|" << b.from << "|" << b.to;
  }
  EXPECT_EQ(PeriodFromParams("", "2023-13-01", "2023-12-31").error().fields[0].message,
            "Ngày bắt đầu không hợp lệ: “2023-13-01” (dạng YYYY-MM-DD, ví dụ 2023-12-08)");
}

TEST(ReportPeriodTest, MonthOfADay) {
  const ReportPeriod p = MonthOf(D("2026-11-02"));
  EXPECT_EQ(p.code, "2026-11");
  EXPECT_EQ(p.from, D("2026-11-01"));
  EXPECT_EQ(p.to, D("2026-11-30"));
  EXPECT_EQ(p.label, "tháng 11 năm 2026");
}

}  // namespace
}  // namespace doithoai
