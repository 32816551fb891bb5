// The JSON of result-report figures (core/reports/petition_report.h):
// `GET /api/v1/communes/{slug}/reports/summary` returns it as is, and the
// report documents are built from the same ReportFigures.
#ifndef DOITHOAI_ADAPTERS_JSON_REPORT_JSON_H_
#define DOITHOAI_ADAPTERS_JSON_REPORT_JSON_H_

#include <nlohmann/json.hpp>

#include "core/reports/petition_report.h"

namespace doithoai {

// {"from","to","as_of","petitions","total","answered_in_room","assigned_after",
//  "forwarded","within_authority","beyond_authority","resolved","in_progress",
//  "overdue","filed","on_time_rate","satisfaction_rate","rated","satisfied",
//  "by_class":{"complaint",…},"by_field":[{"field","label","total",…}]}
nlohmann::json ReportJson(const ReportFigures& r);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_JSON_REPORT_JSON_H_
