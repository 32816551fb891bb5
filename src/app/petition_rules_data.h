// Loads the shipped petition deadline rules embedded in the binary:
// data/petitions/deadline_rules.json (KN-01..06, TC-01..04, XLD-01,
// TCD-07; domain.md §2). The core stays free of JSON and I/O; this is where
// the text becomes core structs (same pattern as calendar_data.h).
#ifndef DOITHOAI_APP_PETITION_RULES_DATA_H_
#define DOITHOAI_APP_PETITION_RULES_DATA_H_

#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/petitions/deadline_rules.h"

namespace doithoai::app {

// Parses the JSON text of the file (see the file for the format): an object
// with a "rules" array. Optional per row: days_remote_or_complex,
// days_remote_and_complex (default 0) and note. Never throws;
// kInvalidArgument naming the bad entry, then ValidatePetitionDeadlineRules.
Result<std::vector<PetitionDeadlineRule>> ParsePetitionRulesJson(std::string_view json);

// The embedded file; kInternal if it is missing from the binary.
Result<std::vector<PetitionDeadlineRule>> LoadPetitionRules();

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_PETITION_RULES_DATA_H_
