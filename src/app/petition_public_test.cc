// The citizen's side of petitions (issue #5 §2, §5, "Interfaces") over the
// assembled application's HTTP handler: the public form (token, honeypot,
// rate limit, field errors with nothing stored, double submission), the
// receipt, tracking by code and by code + phone (FB-01), rating an answer
// (FB-04) and the public list of answers. The JSON API, the staff list and
// the secrecy of a denouncer's identity are in petition_api_test.cc.
#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

#include "app/petition_public_testing.h"
#include "app/wiring.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::app {
namespace {

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

}  // namespace
}  // namespace doithoai::app
