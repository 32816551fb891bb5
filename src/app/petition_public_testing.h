// The fixture of the citizen-side petition tests over the assembled
// application's HTTP handler (petition_public_test.cc, petition_api_test.cc):
// requests from a citizen address, the public form and its receipt, a staff
// answer, and a Bearer token for a demo account.
#ifndef DOITHOAI_APP_PETITION_PUBLIC_TESTING_H_
#define DOITHOAI_APP_PETITION_PUBLIC_TESTING_H_

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/demo_app_testing.h"
#include "app/wiring.h"

namespace doithoai::app {

inline constexpr char kCitizenAddress[] = "203.0.113.7";
inline constexpr char kFormPath[] = "/x/hoang-truong/gui-kien-nghi";
inline constexpr char kApiCreate[] = "/api/v1/communes/hoang-truong/petitions";

// The text between `before` and the next `until` in `body`, or "".
inline std::string Between(const std::string& body, const std::string& before, char until) {
  const size_t at = body.find(before);
  if (at == std::string::npos) return "";
  const size_t start = at + before.size();
  const size_t end = body.find(until, start);
  return end == std::string::npos ? "" : body.substr(start, end - start);
}

inline std::string FormToken(const std::string& form_html) {
  return Between(form_html, "name=\"form_token\" value=\"", '"');
}

inline std::string ReceiptCode(const std::string& receipt_html) {
  return Between(receipt_html, "id=\"ma-theo-doi\">", '<');
}

class PetitionPublicTest : public DemoAppTest {
 protected:
  PetitionPublicTest() : DemoAppTest(MorningOf("2026-11-02")) {}

  void SetUp() override {
    DemoAppTest::SetUp();
    if (HasFatalFailure()) return;
    demo_petitions_ = PetitionCount();  // the demo's sample petitions
  }

  // No rate limit unless a test asks for one.
  AppOptions Options() const override {
    AppOptions options;
    options.public_rate_limit = 0;
    return options;
  }

  PetitionService& petitions() { return app_->petitions(); }

  http::HttpResponse Call(const std::string& method, const std::string& path,
                          const std::string& query = "",
                          const std::map<std::string, std::string>& headers = {},
                          const std::string& body = "",
                          const std::string& address = kCitizenAddress) {
    http::HttpRequest r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.headers = headers;
    r.body = body;
    r.remote_addr = address;
    r.request_id = "t";
    return app_->handler()(r);
  }

  http::HttpResponse Post(const std::string& path,
                          const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::string& address = kCitizenAddress) {
    return Call("POST", path, "", {{"content-type", "application/x-www-form-urlencoded"}},
                FormBody(fields), address);
  }

  http::HttpResponse PostJson(const std::string& path, const std::string& body,
                              const std::string& address = kCitizenAddress) {
    return Call("POST", path, "", {{"content-type", "application/json"}}, body, address);
  }

  http::HttpResponse GetWithBearer(const std::string& path, const std::string& query,
                                   const std::string& token) {
    return Call("GET", path, query, {{"authorization", "Bearer " + token}});
  }

  std::string FreshToken() {
    http::HttpResponse form = Call("GET", kFormPath);
    EXPECT_EQ(form.status, 200);
    return FormToken(form.body);
  }

  // The fields of a valid form submission.
  std::vector<std::pair<std::string, std::string>> ValidForm(const std::string& token) {
    return {{"form_token", token},
            {"website", ""},
            {"name", "Lê Thị Mận"},
            {"phone", "0912 345 678"},
            {"village", VillageIdOf("Thôn 2")},
            {"address", "Xóm Đông, thôn 2"},
            {"text", "Đường liên thôn bị sạt lở sau mưa lớn, đề nghị sửa chữa."},
            {"class", "report"}};
  }

  std::string VillageIdOf(const std::string& name) {
    const std::vector<Village> villages = app_->communes().ListVillages(demo_).value();
    for (const Village& v : villages) {
      if (v.name == name) return std::to_string(v.id.value);
    }
    ADD_FAILURE() << "no village " << name;
    return "";
  }

  // Petitions stored by the test (beyond the demo's).
  int64_t Added() { return PetitionCount() - demo_petitions_; }

  int64_t PetitionCount() {
    PetitionQuery query;
    query.today = petitions().Today();
    auto page = petitions().Search(demo_, query);
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? page->total : -1;
  }

  // Submits the valid form; returns the tracking code.
  std::string SubmitValid() {
    http::HttpResponse r = Post(kFormPath, ValidForm(FreshToken()));
    EXPECT_EQ(r.status, 200) << r.body;
    return ReceiptCode(r.body);
  }

  AuditContext StaffCtx() {
    AuditContext ctx;
    ctx.commune = demo_;
    ctx.actor_name = "vanphong";
    ctx.at = clock_.Now();
    return ctx;
  }

  // Assigns item 1 of `code` to the first unit and answers it.
  void AnswerFirstItem(const std::string& code, const std::string& answer, bool publish) {
    auto petition = petitions().FindByCode(demo_, code);
    ASSERT_TRUE(petition.ok()) << petition.error().message;
    const UnitId unit = app_->communes().ListUnits(demo_).value().front().id;
    auto assigned = petitions().Assign(demo_, petition->id, std::nullopt, {1}, unit, std::nullopt,
                                       std::nullopt, StaffCtx());
    ASSERT_TRUE(assigned.ok()) << assigned.error().message;
    auto answered = petitions().Answer(demo_, petition->id, 1, answer, publish, std::nullopt,
                                       "Trần Thị Lan", StaffCtx());
    ASSERT_TRUE(answered.ok()) << answered.error().message;
  }

  std::string BearerFor(const std::string& username) {
    auto login = app_->auth().Login({username, "doithoai-demo", "127.0.0.1"});
    EXPECT_TRUE(login.ok()) << username << ": " << login.error().message;
    return login.ok() ? login->token : "";
  }

  int64_t demo_petitions_ = 0;
};

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_PETITION_PUBLIC_TESTING_H_
