// Contract tests for the ConferenceRepository port, written once and run
// against every storage backend: the conference rows here, the documents and
// their register in conference_document_contract.h. A backend instantiates
// both suites inside namespace doithoai::contract:
//
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, ConferenceRepositoryContract,
//                                  ::testing::Types<PostgresConferenceBackend>);
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, ConferenceDocumentContract,
//                                  ::testing::Types<PostgresConferenceBackend>);
//
// A Backend type is default-constructible and has
//   std::unique_ptr<ConferenceRepository> Make();
//       a repository over a fresh, empty, migrated store that lives as long
//       as the Backend object (or nullptr, after ADD_FAILURE, if it cannot);
//   CommuneRepository& Communes();   // over the same store, after Make()
//   AuditReader& Audit();            // over the same store, after Make()
//   Result<bool> AuditChainIntact(); // the store's audit-chain verifier
// One Backend is made per test.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CONFERENCE_REPOSITORY_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CONFERENCE_REPOSITORY_CONTRACT_H_

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/json/conference_json.h"
#include "core/audit/audit_reader.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_repository.h"

namespace doithoai::contract {

// The audit context of conference contract tests: a named staff member at a
// fixed time.
inline AuditContext ConferenceAuditContext() {
  AuditContext ctx;
  ctx.actor_account_id = 5;
  ctx.actor_name = "vanphong";
  ctx.client_address = "192.0.2.10";
  ctx.at = Timestamp(std::chrono::milliseconds(1700000000000));
  return ctx;
}

inline Date ContractDate(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

// A conference of `commune` with one session on `first` and enough of every
// part (sessions, invitees, tasks, publications, budget) to show that the
// store keeps the whole aggregate.
inline Conference SampleConference(CommuneId commune, int year, Date first) {
  Conference c;
  c.commune_id = commune;
  c.year = year;
  c.plan_date = first.AddDays(-20);
  c.subject = "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm " + std::to_string(year);
  c.objectives = {"Nắm bắt tâm tư, nguyện vọng của Nhân dân"};
  c.assignments = {Assignment{"Văn phòng UBND xã", "", {"Chuẩn bị hội trường"}}};
  c.recipients = {"- Lưu: VT."};
  c.chair = OfficialId{3};
  c.signer_authority = "KT. CHỦ TỊCH";
  ConferenceSession session;
  session.number = 1;
  session.date = first;
  session.start_minute = 450;
  session.duration_minutes = 240;
  session.venue = "Hội trường công sở xã";
  session.villages = {VillageId{1}, VillageId{2}};
  c.sessions = {session};
  Invitee invitee;
  invitee.number = 1;
  invitee.group = ParticipantGroup::kVillage;
  invitee.name = "Ông Lê Văn A";
  invitee.address = "Thôn 1";
  invitee.village = VillageId{1};
  invitee.checked_in_at = Timestamp(std::chrono::milliseconds(1702000000000));
  c.invitees = {invitee};
  ConferenceTask task;
  task.number = 1;
  task.kind = TaskKind::kPublicNotice;
  task.title = "Thông báo công khai";
  task.offset_days = -7;
  task.due = first.AddDays(-7);
  c.tasks = {task};
  c.publications = {
      Publication{PublicationChannel::kLoudspeaker, first.AddDays(-8), first.AddDays(-1), "", ""}};
  BudgetLine line;
  line.number = 1;
  line.item = "Nước uống";
  line.unit = "người";
  line.quantity = 100;
  line.unit_price = 15000;
  c.budget = {line};
  return c;
}

// The JSON of `c` without the fields storage assigns.
inline nlohmann::json ContentJson(const Conference& c) {
  nlohmann::json json = ConferenceToJson(c);
  json.erase("id");
  json.erase("version");
  return json;
}

// A change that sets the subject and records `after`.
inline ConferenceChange SetSubject(std::string subject) {
  return ConferenceChange{"conference.edit",
                          [subject = std::move(subject)](Conference& c) -> Result<std::string> {
                            c.subject = subject;
                            return nlohmann::json({{"subject", subject}}).dump();
                          }};
}

// The state transition applied when a document is issued.
inline ConferenceChange MoveTo(ConferenceState state) {
  return ConferenceChange{"conference.state_change", [state](Conference& c) -> Result<std::string> {
                            c.state = state;
                            return nlohmann::json({{"state", ConferenceStateCode(state)}}).dump();
                          }};
}

// A renderer printing the number it was given.
inline std::function<Result<std::string>(int)> RenderNumbered(std::string text) {
  return [text = std::move(text)](int number) -> Result<std::string> {
    return "Số: " + std::to_string(number) + "\n" + text;
  };
}

template <typename Backend>
class ConferenceRepositoryContract : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = backend_.Make();
    if (::testing::Test::IsSkipped()) return;  // no PostgreSQL test cluster
    ASSERT_NE(repo_, nullptr) << "the backend could not create a repository";
    commune_a_ = AddCommune("hoang-truong", "16000", "Hoằng Trường");
    commune_b_ = AddCommune("hoang-hai", "16001", "Hoằng Hải");
    ASSERT_TRUE(commune_a_.valid());
    ASSERT_TRUE(commune_b_.valid());
  }

  ConferenceRepository& repo() { return *repo_; }

  CommuneId AddCommune(std::string slug, std::string code, std::string name) {
    Commune commune;
    commune.slug = std::move(slug);
    commune.code = std::move(code);
    commune.name = std::move(name);
    Result<CommuneId> id = backend_.Communes().CreateCommune(commune, ConferenceAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : CommuneId{};
  }

  // Creates a conference; an invalid id (and a test failure) on error.
  ConferenceId Create(const Conference& conference) {
    Result<ConferenceId> id = repo_->Create(conference, ConferenceAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : ConferenceId{};
  }

  ConferenceId CreateSample(CommuneId commune, int year) {
    return Create(SampleConference(commune, year, ContractDate(year, 12, 8)));
  }

  Conference MustFind(CommuneId commune, ConferenceId id) {
    Result<Conference> found = repo_->Find(commune, id);
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.error().message);
    return found.ok() ? *found : Conference{};
  }

  // The commune's audit entries, newest first.
  std::vector<AuditEntry> AuditOf(CommuneId commune) {
    Result<std::vector<AuditEntry>> entries = backend_.Audit().Recent(commune, 1000);
    EXPECT_TRUE(entries.ok()) << (entries.ok() ? "" : entries.error().message);
    return entries.ok() ? *entries : std::vector<AuditEntry>{};
  }

  Result<StoredDocument> IssuePlan(CommuneId commune, ConferenceId id, Date on) {
    return repo_->Issue(commune, id, ConferenceDocumentKind::kPlan, on, RenderNumbered("KẾ HOẠCH"),
                        MoveTo(ConferenceState::kPlanIssued), ConferenceAuditContext());
  }

  Backend backend_;  // declared first: outlives repo_
  std::unique_ptr<ConferenceRepository> repo_;
  CommuneId commune_a_;
  CommuneId commune_b_;
};

TYPED_TEST_SUITE_P(ConferenceRepositoryContract);

TYPED_TEST_P(ConferenceRepositoryContract, CreateAssignsIdAndVersionAndKeepsEveryField) {
  const CommuneId a = this->commune_a_;
  Conference want = SampleConference(a, 2023, ContractDate(2023, 12, 8));
  ConferenceId id = this->Create(want);
  ASSERT_TRUE(id.valid());

  Conference got = this->MustFind(a, id);
  EXPECT_EQ(got.id, id);
  EXPECT_EQ(got.commune_id, a);
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(ContentJson(got), ContentJson(want));

  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "conference.create");
  EXPECT_EQ(audit[0].object_type, "conference");
  EXPECT_EQ(audit[0].object_id, std::to_string(id.value));
  EXPECT_EQ(audit[0].actor_name, "vanphong");
  EXPECT_EQ(audit[0].before, "");
  nlohmann::json after = nlohmann::json::parse(audit[0].after);
  EXPECT_EQ(after["year"], 2023);
  EXPECT_EQ(after["subject"], want.subject);
  EXPECT_EQ(after["first_date"], "2023-12-08");
}

TYPED_TEST_P(ConferenceRepositoryContract, CreateInMissingCommuneIsNotFound) {
  Conference c = SampleConference(CommuneId{999}, 2023, ContractDate(2023, 12, 8));
  Result<ConferenceId> id = this->repo().Create(c, ConferenceAuditContext());
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, ErrorCode::kNotFound);
}

TYPED_TEST_P(ConferenceRepositoryContract, ListIsNewestFirstAndScopedToTheCommune) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  ConferenceId older = this->Create(SampleConference(a, 2022, ContractDate(2022, 12, 1)));
  ConferenceId newest = this->Create(SampleConference(a, 2024, ContractDate(2024, 6, 3)));
  // Same first date as `older`: the higher id comes first.
  ConferenceId older_twin = this->Create(SampleConference(a, 2022, ContractDate(2022, 12, 1)));
  ConferenceId other = this->CreateSample(b, 2023);

  Result<std::vector<Conference>> list_a = this->repo().List(a);
  ASSERT_TRUE(list_a.ok()) << list_a.error().message;
  std::vector<ConferenceId> ids;
  for (const Conference& c : *list_a) {
    EXPECT_EQ(c.commune_id, a);
    ids.push_back(c.id);
  }
  EXPECT_EQ(ids, (std::vector<ConferenceId>{newest, older_twin, older}));

  Result<std::vector<Conference>> list_b = this->repo().List(b);
  ASSERT_TRUE(list_b.ok());
  ASSERT_EQ(list_b->size(), 1u);
  EXPECT_EQ((*list_b)[0].id, other);

  Result<std::vector<Conference>> none = this->repo().List(CommuneId{999});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TYPED_TEST_P(ConferenceRepositoryContract, AnotherCommunesConferenceIsNotFound) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  ConferenceId id = this->CreateSample(a, 2023);
  ASSERT_TRUE(this->repo()
                  .SaveDraft(a, id, ConferenceDocumentKind::kPlan, "nháp", ConferenceAuditContext())
                  .ok());
  const size_t audit_a = this->AuditOf(a).size();

  Result<Conference> found = this->repo().Find(b, id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(found.error().message, "Không tìm thấy hội nghị.");

  bool applied = false;
  ConferenceChange change{"conference.edit", [&applied](Conference& c) -> Result<std::string> {
                            applied = true;
                            c.subject = "Bị sửa";
                            return std::string("{}");
                          }};
  Result<Conference> updated =
      this->repo().Update(b, id, std::nullopt, change, ConferenceAuditContext());
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(applied);

  EXPECT_EQ(this->repo().FindDocument(b, id, ConferenceDocumentKind::kPlan).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(this->repo().ListDocuments(b, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(this->repo()
                .SaveDraft(b, id, ConferenceDocumentKind::kPlan, "bị sửa", ConferenceAuditContext())
                .error()
                .code,
            ErrorCode::kNotFound);
  Result<StoredDocument> issued = this->IssuePlan(b, id, ContractDate(2023, 11, 20));
  ASSERT_FALSE(issued.ok());
  EXPECT_EQ(issued.error().code, ErrorCode::kNotFound);

  // Nothing of commune A changed, and B's log stays empty of it.
  Conference still = this->MustFind(a, id);
  EXPECT_EQ(still.version, 1);
  EXPECT_NE(still.subject, "Bị sửa");
  Result<StoredDocument> draft = this->repo().FindDocument(a, id, ConferenceDocumentKind::kPlan);
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(draft->markup, "nháp");
  EXPECT_FALSE(draft->issued);
  EXPECT_EQ(this->AuditOf(a).size(), audit_a);
  for (const AuditEntry& e : this->AuditOf(b)) EXPECT_NE(e.object_type, "conference");
  // B's register was not touched: its first plan is still number 1.
  ConferenceId b_conf = this->CreateSample(b, 2023);
  Result<StoredDocument> b_plan = this->IssuePlan(b, b_conf, ContractDate(2023, 11, 20));
  ASSERT_TRUE(b_plan.ok()) << b_plan.error().message;
  EXPECT_EQ(b_plan->number, 1);
}

TYPED_TEST_P(ConferenceRepositoryContract, UpdateBumpsVersionStoresAndAudits) {
  const CommuneId a = this->commune_a_;
  ConferenceId id = this->CreateSample(a, 2023);
  ConferenceId later = this->Create(SampleConference(a, 2023, ContractDate(2023, 12, 20)));

  ConferenceChange change{"conference.session_add", [](Conference& c) -> Result<std::string> {
                            // Session 1 moves to 2023-12-28 and session 2 follows on 2023-12-30.
                            ConferenceSession session = c.sessions.front();
                            session.number = 2;
                            session.date = ContractDate(2023, 12, 30);
                            c.sessions.front().date = ContractDate(2023, 12, 28);
                            c.sessions.push_back(session);
                            // Storage owns these; a change cannot move them.
                            c.id = ConferenceId{12345};
                            c.commune_id = CommuneId{999};
                            c.version = 77;
                            return std::string(R"({"session":2,"date":"2023-12-30"})");
                          }};
  Result<Conference> updated = this->repo().Update(a, id, 1, change, ConferenceAuditContext());
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->id, id);
  EXPECT_EQ(updated->commune_id, a);
  EXPECT_EQ(updated->version, 2);
  ASSERT_EQ(updated->sessions.size(), 2u);

  Conference found = this->MustFind(a, id);
  EXPECT_EQ(found.version, 2);
  EXPECT_EQ(ContentJson(found), ContentJson(*updated));
  // The first date moved to 2023-12-28, after `later` (2023-12-20).
  Result<std::vector<Conference>> list = this->repo().List(a);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, id);
  EXPECT_EQ((*list)[1].id, later);

  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "conference.session_add");
  EXPECT_EQ(audit[0].object_type, "conference");
  EXPECT_EQ(audit[0].object_id, std::to_string(id.value));
  EXPECT_EQ(audit[0].commune, a);
  EXPECT_EQ(nlohmann::json::parse(audit[0].before),
            nlohmann::json({{"version", 1}, {"state", "draft_plan"}}));
  EXPECT_EQ(audit[0].after, R"({"session":2,"date":"2023-12-30"})");

  // Without an expected version the change applies to whatever is stored.
  Result<Conference> again = this->repo().Update(
      a, id, std::nullopt, SetSubject("Hội nghị đối thoại"), ConferenceAuditContext());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->version, 3);
  EXPECT_EQ(this->MustFind(a, id).subject, "Hội nghị đối thoại");
}

TYPED_TEST_P(ConferenceRepositoryContract, StaleExpectedVersionIsRefusedAndChangesNothing) {
  const CommuneId a = this->commune_a_;
  ConferenceId id = this->CreateSample(a, 2023);
  ASSERT_TRUE(this->repo().Update(a, id, 1, SetSubject("Lần một"), ConferenceAuditContext()).ok());
  const size_t audit_before = this->AuditOf(a).size();

  Result<Conference> stale =
      this->repo().Update(a, id, 1, SetSubject("Lần hai"), ConferenceAuditContext());
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(stale.error().message,
            "Hội nghị vừa được người khác sửa; hãy tải lại trang và làm lại.");

  Conference found = this->MustFind(a, id);
  EXPECT_EQ(found.version, 2);
  EXPECT_EQ(found.subject, "Lần một");
  EXPECT_EQ(this->AuditOf(a).size(), audit_before);
}

TYPED_TEST_P(ConferenceRepositoryContract, ApplyErrorChangesNothing) {
  const CommuneId a = this->commune_a_;
  ConferenceId id = this->CreateSample(a, 2023);
  const Conference before = this->MustFind(a, id);
  const size_t audit_before = this->AuditOf(a).size();

  ConferenceChange failing{"conference.edit", [](Conference& c) -> Result<std::string> {
                             c.subject = "Đã sửa dở";
                             c.sessions.clear();
                             return MakeError(ErrorCode::kInvalidArgument, "Phiên không hợp lệ.");
                           }};
  Result<Conference> result = this->repo().Update(a, id, 1, failing, ConferenceAuditContext());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message, "Phiên không hợp lệ.");

  Conference after = this->MustFind(a, id);
  EXPECT_EQ(after.version, 1);
  EXPECT_EQ(ContentJson(after), ContentJson(before));
  EXPECT_EQ(this->AuditOf(a).size(), audit_before);
}

TYPED_TEST_P(ConferenceRepositoryContract, AuditChainVerifiesAfterEveryKindOfWrite) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  ConferenceId id = this->CreateSample(a, 2023);
  ConferenceId other = this->CreateSample(b, 2023);
  ASSERT_TRUE(
      this->repo().Update(a, id, 1, SetSubject("Đối thoại"), ConferenceAuditContext()).ok());
  ASSERT_FALSE(
      this->repo().Update(a, id, 1, SetSubject("Cũ"), ConferenceAuditContext()).ok());  // stale
  ASSERT_TRUE(this->repo()
                  .SaveDraft(a, id, ConferenceDocumentKind::kPlan, "nháp", ConferenceAuditContext())
                  .ok());
  ASSERT_TRUE(this->IssuePlan(a, id, ContractDate(2023, 11, 20)).ok());
  ASSERT_FALSE(this->IssuePlan(a, id, ContractDate(2023, 11, 20)).ok());  // refused
  ASSERT_TRUE(this->IssuePlan(b, other, ContractDate(2023, 11, 20)).ok());

  Result<bool> intact = this->backend_.AuditChainIntact();
  ASSERT_TRUE(intact.ok()) << intact.error().message;
  EXPECT_TRUE(*intact);
  // create, update, draft, state change + issue; refused writes left none.
  int conference_rows = 0;
  for (const AuditEntry& e : this->AuditOf(a)) conference_rows += e.object_type == "conference";
  EXPECT_EQ(conference_rows, 5);
}

REGISTER_TYPED_TEST_SUITE_P(ConferenceRepositoryContract,
                            CreateAssignsIdAndVersionAndKeepsEveryField,
                            CreateInMissingCommuneIsNotFound,
                            ListIsNewestFirstAndScopedToTheCommune,
                            AnotherCommunesConferenceIsNotFound, UpdateBumpsVersionStoresAndAudits,
                            StaleExpectedVersionIsRefusedAndChangesNothing,
                            ApplyErrorChangesNothing, AuditChainVerifiesAfterEveryKindOfWrite);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CONFERENCE_REPOSITORY_CONTRACT_H_
