// Deadline vectors of the petition service through the assembled application
// (the shipped rule table data/petitions/deadline_rules.json and the shipped
// working calendar data/calendar/vn_holidays.json, SQLite storage): one vector
// per class, with the 2026 Tết holidays (DAY-01: a period ending on a rest day
// ends on the next working day; TC-01 counts working days), thụ lý restarting
// the period (KN-02 → KN-03), complex and remote-area limits (KN-03), TC-04
// extensions, and reclassification recomputing the deadline (CLS-02). The
// expected dates were counted by hand on the calendar file.
#include <gtest/gtest.h>

#include "app/demo_app_testing.h"
#include "core/testing/calendar_fixtures.h"

namespace doithoai::app {
namespace {

using testing::D;

// 09:00 in Việt Nam (02:00 UTC) on `iso`.
Timestamp At(const char* iso) {
  return Timestamp(std::chrono::sys_days(D(iso).sys_days()) + std::chrono::hours(2));
}

class PetitionDeadlinesTest : public DemoAppTest {
 protected:
  PetitionDeadlinesTest() : DemoAppTest(At("2026-02-10")) {}

  void SetUp() override {
    DemoAppTest::SetUp();
    if (HasFatalFailure()) return;
    commune_ = app_->communes().FindCommune(demo_).value();
  }

  AuditContext Ctx(CommuneId commune) {
    AuditContext ctx;
    ctx.commune = commune;
    ctx.actor_name = "vanphong";
    ctx.at = clock_.Now();
    return ctx;
  }

  // A walk-in petition received today with one item of `petition_class`.
  Petition Receive(const Commune& commune, PetitionClass petition_class) {
    NewPetition input;
    input.channel = PetitionChannel::kWalkIn;
    input.name = "Nguyễn Văn Kiểm";
    input.address = "Thôn 2";
    input.phone = "0900000999";
    input.items.push_back({"Nội dung đơn để thử thời hạn.", petition_class, ""});
    auto created = app_->petitions().Submit(commune, input, Ctx(commune.id));
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->petition : Petition{};
  }

  Commune commune_;
};

TEST_F(PetitionDeadlinesTest, ProposalAnswerDeadlineSkipsTet) {
  // TCD-07: 10 calendar days from Tue 10/02/2026 → Fri 20/02, a Tết holiday;
  // the office reopens on Mon 23/02.
  Petition p = Receive(commune_, PetitionClass::kProposal);
  ASSERT_EQ(p.items.size(), 1u);
  EXPECT_EQ(p.items[0].rule_id, "TCD-07");
  EXPECT_EQ(p.items[0].step, "answer");
  EXPECT_EQ(p.items[0].deadline, D("2026-02-23"));
}

TEST_F(PetitionDeadlinesTest, ReportUsesTheSameRule) {
  Petition p = Receive(commune_, PetitionClass::kReport);
  EXPECT_EQ(p.items[0].rule_id, "TCD-07");
  EXPECT_EQ(p.items[0].deadline, D("2026-02-23"));
}

TEST_F(PetitionDeadlinesTest, DenunciationInitialCheckCountsWorkingDaysAcrossTet) {
  // TC-01: 7 working days from Wed 11/02/2026: 12, 13, (14–22 Tết), 23, 24,
  // 25, 26, 27 → Fri 27/02.
  clock_.Set(At("2026-02-11"));
  Petition p = Receive(commune_, PetitionClass::kDenunciation);
  EXPECT_EQ(p.items[0].rule_id, "TC-01");
  EXPECT_EQ(p.items[0].deadline, D("2026-02-27"));
  EXPECT_TRUE(p.identity_sealed);
}

TEST_F(PetitionDeadlinesTest, ComplaintAcceptanceThenResolutionThenComplex) {
  clock_.Set(At("2026-03-02"));
  Petition p = Receive(commune_, PetitionClass::kComplaint);
  // KN-02: accept within 10 days of receipt (Mon 02/03 → Thu 12/03).
  EXPECT_EQ(p.items[0].rule_id, "KN-02");
  EXPECT_EQ(p.items[0].deadline, D("2026-03-12"));

  UnitId unit = app_->communes().ListUnits(demo_)->at(0).id;
  ASSERT_TRUE(
      app_->petitions()
          .Assign(demo_, p.id, std::nullopt, {}, unit, std::nullopt, std::nullopt, Ctx(demo_))
          .ok());
  // Thụ lý on Thu 05/03: KN-03 30 days → Sat 04/04 → Mon 06/04.
  clock_.Set(At("2026-03-05"));
  auto started = app_->petitions().StartWork(demo_, p.id, 1, Ctx(demo_));
  ASSERT_TRUE(started.ok()) << started.error().message;
  EXPECT_EQ(started->items[0].status, ItemStatus::kInProgress);
  EXPECT_EQ(started->items[0].rule_id, "KN-03");
  EXPECT_EQ(started->items[0].step_start, D("2026-03-05"));
  EXPECT_EQ(started->items[0].deadline, D("2026-04-06"));

  // Complex: 45 days → Sun 19/04 → Mon 20/04. Reason and approver required.
  EXPECT_FALSE(app_->petitions().MarkComplex(demo_, p.id, 1, "", "Chủ tịch", Ctx(demo_)).ok());
  auto complex = app_->petitions().MarkComplex(demo_, p.id, 1, "Nhiều hộ liên quan",
                                               "Lê Thanh Cảnh", Ctx(demo_));
  ASSERT_TRUE(complex.ok()) << complex.error().message;
  EXPECT_EQ(complex->items[0].deadline, D("2026-04-20"));
  EXPECT_EQ(complex->history.back().action, "complex");
}

TEST_F(PetitionDeadlinesTest, RemoteAreaCommuneGetsTheLongerLimits) {
  Commune remote;
  remote.slug = "xa-vung-cao";
  remote.code = "99003";
  remote.name = "Vùng Cao";
  remote.remote_area = true;
  AuditContext ctx = Ctx(CommuneId{});
  auto id = app_->communes().CreateCommune(remote, ctx);
  ASSERT_TRUE(id.ok()) << id.error().message;
  remote.id = *id;
  Unit unit;
  unit.commune_id = remote.id;
  unit.name = "Văn phòng";
  auto unit_id = app_->communes().AddUnit(unit, ctx);
  ASSERT_TRUE(unit_id.ok());

  clock_.Set(At("2026-03-02"));
  Petition p = Receive(remote, PetitionClass::kComplaint);
  EXPECT_EQ(p.code.substr(0, 4), "XVC-");
  ASSERT_TRUE(app_->petitions()
                  .Assign(remote.id, p.id, std::nullopt, {}, *unit_id, std::nullopt, std::nullopt,
                          Ctx(remote.id))
                  .ok());
  clock_.Set(At("2026-03-05"));
  // KN-03 remote: 45 days → Mon 20/04; remote and complex: 60 → Mon 04/05.
  auto started = app_->petitions().StartWork(remote.id, p.id, 1, Ctx(remote.id));
  ASSERT_TRUE(started.ok()) << started.error().message;
  EXPECT_EQ(started->items[0].deadline, D("2026-04-20"));
  auto complex =
      app_->petitions().MarkComplex(remote.id, p.id, 1, "Phức tạp", "Chủ tịch", Ctx(remote.id));
  ASSERT_TRUE(complex.ok());
  EXPECT_EQ(complex->items[0].deadline, D("2026-05-04"));
  // The other commune cannot see it.
  EXPECT_EQ(app_->petitions().Find(demo_, p.id).error().code, ErrorCode::kNotFound);
}

TEST_F(PetitionDeadlinesTest, ReclassifyingRecomputesTheDeadlineAndSealsADenunciation) {
  Petition p = Receive(commune_, PetitionClass::kProposal);
  ASSERT_EQ(p.items[0].deadline, D("2026-02-23"));
  EXPECT_FALSE(p.identity_sealed);
  // CLS-02: the first classification by staff needs no reason; the class
  // changes, so the deadline restarts from receipt with TC-01: 7 working
  // days from Tue 10/02 → 11, 12, 13, 23, 24, 25, 26 → Thu 26/02.
  auto changed = app_->petitions().Classify(demo_, p.id, p.version, 1, PetitionClass::kDenunciation,
                                            "an-ninh-trat-tu", "", Ctx(demo_));
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(changed->items[0].rule_id, "TC-01");
  EXPECT_EQ(changed->items[0].deadline, D("2026-02-26"));
  EXPECT_EQ(changed->items[0].status, ItemStatus::kClassified);
  EXPECT_TRUE(changed->identity_sealed);
  EXPECT_TRUE(changed->submitter.name.empty());
  // A confirmed class changes again only with a reason (who, when, why).
  auto no_reason = app_->petitions().Classify(demo_, p.id, std::nullopt, 1,
                                              PetitionClass::kComplaint, "", "", Ctx(demo_));
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
  auto complaint =
      app_->petitions().Classify(demo_, p.id, std::nullopt, 1, PetitionClass::kComplaint, "",
                                 "Nội dung là đề nghị xem xét lại quyết định", Ctx(demo_));
  ASSERT_TRUE(complaint.ok());
  // KN-02 from Tue 10/02: 10 days → Fri 20/02 (Tết) → Mon 23/02.
  EXPECT_EQ(complaint->items[0].rule_id, "KN-02");
  EXPECT_EQ(complaint->items[0].deadline, D("2026-02-23"));
  // Once sealed, the identity stays sealed (CONF-01).
  EXPECT_TRUE(complaint->identity_sealed);
  // A stale version is refused and changes nothing.
  auto stale = app_->petitions().Classify(demo_, p.id, p.version, 1, PetitionClass::kReport, "",
                                          "x", Ctx(demo_));
  EXPECT_EQ(stale.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(PetitionDeadlinesTest, DenunciationExtensionsFollowTc04) {
  clock_.Set(At("2026-03-02"));
  Petition p = Receive(commune_, PetitionClass::kDenunciation);
  UnitId unit = app_->communes().ListUnits(demo_)->at(0).id;
  ASSERT_TRUE(
      app_->petitions()
          .Assign(demo_, p.id, std::nullopt, {}, unit, std::nullopt, std::nullopt, Ctx(demo_))
          .ok());
  // Accepted Mon 02/03: TC-03 30 days → Wed 01/04.
  auto started = app_->petitions().StartWork(demo_, p.id, 1, Ctx(demo_));
  ASSERT_TRUE(started.ok());
  EXPECT_EQ(started->items[0].rule_id, "TC-03");
  EXPECT_EQ(started->items[0].deadline, D("2026-04-01"));
  // TC-04: at most 30 days per extension.
  EXPECT_EQ(app_->petitions()
                .Extend(demo_, p.id, 1, 31, "Cần xác minh", "Chủ tịch", Ctx(demo_))
                .error()
                .fields.at(0)
                .field,
            "days");
  // +30 from 01/04 → Fri 01/05 (holiday) → Mon 04/05; then +30 → Wed 03/06.
  auto first = app_->petitions().Extend(demo_, p.id, 1, 30, "Cần xác minh thêm", "Lê Thanh Cảnh",
                                        Ctx(demo_));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->items[0].deadline, D("2026-05-04"));
  auto second = app_->petitions().Extend(demo_, p.id, 1, 30, "Đặc biệt phức tạp", "Lê Thanh Cảnh",
                                         Ctx(demo_));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->items[0].deadline, D("2026-06-03"));
  ASSERT_EQ(second->items[0].extensions.size(), 2u);
  // A third extension is refused.
  EXPECT_EQ(app_->petitions()
                .Extend(demo_, p.id, 1, 10, "Lần ba", "Lê Thanh Cảnh", Ctx(demo_))
                .error()
                .code,
            ErrorCode::kFailedPrecondition);
}

TEST_F(PetitionDeadlinesTest, OverdueItemsAreFoundByTheOverdueFilter) {
  Petition p = Receive(commune_, PetitionClass::kProposal);  // due 23/02
  PetitionQuery query;
  query.q = p.code;
  query.overdue_only = true;
  query.today = D("2026-02-23");
  EXPECT_EQ(app_->petitions().Search(demo_, query)->total, 0);
  query.today = D("2026-02-24");
  auto overdue = app_->petitions().Search(demo_, query);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->total, 1);
  EXPECT_EQ(overdue->items[0].code, p.code);
  EXPECT_EQ(ItemDeadlineState(overdue->items[0].items[0], D("2026-02-24"), 3),
            DeadlineState::kOverdue);
  EXPECT_EQ(ItemDeadlineState(overdue->items[0].items[0], D("2026-02-20"), 3),
            DeadlineState::kDueSoon);
}

}  // namespace
}  // namespace doithoai::app
