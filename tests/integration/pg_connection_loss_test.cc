// Losing the PostgreSQL connection in the middle of requests (issue #8): the
// request in flight gets 503 with a Vietnamese message, the server reconnects
// by itself, and every submission that got 201 is stored. PostgreSQL only
// ("pg:PgConnectionLossTest.*").
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

using nlohmann::json;

constexpr char kSubmit[] = "/api/v1/communes/hoang-truong/petitions";

std::string SubmissionBody(int i) {
  return json{{"name", "Người gửi " + std::to_string(i)},
              {"phone", "0912 000 " + std::to_string(100 + i)},
              {"village", "Thôn 3"},
              {"text", "Đề nghị sửa đường liên thôn, lần " + std::to_string(i) + "."}}
      .dump();
}

std::string PostRequest(int i) {
  const std::string body = SubmissionBody(i);
  return std::string("POST ") + kSubmit +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

// One libpq session of the test itself, on the same database.
class Session {
 public:
  explicit Session(const std::string& url) : conn_(PQconnectdb(url.c_str())) {}
  ~Session() { PQfinish(conn_); }
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  // Runs `sql`; the first column of the first row ("" if none), or nullopt
  // on error.
  std::optional<std::string> Run(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    std::optional<std::string> out;
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
      out = PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    } else if (PQresultStatus(r) == PGRES_COMMAND_OK) {
      out = "";
    } else {
      ADD_FAILURE() << sql << ": " << PQerrorMessage(conn_);
    }
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
};

class PgConnectionLossTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!OnPostgres()) GTEST_SKIP() << "PostgreSQL only: runs as pg:PgConnectionLossTest.*";
    std::printf("engine: postgresql\n");
    ASSERT_EQ(RunDoithoai({"init", "--db", test_db_.spec(), "--demo"}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(test_db_.spec(),
                                              std::vector<std::string>{"--public-rate-limit", "0"});
    ASSERT_GT(server_->port(), 0) << server_->Stderr();
  }

  // Submits petition `i`; its tracking code, after a 201.
  std::string Submit(int i) {
    auto r = Request(server_->port(), "POST", kSubmit, {{"Content-Type", "application/json"}},
                     SubmissionBody(i));
    EXPECT_TRUE(r.has_value());
    if (!r.has_value()) return "";
    EXPECT_EQ(r->status, 201) << r->body;
    return r->status == 201 ? json::parse(r->body)["code"].get<std::string>() : "";
  }

  // Ends every connection the server holds to the database.
  int TerminateServerConnections(Session& admin) {
    std::optional<std::string> killed = admin.Run(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND application_name = 'doithoai'");
    return killed.has_value() ? std::stoi(*killed) : -1;
  }

  TempDir dir_;
  TestDb test_db_{dir_};
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(PgConnectionLossTest, ARequestCutOffGets503TheNextOnesSucceedAndNoAcknowledgedWriteIsLost) {
  Session admin(test_db_.spec());
  ASSERT_TRUE(admin.ok());
  const int demo_petitions = std::stoi(admin.Run("SELECT count(*) FROM petitions").value_or("-1"));
  std::vector<std::string> acknowledged;
  for (int i = 0; i < 10; ++i) acknowledged.push_back(Submit(i));

  // Idle pooled connections killed between requests: the next request does
  // not notice (a dead connection is replaced before its transaction).
  ASSERT_GT(TerminateServerConnections(admin), 0);
  for (int i = 10; i < 15; ++i) acknowledged.push_back(Submit(i));

  // A request killed in the middle: hold a lock the submission needs, wait
  // until the server's transaction waits for it, then cut its connection.
  Session locker(test_db_.spec());
  ASSERT_TRUE(locker.ok());
  ASSERT_TRUE(locker.Run("BEGIN; LOCK TABLE petitions IN ACCESS EXCLUSIVE MODE").has_value());
  Connection in_flight(server_->port());
  ASSERT_TRUE(in_flight.Send(PostRequest(99)));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  bool waiting = false;
  while (!waiting && std::chrono::steady_clock::now() < deadline) {
    // The submission: a writer that holds the writers' advisory lock and
    // waits for the table lock (the job worker, woken by the submissions
    // before, may also wait, for the advisory lock; cutting only it would
    // leave the submission to begin again on a new connection and wait).
    waiting = admin.Run(
                  "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                  "current_database() AND application_name = 'doithoai' AND "
                  "wait_event_type = 'Lock' AND wait_event = 'relation' AND pid IN "
                  "(SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)") != "0";
  }
  ASSERT_TRUE(waiting) << "the submission never waited for the lock";
  ASSERT_GT(TerminateServerConnections(admin), 0);
  std::optional<HttpReply> cut = in_flight.ReadReply();
  ASSERT_TRUE(cut.has_value());
  EXPECT_EQ(cut->status, 503) << cut->body;
  EXPECT_NE(cut->body.find("Mất kết nối tới cơ sở dữ liệu"), std::string::npos) << cut->body;
  ASSERT_TRUE(locker.Run("COMMIT").has_value());

  // The server reconnected by itself.
  for (int i = 15; i < 25; ++i) acknowledged.push_back(Submit(i));
  for (const std::string& code : acknowledged) {
    ASSERT_FALSE(code.empty());
    EXPECT_EQ(admin.Run("SELECT count(*) FROM petitions WHERE code = '" + code + "'"), "1") << code;
  }
  // The cut-off submission was not acknowledged and left nothing behind.
  EXPECT_EQ(admin.Run("SELECT count(*) FROM petitions"),
            std::to_string(demo_petitions + static_cast<int>(acknowledged.size())));
  EXPECT_EQ(admin.Run("SELECT count(*) FROM petitions WHERE data LIKE '%lần 99.%'"), "0");
}

}  // namespace
}  // namespace doithoai::testing
