// JSON → FieldLexicon (see suggestion_data.h). Parsing never throws: every
// value is type-checked.
#include "app/suggestion_data.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "adapters/resources/embedded.h"
#include "core/petitions/text_features.h"
#include "core/text/vietnamese.h"

namespace doithoai::app {

namespace {

Error Bad(std::string_view where, std::string_view what) {
  return MakeError(ErrorCode::kInvalidArgument, "Từ điển gợi ý lĩnh vực không hợp lệ (" +
                                                    std::string(where) + "): " + std::string(what));
}

Result<std::vector<std::string>> Phrases(const nlohmann::json& list, const std::string& where) {
  if (!list.is_array()) return Bad(where, "phải là danh sách chuỗi.");
  std::vector<std::string> out;
  for (size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& item = list[i];
    if (!item.is_string()) return Bad(where + "[" + std::to_string(i) + "]", "phải là chuỗi.");
    const std::string& raw = item.get_ref<const std::string&>();
    if (!text::IsValidUtf8(raw)) {
      return Bad(where + "[" + std::to_string(i) + "]", "không phải UTF-8.");
    }
    std::string folded = text::Fold(raw);
    if (textsim::Terms(folded).empty()) {
      return Bad(where + "[" + std::to_string(i) + "]", "không có từ nào.");
    }
    out.push_back(std::move(folded));
  }
  return out;
}

}  // namespace

Result<FieldLexicon> ParseFieldLexicon(std::string_view json_text) {
  const nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Bad("field_lexicon", "không phải đối tượng JSON.");
  }
  if (!doc.contains("fields") || !doc["fields"].is_object()) {
    return Bad("field_lexicon", "thiếu đối tượng \"fields\".");
  }
  FieldLexicon lexicon;
  for (const auto& [code, list] : doc["fields"].items()) {
    if (code.empty() || code.front() == '_') continue;
    ASSIGN_OR_RETURN(std::vector<std::string> phrases, Phrases(list, "fields." + code));
    lexicon.entries.emplace_back(code, std::move(phrases));
  }
  if (doc.contains("units")) {
    if (!doc["units"].is_object()) return Bad("units", "phải là đối tượng.");
    for (const auto& [key, entry] : doc["units"].items()) {
      if (key.empty() || key.front() == '_') continue;
      const std::string where = "units." + key;
      if (!entry.is_object()) return Bad(where, "phải là đối tượng.");
      UnitLexiconEntry unit;
      unit.key = text::Fold(key);
      if (unit.key.empty()) return Bad(where, "tên rỗng.");
      if (entry.contains("fields")) {
        const nlohmann::json& fields = entry["fields"];
        if (!fields.is_array()) return Bad(where + ".fields", "phải là danh sách mã lĩnh vực.");
        for (const nlohmann::json& code : fields) {
          if (!code.is_string()) return Bad(where + ".fields", "phải là danh sách mã lĩnh vực.");
          unit.fields.push_back(code.get<std::string>());
        }
      }
      if (entry.contains("words")) {
        ASSIGN_OR_RETURN(unit.words, Phrases(entry["words"], where + ".words"));
      }
      lexicon.units.push_back(std::move(unit));
    }
  }
  return lexicon;
}

Result<FieldLexicon> LoadFieldLexicon() {
  const EmbeddedFile* file = FindEmbeddedFile(kFieldLexiconFile);
  if (file == nullptr) {
    return MakeError(ErrorCode::kInternal,
                     std::string("Thiếu tệp dữ liệu ") + kFieldLexiconFile + ".");
  }
  return ParseFieldLexicon(file->data);
}

}  // namespace doithoai::app
