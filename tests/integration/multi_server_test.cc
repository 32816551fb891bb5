// Several server processes on one database (issue #8 §3): sessions, rate
// limits and the job queue live in the database, so any process serves any
// request and each job runs once. Runs on both engines: two processes on one
// SQLite file (BEGIN IMMEDIATE) and on one PostgreSQL database (FOR UPDATE
// SKIP LOCKED), as "MultiServerTest.*" and "pg:MultiServerTest.*".
#include <gtest/gtest.h>
#include <signal.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/notify/loopback_receiver.h"
#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

using nlohmann::json;

constexpr int kJobs = 1000;
constexpr int kFirstMessageId = 500001;  // far above the demo's own messages

std::optional<HttpReply> Call(int port, const std::string& method, const std::string& path,
                              const std::string& token, const std::string& body = "") {
  std::map<std::string, std::string> headers;
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  if (!body.empty()) headers["Content-Type"] = "application/json";
  return Request(port, method, path, headers, body);
}

class MultiServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::printf("engine: %s\n", OnPostgres() ? "postgresql" : "sqlite");
    CommandResult init = RunDoithoai({"init", "--db", test_db_.spec(), "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  // Two `serve` processes on the same database, each with its own worker.
  void StartTwo(const std::vector<std::string>& extra = {}) {
    a_ = std::make_unique<ServerProcess>(test_db_.spec(), extra);
    b_ = std::make_unique<ServerProcess>(test_db_.spec(), extra);
    ASSERT_GT(a_->port(), 0) << a_->Stderr();
    ASSERT_GT(b_->port(), 0) << b_->Stderr();
    ASSERT_NE(a_->port(), b_->port());
  }
  void StopBoth() {
    for (ServerProcess* s : {a_.get(), b_.get()}) {
      ASSERT_EQ(::kill(s->pid(), SIGTERM), 0);
      EXPECT_EQ(s->WaitForExit(milliseconds(30000)), 0) << s->Stderr();
    }
  }

  TempDir dir_;
  TestDb test_db_{dir_};
  std::unique_ptr<ServerProcess> a_;
  std::unique_ptr<ServerProcess> b_;
};

TEST_F(MultiServerTest, ASessionMadeOnOneServerWorksAndEndsOnTheOther) {
  StartTwo();
  auto login = Call(a_->port(), "POST", "/api/v1/session", "",
                    R"({"username":"vanphong","password":"doithoai-demo"})");
  ASSERT_TRUE(login.has_value());
  ASSERT_EQ(login->status, 200) << login->body;
  const std::string token = json::parse(login->body)["token"];
  const std::string list = "/api/v1/communes/hoang-truong/petitions";
  auto on_b = Call(b_->port(), "GET", list, token);
  ASSERT_TRUE(on_b.has_value());
  EXPECT_EQ(on_b->status, 200) << on_b->body;
  EXPECT_EQ(Call(b_->port(), "GET", list, "")->status, 401);
  // Logging out on B ends the session on A too.
  EXPECT_EQ(Call(b_->port(), "DELETE", "/api/v1/session", token)->status, 204);
  EXPECT_EQ(Call(a_->port(), "GET", list, token)->status, 401);
  StopBoth();
}

TEST_F(MultiServerTest, AThousandQueuedRemindersAreSentExactlyOnceBetweenTwoServers) {
  // 1,000 reminder messages with one notify.send job each, queued before the
  // servers start, as the daily plan would leave them.
  const std::string numbers =
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
      std::to_string(kJobs) + ") ";
  const std::string commune = "(SELECT id FROM communes WHERE slug = 'hoang-truong')";
  const std::string first = std::to_string(kFirstMessageId - 1);
  ASSERT_EQ(ExecSql(test_db_.spec(),
                    numbers +
                        "INSERT INTO outbox_messages (id, commune_id, event, channel, "
                        "recipient_kind, recipient_name, address, subject, body, state, "
                        "created_at) SELECT " +
                        first + " + i, " + commune +
                        ", 'reminder.digest', 'sms', 'official', 'Cán bộ ' || i, "
                        "'0912' || (100000 + i), 'Nhắc việc', 'Nhắc việc R-' || i || '.', "
                        "'queued', 0 FROM n"),
            "");
  ASSERT_EQ(ExecSql(test_db_.spec(), numbers +
                                         "INSERT INTO jobs (commune_id, kind, fingerprint, "
                                         "subject, payload, run_at, state, attempts, "
                                         "max_attempts, created_at) SELECT " +
                                         commune + ", 'notify.send', 'message:' || (" + first +
                                         " + i), 'message:' || (" + first +
                                         " + i), '', 0, 'queued', 0, 5, 0 FROM n"),
            "");

  notify::testing::LoopbackHttpServer receiver;
  StartTwo({"--notify", "webhook=" + receiver.Url("/sms"), "--worker-interval", "1"});
  for (int i = 1; i <= kJobs; ++i) {
    ASSERT_TRUE(receiver.WaitForBody("R-" + std::to_string(i) + ".", milliseconds(120000)))
        << "reminder " << i << " never arrived\n"
        << a_->Stderr() << b_->Stderr();
  }
  StopBoth();  // after this nothing more can arrive

  std::map<int, int> deliveries;
  for (const auto& request : receiver.requests()) {
    const std::string text = json::parse(request.body)["text"];
    const size_t at = text.find("Nhắc việc R-");
    if (at == std::string::npos) continue;  // the demo's own messages
    ++deliveries[std::stoi(text.substr(at + std::string("Nhắc việc R-").size()))];
  }
  EXPECT_EQ(deliveries.size(), static_cast<size_t>(kJobs));
  for (const auto& [number, count] : deliveries) {
    EXPECT_EQ(count, 1) << "reminder R-" << number << " was sent " << count << " times";
  }
  EXPECT_EQ(QueryValue(test_db_.spec(),
                       "SELECT count(*) FROM jobs WHERE kind = 'notify.send' "
                       "AND state = 'done' AND fingerprint LIKE 'message:5%'"),
            std::to_string(kJobs));
  EXPECT_EQ(QueryValue(test_db_.spec(),
                       "SELECT count(*) FROM outbox_messages WHERE state = 'sent' AND id >= " +
                           std::to_string(kFirstMessageId)),
            std::to_string(kJobs));
}

}  // namespace
}  // namespace doithoai::testing
