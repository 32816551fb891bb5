#include "core/reports/period.h"

#include <string>

namespace doithoai {

namespace {

constexpr char kExamples[] =
    " (ví dụ: 2023-12 là tháng 12, 2023-Q4 là quý IV, 2023-H1 là 6 tháng đầu năm, 2023-9M là "
    "9 tháng, 2023 là cả năm)";

Error BadPeriod(std::string_view code, const std::string& why) {
  std::string shown(code.substr(0, 40));
  return MakeFieldError("period", "Kỳ báo cáo không hợp lệ: “" + shown + "”" +
                                      (why.empty() ? "" : " – " + why) + kExamples);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The last day of `month` of `year` (both valid).
Date LastDayOf(int year, int month) {
  if (month == 12) return Date::FromYmd(year, 12, 31).value();
  return Date::FromYmd(year, month + 1, 1).value().AddDays(-1);
}

ReportPeriod Months(PeriodKind kind, int year, int first, int last, std::string code,
                    std::string label) {
  ReportPeriod p;
  p.kind = kind;
  p.from = Date::FromYmd(year, first, 1).value();
  p.to = LastDayOf(year, last);
  p.code = std::move(code);
  p.label = std::move(label);
  return p;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

Result<ReportPeriod> ParsePeriod(std::string_view code) {
  if (code.empty()) return BadPeriod(code, "chưa chọn kỳ");
  const std::string_view year_text = code.substr(0, 4);
  if (code.size() < 4 || !AllDigits(year_text) || code[0] == '0') {
    return BadPeriod(code, "năm phải có 4 chữ số");
  }
  const int year = ToInt(year_text);
  const std::string y = std::to_string(year);
  if (code.size() == 4) {
    return Months(PeriodKind::kYear, year, 1, 12, y, "năm " + y);
  }
  if (code[4] != '-' || code.size() == 5) return BadPeriod(code, "");
  const std::string part = Upper(code.substr(5));
  if (AllDigits(part) && part.size() <= 2) {
    const int month = ToInt(part);
    if (month < 1 || month > 12) return BadPeriod(code, "tháng phải từ 1 đến 12");
    const std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
    return Months(PeriodKind::kMonth, year, month, month, y + "-" + mm,
                  "tháng " + std::to_string(month) + " năm " + y);
  }
  if (part.size() == 2 && part[0] == 'Q') {
    static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
    const int q = part[1] - '0';
    if (q < 1 || q > 4) return BadPeriod(code, "quý phải từ 1 đến 4");
    return Months(PeriodKind::kQuarter, year, 3 * q - 2, 3 * q, y + "-Q" + std::to_string(q),
                  std::string("quý ") + kRoman[q - 1] + " năm " + y);
  }
  if (part == "H1") {
    return Months(PeriodKind::kFirstHalf, year, 1, 6, y + "-H1", "6 tháng đầu năm " + y);
  }
  if (part == "H2") {
    return Months(PeriodKind::kSecondHalf, year, 7, 12, y + "-H2", "6 tháng cuối năm " + y);
  }
  if (part == "9M") {
    return Months(PeriodKind::kNineMonths, year, 1, 9, y + "-9M", "9 tháng năm " + y);
  }
  return BadPeriod(code, "");
}

Result<ReportPeriod> RangePeriod(Date from, Date to) {
  if (to < from) {
    return MakeFieldError("to", "Ngày kết thúc không được trước ngày bắt đầu: kỳ từ " +
                                    FormatDdMmYyyy(from) + " đến " + FormatDdMmYyyy(to) +
                                    " không có ngày nào");
  }
  ReportPeriod p;
  p.kind = PeriodKind::kRange;
  p.from = from;
  p.to = to;
  p.label = "từ " + FormatDdMmYyyy(from) + " đến " + FormatDdMmYyyy(to);
  return p;
}

Result<ReportPeriod> PeriodFromParams(std::string_view period, std::string_view from,
                                      std::string_view to) {
  if (!period.empty()) {
    if (!from.empty() || !to.empty()) {
      return MakeFieldError("period",
                            "Chọn kỳ báo cáo hoặc khoảng ngày (từ ngày … đến ngày …), không "
                            "chọn cả hai");
    }
    return ParsePeriod(period);
  }
  if (from.empty() && to.empty()) {
    return MakeFieldError("period",
                          "Chưa chọn kỳ báo cáo: tháng, quý, 6 tháng, 9 tháng, năm hoặc khoảng "
                          "ngày");
  }
  auto date = [](std::string_view text, const char* field, const char* label,
                 const char* capitalized) -> Result<Date> {
    if (text.empty()) {
      return MakeFieldError(field, std::string("Thiếu ") + label + " (dạng YYYY-MM-DD)");
    }
    Result<Date> d = Date::Parse(text);
    if (!d.ok()) {
      return MakeFieldError(field, std::string(capitalized) + " không hợp lệ: “" +
                                       std::string(text.substr(0, 40)) +
                                       "” (dạng YYYY-MM-DD, ví dụ 2023-12-08)");
    }
    return d;
  };
  ASSIGN_OR_RETURN(Date first, date(from, "from", "ngày bắt đầu", "Ngày bắt đầu"));
  ASSIGN_OR_RETURN(Date last, date(to, "to", "ngày kết thúc", "Ngày kết thúc"));
  return RangePeriod(first, last);
}

ReportPeriod MonthOf(Date day) {
  const std::string y = std::to_string(day.year());
  const int month = day.month();
  return Months(PeriodKind::kMonth, day.year(), month, month,
                y + "-" + (month < 10 ? "0" : "") + std::to_string(month),
                "tháng " + std::to_string(month) + " năm " + y);
}

}  // namespace doithoai
