#include "core/conferences/ics.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace doithoai {
namespace ics_internal {

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
          break;  // CONTROL characters are not allowed in TEXT
        }
        out += c;
    }
  }
  return out;
}

std::string FoldLine(std::string_view line) {
  constexpr size_t kMaxOctets = 75;
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  size_t pos = 0;
  bool first = true;
  while (true) {
    // A continuation line's leading space counts towards its 75 octets.
    const size_t room = first ? kMaxOctets : kMaxOctets - 1;
    size_t end = pos + room;
    if (end >= line.size()) {
      end = line.size();
    } else {
      // Step back over UTF-8 continuation bytes (10xxxxxx) so that the cut
      // falls before the lead byte of a sequence.
      while (end > pos && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) {
        --end;
      }
      if (end == pos) {
        end = pos + room;  // not UTF-8: cut anywhere rather than loop
      }
    }
    if (!first) {
      out += ' ';
    }
    out.append(line.substr(pos, end - pos));
    out += "\r\n";
    pos = end;
    first = false;
    if (pos >= line.size()) {
      break;
    }
  }
  return out;
}

}  // namespace ics_internal

namespace {

using ics_internal::EscapeText;
using ics_internal::FoldLine;

// "20231208T073000" for a local date and time.
std::string FormatDateTime(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss hms(t - day);
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d%02u%02uT%02d%02d%02d", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buffer;
}

// RFC 6868 parameter value: ^ → ^^, newline → ^n, " → ^', in DQUOTEs.
std::string QuoteParam(std::string_view value) {
  std::string out = "\"";
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '^') {
      out += "^^";
    } else if (c == '"') {
      out += "^'";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
        ++i;
      }
      out += "^n";
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
      continue;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

constexpr std::string_view kTzid = "Asia/Ho_Chi_Minh";

}  // namespace

std::string SessionIcs(const Conference& conference, const ConferenceSession& session,
                       std::string_view organiser_name, std::string_view uid_host, Timestamp now) {
  std::string out;
  auto line = [&out](std::string_view text) { out += FoldLine(text); };

  const auto start = std::chrono::sys_seconds(session.date.sys_days()) +
                     std::chrono::minutes(session.start_minute);
  const auto end = start + std::chrono::minutes(session.duration_minutes);

  std::string summary = conference.subject;
  if (conference.sessions.size() > 1) {
    summary += " – Phiên " + std::to_string(session.number);
  }
  std::string description = "Nội dung đối thoại:";
  for (const std::string& area : conference.content_areas) {
    description += "\n";
    if (!area.starts_with("-") && !area.starts_with("+")) {
      description += "- ";
    }
    description += area;
  }

  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//doithoai//Hoi nghi doi thoai voi Nhan dan//VI");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("BEGIN:VTIMEZONE");
  line("TZID:" + std::string(kTzid));
  line("BEGIN:STANDARD");
  line("DTSTART:19700101T000000");
  line("TZOFFSETFROM:+0700");
  line("TZOFFSETTO:+0700");
  line("TZNAME:+07");
  line("END:STANDARD");
  line("END:VTIMEZONE");
  line("BEGIN:VEVENT");
  line("UID:" + std::to_string(conference.commune_id.value) + "-" +
       std::to_string(conference.id.value) + "-" + std::to_string(session.number) + "@" +
       std::string(uid_host));
  line("DTSTAMP:" + FormatDateTime(std::chrono::floor<std::chrono::seconds>(now)) + "Z");
  line("DTSTART;TZID=" + std::string(kTzid) + ":" + FormatDateTime(start));
  line("DTEND;TZID=" + std::string(kTzid) + ":" + FormatDateTime(end));
  line("SEQUENCE:" + std::to_string(conference.version < 0 ? 0 : conference.version));
  line("SUMMARY:" + EscapeText(summary));
  if (!session.venue.empty()) {
    line("LOCATION:" + EscapeText(session.venue));
  }
  if (!conference.content_areas.empty()) {
    line("DESCRIPTION:" + EscapeText(description));
  }
  line("ORGANIZER;CN=" + QuoteParam(organiser_name) + ":mailto:noreply@" + std::string(uid_host));
  line("END:VEVENT");
  line("END:VCALENDAR");
  return out;
}

}  // namespace doithoai
