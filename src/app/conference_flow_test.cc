// The conference module assembled with real SQLite storage, the shipped
// calendar and rule sets, and a fake clock: the seed's plan regenerated from
// the demo data, the lifecycle of domain.md §8, the DLG-07 notice rule with
// its audited override, the document register (NUM-01..05), and every
// bad-input refusal of issue #4 leaving the data unchanged.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/storage/sql/audit_log.h"
#include "app/demo.h"
#include "app/demo_app_testing.h"
#include "app/wiring.h"
#include "core/conferences/checklist.h"
#include "core/testing/fake_clock.h"

namespace doithoai::app {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

class ConferenceFlowTest : public DemoAppTest {
 protected:
  ConferenceFlowTest() : DemoAppTest(MorningOf("2026-11-02")) {}

  void SetUp() override {
    DemoAppTest::SetUp();
    if (HasFatalFailure()) return;
    commune_ = demo_;
    villages_ = app_->communes().ListVillages(commune_).value();
  }

  AuditContext Ctx() {
    AuditContext ctx;
    ctx.commune = commune_;
    ctx.actor_name = "vanphong";
    ctx.at = clock_.Now();
    return ctx;
  }
  ConferenceService& service() { return app_->conferences(); }

  // A new plan dated today for a session on `session_date`, all villages.
  NewConference Plan(const char* session_date) {
    NewConference n;
    n.year = D(session_date).year();
    n.plan_date = service().Today();
    n.session.date = D(session_date);
    n.session.start_minute = 7 * 60 + 30;
    n.session.duration_minutes = 240;
    n.session.venue = "Hội trường công sở xã Hoằng Trường";
    for (const Village& v : villages_) n.session.villages.push_back(v.id);
    return n;
  }

  std::string PlanAsText(ConferenceId id) {
    auto docs = service().Render(commune_, id, ConferenceDocumentKind::kPlan, "http://x/h/1");
    EXPECT_TRUE(docs.ok()) << docs.error().message;
    return docs.ok() ? PlainText(docs->front()) : "";
  }

  int64_t AuditCount(const std::string& action) {
    auto entries = sql::SqlAuditReader(*db_).Recent(commune_, 1000);
    int64_t n = 0;
    for (const auto& e : entries.value()) n += e.action == action ? 1 : 0;
    return n;
  }

  CommuneId commune_;
  std::vector<Village> villages_;
};

TEST_F(ConferenceFlowTest, DemoDataRegeneratesTheSeedPlan) {
  auto list = service().List(commune_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  const Conference& c = list->front();
  EXPECT_EQ(c.year, 2023);
  EXPECT_EQ(c.FirstDate(), D("2023-12-08"));
  EXPECT_TRUE(c.recorded_past);
  const std::string text = PlanAsText(c.id);
  for (const char* expected : {
           "KẾ HOẠCH",
           "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023",
           "I. MỤC ĐÍCH, YÊU CẦU",
           "II. NGUYÊN TẮC, NỘI DUNG TIẾP XÚC, ĐỐI THOẠI",
           "III. CÁC BƯỚC TỔ CHỨC BUỔI TIẾP XÚC, ĐỐI THOẠI VỚI NHÂN DÂN",
           "IV. KINH PHÍ THỰC HIỆN",
           "V. TỔ CHỨC THỰC HIỆN",
           "Thường trực Đảng ủy",
           "Bí thư chi bộ, Trưởng thôn, Ban công tác Mặt trận thôn",
           "½ ngày, ngày 08 tháng 12 năm 2023",
           "Hội trường công sở xã Hoằng Trường",
           "Nguồn kinh phí được cân đối trong kinh phí hoạt động năm 2023 của UBND xã.",
           "Công chức Tài chính – Ngân sách",
           "- Thôn trưởng 9 thôn;",
           "- Lưu: VT.",
           "Lê Thanh Cảnh",
           "UBND HUYỆN HOẰNG HÓA",
       }) {
    EXPECT_TRUE(Contains(text, expected)) << "missing: " << expected << "\n" << text;
  }
}

TEST_F(ConferenceFlowTest, CreateFillsPlanInviteesChecklistAndTokens) {
  auto id = service().Create(commune_, Plan("2026-12-04"), Ctx());
  ASSERT_TRUE(id.ok()) << id.error().message;
  Conference c = service().Find(commune_, *id).value();
  EXPECT_EQ(c.state, ConferenceState::kDraftPlan);
  EXPECT_EQ(c.content_areas.size(), 4u);  // the seed's four
  EXPECT_GE(c.invitees.size(), 3 * villages_.size());
  std::set<std::string> tokens;
  for (const Invitee& i : c.invitees) {
    EXPECT_FALSE(i.address.empty()) << i.name;
    EXPECT_GE(i.token.size(), 32u);
    tokens.insert(i.token);
  }
  EXPECT_EQ(tokens.size(), c.invitees.size());
  ASSERT_FALSE(c.tasks.empty());
  for (const ConferenceTask& t : c.tasks) {
    if (t.kind == TaskKind::kPublicNotice) {
      EXPECT_EQ(t.due, D("2026-11-27"));  // Friday, D-7
    }
  }
  EXPECT_EQ(AuditCount("conference.create"), 2);  // the demo's and this one
}

TEST_F(ConferenceFlowTest, BadInputIsRefusedClearlyAndChangesNothing) {
  const size_t before = service().List(commune_)->size();
  // A new plan dated in the past.
  NewConference past = Plan("2026-12-04");
  past.plan_date = D("2026-10-01");
  auto r = service().Create(commune_, past, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Contains(r.error().message, "đã qua")) << r.error().message;
  // …accepted only as an explicit recording of a past conference.
  past.recorded_past = true;
  past.session.date = D("2026-10-20");
  EXPECT_TRUE(service().Create(commune_, past, Ctx()).ok());
  // A session with no village.
  NewConference empty = Plan("2026-12-04");
  empty.session.villages.clear();
  r = service().Create(commune_, empty, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Contains(r.error().message, "ít nhất một thôn")) << r.error().message;
  EXPECT_EQ(service().List(commune_)->size(), before + 1);

  ConferenceId id = service().Create(commune_, Plan("2026-12-04"), Ctx()).value();
  Conference c = service().Find(commune_, id).value();
  // An invitee without an address.
  Invitee nobody;
  nobody.group = ParticipantGroup::kInvitedAgency;
  nobody.name = "Công an xã";
  auto saved = service().SaveInvitee(commune_, id, c.version, nobody, Ctx());
  ASSERT_FALSE(saved.ok());
  EXPECT_TRUE(Contains(saved.error().message, "địa chỉ")) << saved.error().message;
  EXPECT_EQ(service().Find(commune_, id)->invitees.size(), c.invitees.size());
  EXPECT_EQ(service().Find(commune_, id)->version, c.version);
}

TEST_F(ConferenceFlowTest, LateNoticeNeedsAnAuditedOverride) {
  ConferenceId id = service().Create(commune_, Plan("2026-11-06"), Ctx()).value();
  // Latest notice date: 30/10 (D-7), already past on 02/11.
  Publication late;
  late.channel = PublicationChannel::kLoudspeaker;
  late.start = D("2026-11-02");
  late.end = D("2026-11-04");
  auto r = service().AddPublication(commune_, id, late, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Contains(r.error().message, "30/10/2026")) << r.error().message;
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "late_reason");
  EXPECT_TRUE(service().Find(commune_, id)->publications.empty());
  // PUB-01: loudspeaker for fewer than 3 consecutive days.
  Publication short_run = late;
  short_run.late_reason = "Hoãn họp do mưa bão";
  short_run.end = D("2026-11-03");
  EXPECT_FALSE(service().AddPublication(commune_, id, short_run, Ctx()).ok());
  // With a reason: recorded, and the override is in the audit log.
  late.late_reason = "Hoãn họp do mưa bão, thông báo lại";
  ASSERT_TRUE(service().AddPublication(commune_, id, late, Ctx()).ok());
  EXPECT_EQ(AuditCount("conference.notice_late_override"), 1);
  EXPECT_EQ(service().Find(commune_, id)->publications.size(), 1u);
}

TEST_F(ConferenceFlowTest, IssuingFreezesDocumentsNumbersThemAndMovesTheState) {
  ConferenceId id = service().Create(commune_, Plan("2026-12-04"), Ctx()).value();
  const std::string url = "http://127.0.0.1/x/hoang-truong/hoi-nghi/2";
  // Programme before plan: refused.
  auto early = service().Issue(commune_, id, ConferenceDocumentKind::kProgramme, url, "", Ctx());
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  // Staff edit the draft before issuing.
  std::string markup =
      service().DraftMarkup(commune_, id, ConferenceDocumentKind::kPlan, url).value();
  const std::string from = "Nguồn kinh phí được cân đối";
  ASSERT_TRUE(Contains(markup, from));
  markup.replace(markup.find(from), from.size(), "Kinh phí được bố trí");
  ASSERT_TRUE(service().SaveDraft(commune_, id, ConferenceDocumentKind::kPlan, markup, Ctx()).ok());
  auto kh = service().Issue(commune_, id, ConferenceDocumentKind::kPlan, url, "", Ctx());
  ASSERT_TRUE(kh.ok()) << kh.error().message;
  EXPECT_EQ(kh->number, 1);
  EXPECT_EQ(kh->year, 2026);
  const std::string issued = PlanAsText(id);
  EXPECT_TRUE(Contains(issued, "Số: 01/KH-UBND")) << issued;
  EXPECT_TRUE(Contains(issued, "Kinh phí được bố trí"));
  EXPECT_TRUE(Contains(issued, "Hoằng Trường, ngày 02 tháng 11 năm 2026"));
  Conference c = service().Find(commune_, id).value();
  EXPECT_EQ(c.state, ConferenceState::kPlanIssued);
  // Issued: frozen. No second issue, no draft edit, no plan edit.
  EXPECT_FALSE(service().Issue(commune_, id, ConferenceDocumentKind::kPlan, url, "", Ctx()).ok());
  auto edit = service().SaveDraft(commune_, id, ConferenceDocumentKind::kPlan, markup, Ctx());
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().code, ErrorCode::kFailedPrecondition);
  PlanText text;
  text.subject = "Khác";
  text.content_areas = {"x"};
  text.how_to_attend = "y";
  EXPECT_FALSE(service().UpdatePlanText(commune_, id, c.version, text, Ctx()).ok());
  EXPECT_EQ(PlanAsText(id), issued);

  // The programme is editable until it is issued.
  std::vector<AgendaItem> agenda = c.agenda;
  agenda.push_back({0, 11 * 60, "Bế mạc hội nghị", "Chủ tịch UBND xã"});
  ASSERT_TRUE(service().SaveAgenda(commune_, id, c.version, agenda, Ctx()).ok());
  ASSERT_TRUE(
      service().Issue(commune_, id, ConferenceDocumentKind::kProgramme, url, "", Ctx()).ok());
  c = service().Find(commune_, id).value();
  EXPECT_EQ(c.agenda.size(), agenda.size());
  EXPECT_FALSE(service().SaveAgenda(commune_, id, c.version, agenda, Ctx()).ok());
  EXPECT_EQ(service().Find(commune_, id)->state, ConferenceState::kProgrammeIssued);
  auto gm = service().Issue(commune_, id, ConferenceDocumentKind::kInvitations, url, "", Ctx());
  ASSERT_TRUE(gm.ok()) << gm.error().message;
  auto invitations =
      service().Render(commune_, id, ConferenceDocumentKind::kInvitations, url).value();
  EXPECT_EQ(invitations.size(), c.invitees.size());
  EXPECT_TRUE(Contains(PlainText(invitations.front()), "Số: 01/GM-UBND"));
  const Conference after_gm = service().Find(commune_, id).value();
  for (const Invitee& i : after_gm.invitees) {
    EXPECT_EQ(i.status, InvitationStatus::kPrinted) << i.name;  // issued → printed
  }
  ASSERT_TRUE(
      service().Issue(commune_, id, ConferenceDocumentKind::kPublicNotice, url, "", Ctx()).ok());
  EXPECT_EQ(service().Find(commune_, id)->state, ConferenceState::kNoticePublished);

  // A second conference of the same year takes the next plan number.
  ConferenceId second = service().Create(commune_, Plan("2026-12-18"), Ctx()).value();
  auto kh2 = service().Issue(commune_, second, ConferenceDocumentKind::kPlan, url, "", Ctx());
  ASSERT_TRUE(kh2.ok());
  EXPECT_EQ(kh2->number, 2);

  // NUM-05: a content error is fixed by a replacement with its own number,
  // which says what it replaces; the lifecycle does not move back.
  EXPECT_FALSE(
      service().StartReplacement(commune_, id, ConferenceDocumentKind::kPlan, " ", Ctx()).ok());
  ASSERT_TRUE(service()
                  .StartReplacement(commune_, id, ConferenceDocumentKind::kPlan,
                                    "Sai thành phần tham dự", Ctx())
                  .ok());
  auto kh3 = service().Issue(commune_, id, ConferenceDocumentKind::kPlan, url, "", Ctx());
  ASSERT_TRUE(kh3.ok()) << kh3.error().message;
  EXPECT_EQ(kh3->number, 3);
  EXPECT_EQ(kh3->revision, 2);
  const std::string replacement = PlanAsText(id);
  EXPECT_TRUE(Contains(replacement, "Số: 03/KH-UBND"));
  EXPECT_TRUE(Contains(replacement,
                       "Văn bản này thay thế Kế hoạch số 01/KH-UBND ngày "
                       "02/11/2026 của UBND xã Hoằng Trường."))
      << replacement;
  EXPECT_EQ(service().Find(commune_, id)->state, ConferenceState::kNoticePublished);
  EXPECT_EQ(AuditCount("document.replacement_start"), 1);
}

TEST_F(ConferenceFlowTest, LateInvitationsNeedAReasonAndCheckInWorksOnTheDay) {
  ConferenceId id = service().Create(commune_, Plan("2026-11-06"), Ctx()).value();
  const std::string url = "http://127.0.0.1/x";
  ASSERT_TRUE(service().Issue(commune_, id, ConferenceDocumentKind::kPlan, url, "", Ctx()).ok());
  auto gm = service().Issue(commune_, id, ConferenceDocumentKind::kInvitations, url, "", Ctx());
  ASSERT_FALSE(gm.ok());
  EXPECT_EQ(gm.error().fields.at(0).field, "late_reason");
  ASSERT_TRUE(service()
                  .Issue(commune_, id, ConferenceDocumentKind::kInvitations, url,
                         "Kế hoạch phê duyệt muộn", Ctx())
                  .ok());
  EXPECT_EQ(AuditCount("conference.notice_late_override"), 1);

  Conference c = service().Find(commune_, id).value();
  const Invitee& first = c.invitees.front();
  // Not the day yet.
  EXPECT_FALSE(service().CheckIn(commune_, id, std::nullopt, first.token, Ctx()).ok());
  clock_.Set(MorningOf("2026-11-06"));
  EXPECT_FALSE(service().CheckIn(commune_, id, std::nullopt, "sai-ma", Ctx()).ok());
  ASSERT_TRUE(service().CheckIn(commune_, id, std::nullopt, first.token, Ctx()).ok());
  ASSERT_TRUE(service().CheckIn(commune_, id, 2, "", Ctx()).ok());
  c = service().Find(commune_, id).value();
  EXPECT_TRUE(c.invitees[0].checked_in_at.has_value());
  EXPECT_TRUE(c.invitees[1].checked_in_at.has_value());
  EXPECT_FALSE(c.invitees[2].checked_in_at.has_value());
  ASSERT_TRUE(service().MarkSessionHeld(commune_, id, 1, Ctx()).ok());
  EXPECT_EQ(service().Find(commune_, id)->state, ConferenceState::kHeld);
  // Held: the preparation is closed.
  Invitee late_guest = c.invitees.front();
  late_guest.number = 0;
  EXPECT_FALSE(service().SaveInvitee(commune_, id, c.version + 1, late_guest, Ctx()).ok());
}

TEST_F(ConferenceFlowTest, ScanningAnInvitationQrGivesStaffTheCheckInButton) {
  Conference c = service().List(commune_)->front();
  const std::string token = c.invitees.front().token;
  auto get = [&](const std::string& cookie) {
    http::HttpRequest r;
    r.method = "GET";
    r.path = "/x/hoang-truong/hoi-nghi/" + std::to_string(c.id.value);
    r.query = "gm=" + token;
    if (!cookie.empty()) r.headers["cookie"] = std::string(web::kSessionCookie) + "=" + cookie;
    r.remote_addr = "127.0.0.1";
    return app_->handler()(r);
  };
  // A citizen who scans it sees the public page, without the token or the button.
  http::HttpResponse anonymous = get("");
  ASSERT_EQ(anonymous.status, 200);
  EXPECT_FALSE(Contains(anonymous.body, "Điểm danh: có mặt"));
  EXPECT_FALSE(Contains(anonymous.body, token));
  // Staff who may check people in get the button for that invitee.
  auto login = app_->auth().Login({"vanphong", "doithoai-demo", "127.0.0.1"});
  ASSERT_TRUE(login.ok());
  http::HttpResponse staff = get(login->token);
  ASSERT_EQ(staff.status, 200);
  EXPECT_TRUE(Contains(staff.body, "Điểm danh: có mặt"));
  EXPECT_TRUE(Contains(staff.body, c.invitees.front().name));
  // The Front's supervisor reads but does not check people in.
  auto front = app_->auth().Login({"mattran", "doithoai-demo", "127.0.0.1"});
  ASSERT_TRUE(front.ok());
  EXPECT_FALSE(Contains(get(front->token).body, "Điểm danh: có mặt"));
}

TEST_F(ConferenceFlowTest, ConferencesOfAnotherCommuneAreInvisible) {
  const CommuneId other_id = CreateOtherCommune().id;
  ASSERT_TRUE(other_id.valid());
  auto list = service().List(other_id);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  auto found = service().Find(other_id, ConferenceId{1});
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace doithoai::app
