// Result reports (issue #7 §6, DLG-13, domain.md §7 Bảng 2) over the
// assembled application: the summary JSON follows what was recorded, bad
// periods get Vietnamese field errors, the page, the DOCX, the PDF and the
// XLSX show the same Bảng 2 numbers as the JSON (one query path), an empty
// period gives no document, and a province observer sees every commune of
// the province — and only of that province.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "adapters/import/xlsx_reader.h"
#include "adapters/import/zip_xml.h"
#include "app/petition_public_testing.h"
#include "core/text/vietnamese.h"

namespace doithoai::app {
namespace {

constexpr char kSummary[] = "/api/v1/communes/hoang-truong/reports/summary";

class ReportApiTest : public PetitionPublicTest {
 protected:
  nlohmann::json Summary(const std::string& query) {
    http::HttpResponse r = GetWithBearer(kSummary, query, BearerFor("chutich"));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? nlohmann::json::parse(r.body) : nlohmann::json::object();
  }
};

TEST_F(ReportApiTest, FiguresFollowWhatWasRecorded) {
  const std::string period = "from=2026-11-01&to=2026-11-30";
  const nlohmann::json before = Summary(period);
  ASSERT_TRUE(before.contains("total"));
  const std::string code = SubmitValid();  // a "phản ánh" about a road
  AnswerFirstItem(code, "Đã sửa.", false);
  SubmitValid();
  const nlohmann::json after = Summary(period);
  EXPECT_EQ(after["total"], before["total"].get<int>() + 2);
  EXPECT_EQ(after["petitions"], before["petitions"].get<int>() + 2);
  EXPECT_EQ(after["resolved"], before["resolved"].get<int>() + 1);
  EXPECT_EQ(after["by_class"]["report"], before["by_class"]["report"].get<int>() + 2);
  EXPECT_EQ(after["answered_with_deadline"], before["answered_with_deadline"].get<int>() + 1);
  EXPECT_EQ(after["answered_on_time"], before["answered_on_time"].get<int>() + 1);
  int sum = 0;
  for (const auto& row : after["by_field"]) sum += row["total"].get<int>();
  EXPECT_EQ(sum, after["total"].get<int>());
  EXPECT_EQ(after["within_authority"].get<int>() + after["beyond_authority"].get<int>(),
            after["total"].get<int>());
  EXPECT_EQ(after["from"], "2026-11-01");
  EXPECT_EQ(after["as_of"], "2026-11-02");
  // A period before anything was received: zeros and no rates.
  const nlohmann::json empty = Summary("from=2020-01-01&to=2020-12-31");
  EXPECT_EQ(empty["total"], 0);
  EXPECT_TRUE(empty["on_time_rate"].is_null());
  EXPECT_TRUE(empty["satisfaction_rate"].is_null());
}

TEST_F(ReportApiTest, BadDatesAreRefusedInVietnamese) {
  const std::string token = BearerFor("chutich");
  for (const char* query :
       {"to=2026-11-30", "from=2026-13-01&to=2026-11-30", "from=2026-11-30&to=2026-11-01",
        "from=2026-11-01&to=2026-11-30&conference=x", "", "period=2026-13", "period=2026-Q5",
        "period=nam", "period=2026&from=2026-01-01&to=2026-01-31"}) {
    http::HttpResponse r = GetWithBearer(kSummary, query, token);
    EXPECT_EQ(r.status, 400) << query;
    const nlohmann::json body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << query;
    EXPECT_FALSE(body["error"]["fields"].empty()) << query;
  }
  EXPECT_EQ(Call("GET", kSummary, "from=2026-11-01&to=2026-11-30").status, 401);
}

TEST_F(ReportApiTest, ThePageShowsTable2WithTheSameNumbers) {
  SubmitValid();
  const nlohmann::json figures = Summary("from=2026-11-01&to=2026-11-30");
  const SignedIn s = SignIn("chutich");
  http::HttpResponse page =
      Call("GET", "/quan-tri/hoang-truong/bao-cao", "from=2026-11-01&to=2026-11-30",
           {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "Bảng 2 – Thống kê theo lĩnh vực"));
  EXPECT_TRUE(Contains(page.body, "<strong id=\"tong-y-kien\">" +
                                      std::to_string(figures["total"].get<int>()) + "</strong>"));
  EXPECT_TRUE(Contains(page.body, "đất đai – môi trường"));
  // Without a period: this month so far.
  http::HttpResponse month = Call("GET", "/quan-tri/hoang-truong/bao-cao", "",
                                  {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  ASSERT_EQ(month.status, 200);
  EXPECT_TRUE(Contains(month.body, "value=\"2026-11-01\""));
  // A bad period: 400 with the Vietnamese reason on the page.
  http::HttpResponse bad =
      Call("GET", "/quan-tri/hoang-truong/bao-cao", "from=2026-11-30&to=2026-11-01",
           {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "Ngày kết thúc không được trước ngày bắt đầu"));
}

// Bảng 3 (issue #7 §5): the opinions of the demo's 2023 conference with
// their progress; overdue highlighted; unresolved ones proposed again.
TEST_F(ReportApiTest, FollowUpBoardListsTheConferencesOpinions) {
  auto commune = app_->communes().FindCommune(demo_);
  ASSERT_TRUE(commune.ok());
  auto raise = [&](const std::string& name, const std::string& text, PetitionClass c) {
    NewPetition input;
    input.channel = PetitionChannel::kConference;
    input.conference_id = ConferenceId{1};
    input.name = name;
    input.phone = "0912000333";
    input.address = "Thôn 2";
    input.village = "Thôn 2";
    input.received_on = Date::Parse("2026-10-01").value();
    input.items.push_back({text, c, ""});
    auto created = petitions().Submit(*commune, input, StaffCtx());
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->petition.code : std::string();
  };
  const std::string road =
      raise("Lê Văn Đường", "Đường ra đồng thôn 2 lầy lội.", PetitionClass::kProposal);
  const std::string secret =
      raise("Người Tố Giác", "Tố cáo thủ quỹ thôn biển thủ.", PetitionClass::kDenunciation);
  auto p = petitions().FindByCode(demo_, road);
  ASSERT_TRUE(p.ok());
  const UnitId unit = app_->communes().ListUnits(demo_).value()[2].id;
  ASSERT_TRUE(
      petitions()
          .Assign(demo_, p->id, std::nullopt, {1}, unit, std::nullopt, std::nullopt, StaffCtx())
          .ok());
  const SignedIn s = SignIn("thuky");
  http::HttpResponse board = Call("GET", "/quan-tri/hoang-truong/hoi-nghi/1/theo-doi", "",
                                  {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_TRUE(Contains(board.body, "Bảng 3 – Theo dõi thực hiện kết luận"));
  EXPECT_TRUE(Contains(board.body, road));
  EXPECT_TRUE(Contains(board.body, "Đường ra đồng thôn 2 lầy lội."));
  EXPECT_TRUE(Contains(board.body, "Địa chính – Xây dựng"));
  // CONF-02: the denunciation by pseudonym, without its text or the name.
  EXPECT_TRUE(Contains(board.body, "Người tố cáo " + secret));
  EXPECT_FALSE(Contains(board.body, "Người Tố Giác"));
  EXPECT_FALSE(Contains(board.body, "biển thủ"));
  // Both are open, proposed for the next conference; the road is overdue
  // (received 01/10, today 02/11) only if its deadline has passed.
  EXPECT_TRUE(Contains(board.body, "<strong id=\"con-mo\">2</strong>"));
  EXPECT_TRUE(Contains(board.body, "Đề xuất đưa vào chương trình hội nghị lần sau"));
  // Another commune's official: 404.
  CreateOtherCommune();
  EXPECT_EQ(Call("GET", "/quan-tri/xa-khac/hoi-nghi/1/theo-doi", "",
                 {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}})
                .status,
            404);
}

// ---- One query path (issue #7 §6): the same Bảng 2 everywhere ----------

// One row of Bảng 2: the label and the seven numbers of domain.md §7, in
// order (Tổng số, Trả lời tại hội nghị, Giao giải quyết sau hội nghị,
// Chuyển cấp trên, Đã giải quyết xong, Đang giải quyết, Quá hạn).
struct Table2Row {
  std::string label;
  std::array<int, 7> numbers{};
};

std::array<int, 7> NumbersOf(const nlohmann::json& j) {
  return {j["total"].get<int>(),          j["answered_in_room"].get<int>(),
          j["assigned_after"].get<int>(), j["forwarded"].get<int>(),
          j["resolved"].get<int>(),       j["in_progress"].get<int>(),
          j["overdue"].get<int>()};
}

// The rows of the JSON summary: every field, then the totals.
std::vector<Table2Row> RowsOfJson(const nlohmann::json& summary) {
  std::vector<Table2Row> rows;
  for (const auto& f : summary["by_field"]) {
    rows.push_back({f["label"].get<std::string>(), NumbersOf(f)});
  }
  rows.push_back({"Tổng số", NumbersOf(summary)});
  return rows;
}

// A label as compared across outputs: case and diacritics folded (the
// documents print "Đất đai – môi trường", the page "đất đai – môi trường";
// the totals row is "Tổng số" or "Tổng cộng").
std::string Key(const std::string& label) {
  std::string k = text::Fold(label);
  return k == "tong cong" ? "tong so" : k;
}

// Whether `cells` (one table row as text) is `row`: the label, then the
// seven numbers in the next cells.
bool RowMatches(const std::vector<std::string>& cells, const Table2Row& row) {
  if (cells.size() < 8 || Key(cells[0]) != Key(row.label)) return false;
  for (size_t i = 0; i < 7; ++i) {
    const std::string& c = cells[i + 1];
    if (c.empty() || c.find_first_not_of("0123456789.") != std::string::npos) return false;
    if (static_cast<int>(std::stod(c)) != row.numbers[i]) return false;
  }
  return true;
}

void ExpectTable(const std::vector<std::vector<std::string>>& table,
                 const std::vector<Table2Row>& expected, const std::string& where) {
  for (const Table2Row& row : expected) {
    bool found = false;
    for (const auto& cells : table) found = found || RowMatches(cells, row);
    std::string numbers;
    for (int n : row.numbers) numbers += " " + std::to_string(n);
    EXPECT_TRUE(found) << where << ": no row \"" << row.label << "\"" << numbers;
  }
}

// The rows of the page's table #bang-2 as text cells.
std::vector<std::vector<std::string>> PageTable(const std::string& html) {
  std::vector<std::vector<std::string>> rows;
  const size_t start = html.find("<table id=\"bang-2\">");
  const size_t end = html.find("</table>", start);
  if (start == std::string::npos || end == std::string::npos) return rows;
  const std::string table = html.substr(start, end - start);
  // Rows look like <tr><th scope="row">LABEL</th><td class="num">N</td>…</tr>.
  const std::string kTh = "<tr><th scope=\"row\">";
  const std::string kTd = "<td class=\"num\">";
  for (size_t at = table.find(kTh); at != std::string::npos; at = table.find(kTh, at + 1)) {
    const size_t label_end = table.find("</th>", at);
    const size_t row_end = table.find("</tr>", at);
    if (label_end == std::string::npos || row_end == std::string::npos) break;
    std::vector<std::string> cells = {table.substr(at + kTh.size(), label_end - at - kTh.size())};
    for (size_t c = table.find(kTd, label_end); c != std::string::npos && c < row_end;
         c = table.find(kTd, c + 1)) {
      const size_t v = c + kTd.size();
      cells.push_back(table.substr(v, table.find("</td>", v) - v));
    }
    if (cells.size() > 1) rows.push_back(std::move(cells));
  }
  return rows;
}

// The tables of word/document.xml: every w:tr as the texts of its w:tc.
class DocxTables : public import::XmlHandler {
 public:
  void Start(std::string_view name, const char**) override {
    if (name == "tr") rows.emplace_back();
    if (name == "tc" && !rows.empty()) {
      rows.back().emplace_back();
      in_cell_ = true;
    }
    in_text_ = name == "t";
  }
  void End(std::string_view name) override {
    if (name == "tc") in_cell_ = false;
    if (name == "t") in_text_ = false;
  }
  void Text(std::string_view text) override {
    if (in_cell_ && in_text_ && !rows.empty() && !rows.back().empty()) {
      rows.back().back() += text;
    }
  }
  std::vector<std::vector<std::string>> rows;

 private:
  bool in_cell_ = false;
  bool in_text_ = false;
};

std::vector<std::vector<std::string>> DocxTable(const std::string& docx) {
  auto archive = import::ZipXmlArchive::Open(docx, import::XlsxLimits{});
  EXPECT_TRUE(archive.ok()) << (archive.ok() ? "" : archive.error().message);
  if (!archive.ok()) return {};
  DocxTables tables;
  Status parsed = (*archive)->Parse("word/document.xml", tables);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return tables.rows;
}

// pdftotext -layout of `pdf`, one line per entry split into words.
std::vector<std::vector<std::string>> PdfLines(const std::string& pdf, const std::string& dir,
                                               std::string* text) {
  const std::string path = dir + "/bao-cao.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  FILE* pipe = ::popen(("pdftotext -layout -enc UTF-8 '" + path + "' - 2>/dev/null").c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  if (pipe == nullptr) return {};
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text->append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0);
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(*text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string word; words >> word;) w.push_back(word);
    lines.push_back(std::move(w));
  }
  return lines;
}

// A PDF line holds `row` when its words include the seven numbers in a row
// (a long field label may wrap onto other lines of its table cell).
void ExpectPdfRows(const std::vector<std::vector<std::string>>& lines,
                   const std::vector<Table2Row>& expected) {
  for (const Table2Row& row : expected) {
    bool found = false;
    for (const auto& words : lines) {
      for (size_t start = 0; !found && start + 7 <= words.size(); ++start) {
        bool all = true;
        for (size_t i = 0; all && i < 7; ++i) {
          all = words[start + i] == std::to_string(row.numbers[i]);
        }
        found = all;
      }
    }
    EXPECT_TRUE(found) << "PDF: no line with the numbers of \"" << row.label << "\"";
  }
}

class ReportFilesTest : public ReportApiTest {
 protected:
  http::HttpResponse Get(const std::string& path, const std::string& query,
                         const std::string& user = "chutich") {
    return GetWithBearer(path, query, BearerFor(user));
  }
  http::HttpResponse Page(const std::string& path, const std::string& query,
                          const std::string& user) {
    const SignedIn s = SignIn(user);
    return Call("GET", path, query, {{"cookie", std::string(web::kSessionCookie) + "=" + s.token}});
  }
};

constexpr char kFiles[] = "/api/v1/communes/hoang-truong/reports/report.";

TEST_F(ReportFilesTest, PageDocxPdfAndXlsxShowTheSameTable2AsTheJson) {
  // More than the demo's petitions: one answered, one more open.
  const std::string code = SubmitValid();
  AnswerFirstItem(code, "Đã sửa xong đoạn đường sạt lở.", false);
  SubmitValid();
  const std::string period = "period=2026-Q4";
  const nlohmann::json summary = Summary(period);
  ASSERT_GT(summary["total"].get<int>(), 2);
  EXPECT_EQ(summary["label"], "quý IV năm 2026");
  EXPECT_EQ(summary["from"], "2026-10-01");
  EXPECT_EQ(summary["to"], "2026-12-31");
  const std::vector<Table2Row> expected = RowsOfJson(summary);
  ASSERT_GT(expected.size(), 2u);

  // The page.
  http::HttpResponse page = Page("/quan-tri/hoang-truong/bao-cao", period, "chutich");
  ASSERT_EQ(page.status, 200) << page.body;
  ExpectTable(PageTable(page.body), expected, "page");

  // The DOCX.
  http::HttpResponse docx = Get(std::string(kFiles) + "docx", period);
  ASSERT_EQ(docx.status, 200) << docx.body;
  EXPECT_EQ(HeaderOf(docx, "Content-Disposition"),
            "attachment; filename=\"hoang-truong-bao-cao-2026-Q4.docx\"");
  ExpectTable(DocxTable(docx.body), expected, "DOCX");

  // The PDF.
  http::HttpResponse pdf = Get(std::string(kFiles) + "pdf", period);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.content_type, "application/pdf");
  std::string text;
  ExpectPdfRows(PdfLines(pdf.body, dir_.string(), &text), expected);
  EXPECT_TRUE(Contains(text, "quý IV năm 2026")) << text;

  // The XLSX.
  http::HttpResponse xlsx = Get(std::string(kFiles) + "xlsx", period);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  auto sheet = import::ReadXlsxFirstSheet(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  std::vector<std::vector<std::string>> rows;
  for (const CsvRow& r : *sheet) rows.push_back(r.fields);
  ExpectTable(rows, expected, "XLSX");

  // The same figures through an explicit range of the same days.
  const nlohmann::json range = Summary("from=2026-10-01&to=2026-12-31");
  EXPECT_EQ(RowsOfJson(range).size(), expected.size());
  EXPECT_EQ(range["total"], summary["total"]);
  EXPECT_EQ(range["label"], "từ 01/10/2026 đến 31/12/2026");
}

TEST_F(ReportFilesTest, AnEmptyPeriodGivesNoDocumentButZeros) {
  for (const char* ext : {"docx", "pdf", "xlsx"}) {
    http::HttpResponse r = Get(std::string(kFiles) + ext, "period=2020");
    EXPECT_EQ(r.status, 400) << ext;
    const nlohmann::json body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "invalid_argument");
    ASSERT_FALSE(body["error"]["fields"].empty());
    EXPECT_EQ(body["error"]["fields"][0]["field"], "period");
    EXPECT_TRUE(Contains(body["error"]["fields"][0]["message"].get<std::string>(),
                         "Không có ý kiến, kiến nghị nào trong kỳ báo cáo năm 2020 (từ "
                         "01/01/2020 đến 31/12/2020)"))
        << r.body;
  }
  // Bad periods and a missing one: field errors, no file.
  for (const char* query : {"period=2026-Q7", "", "from=2026-12-01&to=2026-11-01"}) {
    http::HttpResponse r = Get(std::string(kFiles) + "docx", query);
    EXPECT_EQ(r.status, 400) << query;
    EXPECT_FALSE(nlohmann::json::parse(r.body)["error"]["fields"].empty()) << query;
  }
  // The summary of the same period: zeros.
  const nlohmann::json empty = Summary("period=2020");
  EXPECT_EQ(empty["total"], 0);
  EXPECT_EQ(empty["label"], "năm 2020");
  // Another commune's staff and anonymous callers get nothing.
  EXPECT_EQ(Call("GET", std::string(kFiles) + "docx", "period=2026").status, 401);
  EXPECT_EQ(Get(std::string(kFiles) + "pdf", "period=2026", "tinh.thanhhoa").status, 404);
}

TEST_F(ReportFilesTest, ThePagePicksAPeriodAndDrawsTheCharts) {
  SubmitValid();
  http::HttpResponse page = Page("/quan-tri/hoang-truong/bao-cao", "nam=2026&ky=Q4", "chutich");
  ASSERT_EQ(page.status, 200) << page.body;
  // mstch escapes '/' as "&#x2F;".
  EXPECT_TRUE(Contains(page.body,
                       "Kỳ báo cáo: quý IV năm 2026 (từ 01&#x2F;10&#x2F;2026 đến "
                       "31&#x2F;12&#x2F;2026)"));
  EXPECT_TRUE(Contains(page.body, "<option value=\"Q4\" selected>Quý IV</option>"));
  EXPECT_TRUE(Contains(page.body, "<option value=\"9M\">9 tháng</option>"));
  EXPECT_TRUE(Contains(page.body, "value=\"2026\""));
  // Two inline charts (no XML declaration inside HTML).
  EXPECT_TRUE(Contains(page.body, "<figure id=\"bieu-do-linh-vuc\"><svg"));
  EXPECT_TRUE(Contains(page.body, "<figure id=\"bieu-do-ket-qua\"><svg"));
  EXPECT_FALSE(Contains(page.body, "<?xml"));
  EXPECT_FALSE(Contains(page.body, "<script"));
  for (const char* ext : {"docx", "pdf", "xlsx"}) {
    EXPECT_TRUE(Contains(page.body, std::string("/api/v1/communes/hoang-truong/reports/report.") +
                                        ext + "?period=2026-Q4"))
        << ext;
  }
  // The whole year and 6 / 9 months.
  for (const auto& [query, label] : std::vector<std::pair<std::string, std::string>>{
           {"nam=2026&ky=nam", "Kỳ báo cáo: năm 2026"},
           {"nam=2026&ky=H1", "Kỳ báo cáo: 6 tháng đầu năm 2026"},
           {"period=2026-9M", "Kỳ báo cáo: 9 tháng năm 2026"},
           {"period=2026-11", "Kỳ báo cáo: tháng 11 năm 2026"}}) {
    http::HttpResponse r = Page("/quan-tri/hoang-truong/bao-cao", query, "chutich");
    EXPECT_EQ(r.status, 200) << query;
    EXPECT_TRUE(Contains(r.body, label)) << query;
  }
  // A period without petitions: zeros, a notice, no download links.
  http::HttpResponse empty = Page("/quan-tri/hoang-truong/bao-cao", "period=2020-05", "chutich");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(Contains(empty.body, "id=\"ky-trong\""));
  EXPECT_FALSE(Contains(empty.body, "report.docx"));
  // A bad period: 400 with the reason.
  http::HttpResponse bad = Page("/quan-tri/hoang-truong/bao-cao", "nam=2026&ky=Q9", "chutich");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "quý phải từ 1 đến 4"));
}

// ---- The province observer (issue #7 §6) ------------------------------

constexpr char kProvince[] = "/api/v1/provinces/38/reports/summary";

class ProvinceReportTest : public ReportFilesTest {
 protected:
  // A second commune of Thanh Hóa (code 15865, Hoằng Hóa, in the shipped
  // snapshot with parent 38).
  Commune CreateSecondCommuneOfProvince() {
    Commune c;
    c.slug = "hoang-hoa";
    c.code = "15865";
    c.name = "Hoằng Hóa";
    c.province_name = "Thanh Hóa";
    Result<CommuneId> id = app_->communes().CreateCommune(c, TestAudit());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    if (id.ok()) c.id = *id;
    return c;
  }

  // An observer of another province (01, Hà Nội).
  void CreateOtherProvinceObserver() {
    Account a;
    a.username = "tinh.hanoi";
    a.display_name = "Theo dõi cấp tỉnh Hà Nội";
    a.role = Role::kProvinceObserver;
    a.province_code = "01";
    a.password_hash = crypto_->HashPassword(kDemoPassword).value();
    auto created = app_->accounts().Create(a, TestAudit());
    ASSERT_TRUE(created.ok()) << created.error().message;
  }
};

TEST_F(ProvinceReportTest, TheObserverSeesEveryCommuneOfTheProvince) {
  SubmitValid();
  CreateSecondCommuneOfProvince();
  CreateOtherCommune();  // code 99002: not in the snapshot, not in the province
  http::HttpResponse r = Get(kProvince, "period=2026-Q4", "tinh.thanhhoa");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json province = nlohmann::json::parse(r.body);
  EXPECT_EQ(province["province_code"], "38");
  EXPECT_EQ(province["province_name"], "tỉnh Thanh Hóa");
  EXPECT_EQ(province["from"], "2026-10-01");
  EXPECT_EQ(province["to"], "2026-12-31");
  ASSERT_EQ(province["communes"].size(), 2u) << province.dump();
  std::vector<std::string> slugs;
  for (const auto& c : province["communes"]) slugs.push_back(c["slug"].get<std::string>());
  std::sort(slugs.begin(), slugs.end());
  EXPECT_EQ(slugs, (std::vector<std::string>{"hoang-hoa", "hoang-truong"}));
  // The same figures as the commune's own summary; the totals are the sums.
  const nlohmann::json own = Summary("period=2026-Q4");
  int total = 0;
  for (const auto& c : province["communes"]) {
    if (c["slug"] == "hoang-truong") {
      EXPECT_EQ(c["name"], "xã Hoằng Trường");
      EXPECT_EQ(NumbersOf(c["figures"]), NumbersOf(own));
      EXPECT_EQ(c["figures"]["by_field"], own["by_field"]);
    } else {
      EXPECT_EQ(c["figures"]["total"], 0);
    }
    total += c["figures"]["total"].get<int>();
  }
  EXPECT_EQ(province["totals"]["total"], total);
  EXPECT_EQ(NumbersOf(province["totals"]), NumbersOf(own));
  int sum = 0;
  for (const auto& row : province["totals"]["by_field"]) sum += row["total"].get<int>();
  EXPECT_EQ(sum, total);

  // The page: totals, a row, a table and a chart per commune.
  http::HttpResponse page = Page("/tinh/38/bao-cao", "period=2026-Q4", "tinh.thanhhoa");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "tỉnh Thanh Hóa"));
  EXPECT_TRUE(Contains(page.body, "Kỳ báo cáo: quý IV năm 2026"));
  EXPECT_TRUE(
      Contains(page.body, "<strong id=\"tong-y-kien\">" + std::to_string(total) + "</strong>"));
  for (const char* slug : {"hoang-truong", "hoang-hoa"}) {
    EXPECT_TRUE(Contains(page.body, std::string("<tr id=\"xa-") + slug + "\">")) << slug;
    EXPECT_TRUE(Contains(page.body, std::string("id=\"bao-cao-") + slug + "\"")) << slug;
  }
  EXPECT_FALSE(Contains(page.body, "xa-khac"));
  size_t charts = 0;
  for (size_t at = page.body.find("<svg"); at != std::string::npos;
       at = page.body.find("<svg", at + 1)) {
    ++charts;
  }
  EXPECT_EQ(charts, 3u + 2u);  // by commune, by field, by outcome; one per commune
  // Without a period: this month.
  http::HttpResponse month = Page("/tinh/38/bao-cao", "", "tinh.thanhhoa");
  ASSERT_EQ(month.status, 200);
  EXPECT_TRUE(Contains(month.body, "Kỳ báo cáo: tháng 11 năm 2026"));
  // A system admin may read it too.
  EXPECT_EQ(Get(kProvince, "period=2026", "admin").status, 200);
}

TEST_F(ProvinceReportTest, OthersAreRefused) {
  CreateOtherProvinceObserver();
  // A commune official: 403, on the API and the page.
  EXPECT_EQ(Get(kProvince, "period=2026", "chutich").status, 403);
  EXPECT_EQ(Page("/tinh/38/bao-cao", "", "chutich").status, 403);
  EXPECT_EQ(Get(kProvince, "period=2026", "truongthon1").status, 403);
  // Another province's observer: as if it did not exist.
  EXPECT_EQ(Get(kProvince, "period=2026", "tinh.hanoi").status, 404);
  EXPECT_EQ(Page("/tinh/38/bao-cao", "", "tinh.hanoi").status, 404);
  EXPECT_EQ(Get("/api/v1/provinces/01/reports/summary", "period=2026", "tinh.hanoi").status, 200);
  // The observer: not another province, not a malformed code, not a
  // commune's staff pages.
  EXPECT_EQ(Get("/api/v1/provinces/01/reports/summary", "period=2026", "tinh.thanhhoa").status,
            404);
  EXPECT_EQ(Get("/api/v1/provinces/3/reports/summary", "period=2026", "admin").status, 404);
  EXPECT_EQ(Page("/quan-tri/hoang-truong/bao-cao", "", "tinh.thanhhoa").status, 404);
  // Anonymous: 401 on the API; a bad period: 400.
  EXPECT_EQ(Call("GET", kProvince, "period=2026").status, 401);
  EXPECT_EQ(Get(kProvince, "period=2026-Q0", "tinh.thanhhoa").status, 400);
  // Read-only: nothing but GET is routed.
  const SignedIn s = SignIn("tinh.thanhhoa");
  EXPECT_NE(Call("POST", "/tinh/38/bao-cao", "",
                 {{"cookie", std::string(web::kSessionCookie) + "=" + s.token},
                  {"content-type", "application/x-www-form-urlencoded"}},
                 std::string(web::kCsrfField) + "=" + s.csrf)
                .status,
            200);
}

}  // namespace
}  // namespace doithoai::app
