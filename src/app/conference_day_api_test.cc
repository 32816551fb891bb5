// The secretary desk API over the assembled application (issue #7 §1, §3,
// §4 and "Bad input"): exactly once per client key (201 then 200 with the
// same record), a unit of another commune refused with nothing stored,
// minutes signed once per role and then locked (the desk refuses records,
// corrections are addenda), a late results notice needs its reason
// (DLG-08), and a speaker marked anonymous is not named on the room screen
// (CONF-02). The demo's 2023 conference is recorded after its date here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/notify/notify_config.h"
#include "app/job_worker.h"
#include "app/petition_public_testing.h"

namespace doithoai::app {
namespace {

constexpr char kBase[] = "/api/v1/communes/hoang-truong/conferences/1";

class ConferenceDayApiTest : public PetitionPublicTest {
 protected:
  void SetUp() override {
    PetitionPublicTest::SetUp();
    if (HasFatalFailure()) return;
    secretary_ = BearerFor("thuky");
    chair_ = BearerFor("chutich");
  }

  http::HttpResponse Post(const std::string& path, const nlohmann::json& body,
                          const std::string& token) {
    return Call("POST", std::string(kBase) + path, "",
                {{"content-type", "application/json"}, {"authorization", "Bearer " + token}},
                body.dump());
  }
  nlohmann::json Stored() {
    http::HttpResponse r = GetWithBearer(kBase, "", secretary_);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? nlohmann::json::parse(r.body) : nlohmann::json::object();
  }
  static std::string Message(const http::HttpResponse& r) {
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_discarded() ? r.body : j["error"].value("message", "");
  }
  std::string UnitIdOf(const std::string& name) {
    const std::vector<Unit> units = app_->communes().ListUnits(demo_).value();
    for (const Unit& u : units) {
      if (u.name == name) return std::to_string(u.id.value);
    }
    ADD_FAILURE() << "no unit " << name;
    return "0";
  }
  void AddSpeaker(const std::string& key, const std::string& name, bool anonymous = false) {
    http::HttpResponse r = Post("/desk/speakers",
                                {{"client_key", key},
                                 {"session", 1},
                                 {"name", name},
                                 {"village_id", std::stoll(VillageIdOf("Thôn 3"))},
                                 {"anonymous", anonymous}},
                                secretary_);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  nlohmann::json OpinionBody(const std::string& key, const std::string& speaker_key) {
    return {{"client_key", key},          {"session", 1},
            {"speaker_key", speaker_key}, {"text", "Đề nghị sửa cống thoát nước thôn 3."},
            {"class", "proposal"},        {"outcome", "pending"}};
  }

  std::string secretary_;
  std::string chair_;
};

TEST_F(ConferenceDayApiTest, ARepeatedClientKeyStoresOnceAndAnswersWithTheFirstRecord) {
  http::HttpResponse first =
      Post("/desk/speakers", {{"client_key", "k-sp-1"}, {"session", 1}, {"name", "Lê Văn A"}},
           secretary_);
  ASSERT_EQ(first.status, 201) << first.body;
  http::HttpResponse again =
      Post("/desk/speakers", {{"client_key", "k-sp-1"}, {"session", 1}, {"name", "Lê Văn A"}},
           secretary_);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(nlohmann::json::parse(first.body)["speaker"]["number"],
            nlohmann::json::parse(again.body)["speaker"]["number"]);

  const int64_t before = PetitionCount();
  http::HttpResponse op = Post("/desk/opinions", OpinionBody("k-op-1", "k-sp-1"), secretary_);
  ASSERT_EQ(op.status, 201) << op.body;
  http::HttpResponse replay = Post("/desk/opinions", OpinionBody("k-op-1", "k-sp-1"), secretary_);
  ASSERT_EQ(replay.status, 200) << replay.body;
  const std::string code = nlohmann::json::parse(op.body)["opinion"]["code"];
  EXPECT_FALSE(code.empty());
  EXPECT_EQ(nlohmann::json::parse(replay.body)["opinion"]["code"], code);
  EXPECT_EQ(PetitionCount(), before + 1);
  EXPECT_EQ(Stored()["opinions"].size(), 1u);
  EXPECT_EQ(Stored()["speakers"].size(), 1u);
}

TEST_F(ConferenceDayApiTest, AUnitOfAnotherCommuneIsRefusedAndNothingIsStored) {
  AddSpeaker("k-sp", "Lê Văn B");
  const Commune other = CreateOtherCommune();
  Unit foreign;
  foreign.commune_id = other.id;
  foreign.name = "Địa chính xã khác";
  foreign.short_name = "ĐC";
  Result<doithoai::UnitId> foreign_id = app_->communes().AddUnit(foreign, TestAudit());
  ASSERT_TRUE(foreign_id.ok()) << foreign_id.error().message;

  const int64_t petitions_before = PetitionCount();
  const nlohmann::json conference_before = Stored();
  nlohmann::json body = OpinionBody("k-op-x", "k-sp");
  body["outcome"] = "assigned";
  body["unit_id"] = foreign_id->value;
  body["deadline"] = "2026-11-20";
  http::HttpResponse r = Post("/desk/opinions", body, secretary_);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(Message(r), "Đơn vị được giao không thuộc xã này.");
  EXPECT_EQ(PetitionCount(), petitions_before);
  EXPECT_EQ(Stored()["opinions"], conference_before["opinions"]);
  EXPECT_EQ(Stored()["version"], conference_before["version"]);

  // The same opinion with this commune's unit is stored.
  body["unit_id"] = std::stoll(UnitIdOf("Địa chính – Xây dựng"));
  EXPECT_EQ(Post("/desk/opinions", body, secretary_).status, 201);
  EXPECT_EQ(PetitionCount(), petitions_before + 1);
}

TEST_F(ConferenceDayApiTest, MinutesAreSignedOncePerRoleThenLockedAndCorrectedByAddenda) {
  AddSpeaker("k-sp", "Lê Văn C");
  ASSERT_EQ(Post("/desk/opinions", OpinionBody("k-op", "k-sp"), secretary_).status, 201);
  // DLG-10: not before the session has ended.
  http::HttpResponse early = Post("/minutes/sign", {{"as", "secretary"}}, secretary_);
  EXPECT_GE(early.status, 400);
  EXPECT_TRUE(Stored()["minutes"].value("secretary", nlohmann::json()).is_null());

  ASSERT_EQ(Post("/desk/sessions/1/end", nlohmann::json::object(), secretary_).status, 200);
  http::HttpResponse signed_once = Post("/minutes/sign", {{"as", "secretary"}}, secretary_);
  ASSERT_EQ(signed_once.status, 200) << signed_once.body;
  http::HttpResponse twice = Post("/minutes/sign", {{"as", "secretary"}}, secretary_);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_NE(Message(twice).find("không ký lại được"), std::string::npos) << Message(twice);
  // The chair cannot sign as the secretary's stand-in, and vice versa.
  EXPECT_EQ(Post("/minutes/sign", {{"as", "chair"}}, secretary_).status, 403);

  ASSERT_EQ(Post("/minutes/sign", {{"as", "chair"}}, chair_).status, 200);
  const nlohmann::json locked = Stored();
  EXPECT_EQ(locked["state"], "minutes_signed");
  EXPECT_EQ(Post("/minutes/sign", {{"as", "chair"}}, chair_).status, 409);

  // Locked: the desk records nothing more, and the text cannot be edited.
  const int64_t petitions = PetitionCount();
  http::HttpResponse late = Post("/desk/opinions", OpinionBody("k-op-late", "k-sp"), secretary_);
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_NE(Message(late).find("biên bản bổ sung"), std::string::npos) << Message(late);
  EXPECT_EQ(PetitionCount(), petitions);
  EXPECT_EQ(Stored()["opinions"].size(), 1u);
  Status edit = app_->conferences().SaveDraft(
      demo_, ConferenceId{1}, ConferenceDocumentKind::kMinutes, "BIÊN BẢN\n", StaffCtx());
  EXPECT_FALSE(edit.ok());
  // A correction is an addendum.
  http::HttpResponse addendum =
      Post("/minutes/addenda", {{"text", "Bổ sung: ông Lê Văn C ở thôn 3, không phải thôn 4."}},
           secretary_);
  EXPECT_EQ(addendum.status, 201) << addendum.body;
  EXPECT_EQ(Stored()["minutes"]["addenda"].size(), 1u);
}

TEST_F(ConferenceDayApiTest, ALateResultsNoticeNeedsItsReason) {
  ASSERT_EQ(Post("/desk/sessions/1/end", nlohmann::json::object(), secretary_).status, 200);
  // Before the minutes are signed there is no results notice.
  EXPECT_GE(Post("/results-notice/issue", nlohmann::json::object(), chair_).status, 400);
  ASSERT_EQ(Post("/minutes/sign", {{"as", "secretary"}}, secretary_).status, 200);
  ASSERT_EQ(Post("/minutes/sign", {{"as", "chair"}}, chair_).status, 200);

  // DLG-08: the 2023 conference's 10 days are long past (today is 2026-11-02).
  const nlohmann::json before = Stored();
  http::HttpResponse no_reason = Post("/results-notice/issue", nlohmann::json::object(), chair_);
  ASSERT_EQ(no_reason.status, 400) << no_reason.body;
  const nlohmann::json error = nlohmann::json::parse(no_reason.body)["error"];
  ASSERT_FALSE(error["fields"].empty());
  EXPECT_EQ(error["fields"][0]["field"], "late_reason");
  const nlohmann::json after_refusal = Stored();
  EXPECT_EQ(after_refusal["state"], before["state"]);
  EXPECT_EQ(after_refusal["version"], before["version"]);

  http::HttpResponse with_reason =
      Post("/results-notice/issue",
           {{"late_reason", "Chờ ý kiến của huyện về hai kiến nghị đất đai trước khi thông báo."}},
           chair_);
  ASSERT_EQ(with_reason.status, 200) << with_reason.body;
  const nlohmann::json issued = Stored();
  EXPECT_EQ(issued["state"], "results_published");
  EXPECT_FALSE(issued["results_late_reason"].get<std::string>().empty());
}

TEST_F(ConferenceDayApiTest, AnAnonymousSpeakerIsNotNamedOnTheRoomScreen) {
  AddSpeaker("k-anon", "Phạm Văn Kín", /*anonymous=*/true);
  ASSERT_EQ(
      Post("/desk/speakers/state", {{"speaker_key", "k-anon"}, {"state", "speaking"}}, secretary_)
          .status,
      200);
  http::HttpResponse live = GetWithBearer(std::string(kBase) + "/live", "", secretary_);
  ASSERT_EQ(live.status, 200) << live.body;
  EXPECT_EQ(live.body.find("Phạm Văn Kín"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(live.body)["speaker"]["name"], "Người phát biểu số 1");
  // The desk still knows who it is (the minutes are the secretary's record).
  http::HttpResponse desk = GetWithBearer(std::string(kBase) + "/desk", "", secretary_);
  EXPECT_NE(desk.body.find("Phạm Văn Kín"), std::string::npos);
}

// Issue #7 §7: a speaker who left a phone number is told the answer given
// in the room, through the notification outbox like any petitioner.
TEST_F(ConferenceDayApiTest, ASpeakerWithAPhoneIsToldTheAnswerGivenInTheRoom) {
  http::HttpResponse sp = Post(
      "/desk/speakers",
      {{"client_key", "k-ph"}, {"session", 1}, {"name", "Đinh Thị Hỏi"}, {"phone", "0987 654 321"}},
      secretary_);
  ASSERT_EQ(sp.status, 201) << sp.body;
  nlohmann::json body = OpinionBody("k-op-ph", "k-ph");
  body["outcome"] = "answered";
  body["answered_by"] = "Ông Lê Thanh Cảnh, Chủ tịch UBND xã";
  body["answer"] = "Xã sẽ nạo vét cống trong tháng này.";
  http::HttpResponse op = Post("/desk/opinions", body, secretary_);
  ASSERT_EQ(op.status, 201) << op.body;
  const std::string code = nlohmann::json::parse(op.body)["opinion"]["code"];
  OutboxRepository::Query query;
  query.petition_code = code;
  query.limit = 20;
  Result<OutboxRepository::Page> page = app_->outbox().List(demo_, query);
  ASSERT_TRUE(page.ok()) << page.error().message;
  bool answered = false;
  for (const OutboxMessage& m : page->items) {
    if (m.recipient_kind == "citizen" && m.address == "0987654321" &&
        m.body.find("nạo vét cống") != std::string::npos) {
      answered = true;
    }
  }
  EXPECT_TRUE(answered) << page->items.size() << " messages";
  // The number is the desk's, never the room screen's.
  http::HttpResponse live = GetWithBearer(std::string(kBase) + "/live", "", secretary_);
  EXPECT_EQ(live.body.find("0987654321"), std::string::npos);
}

// Issue #7 §7, DLG-08: issuing the results notice sends it to the head of
// every village invited (contacts on the notification settings page); a
// sent message counts as delivered to that village.
TEST_F(ConferenceDayApiTest, TheResultsNoticeReachesEveryVillageHeadAndCountsAsDelivered) {
  ASSERT_EQ(Post("/desk/sessions/1/end", nlohmann::json::object(), secretary_).status, 200);
  ASSERT_EQ(Post("/minutes/sign", {{"as", "secretary"}}, secretary_).status, 200);
  ASSERT_EQ(Post("/minutes/sign", {{"as", "chair"}}, chair_).status, 200);
  ASSERT_EQ(Post("/results-notice/issue",
                 {{"late_reason", "Ghi lại hội nghị năm 2023 vào hệ thống."}}, chair_)
                .status,
            200);
  OutboxRepository::Query query;
  query.limit = 200;
  Result<OutboxRepository::Page> page = app_->outbox().List(demo_, query);
  ASSERT_TRUE(page.ok()) << page.error().message;
  int to_heads = 0;
  for (const OutboxMessage& m : page->items) {
    if (m.event != "conference.results_notice") continue;
    ++to_heads;
    EXPECT_TRUE(m.topic.starts_with("results:1:")) << m.topic;
    EXPECT_TRUE(m.address.starts_with("09000002")) << m.address;  // the demo's village heads
    EXPECT_NE(m.body.find("Thông báo số 01/TB-UBND"), std::string::npos) << m.body;
    EXPECT_NE(m.body.find("/x/hoang-truong/hoi-nghi/1"), std::string::npos) << m.body;
  }
  EXPECT_EQ(to_heads, 9);  // the seed's conference invites all nine villages
  EXPECT_TRUE(Stored()["results_deliveries"].empty());

  Status transports = app_->UseTransports(notify::NotifyConfig{}, (dir_ / "notify.log").string(),
                                          "test-webhook-secret-0123456789", clock_);
  ASSERT_TRUE(transports.ok()) << transports.error().message;
  JobWorker worker(app_->notifications(), app_->job_runner(), std::chrono::seconds(1));
  ASSERT_TRUE(worker.RunOnce().ok());
  const nlohmann::json deliveries = Stored()["results_deliveries"];
  ASSERT_EQ(deliveries.size(), 9u);
  for (const auto& d : deliveries) {
    EXPECT_EQ(d["via"], "Tin nhắn SMS tự động");
    EXPECT_EQ(d["delivered_on"], "2026-11-02");
    EXPECT_FALSE(d["head_name"].get<std::string>().empty());
  }
}

// The room screen closes with the session: no speaker left on it, the
// speaker who was talking is done, and the screen says the session ended.
TEST_F(ConferenceDayApiTest, TheRoomScreenClosesWhenTheSessionEnds) {
  ASSERT_EQ(Post("/desk/sessions/1/start", nlohmann::json::object(), secretary_).status, 200);
  AddSpeaker("k-last", "Vũ Văn Cuối");
  ASSERT_EQ(
      Post("/desk/speakers/state", {{"speaker_key", "k-last"}, {"state", "speaking"}}, secretary_)
          .status,
      200);
  const std::string live_path = std::string(kBase) + "/live";
  nlohmann::json live = nlohmann::json::parse(GetWithBearer(live_path, "", secretary_).body);
  EXPECT_EQ(live["speaker"]["name"], "Vũ Văn Cuối");
  EXPECT_EQ(live["ended"], false);
  ASSERT_EQ(Post("/desk/sessions/1/end", nlohmann::json::object(), secretary_).status, 200);
  live = nlohmann::json::parse(GetWithBearer(live_path, "", secretary_).body);
  EXPECT_TRUE(live["speaker"].is_null());
  EXPECT_EQ(live["ended"], true);
  EXPECT_EQ(Stored()["speakers"][0]["state"], "done");
}

TEST_F(ConferenceDayApiTest, AnotherCommunesConferenceIsNotFound) {
  CreateOtherCommune();
  http::HttpResponse r =
      Call("POST", "/api/v1/communes/xa-khac/conferences/1/desk/speakers", "",
           {{"content-type", "application/json"}, {"authorization", "Bearer " + secretary_}},
           R"({"client_key":"x","name":"A"})");
  EXPECT_TRUE(r.status == 403 || r.status == 404) << r.status;
  EXPECT_EQ(Stored()["speakers"].size(), 0u);
}

}  // namespace
}  // namespace doithoai::app
