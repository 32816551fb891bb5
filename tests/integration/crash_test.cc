// Issue #9 §2, crash safety: a server killed with SIGKILL in the middle of a
// submission load, ten times over, loses no submission it acknowledged with
// 201, and the database stays sound (SQLite: PRAGMA integrity_check). Runs
// on both engines (on PostgreSQL the server process is what dies; the
// database server keeps running, as it would when an app server crashes).
// Deterministic: the kill points come from a fixed seed and are counted in
// acknowledged submissions, not in time.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

using json = nlohmann::json;

constexpr char kSubmitPath[] = "/api/v1/communes/hoang-truong/petitions";

struct Acknowledged {
  std::string code;
  std::string text;
};

// One round: `clients` threads submit until the server dies; the server is
// killed once `kill_after` submissions have been acknowledged, while the
// others are in flight. Returns what was acknowledged.
std::vector<Acknowledged> SubmitUntilKilled(ServerProcess& server, int round, int clients,
                                            int kill_after) {
  std::mutex mu;
  std::condition_variable enough;
  std::vector<Acknowledged> acked;
  std::atomic<bool> killed{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; !killed.load(); ++n) {
        const std::string text = "Vòng " + std::to_string(round) + ", máy " + std::to_string(t) +
                                 ", đơn " + std::to_string(n) + ": đèn đường thôn Đông hỏng.";
        const json body = {
            {"name", "Người gửi " + std::to_string(t)},
            {"phone", "09121" + std::to_string(10000 + round * 1000 + t * 100 + n % 100)},
            {"village", "Thôn 6"},
            {"address", "Xóm Mới"},
            {"text", text}};
        std::optional<HttpReply> reply =
            Request(server.port(), "POST", kSubmitPath, {{"Content-Type", "application/json"}},
                    body.dump());
        if (!reply.has_value()) return;  // the server is gone
        if (reply->status != 201) {
          // Anything but 201 must not be counted; a 5xx while dying is allowed.
          EXPECT_TRUE(reply->status >= 500 || killed.load()) << reply->status << reply->body;
          continue;
        }
        json parsed = json::parse(reply->body, nullptr, false);
        ASSERT_TRUE(parsed.is_object() && parsed.contains("code")) << reply->body;
        std::lock_guard<std::mutex> lock(mu);
        acked.push_back({parsed["code"].get<std::string>(), text});
        if (static_cast<int>(acked.size()) >= kill_after) enough.notify_all();
      }
    });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    enough.wait(lock, [&] { return static_cast<int>(acked.size()) >= kill_after; });
    EXPECT_EQ(::kill(server.pid(), SIGKILL), 0);
    killed.store(true);
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(server.WaitForExit(std::chrono::milliseconds(20000)), -1);  // died of the signal
  return acked;
}

TEST(CrashTest, TenKillsDuringSubmissionsLoseNoAcknowledgedPetition) {
  TempDir dir;
  TestDb db(dir);
  ASSERT_EQ(RunDoithoai({"init", "--db", db.spec(), "--demo"}).exit_code, 0);
  const int64_t before = CountRows(db.spec(), "petitions");
  std::mt19937 rng(20261128);  // fixed: the same kill points every run
  std::uniform_int_distribution<int> kill_point(1, 40);
  std::vector<Acknowledged> acked;
  for (int round = 0; round < 10; ++round) {
    ServerProcess server(db.spec(), {"--public-rate-limit", "0"});
    ASSERT_GT(server.port(), 0) << "round " << round << ": " << server.Stderr();
    std::vector<Acknowledged> got = SubmitUntilKilled(server, round, 4, kill_point(rng));
    acked.insert(acked.end(), got.begin(), got.end());
  }
  ASSERT_GE(acked.size(), 10u);
  // Every acknowledged submission is there, whole: its row, with the text
  // that was sent, in JSON that parses.
  for (const Acknowledged& a : acked) {
    std::optional<std::string> data =
        QueryValue(db.spec(), "SELECT data FROM petitions WHERE code = '" + a.code + "'");
    ASSERT_TRUE(data.has_value()) << a.code << " was acknowledged and is missing";
    json petition = json::parse(*data, nullptr, false);
    ASSERT_TRUE(petition.is_object()) << a.code;
    EXPECT_EQ(petition["items"][0]["text"], a.text) << a.code;
  }
  // Unacknowledged ones may or may not have landed (the kill can come after
  // COMMIT and before the reply), but nothing else appeared.
  const int64_t after = CountRows(db.spec(), "petitions");
  EXPECT_GE(after - before, static_cast<int64_t>(acked.size()));
  EXPECT_LE(after - before, static_cast<int64_t>(acked.size()) + 10 * 4);
  std::printf("10 kills: %zu submissions acknowledged, %lld stored\n", acked.size(),
              static_cast<long long>(after - before));
  if (db.spec().rfind("postgresql://", 0) != 0) {
    EXPECT_EQ(QueryValue(db.spec(), "PRAGMA integrity_check"), "ok");
  }
  // The audit chain survived every kill, and the server starts once more.
  CommandResult verify = RunDoithoai({"audit", "verify", "--db", db.spec()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  ServerProcess last(db.spec());
  ASSERT_GT(last.port(), 0) << last.Stderr();
  std::optional<HttpReply> health = Request(last.port(), "GET", "/healthz");
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->status, 200);
}

}  // namespace
}  // namespace doithoai::testing
