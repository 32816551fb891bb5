// The JSON form of a Conference: the storage form (column `data` of table
// conferences, migrations/0005_conferences.sql) and the body of the staff
// API, which adds nothing to it. Keys are snake_case field names; enums are
// their Code strings ("annual_dialogue"), dates ISO "YYYY-MM-DD", ids plain
// numbers, optional values null when absent, timestamps milliseconds since
// the Unix epoch. A sketch:
//
//   {"id": 7, "commune_id": 1, "year": 2023, "purpose": "annual_dialogue",
//    "mode": "in_person", "state": "draft_plan", "plan_date": "2023-11-20",
//    "chair": 3, "secretary": null, …,
//    "sessions": [{"number": 1, "date": "2023-12-08", "start_minute": 450,
//                  "villages": [1, 2], …}], …, "version": 4}
#ifndef DOITHOAI_ADAPTERS_JSON_CONFERENCE_JSON_H_
#define DOITHOAI_ADAPTERS_JSON_CONFERENCE_JSON_H_

#include <nlohmann/json.hpp>

#include "core/common/result.h"
#include "core/conferences/conference.h"

namespace doithoai {

// Every field of `conference`, including id, commune_id and version.
nlohmann::json ConferenceToJson(const Conference& conference);

// The inverse of ConferenceToJson. A missing key keeps the field's default
// (so documents stored before a field existed still load) and unknown keys
// are ignored; a key that is present must have the right type and value
// (null only for optional fields). Otherwise kInvalidArgument with a
// Vietnamese message naming the key path ("sessions[0].date") and one
// FieldError for it. Never throws. Does not validate the conference itself
// (see ValidateConference).
Result<Conference> ConferenceFromJson(const nlohmann::json& json);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_JSON_CONFERENCE_JSON_H_
