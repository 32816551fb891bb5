// Hostile input over HTTP (issue #9 §4): the real binary on loopback, one
// server per suite, and several hundred table-driven cases — malformed and
// oversized request lines and headers, request smuggling (conflicting
// Content-Length / Transfer-Encoding), invalid UTF-8 and overlong encodings,
// NUL bytes, SQL injection and XSS in every field, path traversal in static
// and attachment URLs, CSRF without a token, session fixation, IDOR on every
// id-bearing route, and huge JSON nesting. Each case must get a 4xx (or, for
// a valid request carrying hostile text, be stored literally and shown
// escaped), leave the data as it was, and leave the server serving.
//
// A case that shows a known, not yet fixed bug does not fail the build: its
// test ends with GTEST_SKIP() << "BUG: …" naming every such case. Once the
// bug is fixed the same case passes and the skip goes away by itself.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

using nlohmann::json;

constexpr char kApi[] = "/api/v1/communes/hoang-truong";
constexpr char kAdmin[] = "/quan-tri/hoang-truong";
constexpr char kFormPath[] = "/x/hoang-truong/gui-kien-nghi";
constexpr char kFormType[] = "application/x-www-form-urlencoded";
constexpr char kJsonType[] = "application/json";
constexpr char kOtherPassword[] = "mat-khau-hoang-hoa-1";
constexpr char kFixated[] = "FixatedByTheAttacker0123456789abcdefABCDEF_";

// A literal with NUL bytes inside, without its terminating NUL.
template <size_t N>
std::string Bytes(const char (&text)[N]) {
  return std::string(text, N - 1);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

// A JSON string literal that keeps bytes >= 0x80 as they are (nlohmann's
// dump() refuses invalid UTF-8, and these tests need to send it).
std::string Quote(const std::string& text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Characters that would let a payload out of text or an attribute.
bool Dangerous(const std::string& payload) {
  return payload.find_first_of("<>\"'") != std::string::npos;
}

// The valid public submission, every value already a JSON literal; a case
// replaces one of them.
std::map<std::string, std::string> ValidPetition() {
  return {{"name", Quote("Lê Văn Kiểm")},
          {"phone", Quote("0912345678")},
          {"village", Quote("Thôn 6")},
          {"address", Quote("Xóm Đông")},
          {"text", Quote("Đề nghị sửa đoạn đường bị sụt lún trước mùa mưa.")}};
}

std::string PetitionJson(const std::map<std::string, std::string>& literals) {
  std::string body = "{";
  for (const auto& [k, v] : literals) body += (body.size() > 1 ? "," : "") + Quote(k) + ":" + v;
  return body + "}";
}

// Everything the refused requests must leave alone, as one text (one query,
// the same SQL on SQLite and PostgreSQL).
std::string Digest(const std::string& db) {
  static const char* const kParts[] = {
      "(SELECT count(*) FROM petitions)",
      "(SELECT coalesce(sum(version), 0) FROM petitions)",
      "(SELECT coalesce(max(updated_at_ms), 0) FROM petitions)",
      "(SELECT count(*) FROM accounts)",
      "(SELECT coalesce(sum(disabled), 0) FROM accounts)",
      "(SELECT password_hash FROM accounts WHERE username = 'vanphong')",
      "(SELECT password_hash FROM accounts WHERE username = 'quantri')",
      "(SELECT count(*) FROM villages)",
      "(SELECT coalesce(sum(length(name) + position), 0) FROM villages)",
      "(SELECT count(*) FROM units)",
      "(SELECT coalesce(sum(length(name)), 0) FROM units)",
      "(SELECT count(*) FROM officials)",
      "(SELECT coalesce(sum(length(full_name)), 0) FROM officials)",
      "(SELECT count(*) FROM petition_cases)",
      "(SELECT coalesce(sum(version), 0) FROM petition_cases)",
      "(SELECT count(*) FROM petition_case_members)",
      "(SELECT count(*) FROM conferences)",
      "(SELECT coalesce(sum(version), 0) FROM conferences)",
      "(SELECT count(*) FROM conference_documents)",
      "(SELECT count(*) FROM communes)",
      "(SELECT count(*) FROM notification_settings)",
      "(SELECT count(*) FROM petition_settings)",
  };
  std::string sql = "SELECT ";
  bool first = true;
  for (const char* part : kParts) {
    sql += std::string(first ? "" : " || '|' || ") + part;
    first = false;
  }
  return QueryValue(db, sql).value_or("(lỗi truy vấn)");
}

struct RawResult {
  std::vector<HttpReply> replies;
  bool closed = false;
};

// Sends `bytes` on one connection and reads up to `max_replies` replies.
RawResult SendRaw(int port, const std::string& bytes, size_t max_replies,
                  milliseconds wait = milliseconds(3000)) {
  RawResult out;
  Connection c(port);
  if (!c.connected()) return out;
  c.Send(bytes);  // the server may close before reading everything
  while (out.replies.size() < max_replies) {
    std::optional<HttpReply> r = c.ReadReply(wait);
    if (!r.has_value()) break;
    if (r->status == 100) continue;
    out.replies.push_back(std::move(*r));
  }
  out.closed = c.WaitForClose(milliseconds(out.replies.size() < max_replies ? 1 : 300));
  return out;
}

// nginx in front of the server, configured as docs/deploying.md says (plain
// HTTP on loopback instead of TLS): `daemon off`, no master process, its log
// on stderr. Ready once it logs its resource limits, which it does after it
// has opened its listening socket.
class NginxProxy {
 public:
  explicit NginxProxy(int upstream_port) {
    if (access(kNginx, X_OK) != 0) return;
    port_ = FreeLoopbackPort();
    const std::string prefix = dir_.path();
    const std::string conf = prefix + "/nginx.conf";
    FILE* f = std::fopen(conf.c_str(), "w");
    if (f == nullptr) return;
    std::fprintf(f,
                 "daemon off;\nmaster_process off;\nworker_processes 1;\n"
                 "error_log stderr notice;\npid %s/nginx.pid;\n"
                 "events { worker_connections 64; }\n"
                 "http {\n access_log off;\n"
                 " client_body_temp_path %s/body;\n proxy_temp_path %s/proxy;\n"
                 " fastcgi_temp_path %s/fcgi;\n uwsgi_temp_path %s/uwsgi;\n"
                 " scgi_temp_path %s/scgi;\n"
                 " upstream doithoai { server 127.0.0.1:%d; keepalive 8; }\n"
                 " server {\n  listen 127.0.0.1:%d;\n  client_max_body_size 12m;\n"
                 "  location / {\n   proxy_pass http://doithoai;\n"
                 "   proxy_http_version 1.1;\n   proxy_set_header Connection \"\";\n"
                 "   proxy_set_header Host $host;\n"
                 "   proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                 "   proxy_next_upstream error timeout http_503;\n  }\n }\n}\n",
                 prefix.c_str(), prefix.c_str(), prefix.c_str(), prefix.c_str(), prefix.c_str(),
                 prefix.c_str(), upstream_port, port_);
    std::fclose(f);
    int err[2];
    if (pipe(err) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(err[1], STDERR_FILENO);
      close(err[0]);
      close(err[1]);
      execl(kNginx, kNginx, "-c", conf.c_str(), "-p", prefix.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(err[1]);
    const auto deadline = std::chrono::steady_clock::now() + milliseconds(10000);
    while (log_.find("getrlimit") == std::string::npos) {
      const auto left =
          std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd p{err[0], POLLIN, 0};
      if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[1024];
      const ssize_t n = read(err[0], buf, sizeof(buf));
      if (n <= 0) break;
      log_.append(buf, static_cast<size_t>(n));
    }
    close(err[0]);
    ready_ = log_.find("getrlimit") != std::string::npos;
  }
  ~NginxProxy() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  NginxProxy(const NginxProxy&) = delete;
  NginxProxy& operator=(const NginxProxy&) = delete;

  bool installed() const { return access(kNginx, X_OK) == 0; }
  bool ready() const { return ready_; }
  int port() const { return port_; }
  const std::string& log() const { return log_; }

 private:
  static constexpr const char* kNginx = "/usr/sbin/nginx";

  // A port the kernel just handed out on loopback (closed again at once).
  static int FreeLoopbackPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(a);
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
      port = ntohs(a.sin_port);
    }
    close(fd);
    return port;
  }

  TempDir dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  bool ready_ = false;
  std::string log_;
};

// ---- the shared world: one database, one server, logins done once ----

struct World {
  std::unique_ptr<TempDir> dir;
  std::unique_ptr<TestDb> test_db;
  std::string db;
  std::unique_ptr<ServerProcess> server;
  std::string staff;       // vanphong, Bearer
  std::string admin;       // quantri (commune admin), Bearer
  std::string foreign;     // hh.vanphong of the second commune, Bearer
  std::string spare;       // another vanphong token, logged out by a case
  std::string cookie;      // vanphong's cookie session (form login)
  std::string csrf;        // its CSRF token, read from a page
  std::string login_csrf;  // the login form's double-submit cookie
  int fixation_login_status = 0;
  std::string code;  // a petition of hoang-truong
  std::string petition_id, case_id, conference_id, village_id, unit_id, official_id, account_id;
  std::string marker;  // that petition's text (must never leak to the other commune)
};

World* world = nullptr;

class HostileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world = new World;
    World& w = *world;
    w.dir = std::make_unique<TempDir>();
    w.test_db = std::make_unique<TestDb>(*w.dir);
    w.db = w.test_db->spec();
    CommandResult init = RunDoithoai({"init", "--db", w.db, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    CommandResult commune = RunDoithoai({"commune", "add", "--db", w.db, "--slug", "hoang-hoa",
                                         "--name", "Xã Hoằng Hóa", "--unit-code", "15865"});
    ASSERT_EQ(commune.exit_code, 0) << commune.err;
    CommandResult user =
        RunDoithoai({"user", "add", "--db", w.db, "--commune", "hoang-hoa", "--username",
                     "hh.vanphong", "--role", "office", "--name", "Cán bộ Hoằng Hóa"},
                    std::string(kOtherPassword) + "\n");
    ASSERT_EQ(user.exit_code, 0) << user.err;
    w.server =
        std::make_unique<ServerProcess>(w.db, std::vector<std::string>{"--public-rate-limit", "0"});
    ASSERT_GT(w.server->port(), 0) << w.server->Stderr();
    // Every login happens here: the hostile login attempts later trip the
    // per-address throttle.
    w.staff = ApiLogin("vanphong", "doithoai-demo");
    w.admin = ApiLogin("quantri", "doithoai-demo");
    w.foreign = ApiLogin("hh.vanphong", kOtherPassword);
    w.spare = ApiLogin("vanphong", "doithoai-demo");
    ASSERT_FALSE(w.staff.empty() || w.admin.empty() || w.foreign.empty() || w.spare.empty());

    // The form login, with a session cookie the attacker planted (fixation).
    auto form = Request(w.server->port(), "GET", "/dang-nhap");
    ASSERT_TRUE(form.has_value());
    w.login_csrf = SetCookieValue(*form, "dt_csrf");
    ASSERT_FALSE(w.login_csrf.empty()) << form->Header("set-cookie");
    auto login = Request(
        w.server->port(), "POST", "/dang-nhap",
        {{"Content-Type", kFormType},
         {"Cookie", "dt_csrf=" + w.login_csrf + "; dt_session=" + std::string(kFixated)}},
        FormBody(
            {{"_csrf", w.login_csrf}, {"username", "vanphong"}, {"password", "doithoai-demo"}}));
    ASSERT_TRUE(login.has_value());
    w.fixation_login_status = login->status;
    w.cookie = SetCookieValue(*login, "dt_session");
    ASSERT_FALSE(w.cookie.empty()) << login->status << " " << login->Header("set-cookie");
    auto page =
        Request(w.server->port(), "GET", "/doi-mat-khau", {{"Cookie", "dt_session=" + w.cookie}});
    ASSERT_TRUE(page.has_value());
    w.csrf = Between(page->body, "name=\"_csrf\" value=\"", "\"");
    ASSERT_FALSE(w.csrf.empty()) << page->body.substr(0, 2000);

    // The ids of hoang-truong's data.
    const std::string commune_id =
        QueryValue(w.db, "SELECT id FROM communes WHERE slug = 'hoang-truong'").value_or("1");
    auto first = [&](const std::string& table) {
      return QueryValue(w.db, "SELECT min(id) FROM " + table + " WHERE commune_id = " + commune_id)
          .value_or("1");
    };
    w.petition_id = first("petitions");
    w.code =
        QueryValue(w.db, "SELECT code FROM petitions WHERE id = " + w.petition_id).value_or("");
    ASSERT_FALSE(w.code.empty());
    w.case_id = first("petition_cases");
    w.conference_id = first("conferences");
    w.village_id = first("villages");
    w.unit_id = first("units");
    w.official_id = first("officials");
    w.account_id =
        QueryValue(w.db, "SELECT id FROM accounts WHERE username = 'vanphong'").value_or("1");
    for (std::string* id : {&w.case_id, &w.conference_id, &w.official_id}) {
      if (id->empty()) *id = "1";
    }
    auto shown = Request(w.server->port(), "GET", std::string(kApi) + "/petitions/" + w.code,
                         {{"Authorization", "Bearer " + w.staff}});
    ASSERT_TRUE(shown.has_value());
    ASSERT_EQ(shown->status, 200) << shown->body;
    const json petition = json::parse(shown->body);
    w.marker = petition["items"][0]["text"].get<std::string>().substr(0, 40);
  }

  static void TearDownTestSuite() {
    delete world;
    world = nullptr;
  }

  static std::string ApiLogin(const std::string& user, const std::string& password) {
    auto r =
        Request(world->server->port(), "POST", "/api/v1/session", {{"Content-Type", kJsonType}},
                json({{"username", user}, {"password", password}}).dump());
    if (!r.has_value() || r->status != 200) return "";
    return json::parse(r->body)["token"].get<std::string>();
  }

  void SetUp() override {
    ASSERT_NE(world, nullptr);
    ASSERT_NE(world->server, nullptr);
  }

  int port() const { return world->server->port(); }
  const std::string& db() const { return world->db; }

  HttpReply Send(const std::string& method, const std::string& path,
                 const std::map<std::string, std::string>& headers = {},
                 const std::string& body = "") {
    auto r = Request(port(), method, path, headers, body);
    EXPECT_TRUE(r.has_value()) << method << " " << path.substr(0, 200);
    return r.value_or(HttpReply{});
  }
  HttpReply Bearer(const std::string& method, const std::string& path, const std::string& token,
                   const std::string& body = "", const std::string& type = "") {
    std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + token}};
    if (!type.empty()) headers["Content-Type"] = type;
    return Send(method, path, headers, body);
  }

  // The server still answers, and nothing it logged says it crashed.
  void ExpectServing(const std::string& after) {
    auto r = Request(port(), "GET", "/healthz");
    ASSERT_TRUE(r.has_value()) << "máy chủ không trả lời sau: " << after << "\n"
                               << world->server->Stderr().substr(0, 4000);
    EXPECT_EQ(r->status, 200) << after;
    const std::string log = world->server->Stderr();
    EXPECT_FALSE(Contains(log, "AddressSanitizer") || Contains(log, "runtime error:"))
        << after << "\n"
        << log.substr(0, 4000);
  }

  std::string FormToken() {
    HttpReply form = Send("GET", kFormPath);
    EXPECT_EQ(form.status, 200);
    return Between(form.body, "name=\"form_token\" value=\"", "\"");
  }

  // Known-bug bookkeeping: a case with `known_bug` that still misbehaves is
  // listed instead of failing; every other misbehaviour fails.
  void Judge(const std::string& name, const std::string& problem, const char* known_bug) {
    if (problem.empty()) {
      if (known_bug != nullptr) std::printf("  [đã sửa?] %s: %s\n", name.c_str(), known_bug);
      return;
    }
    if (known_bug != nullptr) {
      bugs_.push_back(name + " — " + known_bug + " (" + problem + ")");
      return;
    }
    ADD_FAILURE() << name << ": " << problem;
  }
  void SkipIfBugs() {
    if (bugs_.empty()) return;
    std::string all;
    for (const std::string& b : bugs_) all += "\n  " + b;
    GTEST_SKIP() << "BUG: " << bugs_.size() << " trường hợp lộ lỗi đã biết:" << all;
  }

  // One digest query per case: compares with the state after the previous
  // case (ResetDigest() first).
  void ResetDigest() { last_digest_ = Digest(db()); }
  bool DataUnchanged() {
    std::string now = Digest(db());
    const bool same = now == last_digest_;
    last_digest_ = std::move(now);
    return same;
  }

  std::vector<std::string> bugs_;
  std::string last_digest_;
};

std::string Status(const HttpReply& r) { return "HTTP " + std::to_string(r.status); }

// ---- 1. malformed and oversized request lines and headers ----

struct RawCase {
  std::string name;
  std::string bytes;
  int lo = 400;
  int hi = 499;
  const char* known_bug = nullptr;
};

// Malformed and oversized request lines and headers; `token` and `cookie`
// are a live Bearer token and session cookie.
std::vector<RawCase> MalformedCases(const std::string& token, const std::string& cookie) {
  const std::string h = "Host: x\r\n";
  // libmicrohttpd 0.9.75 answers a bad Content-Length itself, before the
  // adapter sees the request, and its 400 carries the status line and
  // headers twice. nginx in front refuses these: BehindNginxEveryFramingAttackIsRefused.
  const char* kTwice =
      "Content-Length hỏng: libmicrohttpd 0.9.75 tự trả 400 và gửi dòng trạng thái và header hai "
      "lần (phản hồi hỏng; sau nginx thì đúng: xem BehindNginxEveryFramingAttackIsRefused)";
  // libmicrohttpd 0.9.75 cuts a header line at a NUL byte before the adapter
  // sees it, so the part before the NUL is used.
  const char* kNulCut =
      "libmicrohttpd 0.9.75 cắt header tại byte NUL thay vì từ chối (sau nginx thì bị từ chối: "
      "xem BehindNginxEveryFramingAttackIsRefused)";
  return {
      {"không phải HTTP", "THIS IS NOT HTTP\r\n\r\n"},
      {"chỉ có phương thức", "GET\r\n\r\n"},
      {"thiếu phiên bản", "GET /healthz\r\n\r\n"},
      {"thừa phần tử dòng yêu cầu", "GET /healthz HTTP/1.1 extra\r\n" + h + "\r\n"},
      {"phiên bản lạ FOO/1.1", "GET /healthz FOO/1.1\r\n" + h + "\r\n"},
      {"phiên bản HTTP/2.0 trên dòng văn bản", "GET /healthz HTTP/2.0\r\n" + h + "\r\n", 400, 505},
      {"phiên bản HTTP/9.9", "GET /healthz HTTP/9.9\r\n" + h + "\r\n", 400, 505},
      {"đường dẫn *", "GET * HTTP/1.1\r\n" + h + "\r\n"},
      {"đường dẫn không có /", "GET healthz HTTP/1.1\r\n" + h + "\r\n"},
      {"dạng tuyệt đối tới máy khác", "GET http://evil.example/x HTTP/1.1\r\n" + h + "\r\n"},
      {"phần trăm hỏng %%%", "GET /%%% HTTP/1.1\r\n" + h + "\r\n"},
      {"phần trăm cụt", "GET /x/% HTTP/1.1\r\n" + h + "\r\n"},
      {"phần trăm cụt 2", "GET /x/%2 HTTP/1.1\r\n" + h + "\r\n"},
      {"%00 trong đường dẫn", "GET /x/hoang-truong%00 HTTP/1.1\r\n" + h + "\r\n"},
      {"NUL thô trong đường dẫn", Bytes("GET /heal\0thz HTTP/1.1\r\n") + h + "\r\n"},
      {"NUL thô trong phương thức", Bytes("G\0T /healthz HTTP/1.1\r\n") + h + "\r\n", 400, 501},
      {"NUL trong tên header", "GET /healthz HTTP/1.1\r\n" + h + Bytes("X-A\0b: c\r\n") + "\r\n"},
      {"header không có dấu hai chấm", "GET /healthz HTTP/1.1\r\n" + h + "NoColon\r\n\r\n"},
      {"header tên rỗng", "GET /healthz HTTP/1.1\r\n" + h + ": value\r\n\r\n", 400, 499,
       "libmicrohttpd 0.9.75 bỏ qua dòng header tên rỗng thay vì trả 400 (RFC 9110 §5.1; sau "
       "nginx thì 400: xem BehindNginxEveryFramingAttackIsRefused)"},
      {"phương thức TRACE", "TRACE / HTTP/1.1\r\n" + h + "\r\n", 400, 501},
      {"phương thức CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + h + "\r\n", 400, 501},
      {"phương thức DELETE trên /healthz", "DELETE /healthz HTTP/1.1\r\n" + h + "\r\n", 400, 499},
      {"phương thức chữ thường", "get /healthz HTTP/1.1\r\n" + h + "\r\n", 400, 501},
      {"phương thức dài 10 KB", std::string(10 * 1024, 'A') + " /healthz HTTP/1.1\r\n" + h + "\r\n",
       400, 501},
      {"URI 20 KB", "GET /x/" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\n" + h + "\r\n"},
      {"truy vấn 20 KB",
       "GET /healthz?q=" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\n" + h + "\r\n"},
      {"giá trị header 17 KB",
       "GET /healthz HTTP/1.1\r\n" + h + "X-Pad: " + std::string(17 * 1024, 'a') + "\r\n\r\n"},
      {"tên header 17 KB",
       "GET /healthz HTTP/1.1\r\n" + h + std::string(17 * 1024, 'X') + ": a\r\n\r\n"},
      {"Cookie 17 KB",
       "GET / HTTP/1.1\r\n" + h + "Cookie: dt_session=" + std::string(17 * 1024, 'a') + "\r\n\r\n"},
      {"Authorization 17 KB", "GET /api/v1/me HTTP/1.1\r\n" + h + "Authorization: Bearer " +
                                  std::string(17 * 1024, 'a') + "\r\n\r\n"},
      {"Content-Length âm",
       "POST /api/v1/session HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nContent-Length: -1\r\n\r\n",
       400, 499, kTwice},
      {"Content-Length chữ",
       "POST /api/v1/session HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n",
       400, 499, kTwice},
      {"Content-Length hex",
       "POST /api/v1/session HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nContent-Length: 0x10\r\n\r\n",
       400, 499, kTwice},
      {"Content-Length 1e3",
       "POST /api/v1/session HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nContent-Length: 1e3\r\n\r\n",
       400, 499, kTwice},
      {"Content-Length tràn số",
       "POST /api/v1/session HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nContent-Length: 99999999999999999999999\r\n\r\n",
       400, 499, kTwice},
      {"Content-Length 2 MiB không gửi thân",
       "POST /x/hoang-truong/gui-kien-nghi HTTP/1.1\r\n" + h +
           "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2097152\r\n\r\n"},
      {"Expect 100-continue với thân 2 MiB",
       "POST /api/v1/session HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nContent-Length: 2097152\r\nExpect: "
           "100-continue\r\n\r\n"},
      {"thân thật lớn hơn giới hạn (70 KB JSON)",
       "POST /api/v1/communes/hoang-truong/petitions HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nContent-Length: 71680\r\n\r\n" +
           std::string(71680, '[')},
      {"chunked vô tận vượt giới hạn",
       "POST /api/v1/communes/hoang-truong/petitions HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
           [] {
             std::string chunks;
             for (int i = 0; i < 20; ++i) chunks += "1000\r\n" + std::string(4096, ' ') + "\r\n";
             return chunks + "0\r\n\r\n";
           }()},
      {"kích thước chunk không phải hex",
       "POST /api/v1/session HTTP/1.1\r\n" + h +
           "Content-Type: application/json\r\nTransfer-Encoding: "
           "chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n"},
      {"kích thước chunk tràn số", "POST /api/v1/session HTTP/1.1\r\n" + h +
                                       "Content-Type: application/json\r\nTransfer-Encoding: "
                                       "chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nab\r\n0\r\n\r\n"},
      {"Bearer có NUL rồi rác",
       "GET /api/v1/me HTTP/1.1\r\n" + h + "Authorization: Bearer " + token + Bytes("\0junk") +
           "\r\n\r\n",
       400, 499, kNulCut},
      {"Cookie phiên có NUL rồi rác",
       "GET /api/v1/me HTTP/1.1\r\n" + h + "Accept: application/json\r\nCookie: dt_session=" +
           cookie + Bytes("\0junk") + "\r\n\r\n",
       400, 499, kNulCut},
      {"Bearer có ký tự điều khiển",
       "GET /api/v1/me HTTP/1.1\r\n" + h + "Authorization: Bearer \x01\x02\x7f\r\n\r\n"},
      {"Bearer UTF-8 hỏng",
       "GET /api/v1/me HTTP/1.1\r\n" + h + "Authorization: Bearer \xff\xfe\xc0\xaf\r\n\r\n"},
      {"Content-Type có NUL", "POST /api/v1/session HTTP/1.1\r\n" + h +
                                  Bytes("Content-Type: application/json\0x\r\n") +
                                  "Content-Length: 2\r\n\r\n{}"},
  };
}

TEST_F(HostileTest, MalformedAndOversizedRequestsGet4xx) {
  const std::string before = Digest(db());
  const std::vector<RawCase> cases = MalformedCases(world->staff, world->cookie);
  int n = 0;
  for (const RawCase& c : cases) {
    SCOPED_TRACE(c.name);
    ++n;
    RawResult got = SendRaw(port(), c.bytes, 1);
    std::string problem;
    if (got.replies.empty()) {
      if (!got.closed) problem = "không trả lời, không đóng kết nối";
    } else {
      const HttpReply& r = got.replies[0];
      if (r.status < c.lo || r.status > c.hi) problem = Status(r) + " " + r.body.substr(0, 200);
      if (r.body.rfind("HTTP/1.", 0) == 0) problem += " (dòng trạng thái và header gửi hai lần)";
    }
    Judge(c.name, problem, c.known_bug);
  }
  ExpectServing("nhóm yêu cầu hỏng");
  EXPECT_EQ(Digest(db()), before);
  std::printf("[hostile] yêu cầu hỏng / quá lớn: %d trường hợp\n", n);
  SkipIfBugs();
}

// ---- 2. request smuggling ----

struct Smuggle {
  std::string name;
  std::string start;  // request line and headers, without the blank line
  const char* known_bug = nullptr;
};

// After a zero-length chunked body: a complete petition submission.
std::string SmuggledTail() {
  const std::string body = PetitionJson([] {
    auto fields = ValidPetition();
    fields["text"] = Quote("Yêu cầu buôn lậu qua kết nối (canary).");
    return fields;
  }());
  const std::string canary =
      "POST /api/v1/communes/hoang-truong/petitions HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nConnection: close\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  return "0\r\n\r\n" + canary;
}

std::vector<Smuggle> SmugglingCases(const std::string& tail) {
  const std::string all = std::to_string(tail.size());
  const std::string post =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
  // libmicrohttpd 0.9.75 (Debian 12) turns an obs-folded header line into one
  // field named "Transfer-Encodingchunked" with an empty value, so the
  // adapter's framing check (CheckFraming) never sees a Transfer-Encoding.
  // Behind nginx (docs/deploying.md) the request is refused before it
  // reaches the server: BehindNginxEveryFramingAttackIsRefused below.
  const char* kFold =
      "libmicrohttpd 0.9.75 ghép dòng gập (obs-fold) vào tên header nên không thấy "
      "Transfer-Encoding; nó dùng Content-Length rồi chạy phần còn lại như yêu cầu mới — đơn giấu "
      "được lưu (chạy sau nginx thì không: xem BehindNginxEveryFramingAttackIsRefused)";
  return {
      {"CL.TE (CL 5)", post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"},
      {"TE.CL (CL 5)", post + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"},
      {"CL bao cả phần giấu + TE",
       post + "Content-Length: " + all + "\r\nTransfer-Encoding: chunked\r\n"},
      {"TE chunked hai lần + CL",
       post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n"},
      {"TE chunked, identity + CL",
       post + "Transfer-Encoding: chunked, identity\r\nContent-Length: " + all + "\r\n"},
      {"TE identity, chunked + CL",
       post + "Transfer-Encoding: identity, chunked\r\nContent-Length: 5\r\n"},
      {"TE gzip, chunked + CL", post + "Transfer-Encoding: gzip, chunked\r\nContent-Length: 5\r\n"},
      {"TE xchunked + CL", post + "Transfer-Encoding: xchunked\r\nContent-Length: 5\r\n"},
      {"TE CHUNKED chữ hoa + CL", post + "Transfer-Encoding: CHUNKED\r\nContent-Length: 5\r\n"},
      {"TE có dấu cách trước dấu hai chấm + CL",
       post + "Transfer-Encoding : chunked\r\nContent-Length: 5\r\n"},
      {"TE có tab + CL", post + "Transfer-Encoding:\tchunked\r\nContent-Length: 5\r\n"},
      {"TE gập dòng (obs-fold) + CL",
       post + "Transfer-Encoding:\r\n chunked\r\nContent-Length: 5\r\n", kFold},
      {"TE sau LF trần + CL", post + "X-A: b\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n"},
      {"hai Content-Length khác nhau",
       post + "Content-Length: 5\r\nContent-Length: " + all + "\r\n"},
      {"Content-Length danh sách 5, N", post + "Content-Length: 5, " + all + "\r\n"},
      {"Content-Length +5", post + "Content-Length: +5\r\n"},
      {"HTTP/1.0 với TE chunked + CL",
       "POST /api/v1/session HTTP/1.0\r\nHost: x\r\nContent-Type: application/json\r\n"
       "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"},
  };
}

// The front request's framing headers are ambiguous; the bytes that follow a
// zero-length chunked body are a complete petition submission (the canary).
// A server that reads the framing two ways, or keeps reading the connection
// after an ambiguous request, runs the canary: a petition appears.
// Every problem one smuggling case shows when sent to `port`.
std::string SmugglingProblem(int port, const std::string& db, const Smuggle& c,
                             const std::string& tail) {
  const int64_t petitions = CountRows(db, "petitions");
  RawResult got = SendRaw(port, c.start + "\r\n" + tail, 3, milliseconds(3000));
  std::string problem;
  if (CountRows(db, "petitions") != petitions) problem = "đơn giấu trong kết nối đã được lưu";
  if (got.replies.size() > 1) {
    problem += (problem.empty() ? "" : "; ") + std::to_string(got.replies.size()) +
               " phản hồi trên một kết nối mơ hồ (phản hồi 2: " + Status(got.replies[1]) + ")";
  }
  if (got.replies.empty() && !got.closed) problem += " treo: không trả lời, không đóng";
  if (!got.replies.empty() && got.replies[0].status < 400) {
    problem += " phản hồi đầu " + Status(got.replies[0]);
  }
  return problem;
}

TEST_F(HostileTest, SmugglingAttemptsRunNothingHidden) {
  const std::string tail = SmuggledTail();
  int n = 0;
  for (const Smuggle& c : SmugglingCases(tail)) {
    SCOPED_TRACE(c.name);
    ++n;
    Judge(c.name, SmugglingProblem(port(), db(), c, tail), c.known_bug);
  }
  ExpectServing("nhóm buôn lậu yêu cầu");
  std::printf("[hostile] buôn lậu yêu cầu: %d trường hợp\n", n);
  SkipIfBugs();
}

// Header parsing the RFC requires to be strict (RFC 9112 §3.2, §5.1, §6.3):
// libmicrohttpd 0.9.75 accepts them; the adapter's CheckFraming refuses them
// and closes the connection.
std::vector<RawCase> FramingCases() {
  const std::string h = "Host: x\r\n";
  return {
      {"HTTP/1.1 không có Host", "GET /healthz HTTP/1.1\r\n\r\n", 400, 400},
      {"hai Host khác nhau", "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, 400},
      {"dấu cách trước dấu hai chấm", "GET /healthz HTTP/1.1\r\n" + h + "X-A : b\r\n\r\n", 400,
       400},
      {"hai Content-Length khác nhau trên GET",
       "GET /healthz HTTP/1.1\r\n" + h + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400,
       400},
      {"TE lạ trên GET", "GET /healthz HTTP/1.1\r\n" + h + "Transfer-Encoding: xchunked\r\n\r\n",
       400, 501},
      {"TE gzip, chunked trên GET",
       "GET /healthz HTTP/1.1\r\n" + h + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 400,
       501},
  };
}

TEST_F(HostileTest, HeaderFramingTheRfcRequiresRefused) {
  const std::vector<RawCase> cases = FramingCases();
  int n = 0;
  for (const RawCase& c : cases) {
    SCOPED_TRACE(c.name);
    ++n;
    RawResult got = SendRaw(port(), c.bytes, 1, milliseconds(1500));
    std::string problem;
    if (got.replies.empty()) {
      problem = got.closed ? "" : "không trả lời trong 1,5 s";
    } else if (got.replies[0].status < c.lo || got.replies[0].status > c.hi) {
      problem = Status(got.replies[0]);
    } else if (!got.closed) {
      problem = "trả lời " + Status(got.replies[0]) + " nhưng không đóng kết nối";
    }
    Judge(c.name, problem, c.known_bug);
  }
  ExpectServing("nhóm khung header");
  std::printf("[hostile] khung header theo RFC: %d trường hợp\n", n);
  SkipIfBugs();
}

// ---- 2b. the same framing attacks through nginx, as deployed ----

// What libmicrohttpd 0.9.75 lets through by itself (the known bugs above:
// obs-fold smuggling, a NUL inside a header, an empty header name, a bad
// Content-Length answered twice) must stop at nginx, which docs/deploying.md
// puts in front of every public server. Every smuggling and framing case is
// sent through nginx: none may run the hidden petition or change data, and
// each must get a 4xx/501 with one well-formed reply.
TEST_F(HostileTest, BehindNginxEveryFramingAttackIsRefused) {
  NginxProxy nginx(port());
  if (!nginx.installed()) GTEST_SKIP() << "nginx chưa cài (scripts/install-deps.sh test cài nó)";
  ASSERT_TRUE(nginx.ready()) << nginx.log();
  auto through = Request(nginx.port(), "GET", "/healthz");
  ASSERT_TRUE(through.has_value());
  ASSERT_EQ(through->status, 200) << "nginx không chuyển được yêu cầu tới máy chủ";
  const std::string before = Digest(db());
  const std::string tail = SmuggledTail();
  int n = 0;
  for (const Smuggle& c : SmugglingCases(tail)) {
    SCOPED_TRACE(c.name);
    ++n;
    const std::string problem = SmugglingProblem(nginx.port(), db(), c, tail);
    EXPECT_TRUE(problem.empty()) << "qua nginx: " << c.name << ": " << problem;
  }
  std::vector<RawCase> raw = FramingCases();
  for (const RawCase& c : MalformedCases(world->staff, world->cookie)) {
    if (c.known_bug != nullptr) raw.push_back(c);
  }
  for (const RawCase& c : raw) {
    SCOPED_TRACE(c.name);
    ++n;
    RawResult got = SendRaw(nginx.port(), c.bytes, 1, milliseconds(3000));
    ASSERT_EQ(got.replies.size(), 1u) << "qua nginx: " << c.name;
    const HttpReply& r = got.replies[0];
    EXPECT_GE(r.status, 400) << c.name;
    EXPECT_LE(r.status, 501) << c.name;
    EXPECT_NE(r.body.rfind("HTTP/1.", 0), 0u) << c.name << ": phản hồi hỏng";
  }
  EXPECT_EQ(Digest(db()), before);
  ExpectServing("nhóm tấn công khung qua nginx");
  std::printf("[hostile] qua nginx: %d trường hợp\n", n);
}

// ---- 3. invalid UTF-8, overlong encodings and NUL bytes in every field ----

const std::vector<std::pair<std::string, std::string>>& BadUtf8() {
  static const std::vector<std::pair<std::string, std::string>> kBad = {
      {"0xFF", "\xff"},
      {"BOM ngược FE FF", "\xfe\xff"},
      {"overlong '/' C0 AF", "\xc0\xaf"},
      {"overlong '.' C0 AE", "\xc0\xae"},
      {"overlong 3 byte E0 80 AF", "\xe0\x80\xaf"},
      {"overlong 4 byte F0 80 80 AF", "\xf0\x80\x80\xaf"},
      {"overlong C1 BF", "\xc1\xbf"},
      {"surrogate ED A0 80", "\xed\xa0\x80"},
      {"quá U+10FFFF F4 90 80 80", "\xf4\x90\x80\x80"},
      {"chuỗi cụt E1 BA", "\xe1\xba"},
      {"byte nối lẻ 80", "\x80"},
      {"5 byte F8 88 80 80 80", "\xf8\x88\x80\x80\x80"},
  };
  return kBad;
}

const std::vector<std::string>& PetitionFields() {
  static const std::vector<std::string> kFields = {"name", "phone", "village", "address", "text"};
  return kFields;
}

TEST_F(HostileTest, InvalidUtf8AndOverlongEncodingsAreRefusedEverywhere) {
  const std::string before = Digest(db());
  int n = 0;
  // JSON API: the bad bytes inside each string field.
  for (const auto& [label, bytes] : BadUtf8()) {
    for (const std::string& field : PetitionFields()) {
      const std::string name = "JSON " + field + " " + label;
      SCOPED_TRACE(name);
      ++n;
      auto fields = ValidPetition();
      fields[field] = Quote((field == "phone" ? "0912" : "Thôn") + bytes + "6");
      HttpReply r = Send("POST", std::string(kApi) + "/petitions", {{"Content-Type", kJsonType}},
                         PetitionJson(fields));
      EXPECT_EQ(r.status, 400) << name << ": " << r.body.substr(0, 300);
      EXPECT_EQ(json::parse(r.body, nullptr, false).is_discarded(), false) << name;
    }
  }
  // The public HTML form: the same bytes percent-encoded.
  for (const auto& [label, bytes] : BadUtf8()) {
    for (const std::string& field : PetitionFields()) {
      const std::string name = "biểu mẫu " + field + " " + label;
      SCOPED_TRACE(name);
      ++n;
      Fields form = {{"form_token", FormToken()},   {"website", ""},     {"name", "Lê Văn Kiểm"},
                     {"phone", "0912345678"},       {"village", "khac"}, {"address", "Xóm Đông"},
                     {"text", "Đề nghị sửa đường."}};
      for (auto& [k, v] : form) {
        if (k == field) v = (field == "phone" ? "0912" : "Thôn") + bytes + "6";
      }
      HttpReply r = Send("POST", kFormPath, {{"Content-Type", kFormType}}, FormBody(form));
      EXPECT_EQ(r.status, 400) << name << ": " << r.body.substr(0, 300);
    }
  }
  // Paths, tracking codes and search queries.
  for (const auto& [label, bytes] : BadUtf8()) {
    for (const std::string& prefix :
         {std::string("/x/"), std::string("/tra-cuu/"), std::string("/static/")}) {
      const std::string name = "đường dẫn " + prefix + " " + label;
      SCOPED_TRACE(name);
      ++n;
      HttpReply r = Send("GET", prefix + "a" + UrlEncode(bytes) + "b");
      EXPECT_EQ(r.status, 400) << name;
    }
    const std::string name = "truy vấn q " + label;
    SCOPED_TRACE(name);
    ++n;
    HttpReply r =
        Bearer("GET", std::string(kApi) + "/petitions?q=a" + UrlEncode(bytes), world->staff);
    EXPECT_EQ(r.status, 400) << name << ": " << r.body.substr(0, 300);
  }
  // The login form and the JSON login.
  for (const auto& [label, bytes] : BadUtf8()) {
    const std::string name = "đăng nhập JSON " + label;
    SCOPED_TRACE(name);
    ++n;
    HttpReply r = Send("POST", "/api/v1/session", {{"Content-Type", kJsonType}},
                       "{\"username\":" + Quote("van" + bytes) + ",\"password\":\"x\"}");
    EXPECT_GE(r.status, 400) << name;
    EXPECT_LT(r.status, 500) << name << ": " << r.body.substr(0, 300);
  }
  ExpectServing("nhóm UTF-8 hỏng");
  EXPECT_EQ(Digest(db()), before);
  std::printf("[hostile] UTF-8 hỏng / mã hóa dài thừa: %d trường hợp\n", n);
}

TEST_F(HostileTest, NulBytesAndLoneSurrogatesAreRefused) {
  struct Nul {
    std::string label;
    std::string literal_in_json;  // raw JSON text of the value
    std::string form_value;       // "" = no form variant
    const char* known_bug = nullptr;
  };
  const std::vector<Nul> kinds = {
      {"\\u0000 giữa chuỗi", "\"Th\\u0000n 6\"", Bytes("Th\0n 6")},
      {"\\u0000 cuối chuỗi", "\"Thon\\u0000\"", Bytes("Thon\0")},
      {"NUL thô trong chuỗi JSON", Bytes("\"Th\0n\""), ""},
      {"\\ud800 lẻ", "\"Th\\ud800n\"", ""},
      {"\\udfff lẻ", "\"Th\\udfffn\"", ""},
      {"\\ud83d thiếu nửa sau", "\"Th\\ud83d\\u0041\"", ""},
  };
  int n = 0;
  for (const Nul& kind : kinds) {
    for (const std::string& field : PetitionFields()) {
      const std::string name = "JSON " + field + " " + kind.label;
      SCOPED_TRACE(name);
      ++n;
      const std::string before = Digest(db());
      auto fields = ValidPetition();
      fields[field] = kind.literal_in_json;
      HttpReply r = Send("POST", std::string(kApi) + "/petitions", {{"Content-Type", kJsonType}},
                         PetitionJson(fields));
      std::string problem;
      if (r.status != 400) problem = Status(r) + " " + r.body.substr(0, 200);
      if (Digest(db()) != before) problem += " (dữ liệu đã đổi)";
      Judge(name, problem, kind.known_bug);
      if (kind.form_value.empty()) continue;
      const std::string form_name = "biểu mẫu " + field + " " + kind.label;
      SCOPED_TRACE(form_name);
      ++n;
      const std::string form_before = Digest(db());
      Fields form = {{"form_token", FormToken()},   {"website", ""},     {"name", "Lê Văn Kiểm"},
                     {"phone", "0912345678"},       {"village", "khac"}, {"address", "Xóm Đông"},
                     {"text", "Đề nghị sửa đường."}};
      for (auto& [k, v] : form) {
        if (k == field) v = kind.form_value;
      }
      HttpReply f = Send("POST", kFormPath, {{"Content-Type", kFormType}}, FormBody(form));
      std::string form_problem;
      if (f.status != 400) form_problem = Status(f);
      if (Digest(db()) != form_before) form_problem += " (dữ liệu đã đổi)";
      Judge(form_name, form_problem, nullptr);
    }
  }
  // NUL in queries and other parameters.
  for (const std::string& path :
       {std::string(kApi) + "/petitions?q=a%00b", std::string(kAdmin) + "/kien-nghi?q=a%00b",
        std::string("/tra-cuu/HT-26-0001%00-K"), std::string("/tra-cuu?code=HT%00"),
        std::string(kAdmin) + "/kien-nghi/" + world->petition_id + "%00"}) {
    SCOPED_TRACE(path);
    ++n;
    HttpReply r = Bearer("GET", path, world->staff);
    std::string problem;
    if (r.status != 400 && r.status != 404) problem = Status(r) + " " + r.body.substr(0, 200);
    Judge("NUL " + path, problem, nullptr);
  }
  ExpectServing("nhóm NUL");
  std::printf("[hostile] byte NUL / surrogate lẻ: %d trường hợp\n", n);
  SkipIfBugs();
}

// ---- 4. SQL injection and XSS payloads in every field ----

const std::vector<std::string>& SqlPayloads() {
  static const std::vector<std::string> kSql = {
      "' OR '1'='1",
      "'; DROP TABLE petitions; --",
      "\" OR 1=1 --",
      "1; DELETE FROM accounts; --",
      "' UNION SELECT username, password_hash FROM accounts --",
      "'); UPDATE accounts SET role='system_admin'; --",
      "%' OR 1=1 --",
      "1' AND (SELECT pg_sleep(5)) IS NULL --",
      "\\'; SELECT 1; --",
      "Robert'); DROP TABLE villages;--",
  };
  return kSql;
}

const std::vector<std::string>& XssPayloads() {
  static const std::vector<std::string> kXss = {
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "'><svg/onload=alert(1)>",
      "</textarea><script>alert(document.cookie)</script>",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "javascript:alert(1)",
      "{{7*7}}${7*7}<%= 7*7 %>",
      "<a href=\"//evil.example\">bấm vào đây</a>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "<style>body{display:none}</style>",
  };
  return kXss;
}

std::vector<std::string> AllPayloads() {
  std::vector<std::string> all = SqlPayloads();
  all.insert(all.end(), XssPayloads().begin(), XssPayloads().end());
  return all;
}

// Hostile text in a valid submission: stored exactly, shown escaped. Where
// the field has a format (phone, village) it is refused and nothing stored.
TEST_F(HostileTest, InjectionPayloadsAreStoredLiterallyAndShownEscaped) {
  int n = 0;
  int kept = 0;
  int refused = 0;
  for (const std::string& payload : AllPayloads()) {
    for (const std::string& field : PetitionFields()) {
      const std::string name = "JSON " + field + " «" + payload + "»";
      SCOPED_TRACE(name);
      ++n;
      const std::string before = Digest(db());
      const int64_t count = CountRows(db(), "petitions");
      auto fields = ValidPetition();
      fields[field] =
          Quote(field == "text" || field == "address" || field == "name" ? "Nội dung " + payload
                                                                         : payload);
      HttpReply r = Send("POST", std::string(kApi) + "/petitions", {{"Content-Type", kJsonType}},
                         PetitionJson(fields));
      if (field == "phone" || field == "village") {
        EXPECT_EQ(r.status, 400) << name << ": " << r.body.substr(0, 300);
        EXPECT_EQ(Digest(db()), before) << name;
        // A JSON error may quote it (JSON-escaped, nosniff): never as HTML.
        EXPECT_FALSE(Dangerous(payload) && Contains(r.body, payload) &&
                     !Contains(r.Header("content-type"), "application/json"))
            << name << r.body;
        continue;
      }
      if (r.status == 400) {  // a validation rule refused it: nothing stored
        EXPECT_EQ(Digest(db()), before) << name;
        ++refused;
        continue;
      }
      ++kept;
      ASSERT_EQ(r.status, 201) << name << ": " << r.body.substr(0, 300);
      EXPECT_EQ(CountRows(db(), "petitions"), count + 1) << name;
      const std::string code = json::parse(r.body)["code"].get<std::string>();
      HttpReply staff = Bearer("GET", std::string(kApi) + "/petitions/" + code, world->staff);
      ASSERT_EQ(staff.status, 200) << name;
      const json stored = json::parse(staff.body);
      const std::string expected = "Nội dung " + payload;
      if (field == "text") {
        EXPECT_EQ(stored["items"][0]["text"], expected) << name;
      } else {
        EXPECT_EQ(stored[field], expected) << name;
      }
      // Every HTML page that shows it escapes it.
      const std::string id = std::to_string(stored["id"].get<int64_t>());
      for (const std::string& page :
           {std::string(kAdmin) + "/kien-nghi/" + id, std::string(kAdmin) + "/kien-nghi",
            std::string(kAdmin) + "/kien-nghi/bang", "/tra-cuu/" + code}) {
        HttpReply html = Bearer("GET", page, world->staff);
        EXPECT_EQ(html.status, 200) << name << " " << page;
        EXPECT_FALSE(Dangerous(payload) && Contains(html.body, payload))
            << name << ": chưa thoát HTML trong " << page;
        EXPECT_FALSE(Contains(html.body, "href=\"javascript:")) << name << " " << page;
      }
    }
  }
  // The tables the SQL payloads name are all still there and whole.
  EXPECT_GT(CountRows(db(), "accounts"), 5);
  EXPECT_GT(CountRows(db(), "villages"), 5);
  EXPECT_EQ(QueryValue(db(), "SELECT role FROM accounts WHERE username = 'vanphong'").value_or(""),
            "office");
  ExpectServing("nhóm tiêm mã trong trường");
  EXPECT_GT(kept, 0) << "không payload nào được lưu: phần kiểm tra thoát HTML không chạy";
  std::printf(
      "[hostile] SQL/XSS trong trường đơn (API): %d trường hợp (%d lưu nguyên văn, %d bị "
      "từ chối ở ô tự do)\n",
      n, kept, refused);
}

// A form refused for another field (a bad phone) re-shows the typed values:
// they must come back escaped. Search boxes echo the query: escaped too, and
// the search itself must not break.
TEST_F(HostileTest, InjectionPayloadsEchoedByPagesAreEscaped) {
  const std::string before = Digest(db());
  int n = 0;
  for (const std::string& payload : AllPayloads()) {
    for (const std::string& field :
         {std::string("name"), std::string("address"), std::string("text")}) {
      const std::string name = "biểu mẫu lỗi " + field + " «" + payload + "»";
      SCOPED_TRACE(name);
      ++n;
      Fields form = {{"form_token", FormToken()},   {"website", ""},
                     {"name", "Lê Văn Kiểm"},       {"phone", "12345"},
                     {"village", "khac"},           {"address", "Xóm Đông"},
                     {"text", "Đề nghị sửa đường."}};
      for (auto& [k, v] : form) {
        if (k == field) v = payload;
      }
      HttpReply r = Send("POST", kFormPath, {{"Content-Type", kFormType}}, FormBody(form));
      EXPECT_EQ(r.status, 400) << name;
      EXPECT_FALSE(Dangerous(payload) && Contains(r.body, payload)) << name << ": chưa thoát";
    }
    {
      const std::string name = "tìm kiếm API «" + payload + "»";
      SCOPED_TRACE(name);
      ++n;
      HttpReply r =
          Bearer("GET", std::string(kApi) + "/petitions?q=" + UrlEncode(payload), world->staff);
      EXPECT_EQ(r.status, 200) << name << ": " << r.body.substr(0, 300);
      const json found = json::parse(r.body, nullptr, false);
      EXPECT_TRUE(!found.is_discarded() && found.contains("total")) << name;
    }
    {
      const std::string name = "tìm kiếm trang «" + payload + "»";
      SCOPED_TRACE(name);
      ++n;
      HttpReply r =
          Bearer("GET", std::string(kAdmin) + "/kien-nghi?q=" + UrlEncode(payload), world->staff);
      EXPECT_EQ(r.status, 200) << name;
      EXPECT_FALSE(Dangerous(payload) && Contains(r.body, payload)) << name << ": chưa thoát";
    }
    {
      const std::string name = "trả lời công khai q «" + payload + "»";
      SCOPED_TRACE(name);
      ++n;
      HttpReply r = Send("GET", "/x/hoang-truong/tra-loi?q=" + UrlEncode(payload));
      EXPECT_LT(r.status, 500) << name;
      EXPECT_FALSE(Dangerous(payload) && Contains(r.body, payload)) << name << ": chưa thoát";
    }
    {
      const std::string name = "mã tra cứu «" + payload + "»";
      SCOPED_TRACE(name);
      ++n;
      HttpReply r = Send("GET", "/tra-cuu/" + UrlEncode(payload));
      EXPECT_TRUE(r.status == 400 || r.status == 404) << name << ": " << Status(r);
      EXPECT_FALSE(Dangerous(payload) && Contains(r.body, payload)) << name << ": chưa thoát";
    }
    {
      const std::string name = "tra cứu với số điện thoại «" + payload + "»";
      SCOPED_TRACE(name);
      ++n;
      HttpReply r = Send("POST", "/tra-cuu/" + world->code, {{"Content-Type", kFormType}},
                         FormBody({{"phone", payload}}));
      EXPECT_TRUE(r.status == 400 || r.status == 403) << name << ": " << Status(r);
      EXPECT_FALSE(Dangerous(payload) && Contains(r.body, payload)) << name << ": chưa thoát";
    }
  }
  // Full-text query syntax must not reach the engine as syntax.
  for (const std::string& q :
       {std::string("\""), std::string("*"), std::string("NEAR(a b)"), std::string("a AND"),
        std::string("^a"), std::string("text:a"), std::string("(((("), std::string("a OR OR b"),
        std::string("-a"), std::string("a\\"), std::string("%_%"), std::string("' --")}) {
    const std::string name = "cú pháp FTS «" + q + "»";
    SCOPED_TRACE(name);
    ++n;
    HttpReply r = Bearer("GET", std::string(kApi) + "/petitions?q=" + UrlEncode(q), world->staff);
    EXPECT_EQ(r.status, 200) << name << ": " << r.body.substr(0, 300);
  }
  // Hostile logins: refused (401, or 429 once the address is throttled).
  for (const std::string& payload : SqlPayloads()) {
    const std::string name = "đăng nhập «" + payload + "»";
    SCOPED_TRACE(name);
    ++n;
    HttpReply r = Send("POST", "/api/v1/session", {{"Content-Type", kJsonType}},
                       json({{"username", payload}, {"password", payload}}).dump());
    EXPECT_TRUE(r.status == 400 || r.status == 401 || r.status == 429)
        << name << ": " << Status(r) << " " << r.body.substr(0, 200);
    EXPECT_FALSE(Contains(r.body, "token\":\"")) << name;
  }
  ExpectServing("nhóm phản hồi lại nội dung độc");
  EXPECT_EQ(Digest(db()), before);
  std::printf("[hostile] SQL/XSS được trang phản hồi lại: %d trường hợp\n", n);
}

// ---- 5. path traversal in static and attachment URLs ----

TEST_F(HostileTest, PathTraversalInStaticAndAttachmentUrlsFindsNothing) {
  const std::string before = Digest(db());
  const std::vector<std::string> tails = {
      "../../../../etc/passwd",
      "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "..%2f..%2f..%2fetc%2fpasswd",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "....//....//etc/passwd",
      "..%5c..%5c..%5cetc%5cpasswd",
      "%252e%252e%252fetc%252fpasswd",
      "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
      "%2fetc%2fpasswd",
      "/etc/passwd",
      "..",
      ".",
      "%2e",
      "app.css%00.png",
      "app.css/..%2f..%2f..%2fd.db",
      "../d.db",
      "..%2fd.db",
      "..%2f..%2f..%2fproc%2fself%2fenviron",
  };
  const std::vector<std::string> prefixes = {
      "/static/",
      std::string(kAdmin) + "/kien-nghi/" + world->petition_id + "/tep/",
      std::string(kApi) + "/conferences/" + world->conference_id + "/documents/",
      std::string(kApi) + "/conferences/" + world->conference_id + "/sessions/",
  };
  int n = 0;
  for (const std::string& prefix : prefixes) {
    for (const std::string& tail : tails) {
      const std::string path = prefix + tail;
      SCOPED_TRACE(path);
      ++n;
      HttpReply r = Bearer("GET", path, world->admin);
      EXPECT_TRUE(r.status == 400 || r.status == 404) << path << ": " << Status(r);
      EXPECT_FALSE(Contains(r.body, "root:") || Contains(r.body, "SQLite format") ||
                   Contains(r.body, "PATH="))
          << path;
    }
  }
  ExpectServing("nhóm duyệt thư mục");
  EXPECT_EQ(Digest(db()), before);
  std::printf("[hostile] duyệt thư mục: %d trường hợp\n", n);
}

// ---- the routes of hoang-truong that act on one record ----

struct Route {
  std::string method;
  std::string path;  // with {P} petition id, {C} code, {K} case, {F} conference, {V} village,
                     // {U} unit, {O} official, {A} account, {S} commune slug
  std::string body;  // form body (POST) or JSON when it starts with '{'
};

std::vector<Route> Routes() {
  const std::string a = "/quan-tri/{S}";
  const std::string p = a + "/kien-nghi/{P}";
  const std::string k = a + "/vu-viec/{K}";
  const std::string f = a + "/hoi-nghi/{F}";
  const std::string api = "/api/v1/communes/{S}";
  const std::string fa = api + "/conferences/{F}";
  const std::string step = "item=1&version=1&text=x&unit={U}&class=proposal&reason=x";
  std::vector<Route> routes = {
      {"GET", api + "/petitions/{C}", ""},
      {"GET", api + "/petitions?q=a", ""},
      {"GET", p, ""},
      {"GET", p + "/tep/" + std::string(64, 'a'), ""},
      {"GET", a + "/kien-nghi", ""},
      {"GET", a + "/kien-nghi/bang", ""},
      {"GET", a + "/kien-nghi/xuat.xlsx", ""},
      {"GET", a + "/kien-nghi/moi", ""},
      {"GET", a + "/kien-nghi/cai-dat", ""},
      {"GET", a + "/vu-viec", ""},
      {"GET", k, ""},
      {"GET", a + "/hoi-nghi", ""},
      {"GET", f, ""},
      {"GET", f + "/van-ban/ke-hoach", ""},
      {"GET", f + "/diem-danh", ""},
      {"GET", f + "/thu-ky", ""},
      {"GET", f + "/man-hinh", ""},
      {"GET", f + "/theo-doi", ""},
      {"GET", api + "/conferences", ""},
      {"GET", fa, ""},
      {"GET", fa + "/documents/ke-hoach.pdf", ""},
      {"GET", fa + "/notice.wav", ""},
      {"GET", fa + "/budget.xlsx", ""},
      {"GET", fa + "/sessions/1.ics", ""},
      {"GET", fa + "/desk", ""},
      {"GET", fa + "/live", ""},
      {"GET", a + "/thong-bao", ""},
      {"GET", a + "/thong-bao/cai-dat", ""},
      {"GET", a, ""},
      {"GET", a + "/nhat-ky", ""},
      {"GET", a + "/bao-cao", ""},
      {"GET", api + "/villages", ""},
      {"GET", api + "/issues/prominent", ""},
      {"GET", api + "/reports/summary", ""},
      {"GET", api + "/reports/report.xlsx", ""},
      {"POST", p + "/danh-tinh", ""},
      {"POST", a + "/kien-nghi/giao-hang-loat", "ids={P}&unit={U}"},
      {"POST", a + "/kien-nghi/moi", "name=x&phone=0912345678&village=khac&address=x&text=x"},
      {"POST", a + "/kien-nghi/cai-dat", "reopen=1"},
      {"POST", a + "/vu-viec", "title=x&petition={P}"},
      {"POST", k + "/them", "petition={P}"},
      {"POST", k + "/bo", "petition={P}"},
      {"POST", k + "/doi-ten", "title=x"},
      {"POST", k + "/tra-loi", "text=x"},
      {"POST", a + "/hoi-nghi", "year=2027"},
      {"POST", f + "/ke-hoach", "x=1"},
      {"POST", f + "/phien", "number=1"},
      {"POST", f + "/khach-moi", "name=x"},
      {"POST", f + "/giay-moi", "status=sent"},
      {"POST", f + "/nhiem-vu", "task=1"},
      {"POST", f + "/cong-khai", "channel=x"},
      {"POST", f + "/kinh-phi", "item=x&amount=1"},
      {"POST", f + "/van-ban/ke-hoach", "body=x"},
      {"POST", f + "/van-ban/ke-hoach/ban-hanh", "x=1"},
      {"POST", f + "/van-ban/ke-hoach/thay-the", "x=1"},
      {"POST", f + "/da-hop", "x=1"},
      {"POST", f + "/chuong-trinh", "x=1"},
      {"POST", f + "/phien/xoa", "number=1"},
      {"POST", f + "/khach-moi/xoa", "id=1"},
      {"POST", f + "/kinh-phi/xoa", "id=1"},
      {"POST", f + "/huy", "reason=x"},
      {"POST", f + "/diem-danh", "id=1"},
      {"POST", fa + "/desk/speakers", "{\"name\":\"x\"}"},
      {"POST", fa + "/desk/speakers/state", "{\"id\":1,\"state\":\"done\"}"},
      {"POST", fa + "/desk/opinions", "{\"text\":\"x\"}"},
      {"POST", fa + "/desk/live", "{\"on\":true}"},
      {"POST", fa + "/desk/attendance", "{\"present\":1}"},
      {"POST", fa + "/desk/sessions/1/start", "{}"},
      {"POST", fa + "/desk/sessions/1/end", "{}"},
      {"POST", fa + "/desk/check-in", "{\"id\":1}"},
      {"POST", fa + "/minutes/sign", "{}"},
      {"POST", fa + "/minutes/addenda", "{\"text\":\"x\"}"},
      {"POST", fa + "/results-notice/issue", "{}"},
      {"POST", fa + "/results-notice/deliveries", "{\"village\":1}"},
      {"POST", a + "/thon", "name=x"},
      {"POST", a + "/bo-phan", "name=x"},
      {"POST", a + "/can-bo", "full_name=x"},
      {"POST", a + "/thon/{V}", "name=x"},
      {"POST", a + "/bo-phan/{U}", "name=x"},
      {"POST", a + "/can-bo/{O}", "full_name=x"},
      {"POST", a + "/tai-khoan", "username=attacker&role=office&name=x&password=abcdefghijkl"},
      {"POST", a + "/tai-khoan/{A}/khoa", "locked=1"},
      {"POST", a + "/tai-khoan/{A}/mat-khau", "password=abcdefghijkl"},
      {"POST", a + "/nhap-danh-sach", "x=1"},
      {"POST", a + "/thong-bao/cai-dat", "enabled=1"},
      {"POST", api + "/villages", "{\"name\":\"x\"}"},
  };
  for (const char* action : {"phan-loai", "giao", "bat-dau", "phuc-tap", "gia-han", "tra-loi",
                             "da-thong-bao", "ket-thuc", "chuyen", "luu-don", "mo-lai"}) {
    routes.push_back({"POST", p + "/" + action, step});
  }
  return routes;
}

std::string Fill(std::string text, const std::string& slug) {
  const World& w = *world;
  const std::pair<std::string, std::string> kSlots[] = {
      {"{S}", slug},      {"{P}", w.petition_id},   {"{C}", w.code},
      {"{K}", w.case_id}, {"{F}", w.conference_id}, {"{V}", w.village_id},
      {"{U}", w.unit_id}, {"{O}", w.official_id},   {"{A}", w.account_id}};
  for (const auto& [slot, value] : kSlots) {
    for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at)) {
      text.replace(at, slot.size(), value);
      at += value.size();
    }
  }
  return text;
}

bool HasId(const std::string& pattern) {
  for (const char* slot : {"{P}", "{C}", "{K}", "{F}", "{V}", "{U}", "{O}", "{A}"}) {
    if (Contains(pattern, slot)) return true;
  }
  return false;
}

// ---- 6. CSRF: a cookie session without the token changes nothing ----

TEST_F(HostileTest, CookiePostsWithoutTheCsrfTokenAreRefused) {
  const World& w = *world;
  // Control: with the right token the request reaches its handler (a wrong
  // current password: 400, not 403), so the refusals below are the CSRF check.
  {
    HttpReply ok = Send("POST", "/doi-mat-khau",
                        {{"Content-Type", kFormType}, {"Cookie", "dt_session=" + w.cookie}},
                        FormBody({{"_csrf", w.csrf},
                                  {"current_password", "sai-mat-khau"},
                                  {"new_password", "mat-khau-moi-rat-dai-1"}}));
    ASSERT_NE(ok.status, 403) << "phiên cookie của bài kiểm tra không dùng được";
    ASSERT_NE(ok.status, 303) << "phiên cookie của bài kiểm tra không dùng được";
  }
  std::string flipped = w.csrf;
  for (char& c : flipped) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      c = static_cast<char>(std::isupper(static_cast<unsigned char>(c))
                                ? std::tolower(static_cast<unsigned char>(c))
                                : std::toupper(static_cast<unsigned char>(c)));
      break;
    }
  }
  struct Variant {
    std::string label;
    std::string field;   // "" = no _csrf field
    std::string header;  // X-CSRF-Token, "" = none
    bool include_field;
  };
  const std::vector<Variant> variants = {
      {"không có token", "", "", false},
      {"token rỗng", "", "", true},
      {"token sai", std::string(w.csrf.size(), 'A'), "", true},
      {"token đổi hoa thường", flipped, "", true},
      {"token đăng nhập (dt_csrf)", w.login_csrf, "", true},
      {"header X-CSRF-Token sai", "", "sai-" + w.csrf, false},
      {"token đúng bị cắt ngắn", w.csrf.substr(0, w.csrf.size() - 1), "", true},
  };
  std::vector<Route> routes;
  for (const Route& r : Routes()) {
    if (r.method == "POST") routes.push_back(r);
  }
  routes.push_back(
      {"POST", "/doi-mat-khau", "current_password=doithoai-demo&new_password=x1234567890"});
  routes.push_back({"POST", "/dang-xuat-moi-noi", "x=1"});
  routes.push_back({"POST", "/dang-xuat", "x=1"});
  routes.push_back({"DELETE", "/api/v1/session", ""});
  int n = 0;
  ResetDigest();
  for (const Route& route : routes) {
    const std::string path = Fill(route.path, "hoang-truong");
    for (const Variant& v : variants) {
      const std::string name = route.method + " " + path + " — " + v.label;
      SCOPED_TRACE(name);
      ++n;
      std::string body = Fill(route.body, "hoang-truong");
      const bool as_json = !body.empty() && body[0] == '{';
      std::map<std::string, std::string> headers = {{"Cookie", "dt_session=" + w.cookie}};
      if (!v.header.empty()) headers["X-CSRF-Token"] = v.header;
      if (as_json) {
        headers["Content-Type"] = kJsonType;
      } else if (route.method == "POST") {
        headers["Content-Type"] = kFormType;
        if (v.include_field) body += (body.empty() ? "" : "&") + ("_csrf=" + UrlEncode(v.field));
      }
      HttpReply r = Send(route.method, path, headers, body);
      EXPECT_EQ(r.status, 403) << name << ": " << r.body.substr(0, 200);
      EXPECT_TRUE(DataUnchanged()) << name << ": dữ liệu đã đổi";
    }
  }
  // The session was never ended by a forged logout.
  HttpReply me = Send("GET", "/api/v1/me",
                      {{"Cookie", "dt_session=" + w.cookie}, {"Accept", "application/json"}});
  EXPECT_EQ(me.status, 200);
  // The login form itself: a double-submit token is required.
  for (const auto& [label, headers_body] :
       std::vector<std::pair<std::string, std::pair<std::string, std::string>>>{
           {"không cookie, không token", {"", ""}},
           {"token mà không cookie", {"", w.login_csrf}},
           {"cookie mà không token", {w.login_csrf, ""}},
           {"cookie và token khác nhau", {w.login_csrf, std::string(w.login_csrf.size(), 'B')}}}) {
    SCOPED_TRACE("đăng nhập " + label);
    ++n;
    std::map<std::string, std::string> headers = {{"Content-Type", kFormType}};
    if (!headers_body.first.empty()) headers["Cookie"] = "dt_csrf=" + headers_body.first;
    Fields form = {{"username", "vanphong"}, {"password", "doithoai-demo"}};
    if (!headers_body.second.empty()) form.emplace_back("_csrf", headers_body.second);
    HttpReply r = Send("POST", "/dang-nhap", headers, FormBody(form));
    EXPECT_EQ(r.status, 403) << label;
    EXPECT_EQ(SetCookieValue(r, "dt_session"), "") << label;
  }
  ExpectServing("nhóm CSRF");
  std::printf("[hostile] CSRF: %d trường hợp\n", n);
}

// ---- 7. session fixation and forged sessions ----

TEST_F(HostileTest, SessionFixationAndForgedTokensGetNoSession) {
  const World& w = *world;
  int n = 0;
  auto me_with = [&](const std::map<std::string, std::string>& headers) {
    std::map<std::string, std::string> all = headers;
    all["Accept"] = "application/json";
    return Send("GET", "/api/v1/me", all);
  };
  ++n;
  EXPECT_EQ(w.fixation_login_status, 303);
  EXPECT_NE(w.cookie, kFixated) << "the server adopted the session id the attacker planted";
  ++n;
  EXPECT_EQ(me_with({{"Cookie", std::string("dt_session=") + kFixated}}).status, 401);
  ++n;
  EXPECT_EQ(me_with({{"Authorization", std::string("Bearer ") + kFixated}}).status, 401);
  ++n;
  EXPECT_NE(w.staff, w.spare) << "two logins got the same token";
  ++n;
  EXPECT_EQ(me_with({{"Cookie", "dt_session=" + w.cookie}}).status, 200) << "control";
  const std::vector<std::pair<std::string, std::string>> forged = {
      {"token rỗng", ""},
      {"token một ký tự", "a"},
      {"token cắt một ký tự", w.staff.substr(0, w.staff.size() - 1)},
      {"token thêm một ký tự", w.staff + "a"},
      {"token chữ hoa",
       [&] {
         std::string t = w.staff;
         for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
         return t;
       }()},
      {"token 4 KB", std::string(4096, 'a')},
      {"token SQL", "' OR '1'='1"},
      {"token có dấu cách", w.staff.substr(0, 10) + " " + w.staff.substr(10)},
      {"token của tài khoản khác ghép", w.admin.substr(0, 20) + w.staff.substr(20)},
      {"token phần trăm", UrlEncode(w.staff) + "%00"},
  };
  for (const auto& [label, token] : forged) {
    SCOPED_TRACE(label);
    n += 2;
    HttpReply bearer = me_with({{"Authorization", "Bearer " + token}});
    if (token.empty()) {
      EXPECT_EQ(bearer.status, 401) << label;  // "Bearer " with nothing: anonymous
    } else {
      EXPECT_EQ(bearer.status, 401) << label << ": " << bearer.body;
    }
    HttpReply cookie = me_with({{"Cookie", "dt_session=" + token}});
    EXPECT_EQ(cookie.status, 401) << label << ": " << cookie.body;
  }
  // A wrong Bearer beside a good cookie is an error, not the cookie's session.
  ++n;
  EXPECT_EQ(
      me_with({{"Cookie", "dt_session=" + w.cookie}, {"Authorization", "Bearer nope"}}).status,
      401);
  // Logout ends the token for good.
  ++n;
  HttpReply out = Bearer("DELETE", "/api/v1/session", w.spare);
  EXPECT_LT(out.status, 300) << out.body;
  ++n;
  EXPECT_EQ(me_with({{"Authorization", "Bearer " + w.spare}}).status, 401);
  ++n;
  EXPECT_EQ(me_with({{"Cookie", "dt_session=" + w.spare}}).status, 401);
  ExpectServing("nhóm cố định phiên");
  std::printf("[hostile] cố định phiên / token giả: %d trường hợp\n", n);
}

// ---- 8. IDOR: another commune's staff and foreign ids ----

TEST_F(HostileTest, AnotherCommunesStaffSeesAndChangesNothing) {
  const World& w = *world;
  int n = 0;
  auto check = [&](const std::string& name, const Route& route, const std::string& slug,
                   const std::string& token, bool allow_400) {
    SCOPED_TRACE(name);
    ++n;
    const std::string path = Fill(route.path, slug);
    const std::string body = Fill(route.body, slug);
    const bool as_json = !body.empty() && body[0] == '{';
    HttpReply r = Bearer(route.method, path, token, body,
                         route.method == "GET" ? "" : (as_json ? kJsonType : kFormType));
    const bool refused = r.status == 403 || r.status == 404 || (allow_400 && r.status == 400);
    EXPECT_TRUE(refused) << name << ": " << Status(r) << " " << r.body.substr(0, 300);
    EXPECT_FALSE(Contains(r.body, w.code)) << name << ": lộ mã đơn";
    EXPECT_FALSE(!w.marker.empty() && Contains(r.body, w.marker)) << name << ": lộ nội dung đơn";
    EXPECT_FALSE(Contains(r.body, "Hoằng Trường")) << name << ": lộ tên xã";
    EXPECT_TRUE(DataUnchanged()) << name << ": dữ liệu đã đổi";
  };
  ResetDigest();
  for (const Route& route : Routes()) {
    // hh.vanphong on hoang-truong's own addresses.
    check("xã khác " + route.method + " " + route.path, route, "hoang-truong", w.foreign, false);
    // hh.vanphong on their own commune's address with hoang-truong's ids.
    if (HasId(route.path)) {
      check("id của xã khác " + route.method + " " + route.path, route, "hoang-hoa", w.foreign,
            false);
    }
  }
  // Ids that are not ids, as hoang-truong's own staff: a clean 404/400.
  const std::vector<std::string> bogus = {"0",   "-1", "99999999999999999999", "1.5",  "1e3",
                                          "0x1", "+1", "%27%20OR%201%3D1",     "1%20", "%00"};
  for (const std::string& id : bogus) {
    for (const std::string& pattern :
         {std::string(kAdmin) + "/kien-nghi/" + id, std::string(kAdmin) + "/vu-viec/" + id,
          std::string(kAdmin) + "/hoi-nghi/" + id, std::string(kApi) + "/conferences/" + id,
          std::string(kApi) + "/petitions/" + id}) {
      SCOPED_TRACE(pattern);
      ++n;
      HttpReply r = Bearer("GET", pattern, w.admin);
      EXPECT_TRUE(r.status == 400 || r.status == 404) << pattern << ": " << Status(r);
    }
  }
  // The public tracking API of another commune's code works (codes are
  // public) but never shows personal data: checked in petition_test; here the
  // staff API of the other commune under the right slug but a foreign code.
  ExpectServing("nhóm IDOR");
  std::printf("[hostile] IDOR: %d trường hợp\n", n);
}

// ---- 9. huge JSON nesting (its own server: a crash must not hide the rest) ----

class HostileNestingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The crashes below are expected (known bugs): an unsymbolized ASan
    // report keeps each one to a second instead of several.
    const char* asan = std::getenv("ASAN_OPTIONS");
    const std::string options = asan != nullptr && *asan != '\0' ? std::string(asan) + ":" : "";
    ::setenv("ASAN_OPTIONS", (options + "symbolize=0").c_str(), 1);
    db_ = test_db_.spec();
    CommandResult init = RunDoithoai({"init", "--db", db_, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    Start();
  }
  void Start() {
    server_ =
        std::make_unique<ServerProcess>(db_, std::vector<std::string>{"--public-rate-limit", "0"});
    ASSERT_GT(server_->port(), 0) << server_->Stderr();
    auto r = Request(server_->port(), "POST", "/api/v1/session", {{"Content-Type", kJsonType}},
                     R"({"username":"quantri","password":"doithoai-demo"})");
    ASSERT_TRUE(r.has_value() && r->status == 200);
    admin_ = json::parse(r->body)["token"].get<std::string>();
  }
  TempDir dir_;
  TestDb test_db_{dir_};
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  std::string admin_;
};

TEST_F(HostileNestingTest, DeepJsonIsRefusedWithoutCrashing) {
  struct Target {
    std::string path;
    std::string key;  // the member whose value is nested
    bool signed_in;
    const char* known_bug;
  };
  const std::vector<Target> targets = {
      {"/api/v1/session", "username", false, nullptr},
      {"/api/v1/session", "password", false, nullptr},
      {std::string(kApi) + "/petitions", "name", false, nullptr},
      {std::string(kApi) + "/petitions", "text", false, nullptr},
      {std::string(kApi) + "/villages", "name", true, nullptr},
      {std::string(kApi) + "/conferences/1/desk/speakers", "name", true, nullptr},
      {std::string(kApi) + "/conferences/1/desk/opinions", "text", true, nullptr},
  };
  struct Shape {
    std::string label;
    std::string open, close;
  };
  const std::vector<Shape> shapes = {{"mảng", "[", "]"}, {"đối tượng", "{\"a\":", "}"}};
  std::vector<std::string> bugs;
  int n = 0;
  for (const Target& t : targets) {
    for (const Shape& s : shapes) {
      for (int depth : {100, 3000, 30000}) {
        const std::string name =
            t.path + " " + t.key + " " + s.label + " sâu " + std::to_string(depth);
        SCOPED_TRACE(name);
        ++n;
        std::string nested;
        nested.reserve(static_cast<size_t>(depth) * (s.open.size() + s.close.size()) + 8);
        for (int i = 0; i < depth; ++i) nested += s.open;
        nested += "1";
        for (int i = 0; i < depth; ++i) nested += s.close;
        const std::string body = "{" + Quote(t.key) + ":" + nested + "}";
        const std::string before = Digest(db_);
        std::map<std::string, std::string> headers = {{"Content-Type", kJsonType}};
        if (t.signed_in) headers["Authorization"] = "Bearer " + admin_;
        auto r = Request(server_->port(), "POST", t.path, headers, body);
        std::string problem;
        bool crashed = false;
        if (!r.has_value()) {
          problem = "không có phản hồi";
          crashed = true;
        } else if (r->status < 400 || r->status > 499) {
          problem = Status(*r) + " " + r->body.substr(0, 200);
        }
        if (!crashed) {
          auto health = Request(server_->port(), "GET", "/healthz");
          crashed = !health.has_value() || Contains(server_->Stderr(), "AddressSanitizer");
          if (crashed) problem += " máy chủ chết";
        }
        if (crashed) {
          server_->WaitForExit(milliseconds(20000));
          if (Contains(server_->Stderr(), "stack-overflow")) problem += " (tràn ngăn xếp)";
        } else if (Digest(db_) != before) {
          problem += " (dữ liệu đã đổi)";
        }
        if (!problem.empty()) {
          if (t.known_bug == nullptr) {
            ADD_FAILURE() << name << ": " << problem;
          } else {
            bugs.push_back(name + " — " + t.known_bug + " (" + problem + ")");
          }
        }
        if (crashed) {
          Start();  // a fresh server for the next case
          if (server_ == nullptr || server_->port() <= 0) return;
        }
      }
    }
  }
  auto health = Request(server_->port(), "GET", "/healthz");
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->status, 200);
  std::printf("[hostile] JSON lồng sâu: %d trường hợp\n", n);
  if (!bugs.empty()) {
    std::string all;
    for (const std::string& b : bugs) all += "\n  " + b;
    GTEST_SKIP() << "BUG: " << bugs.size() << " trường hợp:" << all;
  }
}

}  // namespace
}  // namespace doithoai::testing
