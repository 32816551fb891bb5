// The JSON shapes of the secretary desk and the room screen (issue #7):
// speakers, opinions (a tố cáo shows its topic only, CONF-03), sessions and
// the minutes' sign-offs, in Việt Nam local time.
#ifndef DOITHOAI_ADAPTERS_WEB_CONFERENCE_DAY_JSON_H_
#define DOITHOAI_ADAPTERS_WEB_CONFERENCE_DAY_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/communes/commune.h"
#include "core/conferences/conference.h"
#include "core/petitions/petition.h"

namespace doithoai::web::desk_json {

// CONF-03: the desk and the screen show the topic of a tố cáo, not its text.
inline constexpr char kDenunciationTopic[] =
    "Ý kiến có nội dung tố cáo (ghi nhận riêng theo quy định)";

// "2023-12-08T07:31:00+07:00" (UTC+7, no DST), or null.
nlohmann::json LocalTime(const std::optional<Timestamp>& t);
std::string VillageName(const std::vector<Village>& villages, std::optional<VillageId> id);
std::string OfficialName(const std::vector<Official>& officials, std::optional<OfficialId> id);
nlohmann::json SpeakerJson(const Speaker& s, const std::vector<Village>& villages);
// `p` null: the petition could not be read (only the link is shown).
nlohmann::json OpinionJson(const Opinion& o, const Petition* p, const std::vector<Unit>& units);
nlohmann::json SessionJson(const ConferenceSession& s);
nlohmann::json MinutesJson(const MinutesRecord& m);

}  // namespace doithoai::web::desk_json

#endif  // DOITHOAI_ADAPTERS_WEB_CONFERENCE_DAY_JSON_H_
