// End to end through the real binary and HTTP: the demo's 2023 conference
// (the seed plan) listed and returned by the staff API, every document kind
// rendered as DOCX and PDF (the PDF text checked with pdftotext, page 1 saved
// as a PNG artefact for people to look at), the spoken notice, the calendar
// file, the budget sheet and the public page; other communes see nothing.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

class ConferenceApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_db_.spec();
    CommandResult init = RunDoithoai({"init", "--db", db_, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    server_ = std::make_unique<ServerProcess>(db_);
    token_ = Login("vanphong");
  }

  std::string Login(const std::string& user) {
    auto r =
        Request(server_->port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                R"({"username":")" + user + R"(","password":"doithoai-demo"})");
    EXPECT_TRUE(r.has_value());
    if (!r || r->status != 200) return "";
    return nlohmann::json::parse(r->body)["token"];
  }

  HttpReply Get(const std::string& path, const std::string& token) {
    std::map<std::string, std::string> headers;
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    auto r = Request(server_->port(), "GET", path, headers);
    EXPECT_TRUE(r.has_value()) << path;
    return r.value_or(HttpReply{});
  }

  std::string Save(const std::string& name, const std::string& bytes) {
    std::string path = dir_.path() + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  TempDir dir_;
  TestDb test_db_{dir_};
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  std::string token_;
};

constexpr char kApi[] = "/api/v1/communes/hoang-truong/conferences";

TEST_F(ConferenceApiTest, ListsAndShowsTheSeedConference) {
  HttpReply list = Get(kApi, token_);
  ASSERT_EQ(list.status, 200) << list.body;
  auto body = nlohmann::json::parse(list.body);
  ASSERT_EQ(body["conferences"].size(), 1u);
  const auto& c = body["conferences"][0];
  EXPECT_EQ(c["year"], 2023);
  EXPECT_EQ(c["first_date"], "2023-12-08");
  const std::string id = std::to_string(c["id"].get<int64_t>());

  HttpReply one = Get(std::string(kApi) + "/" + id, token_);
  ASSERT_EQ(one.status, 200);
  auto full = nlohmann::json::parse(one.body);
  EXPECT_EQ(full["sessions"][0]["venue"], "Hội trường công sở xã Hoằng Trường");
  EXPECT_EQ(full["derived"]["latest_notice_date"], "2023-12-01");  // DLG-07: D-7
  EXPECT_EQ(full["content_areas"].size(), 4u);

  // Unauthenticated and other-commune callers get nothing.
  EXPECT_EQ(Get(kApi, "").status, 401);
  EXPECT_EQ(Get("/api/v1/communes/khong-co/conferences", token_).status, 404);
}

TEST_F(ConferenceApiTest, RendersEveryDocumentAsDocxAndPdf) {
  for (const char* kind : {"ke-hoach", "chuong-trinh", "giay-moi", "thong-bao"}) {
    SCOPED_TRACE(kind);
    HttpReply docx = Get(std::string(kApi) + "/1/documents/" + kind + ".docx", token_);
    ASSERT_EQ(docx.status, 200) << docx.body;
    EXPECT_EQ(docx.Header("content-type"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(docx.body.substr(0, 2), "PK");
    HttpReply pdf = Get(std::string(kApi) + "/1/documents/" + kind + ".pdf", token_);
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  }
  HttpReply pdf = Get(std::string(kApi) + "/1/documents/ke-hoach.pdf", token_);
  const std::string path = Save("ke-hoach.pdf", pdf.body);
  const std::string text = Shell("pdftotext -layout '" + path + "' - 2>/dev/null");
  for (const char* expected :
       {"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "V. TỔ CHỨC THỰC HIỆN",
        "½ ngày, ngày 08 tháng 12 năm 2023", "Hội trường công sở xã Hoằng Trường",
        "Thôn trưởng 9 thôn", "Lê Thanh Cảnh"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  EXPECT_NE(Shell("pdfinfo '" + path + "'").find("595.276 x 841.89"), std::string::npos);  // A4
  // Page 1 as PNG, kept next to the test binary for people to look at.
  const char* out = std::getenv("DOITHOAI_ARTEFACT_DIR");
  const std::string artefacts = out != nullptr ? out : ".";
  Shell("pdftoppm -png -r 80 -f 1 -l 1 -singlefile '" + path + "' '" + artefacts +
        "/ke-hoach-trang-1'");
  std::ifstream png(artefacts + "/ke-hoach-trang-1.png", std::ios::binary);
  EXPECT_TRUE(png.good());

  HttpReply gm = Get(std::string(kApi) + "/1/documents/giay-moi.pdf", token_);
  const std::string gm_path = Save("giay-moi.pdf", gm.body);
  const std::string pages = Shell("pdfinfo '" + gm_path + "' | grep Pages");
  EXPECT_GE(std::atoi(pages.substr(pages.find_last_of(' ') + 1).c_str()), 27);  // ≥ 3 × 9 villages

  EXPECT_EQ(Get(std::string(kApi) + "/1/documents/khong-co.pdf", token_).status, 404);
  EXPECT_EQ(Get(std::string(kApi) + "/1/documents/ke-hoach.odt", token_).status, 404);
  EXPECT_EQ(Get(std::string(kApi) + "/99/documents/ke-hoach.pdf", token_).status, 404);
}

TEST_F(ConferenceApiTest, NoticeAudioCalendarAndBudgetSheet) {
  HttpReply wav = Get(std::string(kApi) + "/1/notice.wav", token_);
  ASSERT_EQ(wav.status, 200) << wav.body;
  EXPECT_EQ(wav.Header("content-type"), "audio/wav");
  EXPECT_EQ(wav.body.substr(0, 4), "RIFF");
  EXPECT_GT(wav.body.size(), 100000u);  // several seconds of speech

  HttpReply ics = Get(std::string(kApi) + "/1/sessions/1.ics", token_);
  ASSERT_EQ(ics.status, 200);
  EXPECT_NE(ics.body.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(ics.body.find("DTSTART;TZID=Asia/Ho_Chi_Minh:20231208T073000"), std::string::npos);
  EXPECT_EQ(Get(std::string(kApi) + "/1/sessions/2.ics", token_).status, 404);

  HttpReply xlsx = Get(std::string(kApi) + "/1/budget.xlsx", token_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_F(ConferenceApiTest, PublicPageShowsTimeVenueContentAndHowToTakePart) {
  HttpReply page = Get("/x/hoang-truong/hoi-nghi/1", "");
  ASSERT_EQ(page.status, 200);
  // Templates escape '/' as &#x2F; (valid HTML); read the text as a browser shows it.
  for (size_t at = page.body.find("&#x2F;"); at != std::string::npos;
       at = page.body.find("&#x2F;", at)) {
    page.body.replace(at, 6, "/");
  }
  for (const char* expected : {"08/12/2023", "07 giờ 30", "Hội trường công sở xã Hoằng Trường",
                               "Nội dung đối thoại", "Cách tham dự"}) {
    EXPECT_NE(page.body.find(expected), std::string::npos) << expected;
  }
  // No invitation tokens or invitee addresses on the public page.
  HttpReply full = Get(std::string(kApi) + "/1", token_);
  auto token = nlohmann::json::parse(full.body)["invitees"][0]["token"].get<std::string>();
  EXPECT_EQ(page.body.find(token), std::string::npos);
  EXPECT_EQ(Get("/x/hoang-truong/hoi-nghi/99", "").status, 404);
}

// The QR codes on printed invitations point at the address citizens reach
// (--public-url), not at whatever host the office PC used.
TEST(ConferencePublicUrlTest, InvitationQrCodesUseThePublicUrl) {
  TempDir dir;
  TestDb test_db(dir);
  const std::string& db = test_db.spec();
  ASSERT_EQ(RunDoithoai({"init", "--db", db, "--demo"}).exit_code, 0);
  ServerProcess server(db, {"--public-url", "https://doithoai.example.vn/"});
  auto login =
      Request(server.port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
              R"({"username":"vanphong","password":"doithoai-demo"})");
  ASSERT_TRUE(login.has_value());
  const std::string token = nlohmann::json::parse(login->body)["token"];
  auto editor = Request(server.port(), "GET", "/quan-tri/hoang-truong/hoi-nghi/1/van-ban/giay-moi",
                        {{"Authorization", "Bearer " + token}});
  ASSERT_TRUE(editor.has_value());
  ASSERT_EQ(editor->status, 200);
  std::string body = editor->body;
  for (size_t at = body.find("&#x2F;"); at != std::string::npos; at = body.find("&#x2F;", at)) {
    body.replace(at, 6, "/");
  }
  EXPECT_NE(body.find("https://doithoai.example.vn/x/hoang-truong/hoi-nghi/1?gm="),
            std::string::npos);
  EXPECT_EQ(body.find("127.0.0.1"), std::string::npos);
}

}  // namespace
}  // namespace doithoai::testing
