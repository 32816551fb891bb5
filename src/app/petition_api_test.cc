// The petition JSON API over the assembled application's HTTP handler
// (issue #5 "Interfaces"): creating and validating through the API, the
// fields and the OpenAPI document, the staff list with a Bearer token, and
// the secrecy of a denouncer's identity on every public page and the staff
// list (CONF-01/02).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "app/petition_public_testing.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::app {
namespace {

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
