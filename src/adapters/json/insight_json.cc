// JSON of suggestions, similar petitions and prominent issues (see insight_json.h).
#include "adapters/json/insight_json.h"

#include <cmath>

namespace doithoai {

namespace {

// Scores rounded to 3 decimals: stable output, no false precision.
double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

nlohmann::json Because(const Suggestion& s) {
  nlohmann::json words = nlohmann::json::array();
  for (const std::string& w : s.because) {
    words.push_back(w);
  }
  return words;
}

}  // namespace

nlohmann::json SuggestionsJson(const PetitionSuggestions& s) {
  nlohmann::json fields = nlohmann::json::array();
  for (const Suggestion& f : s.fields) {
    fields.push_back(
        {{"name", f.key}, {"label", f.label}, {"score", Round3(f.score)}, {"because", Because(f)}});
  }
  nlohmann::json units = nlohmann::json::array();
  for (const Suggestion& u : s.units) {
    long long id = 0;
    try {
      id = std::stoll(u.key);
    } catch (...) {
      id = 0;
    }
    units.push_back(
        {{"id", id}, {"name", u.label}, {"score", Round3(u.score)}, {"because", Because(u)}});
  }
  return {{"fields", fields}, {"units", units}};
}

nlohmann::json SimilarJson(const std::vector<SimilarPetition>& similar) {
  nlohmann::json out = nlohmann::json::array();
  for (const SimilarPetition& s : similar) {
    out.push_back({{"code", s.code},
                   {"score", Round3(s.score)},
                   {"status", s.status_code},
                   {"case_id", s.case_id ? nlohmann::json(s.case_id->value) : nlohmann::json()}});
  }
  return out;
}

nlohmann::json ProminentJson(const std::vector<ProminentIssue>& issues,
                             const std::vector<PetitionField>& fields,
                             const std::vector<std::vector<SimilarPetition>>& groups) {
  nlohmann::json items = nlohmann::json::array();
  for (const ProminentIssue& i : issues) {
    std::string label;
    for (const PetitionField& f : fields) {
      if (f.code == i.field) {
        label = f.label;
      }
    }
    items.push_back(
        {{"case_id", i.case_id.value},
         {"title", i.title},
         {"field", i.field},
         {"field_label", label},
         {"petitions", i.petitions},
         {"petitioners", i.petitioners},
         {"villages", i.villages},
         {"village_names", i.village_names},
         {"open", i.open},
         {"codes", i.codes},
         {"first_received",
          i.first_received ? nlohmann::json(i.first_received->ToIsoString()) : nlohmann::json()},
         {"last_received",
          i.last_received ? nlohmann::json(i.last_received->ToIsoString()) : nlohmann::json()}});
  }
  nlohmann::json uncased = nlohmann::json::array();
  for (const auto& group : groups) {
    nlohmann::json g = nlohmann::json::array();
    for (const SimilarPetition& s : group) {
      g.push_back({{"code", s.code}, {"status", s.status_code}});
    }
    uncased.push_back(g);
  }
  return {{"items", items}, {"uncased_groups", uncased}};
}

}  // namespace doithoai
