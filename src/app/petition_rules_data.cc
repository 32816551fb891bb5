// JSON → PetitionDeadlineRule for the shipped petition rules (see
// petition_rules_data.h). Parsing never throws: every field is type-checked.
#include "app/petition_rules_data.h"

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/resources/embedded.h"

namespace doithoai::app {

namespace {

constexpr char kRulesFile[] = "data/petitions/deadline_rules.json";

Error Bad(std::string_view where, std::string_view what) {
  return MakeError(ErrorCode::kInvalidArgument, "Dữ liệu thời hạn xử lý đơn không hợp lệ (" +
                                                    std::string(where) + "): " + std::string(what));
}

Result<std::string> StringField(const nlohmann::json& j, const char* key, std::string_view where) {
  if (!j.contains(key) || !j[key].is_string() || j[key].get_ref<const std::string&>().empty()) {
    return Bad(where, std::string("thiếu trường chuỗi \"") + key + "\".");
  }
  return j[key].get<std::string>();
}

Result<int> IntField(const nlohmann::json& j, const char* key, std::string_view where,
                     bool optional) {
  if (!j.contains(key)) {
    if (optional) return 0;
    return Bad(where, std::string("thiếu trường số nguyên \"") + key + "\".");
  }
  if (!j[key].is_number_integer()) {
    return Bad(where, std::string("trường \"") + key + "\" phải là số nguyên.");
  }
  const auto value = j[key].get<long long>();
  if (value < 0 || value > 10000) {
    return Bad(where, std::string("giá trị \"") + key + "\" ngoài khoảng cho phép.");
  }
  return static_cast<int>(value);
}

// Converts a core error (Vietnamese) into one naming the entry.
template <typename T>
Result<T> At(Result<T> result, std::string_view where) {
  if (!result.ok()) {
    return Bad(where, result.error().message);
  }
  return result;
}

Result<PetitionDeadlineRule> ParseRow(const nlohmann::json& row, std::string_view where) {
  if (!row.is_object()) {
    return Bad(where, "phải là đối tượng.");
  }
  PetitionDeadlineRule r;
  ASSIGN_OR_RETURN(r.id, StringField(row, "id", where));
  ASSIGN_OR_RETURN(std::string petition_class, StringField(row, "class", where));
  ASSIGN_OR_RETURN(r.petition_class, At(ParsePetitionClass(petition_class), where));
  ASSIGN_OR_RETURN(r.step, StringField(row, "step", where));
  ASSIGN_OR_RETURN(r.days, IntField(row, "days", where, /*optional=*/false));
  ASSIGN_OR_RETURN(r.days_remote_or_complex,
                   IntField(row, "days_remote_or_complex", where, /*optional=*/true));
  ASSIGN_OR_RETURN(r.days_remote_and_complex,
                   IntField(row, "days_remote_and_complex", where, /*optional=*/true));
  ASSIGN_OR_RETURN(std::string counting, StringField(row, "counting", where));
  ASSIGN_OR_RETURN(r.counting, At(ParseDayCount(counting), where));
  ASSIGN_OR_RETURN(std::string effective_from, StringField(row, "effective_from", where));
  ASSIGN_OR_RETURN(r.effective_from, At(Date::Parse(effective_from), where));
  ASSIGN_OR_RETURN(r.legal_source, StringField(row, "legal_source", where));
  if (row.contains("note")) {
    if (!row["note"].is_string()) {
      return Bad(where, "trường \"note\" phải là chuỗi.");
    }
    r.note = row["note"].get<std::string>();
  }
  return r;
}

}  // namespace

Result<std::vector<PetitionDeadlineRule>> ParsePetitionRulesJson(std::string_view json) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Bad("deadline_rules", "không phải đối tượng JSON.");
  }
  if (!doc.contains("rules") || !doc["rules"].is_array()) {
    return Bad("deadline_rules", "thiếu danh sách \"rules\".");
  }
  std::vector<PetitionDeadlineRule> rules;
  for (size_t i = 0; i < doc["rules"].size(); ++i) {
    const std::string where = "rules[" + std::to_string(i) + "]";
    ASSIGN_OR_RETURN(PetitionDeadlineRule rule, ParseRow(doc["rules"][i], where));
    rules.push_back(std::move(rule));
  }
  RETURN_IF_ERROR(ValidatePetitionDeadlineRules(rules));
  return rules;
}

Result<std::vector<PetitionDeadlineRule>> LoadPetitionRules() {
  const EmbeddedFile* file = FindEmbeddedFile(kRulesFile);
  if (file == nullptr) {
    return MakeError(ErrorCode::kInternal, std::string("Thiếu tệp dữ liệu ") + kRulesFile + ".");
  }
  return ParsePetitionRulesJson(file->data);
}

}  // namespace doithoai::app
