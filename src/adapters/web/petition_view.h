// View models of petitions for the templates and the JSON API (issue #5):
// the public view (tracking page, public answers, GET /api/v1/petitions/{code}),
// the staff view of one petition, and one row of a staff list. This is the
// single place that decides which personal data leaves the server
// (CONF-01/02): the public view has none; the staff view and list show the
// display name (the pseudonym "Người tố cáo <code>" for a sealed petition)
// and, only when the identity is not sealed, phone, address, village and ID
// number. The sealed identity is never opened here.
//
// Dates come twice: ISO "YYYY-MM-DD" in the plain key ("deadline") and
// "dd/mm/yyyy" in "<key>_text" ("deadline_text"); absent dates are null and
// "". Timestamps: ISO 8601 in Việt Nam time ("2026-11-02T08:00:00+07:00") and
// "02/11/2026 08:00" in "<key>_text".
#ifndef DOITHOAI_ADAPTERS_WEB_PETITION_VIEW_H_
#define DOITHOAI_ADAPTERS_WEB_PETITION_VIEW_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/common/clock.h"
#include "core/communes/commune.h"
#include "core/petitions/classification.h"
#include "core/petitions/petition.h"
#include "core/petitions/petition_service.h"

namespace doithoai::web {

// The longest form token a petition form or the API accepts.
inline constexpr size_t kMaxFormTokenChars = 100;

// True for a form token as Crypto::NewToken makes it (URL-safe base64, at
// most kMaxFormTokenChars) and for "" (no token).
bool ValidFormToken(std::string_view token);

// "2026-11-02T08:00:00+07:00" (Việt Nam time, UTC+7).
std::string IsoVietnamTime(Timestamp t);
// "02/11/2026 08:00" (Việt Nam time).
std::string FormatVietnamTime(Timestamp t);

// Vietnamese name of a history action code ("received" → "Tiếp nhận đơn");
// the code itself when unknown.
std::string HistoryActionLabel(std::string_view action);

// Label of the field `code` in `fields`; "" for "", the code when unknown.
std::string FieldLabelOf(const std::vector<PetitionField>& fields, std::string_view code);
std::string UnitNameOf(const std::vector<Unit>& units, std::optional<UnitId> id);
std::string VillageNameOf(const std::vector<Village>& villages, std::optional<VillageId> id);

// The public view (no personal data; the service has already removed
// tố cáo texts and unpublished answers):
//   {"code","commune_slug","commune_name","channel","received_on","received_on_text",
//    "status","detailed","items":[{"number","class","field","status","status_label",
//    "unit","deadline","deadline_text","deadline_state","deadline_label","text","has_text",
//    "answer":{"text","answered_on","answered_on_text","has_document"}|null,"has_answer",
//    "rating":{"satisfied","comment","at","at_text"}|null,"has_rating","can_rate"}],
//    "history":[{"at","at_text","actor","item","action","action_label","status",
//                "status_label"}],"has_history"}
nlohmann::json PublicViewJson(const PublicPetitionView& view);

// The staff view of one petition (see the header comment for what identity
// data it carries): code, channel, dates, name (display name), sealed,
// phone/address/village/village_id/id_number when not sealed, summary status
// and deadline, items (class, field, status, unit, step, rule, deadline and
// its state, internal target, extensions, answer, rating, forwarding and
// filing), attachments (meta data only; a sealed attachment's file name is
// withheld too) and the full history with staff notes.
nlohmann::json StaffPetitionJson(const Petition& petition, const std::vector<PetitionField>& fields,
                                 const std::vector<Unit>& units,
                                 const std::vector<Village>& villages, Date today,
                                 int due_soon_days);

// One row of a staff list: {"id","code","text" (the first item's whole text),
// "field","field_label","class","class_label","status","status_label",
// "deadline","deadline_text","deadline_state","deadline_label","received_on",
// "received_on_text","village","unit","name" (display name),"sealed",
// "item_count","channel","channel_label"}. "village" is "" for a sealed
// petition (CONF-02: its village is kept clear).
nlohmann::json PetitionListItemJson(const Petition& petition,
                                    const std::vector<PetitionField>& fields,
                                    const std::vector<Unit>& units,
                                    const std::vector<Village>& villages, Date today,
                                    int due_soon_days);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_PETITION_VIEW_H_
