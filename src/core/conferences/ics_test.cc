#include "core/conferences/ics.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/calendar/date.h"

namespace doithoai {
namespace {

using namespace std::chrono_literals;

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

Conference TwoSessionConference() {
  Conference c;
  c.id = ConferenceId{12};
  c.commune_id = CommuneId{7};
  c.version = 3;
  c.subject = "Đối thoại năm 2023";
  c.content_areas = {"Đất đai; môi trường", "- An ninh, trật tự"};
  ConferenceSession first;
  first.number = 1;
  first.date = D(2023, 12, 8);
  first.start_minute = 450;  // 07:30
  first.duration_minutes = 240;
  first.venue = "Hội trường UBND xã";
  ConferenceSession second = first;
  second.number = 2;
  second.start_minute = 22 * 60 + 30;  // ends after midnight
  second.duration_minutes = 120;
  second.venue = "Nhà văn hóa thôn 1, xã Hoằng Trường";
  c.sessions = {first, second};
  return c;
}

Timestamp Now() {
  return Timestamp(std::chrono::sys_days(std::chrono::year_month_day(
                       std::chrono::year(2023), std::chrono::month(12), std::chrono::day(1))) +
                   1h + 30min + 5s + 678ms);
}

std::vector<std::string> SplitCrlf(const std::string& s) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t end = s.find("\r\n", pos);
    if (end == std::string::npos) {
      lines.push_back(s.substr(pos));
      break;
    }
    lines.push_back(s.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

std::string Unfold(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

bool IsValidUtf8(const std::string& s) {
  // Every line must start on a lead byte and hold whole sequences.
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
    if (n == 0 || i + n > s.size()) {
      return false;
    }
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += n;
  }
  return true;
}

TEST(SessionIcsTest, ExactOutputForASmallFixture) {
  const Conference c = TwoSessionConference();
  const std::string ics =
      SessionIcs(c, c.sessions[1], "UBND xã Hoằng Trường", "doithoai.example", Now());
  const std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//doithoai//Hoi nghi doi thoai voi Nhan dan//VI\r\n"
      "CALSCALE:GREGORIAN\r\n"
      "METHOD:PUBLISH\r\n"
      "BEGIN:VTIMEZONE\r\n"
      "TZID:Asia/Ho_Chi_Minh\r\n"
      "BEGIN:STANDARD\r\n"
      "DTSTART:19700101T000000\r\n"
      "TZOFFSETFROM:+0700\r\n"
      "TZOFFSETTO:+0700\r\n"
      "TZNAME:+07\r\n"
      "END:STANDARD\r\n"
      "END:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:7-12-2@doithoai.example\r\n"
      "DTSTAMP:20231201T013005Z\r\n"
      "DTSTART;TZID=Asia/Ho_Chi_Minh:20231208T223000\r\n"
      "DTEND;TZID=Asia/Ho_Chi_Minh:20231209T003000\r\n"
      "SEQUENCE:3\r\n"
      "SUMMARY:Đối thoại năm 2023 – Phiên 2\r\n"
      "LOCATION:Nhà văn hóa thôn 1\\, xã Hoằng Trường\r\n"
      "DESCRIPTION:Nội dung đối thoại:\\n- Đất đai\\; môi trường\\n- A\r\n"
      " n ninh\\, trật tự\r\n"
      "ORGANIZER;CN=\"UBND xã Hoằng Trường\":mailto:noreply@doithoai.example\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  EXPECT_EQ(ics, expected);
}

TEST(SessionIcsTest, SingleSessionHasNoSessionSuffix) {
  Conference c = TwoSessionConference();
  c.sessions.resize(1);
  const std::string ics = SessionIcs(c, c.sessions[0], "UBND", "h", Now());
  EXPECT_NE(ics.find("\r\nSUMMARY:Đối thoại năm 2023\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20231208T073000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nDTEND;TZID=Asia/Ho_Chi_Minh:20231208T113000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nUID:7-12-1@h\r\n"), std::string::npos);
}

TEST(SessionIcsTest, FoldsLongVietnameseLinesWithoutSplittingCharacters) {
  Conference c = TwoSessionConference();
  std::string area;
  for (int i = 0; i < 30; ++i) {
    area += "Giải quyết kiến nghị về đất đai, bồi thường, hỗ trợ tái định cư ở thôn Đồng; ";
  }
  c.content_areas = {area};
  const std::string ics = SessionIcs(c, c.sessions[0], "UBND", "h", Now());
  ASSERT_TRUE(ics.ends_with("\r\n"));
  int continuation_lines = 0;
  for (const std::string& line : SplitCrlf(ics)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
    const std::string content = line.starts_with(" ") ? line.substr(1) : line;
    EXPECT_TRUE(IsValidUtf8(content)) << line;
    continuation_lines += line.starts_with(" ") ? 1 : 0;
  }
  EXPECT_GT(continuation_lines, 30);
  const std::string unfolded = Unfold(ics);
  const std::string expected_description =
      "DESCRIPTION:" + ics_internal::EscapeText("Nội dung đối thoại:\n- " + area) + "\r\n";
  EXPECT_NE(unfolded.find("\r\n" + expected_description), std::string::npos);
}

TEST(SessionIcsTest, NoContentAreasNoDescription) {
  Conference c = TwoSessionConference();
  c.content_areas.clear();
  const std::string ics = SessionIcs(c, c.sessions[0], "UBND", "h", Now());
  EXPECT_EQ(ics.find("DESCRIPTION"), std::string::npos);
}

TEST(FoldLineTest, ShortLineIsKept) {
  EXPECT_EQ(ics_internal::FoldLine("SUMMARY:x"), "SUMMARY:x\r\n");
  EXPECT_EQ(ics_internal::FoldLine(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
  EXPECT_EQ(ics_internal::FoldLine(std::string(76, 'a')), std::string(75, 'a') + "\r\n a\r\n");
}

TEST(FoldLineTest, CutsBeforeAMultibyteSequence) {
  // 74 ASCII octets, then "ệ" (3 octets): it would straddle octet 75.
  const std::string line = std::string(74, 'a') + "ệb";
  EXPECT_EQ(ics_internal::FoldLine(line), std::string(74, 'a') + "\r\n ệb\r\n");
}

TEST(EscapeTextTest, EscapesPerRfc5545) {
  EXPECT_EQ(ics_internal::EscapeText("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  EXPECT_EQ(ics_internal::EscapeText("tab\tok\x01"), "tab\tok");
  EXPECT_EQ(ics_internal::EscapeText("Hoằng: \"x\""), "Hoằng: \"x\"");
}

TEST(SessionIcsTest, OrganiserNameIsQuotedAndCaretEncoded) {
  const Conference c = TwoSessionConference();
  const std::string ics = SessionIcs(c, c.sessions[0], "UBND \"A\"; B^C", "h", Now());
  EXPECT_NE(ics.find("\r\nORGANIZER;CN=\"UBND ^'A^'; B^^C\":mailto:noreply@h\r\n"),
            std::string::npos);
}

}  // namespace
}  // namespace doithoai
