#include "core/calendar/date.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

TEST(DateTest, ParsesAndFormatsIso) {
  Result<Date> d = Date::Parse("2023-12-08");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year(), 2023);
  EXPECT_EQ(d->month(), 12);
  EXPECT_EQ(d->day(), 8);
  EXPECT_EQ(d->ToIsoString(), "2023-12-08");
  EXPECT_EQ(D("0999-01-02").ToIsoString(), "0999-01-02");
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
  for (const char* bad :
       {"", "2023-12-8", "2023/12/08", "20231208", "2023-13-01", "2023-00-10", "2023-02-29",
        "2023-04-31", "2023-12-08 ", "+023-12-08", "２０２３-12-08", "0000-01-01"}) {
    Result<Date> d = Date::Parse(bad);
    ASSERT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(d.error().message.find("Ngày không hợp lệ"), std::string::npos);
  }
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());  // leap year
  EXPECT_FALSE(Date::FromYmd(2023, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(2023, 1, 0).ok());
}

TEST(DateTest, ArithmeticAndOrdering) {
  EXPECT_EQ(D("2023-12-31").AddDays(1), D("2024-01-01"));
  EXPECT_EQ(D("2024-03-01").AddDays(-1), D("2024-02-29"));
  EXPECT_EQ(DaysBetween(D("2023-12-01"), D("2023-12-08")), 7);
  EXPECT_EQ(DaysBetween(D("2023-12-08"), D("2023-12-01")), -7);
  EXPECT_LT(D("2023-12-07"), D("2023-12-08"));
  EXPECT_GT(D("2024-01-01"), D("2023-12-31"));
}

TEST(DateTest, Weekday) {
  EXPECT_EQ(D("2023-12-08").weekday(), std::chrono::Friday);  // the seed conference
  EXPECT_EQ(D("2024-02-10").weekday(), std::chrono::Saturday);
  EXPECT_EQ(VietnameseWeekdayName(D("2023-12-08").weekday()), "thứ Sáu");
  EXPECT_EQ(VietnameseWeekdayName(std::chrono::Sunday), "Chủ nhật");
  EXPECT_EQ(VietnameseWeekdayName(std::chrono::Monday), "thứ Hai");
  EXPECT_EQ(VietnameseWeekdayName(std::chrono::Saturday), "thứ Bảy");
}

// Decree 30, domain.md §3.2 ô 4: leading zero for days < 10 and for months
// 1 and 2 only.
TEST(DateTest, VietnameseDateLineFollowsDecree30) {
  EXPECT_EQ(FormatVietnameseDate(D("2023-12-08")), "ngày 08 tháng 12 năm 2023");
  EXPECT_EQ(FormatVietnameseDate(D("2020-01-05")), "ngày 05 tháng 01 năm 2020");
  EXPECT_EQ(FormatVietnameseDate(D("2019-06-29")), "ngày 29 tháng 6 năm 2019");
  EXPECT_EQ(FormatVietnameseDate(D("2024-02-15")), "ngày 15 tháng 02 năm 2024");
  EXPECT_EQ(FormatVietnameseDate(D("2025-03-01")), "ngày 01 tháng 3 năm 2025");
  EXPECT_EQ(FormatVietnameseDate(D("2025-10-10")), "ngày 10 tháng 10 năm 2025");
  EXPECT_EQ(FormatPlaceAndDate("Hoằng Trường", D("2023-12-08")),
            "Hoằng Trường, ngày 08 tháng 12 năm 2023");
}

TEST(DateTest, ShortForm) {
  EXPECT_EQ(FormatDdMmYyyy(D("2023-12-08")), "08/12/2023");
  EXPECT_EQ(FormatDdMmYyyy(D("2025-07-01")), "01/07/2025");
}

TEST(DateTest, VietnamDateIsUtcPlusSeven) {
  using std::chrono::hours;
  const Timestamp midnight_utc = std::chrono::sys_days(D("2023-12-08").sys_days());
  EXPECT_EQ(VietnamDate(midnight_utc), D("2023-12-08"));
  // 16:59:59.999 UTC is 23:59:59.999 in Hà Nội; one millisecond later is the next day.
  const Timestamp late = midnight_utc + hours(17) - std::chrono::milliseconds(1);
  EXPECT_EQ(VietnamDate(late), D("2023-12-08"));
  EXPECT_EQ(VietnamDate(late + std::chrono::milliseconds(1)), D("2023-12-09"));
  // 20:00 UTC on the 7th is 03:00 on the 8th in Việt Nam.
  EXPECT_EQ(VietnamDate(midnight_utc - hours(4)), D("2023-12-08"));
  EXPECT_EQ(VietnamDate(midnight_utc - hours(8)), D("2023-12-07"));
}

}  // namespace
}  // namespace doithoai
