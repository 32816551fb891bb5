// Date: a civil (calendar) date without time of day or time zone, used for
// every legal deadline (domain.md §2.7, DAY-01) and for the date line of
// Decree 30 documents (domain.md §3.2, ô 4). A thin wrapper over
// std::chrono::sys_days so that day arithmetic is exact.
#ifndef DOITHOAI_CORE_CALENDAR_DATE_H_
#define DOITHOAI_CORE_CALENDAR_DATE_H_

#include <chrono>
#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/common/clock.h"
#include "core/common/result.h"

namespace doithoai {

class Date {
 public:
  // 1970-01-01; only useful as a placeholder before assignment.
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}

  // A valid proleptic Gregorian date with a 4-digit year (1..9999), or
  // kInvalidArgument with a Vietnamese message.
  static Result<Date> FromYmd(int year, int month, int day);
  // Strict "YYYY-MM-DD" (ISO 8601 calendar date, as in HTML date inputs and
  // the data files).
  static Result<Date> Parse(std::string_view iso);

  std::chrono::sys_days sys_days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(days_); }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  std::chrono::weekday weekday() const { return std::chrono::weekday(days_); }

  // This date moved by `n` days (negative moves back).
  Date AddDays(int n) const { return Date(days_ + std::chrono::days(n)); }

  // "2023-12-08".
  std::string ToIsoString() const;

  friend bool operator==(const Date& a, const Date& b) { return a.days_ == b.days_; }
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.days_.time_since_epoch().count() <=> b.days_.time_since_epoch().count();
  }

 private:
  std::chrono::sys_days days_{};
};

// Prints the ISO form (used by test failure messages).
std::ostream& operator<<(std::ostream& os, const Date& date);

// Number of days from `from` to `to` (negative when `to` is earlier).
int DaysBetween(Date from, Date to);

// The civil date in Việt Nam (UTC+7, no daylight saving; see clock.h) at
// instant `t`.
Date VietnamDate(Timestamp t);

// "08/12/2023": the short form used in body text and tables.
std::string FormatDdMmYyyy(Date date);

// "ngày 08 tháng 12 năm 2023": the date of the place-and-date line (Decree
// 30/2020/NĐ-CP, domain.md §3.2 ô 4 "Địa danh, ngày"; the domain file gives
// that row no FMT id). Days 1–9 and months 1 and 2 get a leading zero,
// other months do not: "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019".
std::string FormatVietnameseDate(Date date);

// "Hoằng Trường, ngày 08 tháng 12 năm 2023" (same rule; `place` per FMT-10).
// The line is set in italics by the renderer, not here.
std::string FormatPlaceAndDate(std::string_view place, Date date);

// "thứ Hai" … "thứ Bảy", "Chủ nhật" (as written inside a sentence).
std::string_view VietnameseWeekdayName(std::chrono::weekday weekday);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CALENDAR_DATE_H_
