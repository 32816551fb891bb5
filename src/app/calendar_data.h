// Loads the shipped calendar data embedded in the binary:
// data/calendar/vn_holidays.json (working days, holidays, compensatory and
// swapped days; DAY-01) and data/calendar/rule_sets.json (dated rule sets
// for DLG-07, DLG-08, PUB-01, PUB-02, DAY-02). The core stays free of JSON
// and I/O; this is where the text becomes core structs.
#ifndef DOITHOAI_APP_CALENDAR_DATA_H_
#define DOITHOAI_APP_CALENDAR_DATA_H_

#include <string_view>
#include <vector>

#include "core/calendar/rule_set.h"
#include "core/calendar/working_calendar.h"
#include "core/common/result.h"

namespace doithoai::app {

// Parse the JSON text of each file (see the files for the format).
// kInvalidArgument naming the bad entry.
Result<WorkingCalendar> ParseWorkingCalendarJson(std::string_view json);
Result<std::vector<RuleSet>> ParseRuleSetsJson(std::string_view json);

// The embedded files; kInternal if a file is missing from the binary.
Result<WorkingCalendar> LoadVietnamCalendar();
Result<std::vector<RuleSet>> LoadRuleSets();

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_CALENDAR_DATA_H_
