#include "adapters/notify/notify_config.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "adapters/notify/log_transport.h"
#include "core/testing/fake_clock.h"

namespace doithoai::notify {
namespace {

constexpr Timestamp kNow{std::chrono::milliseconds(1793581200000)};

const std::string kBadSpecPrefix = "--notify: không hiểu “";

TEST(ParseNotifyConfigTest, NoSpecsMeansOnlyTheDefaultLog) {
  Result<NotifyConfig> config = ParseNotifyConfig({});
  ASSERT_TRUE(config.ok());
  EXPECT_FALSE(config->log_path);
  EXPECT_FALSE(config->webhook_url);
  EXPECT_FALSE(config->smtp);
}

TEST(ParseNotifyConfigTest, ParsesLogWebhookAndSmtp) {
  Result<NotifyConfig> config = ParseNotifyConfig(
      {"log=/var/lib/doithoai/notify.log", "webhook=https://relay.example.vn/sms?k=1",
       "smtp=smtp://mail.example.vn:587?from=ubnd%40xa.example.vn&user=ubnd%2Bxa"
       "&password=p%40ss%26w%3D+1&timeout_ms=2500"});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->log_path, "/var/lib/doithoai/notify.log");
  EXPECT_EQ(config->webhook_url, "https://relay.example.vn/sms?k=1");
  ASSERT_TRUE(config->smtp);
  EXPECT_EQ(config->smtp->url, "smtp://mail.example.vn:587");
  EXPECT_EQ(config->smtp->from, "ubnd@xa.example.vn");
  EXPECT_EQ(config->smtp->username, "ubnd+xa");
  EXPECT_EQ(config->smtp->password, "p@ss&w=+1");  // "+" is not a space here
  EXPECT_EQ(config->smtp->timeout_ms, 2500);
}

TEST(ParseNotifyConfigTest, SmtpWithOnlyFromHasNoCredentials) {
  Result<NotifyConfig> config =
      ParseNotifyConfig({"smtp=smtps://mail.example.vn:465?from=xa@example.vn"});
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_TRUE(config->smtp);
  EXPECT_EQ(config->smtp->url, "smtps://mail.example.vn:465");
  EXPECT_EQ(config->smtp->from, "xa@example.vn");
  EXPECT_EQ(config->smtp->username, "");
  EXPECT_EQ(config->smtp->timeout_ms, SmtpOptions{}.timeout_ms);
}

TEST(ParseNotifyConfigTest, UnknownSpecsAreExplained) {
  for (const char* spec : {"xyz", "email=a@b", "log=", "webhook", "=x", "LOG=/tmp/x"}) {
    Result<NotifyConfig> config = ParseNotifyConfig({spec});
    ASSERT_FALSE(config.ok()) << spec;
    EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(config.error().message,
              kBadSpecPrefix + spec + "”; dùng log=ĐƯỜNG_DẪN, webhook=URL hoặc smtp=URL")
        << spec;
  }
}

TEST(ParseNotifyConfigTest, ErrorsDoNotShowThePassword) {
  for (const char* spec : {"smpt=smtp://mail.example.vn?from=a@b&password=bí-mật",
                           "smtp=smtp://mail.example.vn?from=a@b&password=bí-mật%zz"}) {
    Result<NotifyConfig> config = ParseNotifyConfig({spec});
    ASSERT_FALSE(config.ok()) << spec;
    EXPECT_EQ(config.error().message.find("bí-mật"), std::string::npos) << config.error().message;
  }
  EXPECT_EQ(ParseNotifyConfig({"smpt=smtp://mail.example.vn?password=x"}).error().message,
            kBadSpecPrefix + "smpt=smtp://mail.example.vn?…" +
                "”; dùng log=ĐƯỜNG_DẪN, webhook=URL hoặc smtp=URL");
}

TEST(ParseNotifyConfigTest, RefusesBadValues) {
  const std::vector<std::string> bad = {
      "webhook=ftp://relay.example.vn/",                                  // not http(s)
      "webhook=relay.example.vn",                                         // no scheme
      "smtp=smtp://mail.example.vn:587",                                  // from is required
      "smtp=smtp://mail.example.vn:587?from=",                            // empty from
      "smtp=smtp://mail.example.vn:587?from=xa%4",                        // truncated escape
      "smtp=smtp://mail.example.vn:587?from=xa%zzexample.vn",             // not hex
      "smtp=smtp://mail.example.vn:587?from=xa@example.vn&port=25",       // unknown key
      "smtp=smtp://mail.example.vn:587?from=xa@example.vn&timeout_ms=0",  // not positive
      "smtp=smtp://mail.example.vn:587?from=not-an-address",
      "smtp=http://mail.example.vn?from=xa@example.vn",  // not smtp(s)
  };
  for (const std::string& spec : bad) {
    Result<NotifyConfig> config = ParseNotifyConfig({spec});
    ASSERT_FALSE(config.ok()) << spec;
    EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument) << spec;
    EXPECT_FALSE(config.error().message.empty());
  }
  Result<NotifyConfig> no_from = ParseNotifyConfig({"smtp=smtp://mail.example.vn:587"});
  ASSERT_FALSE(no_from.ok());
  EXPECT_NE(no_from.error().message.find("người gửi"), std::string::npos);
}

TEST(ParseNotifyConfigTest, EachKindOnlyOnce) {
  Result<NotifyConfig> config = ParseNotifyConfig({"log=/a.log", "log=/b.log"});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "--notify: “log” chỉ được khai báo một lần");
}

std::vector<std::string> Names(const std::vector<std::unique_ptr<Transport>>& transports) {
  std::vector<std::string> names;
  for (const auto& transport : transports) {
    names.emplace_back(transport->name());
  }
  return names;
}

TEST(MakeTransportsTest, OrdersWebhookSmtpThenTheLog) {
  FakeClock clock(kNow);
  Result<NotifyConfig> config = ParseNotifyConfig(
      {"log=/var/log/doithoai/notify.log", "smtp=smtp://mail.example.vn:587?from=x@example.vn",
       "webhook=https://relay.example.vn/hook"});
  ASSERT_TRUE(config.ok());
  Result<std::vector<std::unique_ptr<Transport>>> transports =
      MakeTransports(*config, "/default/notify.log", "secret", clock);
  ASSERT_TRUE(transports.ok()) << transports.error().message;
  EXPECT_EQ(Names(*transports), (std::vector<std::string>{"webhook", "smtp", "log"}));
  auto* log = dynamic_cast<LogTransport*>(transports->back().get());
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->path(), "/var/log/doithoai/notify.log");
  // The first transport that accepts a channel carries it; the log takes the rest.
  EXPECT_TRUE((*transports)[0]->Accepts(MessageChannel::kSms));
  EXPECT_TRUE((*transports)[1]->Accepts(MessageChannel::kEmail));
  EXPECT_TRUE(log->Accepts(MessageChannel::kEmail));
}

TEST(MakeTransportsTest, WithoutConfigurationOnlyTheDefaultLog) {
  FakeClock clock(kNow);
  Result<std::vector<std::unique_ptr<Transport>>> transports =
      MakeTransports(NotifyConfig{}, "/default/notify.log", "", clock);
  ASSERT_TRUE(transports.ok());
  ASSERT_EQ(Names(*transports), std::vector<std::string>{"log"});
  EXPECT_EQ(dynamic_cast<LogTransport&>(*transports->front()).path(), "/default/notify.log");
  for (MessageChannel channel :
       {MessageChannel::kSms, MessageChannel::kEmail, MessageChannel::kZalo}) {
    EXPECT_TRUE(transports->front()->Accepts(channel));
  }
}

TEST(MakeTransportsTest, WebhookNeedsASecret) {
  FakeClock clock(kNow);
  NotifyConfig config;
  config.webhook_url = "https://relay.example.vn/hook";
  Result<std::vector<std::unique_ptr<Transport>>> transports =
      MakeTransports(config, "/default/notify.log", "", clock);
  ASSERT_FALSE(transports.ok());
  EXPECT_EQ(transports.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace doithoai::notify
