// Tests of the assembled application through its HTTP handler (the same
// routes, dispatcher, SQLite storage and authenticator as `doithoai serve`,
// without the socket): every route's access rule for every kind of caller,
// CSRF, login throttling, session expiry and HTML escaping. A fake clock makes
// expiry deterministic; password hashing runs at libsodium's minimum cost.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "adapters/crypto/sodium_crypto.h"
#include "app/demo.h"
#include "app/demo_app_testing.h"
#include "app/wiring.h"
#include "core/testing/fake_clock.h"

namespace doithoai::app {
namespace {

using std::chrono::minutes;

// How a route may be reached.
enum class Rule { kPublic, kSignedIn, kCommune, kProvince };
struct Expectation {
  Rule rule;
  CommuneAction action = CommuneAction::kViewAdmin;  // for kCommune
};

// Every registered route MUST appear here: the test fails on a route without
// an entry, so a new route cannot skip the access review.
const std::map<std::pair<std::string, std::string>, Expectation>& RouteTable() {
  static const std::map<std::pair<std::string, std::string>, Expectation> table = {
      {{"GET", "/healthz"}, {Rule::kPublic}},
      {{"GET", "/"}, {Rule::kPublic}},
      {{"GET", "/x/{slug}"}, {Rule::kPublic}},
      {{"GET", "/static/{path*}"}, {Rule::kPublic}},
      {{"GET", "/dang-nhap"}, {Rule::kPublic}},
      {{"POST", "/dang-nhap"}, {Rule::kPublic}},
      {{"POST", "/api/v1/session"}, {Rule::kPublic}},
      {{"POST", "/dang-xuat"}, {Rule::kSignedIn}},
      {{"POST", "/dang-xuat-moi-noi"}, {Rule::kSignedIn}},
      {{"GET", "/doi-mat-khau"}, {Rule::kSignedIn}},
      {{"POST", "/doi-mat-khau"}, {Rule::kSignedIn}},
      {{"DELETE", "/api/v1/session"}, {Rule::kSignedIn}},
      {{"GET", "/api/v1/me"}, {Rule::kSignedIn}},
      {{"GET", "/quan-tri"}, {Rule::kSignedIn}},
      {{"GET", "/quan-tri/{slug}"}, {Rule::kCommune, CommuneAction::kViewAdmin}},
      {{"GET", "/quan-tri/{slug}/nhat-ky"}, {Rule::kCommune, CommuneAction::kViewAuditLog}},
      {{"POST", "/quan-tri/{slug}/thon/{id}"}, {Rule::kCommune, CommuneAction::kManageVillages}},
      {{"POST", "/quan-tri/{slug}/bo-phan/{id}"}, {Rule::kCommune, CommuneAction::kManageUnits}},
      {{"POST", "/quan-tri/{slug}/can-bo/{id}"}, {Rule::kCommune, CommuneAction::kManageOfficials}},
      {{"POST", "/quan-tri/{slug}/thon"}, {Rule::kCommune, CommuneAction::kManageVillages}},
      {{"POST", "/quan-tri/{slug}/bo-phan"}, {Rule::kCommune, CommuneAction::kManageUnits}},
      {{"POST", "/quan-tri/{slug}/can-bo"}, {Rule::kCommune, CommuneAction::kManageOfficials}},
      {{"GET", "/api/v1/communes/{slug}/villages"}, {Rule::kCommune, CommuneAction::kViewAdmin}},
      {{"POST", "/api/v1/communes/{slug}/villages"},
       {Rule::kCommune, CommuneAction::kManageVillages}},
      {{"POST", "/quan-tri/{slug}/tai-khoan"}, {Rule::kCommune, CommuneAction::kManageAccounts}},
      {{"POST", "/quan-tri/{slug}/nhap-danh-sach"},
       {Rule::kCommune, CommuneAction::kManageVillages}},
      {{"POST", "/quan-tri/{slug}/tai-khoan/{id}/khoa"},
       {Rule::kCommune, CommuneAction::kManageAccounts}},
      {{"POST", "/quan-tri/{slug}/tai-khoan/{id}/mat-khau"},
       {Rule::kCommune, CommuneAction::kManageAccounts}},
      {{"GET", "/x/{slug}/hoi-nghi/{id}"}, {Rule::kPublic}},
      {{"GET", "/x/{slug}/hoi-nghi"}, {Rule::kPublic}},
      {{"GET", "/quan-tri/{slug}/hoi-nghi"}, {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi"}, {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"GET", "/quan-tri/{slug}/hoi-nghi/{id}"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/ke-hoach"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/phien"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/khach-moi"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/giay-moi"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/nhiem-vu"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/cong-khai"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/kinh-phi"},
       {Rule::kCommune, CommuneAction::kManageBudget}},
      {{"GET", "/quan-tri/{slug}/hoi-nghi/{id}/van-ban/{kind}"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/van-ban/{kind}"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/van-ban/{kind}/ban-hanh"},
       {Rule::kCommune, CommuneAction::kIssueDocuments}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/da-hop"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/chuong-trinh"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/phien/xoa"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/khach-moi/xoa"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/kinh-phi/xoa"},
       {Rule::kCommune, CommuneAction::kManageBudget}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/van-ban/{kind}/thay-the"},
       {Rule::kCommune, CommuneAction::kIssueDocuments}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/huy"},
       {Rule::kCommune, CommuneAction::kIssueDocuments}},
      {{"GET", "/quan-tri/{slug}/hoi-nghi/{id}/diem-danh"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/quan-tri/{slug}/hoi-nghi/{id}/diem-danh"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences/{id}"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences/{id}/documents/{file}"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences/{id}/notice.wav"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences/{id}/budget.xlsx"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences/{id}/sessions/{file}"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      // Petitions (issue #5). {id}, {code} and {hash} are the probe petition's
      // (a proposal in Thôn 1 with a photo, made in SetUp); its identity is
      // not sealed, so reading it needs no grant.
      {{"GET", "/x/{slug}/gui-kien-nghi"}, {Rule::kPublic}},
      {{"POST", "/x/{slug}/gui-kien-nghi"}, {Rule::kPublic}},
      {{"GET", "/tra-cuu"}, {Rule::kPublic}},
      {{"GET", "/tra-cuu/{code}"}, {Rule::kPublic}},
      {{"POST", "/tra-cuu/{code}"}, {Rule::kPublic}},
      {{"POST", "/tra-cuu/{code}/danh-gia"}, {Rule::kPublic}},
      {{"GET", "/x/{slug}/tra-loi"}, {Rule::kPublic}},
      {{"POST", "/api/v1/communes/{slug}/petitions"}, {Rule::kPublic}},
      {{"GET", "/api/v1/communes/{slug}/fields"}, {Rule::kPublic}},
      {{"GET", "/api/v1/petitions/{code}"}, {Rule::kPublic}},
      {{"GET", "/api/v1/openapi.json"}, {Rule::kPublic}},
      {{"GET", "/api/v1/communes/{slug}/petitions"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/api/v1/communes/{slug}/petitions/{code}"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/kien-nghi"}, {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/kien-nghi/bang"}, {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/kien-nghi/xuat.xlsx"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/giao-hang-loat"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"GET", "/quan-tri/{slug}/kien-nghi/moi"}, {Rule::kCommune, CommuneAction::kEnterPetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/moi"},
       {Rule::kCommune, CommuneAction::kEnterPetitions}},
      {{"GET", "/quan-tri/{slug}/kien-nghi/nhap"},
       {Rule::kCommune, CommuneAction::kEnterPetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/nhap"},
       {Rule::kCommune, CommuneAction::kEnterPetitions}},
      {{"GET", "/quan-tri/{slug}/kien-nghi/cai-dat"},
       {Rule::kCommune, CommuneAction::kManagePetitionSettings}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/cai-dat"},
       {Rule::kCommune, CommuneAction::kManagePetitionSettings}},
      {{"GET", "/quan-tri/{slug}/kien-nghi/{id}"}, {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/danh-tinh"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/kien-nghi/{id}/tep/{hash}"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/phan-loai"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/giao"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/bat-dau"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/phuc-tap"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/gia-han"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/tra-loi"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/da-thong-bao"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/ket-thuc"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/chuyen"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/luu-don"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/kien-nghi/{id}/mo-lai"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      // Cases, prominent issues and notifications (issue #6). {id} of a case
      // is the probe case (made in SetUp).
      {{"GET", "/api/v1/communes/{slug}/issues/prominent"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/vu-viec"}, {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"POST", "/quan-tri/{slug}/vu-viec"}, {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"GET", "/quan-tri/{slug}/vu-viec/{id}"}, {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"POST", "/quan-tri/{slug}/vu-viec/{id}/them"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/vu-viec/{id}/bo"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/vu-viec/{id}/doi-ten"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"POST", "/quan-tri/{slug}/vu-viec/{id}/tra-loi"},
       {Rule::kCommune, CommuneAction::kHandlePetitions}},
      {{"GET", "/quan-tri/{slug}/thong-bao"}, {Rule::kCommune, CommuneAction::kHandlePetitions}},
      // Reports (issue #7).
      {{"GET", "/api/v1/communes/{slug}/reports/summary"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/bao-cao"}, {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/hoi-nghi/{id}/theo-doi"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/api/v1/communes/{slug}/reports/report.docx"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/api/v1/communes/{slug}/reports/report.pdf"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/api/v1/communes/{slug}/reports/report.xlsx"},
       {Rule::kCommune, CommuneAction::kViewPetitions}},
      {{"GET", "/quan-tri/{slug}/hoi-nghi/{id}/thu-ky"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"GET", "/quan-tri/{slug}/hoi-nghi/{id}/man-hinh"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences/{id}/desk"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"GET", "/api/v1/communes/{slug}/conferences/{id}/live"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/speakers"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/speakers/state"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/opinions"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/live"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/attendance"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/sessions/{n}/start"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/sessions/{n}/end"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/desk/check-in"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/minutes/sign"},
       {Rule::kCommune, CommuneAction::kViewConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/minutes/addenda"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/results-notice/issue"},
       {Rule::kCommune, CommuneAction::kIssueDocuments}},
      {{"POST", "/api/v1/communes/{slug}/conferences/{id}/results-notice/deliveries"},
       {Rule::kCommune, CommuneAction::kManageConferences}},
      {{"GET", "/api/v1/provinces/{code}/reports/summary"}, {Rule::kProvince}},
      {{"GET", "/tinh/{code}/bao-cao"}, {Rule::kProvince}},
      {{"GET", "/quan-tri/{slug}/thong-bao/cai-dat"},
       {Rule::kCommune, CommuneAction::kManagePetitionSettings}},
      {{"POST", "/quan-tri/{slug}/thong-bao/cai-dat"},
       {Rule::kCommune, CommuneAction::kManagePetitionSettings}},
  };
  return table;
}

class ApplicationTest : public DemoAppTest {
 protected:
  ApplicationTest() : DemoAppTest(Timestamp(std::chrono::milliseconds(1'800'000'000'000))) {}

  void SetUp() override {
    DemoAppTest::SetUp();
    if (HasFatalFailure()) return;
    const AuditContext ctx = TestAudit();
    // A second commune with its own admin, to prove isolation.
    const Commune other = CreateOtherCommune();
    ASSERT_TRUE(other.id.valid());
    Account admin;
    admin.commune_id = other.id;
    admin.username = "quantri.khac";
    admin.role = Role::kCommuneAdmin;
    admin.password_hash = *crypto_->HashPassword(kDemoPassword);
    ASSERT_TRUE(app_->accounts().Create(admin, ctx).ok());
    // A demo-commune account the account-management routes act on.
    Account helper;
    helper.commune_id = demo_;
    helper.username = "phu.tro";
    helper.role = Role::kOffice;
    helper.password_hash = admin.password_hash;
    auto helper_id = app_->accounts().Create(helper, ctx);
    ASSERT_TRUE(helper_id.ok());
    helper_account_ = *helper_id;
    // The petition the petition routes act on.
    NewPetition input;
    input.channel = PetitionChannel::kWalkIn;
    input.name = "Lê Văn Thử";
    input.phone = "0912000111";
    input.village = "Thôn 1";
    input.items.push_back({"Đề nghị sửa đèn chiếu sáng ngõ xóm.", PetitionClass::kProposal, ""});
    const std::string png("\x89PNG\r\n\x1a\n0000", 12);
    input.attachments.push_back({"den.png", png});
    AuditContext petition_ctx = ctx;
    petition_ctx.commune = demo_;
    auto commune = app_->communes().FindCommune(demo_);
    ASSERT_TRUE(commune.ok());
    auto created = app_->petitions().Submit(*commune, input, petition_ctx);
    ASSERT_TRUE(created.ok()) << created.error().message;
    probe_petition_.id = std::to_string(created->petition.id.value);
    probe_petition_.code = created->petition.code;
    probe_petition_.hash = created->petition.attachments.at(0).hash;
    // The case the case routes act on: the probe petition and a demo one.
    PetitionQuery query;
    query.limit = 5;
    auto demo_petitions = app_->petitions().Search(demo_, query);
    ASSERT_TRUE(demo_petitions.ok());
    std::string other_code;
    for (const Petition& p : demo_petitions->items) {
      auto in_case = app_->cases().CaseOf(demo_, p.id);
      ASSERT_TRUE(in_case.ok());
      if (p.code != created->petition.code && !in_case->has_value()) other_code = p.code;
    }
    auto probe_case = app_->cases().Create(demo_, "Đèn chiếu sáng ngõ xóm",
                                           {created->petition.code, other_code}, petition_ctx);
    ASSERT_TRUE(probe_case.ok()) << probe_case.error().message;
    probe_case_ = std::to_string(probe_case->id.value);
  }
  http::HttpResponse Call(const std::string& method, const std::string& path,
                          const std::map<std::string, std::string>& headers = {},
                          const std::string& body = "") {
    http::HttpRequest r;
    r.method = method;
    r.path = path;
    r.headers = headers;
    r.body = body;
    r.remote_addr = "127.0.0.1";
    r.request_id = "t";
    return app_->handler()(r);
  }

  int VillageCount() { return static_cast<int>(app_->communes().ListVillages(demo_)->size()); }

  AccountId helper_account_;
  std::string probe_case_;  // the case the /vu-viec/{id} routes act on
  struct ProbePetition {
    std::string id, code, hash;
  } probe_petition_;
};

// A request for `route` with a body that passes validation.
struct Probe {
  std::string path;
  std::map<std::string, std::string> headers;
  std::string body;
};

Probe ProbeFor(const std::string& method, const std::string& pattern, AccountId account,
               const std::string& petition_id, const std::string& petition_code,
               const std::string& attachment_hash, const std::string& case_id) {
  Probe p;
  p.path = pattern;
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = p.path.find(from);
    if (at != std::string::npos) p.path.replace(at, from.size(), to);
  };
  replace("{slug}", "hoang-truong");
  replace("{path*}", "app.css");
  // Conference routes act on the demo's 2023 conference (id 1), its plan and
  // its first session.
  replace("{kind}", "ke-hoach");
  replace("{file}", pattern.find("/sessions/") != std::string::npos ? "1.ics" : "ke-hoach.pdf");
  // Account routes act on a helper account; the others on row 1 of the demo
  // commune (its first village, unit or official).
  replace("{n}", "1");
  // Province routes act on the demo's province (Thanh Hóa, 38).
  if (pattern.find("/provinces/{code}") != std::string::npos ||
      pattern.find("/tinh/{code}") != std::string::npos) {
    replace("{code}", "38");
  }
  replace("{code}", petition_code);
  replace("{hash}", attachment_hash);
  if (pattern.find("/kien-nghi/{id}") != std::string::npos) replace("{id}", petition_id);
  if (pattern.find("/vu-viec/{id}") != std::string::npos) replace("{id}", case_id);
  replace("{id}", pattern.find("tai-khoan") != std::string::npos ? std::to_string(account.value)
                                                                 : std::string("1"));
  if (method == "POST" && pattern.rfind("/api/", 0) == 0) {
    p.headers["content-type"] = "application/json";
    p.body = pattern == "/api/v1/session" ? R"({"username":"chutich","password":"doithoai-demo"})"
                                          : R"({"name":"Thôn Mới"})";
  } else if (method == "POST") {
    p.headers["content-type"] = "application/x-www-form-urlencoded";
    p.body =
        "name=Th%C3%B4n+M%E1%BB%9Bi&full_name=L%C3%AA+An&current_password=x&new_password=y"
        "&username=moi.nguoi&role=office&password=mat-khau-moi-dai&locked=0";
  }
  return p;
}

bool IsAuthDenial(const http::HttpResponse& r) {
  std::string location;
  for (const auto& [k, v] : r.headers) {
    if (k == "Location") location = v;
  }
  return r.status == 401 || r.status == 403 || r.status == 404 ||
         (r.status == 303 && location == "/dang-nhap");
}

TEST_F(ApplicationTest, EveryRouteHasAnAccessRuleAndEnforcesIt) {
  const auto& table = RouteTable();
  const std::vector<std::string> role_users = {"quantri", "chutich", "phochutich",   "vanphong",
                                               "thuky",   "ketoan",  "diachinh",     "truongthon1",
                                               "mattran", "admin",   "tinh.thanhhoa"};
  for (const web::RouteInfo& route : app_->site().routes()) {
    auto key = std::make_pair(route.method, route.pattern);
    auto entry = table.find(key);
    ASSERT_NE(entry, table.end()) << "route without an access entry: " << route.method << " "
                                  << route.pattern;
    const Expectation& expect = entry->second;
    Probe probe = ProbeFor(route.method, route.pattern, helper_account_, probe_petition_.id,
                           probe_petition_.code, probe_petition_.hash, probe_case_);
    SCOPED_TRACE(route.method + " " + probe.path);

    // (a) anonymous
    http::HttpResponse anon = Call(route.method, probe.path, probe.headers, probe.body);
    if (expect.rule == Rule::kPublic) {
      EXPECT_LT(anon.status, 500);
      EXPECT_FALSE(anon.status == 401 ||
                   (anon.status == 303 && HeaderOf(anon, "Location") == "/dang-nhap"));
    } else {
      EXPECT_TRUE(IsAuthDenial(anon)) << anon.status;
    }
    if (expect.rule == Rule::kPublic) continue;

    // (b) an official of another commune: commune routes answer 404, never data.
    if (expect.rule == Rule::kCommune) {
      auto [token, csrf] = SignIn("quantri.khac");
      auto headers = probe.headers;
      headers["cookie"] = std::string(web::kSessionCookie) + "=" + token;
      headers["x-csrf-token"] = csrf;
      http::HttpResponse other = Call(route.method, probe.path, headers, probe.body);
      EXPECT_EQ(other.status, 404);
      EXPECT_EQ(other.body.find("Thôn 1"), std::string::npos);
    }

    // (c) each role of the demo commune (plus system admin and observer)
    for (const std::string& user : role_users) {
      auto [token, csrf] = SignIn(user);
      auto headers = probe.headers;
      headers["cookie"] = std::string(web::kSessionCookie) + "=" + token;
      headers["x-csrf-token"] = csrf;
      http::HttpResponse r = Call(route.method, probe.path, headers, probe.body);
      Actor actor = Actor::FromAccount(*app_->accounts().FindByUsername(user));
      bool allowed =
          expect.rule == Rule::kSignedIn ||
          (expect.rule == Rule::kProvince
               ? CommunePermissions::CheckProvinceReports(&actor, "38") == Decision::kAllow
               : CommunePermissions::Check(&actor, expect.action, demo_) == Decision::kAllow);
      EXPECT_LT(r.status, 500) << user;
      EXPECT_EQ(!IsAuthDenial(r), allowed) << user << " got " << r.status;
    }
  }
}

TEST_F(ApplicationTest, CsrfMissingOrWrongIs403AndChangesNothing) {
  auto [token, csrf] = SignIn("vanphong");
  std::map<std::string, std::string> headers = {
      {"cookie", std::string(web::kSessionCookie) + "=" + token},
      {"content-type", "application/x-www-form-urlencoded"}};
  int before = VillageCount();
  EXPECT_EQ(Call("POST", "/quan-tri/hoang-truong/thon", headers, "name=Th%C3%B4n+10").status, 403);
  EXPECT_EQ(
      Call("POST", "/quan-tri/hoang-truong/thon", headers, "name=Th%C3%B4n+10&_csrf=" + csrf + "x")
          .status,
      403);
  EXPECT_EQ(VillageCount(), before);
  http::HttpResponse ok =
      Call("POST", "/quan-tri/hoang-truong/thon", headers, "name=Th%C3%B4n+10&_csrf=" + csrf);
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(VillageCount(), before + 1);
}

TEST_F(ApplicationTest, LoginFormNeedsItsDoubleSubmitToken) {
  http::HttpResponse form = Call("GET", "/dang-nhap");
  ASSERT_EQ(form.status, 200);
  std::string cookie = HeaderOf(form, "Set-Cookie");
  std::string token = cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
  std::map<std::string, std::string> headers = {
      {"content-type", "application/x-www-form-urlencoded"},
      {"cookie", std::string(web::kLoginCsrfCookie) + "=" + token}};
  EXPECT_EQ(Call("POST", "/dang-nhap", headers, "username=chutich&password=doithoai-demo").status,
            403);
  http::HttpResponse ok =
      Call("POST", "/dang-nhap", headers, "username=chutich&password=doithoai-demo&_csrf=" + token);
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(HeaderOf(ok, "Location"), "/quan-tri");
  std::string session = HeaderOf(ok, "Set-Cookie");
  EXPECT_NE(session.find("HttpOnly"), std::string::npos);
  EXPECT_NE(session.find("SameSite=Lax"), std::string::npos);
}

TEST_F(ApplicationTest, TenWrongPasswordsThrottleTheApiLoginWithRetryAfter) {
  std::map<std::string, std::string> json = {{"content-type", "application/json"}};
  int throttled = 0;
  for (int i = 0; i < 10; ++i) {
    http::HttpResponse r = Call("POST", "/api/v1/session", json,
                                R"({"username":"chutich","password":"sai-mat-khau"})");
    if (r.status == 429) ++throttled;
    EXPECT_TRUE(r.status == 401 || r.status == 429) << r.status;
  }
  EXPECT_EQ(throttled, 5);
  http::HttpResponse right =
      Call("POST", "/api/v1/session", json, R"({"username":"chutich","password":"doithoai-demo"})");
  EXPECT_EQ(right.status, 429);  // whatever the password
  EXPECT_FALSE(HeaderOf(right, "Retry-After").empty());
  EXPECT_NE(
      nlohmann::json::parse(right.body)["error"]["message"].get<std::string>().find("thử lại sau"),
      std::string::npos);
  clock_.Advance(minutes(16));
  EXPECT_EQ(
      Call("POST", "/api/v1/session", json, R"({"username":"chutich","password":"doithoai-demo"})")
          .status,
      200);
}

TEST_F(ApplicationTest, BearerSessionsExpireAndLogoutRevokes) {
  std::map<std::string, std::string> json = {{"content-type", "application/json"}};
  http::HttpResponse login =
      Call("POST", "/api/v1/session", json, R"({"username":"thuky","password":"doithoai-demo"})");
  ASSERT_EQ(login.status, 200);
  std::string token = nlohmann::json::parse(login.body)["token"];
  std::map<std::string, std::string> bearer = {{"authorization", "Bearer " + token}};
  EXPECT_EQ(Call("GET", "/api/v1/me", bearer).status, 200);
  clock_.Advance(minutes(121));  // idle limit: 2 h
  EXPECT_EQ(Call("GET", "/api/v1/me", bearer).status, 401);

  login =
      Call("POST", "/api/v1/session", json, R"({"username":"thuky","password":"doithoai-demo"})");
  bearer["authorization"] =
      "Bearer " + nlohmann::json::parse(login.body)["token"].get<std::string>();
  EXPECT_EQ(Call("DELETE", "/api/v1/session", bearer).status, 204);
  EXPECT_EQ(Call("GET", "/api/v1/me", bearer).status, 401);
}

TEST_F(ApplicationTest, UserEnteredTextIsEscapedOnEveryPage) {
  const std::string payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
  AuditContext ctx;
  ctx.at = clock_.Now();
  ASSERT_TRUE(app_->communes().AddVillage(Village{{}, demo_, "V" + payload, 50}, ctx).ok());
  ASSERT_TRUE(app_->communes().AddUnit(Unit{{}, demo_, "U" + payload, "S" + payload}, ctx).ok());
  ASSERT_TRUE(app_->communes()
                  .AddOfficial(Official{{}, demo_, "O" + payload, "P" + payload, {}, ""}, ctx)
                  .ok());
  Account a;
  a.commune_id = demo_;
  a.username = "xss.test";
  a.display_name = "D" + payload;
  a.role = Role::kOffice;
  a.password_hash = *crypto_->HashPassword(kDemoPassword);
  ASSERT_TRUE(app_->accounts().Create(a, ctx).ok());

  auto [token, csrf] = SignIn("quantri");
  std::map<std::string, std::string> cookie = {
      {"cookie", std::string(web::kSessionCookie) + "=" + token}};
  for (const char* path :
       {"/", "/x/hoang-truong", "/quan-tri/hoang-truong", "/quan-tri/hoang-truong/nhat-ky"}) {
    http::HttpResponse r = Call("GET", path, cookie);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("<img"), std::string::npos) << path;
    if (std::string(path) != "/") {  // "/" lists the two communes here
      EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos) << path;
    }
  }
}

TEST_F(ApplicationTest, EveryChangeIsAttributedInTheAuditLogPage) {
  auto [token, csrf] = SignIn("vanphong");
  std::map<std::string, std::string> h = {
      {"cookie", std::string(web::kSessionCookie) + "=" + token},
      {"content-type", "application/x-www-form-urlencoded"}};
  ASSERT_EQ(Call("POST", "/quan-tri/hoang-truong/thon", h,
                 "name=Th%C3%B4n+Ki%E1%BB%83m+Tra&_csrf=" + csrf)
                .status,
            303);
  auto [chair, chair_csrf] = SignIn("mattran");  // the Front supervises: may read the log
  http::HttpResponse log = Call("GET", "/quan-tri/hoang-truong/nhat-ky",
                                {{"cookie", std::string(web::kSessionCookie) + "=" + chair}});
  ASSERT_EQ(log.status, 200);
  size_t row = log.body.find("village.create");
  ASSERT_NE(row, std::string::npos);
  EXPECT_NE(log.body.find("vanphong"), std::string::npos);
  EXPECT_NE(log.body.find("Thôn Kiểm Tra"), std::string::npos);
  EXPECT_EQ(log.body.find("password_hash"), std::string::npos);
}

TEST_F(ApplicationTest, LogoutEverywhereEndsEverySessionOfTheAccount) {
  auto first = SignIn("chutich");
  auto second = SignIn("chutich");
  std::map<std::string, std::string> h = {
      {"cookie", std::string(web::kSessionCookie) + "=" + first.token},
      {"x-csrf-token", first.csrf}};
  EXPECT_EQ(Call("POST", "/dang-xuat-moi-noi", h).status, 303);
  std::map<std::string, std::string> other = {{"authorization", "Bearer " + second.token}};
  EXPECT_EQ(Call("GET", "/api/v1/me", other).status, 401);
}

TEST_F(ApplicationTest, AdminLocksAnAccountAndItsSessionsEnd) {
  auto victim = SignIn("phu.tro");
  auto [token, csrf] = SignIn("quantri");
  std::map<std::string, std::string> h = {
      {"cookie", std::string(web::kSessionCookie) + "=" + token},
      {"content-type", "application/x-www-form-urlencoded"}};
  std::string path =
      "/quan-tri/hoang-truong/tai-khoan/" + std::to_string(helper_account_.value) + "/khoa";
  EXPECT_EQ(Call("POST", path, h, "locked=1&_csrf=" + csrf).status, 303);
  std::map<std::string, std::string> bearer = {{"authorization", "Bearer " + victim.token}};
  EXPECT_EQ(Call("GET", "/api/v1/me", bearer).status, 401);
  EXPECT_FALSE(app_->auth().Login({"phu.tro", kDemoPassword, "127.0.0.1"}).ok());
  // Another commune's admin cannot touch this account: 404, nothing changes.
  auto [other, other_csrf] = SignIn("quantri.khac");
  h["cookie"] = std::string(web::kSessionCookie) + "=" + other;
  EXPECT_EQ(
      Call("POST", "/quan-tri/xa-khac/tai-khoan/" + std::to_string(helper_account_.value) + "/khoa",
           h, "locked=0&_csrf=" + other_csrf)
          .status,
      404);
  EXPECT_TRUE(app_->accounts().FindByUsername("phu.tro")->disabled);
}

TEST_F(ApplicationTest, AnotherCommunesAdminCannotReadOrWriteThisCommune) {
  auto [token, csrf] = SignIn("quantri.khac");
  std::map<std::string, std::string> h = {
      {"cookie", std::string(web::kSessionCookie) + "=" + token},
      {"x-csrf-token", csrf},
      {"content-type", "application/json"}};
  int before = VillageCount();
  EXPECT_EQ(
      Call("POST", "/api/v1/communes/hoang-truong/villages", h, R"({"name":"Thôn X"})").status,
      404);
  EXPECT_EQ(VillageCount(), before);
  EXPECT_EQ(Call("GET", "/quan-tri/hoang-truong", h).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/communes/xa-khac/villages", h).status, 200);
}

}  // namespace
}  // namespace doithoai::app
