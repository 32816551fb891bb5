// JSON of the issue #6 views: suggestions of field and unit (with the words
// that triggered them), similar petitions, and the prominent issues (cases
// with their petitioner and village counts, and groups of similar petitions
// not yet in a case). Only codes, counts and village names — never a
// submitter's identity (CONF-02).
#ifndef DOITHOAI_ADAPTERS_JSON_INSIGHT_JSON_H_
#define DOITHOAI_ADAPTERS_JSON_INSIGHT_JSON_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "core/petitions/classification.h"
#include "core/petitions/insight_service.h"
#include "core/petitions/petition_case.h"

namespace doithoai {

// {"fields":[{"name","label","score","because":[…]}],"units":[{"id","name","score","because"}]}
// best first; "name" of a field is its code.
nlohmann::json SuggestionsJson(const PetitionSuggestions& s);
// [{"code","score","status","case_id"}] best first.
nlohmann::json SimilarJson(const std::vector<SimilarPetition>& similar);
// {"items":[{"case_id","title","field","field_label","petitions","petitioners","villages",
//   "village_names","open","codes","first_received","last_received"}],
//  "uncased_groups":[[{"code","status"}]]}
nlohmann::json ProminentJson(const std::vector<ProminentIssue>& issues,
                             const std::vector<PetitionField>& fields,
                             const std::vector<std::vector<SimilarPetition>>& groups);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_JSON_INSIGHT_JSON_H_
