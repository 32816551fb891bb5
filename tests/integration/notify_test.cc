// Notifications end to end through the real binary (issue #6): `serve
// --notify webhook=URL` delivers a citizen's receipt to a receiver on
// loopback, signed with the key file beside the database; a denunciation's
// identity reaches no webhook body and no log line; the staff petition view
// carries suggestions and similar petitions; the prominent issues answer;
// and a bad --notify spec stops serve with a Vietnamese message.
#include <gtest/gtest.h>
#include <signal.h>
#include <sodium.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/notify/loopback_receiver.h"
#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

using json = nlohmann::json;
using std::chrono::milliseconds;

constexpr char kApi[] = "/api/v1/communes/hoang-truong";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// HMAC-SHA256(secret, timestamp + "." + body) in lower-case hex: what a relay checks.
std::string Signature(const std::string& secret, const std::string& ts, const std::string& body) {
  const std::string message = ts + "." + body;
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

class NotifyE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    db_ = test_db_.spec();
    CommandResult init = RunDoithoai({"init", "--db", db_, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  void Start(const std::string& webhook_url) {
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--notify", "webhook=" + webhook_url, "--notify",
                                      "log=" + LogPath(), "--worker-interval", "1"});
    ASSERT_GT(server_->port(), 0) << server_->Stderr();
  }
  void Stop() {
    ASSERT_EQ(::kill(server_->pid(), SIGTERM), 0);
    EXPECT_EQ(server_->WaitForExit(milliseconds(20000)), 0) << server_->Stderr();
  }
  std::string LogPath() const { return dir_.path() + "/notify.log"; }

  HttpReply Send(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& token = "") {
    std::map<std::string, std::string> headers;
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    if (!body.empty()) headers["Content-Type"] = "application/json";
    auto r = Request(server_->port(), method, path, headers, body);
    EXPECT_TRUE(r.has_value()) << method << " " << path;
    return r.value_or(HttpReply{});
  }
  std::string Submit(const json& body) {
    HttpReply r = Send("POST", std::string(kApi) + "/petitions", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? json::parse(r.body)["code"].get<std::string>() : "";
  }
  std::string Login(const std::string& user) {
    HttpReply r = Send("POST", "/api/v1/session",
                       R"({"username":")" + user + R"(","password":"doithoai-demo"})");
    return r.status == 200 ? json::parse(r.body)["token"].get<std::string>() : "";
  }

  TempDir dir_;
  TestDb test_db_{dir_};
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(NotifyE2eTest, ReceiptReachesTheWebhookSignedWithTheKeyFile) {
  notify::testing::LoopbackHttpServer receiver;
  Start(receiver.Url("/sms"));
  const std::string code = Submit({{"name", "Phạm Văn Tư"},
                                   {"phone", "0987 111 222"},
                                   {"village", "Thôn 3"},
                                   {"text", "Đề nghị lắp đèn chiếu sáng ngõ xóm 5."}});
  ASSERT_FALSE(code.empty());
  // The worker is woken by the request; the wait ends as soon as it arrives.
  ASSERT_TRUE(receiver.WaitForBody(code, milliseconds(20000))) << server_->Stderr();
  const std::string secret = [&] {
    std::string s = ReadFile(test_db_.Sidecar(".notify-secret"));
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
  }();
  ASSERT_GE(secret.size(), 32u);
  bool found = false;
  for (const auto& r : receiver.requests()) {
    if (r.body.find(code) == std::string::npos) continue;
    found = true;
    EXPECT_EQ(r.target, "/sms");
    const json body = json::parse(r.body);
    EXPECT_EQ(body["to"], "0987111222");
    EXPECT_EQ(body["event"], "petition.received");
    const std::string ts = r.headers.at("x-doithoai-timestamp");
    EXPECT_EQ(r.headers.at("x-doithoai-signature"), "sha256=" + Signature(secret, ts, r.body));
  }
  EXPECT_TRUE(found);
  Stop();
}

TEST_F(NotifyE2eTest, DenunciationIdentityIsInNoWebhookBodyNorLog) {
  notify::testing::LoopbackHttpServer receiver;
  Start(receiver.Url());
  const std::string secret_code = Submit({{"name", "Đinh Thị Kín"},
                                          {"phone", "0977 654 321"},
                                          {"address", "Xóm Giữa số 7"},
                                          {"class", "Tố cáo"},
                                          {"text", "Cán bộ địa chính đòi tiền khi làm sổ đỏ."}});
  // A normal petition after it: once its receipt has arrived, the worker has
  // passed the denunciation's too.
  const std::string marker = Submit({{"name", "Lê Văn Mốc"},
                                     {"phone", "0912 000 999"},
                                     {"text", "Đề nghị nạo vét mương tiêu thôn 2."}});
  ASSERT_TRUE(receiver.WaitForBody(marker, milliseconds(20000))) << server_->Stderr();
  Stop();
  const std::string log = ReadFile(LogPath());
  for (const char* secret : {"Đinh Thị Kín", "0977654321", "0977 654 321", "Xóm Giữa"}) {
    for (const auto& r : receiver.requests()) {
      EXPECT_EQ(r.body.find(secret), std::string::npos) << secret;
    }
    EXPECT_EQ(log.find(secret), std::string::npos) << secret;
    EXPECT_EQ(server_->Stderr().find(secret), std::string::npos) << secret;
  }
  for (const auto& r : receiver.requests()) {
    EXPECT_EQ(r.body.find(secret_code), std::string::npos);
  }
}

TEST_F(NotifyE2eTest, StaffViewCarriesSuggestionsAndSimilarAndProminentIssuesAnswer) {
  notify::testing::LoopbackHttpServer receiver;
  Start(receiver.Url());
  const std::string a =
      Submit({{"name", "Trần Văn A"},
              {"phone", "0912 111 001"},
              {"village", "Thôn 4"},
              {"text", "Đường liên thôn đoạn qua thôn 4 bị sụt lún, ổ gà rất sâu."}});
  const std::string b =
      Submit({{"name", "Ngô Thị B"},
              {"phone", "0912 111 002"},
              {"village", "Thôn 5"},
              {"text", "Đề nghị sửa đường liên thôn qua thôn 4, nhiều ổ gà sâu."}});
  const std::string token = Login("vanphong");
  ASSERT_FALSE(token.empty());
  HttpReply shown = Send("GET", std::string(kApi) + "/petitions/" + a, "", token);
  ASSERT_EQ(shown.status, 200) << shown.body;
  const json view = json::parse(shown.body);
  ASSERT_TRUE(view["suggestions"]["fields"].is_array());
  ASSERT_FALSE(view["suggestions"]["fields"].empty());
  EXPECT_EQ(view["suggestions"]["fields"][0]["name"], "xay-dung-giao-thong-thuy-loi");
  EXPECT_FALSE(view["suggestions"]["fields"][0]["because"].empty());
  EXPECT_TRUE(view["suggestions"]["units"].is_array());
  ASSERT_TRUE(view["similar"].is_array());
  ASSERT_FALSE(view["similar"].empty());
  EXPECT_EQ(view["similar"][0]["code"], b);
  EXPECT_GT(view["similar"][0]["score"].get<double>(), 0.2);

  HttpReply prominent = Send("GET", std::string(kApi) + "/issues/prominent", "", token);
  ASSERT_EQ(prominent.status, 200) << prominent.body;
  const json issues = json::parse(prominent.body);
  EXPECT_TRUE(issues["items"].is_array());
  EXPECT_TRUE(issues["uncased_groups"].is_array());
  EXPECT_EQ(Send("GET", std::string(kApi) + "/issues/prominent", "").status, 401);
  Stop();
}

TEST_F(NotifyE2eTest, BadNotifySpecStopsServeWithAVietnameseMessage) {
  CommandResult r =
      RunDoithoai({"serve", "--db", db_, "--listen", "127.0.0.1:0", "--notify", "fax=0241234567"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--notify"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("không hiểu"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace doithoai::testing
