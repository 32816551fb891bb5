// The demo's held 2023 conference (issue #7, "Interfaces that outside checks
// will use"): `init --demo` records the seed's conference day through the
// real services at its real dates, so a newcomer sees every screen with
// data — attendance, 15 opinions from 10 speakers of several villages
// (answered in the room, assigned and answered later, assigned and overdue,
// forwarded, one tố cáo kept secret), signed minutes, an issued results
// notice delivered to the village heads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "adapters/web/site.h"
#include "app/petition_public_testing.h"

namespace doithoai::app {
namespace {

constexpr char kConference[] = "/api/v1/communes/hoang-truong/conferences/1";

class DemoHistoryTest : public PetitionPublicTest {
 protected:
  bool WithHistory() const override { return true; }

  nlohmann::json GetJson(const std::string& path, const std::string& query = "") {
    http::HttpResponse r = GetWithBearer(path, query, BearerFor("chutich"));
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    return r.status == 200 ? nlohmann::json::parse(r.body) : nlohmann::json::object();
  }
};

TEST_F(DemoHistoryTest, TheSeedConferenceIsHeldSignedAndItsResultsPublished) {
  const nlohmann::json c = GetJson(kConference);
  EXPECT_EQ(c["state"], "results_published");
  ASSERT_EQ(c["sessions"].size(), 1u);
  EXPECT_EQ(c["sessions"][0]["held"], true);
  EXPECT_EQ(c["speakers"].size(), 10u);
  EXPECT_EQ(c["opinions"].size(), 15u);
  std::set<int64_t> villages;
  for (const auto& s : c["speakers"]) {
    if (s.contains("village") && s["village"].is_number())
      villages.insert(s["village"].get<int64_t>());
  }
  EXPECT_GE(villages.size(), 8u);  // speakers from several villages
  // DLG-10: signed by the secretary and then by the chair on the day.
  ASSERT_TRUE(c["minutes"].contains("secretary"));
  ASSERT_TRUE(c["minutes"].contains("chair"));
  EXPECT_LT(c["minutes"]["secretary"]["at"].get<int64_t>(),
            c["minutes"]["chair"]["at"].get<int64_t>());
  // DLG-08/12: published on the loudspeaker and the notice board, and
  // handed to eight of the nine village heads (one is still to be told).
  EXPECT_EQ(c["results_publications"].size(), 2u);
  EXPECT_EQ(c["results_deliveries"].size(), 8u);
  EXPECT_TRUE(c["results_late_reason"].get<std::string>().empty());  // issued in time
  // Citizens were counted; most invitees checked in.
  EXPECT_FALSE(c["attendance"].empty());
  int checked_in = 0;
  for (const auto& i : c["invitees"]) {
    checked_in += i.value("checked_in_at", nlohmann::json()).is_null() ? 0 : 1;
  }
  EXPECT_EQ(checked_in, static_cast<int>(c["invitees"].size()) - 2);

  // The register holds the day's documents with their numbers.
  for (const char* kind : {"ke-hoach", "bien-ban", "thong-bao-ket-qua"}) {
    http::HttpResponse pdf = GetWithBearer(std::string(kConference) + "/documents/" + kind + ".pdf",
                                           "", BearerFor("chutich"));
    EXPECT_EQ(pdf.status, 200) << kind;
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-") << kind;
  }
}

TEST_F(DemoHistoryTest, TheReportShowsEveryKindOfOutcome) {
  const nlohmann::json r = GetJson("/api/v1/communes/hoang-truong/reports/summary",
                                   "conference=1&from=2023-12-01&to=2023-12-31");
  EXPECT_EQ(r["total"], 15);
  EXPECT_EQ(r["answered_in_room"], 6);
  EXPECT_EQ(r["forwarded"], 1);
  EXPECT_EQ(r["beyond_authority"], 1);
  EXPECT_EQ(r["by_class"]["denunciation"], 1);
  EXPECT_EQ(r["by_class"]["complaint"], 1);
  // Assigned and answered afterwards: two within the legal deadline, two late.
  EXPECT_EQ(r["answered_with_deadline"], 4);
  EXPECT_EQ(r["answered_on_time"], 2);
  // Still open today (2026): the three assigned items and the tố cáo.
  const nlohmann::json now = GetJson("/api/v1/communes/hoang-truong/reports/summary",
                                     "conference=1&from=2023-12-01&to=2026-11-30");
  EXPECT_EQ(now["overdue"], 4);
  EXPECT_EQ(now["resolved"], 10);
}

TEST_F(DemoHistoryTest, TheDenouncerIsNamedNowhereOutsideTheSealedRecord) {
  // CONF-01/02: the desk renamed the speaker to the petition's pseudonym.
  const std::string denouncer = "Nguyễn Văn Tuấn";
  const std::string token = BearerFor("thuky");
  for (const std::string& path : {std::string(kConference) + "/desk",
                                  std::string(kConference) + "/live", std::string(kConference)}) {
    http::HttpResponse r = GetWithBearer(path, "", token);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find(denouncer), std::string::npos) << path;
  }
  http::HttpResponse minutes =
      GetWithBearer(std::string(kConference) + "/documents/bien-ban.docx", "", token);
  ASSERT_EQ(minutes.status, 200);
  EXPECT_EQ(minutes.body.find(denouncer), std::string::npos);
  http::HttpResponse public_page = Call("GET", "/x/hoang-truong/hoi-nghi/1");
  ASSERT_EQ(public_page.status, 200);
  EXPECT_EQ(public_page.body.find(denouncer), std::string::npos);
}

TEST_F(DemoHistoryTest, TheFollowUpBoardShowsTheOverdueItems) {
  SignedIn chair = SignIn("chutich");
  http::HttpResponse board =
      Call("GET", "/quan-tri/hoang-truong/hoi-nghi/1/theo-doi", "",
           {{"cookie", std::string(web::kSessionCookie) + "=" + chair.token}});
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_NE(board.body.find("Quá hạn"), std::string::npos);
  EXPECT_NE(board.body.find("Tài chính – Ngân sách"), std::string::npos);
}

}  // namespace
}  // namespace doithoai::app
