// One session of a conference as an iCalendar file (RFC 5545), so that
// officials and invited agencies can put it in their calendars. Pure: the
// caller passes "now" (DTSTAMP) and the host that makes UIDs unique.
#ifndef DOITHOAI_CORE_CONFERENCES_ICS_H_
#define DOITHOAI_CORE_CONFERENCES_ICS_H_

#include <string>
#include <string_view>

#include "core/common/clock.h"
#include "core/conferences/conference.h"

namespace doithoai {

// A VCALENDAR (METHOD:PUBLISH) holding the VTIMEZONE of Asia/Ho_Chi_Minh
// (UTC+07:00, no daylight saving) and one VEVENT:
//   UID          "<commune id>-<conference id>-<session number>@<uid_host>"
//   DTSTAMP      `now` in UTC ("20231201T013000Z")
//   DTSTART/END  local times with TZID=Asia/Ho_Chi_Minh, from the session's
//                date, start_minute and duration_minutes
//   SUMMARY      the subject, plus " – Phiên N" when there are several sessions
//   LOCATION     the venue
//   DESCRIPTION  the content areas (II.2), one per line (left out when none)
//   ORGANIZER    CN=`organiser_name` (mailto:noreply@<uid_host>)
//   SEQUENCE     conference.version (clients replace older copies)
// TEXT values are escaped (§3.3.11), lines end in CRLF and are folded at 75
// octets, never inside a UTF-8 sequence (§3.1).
std::string SessionIcs(const Conference& conference, const ConferenceSession& session,
                       std::string_view organiser_name, std::string_view uid_host, Timestamp now);

namespace ics_internal {

// RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped; CRLF
// and lone CR become "\n"; other control characters (but TAB) are dropped.
std::string EscapeText(std::string_view text);

// RFC 5545 §3.1: `line` (without its CRLF) split into lines of at most 75
// octets, continuation lines starting with one space, each ending in CRLF.
std::string FoldLine(std::string_view line);

}  // namespace ics_internal

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_ICS_H_
