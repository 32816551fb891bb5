// Tests of the roster upload page through a Site and dispatcher of its own
// (in-memory accounts, SQLite in memory): multipart CSV and .xlsx uploads,
// the 400 page listing every bad row (HTML-escaped), nothing written on
// error, CSRF, and 404/403 for other communes and roles.
#include "adapters/web/roster_pages.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "adapters/import/xlsx_testing.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sqlite/database.h"
#include "adapters/web/dispatch.h"
#include "core/testing/fake_clock.h"
#include "core/testing/in_memory_accounts.h"

namespace doithoai::web {
namespace {

constexpr char kBoundary[] = "----doithoai-test-boundary";

struct Upload {
  std::string filename;
  std::string data;
};

// A multipart body with the CSRF field and, if given, the file.
std::string MultipartBody(const std::string& csrf, const Upload* file) {
  std::string body = std::string("--") + kBoundary +
                     "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
  if (file != nullptr) {
    body += std::string("--") + kBoundary +
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file->filename +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file->data + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

class RosterPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::SqliteDatabase::Open(":memory:");
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate().ok());
    communes_ = std::make_unique<sql::SqlCommuneRepository>(*db_);
    AuditContext ctx;
    ctx.actor_name = "test";
    commune_ = AddCommune("hoang-truong", "16000", ctx);
    other_ = AddCommune("xa-khac", "16001", ctx);
    ASSERT_TRUE(communes_->AddVillage(Village{{}, commune_, "Thôn Đông", 1}, ctx).ok());
    AddAccount("can.bo", commune_, Role::kOffice);
    AddAccount("mttq", commune_, Role::kFrontSupervisor);
    AddAccount("khac", other_, Role::kCommuneAdmin);
    auth_ = std::make_unique<Authenticator>(accounts_, sessions_, throttle_, crypto_, clock_);
    site_ = std::make_unique<Site>(router_, *auth_, false);
    pages_ = std::make_unique<RosterPages>(*communes_, clock_);
    pages_->Register(*site_);
  }

  CommuneId AddCommune(const std::string& slug, const std::string& code, const AuditContext& ctx) {
    Commune c;
    c.slug = slug;
    c.code = code;
    c.name = slug;
    auto id = communes_->CreateCommune(c, ctx);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : CommuneId{};
  }

  void AddAccount(const std::string& username, CommuneId commune, Role role) {
    Account a;
    a.username = username;
    a.commune_id = commune;
    a.role = role;
    a.password_hash = "fake$mat-khau";
    ASSERT_TRUE(accounts_.Create(a, AuditContext{}).ok());
  }

  // Posts `file` as `username` (with a valid CSRF token unless `csrf` is set).
  http::HttpResponse Post(const std::string& username, const Upload* file,
                          const std::string& slug = "hoang-truong",
                          const std::string* csrf = nullptr,
                          const std::map<std::string, std::string>& extra = {}) {
    auto login = auth_->Login({username, "mat-khau", "127.0.0.1"});
    EXPECT_TRUE(login.ok());
    http::HttpRequest r;
    r.method = "POST";
    r.path = "/quan-tri/" + slug + "/nhap-danh-sach";
    r.headers = extra;
    r.headers["content-type"] = std::string("multipart/form-data; boundary=") + kBoundary;
    r.headers["cookie"] = std::string(kSessionCookie) + "=" + login->token;
    r.body = MultipartBody(csrf ? *csrf : login->session.csrf_token, file);
    r.remote_addr = "127.0.0.1";
    r.request_id = "t";
    return MakeDispatcher(router_)(r);
  }

  std::vector<std::string> VillageNames(CommuneId commune) {
    std::vector<std::string> names;
    Result<std::vector<Village>> villages = communes_->ListVillages(commune);
    EXPECT_TRUE(villages.ok());
    for (const Village& v : *villages) {
      names.push_back(v.name);
    }
    return names;
  }

  static std::string Location(const http::HttpResponse& r) {
    for (const auto& [k, v] : r.headers) {
      if (k == "Location") {
        return v;
      }
    }
    return "";
  }

  FakeClock clock_{Timestamp(std::chrono::milliseconds(1700000000000))};
  InMemoryAccountRepository accounts_;
  InMemorySessionStore sessions_;
  InMemoryThrottleStore throttle_;
  FakeCrypto crypto_;
  std::unique_ptr<sqlite::SqliteDatabase> db_;
  std::unique_ptr<sql::SqlCommuneRepository> communes_;
  std::unique_ptr<Authenticator> auth_;
  http::Router router_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<RosterPages> pages_;
  CommuneId commune_;
  CommuneId other_;
};

TEST_F(RosterPagesTest, ImportsACsvAndRedirectsToTheDashboard) {
  Upload file{"thon.csv", "Tên thôn,Thứ tự\nThôn Tây,2\n\nThôn Nam,3\n"};
  http::HttpResponse r = Post("can.bo", &file);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(Location(r), "/quan-tri/hoang-truong");
  EXPECT_EQ(VillageNames(commune_),
            (std::vector<std::string>{"Thôn Đông", "Thôn Tây", "Thôn Nam"}));
  EXPECT_TRUE(VillageNames(other_).empty());
}

TEST_F(RosterPagesTest, ImportsAnXlsxStaffList) {
  using import::xlsx_testing::InlineRow;
  Upload file{"can-bo.xlsx",
              import::xlsx_testing::MakeXlsx(InlineRow(1, {"Họ và tên", "Chức vụ"}) +
                                             InlineRow(2, {"Lê Văn An", "Chủ tịch"}))};
  http::HttpResponse r = Post("can.bo", &file);
  EXPECT_EQ(r.status, 303) << r.body;
  ASSERT_EQ(communes_->ListOfficials(commune_)->size(), 1u);
  EXPECT_EQ((*communes_->ListOfficials(commune_))[0].full_name, "Lê Văn An");
}

TEST_F(RosterPagesTest, ListsEveryBadRowEscapedAndWritesNothing) {
  Upload file{"<b>thon</b>.csv",
              "Tên thôn\nThôn Tây\n<script>alert(1)</script>,x\nthôn đông\n\"Thôn \"Bắc\"\n"};
  http::HttpResponse r = Post("can.bo", &file);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Tệp có 3 dòng lỗi; chưa nhập dòng nào."), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("<td>3</td>"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("<td>4</td>"), std::string::npos);
  EXPECT_NE(r.body.find("<td>5</td>"), std::string::npos);
  EXPECT_EQ(r.body.find("<td>2</td>"), std::string::npos);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_EQ(r.body.find("<b>thon"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;b&gt;thon"), std::string::npos);
  // The form is offered again, with the session's CSRF token.
  EXPECT_NE(r.body.find("action=\"/quan-tri/hoang-truong/nhap-danh-sach\""), std::string::npos);
  EXPECT_NE(r.body.find("name=\"_csrf\" value=\"token-"), std::string::npos);
  EXPECT_EQ(VillageNames(commune_), std::vector<std::string>{"Thôn Đông"});
}

TEST_F(RosterPagesTest, ExplainsFileLevelProblems) {
  http::HttpResponse none = Post("can.bo", nullptr);
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("Chưa chọn tệp"), std::string::npos);
  Upload xls{"cu.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)};
  http::HttpResponse old = Post("can.bo", &xls);
  EXPECT_EQ(old.status, 400);
  EXPECT_NE(old.body.find(".xls"), std::string::npos);
  Upload broken{"hong.xlsx", "PK\x03\x04 not really"};
  http::HttpResponse bad = Post("can.bo", &broken);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Tệp Excel không hợp lệ hoặc quá lớn"), std::string::npos);
}

TEST_F(RosterPagesTest, JsonClientsGetTheRowErrorsAsJson) {
  Upload file{"thon.csv", "Tên thôn\n\n,\nThôn Đông\n"};
  http::HttpResponse r =
      Post("can.bo", &file, "hoang-truong", nullptr, {{"accept", "application/json"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("\"field\":\"dòng 4\""), std::string::npos) << r.body;
}

TEST_F(RosterPagesTest, ChecksCsrfAndPermissions) {
  Upload file{"thon.csv", "Tên thôn\nThôn Tây\n"};
  std::string wrong = "khong-dung";
  EXPECT_EQ(Post("can.bo", &file, "hoang-truong", &wrong).status, 403);
  EXPECT_EQ(Post("mttq", &file).status, 403);                // same commune, not allowed
  EXPECT_EQ(Post("khac", &file).status, 404);                // another commune: never revealed
  EXPECT_EQ(Post("can.bo", &file, "khong-co").status, 404);  // unknown commune
  EXPECT_EQ(VillageNames(commune_), std::vector<std::string>{"Thôn Đông"});
}

}  // namespace
}  // namespace doithoai::web
