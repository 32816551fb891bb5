// Notifications through the assembled application (issue #6 §3–5): messages
// queued by petition events and delivered by the job runner through a real
// HMAC-signed webhook to a receiver on loopback, retried with backoff when
// it answers 500, kept queued when it is unreachable (the request still
// succeeds), daily digests planned once per official and working day,
// reminders dropped when their subject changed, and a denouncer's identity
// in no webhook body, log line or outbox row.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/notify/loopback_receiver.h"
#include "adapters/notify/webhook_transport.h"
#include "app/job_worker.h"
#include "app/petition_public_testing.h"

namespace doithoai::app {
namespace {

constexpr char kSecret[] = "test-webhook-secret-0123456789";

class NotificationsTest : public PetitionPublicTest {
 protected:
  // Webhook (SMS) first, then the log for everything else.
  void UseWebhook(const std::string& url) {
    notify::NotifyConfig config;
    config.webhook_url = url;
    Status s = app_->UseTransports(config, LogPath(), kSecret, clock_);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  std::string LogPath() const { return (dir_ / "notify.log").string(); }

  RunStats RunJobs() {
    JobWorker worker(app_->notifications(), app_->job_runner(), std::chrono::seconds(1));
    Result<RunStats> stats = worker.RunOnce();
    EXPECT_TRUE(stats.ok()) << stats.error().message;
    return stats.ok() ? *stats : RunStats{};
  }

  std::vector<OutboxMessage> MessagesFor(const std::string& code) {
    OutboxRepository::Query query;
    query.petition_code = code;
    query.limit = 100;
    Result<OutboxRepository::Page> page = app_->outbox().List(demo_, query);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<OutboxMessage>{};
  }

  std::string SubmitApi(const std::string& json) {
    http::HttpResponse r = PostJson(kApiCreate, json);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? nlohmann::json::parse(r.body)["code"].get<std::string>() : "";
  }

  static std::vector<notify::testing::RecordedRequest> For(
      const std::vector<notify::testing::RecordedRequest>& all, const std::string& code) {
    std::vector<notify::testing::RecordedRequest> out;
    for (const auto& r : all) {
      if (Contains(r.body, code)) out.push_back(r);
    }
    return out;
  }

  std::string ReadLog() {
    std::ifstream in(LogPath());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
};

TEST_F(NotificationsTest, ReceiptGoesOutThroughASignedWebhook) {
  notify::testing::LoopbackHttpServer receiver;
  UseWebhook(receiver.Url("/sms"));
  const std::string code =
      SubmitApi(R"({"name":"Phạm Văn Tư","phone":"0987 111 222","village":"Thôn 3",)"
                R"("text":"Đề nghị lắp đèn chiếu sáng ngõ xóm.","class":"Kiến nghị"})");
  std::vector<OutboxMessage> queued = MessagesFor(code);
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].state, DeliveryState::kQueued);  // not sent by the request itself

  RunJobs();
  const auto requests = For(receiver.requests(), code);
  ASSERT_EQ(requests.size(), 1u);
  const auto& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/sms");
  const nlohmann::json body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["to"], "0987111222");
  EXPECT_EQ(body["channel"], "sms");
  EXPECT_EQ(body["event"], "petition.received");
  EXPECT_EQ(body["petition_code"], code);
  EXPECT_TRUE(Contains(body["text"].get<std::string>(), "/tra-cuu/" + code));
  EXPECT_FALSE(body.contains("recipient_name"));
  // The signature verifies with the shared secret, and not with another one.
  const std::string ts = r.headers.at("x-doithoai-timestamp");
  EXPECT_EQ(r.headers.at("x-doithoai-signature"),
            "sha256=" + notify::WebhookSignature(kSecret, ts, r.body));
  EXPECT_NE(r.headers.at("x-doithoai-signature"),
            "sha256=" + notify::WebhookSignature("another-secret-123456", ts, r.body));
  queued = MessagesFor(code);
  EXPECT_EQ(queued[0].state, DeliveryState::kSent);
  EXPECT_EQ(queued[0].transport, "webhook");
  // Running again sends nothing twice.
  RunJobs();
  EXPECT_EQ(For(receiver.requests(), code).size(), 1u);
}

TEST_F(NotificationsTest, A500IsRetriedWithBackoffAndTheSameIdempotencyKey) {
  RunJobs();  // the demo's receipts: no transport yet, they fail for good
  notify::testing::LoopbackHttpServer receiver({500, 200});
  UseWebhook(receiver.Url());
  const std::string code = SubmitApi(
      R"({"name":"Lò Thị Hoa","phone":"0912 000 111","text":"Cống thoát nước ở xóm bị tắc."})");
  RunStats first = RunJobs();
  EXPECT_GT(first.retried, 0);
  std::vector<OutboxMessage> m = MessagesFor(code);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].state, DeliveryState::kRetrying);
  EXPECT_EQ(m[0].attempts, 1);
  EXPECT_TRUE(Contains(m[0].last_error, "500")) << m[0].last_error;
  // Not again before the backoff (1 minute) has passed.
  RunJobs();
  EXPECT_EQ(For(receiver.requests(), code).size(), 1u);
  // After the backoff the retry reaches the recovered receiver.
  clock_.Advance(std::chrono::seconds(61));
  RunJobs();
  m = MessagesFor(code);
  EXPECT_EQ(m[0].state, DeliveryState::kSent) << m[0].last_error;
  const auto attempts = For(receiver.requests(), code);
  ASSERT_EQ(attempts.size(), 2u);
  for (const auto& a : attempts) {
    EXPECT_EQ(a.headers.at("idempotency-key"), attempts[0].headers.at("idempotency-key"));
    EXPECT_EQ(a.headers.at("x-doithoai-signature"),
              "sha256=" +
                  notify::WebhookSignature(kSecret, a.headers.at("x-doithoai-timestamp"), a.body));
  }
  EXPECT_EQ(m[0].attempts, 2);
}

TEST_F(NotificationsTest, UnreachableWebhookKeepsTheMessageQueuedAndTheRequestSucceeds) {
  UseWebhook("http://127.0.0.1:" + std::to_string(notify::testing::UnusedLoopbackPort()) + "/x");
  const std::string code = SubmitApi(
      R"({"name":"Hà Văn Nam","phone":"0913 222 333","text":"Đường vào trường bị ngập."})");
  ASSERT_FALSE(code.empty());  // the request did not fail
  RunJobs();
  const std::vector<OutboxMessage> m = MessagesFor(code);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].state, DeliveryState::kRetrying);
  EXPECT_TRUE(Contains(m[0].last_error, "Không kết nối được")) << m[0].last_error;
}

TEST_F(NotificationsTest, ADenouncersIdentityIsInNoWebhookBodyLogOrOutboxRow) {
  notify::testing::LoopbackHttpServer receiver;
  UseWebhook(receiver.Url());
  const std::string code =
      SubmitApi(R"({"name":"Đinh Thị Kín","phone":"0977 654 321","village":"Thôn 4",)"
                R"("address":"Xóm Giữa số 7","text":"Cán bộ địa chính đòi tiền khi làm sổ đỏ.",)"
                R"("class":"Tố cáo"})");
  auto petition = petitions().FindByCode(demo_, code);
  ASSERT_TRUE(petition.ok());
  const UnitId unit = app_->communes().ListUnits(demo_).value().front().id;
  ASSERT_TRUE(petitions()
                  .Assign(demo_, petition->id, std::nullopt, {1}, unit, std::nullopt, std::nullopt,
                          StaffCtx())
                  .ok());
  ASSERT_TRUE(petitions().StartWork(demo_, petition->id, 1, StaffCtx()).ok());
  auto answered = petitions().Answer(demo_, petition->id, 1, "Đã xác minh và xử lý.", false,
                                     std::nullopt, "Chủ tịch", StaffCtx());
  ASSERT_TRUE(answered.ok()) << answered.error().message;
  clock_.Advance(std::chrono::hours(24 * 7));
  RunJobs();

  const std::vector<OutboxMessage> m = MessagesFor(code);
  ASSERT_FALSE(m.empty());
  for (const OutboxMessage& msg : m) {
    EXPECT_EQ(msg.state, DeliveryState::kWithheld) << msg.event;
    EXPECT_TRUE(msg.address.empty());
  }
  const std::string log = ReadLog();
  for (const char* secret : {"Đinh Thị Kín", "0977654321", "0977 654 321", "Xóm Giữa"}) {
    for (const auto& r : receiver.requests()) {
      EXPECT_FALSE(Contains(r.body, secret)) << secret;
    }
    EXPECT_FALSE(Contains(log, secret)) << secret;
    for (const OutboxMessage& msg : m) {
      EXPECT_FALSE(Contains(msg.body + msg.subject + msg.recipient_name, secret)) << secret;
    }
  }
  EXPECT_TRUE(For(receiver.requests(), code).empty());
}

TEST_F(NotificationsTest, OneDigestPerOfficialPerWorkingDayAndNoneOnSunday) {
  // A contact for every official of the first unit, and an item due soon.
  const UnitId unit = app_->communes().ListUnits(demo_).value().front().id;
  NotificationSettings settings = app_->notifications().Settings(demo_).value();
  settings.contacts.clear();  // the demo's own contacts are replaced
  int n = 0;
  std::vector<OfficialId> unit_officials;
  const Result<std::vector<Official>> officials = app_->communes().ListOfficials(demo_);
  ASSERT_TRUE(officials.ok());
  for (const Official& o : officials.value()) {
    settings.contacts.push_back(
        {o.id, "090000" + std::to_string(1000 + n++), "", MessageChannel::kSms});
    if (o.unit_id == unit) unit_officials.push_back(o.id);
  }
  ASSERT_TRUE(app_->notifications().SaveSettings(demo_, settings, StaffCtx()).ok());
  const std::string code = SubmitApi(
      R"({"name":"Vũ Thị Mơ","phone":"0914 555 666","text":"Xin xác nhận hộ cận nghèo."})");
  auto petition = petitions().FindByCode(demo_, code);
  ASSERT_TRUE(petition.ok());
  ASSERT_TRUE(petitions()
                  .Assign(demo_, petition->id, std::nullopt, {1}, unit, std::nullopt, std::nullopt,
                          StaffCtx())
                  .ok());
  notify::testing::LoopbackHttpServer receiver;
  UseWebhook(receiver.Url());

  // Digests per official (the demo's own assigned petitions may add some).
  auto digests = [&] {
    OutboxRepository::Query query;
    query.limit = 1000;
    std::map<int64_t, int> per_official;
    const Result<OutboxRepository::Page> page = app_->outbox().List(demo_, query);
    EXPECT_TRUE(page.ok());
    if (!page.ok()) return per_official;
    for (const OutboxMessage& m : page.value().items) {
      if (m.event == "reminder.digest" && m.official_id) ++per_official[m.official_id->value];
    }
    return per_official;
  };
  // Jump to a day when the item is due soon, a working day, after 07:00.
  const Date deadline = petitions().FindByCode(demo_, code)->items[0].deadline.value();
  clock_.Set(MorningOf(deadline.ToIsoString().c_str()));
  RunJobs();
  const std::map<int64_t, int> first = digests();
  ASSERT_FALSE(unit_officials.empty());
  for (OfficialId o : unit_officials) {
    ASSERT_EQ(first.count(o.value), 1u) << o.value;
  }
  for (const auto& [official, count] : first) {
    EXPECT_EQ(count, 1) << "official " << official;  // one digest a day, not one per item
  }
  // The digest lists the petition, addressed to the official's phone.
  bool listed = false;
  for (const OutboxMessage& m : MessagesFor("")) {
    if (m.event == "reminder.digest" && Contains(m.body, code)) {
      listed = true;
      EXPECT_TRUE(m.address.starts_with("090000")) << m.address;
    }
  }
  EXPECT_TRUE(listed);
  RunJobs();  // the same day again: nothing new (fingerprints)
  EXPECT_EQ(digests(), first);
  // The next Sunday: no plan at all.
  Date sunday = deadline;
  while (sunday.weekday() != std::chrono::Sunday) sunday = sunday.AddDays(1);
  clock_.Set(MorningOf(sunday.ToIsoString().c_str()));
  RunJobs();
  EXPECT_EQ(digests(), first);
}

TEST_F(NotificationsTest, AnEscalationIsDroppedWhenTheItemWasAnsweredMeanwhile) {
  const UnitId unit = app_->communes().ListUnits(demo_).value().front().id;
  const std::string code =
      SubmitApi(R"({"name":"Tạ Văn Bền","phone":"0915 777 888","text":"Mương nội đồng bị lấp."})");
  auto petition = petitions().FindByCode(demo_, code);
  ASSERT_TRUE(petition.ok());
  ASSERT_TRUE(petitions()
                  .Assign(demo_, petition->id, std::nullopt, {1}, unit, std::nullopt, std::nullopt,
                          StaffCtx())
                  .ok());
  const Date deadline = petitions().FindByCode(demo_, code)->items[0].deadline.value();
  // Long overdue: plan the day (escalation jobs are queued), then answer
  // before the worker runs them.
  Date day = deadline.AddDays(30);
  while (day.weekday() == std::chrono::Saturday || day.weekday() == std::chrono::Sunday) {
    day = day.AddDays(1);
  }
  clock_.Set(MorningOf(day.ToIsoString().c_str()));
  ASSERT_TRUE(app_->notifications().PlanDay(demo_, day).ok());
  ASSERT_TRUE(
      petitions()
          .Answer(demo_, petition->id, 1, "Đã nạo vét.", false, std::nullopt, "VP", StaffCtx())
          .ok());
  RunJobs();
  bool dropped = false;
  const Result<std::vector<Job>> jobs = app_->job_queue().List(demo_, 0, 1000);
  ASSERT_TRUE(jobs.ok());
  for (const Job& j : jobs.value()) {
    if (j.kind == "reminder.escalate" && Contains(j.subject, std::to_string(petition->id.value))) {
      EXPECT_EQ(j.state, JobState::kDropped) << j.last_error;
      dropped = true;
    }
  }
  EXPECT_TRUE(dropped);
  for (const OutboxMessage& m : MessagesFor(code)) {
    EXPECT_NE(m.event, "reminder.escalation");
  }
}

TEST_F(NotificationsTest, TemplateWithUnknownPlaceholderIsRefusedOnTheSettingsPage) {
  const std::string token = BearerFor("chutich");
  NotificationSettings settings;
  settings.templates.push_back({"petition.received", "Biên nhận", "Đơn {ma_dn} đã nhận"});
  Status s = app_->notifications().SaveSettings(demo_, settings, StaffCtx());
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(Contains(s.error().message, "{ma_dn}"));
  EXPECT_TRUE(app_->notifications().Settings(demo_).value().templates.empty());
  (void)token;
}

}  // namespace
}  // namespace doithoai::app
