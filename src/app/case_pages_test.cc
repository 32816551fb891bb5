// The issue #6 staff pages and API over the assembled application: possible
// duplicates in the staff list, suggestions and similar petitions in the
// staff JSON, the demo's case in the prominent issues, grouping refused
// across communes, answering a case once for every petitioner, the outbox
// page (a denouncer's message withheld, no identity shown) and the settings
// page refusing a template with an unknown placeholder.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/petition_public_testing.h"

namespace doithoai::app {
namespace {

constexpr char kCases[] = "/quan-tri/hoang-truong/vu-viec";

class CasePagesTest : public PetitionPublicTest {
 protected:
  http::HttpResponse StaffGet(const std::string& path, const std::string& query = "",
                              const std::string& user = "vanphong") {
    const SignedIn s = SignIn(user);
    return Call("GET", path, query, {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  }
  http::HttpResponse StaffPost(const std::string& path, FormFields fields,
                               const std::string& user = "vanphong") {
    const SignedIn s = SignIn(user);
    fields.emplace_back("_csrf", s.csrf);
    return Call("POST", path, "",
                {{"cookie", std::string(web::kSessionCookie) + "=" + s.token},
                 {"content-type", "application/x-www-form-urlencoded"}},
                FormBody(fields));
  }
  std::string Submit(const std::string& name, const std::string& phone, const std::string& village,
                     const std::string& text, const std::string& petition_class = "Kiến nghị") {
    const nlohmann::json body = {{"name", name},       {"phone", phone},
                                 {"village", village}, {"address", "Xóm Giữa, " + village},
                                 {"text", text},       {"class", petition_class}};
    http::HttpResponse r = PostJson(kApiCreate, body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? nlohmann::json::parse(r.body)["code"].get<std::string>() : "";
  }
};

TEST_F(CasePagesTest, StaffListFlagsPossibleDuplicates) {
  const std::string a = Submit("Bùi Văn Một", "0913 200 001", "Thôn 8",
                               "Cống thoát nước cạnh chợ thôn 8 bị tắc, nước thải tràn ra đường.");
  const std::string b =
      Submit("Cao Thị Hai", "0913 200 002", "Thôn 8",
             "Đề nghị thông cống thoát nước cạnh chợ thôn 8, nước thải tràn đường.");
  http::HttpResponse list = StaffGet("/quan-tri/hoang-truong/kien-nghi");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Có thể trùng"));
  EXPECT_TRUE(Contains(list.body, ">" + b + "</a> </span>") ||
              Contains(list.body, ">" + a + "</a> </span>"));
}

TEST_F(CasePagesTest, StaffJsonHasSuggestionsWithReasonsAndSimilarCodes) {
  const std::string a =
      Submit("Đặng Văn Ba", "0913 200 003", "Thôn 9",
             "Trạm y tế xã thiếu thuốc, bác sĩ thường vắng, người già khám bệnh phải chờ lâu.");
  const std::string b =
      Submit("Hồ Thị Bốn", "0913 200 004", "Thôn 9",
             "Đề nghị trạm y tế xã bổ sung thuốc, bác sĩ hay vắng, người già chờ khám rất lâu.");
  http::HttpResponse r =
      GetWithBearer(std::string(kApiCreate) + "/" + a, "", BearerFor("vanphong"));
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json view = nlohmann::json::parse(r.body);
  ASSERT_FALSE(view["suggestions"]["fields"].empty());
  EXPECT_EQ(view["suggestions"]["fields"][0]["name"], "van-hoa-giao-duc-y-te");
  EXPECT_FALSE(view["suggestions"]["fields"][0]["because"].empty());
  ASSERT_FALSE(view["suggestions"]["units"].empty());
  EXPECT_TRUE(view["suggestions"]["units"][0]["name"].is_string());
  ASSERT_FALSE(view["similar"].empty());
  EXPECT_EQ(view["similar"][0]["code"], b);
  EXPECT_TRUE(view["case_id"].is_null());
}

TEST_F(CasePagesTest, TheDemoCaseLeadsTheProminentIssues) {
  http::HttpResponse r =
      GetWithBearer("/api/v1/communes/hoang-truong/issues/prominent", "", BearerFor("chutich"));
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json issues = nlohmann::json::parse(r.body);
  ASSERT_FALSE(issues["items"].empty());
  const nlohmann::json& first = issues["items"][0];
  EXPECT_EQ(first["title"], "Đường bê tông nhà văn hóa thôn 1 – quốc lộ xuống cấp");
  EXPECT_EQ(first["petitions"], 3);
  EXPECT_EQ(first["petitioners"], 3);
  EXPECT_EQ(first["villages"], 2);
  EXPECT_EQ(first["village_names"], nlohmann::json::array({"Thôn 1", "Thôn 2"}));
  http::HttpResponse page = StaffGet(kCases);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Đường bê tông nhà văn hóa thôn 1 – quốc lộ xuống cấp"));
}

TEST_F(CasePagesTest, GroupingAnotherCommunesPetitionIsRefusedAndStoresNothing) {
  const Commune other = CreateOtherCommune();
  NewPetition input;
  input.channel = PetitionChannel::kWalkIn;
  input.name = "Người Xã Khác";
  input.phone = "0913999888";
  input.items.push_back({"Đường ở xã khác hỏng.", PetitionClass::kProposal, ""});
  auto foreign = petitions().Submit(other, input, StaffCtx());
  ASSERT_TRUE(foreign.ok()) << foreign.error().message;
  const std::string mine = Submit("Lý Văn Năm", "0913 200 005", "Thôn 5", "Đường thôn 5 hỏng.");
  const int64_t before = app_->cases().Prominent(demo_).value().size();
  http::HttpResponse r =
      StaffPost(kCases, {{"title", "Gộp sai"}, {"codes", mine}, {"codes", foreign->petition.code}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Contains(r.body, "Không tìm thấy đơn " + foreign->petition.code + " trong xã này"));
  EXPECT_EQ(static_cast<int64_t>(app_->cases().Prominent(demo_).value().size()), before);
}

TEST_F(CasePagesTest, ACaseIsAnsweredOnceAndEveryPetitionerIsNotified) {
  const std::vector<std::string> codes = {
      Submit("Tôn Văn Sáu", "0913 200 006", "Thôn 4", "Cầu tràn thôn 4 bị sạt mố, rất nguy hiểm."),
      Submit("Phí Thị Bảy", "0913 200 007", "Thôn 5",
             "Mố cầu tràn thôn 4 bị sạt, đề nghị gia cố.")};
  http::HttpResponse created = StaffPost(
      kCases, {{"title", "Cầu tràn thôn 4 sạt mố"}, {"codes", codes[0] + ", " + codes[1]}});
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string location = HeaderOf(created, "Location");
  const std::string unit = std::to_string(app_->communes().ListUnits(demo_).value()[2].id.value);
  http::HttpResponse answered = StaffPost(
      location + "/tra-loi",
      {{"text", "Xã đã gia cố mố cầu tràn bằng rọ đá."}, {"unit", unit}, {"publish", "1"}});
  ASSERT_EQ(answered.status, 303) << answered.body;
  EXPECT_TRUE(Contains(HeaderOf(answered, "Location"), "ket-qua="));
  for (const std::string& code : codes) {
    auto p = petitions().FindByCode(demo_, code);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->items[0].status, ItemStatus::kAnswered) << code;
    EXPECT_EQ(p->items[0].answer->text, "Xã đã gia cố mố cầu tràn bằng rọ đá.");
    OutboxRepository::Query query;
    query.petition_code = code;
    auto sent = app_->outbox().List(demo_, query);
    ASSERT_TRUE(sent.ok());
    bool told = false;
    for (const OutboxMessage& m : sent->items) {
      told = told || (m.event == "petition.answered" && m.address == p->submitter.phone);
    }
    EXPECT_TRUE(told) << code;
  }
  // The case page shows both answered.
  http::HttpResponse page = StaffGet(location);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "2</strong> người dân"));
}

TEST_F(CasePagesTest, OutboxShowsWhatWasSentAndWithholdsTheDenouncer) {
  const std::string code = Submit("Kiều Thị Kín", "0913 777 666", "Thôn 3",
                                  "Tố cáo trưởng thôn thu quỹ sai quy định.", "Tố cáo");
  const std::string normal = Submit("Mạc Văn Rõ", "0913 555 444", "Thôn 3", "Xin sửa đèn đường.");
  http::HttpResponse page = StaffGet("/quan-tri/hoang-truong/thong-bao");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, normal));
  EXPECT_TRUE(Contains(page.body, "0913555444"));
  EXPECT_TRUE(Contains(page.body, "Không gửi (bảo mật)"));
  EXPECT_TRUE(Contains(page.body, "Người tố cáo " + code));
  EXPECT_FALSE(Contains(page.body, "Kiều Thị Kín"));
  EXPECT_FALSE(Contains(page.body, "0913777666"));
  // Filtered to the denunciation's code: only its withheld receipt.
  http::HttpResponse filtered = StaffGet("/quan-tri/hoang-truong/thong-bao", "code=" + code);
  ASSERT_EQ(filtered.status, 200);
  EXPECT_FALSE(Contains(filtered.body, normal));
  // A village head may not see it.
  EXPECT_EQ(StaffGet("/quan-tri/hoang-truong/thong-bao", "", "truongthon1").status, 403);
}

TEST_F(CasePagesTest, SettingsPageRefusesAnUnknownPlaceholderAndSavesAGoodTemplate) {
  http::HttpResponse form = StaffGet("/quan-tri/hoang-truong/thong-bao/cai-dat", "", "chutich");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Contains(form.body, "{ma_don}"));
  FormFields bad = {{"escalate_after_days", "5"},
                    {"rate_request_after_days", "2"},
                    {"subject_petition.received", "Đã nhận"},
                    {"body_petition.received", "Đơn {ma_dn} đã được nhận"}};
  http::HttpResponse refused =
      StaffPost("/quan-tri/hoang-truong/thong-bao/cai-dat", bad, "chutich");
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Contains(refused.body, "{ma_dn}"));
  EXPECT_TRUE(app_->notifications().Settings(demo_).value().TemplateFor("petition.received").body !=
              "Đơn {ma_dn} đã được nhận");
  FormFields good = bad;
  good[3].second = "Xã đã nhận đơn {ma_don} của ông/bà.";
  http::HttpResponse saved = StaffPost("/quan-tri/hoang-truong/thong-bao/cai-dat", good, "chutich");
  EXPECT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(app_->notifications().Settings(demo_).value().TemplateFor("petition.received").body,
            "Xã đã nhận đơn {ma_don} của ông/bà.");
  // The next receipt uses it.
  const std::string code = Submit("Văn Thị Mới", "0913 123 123", "Thôn 2", "Xin lắp biển báo.");
  OutboxRepository::Query query;
  query.petition_code = code;
  auto sent = app_->outbox().List(demo_, query);
  ASSERT_TRUE(sent.ok());
  ASSERT_EQ(sent->items.size(), 1u);
  EXPECT_EQ(sent->items[0].body, "Xã đã nhận đơn " + code + " của ông/bà.");
}

}  // namespace
}  // namespace doithoai::app
