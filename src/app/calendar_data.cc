// JSON → WorkingCalendar / RuleSet for the shipped calendar data (see
// calendar_data.h). Parsing never throws: every field is type-checked.
#include "app/calendar_data.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/resources/embedded.h"

namespace doithoai::app {

namespace {

constexpr char kHolidaysFile[] = "data/calendar/vn_holidays.json";
constexpr char kRuleSetsFile[] = "data/calendar/rule_sets.json";

Error Bad(std::string_view where, std::string_view what) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Dữ liệu lịch không hợp lệ (" + std::string(where) + "): " + std::string(what));
}

Result<nlohmann::json> ParseObject(std::string_view json, std::string_view where) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Bad(where, "không phải đối tượng JSON.");
  }
  return doc;
}

Result<std::string> StringField(const nlohmann::json& j, const char* key, std::string_view where) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string() ||
      j[key].get_ref<const std::string&>().empty()) {
    return Bad(where, std::string("thiếu trường chuỗi \"") + key + "\".");
  }
  return j[key].get<std::string>();
}

Result<int> IntField(const nlohmann::json& j, const char* key, std::string_view where) {
  if (!j.contains(key) || !j[key].is_number_integer()) {
    return Bad(where, std::string("thiếu trường số nguyên \"") + key + "\".");
  }
  const auto value = j[key].get<long long>();
  if (value < -100000 || value > 100000) {
    return Bad(where, std::string("giá trị \"") + key + "\" ngoài khoảng cho phép.");
  }
  return static_cast<int>(value);
}

Result<Date> DateField(const nlohmann::json& j, const char* key, std::string_view where) {
  ASSIGN_OR_RETURN(std::string text, StringField(j, key, where));
  Result<Date> date = Date::Parse(text);
  if (!date.ok()) {
    return Bad(where, date.error().message);
  }
  return date;
}

Result<std::chrono::weekday> ParseWeekday(std::string_view name) {
  static constexpr std::array<const char*, 7> kNames = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (unsigned i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) {
      return std::chrono::weekday(i);
    }
  }
  return Bad("weekly_rest_days", "không rõ ngày trong tuần \"" + std::string(name) + "\".");
}

Result<const EmbeddedFile*> Embedded(const char* name) {
  const EmbeddedFile* file = FindEmbeddedFile(name);
  if (file == nullptr) {
    return MakeError(ErrorCode::kInternal, std::string("Thiếu tệp dữ liệu ") + name + ".");
  }
  return file;
}

}  // namespace

Result<WorkingCalendar> ParseWorkingCalendarJson(std::string_view json) {
  ASSIGN_OR_RETURN(nlohmann::json doc, ParseObject(json, "vn_holidays"));
  WorkingCalendarData data;
  if (!doc.contains("weekly_rest_days") || !doc["weekly_rest_days"].is_array()) {
    return Bad("vn_holidays", "thiếu danh sách \"weekly_rest_days\".");
  }
  for (const nlohmann::json& name : doc["weekly_rest_days"]) {
    if (!name.is_string()) {
      return Bad("weekly_rest_days", "tên ngày phải là chuỗi.");
    }
    ASSIGN_OR_RETURN(std::chrono::weekday weekday, ParseWeekday(name.get<std::string>()));
    data.weekly_rest_days.push_back(weekday);
  }
  ASSIGN_OR_RETURN(data.covered_from, DateField(doc, "covered_from", "vn_holidays"));
  ASSIGN_OR_RETURN(data.covered_to, DateField(doc, "covered_to", "vn_holidays"));
  if (!doc.contains("days") || !doc["days"].is_array()) {
    return Bad("vn_holidays", "thiếu danh sách \"days\".");
  }
  for (size_t i = 0; i < doc["days"].size(); ++i) {
    const nlohmann::json& row = doc["days"][i];
    const std::string where = "days[" + std::to_string(i) + "]";
    if (!row.is_object()) {
      return Bad(where, "phải là đối tượng.");
    }
    CalendarDay day;
    ASSIGN_OR_RETURN(day.date, DateField(row, "date", where));
    ASSIGN_OR_RETURN(std::string kind, StringField(row, "kind", where));
    Result<CalendarDayKind> parsed_kind = ParseCalendarDayKind(kind);
    if (!parsed_kind.ok()) {
      return Bad(where, parsed_kind.error().message);
    }
    day.kind = *parsed_kind;
    ASSIGN_OR_RETURN(day.name, StringField(row, "name", where));
    data.days.push_back(std::move(day));
  }
  return WorkingCalendar::Create(std::move(data));
}

Result<std::vector<RuleSet>> ParseRuleSetsJson(std::string_view json) {
  ASSIGN_OR_RETURN(nlohmann::json doc, ParseObject(json, "rule_sets"));
  if (!doc.contains("rule_sets") || !doc["rule_sets"].is_array()) {
    return Bad("rule_sets", "thiếu danh sách \"rule_sets\".");
  }
  std::vector<RuleSet> rule_sets;
  for (size_t i = 0; i < doc["rule_sets"].size(); ++i) {
    const nlohmann::json& row = doc["rule_sets"][i];
    const std::string where = "rule_sets[" + std::to_string(i) + "]";
    if (!row.is_object()) {
      return Bad(where, "phải là đối tượng.");
    }
    RuleSet r;
    ASSIGN_OR_RETURN(r.id, StringField(row, "id", where));
    ASSIGN_OR_RETURN(r.effective_from, DateField(row, "effective_from", where));
    ASSIGN_OR_RETURN(r.legal_source, StringField(row, "legal_source", where));
    ASSIGN_OR_RETURN(r.notice_days_before, IntField(row, "notice_days_before", where));
    ASSIGN_OR_RETURN(r.results_notice_days_after,
                     IntField(row, "results_notice_days_after", where));
    ASSIGN_OR_RETURN(r.posting_days, IntField(row, "posting_days", where));
    ASSIGN_OR_RETURN(r.loudspeaker_consecutive_days,
                     IntField(row, "loudspeaker_consecutive_days", where));
    ASSIGN_OR_RETURN(std::string counting, StringField(row, "counting", where));
    Result<DayCount> parsed_counting = ParseDayCount(counting);
    if (!parsed_counting.ok()) {
      return Bad(where, parsed_counting.error().message);
    }
    r.counting = *parsed_counting;
    rule_sets.push_back(std::move(r));
  }
  RETURN_IF_ERROR(ValidateRuleSets(rule_sets));
  return rule_sets;
}

Result<WorkingCalendar> LoadVietnamCalendar() {
  ASSIGN_OR_RETURN(const EmbeddedFile* file, Embedded(kHolidaysFile));
  return ParseWorkingCalendarJson(file->data);
}

Result<std::vector<RuleSet>> LoadRuleSets() {
  ASSIGN_OR_RETURN(const EmbeddedFile* file, Embedded(kRuleSetsFile));
  return ParseRuleSetsJson(file->data);
}

}  // namespace doithoai::app
