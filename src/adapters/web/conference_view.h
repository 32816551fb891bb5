// View models of a conference for the templates and the JSON API: labels,
// formatted dates, due and overdue flags, documents and their state. Shared by
// the staff pages, the API and the public page so they say the same thing.
#ifndef DOITHOAI_ADAPTERS_WEB_CONFERENCE_VIEW_H_
#define DOITHOAI_ADAPTERS_WEB_CONFERENCE_VIEW_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "adapters/http/http_types.h"
#include "core/communes/commune.h"
#include "core/conferences/conference.h"
#include "core/conferences/conference_service.h"

namespace doithoai::web {

// id, year, subject, state, first/last date, sessions (API list entry).
nlohmann::json ConferenceSummaryJson(const Conference& c);

// What the system computes for a conference: the rule set in force, the
// latest notice date (DLG-07) and results deadline (DLG-08), tasks with due
// dates and overdue flags, documents with their issue state, attendance and
// budget totals.
Result<nlohmann::json> ConferenceDerivedJson(ConferenceService& service, const Commune& commune,
                                             const Conference& c);

// The public page: time, venue, content, how to take part (DLG-07). Never
// the invitees' tokens or addresses.
nlohmann::json PublicConferencePage(const Commune& commune, const std::vector<Village>& villages,
                                    const Conference& c);

// "08/12/2023 (thứ Sáu), 07 giờ 30, ½ ngày".
std::string SessionWhen(const ConferenceSession& s);
// Village names of a session, comma-separated.
std::string SessionVillages(const ConferenceSession& s, const std::vector<Village>& villages);
// 1234567 → "1.234.567".
std::string FormatVnd(int64_t amount);

// Absolute URL of the public conference page (the QR payload): `configured`
// (the --public-url, without a trailing slash) or, when empty, the request's
// Host header.
std::string ConferencePublicUrl(const std::string& configured, const http::HttpRequest& request,
                                const Commune& commune, ConferenceId id);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_CONFERENCE_VIEW_H_
