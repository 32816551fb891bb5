// End to end through the real binary and HTTP (issue #5): a citizen's
// petition from the public form to a rated answer; the secrecy of a
// denouncer (CONF-01..04) checked against every output the test produces,
// the server's log and the database files; `doithoai petitions import`
// (all or nothing, each bad row named); the public intake rate limit; and
// bad input (oversized text, invalid UTF-8, forged tracking code, double
// submission).
#include <gtest/gtest.h>
#include <signal.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

// "HT-26-0042-K": the demo prefix, two digits, four digits, a check
// character from the look-alike-free alphabet (tracking_code.h).
bool IsCanonicalCode(const std::string& code) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (code.size() != 12 || code.compare(0, 3, "HT-") != 0 || code[5] != '-' || code[10] != '-') {
    return false;
  }
  for (int i : {3, 4, 6, 7, 8, 9}) {
    if (!digit(code[static_cast<size_t>(i)])) return false;
  }
  return std::string_view("0123456789ACDEFGHJKMNPQRTVWXY").find(code[11]) != std::string_view::npos;
}

namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kApi[] = "/api/v1/communes/hoang-truong";
constexpr char kStaff[] = "/quan-tri/hoang-truong/kien-nghi";
constexpr char kFormPath[] = "/x/hoang-truong/gui-kien-nghi";
constexpr char kFormType[] = "application/x-www-form-urlencoded";

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// HTML as a browser shows the text (the templates escape '/', quotes, '&').
std::string Unescape(std::string html) {
  const std::pair<const char*, const char*> kEntities[] = {
      {"&#x2F;", "/"}, {"&quot;", "\""}, {"&#39;", "'"},  {"&lt;", "<"},
      {"&gt;", ">"},   {"&#x3D;", "="},  {"&#x60;", "`"}, {"&amp;", "&"}};
  for (const auto& [entity, text] : kEntities) {
    const std::string e = entity;
    for (size_t at = html.find(e); at != std::string::npos; at = html.find(e, at)) {
      html.replace(at, e.size(), text);
      at += std::string(text).size();
    }
  }
  return html;
}

// The text between `start` and the next `end` after it; "" when absent.

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The <option value> whose label is `label` in the <select> opened by `select_start`.
std::string OptionValue(const std::string& html, const std::string& select_start,
                        const std::string& label) {
  const std::string select = Between(html, select_start, "</select>");
  const size_t at = select.find(">" + label + "</option>");
  if (at == std::string::npos) return "";
  const size_t value = select.rfind("value=\"", at);
  if (value == std::string::npos) return "";
  return select.substr(value + 7, select.find('"', value + 7) - value - 7);
}

// The same code with another check character: a forged code (FB-01).
std::string ForgeCheck(const std::string& code) {
  std::string forged = code;
  forged.back() = forged.back() == 'K' ? 'M' : 'K';
  return forged;
}

int64_t CountAudit(const std::string& db, const std::string& action) {
  // `action` is a constant of these tests (no quote to escape).
  std::optional<std::string> count =
      QueryValue(db, "SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
  return count.has_value() ? std::stoll(*count) : -1;
}

class PetitionE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_db_.spec();
    CommandResult init = RunDoithoai({"init", "--db", db_, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  void Start(const std::vector<std::string>& extra = {}) {
    server_ = std::make_unique<ServerProcess>(db_, extra);
    ASSERT_GT(server_->port(), 0) << server_->Stderr();
    staff_ = Login("vanphong");
    ASSERT_FALSE(staff_.empty());
  }

  // SIGTERM, then wait: every access-log line is written and the WAL settled.
  void Stop() {
    ASSERT_EQ(::kill(server_->pid(), SIGTERM), 0);
    EXPECT_EQ(server_->WaitForExit(milliseconds(20000)), 0) << server_->Stderr();
  }

  std::string Login(const std::string& user) {
    HttpReply r =
        Send("POST", "/api/v1/session", "",
             R"({"username":")" + user + R"(","password":"doithoai-demo"})", "application/json");
    if (r.status != 200) return "";
    return json::parse(r.body)["token"];
  }

  HttpReply Send(const std::string& method, const std::string& path, const std::string& token,
                 const std::string& body = "", const std::string& content_type = "") {
    std::map<std::string, std::string> headers;
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    if (!content_type.empty()) headers["Content-Type"] = content_type;
    auto r = Request(server_->port(), method, path, headers, body);
    EXPECT_TRUE(r.has_value()) << method << " " << path;
    return r.value_or(HttpReply{});
  }
  HttpReply Get(const std::string& path, const std::string& token = "") {
    return Send("GET", path, token);
  }
  HttpReply PostForm(const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& fields,
                     const std::string& token = "") {
    return Send("POST", path, token, FormBody(fields), kFormType);
  }
  HttpReply PostJson(const std::string& path, const std::string& body) {
    return Send("POST", path, "", body, "application/json");
  }
  // A public JSON submission.
  HttpReply SubmitJson(const json& body) {
    return PostJson(std::string(kApi) + "/petitions", body.dump());
  }

  json StaffJson(const std::string& code) {
    HttpReply r = Get(std::string(kApi) + "/petitions/" + code, staff_);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body, nullptr, false);
  }
  json Search(const std::string& query) {
    HttpReply r = Get(std::string(kApi) + "/petitions?" + query, staff_);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body, nullptr, false);
  }
  int64_t Total() { return Search("per_page=1")["total"].get<int64_t>(); }

  std::string VillageId(const std::string& name) {
    HttpReply r = Get(std::string(kApi) + "/villages", staff_);
    EXPECT_EQ(r.status, 200) << r.body;
    const json body = json::parse(r.body);
    for (const json& v : body["villages"]) {
      if (v["name"] == name) return std::to_string(v["id"].get<int64_t>());
    }
    return "";
  }

  // The public form's token, read from the page as a browser would.
  std::string FormToken() {
    HttpReply form = Get(kFormPath);
    EXPECT_EQ(form.status, 200);
    return Between(form.body, "name=\"form_token\" value=\"", "\"");
  }

  // A workflow step on the petition page (Bearer: no CSRF field needed).
  void Step(int64_t id, const std::string& action,
            std::vector<std::pair<std::string, std::string>> fields) {
    fields.emplace_back("item", "1");
    HttpReply r =
        PostForm(std::string(kStaff) + "/" + std::to_string(id) + "/" + action, fields, staff_);
    EXPECT_EQ(r.status, 303) << action << ": " << Unescape(r.body).substr(0, 4000);
  }

  TempDir dir_;
  TestDb test_db_{dir_};
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  std::string staff_;
};

// ---- 1. the whole life of a petition ----

TEST_F(PetitionE2eTest, CitizenFormToRatedAnswerOverHttp) {
  Start();
  const std::string name = "Nguyễn Thị Hằng Nga";
  const std::string address = "Xóm Đông, ngõ 14";
  const std::string text =
      "Đường liên thôn từ Thôn 3 ra quốc lộ bị sụt lún nhiều chỗ, đề nghị xã sửa chữa trước mùa "
      "mưa.";
  const std::string answer =
      "UBND xã đã đưa tuyến đường vào kế hoạch duy tu, thi công trong quý I năm sau.";
  const std::string village = VillageId("Thôn 3");
  ASSERT_FALSE(village.empty());

  // The citizen: the public form (no account), then the receipt with the code.
  const std::string token = FormToken();
  ASSERT_FALSE(token.empty());
  HttpReply receipt = PostForm(kFormPath, {{"form_token", token},
                                           {"website", ""},
                                           {"name", name},
                                           {"phone", "0912 345 678"},
                                           {"village", village},
                                           {"address", address},
                                           {"text", text},
                                           {"class", ""}});
  ASSERT_EQ(receipt.status, 200) << receipt.body;
  const std::string code = Between(receipt.body, "id=\"ma-theo-doi\">", "<");
  ASSERT_TRUE(IsCanonicalCode(code)) << code;
  EXPECT_TRUE(Contains(Unescape(receipt.body), "/tra-cuu/" + code));

  // Staff find it by a diacritic-free query (SRCH-01).
  json found = Search("q=" + UrlEncode("duong lien thon sut lun"));
  ASSERT_TRUE(found.contains("items") && found.contains("total")) << found.dump();
  ASSERT_EQ(found["total"], 1) << found.dump();
  const json& row = found["items"][0];
  for (const char* key : {"code", "text", "field", "status", "deadline"}) {
    EXPECT_TRUE(row.contains(key)) << key;
  }
  EXPECT_EQ(row["code"], code);
  EXPECT_EQ(row["text"], text);
  EXPECT_EQ(row["field"], "");
  EXPECT_EQ(row["status"], "received");
  EXPECT_TRUE(row["deadline"].is_string());
  const int64_t id = row["id"].get<int64_t>();
  // The exact Vietnamese words find it too.
  EXPECT_EQ(Search("q=" + UrlEncode("đường liên thôn"))["items"][0]["code"], code);

  // Classify (with the version the page shows), assign, start, answer, notify.
  json staff = StaffJson(code);
  EXPECT_EQ(staff["name"], name);
  EXPECT_EQ(staff["phone"], "0912345678");
  Step(id, "phan-loai",
       {{"class", "proposal"},
        {"field", "xay-dung-giao-thong-thuy-loi"},
        {"version", std::to_string(staff["version"].get<int64_t>())}});
  staff = StaffJson(code);
  EXPECT_EQ(staff["items"][0]["status"], "classified");
  EXPECT_EQ(staff["items"][0]["field"], "xay-dung-giao-thong-thuy-loi");
  EXPECT_TRUE(staff["items"][0]["class_confirmed"].get<bool>());

  HttpReply page = Get(std::string(kStaff) + "/" + std::to_string(id), staff_);
  ASSERT_EQ(page.status, 200);
  const std::string unit =
      OptionValue(page.body, "<select id=\"a-unit-1\" name=\"unit\"", "Địa chính – Xây dựng");
  ASSERT_FALSE(unit.empty()) << page.body;
  Step(id, "giao",
       {{"unit", unit}, {"version", std::to_string(StaffJson(code)["version"].get<int64_t>())}});
  staff = StaffJson(code);
  EXPECT_EQ(staff["items"][0]["status"], "assigned");
  EXPECT_EQ(staff["items"][0]["unit"], "Địa chính – Xây dựng");
  EXPECT_TRUE(staff["items"][0]["deadline"].is_string());
  Step(id, "bat-dau", {});
  EXPECT_EQ(StaffJson(code)["items"][0]["status"], "in_progress");
  Step(id, "tra-loi", {{"text", answer}, {"publish", "1"}});
  staff = StaffJson(code);
  EXPECT_EQ(staff["items"][0]["status"], "answered");
  EXPECT_TRUE(staff["items"][0]["answer"]["published"].get<bool>());
  Step(id, "da-thong-bao", {});
  EXPECT_EQ(StaffJson(code)["items"][0]["status"], "notified");

  // The citizen tracks it by code: status, unit and the published answer,
  // never the submitter's personal data (nor the text without the phone).
  HttpReply tracked = Get("/tra-cuu/" + code);
  ASSERT_EQ(tracked.status, 200);
  const std::string shown = Unescape(tracked.body);
  EXPECT_TRUE(Contains(shown, "Tình trạng: <strong>Đã thông báo công dân</strong>")) << shown;
  EXPECT_TRUE(Contains(shown, "Địa chính – Xây dựng"));
  EXPECT_TRUE(Contains(shown, answer));
  for (const std::string& secret :
       {name, address, std::string("0912345678"), std::string("0912 345 678"), text}) {
    EXPECT_FALSE(Contains(shown, secret)) << secret;
  }
  HttpReply api_view = Get("/api/v1/petitions/" + code);
  ASSERT_EQ(api_view.status, 200);
  json pub = json::parse(api_view.body);
  EXPECT_EQ(pub["status"], "Đã thông báo công dân");
  EXPECT_EQ(pub["items"][0]["answer"]["text"], answer);
  EXPECT_FALSE(pub.contains("name") || pub.contains("phone") || pub.contains("address"));
  EXPECT_FALSE(Contains(api_view.body, name) || Contains(api_view.body, "0912345678"));

  // The public list of published answers shows the question and the answer.
  HttpReply answers = Get("/x/hoang-truong/tra-loi");
  ASSERT_EQ(answers.status, 200);
  EXPECT_TRUE(Contains(Unescape(answers.body), answer));
  EXPECT_TRUE(Contains(answers.body, code));
  EXPECT_FALSE(Contains(answers.body, name) || Contains(answers.body, address));

  // With the phone used (typed differently): the detail and the rating form.
  HttpReply wrong = PostForm("/tra-cuu/" + code, {{"phone", "0912 000 000"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_FALSE(Contains(Unescape(wrong.body), text));
  HttpReply detail = PostForm("/tra-cuu/" + code, {{"phone", "+84 912.345.678"}});
  ASSERT_EQ(detail.status, 200) << detail.body;
  const std::string detail_text = Unescape(detail.body);
  EXPECT_TRUE(Contains(detail_text, text));
  EXPECT_TRUE(Contains(detail_text, "/tra-cuu/" + code + "/danh-gia"));
  EXPECT_FALSE(Contains(detail_text, name) || Contains(detail_text, address));

  // "Not satisfied" reopens the item (the default commune setting).
  HttpReply rated =
      PostForm("/tra-cuu/" + code + "/danh-gia", {{"phone", "0912345678"},
                                                  {"item", "1"},
                                                  {"satisfied", "0"},
                                                  {"comment", "Mới hứa, chưa thấy làm."}});
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_TRUE(Contains(rated.body, "Cảm ơn bạn đã đánh giá"));
  staff = StaffJson(code);
  EXPECT_EQ(staff["status"], "reopened");
  EXPECT_EQ(staff["items"][0]["status"], "reopened");
  EXPECT_FALSE(staff["items"][0]["rating"]["satisfied"].get<bool>());
  EXPECT_EQ(staff["items"][0]["rating"]["comment"], "Mới hứa, chưa thấy làm.");
  HttpReply staff_page = Get(std::string(kStaff) + "/" + std::to_string(id), staff_);
  EXPECT_TRUE(Contains(staff_page.body, "Mở lại"));
  EXPECT_TRUE(Contains(staff_page.body, "Công dân đánh giá câu trả lời"));
  // Rated once only.
  HttpReply again = PostForm("/tra-cuu/" + code + "/danh-gia",
                             {{"phone", "0912345678"}, {"item", "1"}, {"satisfied", "1"}});
  EXPECT_NE(again.status, 200);
}

// ---- 2. confidentiality of a denouncer (CONF-01..04) ----

TEST_F(PetitionE2eTest, DenouncerIdentityAppearsOnlyInTheAuditedHandlerView) {
  Start();
  // Searched as typed, and the long ones also in any letter case (a folded
  // search column would hold "markerten"). Short markers are not searched
  // case-insensitively: random tokens and hashes in pages and files could
  // hold "qqwv" by chance.
  const std::vector<std::string> markers = {"Markerten", "Zzyxq", "Markerdiachi", "Qqwv 77"};
  const std::vector<std::string> folded_markers = {"markerten", "markerdiachi"};
  const std::string phone = "0977123457";
  std::vector<std::pair<std::string, std::string>> outputs;  // label → bytes
  auto keep = [&](const std::string& label, const HttpReply& r) {
    outputs.emplace_back(label, r.body);
    for (const auto& [k, v] : r.headers) outputs.back().second += "\n" + k + ": " + v;
  };

  HttpReply created = SubmitJson({{"name", "Markerten Zzyxq"},
                                  {"phone", phone},
                                  {"village", "Thôn 2"},
                                  {"address", "Markerdiachi Qqwv 77"},
                                  {"text",
                                   "Cán bộ địa chính thu tiền trái phép khi cấp giấy "
                                   "chứng nhận quyền sử dụng đất."},
                                  {"class", "denunciation"}});
  ASSERT_EQ(created.status, 201) << created.body;
  keep("201 của API", created);
  const std::string code = json::parse(created.body)["code"];

  // Staff handle it (classify, assign, answer with "publish") as a handler would.
  json staff = StaffJson(code);
  keep("API cán bộ: một đơn", Get(std::string(kApi) + "/petitions/" + code, staff_));
  EXPECT_TRUE(staff["sealed"].get<bool>());
  EXPECT_EQ(staff["name"], "Người tố cáo " + code);
  EXPECT_FALSE(staff.contains("phone") || staff.contains("address"));
  const int64_t id = staff["id"].get<int64_t>();
  const std::string petition_path = std::string(kStaff) + "/" + std::to_string(id);
  Step(id, "phan-loai", {{"class", "denunciation"}, {"field", "to-chuc-can-bo-chinh-quyen"}});
  Step(id, "giao", {{"unit", "1"}});
  // A tố cáo answer is never published (CONF-02): "publish" is refused, nothing changes.
  HttpReply publish = PostForm(
      petition_path + "/tra-loi",
      {{"item", "1"}, {"text", "Đã xác minh, xử lý kỷ luật cán bộ vi phạm."}, {"publish", "1"}},
      staff_);
  EXPECT_EQ(publish.status, 400);
  EXPECT_TRUE(Contains(publish.body, "Không công khai trả lời đơn tố cáo")) << publish.body;
  EXPECT_EQ(StaffJson(code)["items"][0]["status"], "assigned");
  keep("trả lời công khai bị từ chối", publish);
  Step(id, "tra-loi", {{"text", "Đã xác minh, xử lý kỷ luật cán bộ vi phạm."}});
  EXPECT_EQ(StaffJson(code)["items"][0]["status"], "answered");

  // Every public output.
  keep("tra cứu công khai", Get("/tra-cuu/" + code));
  HttpReply detail = PostForm("/tra-cuu/" + code, {{"phone", phone}});
  EXPECT_EQ(detail.status, 200);
  keep("tra cứu chi tiết", detail);
  keep("API công khai", Get("/api/v1/petitions/" + code));
  HttpReply answers = Get("/x/hoang-truong/tra-loi");
  EXPECT_EQ(answers.status, 200);
  EXPECT_FALSE(Contains(answers.body, code));  // tố cáo items are never listed
  keep("trả lời công khai", answers);

  // Every staff output for office staff (no denunciation-handler grant).
  json list = Search("per_page=200");
  bool listed = false;
  for (const json& item : list["items"]) {
    if (item["code"] == code) {
      listed = true;
      EXPECT_EQ(item["name"], "Người tố cáo " + code);
      EXPECT_EQ(item["village"], "");
    }
  }
  EXPECT_TRUE(listed);
  keep("API cán bộ: danh sách", Get(std::string(kApi) + "/petitions?per_page=200", staff_));
  for (const std::string& m : markers) {
    json by_name = Search("q=" + UrlEncode(m));
    EXPECT_EQ(by_name["total"], 0) << m;  // identity is not searchable
    keep("API tìm " + m, Get(std::string(kApi) + "/petitions?q=" + UrlEncode(m), staff_));
  }
  EXPECT_EQ(Search("q=" + UrlEncode("trai phep"))["items"][0]["code"], code);
  HttpReply list_page = Get(kStaff, staff_);
  EXPECT_EQ(list_page.status, 200);
  EXPECT_TRUE(Contains(list_page.body, code));
  keep("trang danh sách", list_page);
  // The list page echoes the query in its search box: only check it found nothing.
  HttpReply by_name_page = Get(std::string(kStaff) + "?q=Markerten", staff_);
  EXPECT_EQ(by_name_page.status, 200);
  EXPECT_FALSE(Contains(by_name_page.body, code));
  keep("bảng", Get(std::string(kStaff) + "/bang", staff_));
  HttpReply show = Get(petition_path, staff_);
  EXPECT_EQ(show.status, 200);
  EXPECT_TRUE(Contains(show.body, "Người tố cáo " + code));
  keep("trang đơn (văn phòng)", show);
  HttpReply refused = Send("POST", petition_path + "/danh-tinh", staff_);
  EXPECT_EQ(refused.status, 403);
  keep("đọc danh tính bị từ chối", refused);

  // The XLSX export: raw bytes and the unzipped XML.
  HttpReply xlsx = Get(std::string(kStaff) + "/xuat.xlsx", staff_);
  ASSERT_EQ(xlsx.status, 200);
  ASSERT_EQ(xlsx.body.substr(0, 2), "PK");
  const std::string xlsx_path = dir_.path() + "/xuat.xlsx";
  WriteBytes(xlsx_path, xlsx.body);
  const std::string xml = Shell("unzip -p '" + xlsx_path + "'");
  EXPECT_TRUE(Contains(xml, code)) << "the export holds the petition";
  EXPECT_TRUE(Contains(xml, "Người tố cáo " + code));
  keep("xlsx", xlsx);
  outputs.emplace_back("xlsx giải nén", xml);

  // The handler's ordinary views (no identity read yet) and the audit log.
  const std::string chairman = Login("chutich");
  ASSERT_FALSE(chairman.empty());
  HttpReply handler_page = Get(petition_path, chairman);
  EXPECT_TRUE(Contains(handler_page.body, "/danh-tinh"));  // the button to read it
  keep("trang đơn (chủ tịch)", handler_page);
  keep("nhật ký", Get("/quan-tri/hoang-truong/nhat-ky", chairman));
  CommandResult verify = RunDoithoai({"audit", "verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  outputs.emplace_back("audit verify", verify.out + verify.err);

  auto check_files = [&](const std::string& when) {
    if (OnPostgres()) {
      // Every row of every table, as text (the server's files are not ours
      // to read).
      for (const char* table : {"petitions", "petition_search", "audit_log", "outbox_messages",
                                "jobs", "conferences", "conference_documents"}) {
        outputs.emplace_back(
            when + ": " + table,
            QueryValue(db_, std::string("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM ") +
                                table + " t")
                .value_or("(lỗi)"));
      }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
      const std::string path = db_ + suffix;
      if (fs::exists(path)) outputs.emplace_back(when + ": " + path, ReadBytes(path));
    }
    const std::string files = test_db_.Sidecar(".files");
    if (fs::exists(files)) {
      for (const auto& e : fs::recursive_directory_iterator(files)) {
        if (e.is_regular_file())
          outputs.emplace_back(when + ": " + e.path().string(), ReadBytes(e.path().string()));
      }
    }
  };
  check_files("trước khi đọc danh tính");
  EXPECT_EQ(CountAudit(db_, "petition.read_identity"), 0);

  // The audited read by the denunciation handler: the only place it shows.
  HttpReply identity = Send("POST", petition_path + "/danh-tinh", chairman);
  ASSERT_EQ(identity.status, 200) << identity.body;
  for (const std::string& m : markers) EXPECT_TRUE(Contains(identity.body, m)) << m;
  EXPECT_TRUE(Contains(identity.body, phone));
  EXPECT_TRUE(Contains(identity.Header("cache-control"), "no-store"));
  EXPECT_EQ(CountAudit(db_, "petition.read_identity"), 1);
  HttpReply audit_page = Get("/quan-tri/hoang-truong/nhat-ky", chairman);
  EXPECT_TRUE(Contains(audit_page.body, "petition.read_identity"));
  keep("nhật ký sau khi đọc", audit_page);
  keep("trang đơn (chủ tịch) sau khi đọc", Get(petition_path, chairman));
  keep("danh sách sau khi đọc", Get(kStaff, chairman));
  check_files("sau khi đọc danh tính");

  Stop();
  outputs.emplace_back("stderr của máy chủ", server_->Stderr());
  EXPECT_TRUE(Contains(server_->Stderr(), "/danh-tinh"));  // the access log was captured
  check_files("sau khi dừng máy chủ");

  for (const auto& [label, bytes] : outputs) {
    for (const std::string& m : markers) {
      EXPECT_FALSE(Contains(bytes, m)) << "«" << m << "» lộ trong: " << label;
    }
    const std::string lower = Lower(bytes);
    for (const std::string& m : folded_markers) {
      EXPECT_FALSE(Contains(lower, m)) << "«" << m << "» lộ trong: " << label;
    }
    // The phone only in the citizen's own detail view (echoed for the rating form).
    if (label != "tra cứu chi tiết") {
      EXPECT_FALSE(Contains(bytes, phone)) << "số điện thoại lộ trong: " << label;
    }
  }
}

// ---- 3. import of a village head's list ----

class PetitionImportTest : public PetitionE2eTest {
 protected:
  CommandResult Import(const std::string& path) {
    return RunDoithoai({"petitions", "import", "--db", db_, "--commune", "hoang-truong", path});
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_.path() + "/" + name;
    WriteBytes(path, bytes);
    return path;
  }
  // A minimal one-sheet .xlsx of inline strings, zipped with the zip tool.
  std::string WriteXlsx(const std::string& name,
                        const std::vector<std::vector<std::string>>& rows) {
    const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::string data;
    for (size_t r = 0; r < rows.size(); ++r) {
      data += "<row r=\"" + std::to_string(r + 1) + "\">";
      for (size_t c = 0; c < rows[r].size(); ++c) {
        data += "<c r=\"" + std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1) +
                "\" t=\"inlineStr\"><is><t>" + rows[r][c] + "</t></is></c>";
      }
      data += "</row>";
    }
    const std::string parts = dir_.path() + "/" + name + ".d";
    WriteBytes(parts + "/[Content_Types].xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
               "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
    WriteBytes(parts + "/xl/workbook.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns +
                   "\" xmlns:r=\"" + rel +
                   "\"><sheets><sheet name=\"Thôn 4\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                   "</workbook>");
    WriteBytes(parts + "/xl/_rels/workbook.xml.rels",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
               "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"" +
                   rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    WriteBytes(parts + "/xl/worksheets/sheet1.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns +
                   "\"><sheetData>" + data + "</sheetData></worksheet>");
    const std::string path = dir_.path() + "/" + name;
    Shell("cd '" + parts + "' && zip -q -X -r '" + path + "' . 2>&1");
    return path;
  }
};

constexpr char kHeader[] = "name,phone,village,address,text,channel,field\n";

TEST_F(PetitionImportTest, GoodCsvImportsEveryRowWithCodes) {
  Start();
  const int64_t before = Total();
  const std::string path =
      Write("tot.csv", std::string(kHeader) +
                           "Lê Văn Một,0912000001,Thôn 1,Xóm Trại,Mương tiêu nước bị lấp,"
                           "truong thon,\n"
                           "Phạm Thị Hai,0912 000 002,thon 2,Xóm Giữa,Thiếu đèn chiếu sáng ngõ "
                           "xóm,walk_in,xay-dung-giao-thong-thuy-loi\n"
                           "\"Trần Văn Ba\",,Thôn 3,\"Xóm Chùa, cạnh đình\",\"Trạm y tế thiếu "
                           "thuốc, đề nghị bổ sung\",đơn thư,văn hóa – giáo dục – y tế\n");
  CommandResult r = Import(path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Đã nhập 3 đơn", 0), 0u) << r.out;
  // "Đã nhập 3 đơn: HT-…, HT-…, HT-…"
  std::vector<std::string> codes;
  for (size_t at = r.out.find("HT-"); at != std::string::npos; at = r.out.find("HT-", at + 1)) {
    if (IsCanonicalCode(r.out.substr(at, 12))) codes.push_back(r.out.substr(at, 12));
  }
  ASSERT_EQ(codes.size(), 3u) << r.out;
  EXPECT_EQ(Total(), before + 3);
  json third = StaffJson(codes[2]);
  EXPECT_EQ(third["channel"], "letter");
  EXPECT_EQ(third["address"], "Xóm Chùa, cạnh đình");
  EXPECT_EQ(third["items"][0]["field"], "van-hoa-giao-duc-y-te");
  EXPECT_EQ(StaffJson(codes[1])["village"], "Thôn 2");
  EXPECT_EQ(StaffJson(codes[0])["channel"], "village_head");
  EXPECT_EQ(Search("q=" + UrlEncode("muong tieu"))["items"][0]["code"], codes[0]);
}

TEST_F(PetitionImportTest, BadRowsImportNothingAndEachIsNamedWithItsReason) {
  Start();
  const int64_t before = Total();
  const std::string path =
      Write("loi.csv", std::string(kHeader) +
                           "Lê Văn Một,0912000001,Thôn 1,Xóm Trại,,truong thon,\n"
                           "Phạm Thị Hai,12345,Thôn 2,Xóm Giữa,Thiếu đèn,walk_in,\n"
                           "Trần Văn Ba,0912000003,Thôn 99,Xóm Chùa,Trạm y tế thiếu thuốc,don,\n"
                           "Đỗ Thị Năm,0912000005,Thôn 5,Xóm Bãi,Hợp lệ hoàn toàn,don,\n");
  CommandResult r = Import(path);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("Lỗi: Không nhập đơn nào", 0), 0u) << r.err;
  EXPECT_TRUE(Contains(r.err, "dòng 2: Vui lòng nhập nội dung")) << r.err;
  EXPECT_TRUE(Contains(r.err, "dòng 3: Số điện thoại không hợp lệ")) << r.err;
  EXPECT_TRUE(Contains(r.err, "dòng 4: Thôn không thuộc xã này")) << r.err;
  EXPECT_FALSE(Contains(r.err, "dòng 5")) << r.err;  // the good row is not blamed
  EXPECT_EQ(Total(), before);
  EXPECT_EQ(Search("q=" + UrlEncode("hop le hoan toan"))["total"], 0);

  // A bad channel word is a bad row too; nothing is stored either.
  const std::string channel =
      Write("kenh.csv", std::string(kHeader) +
                            "Lê Văn Một,0912000001,Thôn 1,Xóm Trại,Mương bị lấp,bồ câu,\n"
                            "Đỗ Thị Năm,0912000005,Thôn 5,Xóm Bãi,Hợp lệ hoàn toàn,don,\n");
  CommandResult bad_channel = Import(channel);
  EXPECT_EQ(bad_channel.exit_code, 1);
  EXPECT_TRUE(Contains(bad_channel.err, "dòng 2")) << bad_channel.err;
  EXPECT_TRUE(Contains(bad_channel.err, "kênh tiếp nhận không hợp lệ")) << bad_channel.err;
  EXPECT_FALSE(Contains(bad_channel.err, "dòng 3")) << bad_channel.err;
  EXPECT_EQ(Total(), before);
}

// A structural problem of one row (the channel of row 5) does not hide the
// content problems of the others: every bad row is named once, in order.
TEST_F(PetitionImportTest, MixedBadRowsAreAllNamedAtOnce) {
  Start();
  const int64_t before = Total();
  const std::string path =
      Write("tron.csv", std::string(kHeader) +
                            "Lê Văn Một,0912000001,Thôn 1,Xóm Trại,,truong thon,\n"
                            "Phạm Thị Hai,12345,Thôn 2,Xóm Giữa,Thiếu đèn,walk_in,\n"
                            "Trần Văn Ba,0912000003,Thôn 99,Xóm Chùa,Trạm y tế thiếu thuốc,don,\n"
                            "Hoàng Văn Bốn,0912000004,Thôn 4,Xóm Bến,Chợ họp lấn đường,bồ câu,\n");
  CommandResult r = Import(path);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "dòng 2: Vui lòng nhập nội dung")) << r.err;
  EXPECT_TRUE(Contains(r.err, "dòng 3: Số điện thoại không hợp lệ")) << r.err;
  EXPECT_TRUE(Contains(r.err, "dòng 4: Thôn không thuộc xã này")) << r.err;
  EXPECT_TRUE(Contains(r.err, "dòng 5: kênh tiếp nhận không hợp lệ")) << r.err;
  EXPECT_EQ(Total(), before);
}

TEST_F(PetitionImportTest, XlsxListImportsAndABadXlsxRowImportsNothing) {
  ASSERT_FALSE(Shell("command -v zip").empty()) << "the zip tool builds the test workbook";
  Start();
  const int64_t before = Total();
  const std::vector<std::string> header = {"Họ tên",   "Điện thoại", "Thôn",    "Địa chỉ",
                                           "Nội dung", "Kênh",       "Lĩnh vực"};
  const std::string good =
      WriteXlsx("tot.xlsx", {header,
                             {"Vũ Văn Sáu", "0912000006", "Thôn 4", "Xóm Bến",
                              "Cống thoát nước bị vỡ", "trưởng thôn", ""},
                             {"Ngô Thị Bảy", "0912000007", "Thôn 4", "Xóm Bến",
                              "Đề nghị mở lớp học nghề", "", "kinh tế – sản xuất – nông nghiệp"}});
  CommandResult r = Import(good);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Đã nhập 2 đơn", 0), 0u) << r.out;
  EXPECT_EQ(Total(), before + 2);
  EXPECT_EQ(Search("q=" + UrlEncode("cong thoat nuoc"))["total"], 1);

  const std::string bad =
      WriteXlsx("loi.xlsx", {header,
                             {"Vũ Văn Tám", "0912000008", "Thôn 4", "Xóm Bến", "Hợp lệ", "", ""},
                             {"Ngô Thị Chín", "0912", "Thôn 4", "Xóm Bến", "Sai số máy", "", ""}});
  CommandResult refused = Import(bad);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(Contains(refused.err, "dòng 3: Số điện thoại không hợp lệ")) << refused.err;
  EXPECT_EQ(Total(), before + 2);
}

// ---- 4. the public intake rate limit ----

TEST_F(PetitionE2eTest, PublicRateLimitRefusesTheThirdSubmissionAndZeroTurnsItOff) {
  Start({"--public-rate-limit", "2"});
  const int64_t before = Total();
  auto submit = [&](int n) {
    return SubmitJson({{"name", "Người gửi " + std::to_string(n)},
                       {"phone", "0912100" + std::to_string(100 + n)},
                       {"village", "Thôn 6"},
                       {"address", "Xóm Mới"},
                       {"text", "Kiến nghị số " + std::to_string(n) + " về rác thải"}});
  };
  // The limiter counts per calendar minute; five posts span at most one
  // minute boundary, so the first two always pass and some later one is
  // refused — the third, unless a new minute began in between.
  const auto minute = [] {
    return std::chrono::duration_cast<std::chrono::minutes>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const auto first_minute = minute();
  std::vector<HttpReply> replies;
  for (int n = 0; n < 3; ++n) replies.push_back(submit(n));
  const bool same_minute = minute() == first_minute;
  for (int n = 3; n < 5; ++n) replies.push_back(submit(n));
  EXPECT_EQ(replies[0].status, 201);
  EXPECT_EQ(replies[1].status, 201);
  if (same_minute) {
    EXPECT_EQ(replies[2].status, 429) << replies[2].body;
  }
  int accepted = 0;
  int refused = 0;
  for (const HttpReply& r : replies) {
    if (r.status == 201) ++accepted;
    if (r.status != 429) continue;
    ++refused;
    const json error = json::parse(r.body)["error"];
    EXPECT_TRUE(Contains(error["message"].get<std::string>(), "quá nhiều lần")) << r.body;
  }
  EXPECT_GE(refused, 1);
  EXPECT_EQ(accepted + refused, 5);
  EXPECT_EQ(Total(), before + accepted);  // a refused post stores nothing
  Stop();

  Start({"--public-rate-limit", "0"});
  const int64_t middle = Total();
  for (int n = 10; n < 30; ++n) {
    HttpReply r = submit(n);
    EXPECT_EQ(r.status, 201) << n << ": " << r.body;
  }
  EXPECT_EQ(Total(), middle + 20);
}

// ---- 5. bad input over HTTP ----

TEST_F(PetitionE2eTest, BadInputIsRefusedClearlyAndStoresNothing) {
  Start({"--public-rate-limit", "0"});
  const int64_t before = Total();
  const json valid = {{"name", "Bùi Văn Mười"},
                      {"phone", "0912345000"},
                      {"village", "Thôn 7"},
                      {"address", "Xóm Cầu"},
                      {"text", "Cầu tràn qua kênh bị nứt."}};

  // 100 KB of text: over the limit, through the API and through the form.
  json huge = valid;
  huge["text"] = std::string(100 * 1024, 'a');
  HttpReply big = SubmitJson(huge);
  EXPECT_EQ(big.status, 400);
  EXPECT_TRUE(Contains(big.body, "quá lớn")) << big.body.substr(0, 400);
  HttpReply big_form = PostForm(kFormPath, {{"form_token", FormToken()},
                                            {"name", "Bùi Văn Mười"},
                                            {"phone", "0912345000"},
                                            {"village", "khac"},
                                            {"address", "Xóm Cầu"},
                                            {"text", std::string(100 * 1024, 'a')}});
  EXPECT_EQ(big_form.status, 400);
  EXPECT_TRUE(Contains(big_form.body, "id=\"pf-text-loi\"")) << "the text input shows the error";

  // Invalid UTF-8 inside a JSON string.
  const std::string bad_utf8 =
      R"({"name":"Bùi Văn Mười","phone":"0912345000","village":"Thôn 7","address":"Xóm Cầu",)"
      "\"text\":\"C\xff\xfe u\"}";
  HttpReply utf8 = PostJson(std::string(kApi) + "/petitions", bad_utf8);
  EXPECT_EQ(utf8.status, 400);
  EXPECT_TRUE(Contains(utf8.body, "UTF-8")) << utf8.body;
  HttpReply utf8_form =
      Send("POST", kFormPath, "",
           "form_token=" + FormToken() +
               "&name=A%20B&phone=0912345000&village=khac&address=X&text=C%FF%FEu",
           kFormType);
  EXPECT_EQ(utf8_form.status, 400);
  EXPECT_TRUE(Contains(utf8_form.body, "UTF-8")) << utf8_form.body;

  // Field errors: empty text and a bad phone, both reported at once.
  json fields_bad = valid;
  fields_bad["text"] = "   ";
  fields_bad["phone"] = "12345";
  HttpReply several = SubmitJson(fields_bad);
  EXPECT_EQ(several.status, 400);
  std::set<std::string> named;
  const json several_body = json::parse(several.body);
  for (const json& f : several_body["error"]["fields"]) named.insert(f["field"]);
  EXPECT_TRUE(named.count("text") && named.count("phone")) << several.body;
  EXPECT_EQ(Total(), before);

  // Double submission with one form token: one petition, the same code.
  const std::string token = FormToken();
  const std::vector<std::pair<std::string, std::string>> form = {
      {"form_token", token}, {"name", "Bùi Văn Mười"}, {"phone", "0912345000"},
      {"village", "khac"},   {"address", "Xóm Cầu"},   {"text", "Cầu tràn qua kênh bị nứt."},
  };
  HttpReply first = PostForm(kFormPath, form);
  HttpReply second = PostForm(kFormPath, form);
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(second.status, 200);
  const std::string code = Between(first.body, "id=\"ma-theo-doi\">", "<");
  ASSERT_FALSE(code.empty());
  EXPECT_EQ(Between(second.body, "id=\"ma-theo-doi\">", "<"), code);
  EXPECT_TRUE(Contains(second.body, "đã được gửi trước đó"));
  EXPECT_EQ(Total(), before + 1);
  json once = valid;
  once["form_token"] = "api-token-1";
  HttpReply api_first = SubmitJson(once);
  HttpReply api_second = SubmitJson(once);
  EXPECT_EQ(api_first.status, 201);
  EXPECT_EQ(api_second.status, 200);
  EXPECT_EQ(json::parse(api_first.body)["code"], json::parse(api_second.body)["code"]);
  EXPECT_EQ(Total(), before + 2);

  // A forged check character is refused, not looked up.
  const std::string forged = ForgeCheck(code);
  HttpReply api_forged = Get("/api/v1/petitions/" + forged);
  EXPECT_EQ(api_forged.status, 400) << api_forged.body;
  EXPECT_TRUE(Contains(json::parse(api_forged.body)["error"]["message"].get<std::string>(),
                       "ký tự kiểm tra"))
      << api_forged.body;
  EXPECT_EQ(Get("/tra-cuu/" + forged).status, 400);
  EXPECT_EQ(Get("/api/v1/petitions/" + code).status, 200);
}

}  // namespace
}  // namespace doithoai::testing
