// The period of a result report (Báo cáo kết quả, DLG-13; issue #7 §6) the
// way a commune officer names it: a month ("2023-12"), a quarter
// ("2023-Q4"), the first or second half ("2023-H1", "2023-H2"), the first
// nine months ("2023-9M"), a year ("2023"), or an explicit range of days.
// Each gives its first and last day and the Vietnamese words printed in the
// report's subject ("quý IV năm 2023"). Pure.
#ifndef DOITHOAI_CORE_REPORTS_PERIOD_H_
#define DOITHOAI_CORE_REPORTS_PERIOD_H_

#include <string>
#include <string_view>

#include "core/calendar/date.h"
#include "core/common/result.h"

namespace doithoai {

enum class PeriodKind {
  kMonth,       // "2023-12"  → tháng 12 năm 2023
  kQuarter,     // "2023-Q4"  → quý IV năm 2023
  kFirstHalf,   // "2023-H1"  → 6 tháng đầu năm 2023
  kSecondHalf,  // "2023-H2"  → 6 tháng cuối năm 2023
  kNineMonths,  // "2023-9M"  → 9 tháng năm 2023 (01/01 – 30/9)
  kYear,        // "2023"     → năm 2023
  kRange,       // from/to    → từ 01/12/2023 đến 31/12/2023
};

struct ReportPeriod {
  PeriodKind kind = PeriodKind::kRange;
  Date from;  // first day, inclusive
  Date to;    // last day, inclusive
  // The canonical code ("2023-Q4"; "" for a range) and the Vietnamese label.
  std::string code;
  std::string label;
};

// Parses a period code. Upper or lower case letters ("2023-q4"). Bad input →
// kInvalidArgument with a Vietnamese message on field "period".
Result<ReportPeriod> ParsePeriod(std::string_view code);

// The explicit range [from, to]. An empty period (to before from) →
// kInvalidArgument on field "to".
Result<ReportPeriod> RangePeriod(Date from, Date to);

// The period a request names: `period` (a code) or both `from` and `to`
// (YYYY-MM-DD), not both ways at once. Field errors on "period", "from" and
// "to", in Vietnamese.
Result<ReportPeriod> PeriodFromParams(std::string_view period, std::string_view from,
                                      std::string_view to);

// The month holding `day` ("2026-11").
ReportPeriod MonthOf(Date day);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_REPORTS_PERIOD_H_
