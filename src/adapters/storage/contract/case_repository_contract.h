// Contract tests for the CaseRepository port (cases, vụ việc; issue #6 §1),
// written once and run against every storage backend. A backend
// instantiates the suite inside namespace doithoai::contract:
//
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, CaseRepositoryContract,
//                                  ::testing::Types<PostgresCaseBackend>);
//
// A Backend type is default-constructible and has
//   std::unique_ptr<CaseRepository> Make();
//       a repository over a fresh, empty, migrated store that lives as long
//       as the Backend object (or nullptr, after ADD_FAILURE, if it cannot);
//   CommuneRepository& Communes();      // over the same store, after Make()
//   PetitionRepository& Petitions();    // over the same store, after Make()
//   AuditReader& Audit();               // over the same store, after Make()
//   Result<bool> AuditChainIntact();    // the store's audit-chain verifier
// One Backend is made per test.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CASE_REPOSITORY_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CASE_REPOSITORY_CONTRACT_H_

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/storage/contract/petition_contract_fixture.h"
#include "core/audit/audit_reader.h"
#include "core/communes/commune_repository.h"
#include "core/petitions/petition_case.h"
#include "core/petitions/petition_repository.h"

namespace doithoai::contract {

// The audit context of case tests, `minutes` after a fixed time (cases made
// later are newer).
inline AuditContext CaseAuditContext(int minutes = 0) {
  AuditContext ctx = PetitionAuditContext();
  ctx.actor_name = "chuyenvien";
  ctx.at += std::chrono::minutes(minutes);
  return ctx;
}

// What a test petition carries for the case counts.
struct CaseMemberSpec {
  std::optional<VillageId> village;
  std::string phone_digest;  // "" = none (counts as its own petitioner)
  bool open = true;          // false: its only item is answered
  int day = 5;               // received on 2026-01-<day>, 20:00 UTC (next day in Việt Nam)
};

template <typename Backend>
class CaseRepositoryContract : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = backend_.Make();
    if (::testing::Test::IsSkipped()) return;  // no PostgreSQL test cluster
    ASSERT_NE(repo_, nullptr) << "the backend could not create a repository";
    commune_a_ = AddCommune("hoang-truong", "16000", "Hoằng Trường");
    commune_b_ = AddCommune("hai-trung", "16001", "Hải Trung");
    ASSERT_TRUE(commune_a_.valid());
    ASSERT_TRUE(commune_b_.valid());
  }

  CaseRepository& repo() { return *repo_; }

  CommuneId AddCommune(std::string slug, std::string code, std::string name) {
    Commune commune;
    commune.slug = std::move(slug);
    commune.code = std::move(code);
    commune.name = std::move(name);
    Result<CommuneId> id = backend_.Communes().CreateCommune(commune, CaseAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : CommuneId{};
  }

  VillageId AddVillage(CommuneId commune, std::string name) {
    Village village;
    village.commune_id = commune;
    village.name = std::move(name);
    Result<VillageId> id = backend_.Communes().AddVillage(village, CaseAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : VillageId{};
  }

  // Stores a petition of `commune`; an empty Petition (and a test failure)
  // on error.
  Petition AddPetition(CommuneId commune, const CaseMemberSpec& spec = {}) {
    Petition p = SamplePetition(commune, 2026, "Đường trục thôn xuống cấp");
    p.village_id = spec.village;
    p.phone_digest = spec.phone_digest;
    p.received_on = PetitionDate(2026, 1, spec.day);
    p.received_at =
        Timestamp(std::chrono::sys_days(p.received_on.sys_days()) + std::chrono::hours(20));
    if (!spec.open) {
      p.items[0].status = ItemStatus::kAnswered;
      p.items[0].answer = PetitionAnswer{"Đã sửa xong", "", true, p.received_on, "Bà C"};
    }
    const std::string slug = commune == commune_a_ ? "hoang-truong" : "hai-trung";
    Result<CreatedPetition> created = backend_.Petitions().Create(slug, p, PetitionAuditContext());
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? created->petition : Petition{};
  }

  // Creates a case; an empty PetitionCase (and a test failure) on error.
  PetitionCase MustCreate(CommuneId commune, std::string title,
                          const std::vector<PetitionId>& members, int minutes = 0) {
    PetitionCase c;
    c.commune_id = commune;
    c.title = std::move(title);
    c.field = "giao-thong";
    c.members = members;
    Result<PetitionCase> stored = repo_->Create(commune, c, CaseAuditContext(minutes));
    EXPECT_TRUE(stored.ok()) << (stored.ok() ? "" : stored.error().message);
    return stored.ok() ? *stored : PetitionCase{};
  }

  std::optional<CaseId> CaseOf(CommuneId commune, PetitionId petition) {
    Result<std::optional<CaseId>> found = repo_->CaseOf(commune, petition);
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.error().message);
    return found.ok() ? *found : std::nullopt;
  }

  std::vector<ProminentIssue> Prominent(CommuneId commune, int limit = 100) {
    Result<std::vector<ProminentIssue>> issues = repo_->Prominent(commune, limit);
    EXPECT_TRUE(issues.ok()) << (issues.ok() ? "" : issues.error().message);
    return issues.ok() ? *issues : std::vector<ProminentIssue>{};
  }

  // The commune's audit entries about cases, newest first.
  std::vector<AuditEntry> CaseAudit(CommuneId commune) {
    Result<std::vector<AuditEntry>> entries = backend_.Audit().Recent(commune, 1000);
    EXPECT_TRUE(entries.ok()) << (entries.ok() ? "" : entries.error().message);
    std::vector<AuditEntry> out;
    if (!entries.ok()) return out;
    for (const AuditEntry& e : *entries) {
      if (e.object_type == "case") out.push_back(e);
    }
    return out;
  }

  void ExpectChainIntact() {
    Result<bool> intact = backend_.AuditChainIntact();
    ASSERT_TRUE(intact.ok()) << intact.error().message;
    EXPECT_TRUE(*intact);
  }

  Backend backend_;  // declared first: outlives repo_
  std::unique_ptr<CaseRepository> repo_;
  CommuneId commune_a_;
  CommuneId commune_b_;
};

TYPED_TEST_SUITE_P(CaseRepositoryContract);

TYPED_TEST_P(CaseRepositoryContract, CreateStoresMembersInOrderAndAudits) {
  const CommuneId a = this->commune_a_;
  const Petition p1 = this->AddPetition(a);
  const Petition p2 = this->AddPetition(a);
  const Petition p3 = this->AddPetition(a);
  const Petition other = this->AddPetition(a);

  // Decomposed "ờ" (o + U+031B + U+0300) and surrounding blanks: stored NFC
  // and trimmed (CleanCaseTitle).
  PetitionCase c;
  c.commune_id = a;
  c.title = "  Đu\xCC\x9Bo\xCC\x9B\xCC\x80ng trục thôn 3 xuống cấp \n";
  c.field = "giao-thong";
  c.members = {p3.id, p1.id, p2.id, p1.id};  // listed twice: stored once
  Result<PetitionCase> created = this->repo().Create(a, c, CaseAuditContext(5));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(created->id.valid());
  EXPECT_EQ(created->commune_id, a);
  EXPECT_EQ(created->title, "Đường trục thôn 3 xuống cấp");
  EXPECT_EQ(created->field, "giao-thong");
  EXPECT_EQ(created->members, (std::vector<PetitionId>{p3.id, p1.id, p2.id}));
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->created_at, CaseAuditContext(5).at);
  EXPECT_EQ(created->created_by, "chuyenvien");

  Result<PetitionCase> found = this->repo().Find(a, created->id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->title, created->title);
  EXPECT_EQ(found->field, "giao-thong");
  EXPECT_EQ(found->members, (std::vector<PetitionId>{p3.id, p1.id, p2.id}));
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->created_at, created->created_at);
  EXPECT_EQ(found->created_by, "chuyenvien");

  EXPECT_EQ(this->CaseOf(a, p1.id), created->id);
  EXPECT_EQ(this->CaseOf(a, p3.id), created->id);
  EXPECT_EQ(this->CaseOf(a, other.id), std::nullopt);

  Result<PetitionCase> missing = this->repo().Find(a, CaseId{created->id.value + 100});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  std::vector<AuditEntry> audit = this->CaseAudit(a);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "case.create");
  EXPECT_EQ(audit[0].object_id, std::to_string(created->id.value));
  EXPECT_EQ(audit[0].actor_name, "chuyenvien");
  EXPECT_EQ(audit[0].before, "");
  nlohmann::json after = nlohmann::json::parse(audit[0].after);
  EXPECT_EQ(after["title"], "Đường trục thôn 3 xuống cấp");
  EXPECT_EQ(after["codes"], nlohmann::json({p3.code, p1.code, p2.code}));
  // Never personal data in the log.
  for (const char* secret : {"Lê Thị Mai", "0912345678"}) {
    EXPECT_EQ(audit[0].after.find(secret), std::string::npos) << secret;
  }
  this->ExpectChainIntact();
}

TYPED_TEST_P(CaseRepositoryContract, CreateRefusesABadTitleOrNoMember) {
  const CommuneId a = this->commune_a_;
  const Petition p1 = this->AddPetition(a);
  PetitionCase c;
  c.commune_id = a;
  c.title = " \t ";
  c.members = {p1.id};
  Result<PetitionCase> blank = this->repo().Create(a, c, CaseAuditContext());
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(blank.error().fields.size(), 1u);
  EXPECT_EQ(blank.error().fields[0].field, "title");

  c.title = "Cống thôn 2";
  c.members = {};
  Result<PetitionCase> empty = this->repo().Create(a, c, CaseAuditContext());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(empty.error().fields.size(), 1u);
  EXPECT_EQ(empty.error().fields[0].field, "codes");

  EXPECT_TRUE(this->Prominent(a).empty());
  EXPECT_TRUE(this->CaseAudit(a).empty());
}

// Issue #6: merging petitions of two communes is refused, and nothing of the
// refused case is stored.
TYPED_TEST_P(CaseRepositoryContract, PetitionOfAnotherCommuneIsRefusedAndNothingStored) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  const Petition mine = this->AddPetition(a);
  const Petition theirs = this->AddPetition(b);

  PetitionCase c;
  c.commune_id = a;
  c.title = "Đường liên xã";
  c.members = {mine.id, theirs.id};
  Result<PetitionCase> merged = this->repo().Create(a, c, CaseAuditContext());
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(merged.error().message.find("không thuộc xã này"), std::string::npos)
      << merged.error().message;
  ASSERT_EQ(merged.error().fields.size(), 1u);
  EXPECT_EQ(merged.error().fields[0].field, "codes");
  // The other commune's tracking code is not revealed.
  EXPECT_EQ(merged.error().message.find(theirs.code), std::string::npos);

  EXPECT_EQ(this->CaseOf(a, mine.id), std::nullopt);
  EXPECT_TRUE(this->Prominent(a).empty());
  EXPECT_TRUE(this->Prominent(b).empty());
  EXPECT_TRUE(this->CaseAudit(a).empty());

  // Nor can one be added to an existing case.
  const Petition second = this->AddPetition(a);
  const PetitionCase stored = this->MustCreate(a, "Đường liên xã", {mine.id, second.id});
  Result<PetitionCase> added =
      this->repo().AddMembers(a, stored.id, {theirs.id}, CaseAuditContext());
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(this->CaseOf(b, theirs.id), std::nullopt);
  Result<PetitionCase> unchanged = this->repo().Find(a, stored.id);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->members, (std::vector<PetitionId>{mine.id, second.id}));
  EXPECT_EQ(unchanged->version, 1);
}

// Every call is scoped to its commune: another commune's case reads as
// missing and cannot be changed.
TYPED_TEST_P(CaseRepositoryContract, CasesOfAnotherCommuneAreInvisible) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  const Petition p1 = this->AddPetition(a);
  const Petition p2 = this->AddPetition(a);
  const Petition theirs = this->AddPetition(b);
  const PetitionCase c = this->MustCreate(a, "Cống thôn 2", {p1.id, p2.id});

  Result<PetitionCase> found = this->repo().Find(b, c.id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(this->CaseOf(b, p1.id), std::nullopt);
  Result<PetitionCase> added = this->repo().AddMembers(b, c.id, {theirs.id}, CaseAuditContext());
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kNotFound);
  Status removed = this->repo().RemoveMember(b, c.id, p1.id, CaseAuditContext());
  ASSERT_FALSE(removed.ok());
  EXPECT_EQ(removed.error().code, ErrorCode::kNotFound);
  Result<PetitionCase> renamed = this->repo().Rename(b, c.id, "Khác", "", CaseAuditContext());
  ASSERT_FALSE(renamed.ok());
  EXPECT_EQ(renamed.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(this->Prominent(b).empty());
  EXPECT_TRUE(this->CaseAudit(b).empty());

  Result<PetitionCase> still = this->repo().Find(a, c.id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->title, "Cống thôn 2");
  EXPECT_EQ(still->members, (std::vector<PetitionId>{p1.id, p2.id}));
  EXPECT_EQ(still->version, 1);
}

TYPED_TEST_P(CaseRepositoryContract, PetitionAlreadyInACaseIsRefused) {
  const CommuneId a = this->commune_a_;
  const Petition p1 = this->AddPetition(a);
  const Petition p2 = this->AddPetition(a);
  const Petition p3 = this->AddPetition(a);
  const Petition p4 = this->AddPetition(a);
  const PetitionCase first = this->MustCreate(a, "Cống thôn 2 bị tắc", {p1.id, p2.id});

  PetitionCase c;
  c.commune_id = a;
  c.title = "Ngập úng thôn 2";
  c.members = {p3.id, p2.id};
  Result<PetitionCase> second = this->repo().Create(a, c, CaseAuditContext());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(second.error().message.find(p2.code), std::string::npos) << second.error().message;
  EXPECT_NE(second.error().message.find("“Cống thôn 2 bị tắc”"), std::string::npos)
      << second.error().message;
  EXPECT_EQ(this->CaseOf(a, p3.id), std::nullopt);
  EXPECT_EQ(this->CaseOf(a, p2.id), first.id);
  EXPECT_EQ(this->Prominent(a).size(), 1u);

  const PetitionCase other = this->MustCreate(a, "Ngập úng thôn 2", {p3.id, p4.id});
  Result<PetitionCase> moved = this->repo().AddMembers(a, other.id, {p1.id}, CaseAuditContext());
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, ErrorCode::kFailedPrecondition);
  // Adding a member twice to its own case is refused the same way.
  Result<PetitionCase> again = this->repo().AddMembers(a, first.id, {p1.id}, CaseAuditContext());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);

  Result<PetitionCase> unchanged = this->repo().Find(a, other.id);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->members, (std::vector<PetitionId>{p3.id, p4.id}));
  EXPECT_EQ(this->CaseOf(a, p1.id), first.id);
}

TYPED_TEST_P(CaseRepositoryContract, AddAndRemoveMembers) {
  const CommuneId a = this->commune_a_;
  const Petition p1 = this->AddPetition(a);
  const Petition p2 = this->AddPetition(a);
  const Petition p3 = this->AddPetition(a);
  const Petition p4 = this->AddPetition(a);
  const PetitionCase c = this->MustCreate(a, "Cống thôn 2", {p1.id, p2.id});

  Result<PetitionCase> added =
      this->repo().AddMembers(a, c.id, {p4.id, p3.id}, CaseAuditContext(1));
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->members, (std::vector<PetitionId>{p1.id, p2.id, p4.id, p3.id}));
  EXPECT_EQ(added->version, 2);
  EXPECT_EQ(this->CaseOf(a, p4.id), c.id);

  ASSERT_TRUE(this->repo().RemoveMember(a, c.id, p2.id, CaseAuditContext(2)).ok());
  Result<PetitionCase> found = this->repo().Find(a, c.id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->members, (std::vector<PetitionId>{p1.id, p4.id, p3.id}));
  EXPECT_EQ(found->version, 3);
  EXPECT_EQ(this->CaseOf(a, p2.id), std::nullopt);

  // Added again later, it goes to the end.
  Result<PetitionCase> back = this->repo().AddMembers(a, c.id, {p2.id}, CaseAuditContext(3));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->members, (std::vector<PetitionId>{p1.id, p4.id, p3.id, p2.id}));

  Status not_member =
      this->repo().RemoveMember(a, c.id, PetitionId{p4.id.value + 100}, CaseAuditContext());
  ASSERT_FALSE(not_member.ok());
  EXPECT_EQ(not_member.error().code, ErrorCode::kNotFound);
  Result<PetitionCase> none = this->repo().AddMembers(a, c.id, {}, CaseAuditContext());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidArgument);
  Result<PetitionCase> missing =
      this->repo().AddMembers(a, CaseId{c.id.value + 100}, {p2.id}, CaseAuditContext());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  std::vector<AuditEntry> audit = this->CaseAudit(a);  // newest first
  ASSERT_EQ(audit.size(), 4u);
  EXPECT_EQ(audit[0].action, "case.add");
  EXPECT_EQ(audit[1].action, "case.remove");
  EXPECT_EQ(audit[2].action, "case.add");
  EXPECT_EQ(audit[3].action, "case.create");
  for (const AuditEntry& e : audit) EXPECT_EQ(e.object_id, std::to_string(c.id.value));
  EXPECT_EQ(nlohmann::json::parse(audit[2].after)["codes"], nlohmann::json({p4.code, p3.code}));
  EXPECT_EQ(nlohmann::json::parse(audit[1].after)["code"], p2.code);
  this->ExpectChainIntact();
}

TYPED_TEST_P(CaseRepositoryContract, RemovingTheLastMemberDeletesTheCase) {
  const CommuneId a = this->commune_a_;
  const Petition p1 = this->AddPetition(a);
  const Petition p2 = this->AddPetition(a);
  const PetitionCase c = this->MustCreate(a, "Cống thôn 2", {p1.id, p2.id});
  ASSERT_TRUE(this->repo().RemoveMember(a, c.id, p1.id, CaseAuditContext()).ok());
  ASSERT_TRUE(this->repo().Find(a, c.id).ok());
  ASSERT_TRUE(this->repo().RemoveMember(a, c.id, p2.id, CaseAuditContext()).ok());

  Result<PetitionCase> gone = this->repo().Find(a, c.id);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(this->CaseOf(a, p2.id), std::nullopt);
  EXPECT_TRUE(this->Prominent(a).empty());
  std::vector<AuditEntry> audit = this->CaseAudit(a);
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[0].action, "case.remove");
  EXPECT_EQ(nlohmann::json::parse(audit[0].after)["case_deleted"], true);
  EXPECT_EQ(nlohmann::json::parse(audit[1].after)["case_deleted"], false);

  // Both petitions are free for a new case.
  const PetitionCase again = this->MustCreate(a, "Cống thôn 2", {p2.id, p1.id});
  EXPECT_EQ(again.members, (std::vector<PetitionId>{p2.id, p1.id}));
  this->ExpectChainIntact();
}

TYPED_TEST_P(CaseRepositoryContract, RenameCleansTheTitleAndAudits) {
  const CommuneId a = this->commune_a_;
  const Petition p1 = this->AddPetition(a);
  const PetitionCase c = this->MustCreate(a, "Cống thôn 2", {p1.id});

  Result<PetitionCase> renamed = this->repo().Rename(a, c.id, "  Kênh tiêu thôn 2 bị bồi lấp ",
                                                     "thuy-loi", CaseAuditContext());
  ASSERT_TRUE(renamed.ok()) << renamed.error().message;
  EXPECT_EQ(renamed->title, "Kênh tiêu thôn 2 bị bồi lấp");
  EXPECT_EQ(renamed->field, "thuy-loi");
  EXPECT_EQ(renamed->version, 2);
  EXPECT_EQ(renamed->members, (std::vector<PetitionId>{p1.id}));
  Result<PetitionCase> found = this->repo().Find(a, c.id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->title, "Kênh tiêu thôn 2 bị bồi lấp");
  EXPECT_EQ(found->field, "thuy-loi");

  Result<PetitionCase> too_long =
      this->repo().Rename(a, c.id, std::string(201, 'a'), "", CaseAuditContext());
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(too_long.error().fields.size(), 1u);
  EXPECT_EQ(too_long.error().fields[0].field, "title");
  Result<PetitionCase> missing =
      this->repo().Rename(a, CaseId{c.id.value + 100}, "Khác", "", CaseAuditContext());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  std::vector<AuditEntry> audit = this->CaseAudit(a);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "case.rename");
  EXPECT_EQ(nlohmann::json::parse(audit[0].before)["title"], "Cống thôn 2");
  EXPECT_EQ(nlohmann::json::parse(audit[0].after),
            nlohmann::json({{"title", "Kênh tiêu thôn 2 bị bồi lấp"}, {"field", "thuy-loi"}}));
}

TYPED_TEST_P(CaseRepositoryContract, ProminentCountsAndOrder) {
  const CommuneId a = this->commune_a_;
  const VillageId dong = this->AddVillage(a, "Thôn Đông");
  const VillageId an = this->AddVillage(a, "Thôn An");
  const VillageId bac = this->AddVillage(a, "Thôn Bắc");

  // Case 1: the same citizen twice (one phone digest) and one petition
  // without a digest (its own petitioner); two villages; one answered.
  const Petition a1 = this->AddPetition(a, {dong, "digest-1", true, 7});
  const Petition a2 = this->AddPetition(a, {an, "digest-1", false, 3});
  const Petition a3 = this->AddPetition(a, {dong, "", true, 9});
  // Case 2: three citizens of one village.
  const Petition b1 = this->AddPetition(a, {bac, "digest-2", true, 5});
  const Petition b2 = this->AddPetition(a, {bac, "digest-3", true, 5});
  const Petition b3 = this->AddPetition(a, {bac, "digest-4", false, 6});
  // Case 3: two citizens of two villages, like case 1 but newer; one
  // petition has no village (a sealed one has none, CONF-02).
  const Petition c1 = this->AddPetition(a, {bac, "digest-5", true, 5});
  const Petition c2 = this->AddPetition(a, {an, "digest-6", true, 5});
  const Petition c3 = this->AddPetition(a, {std::nullopt, "digest-6", true, 5});

  const PetitionCase one = this->MustCreate(a, "Cống thôn Đông", {a1.id, a2.id, a3.id}, 1);
  const PetitionCase two = this->MustCreate(a, "Đường thôn Bắc", {b1.id, b2.id, b3.id}, 2);
  const PetitionCase three = this->MustCreate(a, "Chợ tạm", {c1.id, c2.id, c3.id}, 3);
  // Another commune's case never shows.
  const Petition other = this->AddPetition(this->commune_b_, {std::nullopt, "x", true, 5});
  this->MustCreate(this->commune_b_, "Khác", {other.id});

  std::vector<ProminentIssue> issues = this->Prominent(a);
  ASSERT_EQ(issues.size(), 3u);
  // Most petitioners, then most villages, then newest.
  EXPECT_EQ(issues[0].case_id, two.id);
  EXPECT_EQ(issues[1].case_id, three.id);
  EXPECT_EQ(issues[2].case_id, one.id);

  const ProminentIssue& first = issues[2];
  EXPECT_EQ(first.title, "Cống thôn Đông");
  EXPECT_EQ(first.field, "giao-thong");
  EXPECT_EQ(first.petitions, 3);
  EXPECT_EQ(first.petitioners, 2);
  EXPECT_EQ(first.villages, 2);
  EXPECT_EQ(first.open, 2);
  EXPECT_EQ(first.village_names, (std::vector<std::string>{"Thôn An", "Thôn Đông"}));
  EXPECT_EQ(first.codes, (std::vector<std::string>{a1.code, a2.code, a3.code}));
  // Received at 20:00 UTC: the next day in Việt Nam (UTC+7).
  EXPECT_EQ(first.first_received, PetitionDate(2026, 1, 4));
  EXPECT_EQ(first.last_received, PetitionDate(2026, 1, 10));

  const ProminentIssue& top = issues[0];
  EXPECT_EQ(top.petitions, 3);
  EXPECT_EQ(top.petitioners, 3);
  EXPECT_EQ(top.villages, 1);
  EXPECT_EQ(top.open, 2);
  EXPECT_EQ(top.village_names, (std::vector<std::string>{"Thôn Bắc"}));

  const ProminentIssue& middle = issues[1];
  EXPECT_EQ(middle.petitions, 3);
  EXPECT_EQ(middle.petitioners, 2);
  EXPECT_EQ(middle.villages, 2);
  EXPECT_EQ(middle.open, 3);
  EXPECT_EQ(middle.village_names, (std::vector<std::string>{"Thôn An", "Thôn Bắc"}));
  EXPECT_EQ(middle.first_received, PetitionDate(2026, 1, 6));
  EXPECT_EQ(middle.last_received, PetitionDate(2026, 1, 6));

  std::vector<ProminentIssue> limited = this->Prominent(a, 2);
  ASSERT_EQ(limited.size(), 2u);
  EXPECT_EQ(limited[0].case_id, two.id);
  EXPECT_EQ(limited[1].case_id, three.id);
  Result<std::vector<ProminentIssue>> zero = this->repo().Prominent(a, 0);
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().code, ErrorCode::kInvalidArgument);

  // A member's change shows at once: one more citizen lifts case 1 to the
  // top.
  const Petition a4 = this->AddPetition(a, {bac, "digest-7", true, 5});
  const Petition a5 = this->AddPetition(a, {bac, "digest-8", true, 5});
  ASSERT_TRUE(this->repo().AddMembers(a, one.id, {a4.id, a5.id}, CaseAuditContext()).ok());
  issues = this->Prominent(a);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].case_id, one.id);
  EXPECT_EQ(issues[0].petitioners, 4);
  EXPECT_EQ(issues[0].villages, 3);
  EXPECT_EQ(issues[0].village_names,
            (std::vector<std::string>{"Thôn An", "Thôn Bắc", "Thôn Đông"}));
}

REGISTER_TYPED_TEST_SUITE_P(CaseRepositoryContract, CreateStoresMembersInOrderAndAudits,
                            CreateRefusesABadTitleOrNoMember,
                            PetitionOfAnotherCommuneIsRefusedAndNothingStored,
                            CasesOfAnotherCommuneAreInvisible, PetitionAlreadyInACaseIsRefused,
                            AddAndRemoveMembers, RemovingTheLastMemberDeletesTheCase,
                            RenameCleansTheTitleAndAudits, ProminentCountsAndOrder);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CASE_REPOSITORY_CONTRACT_H_
