// The staff petition pages over HTTP on the assembled application (issue #5
// §2, §3, §4, §6, §7, §8): desk entry, list search (SRCH-01) and filters,
// the workflow through its form posts with the history shown, bulk
// assignment, the XLSX export, the audited identity read of a tố cáo
// (CONF-01/02), a village head's view of their own village, commune
// isolation and the all-or-nothing import.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "adapters/import/table_file.h"
#include "adapters/storage/sql/audit_log.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/site.h"
#include "app/demo_app_testing.h"

namespace doithoai::app {
namespace {

constexpr char kBase[] = "/quan-tri/hoang-truong/kien-nghi";
// CONF-01 test markers: must appear only in the handler's identity view.
constexpr char kMarkerName[] = "Phùng Bí Mật Zyx";
constexpr char kMarkerAddress[] = "Ngõ Kín 77 Qwv";

using Fields = FormFields;

class PetitionStaffTest : public DemoAppTest {
 protected:
  PetitionStaffTest() : DemoAppTest(MorningOf("2026-03-02")) {}

  void SetUp() override {
    DemoAppTest::SetUp();
    if (HasFatalFailure()) return;
    auto villages = app_->communes().ListVillages(demo_);
    ASSERT_TRUE(villages.ok());
    for (const Village& v : *villages) villages_[v.name] = v.id;
    units_ = app_->communes().ListUnits(demo_).value();
    demo_petitions_ = app_->petitions().Search(demo_, PetitionQuery{}).value().total;
  }

  http::HttpResponse Call(const std::string& method, const std::string& path,
                          const SignedIn& session, const std::string& body = "",
                          const std::string& content_type = "") {
    http::HttpRequest r;
    r.method = method;
    const size_t q = path.find('?');
    r.path = path.substr(0, q);
    if (q != std::string::npos) r.query = path.substr(q + 1);
    if (!session.token.empty()) {
      r.headers["cookie"] = std::string(web::kSessionCookie) + "=" + session.token;
    }
    if (!content_type.empty()) r.headers["content-type"] = content_type;
    r.body = body;
    r.remote_addr = "127.0.0.1";
    r.request_id = "t";
    return app_->handler()(r);
  }
  http::HttpResponse Get(const std::string& path, const std::string& user) {
    return Call("GET", path, SignIn(user));
  }
  http::HttpResponse Post(const std::string& path, const std::string& user, Fields fields) {
    SignedIn s = SignIn(user);
    fields.emplace_back("_csrf", s.csrf);
    return Call("POST", path, s, FormBody(fields), "application/x-www-form-urlencoded");
  }

  // A desk entry through the form; returns the petition id (0 on failure).
  int64_t DeskEntry(const std::string& user, Fields fields) {
    http::HttpResponse r = Post(std::string(kBase) + "/moi", user, std::move(fields));
    EXPECT_EQ(r.status, 303) << r.body;
    const std::string location = HeaderOf(r, "Location");
    const std::string prefix = std::string(kBase) + "/";
    if (location.rfind(prefix, 0) != 0) return 0;
    return std::stoll(location.substr(prefix.size()));
  }
  int64_t Walkin(const std::string& name, const std::string& village, const std::string& text,
                 const std::string& token) {
    return DeskEntry("vanphong", {{"channel", "walk_in"},
                                  {"name", name},
                                  {"phone", "0912345678"},
                                  {"address", "Xóm Đông"},
                                  {"village", std::to_string(villages_.at(village).value)},
                                  {"class", "proposal"},
                                  {"text", text},
                                  {"form_token", token}});
  }
  int64_t Denunciation() {
    return DeskEntry("vanphong", {{"channel", "walk_in"},
                                  {"name", kMarkerName},
                                  {"phone", "0987654321"},
                                  {"address", kMarkerAddress},
                                  {"village", std::to_string(villages_.at("Thôn 3").value)},
                                  {"class", "denunciation"},
                                  {"text", "Tố cáo cán bộ thu tiền sai quy định"},
                                  {"form_token", "to-cao-1"}});
  }
  Petition Load(int64_t id) { return app_->petitions().Find(demo_, PetitionId{id}).value(); }
  std::string PagePath(int64_t id) { return std::string(kBase) + "/" + std::to_string(id); }
  // Petitions stored by the test (the demo data has its own).
  int64_t Total() {
    return app_->petitions().Search(demo_, PetitionQuery{}).value().total - demo_petitions_;
  }
  int64_t demo_petitions_ = 0;

  std::map<std::string, VillageId> villages_;
  std::vector<Unit> units_;
};

TEST_F(PetitionStaffTest, DeskEntryCreatesAPetitionRedirectsAndIsIdempotent) {
  const int64_t id = Walkin("Lê Văn Tám", "Thôn 2", "Đường liên thôn bị ngập khi mưa", "desk-1");
  ASSERT_GT(id, 0);
  Petition p = Load(id);
  EXPECT_EQ(p.channel, PetitionChannel::kWalkIn);
  EXPECT_EQ(p.village_id, villages_.at("Thôn 2"));
  EXPECT_EQ(p.received_on, Date::Parse("2026-03-02").value());
  http::HttpResponse page = Get(PagePath(id), "vanphong");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, p.code));
  EXPECT_TRUE(Contains(page.body, "Đường liên thôn bị ngập khi mưa"));
  EXPECT_TRUE(Contains(page.body, "Lê Văn Tám"));
  // The same form sent twice (same token) stores one petition.
  EXPECT_EQ(Walkin("Lê Văn Tám", "Thôn 2", "Đường liên thôn bị ngập khi mưa", "desk-1"), id);
  EXPECT_EQ(Total(), 1);
  // The desk form carries a token and the CSRF field.
  http::HttpResponse form = Get(std::string(kBase) + "/moi", "vanphong");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "name=\"form_token\""));
  EXPECT_TRUE(Contains(form.body, "name=\"_csrf\""));
}

TEST_F(PetitionStaffTest, DeskEntryWithErrorsIs400WithTheValuesKept) {
  http::HttpResponse r = Post(std::string(kBase) + "/moi", "vanphong",
                              {{"channel", "walk_in"},
                               {"name", "Trần Thị Nhớ"},
                               {"phone", "12"},
                               {"class", "proposal"},
                               {"text", ""},
                               {"form_token", "desk-bad"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Contains(r.body, "Trần Thị Nhớ"));
  EXPECT_TRUE(Contains(r.body, "desk-bad"));
  EXPECT_EQ(Total(), 0);
}

TEST_F(PetitionStaffTest, ListSearchIsDiacriticInsensitiveAndFilters) {
  const int64_t a = Walkin("Nguyễn Văn An", "Thôn 1", "Xin sửa đường ở Hoằng Trường", "s-1");
  const int64_t b = Walkin("Lê Thị Bình", "Thôn 2", "Đề nghị lắp đèn chiếu sáng", "s-2");
  ASSERT_GT(a, 0);
  ASSERT_GT(b, 0);
  const std::string code_a = Load(a).code;
  const std::string code_b = Load(b).code;
  // SRCH-01: "hoang truong" finds "Hoằng Trường".
  http::HttpResponse found = Get(std::string(kBase) + "?q=hoang+truong", "vanphong");
  ASSERT_EQ(found.status, 200);
  EXPECT_TRUE(Contains(found.body, code_a));
  EXPECT_FALSE(Contains(found.body, code_b));
  // Village filter.
  http::HttpResponse village = Get(
      std::string(kBase) + "?village=" + std::to_string(villages_.at("Thôn 2").value), "vanphong");
  EXPECT_TRUE(Contains(village.body, code_b));
  EXPECT_FALSE(Contains(village.body, code_a));
  // The inbox ("Mới tiếp nhận") lists both; nothing is assigned yet.
  http::HttpResponse inbox = Get(std::string(kBase) + "?status=received", "vanphong");
  EXPECT_TRUE(Contains(inbox.body, code_a));
  EXPECT_TRUE(Contains(inbox.body, code_b));
  http::HttpResponse assigned = Get(std::string(kBase) + "?status=assigned", "vanphong");
  EXPECT_FALSE(Contains(assigned.body, code_a));
  EXPECT_FALSE(Contains(assigned.body, code_b));
  // A bad filter is a clear 400.
  EXPECT_EQ(Get(std::string(kBase) + "?status=khong-co", "vanphong").status, 400);
  // The board counts them in the first column.
  http::HttpResponse board = Get(std::string(kBase) + "/bang", "vanphong");
  ASSERT_EQ(board.status, 200);
  EXPECT_TRUE(Contains(board.body, code_a));
  EXPECT_TRUE(Contains(board.body, "(2)"));
}

TEST_F(PetitionStaffTest, WorkflowThroughTheFormPostsShowsTheHistory) {
  const int64_t id = Walkin("Phạm Văn Cường", "Thôn 4", "Cống thoát nước bị tắc", "w-1");
  ASSERT_GT(id, 0);
  const std::string page = PagePath(id);
  const std::string field = DefaultPetitionFields().front().code;
  auto post = [&](const std::string& action, Fields fields) {
    fields.emplace_back("item", "1");
    http::HttpResponse r = Post(page + "/" + action, "vanphong", std::move(fields));
    EXPECT_EQ(r.status, 303) << action << ": " << r.body;
    EXPECT_EQ(HeaderOf(r, "Location"), page + "#noi-dung-1");
  };
  // A step the status does not allow: 409, the page with the message.
  http::HttpResponse early = Post(page + "/da-thong-bao", "vanphong", {{"item", "1"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(Contains(early.body, "không thể chuyển"));

  post("phan-loai",
       {{"class", "proposal"}, {"field", field}, {"version", std::to_string(Load(id).version)}});
  EXPECT_EQ(Load(id).items[0].status, ItemStatus::kClassified);
  post("giao", {{"unit", std::to_string(units_[2].id.value)},
                {"version", std::to_string(Load(id).version)}});
  EXPECT_EQ(Load(id).items[0].unit_id, units_[2].id);
  post("bat-dau", {});
  post("tra-loi", {{"text", "UBND xã đã cho nạo vét cống ngày 05/3."}, {"publish", "1"}});
  post("da-thong-bao", {});
  post("ket-thuc", {});
  Petition done = Load(id);
  EXPECT_EQ(done.items[0].status, ItemStatus::kClosed);
  ASSERT_TRUE(done.items[0].answer.has_value());
  EXPECT_TRUE(done.items[0].answer->published);

  http::HttpResponse shown = Get(page, "vanphong");
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Contains(shown.body, "UBND xã đã cho nạo vét cống ngày 05&#x2F;3.")) << shown.body;
  EXPECT_TRUE(Contains(shown.body, std::string(ItemStatusLabel(ItemStatus::kClosed))));
  std::vector<std::string> actions;
  for (const HistoryEntry& h : done.history) {
    actions.push_back(h.action);
    EXPECT_TRUE(Contains(shown.body, web::HistoryActionLabel(h.action))) << h.action;
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"received", "classified", "assigned", "started",
                                               "answered", "notified", "closed"}));
  // A stale version guard is refused (409) and changes nothing.
  http::HttpResponse stale =
      Post(page + "/phan-loai", "vanphong", {{"item", "1"}, {"class", "report"}, {"version", "1"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(Load(id).items[0].petition_class, PetitionClass::kProposal);
  // Workflow posts need kHandlePetitions: the Front supervises, it does not act.
  EXPECT_EQ(Post(page + "/mo-lai", "mattran", {{"item", "1"}, {"reason", "x"}}).status, 403);
}

TEST_F(PetitionStaffTest, BulkAssignAssignsEverySelectedPetition) {
  const int64_t a = Walkin("Hoàng Văn Một", "Thôn 5", "Đề nghị sửa cầu", "b-1");
  const int64_t b = Walkin("Hoàng Văn Hai", "Thôn 5", "Đề nghị sửa kênh", "b-2");
  ASSERT_GT(a, 0);
  ASSERT_GT(b, 0);
  http::HttpResponse r = Post(std::string(kBase) + "/giao-hang-loat", "vanphong",
                              {{"ids", std::to_string(a)},
                               {"ids", std::to_string(b)},
                               {"unit", std::to_string(units_[2].id.value)}});
  ASSERT_EQ(r.status, 303);
  const std::string location = HeaderOf(r, "Location");
  EXPECT_EQ(location.rfind(std::string(kBase) + "?ket-qua=", 0), 0u) << location;
  for (int64_t id : {a, b}) {
    EXPECT_EQ(Load(id).items[0].status, ItemStatus::kAssigned);
    EXPECT_EQ(Load(id).items[0].unit_id, units_[2].id);
  }
  http::HttpResponse list = Get(location, "vanphong");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Đã giao 2 đơn"));
  // An unknown id is reported, not silently dropped.
  http::HttpResponse partial = Post(std::string(kBase) + "/giao-hang-loat", "vanphong",
                                    {{"ids", std::to_string(a)},
                                     {"ids", "999999"},
                                     {"unit", std::to_string(units_[1].id.value)}});
  ASSERT_EQ(partial.status, 303);
  http::HttpResponse report = Get(HeaderOf(partial, "Location"), "vanphong");
  EXPECT_TRUE(Contains(report.body, "Đã giao 1 đơn; 1 lỗi"));
}

TEST_F(PetitionStaffTest, ExportIsAnXlsxWithThePseudonymNeverTheDenouncer) {
  ASSERT_GT(Walkin("Đỗ Văn Xuất", "Thôn 6", "Đề nghị làm sân chơi", "x-1"), 0);
  const int64_t sealed = Denunciation();
  ASSERT_GT(sealed, 0);
  const std::string code = Load(sealed).code;
  http::HttpResponse r = Get(std::string(kBase) + "/xuat.xlsx", "vanphong");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GE(r.body.size(), 4u);
  EXPECT_EQ(r.body.substr(0, 2), "PK");
  EXPECT_TRUE(Contains(r.content_type, "spreadsheetml"));
  auto rows = import::ReadTableFile(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  std::string cells;
  for (const CsvRow& row : *rows) {
    for (const std::string& cell : row.fields) cells += cell + "\t";
  }
  EXPECT_TRUE(Contains(cells, "Người tố cáo " + code));
  EXPECT_TRUE(Contains(cells, "Đỗ Văn Xuất"));
  EXPECT_FALSE(Contains(cells, kMarkerName));
  EXPECT_FALSE(Contains(cells, kMarkerAddress));
  EXPECT_FALSE(Contains(r.body, kMarkerName));
  // The filters apply to the export too.
  http::HttpResponse filtered =
      Get(std::string(kBase) + "/xuat.xlsx?class=denunciation", "vanphong");
  ASSERT_EQ(filtered.status, 200);
  auto filtered_rows = import::ReadTableFile(filtered.body);
  ASSERT_TRUE(filtered_rows.ok());
  std::string filtered_cells;
  for (const CsvRow& row : *filtered_rows) {
    for (const std::string& cell : row.fields) filtered_cells += cell + "\t";
  }
  EXPECT_TRUE(Contains(filtered_cells, code));
  EXPECT_FALSE(Contains(filtered_cells, "Đỗ Văn Xuất"));
}

TEST_F(PetitionStaffTest, OnlyAHandlerSeesTheIdentityAfterAnAuditedRead) {
  const int64_t id = Denunciation();
  ASSERT_GT(id, 0);
  const std::string code = Load(id).code;
  // Non-handlers: the list, the board and the page show the pseudonym only.
  for (const std::string& path : {std::string(kBase), std::string(kBase) + "/bang", PagePath(id),
                                  std::string(kBase) + "?q=" + http::UrlEncode("Phùng")}) {
    http::HttpResponse r = Get(path, "vanphong");
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_FALSE(Contains(r.body, kMarkerName)) << path;
    EXPECT_FALSE(Contains(r.body, kMarkerAddress)) << path;
  }
  http::HttpResponse page = Get(PagePath(id), "vanphong");
  EXPECT_TRUE(Contains(page.body, "Người tố cáo " + code));
  EXPECT_FALSE(Contains(page.body, "Xem danh tính"));
  // Without the grant: 403, nothing shown.
  http::HttpResponse refused = Post(PagePath(id) + "/danh-tinh", "vanphong", {});
  EXPECT_EQ(refused.status, 403);
  EXPECT_FALSE(Contains(refused.body, kMarkerName));
  // The handler's ordinary page is sealed too, with the button.
  http::HttpResponse handler_page = Get(PagePath(id), "chutich");
  ASSERT_EQ(handler_page.status, 200);
  EXPECT_FALSE(Contains(handler_page.body, kMarkerName));
  EXPECT_TRUE(Contains(handler_page.body, "Xem danh tính (được ghi nhật ký)"));
  auto reads = [&] {
    int n = 0;
    auto recent = sql::SqlAuditReader(*db_).Recent(demo_, 1000);
    EXPECT_TRUE(recent.ok());
    for (const AuditEntry& e : *recent) {
      n += e.action == "petition.read_identity" ? 1 : 0;
    }
    return n;
  };
  EXPECT_EQ(reads(), 0);
  http::HttpResponse shown = Post(PagePath(id) + "/danh-tinh", "chutich", {});
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_TRUE(Contains(shown.body, kMarkerName));
  EXPECT_TRUE(Contains(shown.body, kMarkerAddress));
  EXPECT_EQ(HeaderOf(shown, "Cache-Control"), "no-store");
  EXPECT_EQ(reads(), 1);
  // The next ordinary view is sealed again.
  EXPECT_FALSE(Contains(Get(PagePath(id), "chutich").body, kMarkerName));
}

TEST_F(PetitionStaffTest, AVillageHeadSeesOnlyTheirVillage) {
  const int64_t own = Walkin("Vũ Văn Một", "Thôn 1", "Đường thôn 1 xuống cấp", "v-1");
  const int64_t other = Walkin("Vũ Văn Hai", "Thôn 2", "Đường thôn 2 xuống cấp", "v-2");
  ASSERT_GT(own, 0);
  ASSERT_GT(other, 0);
  const std::string own_code = Load(own).code;
  const std::string other_code = Load(other).code;
  http::HttpResponse list = Get(kBase, "truongthon1");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, own_code));
  EXPECT_FALSE(Contains(list.body, other_code));
  // Asking for another village changes nothing: the filter is forced.
  http::HttpResponse forced =
      Get(std::string(kBase) + "?village=" + std::to_string(villages_.at("Thôn 2").value),
          "truongthon1");
  EXPECT_TRUE(Contains(forced.body, own_code));
  EXPECT_FALSE(Contains(forced.body, other_code));
  EXPECT_FALSE(Contains(Get(std::string(kBase) + "/bang", "truongthon1").body, other_code));
  EXPECT_EQ(Get(PagePath(own), "truongthon1").status, 200);
  EXPECT_EQ(Get(PagePath(other), "truongthon1").status, 404);
  // Their entries are for their own village, whatever the form says.
  const int64_t entered =
      DeskEntry("truongthon1", {{"channel", "walk_in"},
                                {"name", "Vũ Thị Ba"},
                                {"village", std::to_string(villages_.at("Thôn 2").value)},
                                {"class", "report"},
                                {"text", "Đèn đường thôn 1 bị hỏng"},
                                {"form_token", "v-3"}});
  ASSERT_GT(entered, 0);
  EXPECT_EQ(Load(entered).village_id, villages_.at("Thôn 1"));
  EXPECT_EQ(Load(entered).channel, PetitionChannel::kVillageHead);
}

TEST_F(PetitionStaffTest, AnotherCommunesPetitionIsNotFound) {
  const AuditContext ctx = TestAudit();
  const Commune other = CreateOtherCommune();
  ASSERT_TRUE(other.id.valid());
  NewPetition input;
  input.channel = PetitionChannel::kWalkIn;
  input.name = "Người Xã Khác";
  input.items.push_back({"Kiến nghị ở xã khác", PetitionClass::kProposal, ""});
  auto created = app_->petitions().Submit(other, input, ctx);
  ASSERT_TRUE(created.ok()) << created.error().message;
  const int64_t id = created->petition.id.value;
  EXPECT_EQ(Get(PagePath(id), "vanphong").status, 404);
  EXPECT_EQ(Post(PagePath(id) + "/bat-dau", "vanphong", {{"item", "1"}}).status, 404);
  EXPECT_FALSE(Contains(Get(kBase, "vanphong").body, "Người Xã Khác"));
}

TEST_F(PetitionStaffTest, ImportWithABadRowImportsNothingAndNamesTheRow) {
  auto upload = [&](const std::string& csv) {
    SignedIn s = SignIn("vanphong");
    const std::string boundary = "----doithoai-test-boundary";
    std::string body;
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" +
            s.csrf + "\r\n";
    body += "--" + boundary +
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"danh-sach.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n" +
            csv + "\r\n";
    body += "--" + boundary + "--\r\n";
    return Call("POST", std::string(kBase) + "/nhap", s, body,
                "multipart/form-data; boundary=" + boundary);
  };
  const std::string header = "name,phone,village,address,text,channel,field\n";
  http::HttpResponse bad = upload(header +
                                  "Lê Văn Một,0912345678,Thôn 1,Xóm 1,Đề nghị sửa đường,,\n"
                                  "Lê Văn Hai,12,Thôn 1,Xóm 2,Đề nghị lắp đèn,,\n");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "Dòng 3")) << bad.body;
  EXPECT_EQ(Total(), 0);
  http::HttpResponse good = upload(header +
                                   "Lê Văn Một,0912345678,Thôn 1,Xóm 1,Đề nghị sửa đường,,\n"
                                   "Lê Văn Hai,0912345679,Thôn 2,Xóm 2,Đề nghị lắp đèn,,\n");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_TRUE(Contains(good.body, "Đã nhập 2 đơn"));
  EXPECT_EQ(Total(), 2);
}

TEST_F(PetitionStaffTest, SettingsSaveTheFieldsAndTheDueSoonDays) {
  const std::string path = std::string(kBase) + "/cai-dat";
  ASSERT_EQ(Get(path, "vanphong").status, 200);
  http::HttpResponse saved = Post(path, "vanphong",
                                  {{"fields", "dat-dai | Đất đai\nmoi-truong | Môi trường\n"},
                                   {"dissatisfied_action", "escalate"},
                                   {"due_soon_days", "5"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  PetitionSettings settings = app_->petitions().Settings(demo_).value();
  ASSERT_EQ(settings.fields.size(), 2u);
  EXPECT_EQ(settings.fields[1].label, "Môi trường");
  EXPECT_EQ(settings.due_soon_days, 5);
  EXPECT_EQ(settings.dissatisfied_action, DissatisfiedAction::kEscalate);
  http::HttpResponse bad = Post(
      path, "vanphong",
      {{"fields", "khong co dau gach"}, {"dissatisfied_action", "reopen"}, {"due_soon_days", "3"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Post(path, "thuky",
                 {{"fields", "a | b"}, {"dissatisfied_action", "reopen"}, {"due_soon_days", "3"}})
                .status,
            403);
}

}  // namespace
}  // namespace doithoai::app
