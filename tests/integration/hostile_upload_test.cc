// Hostile uploads and slow clients over HTTP (issue #9 §4, the parts
// hostile_test.cc does not cover): multipart bodies with hostile file names,
// disguised and oversized attachments, malformed multipart framing, XLSX zip
// bombs sent to the roster import, and slowloris connections. Each case must
// get the right 4xx (or, for a valid request with a hostile file name, be
// stored with a clean name), leave the data as it was, and leave the server
// serving.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/import/xlsx_testing.h"
#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

using import::xlsx_testing::MakeZip;
using import::xlsx_testing::ZipPart;
using nlohmann::json;

constexpr char kFormPath[] = "/x/hoang-truong/gui-kien-nghi";
constexpr char kImportPath[] = "/quan-tri/hoang-truong/nhap-danh-sach";
constexpr char kApi[] = "/api/v1/communes/hoang-truong";
constexpr char kBoundary[] = "----doithoaiHostileBoundary7MA4YWxk";
constexpr unsigned kIdleSeconds = 2;

struct FilePart {
  std::string field;
  std::string filename;
  std::string type;
  std::string data;
};

// A multipart/form-data body of `fields` then `files`.
std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::vector<FilePart>& files) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
            "\"\r\n\r\n" + value + "\r\n";
  }
  for (const FilePart& f : files) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" +
            f.field + "\"; filename=\"" + f.filename + "\"\r\nContent-Type: " + f.type +
            "\r\n\r\n" + f.data + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

std::string MultipartType() { return std::string("multipart/form-data; boundary=") + kBoundary; }

// The smallest well-formed PNG a sniffer accepts: signature plus IHDR.
std::string TinyPng() {
  return std::string(
             "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
             33) +
         std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);
}

// Everything a refused request must leave alone.
std::string Digest(const std::string& db) {
  return QueryValue(db,
                    "SELECT (SELECT count(*) FROM petitions) || '|' || "
                    "(SELECT coalesce(sum(version), 0) FROM petitions) || '|' || "
                    "(SELECT count(*) FROM villages) || '|' || "
                    "(SELECT coalesce(sum(length(name)), 0) FROM villages) || '|' || "
                    "(SELECT count(*) FROM officials) || '|' || "
                    "(SELECT coalesce(sum(length(full_name)), 0) FROM officials) || '|' || "
                    "(SELECT count(*) FROM audit_log)")
      .value_or("(lỗi truy vấn)");
}

// Every regular file under `dir`, as paths relative to it.
std::vector<std::string> FilesUnder(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) out.push_back(std::filesystem::relative(it->path(), dir).string());
  }
  return out;
}

struct World {
  std::unique_ptr<TempDir> dir;
  std::unique_ptr<TestDb> test_db;
  std::string db;
  std::unique_ptr<ServerProcess> server;
  std::string staff;   // vanphong, Bearer
  std::string cookie;  // quantri's session cookie (form login)
  std::string csrf;    // its CSRF token
};

World* world = nullptr;

class HostileUploadTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world = new World;
    World& w = *world;
    w.dir = std::make_unique<TempDir>();
    w.test_db = std::make_unique<TestDb>(*w.dir);
    w.db = w.test_db->spec();
    CommandResult init = RunDoithoai({"init", "--db", w.db, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    w.server = std::make_unique<ServerProcess>(
        w.db, std::vector<std::string>{"--public-rate-limit", "0", "--idle-timeout",
                                       std::to_string(kIdleSeconds)});
    ASSERT_GT(w.server->port(), 0) << w.server->Stderr();
    const int port = w.server->port();
    auto api = Request(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                       R"({"username":"vanphong","password":"doithoai-demo"})");
    ASSERT_TRUE(api.has_value());
    ASSERT_EQ(api->status, 200) << api->body;
    w.staff = json::parse(api->body)["token"].get<std::string>();
    w.cookie = FormLogin(port, "quantri", "doithoai-demo");
    ASSERT_FALSE(w.cookie.empty());
    auto page =
        Request(port, "GET", "/quan-tri/hoang-truong", {{"Cookie", "dt_session=" + w.cookie}});
    ASSERT_TRUE(page.has_value());
    w.csrf = Between(page->body, "name=\"_csrf\" value=\"", "\"");
    ASSERT_FALSE(w.csrf.empty()) << page->body.substr(0, 1000);
  }

  static void TearDownTestSuite() {
    delete world;
    world = nullptr;
  }

  void SetUp() override { ASSERT_NE(world, nullptr); }

  int port() const { return world->server->port(); }
  const std::string& db() const { return world->db; }

  HttpReply Post(const std::string& path, const std::string& type, const std::string& body,
                 std::map<std::string, std::string> headers = {}) {
    headers["Content-Type"] = type;
    auto r = Request(port(), "POST", path, headers, body);
    EXPECT_TRUE(r.has_value()) << path;
    return r.value_or(HttpReply{});
  }

  std::string FormToken() {
    auto form = Request(port(), "GET", kFormPath);
    EXPECT_TRUE(form.has_value());
    return form.has_value() ? Between(form->body, "name=\"form_token\" value=\"", "\"") : "";
  }

  std::vector<std::pair<std::string, std::string>> PetitionFields() {
    return {{"form_token", FormToken()},
            {"website", ""},
            {"name", "Lê Văn Kiểm"},
            {"phone", "0912345678"},
            {"village", "khac"},
            {"address", "Xóm Đông"},
            {"text", "Đề nghị sửa đoạn đường bị sụt lún trước mùa mưa."}};
  }

  HttpReply Import(const std::string& filename, const std::string& data) {
    return Post(
        kImportPath, MultipartType(),
        Multipart({{"_csrf", world->csrf}}, {{"file", filename, "application/octet-stream", data}}),
        {{"Cookie", "dt_session=" + world->cookie}});
  }

  void ExpectServing(const std::string& after) {
    auto r = Request(port(), "GET", "/healthz");
    ASSERT_TRUE(r.has_value()) << "máy chủ không trả lời sau: " << after << "\n"
                               << world->server->Stderr().substr(0, 4000);
    EXPECT_EQ(r->status, 200) << after;
    const std::string log = world->server->Stderr();
    EXPECT_EQ(log.find("AddressSanitizer"), std::string::npos) << after << log.substr(0, 4000);
    EXPECT_EQ(log.find("runtime error:"), std::string::npos) << after << log.substr(0, 4000);
  }
};

// ---- hostile file names on the public form ----

// A valid submission whose attachment has a hostile name is stored with the
// last path segment only, without control characters, and nothing is written
// outside the attachment store.
TEST_F(HostileUploadTest, HostileFileNamesAreStoredCleanAndWriteNowhereElse) {
  const std::vector<std::string> before_files = FilesUnder(world->dir->path());
  const std::vector<std::pair<std::string, std::string>> names = {
      {"đi ngược thư mục", "../../../../etc/passwd.png"},
      {"đường dẫn tuyệt đối", "/etc/cron.d/x.png"},
      {"gạch chéo ngược Windows", "..\\..\\windows\\system32\\a.png"},
      {"byte NUL", std::string("anh\0.php.png", 12)},
      {"xuống dòng", "anh\r\nX-Injected: 1.png"},
      {"mã HTML", "<img src=x onerror=alert(1)>.png"},
      {"dấu nháy", "a\"; name=\"text.png"},
      {"tên 4 KB", std::string(4096, 'a') + ".png"},
      {"chỉ có dấu chấm", ".."},
      {"rỗng", ""},
  };
  int n = 0;
  for (const auto& [label, filename] : names) {
    SCOPED_TRACE(label);
    ++n;
    const int64_t petitions = CountRows(db(), "petitions");
    HttpReply r =
        Post(kFormPath, MultipartType(),
             Multipart(PetitionFields(), {{"attachments", filename, "image/png", TinyPng()}}));
    ASSERT_TRUE(r.status == 200 || r.status == 400) << label << ": HTTP " << r.status;
    if (r.status == 400) {
      EXPECT_EQ(CountRows(db(), "petitions"), petitions) << label;
      continue;
    }
    ASSERT_EQ(CountRows(db(), "petitions"), petitions + 1) << label;
    const std::string found =
        QueryValue(db(), "SELECT code FROM petitions ORDER BY id DESC LIMIT 1").value_or("");
    auto shown = Request(port(), "GET", std::string(kApi) + "/petitions/" + found,
                         {{"Authorization", "Bearer " + world->staff}});
    ASSERT_TRUE(shown.has_value());
    ASSERT_EQ(shown->status, 200) << shown->body.substr(0, 300);
    const json p = json::parse(shown->body, nullptr, false);
    ASSERT_FALSE(p.is_discarded());
    ASSERT_TRUE(p.contains("attachments")) << shown->body.substr(0, 300);
    ASSERT_EQ(p["attachments"].size(), 1u) << label;
    const std::string stored = p["attachments"][0].value("file_name", "");
    EXPECT_FALSE(stored.empty()) << label;
    EXPECT_EQ(stored.find('/'), std::string::npos) << label << ": " << stored;
    EXPECT_EQ(stored.find('\\'), std::string::npos) << label << ": " << stored;
    EXPECT_NE(stored, "..") << label;
    for (unsigned char c : stored) EXPECT_GE(c, 0x20) << label << ": ký tự điều khiển";
  }
  // Only the attachment store (and the database's own files) changed.
  for (const std::string& f : FilesUnder(world->dir->path())) {
    bool known = false;
    for (const std::string& b : before_files) known = known || b == f;
    if (known) continue;
    EXPECT_NE(f.find(".files"), std::string::npos) << "tệp mới ngoài kho đính kèm: " << f;
  }
  ExpectServing("tên tệp độc hại");
  std::printf("[hostile] tên tệp đính kèm: %d trường hợp\n", n);
}

// ---- disguised, oversized and too many attachments ----

TEST_F(HostileUploadTest, DisguisedOversizedAndTooManyAttachmentsAreRefused) {
  const std::string before = Digest(db());
  struct Case {
    std::string label;
    std::vector<FilePart> files;
    int lo = 400;
    int hi = 400;
  };
  const std::string html = "<html><script>alert(document.cookie)</script></html>";
  const std::vector<Case> cases = {
      {"HTML đội lốt .png", {{"attachments", "anh.png", "image/png", html}}},
      {"SVG có script",
       {{"attachments", "anh.svg", "image/svg+xml",
         "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"}}},
      {"tệp chạy Windows đội lốt .jpg",
       {{"attachments", "anh.jpg", "image/jpeg", std::string("MZ\x90\0\x03\0\0\0", 8) + "PE"}}},
      {"ELF đội lốt .pdf",
       {{"attachments", "don.pdf", "application/pdf",
         "\x7f"
         "ELF\x02\x01\x01"}}},
      {"PNG mang đuôi .pdf", {{"attachments", "don.pdf", "application/pdf", TinyPng()}}},
      {"tệp rỗng", {{"attachments", "anh.png", "image/png", ""}}},
      {"ảnh 6 MB (quá 5 MB)",
       {{"attachments", "anh.png", "image/png", TinyPng() + std::string(6 * 1024 * 1024, 'x')}},
       400,
       413},
      {"11 tệp",
       std::vector<FilePart>(11, FilePart{"attachments", "a.png", "image/png", TinyPng()}), 400,
       413},
  };
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    ++n;
    HttpReply r = Post(kFormPath, MultipartType(), Multipart(PetitionFields(), c.files));
    EXPECT_GE(r.status, c.lo) << c.label << ": " << r.body.substr(0, 300);
    EXPECT_LE(r.status, c.hi) << c.label << ": " << r.body.substr(0, 300);
    EXPECT_EQ(Digest(db()), before) << c.label;
  }
  ExpectServing("tệp đính kèm đội lốt");
  std::printf("[hostile] tệp đính kèm đội lốt / quá lớn: %d trường hợp\n", n);
}

// ---- malformed multipart framing ----

TEST_F(HostileUploadTest, MalformedMultipartBodiesGet400) {
  const std::string before = Digest(db());
  const std::string b = kBoundary;
  const std::string disposition = "Content-Disposition: form-data; name=\"text\"\r\n\r\n";
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "--" + b + "\r\n" + disposition + "x\r\n";
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> cases = {
      {"thiếu ranh giới kết thúc", {MultipartType(), "--" + b + "\r\n" + disposition + "abc"}},
      {"không có boundary trong Content-Type", {"multipart/form-data", "--" + b + "--\r\n"}},
      {"boundary rỗng", {"multipart/form-data; boundary=", "----\r\n"}},
      {"boundary 500 ký tự",
       {"multipart/form-data; boundary=" + std::string(500, 'b'), "--" + std::string(500, 'b')}},
      {"phần không có Content-Disposition",
       {MultipartType(), "--" + b + "\r\nX-A: b\r\n\r\nabc\r\n--" + b + "--\r\n"}},
      {"phần không có tên",
       {MultipartType(),
        "--" + b + "\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--" + b + "--\r\n"}},
      {"header phần không kết thúc",
       {MultipartType(), "--" + b + "\r\nContent-Disposition: form-data; name=\"a\""}},
      {"UTF-8 hỏng trong tên trường",
       {MultipartType(), "--" + b +
                             "\r\nContent-Disposition: form-data; name=\"\xff\xfe\"\r\n\r\n"
                             "x\r\n--" +
                             b + "--\r\n"}},
      {"20.000 phần", {MultipartType(), many + "--" + b + "--\r\n"}},
  };
  int n = 0;
  for (const auto& [label, request] : cases) {
    SCOPED_TRACE(label);
    ++n;
    HttpReply r = Post(kFormPath, request.first, request.second);
    EXPECT_GE(r.status, 400) << label << ": " << r.body.substr(0, 300);
    EXPECT_LE(r.status, 413) << label << ": " << r.body.substr(0, 300);
    EXPECT_EQ(Digest(db()), before) << label;
  }
  ExpectServing("multipart hỏng");
  std::printf("[hostile] multipart hỏng: %d trường hợp\n", n);
}

// ---- XLSX zip bombs and broken archives sent to the roster import ----

// Overwrites the 32-bit little-endian field at `offset` after every `signature`.
void PatchAfterEach(std::string& zip, const std::string& signature, size_t offset, uint32_t value) {
  for (size_t at = zip.find(signature); at != std::string::npos; at = zip.find(signature, at + 4)) {
    if (at + offset + 4 > zip.size()) break;
    for (int i = 0; i < 4; ++i) zip[at + offset + i] = static_cast<char>((value >> (8 * i)) & 0xff);
  }
}

TEST_F(HostileUploadTest, XlsxZipBombsAndBrokenArchivesAreRefused) {
  const std::string before = Digest(db());
  // A worksheet of 64 MiB that deflates about 1000:1.
  const std::string huge_sheet =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" +
      std::string(64 * 1024 * 1024, ' ') + "</t></is></c></row></sheetData></worksheet>";
  const std::string bomb = MakeZip({{"xl/worksheets/sheet1.xml", huge_sheet}});
  ASSERT_FALSE(bomb.empty());
  ASSERT_LT(bomb.size(), 1024u * 1024u) << "quả bom phải nhỏ khi nén";
  // The same bomb, its sizes in both headers rewritten to claim 100 bytes:
  // the reader must count what it inflates, not trust the header.
  std::string liar = bomb;
  PatchAfterEach(liar, std::string("PK\x03\x04", 4), 22, 100);  // local header: uncompressed size
  PatchAfterEach(liar, std::string("PK\x01\x02", 4), 24, 100);  // central directory
  std::vector<ZipPart> many;
  for (int i = 0; i < 10050; ++i) many.push_back({"x/" + std::to_string(i), "", true});
  const std::string many_entries = MakeZip(many);
  // Shared strings that expand every cell into a long text, 10,000 × 100 cells.
  std::string grid = "<worksheet><sheetData>";
  for (int row = 1; row <= 20; ++row) {
    grid += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) +
            "\" t=\"s\"><v>0</v></c></row>";
  }
  grid += "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>";
  const std::string far_cell = MakeZip({{"xl/worksheets/sheet1.xml", grid}});
  const std::string billion_laughs = MakeZip(
      {{"xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
        "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
        "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f "
        "\"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&g;&g;&g;"
        "</t></is></c></row></sheetData></worksheet>"}});
  const std::string external_entity =
      MakeZip({{"xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is>"
                "</c></row></sheetData></worksheet>"}});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"bom zip 64 MiB", bomb},
      {"bom zip khai kích thước giả", liar},
      {"10.050 tệp con", many_entries},
      {"ô ở XFD1048576", far_cell},
      {"billion laughs (thực thể XML lồng nhau)", billion_laughs},
      {"thực thể ngoài file:///etc/passwd", external_entity},
      {"zip cụt", bomb.substr(0, bomb.size() / 2)},
      {"không phải zip, đuôi .xlsx", "PK\x03\x04 rác rác rác"},
      {"tệp rỗng có tên", std::string()},
  };
  int n = 0;
  for (const auto& [label, data] : cases) {
    SCOPED_TRACE(label);
    ++n;
    HttpReply r = Import("danh-sach.xlsx", data);
    EXPECT_GE(r.status, 400) << label << ": " << r.body.substr(0, 300);
    EXPECT_LE(r.status, 413) << label << ": " << r.body.substr(0, 300);
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << label << ": lộ /etc/passwd";
    if (data == bomb || data == liar) {
      // Refused as a bomb (the archive reader's limit), not by luck.
      EXPECT_NE(r.body.find("khi giải nén"), std::string::npos)
          << label << ": " << r.body.substr(0, 2000);
    }
    EXPECT_EQ(Digest(db()), before) << label;
  }
  // The refusals above are refusals, not a broken import: a real roster still imports.
  const std::string csv = "Tên thôn\nThôn Hostile Mới\n";
  HttpReply ok = Import("thon.csv", csv);
  EXPECT_TRUE(ok.status == 303 || ok.status == 302) << ok.status << ": " << ok.body.substr(0, 400);
  EXPECT_EQ(QueryValue(db(), "SELECT count(*) FROM villages WHERE name = 'Thôn Hostile Mới'"),
            std::optional<std::string>("1"));
  ExpectServing("bom zip");
  std::printf("[hostile] bom zip / XLSX hỏng: %d trường hợp\n", n);
}

// ---- slowloris ----

// Many connections that send part of a header and then nothing hold no
// worker: a normal request is answered while they wait, and the server
// closes each of them at its idle timeout (`--idle-timeout`, here 2 s).
TEST_F(HostileUploadTest, SlowlorisConnectionsAreDroppedAndOthersServed) {
  constexpr int kSlow = 200;
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < kSlow; ++i) {
    auto c = std::make_unique<Connection>(port());
    ASSERT_TRUE(c->connected()) << i;
    ASSERT_TRUE(c->Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow-" + std::to_string(i) + ": "));
    slow.push_back(std::move(c));
  }
  // A body that trickles: headers done, 3 of 100 bytes sent.
  Connection trickle(port());
  ASSERT_TRUE(
      trickle.Send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: 100\r\n\r\n{\"u"));
  const auto start = std::chrono::steady_clock::now();
  auto r = Request(port(), "GET", "/x/hoang-truong");
  const auto served_ms =
      std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
  ASSERT_TRUE(r.has_value()) << "máy chủ không phục vụ khi có " << kSlow << " kết nối chậm";
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(served_ms.count(), 1000) << "yêu cầu thường phải chờ các kết nối chậm";
  // Each slow connection is closed at the idle timeout (with slack for a
  // sanitized build on 2 cores), without a reply that runs anything.
  int closed = 0;
  for (auto& c : slow) {
    if (c->WaitForClose(milliseconds(kIdleSeconds * 1000 + 8000))) ++closed;
  }
  EXPECT_EQ(closed, kSlow);
  EXPECT_TRUE(trickle.WaitForClose(milliseconds(kIdleSeconds * 1000 + 8000)));
  ExpectServing("slowloris");
  std::printf("[hostile] slowloris: %d kết nối chậm, trang thường sau %lld ms, %d bị đóng\n", kSlow,
              static_cast<long long>(served_ms.count()), closed);
}

}  // namespace
}  // namespace doithoai::testing
