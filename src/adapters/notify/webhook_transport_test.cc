#include "adapters/notify/webhook_transport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/notify/loopback_receiver.h"
#include "core/testing/fake_clock.h"

namespace doithoai::notify {
namespace {

using testing::LoopbackHttpServer;
using testing::RecordedRequest;

// 2026-11-02 01:00:00 UTC = 08:00 in Việt Nam.
constexpr Timestamp kNow{std::chrono::milliseconds(1793581200000)};
const std::string kSecret("s\0cr3t-key", 10);  // bytes, not text

OutboxMessage Sms() {
  OutboxMessage m;
  m.id = MessageId{42};
  m.commune_id = CommuneId{7};
  m.event = "petition.answered";
  m.channel = MessageChannel::kSms;
  m.recipient_kind = "citizen";
  m.recipient_name = "Trần Văn Bình";
  m.address = "0912345678";
  m.petition_code = "KN-2026-0001";
  m.subject = "Đơn đã có trả lời";
  m.body = "Xã đã trả lời đơn KN-2026-0001. Xin mời ông đánh giá.";
  m.created_at = kNow - std::chrono::hours(1);
  return m;
}

std::unique_ptr<WebhookTransport> Make(const std::string& url, const Clock& clock) {
  Result<std::unique_ptr<WebhookTransport>> made =
      MakeWebhookTransport(WebhookOptions{url, kSecret}, clock);
  EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
  return made.ok() ? std::move(made).value() : nullptr;
}

// The signature header of `request` is the HMAC of its own timestamp and body.
void ExpectSigned(const RecordedRequest& request) {
  const std::string timestamp = request.headers.at("x-doithoai-timestamp");
  EXPECT_EQ(request.headers.at("x-doithoai-signature"),
            "sha256=" + WebhookSignature(kSecret, timestamp, request.body));
  EXPECT_NE(request.headers.at("x-doithoai-signature"),
            "sha256=" + WebhookSignature("wrong", timestamp, request.body));
}

TEST(WebhookSignatureTest, IsHexHmacSha256OfTimestampDotBody) {
  // Independently computed: hmac.new(b"Jefe", b"1700000000.what do ya want for
  // nothing?", hashlib.sha256).hexdigest()
  EXPECT_EQ(WebhookSignature("Jefe", "1700000000", "what do ya want for nothing?"),
            "1cdd0650c8be1cb0974b1788d458b1e781206cfef59b85faafc582d2e182c57e");
}

TEST(WebhookTransportTest, PostsSignedJsonWithoutTheRecipientName) {
  LoopbackHttpServer server({200});
  ASSERT_NE(server.port(), 0);
  FakeClock clock(kNow);
  std::unique_ptr<WebhookTransport> webhook = Make(server.Url("/relay/sms"), clock);
  ASSERT_NE(webhook, nullptr);
  EXPECT_EQ(webhook->name(), "webhook");

  Status sent = webhook->Send(Sms());
  ASSERT_TRUE(sent.ok()) << sent.error().message;

  std::vector<RecordedRequest> requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  const RecordedRequest& request = requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/relay/sms");
  EXPECT_EQ(request.headers.at("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(request.headers.at("x-doithoai-timestamp"), "1793581200");
  EXPECT_EQ(request.headers.at("idempotency-key"), "7-42");
  ExpectSigned(request);

  nlohmann::json body = nlohmann::json::parse(request.body);
  EXPECT_EQ(body["id"], "7-42");
  EXPECT_EQ(body["event"], "petition.answered");
  EXPECT_EQ(body["channel"], "sms");
  EXPECT_EQ(body["to"], "0912345678");
  EXPECT_EQ(body["recipient_kind"], "citizen");
  EXPECT_EQ(body["petition_code"], "KN-2026-0001");
  EXPECT_EQ(body["subject"], "Đơn đã có trả lời");
  EXPECT_EQ(body["text"], "Xã đã trả lời đơn KN-2026-0001. Xin mời ông đánh giá.");
  EXPECT_EQ(body["created_at"], "2026-11-02T07:00:00+07:00");
  EXPECT_EQ(body.size(), 9u);
  EXPECT_FALSE(body.contains("recipient_name"));
  EXPECT_EQ(request.body.find("Trần Văn Bình"), std::string::npos);
}

TEST(WebhookTransportTest, ServerErrorIsUnavailableAndTheRetryKeepsTheIdempotencyKey) {
  LoopbackHttpServer server({500, 200});
  ASSERT_NE(server.port(), 0);
  FakeClock clock(kNow);
  std::unique_ptr<WebhookTransport> webhook = Make(server.Url(), clock);
  ASSERT_NE(webhook, nullptr);

  Status first = webhook->Send(Sms());
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(first.error().message, "Máy chủ webhook trả lời HTTP 500");

  clock.Advance(std::chrono::minutes(2));
  Status second = webhook->Send(Sms());
  EXPECT_TRUE(second.ok());

  std::vector<RecordedRequest> requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].headers.at("idempotency-key"), "7-42");
  EXPECT_EQ(requests[1].headers.at("idempotency-key"), "7-42");
  EXPECT_EQ(requests[0].body, requests[1].body);
  // A fresh timestamp (and so signature) for each attempt.
  EXPECT_EQ(requests[0].headers.at("x-doithoai-timestamp"), "1793581200");
  EXPECT_EQ(requests[1].headers.at("x-doithoai-timestamp"), "1793581320");
  ExpectSigned(requests[0]);
  ExpectSigned(requests[1]);
}

TEST(WebhookTransportTest, NonSuccessStatusesAreUnavailable) {
  LoopbackHttpServer server({302, 404, 204});
  ASSERT_NE(server.port(), 0);
  FakeClock clock(kNow);
  std::unique_ptr<WebhookTransport> webhook = Make(server.Url(), clock);
  ASSERT_NE(webhook, nullptr);
  Status redirect = webhook->Send(Sms());
  ASSERT_FALSE(redirect.ok());
  EXPECT_EQ(redirect.error().message, "Máy chủ webhook trả lời HTTP 302");
  Status missing = webhook->Send(Sms());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "Máy chủ webhook trả lời HTTP 404");
  EXPECT_TRUE(webhook->Send(Sms()).ok());  // 204 is a success
}

TEST(WebhookTransportTest, UnreachableServerIsUnavailableWithTheReason) {
  const int port = testing::UnusedLoopbackPort();
  ASSERT_NE(port, 0);
  FakeClock clock(kNow);
  std::unique_ptr<WebhookTransport> webhook =
      Make("http://127.0.0.1:" + std::to_string(port) + "/hook", clock);
  ASSERT_NE(webhook, nullptr);
  Status status = webhook->Send(Sms());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
  const std::string prefix = "Không kết nối được máy chủ webhook: ";
  EXPECT_EQ(status.error().message.rfind(prefix, 0), 0u) << status.error().message;
  EXPECT_GT(status.error().message.size(), prefix.size());
}

TEST(WebhookTransportTest, CarriesSmsAndZaloByDefaultButNotEmail) {
  FakeClock clock(kNow);
  std::unique_ptr<WebhookTransport> webhook = Make("https://relay.example.vn/hook", clock);
  ASSERT_NE(webhook, nullptr);
  EXPECT_TRUE(webhook->Accepts(MessageChannel::kSms));
  EXPECT_TRUE(webhook->Accepts(MessageChannel::kZalo));
  EXPECT_FALSE(webhook->Accepts(MessageChannel::kEmail));
  OutboxMessage email = Sms();
  email.channel = MessageChannel::kEmail;
  Status status = webhook->Send(email);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);

  WebhookOptions zalo_only{"http://relay.example.vn/zalo", kSecret};
  zalo_only.channels = {MessageChannel::kZalo};
  Result<std::unique_ptr<WebhookTransport>> made = MakeWebhookTransport(zalo_only, clock);
  ASSERT_TRUE(made.ok());
  EXPECT_FALSE((*made)->Accepts(MessageChannel::kSms));
  EXPECT_TRUE((*made)->Accepts(MessageChannel::kZalo));
}

TEST(WebhookTransportTest, WithheldMessageWithoutAddressIsNotPosted) {
  LoopbackHttpServer server({200});
  ASSERT_NE(server.port(), 0);
  FakeClock clock(kNow);
  std::unique_ptr<WebhookTransport> webhook = Make(server.Url(), clock);
  ASSERT_NE(webhook, nullptr);
  OutboxMessage withheld = Sms();
  withheld.address = "";
  Status status = webhook->Send(withheld);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(server.requests().empty());
}

TEST(MakeWebhookTransportTest, RefusesAnythingButHttpAndHttps) {
  FakeClock clock(kNow);
  for (const char* url :
       {"ftp://relay.example.vn/hook", "file:///etc/passwd", "relay.example.vn", "http://",
        "https:///path", "http://relay example.vn/", "", "gopher://127.0.0.1:70/"}) {
    Result<std::unique_ptr<WebhookTransport>> made =
        MakeWebhookTransport(WebhookOptions{url, kSecret}, clock);
    ASSERT_FALSE(made.ok()) << url;
    EXPECT_EQ(made.error().code, ErrorCode::kInvalidArgument) << url;
    EXPECT_NE(made.error().message.find("webhook"), std::string::npos) << url;
  }
  EXPECT_TRUE(
      MakeWebhookTransport(WebhookOptions{"HTTPS://relay.example.vn:8443/x?y=1", kSecret}, clock)
          .ok());
}

TEST(MakeWebhookTransportTest, RefusesAnEmptySecretOrTimeout) {
  FakeClock clock(kNow);
  EXPECT_FALSE(MakeWebhookTransport(WebhookOptions{"http://relay.example.vn/", ""}, clock).ok());
  EXPECT_FALSE(
      MakeWebhookTransport(WebhookOptions{"http://relay.example.vn/", kSecret, 0}, clock).ok());
  EXPECT_FALSE(
      MakeWebhookTransport(WebhookOptions{"http://relay.example.vn/", kSecret, 5000, {}}, clock)
          .ok());
}

}  // namespace
}  // namespace doithoai::notify
