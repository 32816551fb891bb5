// End-to-end tests of the HTTP server: the real binary on port 0, raw HTTP.
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_db_.spec();
    CommandResult init = RunDoithoai({"init", "--db", db_, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }
  TempDir dir_;
  TestDb test_db_{dir_};
  std::string db_;
};

TEST_F(ServerTest, HealthzAnswersOk) {
  ServerProcess server(db_);
  ASSERT_GT(server.port(), 0) << server.Stderr();
  auto r = Request(server.port(), "GET", "/healthz");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nlohmann::json::parse(r->body), nlohmann::json({{"status", "ok"}}));
  EXPECT_FALSE(r->Header("x-request-id").empty());
}

TEST_F(ServerTest, HomePageNamesTheDemoCommuneInVietnamese) {
  ServerProcess server(db_);
  auto r = Request(server.port(), "GET", "/");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(r->body.find("UBND xã Hoằng Trường"), std::string::npos);
  EXPECT_NE(r->body.find("Thôn 9"), std::string::npos);
  EXPECT_NE(r->body.find("Lê Thanh Cảnh"), std::string::npos);
  EXPECT_NE(r->Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r->Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r->Header("referrer-policy"), "same-origin");
}

TEST_F(ServerTest, CommunePageBySlugAndUnknownSlug) {
  ServerProcess server(db_);
  auto ok = Request(server.port(), "GET", "/x/hoang-truong");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, 200);
  EXPECT_NE(ok->body.find("Tài chính – Ngân sách"), std::string::npos);
  auto missing = Request(server.port(), "GET", "/x/khong-co-xa-nay");
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("Không tìm thấy"), std::string::npos);
  auto api = Request(server.port(), "GET", "/api/v1/khong-co");
  ASSERT_TRUE(api.has_value());
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(nlohmann::json::parse(api->body)["error"]["code"], "not_found");
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  ServerProcess server(db_);
  Connection c(server.port());
  ASSERT_TRUE(c.connected());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto r = c.ReadReply();
    ASSERT_TRUE(r.has_value()) << "request " << i;
    EXPECT_EQ(r->status, 200);
  }
}

TEST_F(ServerTest, MalformedRequestsGet400) {
  ServerProcess server(db_);
  {
    Connection c(server.port());
    ASSERT_TRUE(c.Send("THIS IS NOT HTTP\r\n\r\n"));
    auto r = c.ReadReply();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 400);
  }
  auto bad_utf8 = Request(server.port(), "GET", "/x/%FF%FE");
  ASSERT_TRUE(bad_utf8.has_value());
  EXPECT_EQ(bad_utf8->status, 400);
  auto bad_escape = Request(server.port(), "GET", "/x/%G1");
  ASSERT_TRUE(bad_escape.has_value());
  EXPECT_EQ(bad_escape->status, 400);
  // The server is still healthy afterwards.
  auto r = Request(server.port(), "GET", "/healthz");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, OversizedBodyGets413WithoutReadingIt) {
  ServerProcess server(db_);
  Connection c(server.port());
  // Announce 2 MiB (limit 1 MiB) but send nothing: the server must refuse at once.
  ASSERT_TRUE(
      c.Send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: "
             "application/x-www-form-urlencoded\r\nContent-Length: 2097152\r\n\r\n"));
  auto r = c.ReadReply();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 413);
  EXPECT_NE(r->body.find("quá lớn"), std::string::npos);
}

TEST_F(ServerTest, OversizedHeadersGet431) {
  ServerProcess server(db_);
  auto r = Request(server.port(), "GET", "/", {{"X-Padding", std::string(17 * 1024, 'a')}});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 431);
}

TEST_F(ServerTest, UnknownMethodOnKnownPathGets405) {
  ServerProcess server(db_);
  auto r = Request(server.port(), "POST", "/healthz");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->Header("allow"), "GET, HEAD");
}

TEST_F(ServerTest, SlowClientIsDisconnected) {
  ServerProcess server(db_, {"--idle-timeout", "1"});
  Connection c(server.port());
  ASSERT_TRUE(c.Send("GET / HTTP/1.1\r\nHost: x\r\n"));  // headers never finish
  EXPECT_TRUE(c.WaitForClose(std::chrono::seconds(10)));
  auto r = Request(server.port(), "GET", "/healthz");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, StaticFilesHaveEtagGzipAnd304) {
  ServerProcess server(db_);
  auto r = Request(server.port(), "GET", "/static/app.css", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Header("content-encoding"), "gzip");
  EXPECT_EQ(r->Header("content-type"), "text/css; charset=utf-8");
  std::string etag = r->Header("etag");
  ASSERT_FALSE(etag.empty());
  auto again = Request(server.port(), "GET", "/static/app.css", {{"If-None-Match", etag}});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->status, 304);
  auto missing = Request(server.port(), "GET", "/static/../app.css");
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ServerTest, SigtermLetsTheInFlightRequestFinishThenExitsZero) {
  ServerProcess server(db_);
  Connection c(server.port());
  // Start a request and hold back its body. "Expect: 100-continue" makes the
  // server answer "100 Continue" once the handler has seen the headers, so
  // the request is provably in flight when SIGTERM arrives.
  ASSERT_TRUE(
      c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n"
             "Expect: 100-continue\r\n\r\n"));
  auto cont = c.ReadReply();
  ASSERT_TRUE(cont.has_value());
  ASSERT_EQ(cont->status, 100);
  ASSERT_TRUE(c.Send("12345"));
  ASSERT_EQ(kill(server.pid(), SIGTERM), 0);
  ASSERT_TRUE(server.WaitForStderr("Nhận tín hiệu", std::chrono::seconds(5)));
  ASSERT_TRUE(c.Send("67890"));
  auto r = c.ReadReply();
  ASSERT_TRUE(r.has_value()) << server.Stderr();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(server.WaitForExit(std::chrono::seconds(6)), 0);
  // New connections are refused after shutdown.
  Connection late(server.port());
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, AccessLogHasOneStructuredLinePerRequest) {
  ServerProcess server(db_);
  auto r = Request(server.port(), "GET", "/healthz?secret=1");
  ASSERT_TRUE(r.has_value());
  std::string id = r->Header("x-request-id");
  ASSERT_TRUE(server.WaitForStderr(id, std::chrono::seconds(5)));
  std::string log = server.Stderr();
  size_t at = log.rfind('\n', log.find(id));
  size_t end = log.find('\n', log.find(id));
  auto line = nlohmann::json::parse(log.substr(at == std::string::npos ? 0 : at + 1,
                                               end - (at == std::string::npos ? 0 : at + 1)));
  EXPECT_EQ(line["path"], "/healthz");  // no query string: it may hold personal data
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["method"], "GET");
}

}  // namespace
}  // namespace doithoai::testing
