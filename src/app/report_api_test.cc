// The report summary JSON (issue #7 "Interfaces", DLG-13) over the assembled
// application: the figures follow what was recorded, the by-field rows add
// up to the total, and bad dates get Vietnamese field errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/petition_public_testing.h"

namespace doithoai::app {
namespace {

constexpr char kSummary[] = "/api/v1/communes/hoang-truong/reports/summary";

class ReportApiTest : public PetitionPublicTest {
 protected:
  nlohmann::json Summary(const std::string& query) {
    http::HttpResponse r = GetWithBearer(kSummary, query, BearerFor("chutich"));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? nlohmann::json::parse(r.body) : nlohmann::json::object();
  }
};

TEST_F(ReportApiTest, FiguresFollowWhatWasRecorded) {
  const std::string period = "from=2026-11-01&to=2026-11-30";
  const nlohmann::json before = Summary(period);
  ASSERT_TRUE(before.contains("total"));
  const std::string code = SubmitValid();  // a "phản ánh" about a road
  AnswerFirstItem(code, "Đã sửa.", false);
  SubmitValid();
  const nlohmann::json after = Summary(period);
  EXPECT_EQ(after["total"], before["total"].get<int>() + 2);
  EXPECT_EQ(after["petitions"], before["petitions"].get<int>() + 2);
  EXPECT_EQ(after["resolved"], before["resolved"].get<int>() + 1);
  EXPECT_EQ(after["by_class"]["report"], before["by_class"]["report"].get<int>() + 2);
  EXPECT_EQ(after["answered_with_deadline"], before["answered_with_deadline"].get<int>() + 1);
  EXPECT_EQ(after["answered_on_time"], before["answered_on_time"].get<int>() + 1);
  int sum = 0;
  for (const auto& row : after["by_field"]) sum += row["total"].get<int>();
  EXPECT_EQ(sum, after["total"].get<int>());
  EXPECT_EQ(after["within_authority"].get<int>() + after["beyond_authority"].get<int>(),
            after["total"].get<int>());
  EXPECT_EQ(after["from"], "2026-11-01");
  EXPECT_EQ(after["as_of"], "2026-11-02");
  // A period before anything was received: zeros and no rates.
  const nlohmann::json empty = Summary("from=2020-01-01&to=2020-12-31");
  EXPECT_EQ(empty["total"], 0);
  EXPECT_TRUE(empty["on_time_rate"].is_null());
  EXPECT_TRUE(empty["satisfaction_rate"].is_null());
}

TEST_F(ReportApiTest, BadDatesAreRefusedInVietnamese) {
  const std::string token = BearerFor("chutich");
  for (const char* query :
       {"to=2026-11-30", "from=2026-13-01&to=2026-11-30", "from=2026-11-30&to=2026-11-01",
        "from=2026-11-01&to=2026-11-30&conference=x"}) {
    http::HttpResponse r = GetWithBearer(kSummary, query, token);
    EXPECT_EQ(r.status, 400) << query;
    const nlohmann::json body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << query;
    EXPECT_FALSE(body["error"]["fields"].empty()) << query;
  }
  EXPECT_EQ(Call("GET", kSummary, "from=2026-11-01&to=2026-11-30").status, 401);
}

TEST_F(ReportApiTest, ThePageShowsTable2WithTheSameNumbers) {
  SubmitValid();
  const nlohmann::json figures = Summary("from=2026-11-01&to=2026-11-30");
  const SignedIn s = SignIn("chutich");
  http::HttpResponse page =
      Call("GET", "/quan-tri/hoang-truong/bao-cao", "from=2026-11-01&to=2026-11-30",
           {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "Bảng 2 – Thống kê theo lĩnh vực"));
  EXPECT_TRUE(Contains(page.body, "<strong id=\"tong-y-kien\">" +
                                      std::to_string(figures["total"].get<int>()) + "</strong>"));
  EXPECT_TRUE(Contains(page.body, "đất đai – môi trường"));
  // Without a period: this month so far.
  http::HttpResponse month = Call("GET", "/quan-tri/hoang-truong/bao-cao", "",
                                  {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  ASSERT_EQ(month.status, 200);
  EXPECT_TRUE(Contains(month.body, "value=\"2026-11-01\""));
  // A bad period: 400 with the Vietnamese reason on the page.
  http::HttpResponse bad =
      Call("GET", "/quan-tri/hoang-truong/bao-cao", "from=2026-11-30&to=2026-11-01",
           {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "Ngày kết thúc phải sau ngày bắt đầu"));
}

// Bảng 3 (issue #7 §5): the opinions of the demo's 2023 conference with
// their progress; overdue highlighted; unresolved ones proposed again.
TEST_F(ReportApiTest, FollowUpBoardListsTheConferencesOpinions) {
  auto commune = app_->communes().FindCommune(demo_);
  ASSERT_TRUE(commune.ok());
  auto raise = [&](const std::string& name, const std::string& text, PetitionClass c) {
    NewPetition input;
    input.channel = PetitionChannel::kConference;
    input.conference_id = ConferenceId{1};
    input.name = name;
    input.phone = "0912000333";
    input.address = "Thôn 2";
    input.village = "Thôn 2";
    input.received_on = Date::Parse("2026-10-01").value();
    input.items.push_back({text, c, ""});
    auto created = petitions().Submit(*commune, input, StaffCtx());
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->petition.code : std::string();
  };
  const std::string road =
      raise("Lê Văn Đường", "Đường ra đồng thôn 2 lầy lội.", PetitionClass::kProposal);
  const std::string secret =
      raise("Người Tố Giác", "Tố cáo thủ quỹ thôn biển thủ.", PetitionClass::kDenunciation);
  auto p = petitions().FindByCode(demo_, road);
  ASSERT_TRUE(p.ok());
  const UnitId unit = app_->communes().ListUnits(demo_).value()[2].id;
  ASSERT_TRUE(
      petitions()
          .Assign(demo_, p->id, std::nullopt, {1}, unit, std::nullopt, std::nullopt, StaffCtx())
          .ok());
  const SignedIn s = SignIn("thuky");
  http::HttpResponse board = Call("GET", "/quan-tri/hoang-truong/hoi-nghi/1/theo-doi", "",
                                  {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_TRUE(Contains(board.body, "Bảng 3 – Theo dõi thực hiện kết luận"));
  EXPECT_TRUE(Contains(board.body, road));
  EXPECT_TRUE(Contains(board.body, "Đường ra đồng thôn 2 lầy lội."));
  EXPECT_TRUE(Contains(board.body, "Địa chính – Xây dựng"));
  // CONF-02: the denunciation by pseudonym, without its text or the name.
  EXPECT_TRUE(Contains(board.body, "Người tố cáo " + secret));
  EXPECT_FALSE(Contains(board.body, "Người Tố Giác"));
  EXPECT_FALSE(Contains(board.body, "biển thủ"));
  // Both are open, proposed for the next conference; the road is overdue
  // (received 01/10, today 02/11) only if its deadline has passed.
  EXPECT_TRUE(Contains(board.body, "<strong id=\"con-mo\">2</strong>"));
  EXPECT_TRUE(Contains(board.body, "Đề xuất đưa vào chương trình hội nghị lần sau"));
  // Another commune's official: 404.
  CreateOtherCommune();
  EXPECT_EQ(Call("GET", "/quan-tri/xa-khac/hoi-nghi/1/theo-doi", "",
                 {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}})
                .status,
            404);
}

}  // namespace
}  // namespace doithoai::app
