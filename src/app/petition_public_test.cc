// The citizen's side of petitions (issue #5 §2, §5, "Interfaces") over the
// assembled application's HTTP handler: the public form (token, honeypot,
// rate limit, field errors with nothing stored, double submission), the
// receipt, tracking by code and by code + phone (FB-01), rating an answer
// (FB-04), the public list of answers, the JSON API with its OpenAPI
// document, the staff list with a Bearer token, and the secrecy of a
// denouncer's identity on every public page and the staff list (CONF-01/02).
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/demo_app_testing.h"
#include "app/wiring.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::app {
namespace {

constexpr char kCitizenAddress[] = "203.0.113.7";
constexpr char kFormPath[] = "/x/hoang-truong/gui-kien-nghi";
constexpr char kApiCreate[] = "/api/v1/communes/hoang-truong/petitions";

// The text between `before` and the next `until` in `body`, or "".
std::string Between(const std::string& body, const std::string& before, char until) {
  const size_t at = body.find(before);
  if (at == std::string::npos) return "";
  const size_t start = at + before.size();
  const size_t end = body.find(until, start);
  return end == std::string::npos ? "" : body.substr(start, end - start);
}

std::string FormToken(const std::string& form_html) {
  return Between(form_html, "name=\"form_token\" value=\"", '"');
}

std::string ReceiptCode(const std::string& receipt_html) {
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

// The same with a limit of two public submissions per minute and address.
class PetitionRateLimitTest : public PetitionPublicTest {
 protected:
  AppOptions Options() const override {
    AppOptions options;
    options.public_rate_limit = 2;
    return options;
  }
};

// ---- the form --------------------------------------------------------------

TEST_F(PetitionPublicTest, FormHasTokenHoneypotVillagesAndClasses) {
  http::HttpResponse r = Call("GET", kFormPath);
  ASSERT_EQ(r.status, 200);
  const std::string token = FormToken(r.body);
  EXPECT_GE(token.size(), 32u);
  // A second visit gets another token (one per form shown).
  EXPECT_NE(FormToken(Call("GET", kFormPath).body), token);
  // Honeypot: a text input hidden by CSS, out of the tab order, not type=hidden.
  const std::string honeypot = Between(r.body, "<input type=\"text\" id=\"pf-website\"", '>');
  EXPECT_TRUE(Contains(honeypot, "name=\"website\"")) << r.body;
  EXPECT_TRUE(Contains(honeypot, "tabindex=\"-1\""));
  EXPECT_TRUE(Contains(r.body, "class=\"hp-field\" aria-hidden=\"true\""));
  EXPECT_TRUE(Contains(r.body, "enctype=\"multipart/form-data\""));
  EXPECT_TRUE(Contains(r.body, "accept=\"image/jpeg,image/png,application/pdf\""));
  for (const char* expected : {"Thôn 1", "Thôn 9", "Khác", "Kiến nghị", "Phản ánh", "Khiếu nại",
                               "Tố cáo", "không được công khai"}) {
    EXPECT_TRUE(Contains(r.body, expected)) << expected;
  }
  EXPECT_EQ(Call("GET", "/x/khong-co-xa-nay/gui-kien-nghi").status, 404);
}

TEST_F(PetitionPublicTest, SubmitGivesAReceiptWithAValidCodeAndNoPersonalData) {
  http::HttpResponse r = Post(kFormPath, ValidForm(FreshToken()));
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string code = ReceiptCode(r.body);
  auto parsed = ParseTrackingCode(code);
  ASSERT_TRUE(parsed.ok()) << code;
  EXPECT_EQ(FormatTrackingCode(*parsed), code);
  EXPECT_EQ(parsed->prefix, "HT");
  EXPECT_EQ(parsed->year2, 26);
  EXPECT_TRUE(Contains(r.body, SpokenTrackingCode(*parsed)));
  EXPECT_TRUE(Contains(r.body, "href=\"/tra-cuu/" + code + "\""));
  EXPECT_TRUE(Contains(r.body, "số điện thoại đã dùng khi gửi"));
  for (const char* personal : {"Lê Thị Mận", "0912", "345 678", "Xóm Đông"}) {
    EXPECT_FALSE(Contains(r.body, personal)) << personal;
  }
  EXPECT_EQ(Added(), 1);
  auto stored = petitions().FindByCode(demo_, code);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->channel, PetitionChannel::kOnline);
  EXPECT_EQ(stored->submitter.phone, "0912345678");
  EXPECT_EQ(stored->village_id, VillageId{std::stoll(VillageIdOf("Thôn 2"))});
  ASSERT_EQ(stored->items.size(), 1u);
  EXPECT_EQ(stored->items[0].petition_class, PetitionClass::kReport);
}

TEST_F(PetitionPublicTest, DoubleSubmissionWithOneTokenGivesOneCodeAndOnePetition) {
  const auto form = ValidForm(FreshToken());
  http::HttpResponse first = Post(kFormPath, form);
  http::HttpResponse second = Post(kFormPath, form);
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(second.status, 200);
  EXPECT_FALSE(ReceiptCode(first.body).empty());
  EXPECT_EQ(ReceiptCode(first.body), ReceiptCode(second.body));
  EXPECT_TRUE(Contains(second.body, "đã được gửi trước đó"));
  EXPECT_EQ(Added(), 1);
  // A new form (new token) is a new petition.
  EXPECT_NE(SubmitValid(), ReceiptCode(first.body));
  EXPECT_EQ(Added(), 2);
}

TEST_F(PetitionPublicTest, FilledHoneypotStoresNothingAndSaysNothing) {
  auto form = ValidForm(FreshToken());
  for (auto& [k, v] : form) {
    if (k == "website") v = "http://spam.example";
  }
  http::HttpResponse r = Post(kFormPath, form);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(Contains(r.body, "Đã gửi kiến nghị"));
  EXPECT_TRUE(ReceiptCode(r.body).empty());
  EXPECT_FALSE(Contains(r.body, "HT-26-"));
  EXPECT_EQ(Added(), 0);
}

TEST_F(PetitionRateLimitTest, RateLimitPerClientAddressRefusesWithoutStoring) {
  EXPECT_EQ(Post(kFormPath, ValidForm(FreshToken())).status, 200);
  EXPECT_EQ(Post(kFormPath, ValidForm(FreshToken())).status, 200);
  http::HttpResponse refused = Post(kFormPath, ValidForm(FreshToken()));
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(Contains(refused.body, "Bạn đã gửi quá nhiều lần trong một phút"));
  EXPECT_EQ(Added(), 2);
  // The API shares the limit and answers in JSON.
  http::HttpResponse api =
      PostJson(kApiCreate, R"({"name":"An","phone":"0912345678","text":"Đề nghị lắp đèn đường."})");
  EXPECT_EQ(api.status, 429);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "resource_exhausted");
  // Another address is not affected; a minute later this one may send again.
  EXPECT_EQ(Post(kFormPath, ValidForm(FreshToken()), "198.51.100.9").status, 200);
  clock_.Advance(std::chrono::minutes(1));
  EXPECT_EQ(Post(kFormPath, ValidForm(FreshToken())).status, 200);
  EXPECT_EQ(Added(), 4);
}

TEST_F(PetitionPublicTest, FieldErrorsRerenderTheFormKeepValuesAndStoreNothing) {
  const std::string token = FreshToken();
  auto with = [&](const std::string& key, const std::string& value) {
    auto form = ValidForm(token);
    for (auto& [k, v] : form) {
      if (k == key) v = value;
    }
    return form;
  };
  // Empty text: the message next to the text box, the other values kept.
  http::HttpResponse empty = Post(kFormPath, with("text", "   "));
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(Contains(empty.body, "id=\"pf-text-loi\"")) << empty.body;
  EXPECT_TRUE(Contains(empty.body, "value=\"Lê Thị Mận\""));
  EXPECT_TRUE(Contains(empty.body, "value=\"0912 345 678\""));
  EXPECT_EQ(FormToken(empty.body), token);  // the same form, the same token
  // A phone number that is not Vietnamese.
  http::HttpResponse phone = Post(kFormPath, with("phone", "12345"));
  EXPECT_EQ(phone.status, 400);
  EXPECT_TRUE(Contains(phone.body, "Số điện thoại không hợp lệ"));
  EXPECT_TRUE(Contains(phone.body, "id=\"pf-phone-loi\""));
  // 100 KB of text.
  http::HttpResponse huge = Post(kFormPath, with("text", std::string(100 * 1024, 'a')));
  EXPECT_EQ(huge.status, 400);
  EXPECT_TRUE(Contains(huge.body, "id=\"pf-text-loi\""));
  // Invalid UTF-8 (refused when the form is decoded).
  http::HttpResponse bad_utf8 =
      Call("POST", kFormPath, "", {{"content-type", "application/x-www-form-urlencoded"}},
           "form_token=" + token + "&name=An&phone=0912345678&text=%C3%28");
  EXPECT_EQ(bad_utf8.status, 400);
  // An attachment whose name and type say JPEG but whose bytes do not.
  const std::string boundary = "XyZbOuNdArY";
  std::string multipart;
  for (const auto& [k, v] : ValidForm(token)) {
    multipart += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k +
                 "\"\r\n\r\n" + v + "\r\n";
  }
  multipart += "--" + boundary +
               "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"anh.jpg\"\r\n"
               "Content-Type: image/jpeg\r\n\r\nthis is not a picture\r\n--" +
               boundary + "--\r\n";
  http::HttpResponse lying =
      Call("POST", kFormPath, "", {{"content-type", "multipart/form-data; boundary=" + boundary}},
           multipart);
  EXPECT_EQ(lying.status, 400);
  EXPECT_TRUE(Contains(lying.body, "id=\"pf-files-loi\"")) << lying.body;
  // An unknown class.
  EXPECT_EQ(Post(kFormPath, with("class", "khong-ro")).status, 400);
  EXPECT_EQ(Added(), 0);
}

TEST_F(PetitionPublicTest, AFormWithAPdfAttachmentIsStored) {
  const std::string boundary = "b0uNd";
  std::string multipart;
  for (const auto& [k, v] : ValidForm(FreshToken())) {
    multipart += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k +
                 "\"\r\n\r\n" + v + "\r\n";
  }
  multipart += "--" + boundary +
               "\r\nContent-Disposition: form-data; name=\"attachments\"; "
               "filename=\"giay-to/don.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
               "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\r\n--" +
               boundary + "--\r\n";
  http::HttpResponse r =
      Call("POST", kFormPath, "", {{"content-type", "multipart/form-data; boundary=" + boundary}},
           multipart);
  ASSERT_EQ(r.status, 200) << r.body;
  auto stored = petitions().FindByCode(demo_, ReceiptCode(r.body));
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->attachments.size(), 1u);
  EXPECT_EQ(stored->attachments[0].media_type, "application/pdf");
  EXPECT_EQ(stored->attachments[0].file_name, "don.pdf");
}

// ---- tracking --------------------------------------------------------------

TEST_F(PetitionPublicTest, TrackingPageShowsStatusButNoPersonalDataOrText) {
  const std::string code = SubmitValid();
  http::HttpResponse r = Call("GET", "/tra-cuu/" + code);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Contains(r.body, code));
  EXPECT_TRUE(Contains(r.body, "Đã tiếp nhận"));
  EXPECT_TRUE(Contains(r.body, "Phản ánh"));
  EXPECT_TRUE(Contains(r.body, "Hạn giải quyết"));
  for (const char* hidden : {"Lê Thị Mận", "0912", "Xóm Đông", "sạt lở"}) {
    EXPECT_FALSE(Contains(r.body, hidden)) << hidden;
  }
  // The detail needs the phone, asked for in a POST form.
  EXPECT_TRUE(Contains(r.body, "method=\"post\" action=\"/tra-cuu/" + code + "\""));
  // Typed sloppily: one canonical address.
  std::string sloppy = code;
  for (char& c : sloppy) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  http::HttpResponse redirect = Call("GET", "/tra-cuu/" + sloppy);
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(HeaderOf(redirect, "Location"), "/tra-cuu/" + code);
  http::HttpResponse lookup = Call("GET", "/tra-cuu", "ma=" + http::UrlEncode(" " + sloppy + " "));
  EXPECT_EQ(lookup.status, 303);
  EXPECT_EQ(HeaderOf(lookup, "Location"), "/tra-cuu/" + code);
  EXPECT_EQ(Call("GET", "/tra-cuu").status, 200);
}

TEST_F(PetitionPublicTest, ForgedCheckCharacterIs400AndAnUnknownCodeIs404) {
  const std::string code = SubmitValid();
  std::string forged = code;
  for (char c : kTrackingCheckAlphabet) {
    if (c != code.back()) {
      forged.back() = c;
      break;
    }
  }
  http::HttpResponse page = Call("GET", "/tra-cuu/" + forged);
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(Contains(page.body, "ký tự kiểm tra sai")) << page.body;
  EXPECT_EQ(Call("GET", "/tra-cuu", "ma=" + forged).status, 400);
  http::HttpResponse api = Call("GET", "/api/v1/petitions/" + forged);
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "invalid_argument");
  EXPECT_EQ(Call("GET", "/tra-cuu/khong-phai-ma").status, 400);
  const std::string unknown = FormatTrackingCode(TrackingCode{"HT", 26, 4242});
  EXPECT_EQ(Call("GET", "/tra-cuu/" + unknown).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/petitions/" + unknown).status, 404);
}

TEST_F(PetitionPublicTest, TheRightPhoneShowsTheDetailAWrongOneIs403) {
  const std::string code = SubmitValid();
  // The same number written another way.
  http::HttpResponse detail = Post("/tra-cuu/" + code, {{"phone", "+84 912.345.678"}});
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_TRUE(Contains(detail.body, "Đường liên thôn bị sạt lở"));
  EXPECT_TRUE(Contains(detail.body, "Quá trình giải quyết"));
  EXPECT_TRUE(Contains(detail.body, "Tiếp nhận đơn"));
  EXPECT_FALSE(Contains(detail.body, "Lê Thị Mận"));
  http::HttpResponse wrong = Post("/tra-cuu/" + code, {{"phone", "0987654321"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_TRUE(Contains(wrong.body, "Số điện thoại không khớp"));
  EXPECT_FALSE(Contains(wrong.body, "sạt lở"));
  EXPECT_EQ(Post("/tra-cuu/" + code, {{"phone", ""}}).status, 400);
}

TEST_F(PetitionPublicTest, TheCitizenRatesAPublishedAnswerThatThenAppearsInThePublicList) {
  const std::string code = SubmitValid();
  AnswerFirstItem(code, "UBND xã đã bố trí kinh phí sửa đoạn đường trong tháng 12.", true);
  http::HttpResponse detail = Post("/tra-cuu/" + code, {{"phone", "0912345678"}});
  ASSERT_EQ(detail.status, 200);
  EXPECT_TRUE(Contains(detail.body, "bố trí kinh phí sửa đoạn đường"));
  EXPECT_TRUE(Contains(detail.body, "action=\"/tra-cuu/" + code + "/danh-gia\""));

  const std::string rate = "/tra-cuu/" + code + "/danh-gia";
  EXPECT_EQ(Post(rate, {{"phone", "0987654321"}, {"item", "1"}, {"satisfied", "1"}}).status, 403);
  EXPECT_EQ(Post(rate, {{"phone", "0912345678"}, {"item", "1"}, {"satisfied", "x"}}).status, 400);
  http::HttpResponse rated =
      Post(rate,
           {{"phone", "0912345678"}, {"item", "1"}, {"satisfied", "1"}, {"comment", "Cảm ơn xã."}});
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_TRUE(Contains(rated.body, "Cảm ơn bạn đã đánh giá"));
  EXPECT_TRUE(Contains(rated.body, "Hài lòng"));
  auto stored = petitions().FindByCode(demo_, code);
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(stored->items[0].rating.has_value());
  EXPECT_TRUE(stored->items[0].rating->satisfied);
  EXPECT_EQ(stored->items[0].rating->comment, "Cảm ơn xã.");
  // Once only.
  http::HttpResponse again =
      Post(rate, {{"phone", "0912345678"}, {"item", "1"}, {"satisfied", "0"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Contains(again.body, "Bạn đã đánh giá"));

  http::HttpResponse list = Call("GET", "/x/hoang-truong/tra-loi");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, code));
  EXPECT_TRUE(Contains(list.body, "bố trí kinh phí sửa đoạn đường"));
  EXPECT_TRUE(Contains(list.body, "Đường liên thôn bị sạt lở"));  // the question answered
  EXPECT_FALSE(Contains(list.body, "Lê Thị Mận"));
  EXPECT_FALSE(Contains(list.body, "0912"));
  EXPECT_EQ(Call("GET", "/x/hoang-truong/tra-loi", "trang=0").status, 400);
  EXPECT_EQ(Call("GET", "/x/hoang-truong/tra-loi", "hoi-nghi=abc").status, 400);
  EXPECT_EQ(Call("GET", "/x/hoang-truong/tra-loi", "hoi-nghi=1").status, 200);
}

// ---- the JSON API ----------------------------------------------------------

TEST_F(PetitionPublicTest, ApiCreatesValidatesAndShowsThePublicView) {
  http::HttpResponse created = PostJson(
      kApiCreate,
      R"({"name":"Phạm Văn Tư","phone":"0987 111 222","village":"Thôn 3",)"
      R"("address":"Xóm Tây","text":"Đề nghị lắp đèn chiếu sáng ngõ xóm.","class":"Kiến nghị",)"
      R"("form_token":"api-token-1"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const nlohmann::json body = nlohmann::json::parse(created.body);
  const std::string code = body["code"];
  EXPECT_TRUE(ParseTrackingCode(code).ok());
  EXPECT_EQ(body["url"], "/tra-cuu/" + code);
  EXPECT_EQ(HeaderOf(created, "Location"), "/api/v1/petitions/" + code);
  // The same form_token again: the same petition, 200.
  http::HttpResponse repeated = PostJson(
      kApiCreate,
      R"({"name":"Phạm Văn Tư","phone":"0987 111 222","village":"Thôn 3",)"
      R"("address":"Xóm Tây","text":"Đề nghị lắp đèn chiếu sáng ngõ xóm.","class":"Kiến nghị",)"
      R"("form_token":"api-token-1"})");
  EXPECT_EQ(repeated.status, 200);
  EXPECT_EQ(nlohmann::json::parse(repeated.body)["code"], code);
  EXPECT_EQ(Added(), 1);

  http::HttpResponse shown = Call("GET", "/api/v1/petitions/" + code);
  ASSERT_EQ(shown.status, 200);
  const nlohmann::json view = nlohmann::json::parse(shown.body);
  EXPECT_EQ(view["code"], code);
  EXPECT_EQ(view["status"], "Đã tiếp nhận");
  ASSERT_EQ(view["items"].size(), 1u);
  EXPECT_EQ(view["items"][0]["class"], "Kiến nghị");
  EXPECT_EQ(view["items"][0]["text"], "");
  EXPECT_TRUE(view["items"][0]["deadline"].is_string());
  for (const char* hidden : {"Phạm Văn Tư", "0987", "Xóm Tây", "Thôn 3", "đèn chiếu sáng"}) {
    EXPECT_FALSE(Contains(shown.body, hidden)) << hidden;
  }
}

TEST_F(PetitionPublicTest, ApiRefusesBadInputWithFieldErrorsAndStoresNothing) {
  auto fields_of = [](const http::HttpResponse& r) {
    std::set<std::string> names;
    const nlohmann::json body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << r.body;
    EXPECT_TRUE(body["error"]["message"].is_string());
    for (const auto& f : body["error"]["fields"]) names.insert(f["field"].get<std::string>());
    return names;
  };
  http::HttpResponse bad = PostJson(kApiCreate, R"({"name":"An","phone":"123","text":""})");
  EXPECT_EQ(bad.status, 400);
  std::set<std::string> fields = fields_of(bad);
  EXPECT_TRUE(fields.count("phone")) << bad.body;
  EXPECT_TRUE(fields.count("text")) << bad.body;

  http::HttpResponse types =
      PostJson(kApiCreate, R"({"name":5,"phone":"0912345678","text":["a"],"class":"x"})");
  EXPECT_EQ(types.status, 400);
  fields = fields_of(types);
  EXPECT_TRUE(fields.count("name") && fields.count("text") && fields.count("class")) << types.body;

  for (const std::string& body :
       {std::string("not json"), std::string("[1,2]"), std::string("\"text\""),
        std::string("{\"name\":\"An\",\"phone\":\"0912345678\",\"text\":\"\xC3\x28\"}"),
        std::string(R"({"name":"An","phone":"0912345678","text":")") +
            std::string(100 * 1024, 'a') + "\"}"}) {
    http::HttpResponse r = PostJson(kApiCreate, body);
    EXPECT_EQ(r.status, 400) << body.substr(0, 40);
    EXPECT_FALSE(fields_of(r).empty());
  }
  // A tố cáo needs name and address (CLS-03, TC-06).
  http::HttpResponse anonymous = PostJson(
      kApiCreate, R"({"phone":"0912345678","text":"Tố cáo cán bộ nhận tiền.","class":"tố cáo"})");
  EXPECT_EQ(anonymous.status, 400);
  fields = fields_of(anonymous);
  EXPECT_TRUE(fields.count("name") && fields.count("address")) << anonymous.body;
  EXPECT_EQ(PostJson("/api/v1/communes/khong-co/petitions", "{}").status, 404);
  EXPECT_EQ(Added(), 0);
}

TEST_F(PetitionPublicTest, FieldsAndTheOpenApiDocument) {
  http::HttpResponse fields = Call("GET", "/api/v1/communes/hoang-truong/fields");
  ASSERT_EQ(fields.status, 200);
  const nlohmann::json list = nlohmann::json::parse(fields.body);
  ASSERT_TRUE(list.is_array());
  EXPECT_EQ(list.size(), DefaultPetitionFields().size());
  EXPECT_EQ(list[0]["code"], DefaultPetitionFields()[0].code);
  EXPECT_EQ(list[0]["label"], DefaultPetitionFields()[0].label);

  http::HttpResponse doc = Call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  const nlohmann::json api = nlohmann::json::parse(doc.body, nullptr, false);
  ASSERT_FALSE(api.is_discarded());
  EXPECT_EQ(api["openapi"], "3.0.3");
  for (const char* path :
       {"/api/v1/communes/{slug}/petitions", "/api/v1/communes/{slug}/petitions/{code}",
        "/api/v1/petitions/{code}", "/api/v1/communes/{slug}/fields"}) {
    EXPECT_TRUE(api["paths"].contains(path)) << path;
  }
  const auto& create = api["paths"]["/api/v1/communes/{slug}/petitions"]["post"];
  for (const char* status : {"201", "400", "404", "429"}) {
    EXPECT_TRUE(create["responses"].contains(status)) << status;
  }
  EXPECT_TRUE(create.contains("requestBody"));
  EXPECT_EQ(api["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
}

TEST_F(PetitionPublicTest, StaffListAndViewWithABearerToken) {
  const std::string road = SubmitValid();  // Thôn 2, "Đường liên thôn bị sạt lở…"
  http::HttpResponse created =
      PostJson(kApiCreate, R"({"name":"Hoàng Văn Ba","phone":"0977000111","village":"Thôn 1",)"
                           R"("address":"Xóm Bắc","text":"Đề nghị nạo vét kênh tưới."})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string canal = nlohmann::json::parse(created.body)["code"];
  const std::string list = "/api/v1/communes/hoang-truong/petitions";
  EXPECT_EQ(Call("GET", list).status, 401);

  const std::string token = BearerFor("vanphong");
  http::HttpResponse all = GetWithBearer(list, "", token);
  ASSERT_EQ(all.status, 200) << all.body;
  nlohmann::json body = nlohmann::json::parse(all.body);
  EXPECT_EQ(body["total"], demo_petitions_ + 2);
  ASSERT_EQ(body["items"].size(), static_cast<size_t>(demo_petitions_ + 2));
  for (const auto& item : body["items"]) {
    for (const char* key : {"code", "text", "field", "status", "deadline", "received_on", "village",
                            "unit", "deadline_state", "name"}) {
      EXPECT_TRUE(item.contains(key)) << key;
    }
  }
  // Diacritic-insensitive search (SRCH-01): "sat lo" finds "sạt lở".
  body = nlohmann::json::parse(GetWithBearer(list, "q=sat+lo", token).body);
  ASSERT_EQ(body["total"], 1) << body.dump();
  EXPECT_EQ(body["items"][0]["code"], road);
  EXPECT_EQ(body["items"][0]["text"], "Đường liên thôn bị sạt lở sau mưa lớn, đề nghị sửa chữa.");
  EXPECT_EQ(body["items"][0]["status"], "received");
  EXPECT_EQ(body["items"][0]["village"], "Thôn 2");
  EXPECT_EQ(body["items"][0]["name"], "Lê Thị Mận");
  body = nlohmann::json::parse(GetWithBearer(list, "per_page=1&page=2", token).body);
  EXPECT_EQ(body["total"], demo_petitions_ + 2);
  EXPECT_EQ(body["items"].size(), 1u);
  body = nlohmann::json::parse(GetWithBearer(list, "status=received", token).body);
  for (const auto& item : body["items"]) EXPECT_EQ(item["status"], "received");
  // Bad filter values.
  for (const char* query : {"status=xyz", "field=khong-co", "page=0", "per_page=5000",
                            "overdue=maybe", "village=abc", "class=nope"}) {
    EXPECT_EQ(GetWithBearer(list, query, token).status, 400) << query;
  }
  // A village head sees their own village only, whatever they ask for.
  const std::string head = BearerFor("truongthon1");
  for (const std::string& query : {std::string(), "village=" + VillageIdOf("Thôn 2")}) {
    http::HttpResponse r = GetWithBearer(list, query, head);
    ASSERT_EQ(r.status, 200) << r.body;
    body = nlohmann::json::parse(r.body);
    bool has_canal = false;
    for (const auto& item : body["items"]) {
      EXPECT_EQ(item["village"], "Thôn 1") << query;
      has_canal |= item["code"] == canal;
    }
    EXPECT_TRUE(has_canal) << query;
  }

  // The staff view of one petition.
  http::HttpResponse one = GetWithBearer(list + "/" + canal, "", token);
  ASSERT_EQ(one.status, 200) << one.body;
  const nlohmann::json staff = nlohmann::json::parse(one.body);
  EXPECT_EQ(staff["code"], canal);
  EXPECT_EQ(staff["name"], "Hoàng Văn Ba");
  EXPECT_EQ(staff["phone"], "0977000111");
  EXPECT_EQ(staff["village"], "Thôn 1");
  EXPECT_EQ(staff["items"][0]["class"], "proposal");
  EXPECT_FALSE(staff["history"].empty());
  EXPECT_EQ(GetWithBearer(list + "/" + canal, "", head).status, 200);
  EXPECT_EQ(GetWithBearer(list + "/" + road, "", head).status, 404);  // Thôn 2
  EXPECT_EQ(GetWithBearer(list + "/khong-phai-ma", "", token).status, 400);
}

// ---- CONF-01/02 --------------------------------------------------------------

TEST_F(PetitionPublicTest, ADenouncersIdentityAppearsOnNoPublicPageAndNotInTheStaffList) {
  const std::string name_marker = "Trịnh Mậtdanh Zq7731";
  const std::string address_marker = "Ngõ Kínđáo 7731";
  // Another petition with a published answer, so that the public list is not empty.
  const std::string other = SubmitValid();
  AnswerFirstItem(other, "Đã sửa xong đoạn đường.", true);

  nlohmann::json request = {{"name", name_marker},
                            {"phone", "0911223344"},
                            {"village", "Thôn 4"},
                            {"address", address_marker},
                            {"text", "Tố cáo việc thu tiền trái phép khi làm hồ sơ đất."},
                            {"class", "denunciation"}};
  http::HttpResponse created = PostJson(kApiCreate, request.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string code = nlohmann::json::parse(created.body)["code"];
  AnswerFirstItem(code, "Đã xác minh và xử lý theo quy định.", false);

  const std::string token = BearerFor("vanphong");
  const std::string list = "/api/v1/communes/hoang-truong/petitions";
  std::vector<std::pair<std::string, http::HttpResponse>> outputs = {
      {"api public view", Call("GET", "/api/v1/petitions/" + code)},
      {"tracking page", Call("GET", "/tra-cuu/" + code)},
      {"tracking detail", Post("/tra-cuu/" + code, {{"phone", "0911223344"}})},
      {"answers list", Call("GET", "/x/hoang-truong/tra-loi")},
      {"staff list", GetWithBearer(list, "", token)},
      {"staff search by name", GetWithBearer(list, "q=" + http::UrlEncode(name_marker), token)},
      {"staff search by address", GetWithBearer(list, "q=Kindao", token)},
      {"staff view", GetWithBearer(list + "/" + code, "", token)},
  };
  for (const auto& [what, r] : outputs) {
    EXPECT_LT(r.status, 300) << what << ": " << r.body;
    for (const std::string& marker : {name_marker, address_marker, std::string("Zq7731"),
                                      std::string("Kínđáo"), std::string("0911223344")}) {
      EXPECT_FALSE(Contains(r.body, marker)) << what << " shows " << marker;
    }
  }
  // The staff list names the pseudonym, without the village (CONF-02).
  const nlohmann::json staff = nlohmann::json::parse(outputs[4].second.body);
  bool found = false;
  for (const auto& item : staff["items"]) {
    if (item["code"] != code) continue;
    found = true;
    EXPECT_EQ(item["name"], "Người tố cáo " + code);
    EXPECT_EQ(item["village"], "");
  }
  EXPECT_TRUE(found);
  const nlohmann::json view = nlohmann::json::parse(outputs[7].second.body);
  EXPECT_EQ(view["name"], "Người tố cáo " + code);
  EXPECT_TRUE(view["sealed"].get<bool>());
  EXPECT_FALSE(view.contains("phone"));
  EXPECT_FALSE(view.contains("address"));
  // The tố cáo's text and answer are not on the public pages either.
  EXPECT_FALSE(Contains(outputs[1].second.body, "thu tiền trái phép"));
  EXPECT_FALSE(Contains(outputs[3].second.body, "thu tiền trái phép"));
  EXPECT_FALSE(Contains(outputs[3].second.body, "Đã xác minh"));
  EXPECT_TRUE(Contains(outputs[3].second.body, "Đã sửa xong đoạn đường."));
}

}  // namespace
}  // namespace doithoai::app
