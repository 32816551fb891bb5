// Checking what citizens and staff send before anything is stored: phone
// numbers, text limits, village names, and the type of attached files
// (sniffed from their bytes, never trusted from the name or the browser).
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_INTAKE_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_INTAKE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/communes/commune.h"
#include "core/petitions/classification.h"
#include "core/petitions/petition.h"

namespace doithoai {

// A Vietnamese phone number as people write it ("0912 345 678",
// "+84 912.345.678", "84-912-345-678") → "0912345678". Mobile numbers have
// 10 digits (0[35789]…), landlines 11 (02…). kInvalidArgument with
// "Số điện thoại không hợp lệ …" otherwise.
Result<std::string> NormalizePhone(std::string_view text);

// "image/jpeg", "image/png", "application/pdf" from the first bytes; "" when
// the bytes are none of the accepted types.
std::string SniffMediaType(std::string_view bytes);

// What a form, the API, the staff desk or an import row provides.
struct NewPetitionItem {
  std::string text;
  std::optional<PetitionClass> petition_class;  // the sender's choice; default kiến nghị
  std::string field;                            // code or label; "" = not yet
};

struct NewAttachment {
  std::string file_name;
  std::string bytes;
};

struct NewPetition {
  PetitionChannel channel = PetitionChannel::kOnline;
  std::string name;
  std::string phone;  // as typed
  std::string address;
  std::string village;  // village name (folded match) or id as text; "" = none given
  std::string id_number;
  std::vector<NewPetitionItem> items;
  std::optional<ConferenceId> conference_id;
  int session_number = 0;
  std::string form_token;
  std::vector<NewAttachment> attachments;
  std::optional<Date> received_on;  // a letter received earlier; default today
};

// The validated parts of a NewPetition (attachments not yet stored).
struct CheckedPetition {
  Submitter submitter;                     // NFC, phone normalised
  std::vector<PetitionItem> items;         // number, text (NFC), class, field code
  std::vector<NewAttachment> attachments;  // file names NFC, sizes and types checked
  std::vector<std::string> media_types;    // sniffed, one per attachment
};

// Checks every field and returns all problems at once as FieldErrors
// ("name", "phone", "village", "address", "text", "class", "field",
// "attachments", "id_number"), in Vietnamese:
//  * text: valid UTF-8, not empty, ≤ kMaxPetitionTextChars after NFC;
//  * name: required except for a village head's or a letter's anonymous
//    kiến nghị / phản ánh; a tố cáo needs name and address (CLS-03, TC-06);
//  * phone: required for the online channel; when given it must normalise;
//  * village: when given it must name a village of the commune;
//  * attachments: ≤ kMaxAttachments, each ≤ kMaxAttachmentBytes and a JPEG,
//    PNG or PDF by its bytes, whatever its name says.
Result<CheckedPetition> CheckNewPetition(const NewPetition& input,
                                         const std::vector<Village>& villages,
                                         const std::vector<PetitionField>& fields);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_INTAKE_H_
