// JSON of report figures (see report_json.h).
#include "adapters/json/report_json.h"

#include <cmath>

namespace doithoai {

namespace {

nlohmann::json Row(const FieldFigures& f) {
  return {{"field", f.field},
          {"label", f.label},
          {"total", f.total},
          {"answered_in_room", f.answered_in_room},
          {"assigned_after", f.assigned_after},
          {"forwarded", f.forwarded},
          {"resolved", f.resolved},
          {"in_progress", f.in_progress},
          {"overdue", f.overdue},
          {"filed", f.filed}};
}

nlohmann::json Rate(std::optional<double> rate) {
  if (!rate.has_value()) return nullptr;
  return std::round(*rate * 1000.0) / 1000.0;
}

}  // namespace

nlohmann::json ReportJson(const ReportFigures& r) {
  nlohmann::json j = Row(r.totals);
  j.erase("field");
  j.erase("label");
  j["from"] = r.from.ToIsoString();
  j["to"] = r.to.ToIsoString();
  j["as_of"] = r.as_of.ToIsoString();
  j["petitions"] = r.petitions;
  j["within_authority"] = r.within_authority;
  j["beyond_authority"] = r.totals.forwarded;
  j["answered_with_deadline"] = r.answered_with_deadline;
  j["answered_on_time"] = r.answered_on_time;
  j["on_time_rate"] = Rate(r.OnTimeRate());
  j["rated"] = r.rated;
  j["satisfied"] = r.satisfied;
  j["satisfaction_rate"] = Rate(r.SatisfactionRate());
  nlohmann::json by_class = nlohmann::json::object();
  for (PetitionClass c : kAllPetitionClasses) {
    by_class[std::string(PetitionClassCode(c))] = r.by_class[static_cast<int>(c)];
  }
  j["by_class"] = by_class;
  nlohmann::json by_field = nlohmann::json::array();
  for (const FieldFigures& f : r.by_field) by_field.push_back(Row(f));
  j["by_field"] = by_field;
  return j;
}

}  // namespace doithoai
