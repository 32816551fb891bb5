// Date parsing, arithmetic and Vietnamese formatting (see date.h).
#include "core/calendar/date.h"

#include <cstdio>
#include <ostream>

namespace doithoai {

namespace {

Error InvalidDate(std::string_view text) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Ngày không hợp lệ: \"" + std::string(text) + "\" (định dạng NNNN-TT-NN).");
}

// Parses exactly `s.size()` ASCII digits; -1 if any is not a digit.
int ParseDigits(std::string_view s) {
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string TwoDigits(int n) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "%02d", n);
  return buf;
}

}  // namespace

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
    return MakeError(ErrorCode::kInvalidArgument, "Ngày không hợp lệ: " + std::to_string(day) +
                                                      "/" + std::to_string(month) + "/" +
                                                      std::to_string(year) + ".");
  }
  std::chrono::year_month_day ymd{std::chrono::year(year),
                                  std::chrono::month(static_cast<unsigned>(month)),
                                  std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "Ngày không tồn tại: " + std::to_string(day) +
                                                      "/" + std::to_string(month) + "/" +
                                                      std::to_string(year) + ".");
  }
  return Date(std::chrono::sys_days(ymd));
}

Result<Date> Date::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
    return InvalidDate(iso);
  }
  int year = ParseDigits(iso.substr(0, 4));
  int month = ParseDigits(iso.substr(5, 2));
  int day = ParseDigits(iso.substr(8, 2));
  if (year < 0 || month < 0 || day < 0) {
    return InvalidDate(iso);
  }
  Result<Date> date = FromYmd(year, month, day);
  if (!date.ok()) {
    return InvalidDate(iso);
  }
  return date;
}

int Date::year() const { return static_cast<int>(ymd().year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd().month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd().day())); }

std::string Date::ToIsoString() const {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

std::ostream& operator<<(std::ostream& os, const Date& date) { return os << date.ToIsoString(); }

int DaysBetween(Date from, Date to) {
  return static_cast<int>((to.sys_days() - from.sys_days()).count());
}

Date VietnamDate(Timestamp t) {
  return Date(std::chrono::floor<std::chrono::days>(t + std::chrono::hours(7)));
}

std::string FormatDdMmYyyy(Date date) {
  return TwoDigits(date.day()) + "/" + TwoDigits(date.month()) + "/" + std::to_string(date.year());
}

std::string FormatVietnameseDate(Date date) {
  // Decree 30, ô 4: leading zero for days < 10 and for months 1 and 2 only.
  const int month = date.month();
  const std::string month_text = month <= 2 ? TwoDigits(month) : std::to_string(month);
  return "ngày " + TwoDigits(date.day()) + " tháng " + month_text + " năm " +
         std::to_string(date.year());
}

std::string FormatPlaceAndDate(std::string_view place, Date date) {
  return std::string(place) + ", " + FormatVietnameseDate(date);
}

std::string_view VietnameseWeekdayName(std::chrono::weekday weekday) {
  switch (weekday.c_encoding()) {
    case 0:
      return "Chủ nhật";
    case 1:
      return "thứ Hai";
    case 2:
      return "thứ Ba";
    case 3:
      return "thứ Tư";
    case 4:
      return "thứ Năm";
    case 5:
      return "thứ Sáu";
    case 6:
      return "thứ Bảy";
    default:
      return "";
  }
}

}  // namespace doithoai
