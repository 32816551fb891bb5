// The JSON form of a Petition and of PetitionSettings: the storage form
// (column `data` of tables petitions and petition_settings,
// migrations/0006_petitions.sql). Keys are snake_case field names; enums are
// their Code strings ("walk_in", "in_progress", "denunciation"), dates ISO
// "YYYY-MM-DD", ids plain numbers, optional values null when absent,
// timestamps milliseconds since the Unix epoch, the sealed identity (opaque
// bytes) standard base64. A sketch:
//
//   {"id": 7, "commune_id": 1, "code": "HT-26-0001-K", "year": 2026,
//    "sequence": 1, "channel": "online", "submitter": {"name": …}, …,
//    "identity_sealed": false, "sealed_identity": "", …,
//    "items": [{"number": 1, "text": …, "class": "proposal", "status":
//               "received", "deadline": "2026-03-02", "answer": null, …}],
//    "attachments": […], "history": [{"at": 1767225600000, …}], "version": 1}
//
// CONF-01: when `identity_sealed` is true the plaintext submitter is never
// written (the key "submitter" is absent); only the sealed bytes are.
#ifndef DOITHOAI_ADAPTERS_JSON_PETITION_JSON_H_
#define DOITHOAI_ADAPTERS_JSON_PETITION_JSON_H_

#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/petitions/petition.h"
#include "core/petitions/petition_repository.h"

namespace doithoai::json {

// Every field of `petition` (id, commune_id and version included), except
// the plaintext submitter of a sealed petition.
std::string PetitionToJson(const Petition& petition);

// The inverse of PetitionToJson. A missing key keeps the field's default (so
// rows stored before a field existed still load) and unknown keys are
// ignored; a key that is present must have the right type and value (null
// only for optional fields). Otherwise kInvalidArgument with a Vietnamese
// message naming the key path ("items[0].deadline") and one FieldError for
// it. Never throws. Does not validate the petition (see ValidatePetition).
Result<Petition> PetitionFromJson(std::string_view text);

std::string SettingsToJson(const PetitionSettings& settings);
// Same rules as PetitionFromJson.
Result<PetitionSettings> SettingsFromJson(std::string_view text);

// Standard base64 (RFC 4648 §4, with padding) of arbitrary bytes, and its
// strict inverse (kInvalidArgument on any other character, bad length or
// non-canonical padding bits).
std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);

}  // namespace doithoai::json

#endif  // DOITHOAI_ADAPTERS_JSON_PETITION_JSON_H_
