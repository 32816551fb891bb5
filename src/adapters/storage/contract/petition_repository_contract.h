// Contract tests for the PetitionRepository port, written once and run
// against every storage backend. A backend instantiates the suite inside
// namespace doithoai::contract:
//
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, PetitionRepositoryContract,
//                                  ::testing::Types<PostgresPetitionBackend>);
//
// A Backend type is default-constructible and has
//   std::unique_ptr<PetitionRepository> Make();
//       a repository over a fresh, empty, migrated store that lives as long
//       as the Backend object (or nullptr, after ADD_FAILURE, if it cannot);
//   CommuneRepository& Communes();        // over the same store, after Make()
//   ConferenceRepository& Conferences();  // over the same store, after Make()
//   AuditReader& Audit();                 // over the same store, after Make()
//   Result<bool> AuditChainIntact();      // the store's audit-chain verifier
// One Backend is made per test.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_REPOSITORY_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_REPOSITORY_CONTRACT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/json/petition_json.h"
#include "core/audit/audit_reader.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_repository.h"
#include "core/petitions/petition_repository.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::contract {

// The audit context of petition contract tests: a named staff member at a
// fixed time.
inline AuditContext PetitionAuditContext() {
  AuditContext ctx;
  ctx.actor_account_id = 7;
  ctx.actor_name = "tiepdan";
  ctx.client_address = "192.0.2.20";
  ctx.at = Timestamp(std::chrono::milliseconds(1767600000000));
  return ctx;
}

inline Date PetitionDate(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

// A petition of `commune` received in `year` with one proposal item.
// `minute` orders petitions in time (newest first = highest minute).
inline Petition SamplePetition(CommuneId commune, int year, std::string text, int minute = 0) {
  Petition p;
  p.commune_id = commune;
  p.year = year;
  p.channel = PetitionChannel::kWalkIn;
  p.submitter = Submitter{"Lê Thị Mai", "0912345678", "Thôn Trung Thành", std::nullopt, ""};
  p.received_on = PetitionDate(year, 1, 5);
  p.received_at =
      Timestamp(std::chrono::sys_days(p.received_on.sys_days()) + std::chrono::minutes(minute));
  PetitionItem item;
  item.number = 1;
  item.text = std::move(text);
  item.petition_class = PetitionClass::kProposal;
  item.field = "giao-thong";
  item.step = "answer";
  item.rule_id = "TCD-07";
  item.step_start = p.received_on;
  item.deadline = p.received_on.AddDays(10);
  p.items = {item};
  HistoryEntry received;
  received.at = p.received_at;
  received.actor = "Công dân";
  received.action = "received";
  received.to_status = "received";
  p.history = {received};
  return p;
}

// The JSON of `p` without the fields storage assigns.
inline nlohmann::json PetitionContent(const Petition& p) {
  nlohmann::json j = nlohmann::json::parse(json::PetitionToJson(p));
  for (const char* key : {"id", "version", "code", "sequence"}) j.erase(key);
  return j;
}

// A change that rewrites item 1's text.
inline PetitionChange SetText(std::string text) {
  return PetitionChange{"petition.edit",
                        [text = std::move(text)](Petition& p) -> Result<std::string> {
                          p.items.at(0).text = text;
                          return std::string(R"({"item":1})");
                        }};
}

template <typename Backend>
class PetitionRepositoryContract : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = backend_.Make();
    ASSERT_NE(repo_, nullptr) << "the backend could not create a repository";
    // Both slugs give CommunePrefix "HT".
    commune_a_ = AddCommune("hoang-truong", "16000", "Hoằng Trường");
    commune_b_ = AddCommune("hai-trung", "16001", "Hải Trung");
    ASSERT_TRUE(commune_a_.valid());
    ASSERT_TRUE(commune_b_.valid());
  }

  PetitionRepository& repo() { return *repo_; }

  CommuneId AddCommune(std::string slug, std::string code, std::string name) {
    Commune commune;
    commune.slug = std::move(slug);
    commune.code = std::move(code);
    commune.name = std::move(name);
    Result<CommuneId> id = backend_.Communes().CreateCommune(commune, PetitionAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : CommuneId{};
  }

  VillageId AddVillage(CommuneId commune, std::string name) {
    Village village;
    village.commune_id = commune;
    village.name = std::move(name);
    Result<VillageId> id = backend_.Communes().AddVillage(village, PetitionAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : VillageId{};
  }

  UnitId AddUnit(CommuneId commune, std::string name) {
    Unit unit;
    unit.commune_id = commune;
    unit.name = std::move(name);
    Result<UnitId> id = backend_.Communes().AddUnit(unit, PetitionAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : UnitId{};
  }

  ConferenceId AddConference(CommuneId commune) {
    Conference conference;
    conference.commune_id = commune;
    conference.year = 2026;
    conference.plan_date = PetitionDate(2026, 1, 2);
    conference.subject = "Đối thoại";
    Result<ConferenceId> id = backend_.Conferences().Create(conference, PetitionAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : ConferenceId{};
  }

  std::string Slug(CommuneId commune) const {
    return commune == commune_a_ ? "hoang-truong" : "hai-trung";
  }

  // Creates a petition; an empty Petition (and a test failure) on error.
  Petition Create(const Petition& petition) {
    Result<CreatedPetition> created =
        repo_->Create(Slug(petition.commune_id), petition, PetitionAuditContext());
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    if (!created.ok()) return Petition{};
    EXPECT_TRUE(created->created);
    return created->petition;
  }

  Petition MustFind(CommuneId commune, PetitionId id) {
    Result<Petition> found = repo_->Find(commune, id);
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.error().message);
    return found.ok() ? *found : Petition{};
  }

  // The ids of a search, in order.
  std::vector<PetitionId> Ids(CommuneId commune, const PetitionQuery& query,
                              int64_t* total = nullptr) {
    Result<PetitionPage> page = repo_->Search(commune, query);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    std::vector<PetitionId> ids;
    if (!page.ok()) return ids;
    for (const Petition& p : page->items) {
      EXPECT_EQ(p.commune_id, commune);
      ids.push_back(p.id);
    }
    if (total != nullptr) *total = page->total;
    return ids;
  }

  std::vector<PetitionId> Find(CommuneId commune, std::string q) {
    PetitionQuery query;
    query.q = std::move(q);
    return Ids(commune, query);
  }

  // The commune's audit entries, newest first.
  std::vector<AuditEntry> AuditOf(CommuneId commune) {
    Result<std::vector<AuditEntry>> entries = backend_.Audit().Recent(commune, 1000);
    EXPECT_TRUE(entries.ok()) << (entries.ok() ? "" : entries.error().message);
    return entries.ok() ? *entries : std::vector<AuditEntry>{};
  }

  Backend backend_;  // declared first: outlives repo_
  std::unique_ptr<PetitionRepository> repo_;
  CommuneId commune_a_;
  CommuneId commune_b_;
};

TYPED_TEST_SUITE_P(PetitionRepositoryContract);

TYPED_TEST_P(PetitionRepositoryContract, CreateAssignsCodeIdVersionAndKeepsEveryField) {
  const CommuneId a = this->commune_a_;
  Petition want = SamplePetition(a, 2026, "Đường liên thôn xuống cấp");
  want.form_token = "form-1";
  Petition got = this->Create(want);
  ASSERT_TRUE(got.id.valid());
  EXPECT_EQ(got.commune_id, a);
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(got.sequence, 1);
  // FB-01: prefix of the slug, year % 100, the sequence, a valid check.
  ASSERT_EQ(got.code.size(), std::string("HT-26-0001-K").size());
  EXPECT_EQ(got.code.substr(0, 11), "HT-26-0001-");
  Result<TrackingCode> parsed = ParseTrackingCode(got.code);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, (TrackingCode{"HT", 26, 1}));
  EXPECT_EQ(FormatTrackingCode(*parsed), got.code);

  Petition found = this->MustFind(a, got.id);
  EXPECT_EQ(found.id, got.id);
  EXPECT_EQ(found.code, got.code);
  EXPECT_EQ(found.version, 1);
  EXPECT_EQ(PetitionContent(found), PetitionContent(want));

  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "petition.create");
  EXPECT_EQ(audit[0].object_type, "petition");
  EXPECT_EQ(audit[0].object_id, std::to_string(got.id.value));
  EXPECT_EQ(audit[0].actor_name, "tiepdan");
  EXPECT_EQ(audit[0].before, "");
  EXPECT_EQ(nlohmann::json::parse(audit[0].after),
            nlohmann::json({{"code", got.code}, {"channel", "walk_in"}}));
  // Never personal data in the log.
  for (const char* secret : {"Lê Thị Mai", "0912345678", "Trung Thành"}) {
    EXPECT_EQ(audit[0].after.find(secret), std::string::npos) << secret;
  }
}

TYPED_TEST_P(PetitionRepositoryContract, SequencesRunPerCommuneAndYear) {
  const CommuneId a = this->commune_a_;
  const Petition first = this->Create(SamplePetition(a, 2026, "Một"));
  const Petition second = this->Create(SamplePetition(a, 2026, "Hai"));
  const Petition older = this->Create(SamplePetition(a, 2025, "Năm trước"));
  const Petition third = this->Create(SamplePetition(a, 2026, "Ba"));
  EXPECT_EQ(first.sequence, 1);
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(older.sequence, 1);
  EXPECT_EQ(third.sequence, 3);
  EXPECT_EQ(second.code.substr(0, 11), "HT-26-0002-");
  EXPECT_EQ(older.code.substr(0, 11), "HT-25-0001-");
  EXPECT_EQ(third.code.substr(0, 11), "HT-26-0003-");
  for (const Petition& p : {first, second, older, third}) {
    Result<TrackingCode> parsed = ParseTrackingCode(p.code);
    ASSERT_TRUE(parsed.ok()) << p.code;
    EXPECT_EQ(parsed->sequence, p.sequence);
  }
}

// FB-01: "hoang-truong" and "hai-trung" both give "HT"; the second commune
// gets another prefix, so codes stay unique across communes.
TYPED_TEST_P(PetitionRepositoryContract, CommunesWithTheSamePrefixGetDistinctPrefixes) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  const Petition pa = this->Create(SamplePetition(a, 2026, "Xã A"));
  const Petition pb = this->Create(SamplePetition(b, 2026, "Xã B"));
  const Petition pb2 = this->Create(SamplePetition(b, 2026, "Xã B lần hai"));
  Result<TrackingCode> ca = ParseTrackingCode(pa.code);
  Result<TrackingCode> cb = ParseTrackingCode(pb.code);
  Result<TrackingCode> cb2 = ParseTrackingCode(pb2.code);
  ASSERT_TRUE(ca.ok() && cb.ok() && cb2.ok());
  EXPECT_EQ(ca->prefix, "HT");
  EXPECT_NE(cb->prefix, "HT");
  EXPECT_EQ(cb->prefix, TrackingPrefixCandidates("hai-trung")[1]);
  EXPECT_EQ(cb2->prefix, cb->prefix);  // fixed once assigned
  EXPECT_EQ(cb->sequence, 1);          // sequences are per commune

  Result<Petition> any_a = this->repo().FindByCodeAnyCommune(pa.code);
  Result<Petition> any_b = this->repo().FindByCodeAnyCommune(pb.code);
  ASSERT_TRUE(any_a.ok() && any_b.ok());
  EXPECT_EQ(any_a->id, pa.id);
  EXPECT_EQ(any_a->commune_id, a);
  EXPECT_EQ(any_b->id, pb.id);
  EXPECT_EQ(any_b->commune_id, b);
}

TYPED_TEST_P(PetitionRepositoryContract, FormTokenMakesCreateIdempotentWithinTheCommune) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  Petition p = SamplePetition(a, 2026, "Gửi hai lần");
  p.form_token = "tok-123";
  const Petition first = this->Create(p);
  const size_t audit_after_first = this->AuditOf(a).size();

  Petition again = SamplePetition(a, 2026, "Nội dung khác, cùng mã biểu mẫu");
  again.form_token = "tok-123";
  Result<CreatedPetition> second =
      this->repo().Create("hoang-truong", again, PetitionAuditContext());
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->petition.id, first.id);
  EXPECT_EQ(second->petition.code, first.code);
  EXPECT_EQ(second->petition.items.at(0).text, "Gửi hai lần");
  EXPECT_EQ(this->AuditOf(a).size(), audit_after_first);
  int64_t total = 0;
  this->Ids(a, PetitionQuery{}, &total);
  EXPECT_EQ(total, 1);
  // The next petition still takes sequence 2.
  EXPECT_EQ(this->Create(SamplePetition(a, 2026, "Tiếp")).sequence, 2);

  // Tokens are per commune; an empty token never matches.
  Petition other = SamplePetition(b, 2026, "Xã khác");
  other.form_token = "tok-123";
  EXPECT_NE(this->Create(other).id, first.id);
  EXPECT_EQ(this->Create(SamplePetition(a, 2026, "Không mã")).sequence, 3);
  EXPECT_EQ(this->Create(SamplePetition(a, 2026, "Không mã")).sequence, 4);
}

TYPED_TEST_P(PetitionRepositoryContract, CreateManyIsAllOrNothing) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  const VillageId village_of_b = this->AddVillage(b, "Thôn Đông");
  const size_t audit_before = this->AuditOf(a).size();

  std::vector<Petition> batch = {SamplePetition(a, 2026, "Một", 1),
                                 SamplePetition(a, 2026, "Hai", 2),
                                 SamplePetition(a, 2026, "Ba", 3)};
  batch[1].village_id = village_of_b;  // another commune's village
  Result<std::vector<Petition>> failed =
      this->repo().CreateMany("hoang-truong", batch, PetitionAuditContext());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);
  batch[1].village_id.reset();
  batch[2].items.clear();  // ValidatePetition: at least one item
  failed = this->repo().CreateMany("hoang-truong", batch, PetitionAuditContext());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);

  // Nothing was stored, audited or numbered.
  int64_t total = -1;
  EXPECT_TRUE(this->Ids(a, PetitionQuery{}, &total).empty());
  EXPECT_EQ(total, 0);
  EXPECT_EQ(this->AuditOf(a).size(), audit_before);

  batch.pop_back();
  Result<std::vector<Petition>> stored =
      this->repo().CreateMany("hoang-truong", batch, PetitionAuditContext());
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[0].code.substr(0, 11), "HT-26-0001-");
  EXPECT_EQ((*stored)[1].code.substr(0, 11), "HT-26-0002-");
  EXPECT_EQ(this->MustFind(a, (*stored)[1].id).items.at(0).text, "Hai");
  EXPECT_EQ(this->AuditOf(a).size(), audit_before + 2);
}

TYPED_TEST_P(PetitionRepositoryContract, CreateRefusesMissingCommuneAndForeignRows) {
  Result<CreatedPetition> missing = this->repo().Create(
      "khong-co", SamplePetition(CommuneId{999}, 2026, "x"), PetitionAuditContext());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  Petition foreign_unit = SamplePetition(a, 2026, "x");
  foreign_unit.items[0].unit_id = this->AddUnit(b, "Địa chính");
  Petition foreign_conference = SamplePetition(a, 2026, "x");
  foreign_conference.conference_id = this->AddConference(b);
  for (const Petition& p : {foreign_unit, foreign_conference}) {
    Result<CreatedPetition> created =
        this->repo().Create("hoang-truong", p, PetitionAuditContext());
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
  }
  int64_t total = -1;
  this->Ids(a, PetitionQuery{}, &total);
  EXPECT_EQ(total, 0);
}

TYPED_TEST_P(PetitionRepositoryContract, AnotherCommunesPetitionIsNotFound) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  const Petition p = this->Create(SamplePetition(a, 2026, "Của xã A"));
  const size_t audit_a = this->AuditOf(a).size();
  const size_t audit_b = this->AuditOf(b).size();

  Result<Petition> found = this->repo().Find(b, p.id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(this->repo().FindByCode(b, p.code).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(this->repo().FindByCode(a, p.code).ok());
  EXPECT_EQ(this->repo().FindByCode(a, "HT-26-9999-X").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(this->repo().FindByCodeAnyCommune("HT-26-9999-X").error().code, ErrorCode::kNotFound);

  bool applied = false;
  PetitionChange change{"petition.edit", [&applied](Petition& q) -> Result<std::string> {
                          applied = true;
                          q.items[0].text = "Bị sửa";
                          return std::string("{}");
                        }};
  Result<Petition> updated =
      this->repo().Update(b, p.id, std::nullopt, change, PetitionAuditContext());
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(applied);
  EXPECT_EQ(this->repo().RecordIdentityRead(b, p.id, PetitionAuditContext()).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(this->Find(b, "cua xa").empty());

  EXPECT_EQ(this->MustFind(a, p.id).items[0].text, "Của xã A");
  EXPECT_EQ(this->AuditOf(a).size(), audit_a);
  EXPECT_EQ(this->AuditOf(b).size(), audit_b);
}

TYPED_TEST_P(PetitionRepositoryContract, SearchFiltersPagesAndSortsNewestFirst) {
  const CommuneId a = this->commune_a_;
  const VillageId village = this->AddVillage(a, "Thôn Đông");
  const UnitId unit = this->AddUnit(a, "Địa chính");
  const ConferenceId conference = this->AddConference(a);
  const Date today = PetitionDate(2026, 2, 1);

  // p1: plain, deadline 2026-01-15 (overdue on `today`).
  Petition p1 = SamplePetition(a, 2026, "Một", 1);
  // p2: village, conference, a complaint item, field "dat-dai".
  Petition p2 = SamplePetition(a, 2026, "Hai", 2);
  p2.village_id = village;
  p2.conference_id = conference;
  p2.items[0].field = "dat-dai";
  PetitionItem complaint = p2.items[0];
  complaint.number = 2;
  complaint.petition_class = PetitionClass::kComplaint;
  complaint.deadline = today.AddDays(5);
  p2.items.push_back(complaint);
  p2.items[0].deadline = today.AddDays(3);
  // p3: assigned to the unit, not yet due.
  Petition p3 = SamplePetition(a, 2026, "Ba", 3);
  p3.items[0].status = ItemStatus::kAssigned;
  p3.items[0].unit_id = unit;
  p3.items[0].deadline = today.AddDays(1);
  // p4: answered and published, closed (not overdue though its deadline passed).
  Petition p4 = SamplePetition(a, 2026, "Bốn", 4);
  p4.items[0].status = ItemStatus::kAnswered;
  p4.items[0].answer = PetitionAnswer{"Đã trả lời", "", true, PetitionDate(2026, 1, 10), "Ông B"};
  const PetitionId id1 = this->Create(p1).id;
  const PetitionId id2 = this->Create(p2).id;
  const PetitionId id3 = this->Create(p3).id;
  const PetitionId id4 = this->Create(p4).id;
  this->Create(SamplePetition(this->commune_b_, 2026, "Xã khác", 9));

  using Ids = std::vector<PetitionId>;
  int64_t total = 0;
  EXPECT_EQ(this->Ids(a, PetitionQuery{}, &total), (Ids{id4, id3, id2, id1}));
  EXPECT_EQ(total, 4);

  PetitionQuery q;
  q.status = ItemStatus::kAssigned;
  EXPECT_EQ(this->Ids(a, q), (Ids{id3}));
  q = {};
  q.status = ItemStatus::kReceived;
  EXPECT_EQ(this->Ids(a, q), (Ids{id2, id1}));
  q = {};
  q.field = "dat-dai";
  EXPECT_EQ(this->Ids(a, q), (Ids{id2}));
  q = {};
  q.village_id = village;
  EXPECT_EQ(this->Ids(a, q), (Ids{id2}));
  q = {};
  q.unit_id = unit;
  EXPECT_EQ(this->Ids(a, q), (Ids{id3}));
  q = {};
  q.conference_id = conference;
  EXPECT_EQ(this->Ids(a, q), (Ids{id2}));
  q = {};
  q.petition_class = PetitionClass::kComplaint;  // any item of the class
  EXPECT_EQ(this->Ids(a, q), (Ids{id2}));
  q.petition_class = PetitionClass::kProposal;
  EXPECT_EQ(this->Ids(a, q), (Ids{id4, id3, id2, id1}));
  q.petition_class = PetitionClass::kDenunciation;
  EXPECT_TRUE(this->Ids(a, q).empty());
  q = {};
  q.open_only = true;
  EXPECT_EQ(this->Ids(a, q), (Ids{id3, id2, id1}));
  q = {};
  q.overdue_only = true;
  q.today = today;
  EXPECT_EQ(this->Ids(a, q), (Ids{id1}));
  q.today = today.AddDays(2);  // p3's deadline (today + 1) has passed too
  EXPECT_EQ(this->Ids(a, q), (Ids{id3, id1}));
  q = {};
  q.published_answer_only = true;
  EXPECT_EQ(this->Ids(a, q), (Ids{id4}));
  q = {};
  q.status = ItemStatus::kReceived;
  q.village_id = village;
  EXPECT_EQ(this->Ids(a, q), (Ids{id2}));

  // Paging: total ignores offset and limit; limit is clamped to 1..1000.
  q = {};
  q.offset = 1;
  q.limit = 2;
  EXPECT_EQ(this->Ids(a, q, &total), (Ids{id3, id2}));
  EXPECT_EQ(total, 4);
  q.offset = 10;
  EXPECT_TRUE(this->Ids(a, q, &total).empty());
  EXPECT_EQ(total, 4);
  q = {};
  q.limit = 0;
  EXPECT_EQ(this->Ids(a, q), (Ids{id4}));
  q.limit = 5000;
  q.offset = -3;
  EXPECT_EQ(this->Ids(a, q).size(), 4u);

  Result<std::vector<std::pair<ItemStatus, int64_t>>> counts = this->repo().CountByStatus(a);
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(*counts, (std::vector<std::pair<ItemStatus, int64_t>>{{ItemStatus::kReceived, 2},
                                                                  {ItemStatus::kAssigned, 1},
                                                                  {ItemStatus::kAnswered, 1}}));
}

// SRCH-01 / SRCH-03.
TYPED_TEST_P(PetitionRepositoryContract, SearchIgnoresDiacriticsAndRanksExactMatchesFirst) {
  const CommuneId a = this->commune_a_;
  const PetitionId place =
      this->Create(SamplePetition(a, 2026, "Đê xã Hoằng Trường bị sạt lở", 1)).id;
  const PetitionId road = this->Create(SamplePetition(a, 2026, "Sửa đường liên thôn", 2)).id;
  const PetitionId new_style = this->Create(SamplePetition(a, 2026, "Xóm Hòa Bình mất điện", 3)).id;
  const PetitionId old_style = this->Create(SamplePetition(a, 2026, "Xóm Hoà Bình mất nước", 4)).id;
  Petition named = SamplePetition(a, 2026, "Nội dung khác", 5);
  named.submitter.name = "Nguyễn Văn Đức";
  const Petition with_name = this->Create(named);

  using Ids = std::vector<PetitionId>;
  EXPECT_EQ(this->Find(a, "hoang truong"), (Ids{place}));
  EXPECT_EQ(this->Find(a, "HOẰNG TRƯỜNG"), (Ids{place}));
  EXPECT_EQ(this->Find(a, "duong"), (Ids{road}));
  EXPECT_EQ(this->Find(a, "đường"), (Ids{road}));
  EXPECT_EQ(this->Find(a, "truo"), (Ids{place}));          // word prefixes
  EXPECT_EQ(this->Find(a, "sat lo hoang"), (Ids{place}));  // every word, any order
  EXPECT_TRUE(this->Find(a, "duong xyz").empty());
  EXPECT_EQ(this->Find(a, "duc"), (Ids{with_name.id}));  // the submitter's name
  EXPECT_EQ(this->Find(a, with_name.code), (Ids{with_name.id}));
  EXPECT_EQ(this->Find(a, "\"); DROP TABLE petitions; --"), Ids{});
  EXPECT_EQ(this->Find(a, "hoa OR xyz"), Ids{});  // no FTS operators
  EXPECT_EQ(this->Find(a, "---").size(), 5u);     // no word: no text filter

  // Both tone placements match either spelling; the one typed comes first,
  // then the rest newest first.
  EXPECT_EQ(this->Find(a, "hòa bình"), (Ids{new_style, old_style}));
  EXPECT_EQ(this->Find(a, "hoà bình"), (Ids{old_style, new_style}));
  // One word is a prefix: "hoa" also finds "Hoằng" (folded "hoang").
  EXPECT_EQ(this->Find(a, "Hoà"), (Ids{old_style, new_style, place}));
  EXPECT_EQ(this->Find(a, "hoa binh"), (Ids{old_style, new_style}));

  PetitionQuery bad;
  bad.q = std::string("\xff\xfe", 2);
  Result<PetitionPage> invalid = this->repo().Search(a, bad);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
}

// CONF-01: a sealed petition keeps only the sealed bytes; its name and
// address are neither stored nor searchable.
TYPED_TEST_P(PetitionRepositoryContract, SealedIdentityIsNotStoredOrSearchable) {
  const CommuneId a = this->commune_a_;
  Petition p = SamplePetition(a, 2026, "Tố cáo việc lấn chiếm đất công");
  p.items[0].petition_class = PetitionClass::kDenunciation;
  p.identity_sealed = true;
  p.submitter = Submitter{"", "0999888777", "Xóm Bímật", std::nullopt, "038999"};
  p.sealed_identity = std::string("\x01\x00\xfe", 3) + " sealed Trần Văn Kín";
  p.phone_digest = "d1g35t";
  const Petition stored = this->Create(p);
  EXPECT_EQ(stored.submitter, Submitter{});

  Petition found = this->MustFind(a, stored.id);
  EXPECT_TRUE(found.identity_sealed);
  EXPECT_EQ(found.submitter, Submitter{});
  EXPECT_EQ(found.sealed_identity, p.sealed_identity);
  EXPECT_EQ(found.phone_digest, "d1g35t");
  EXPECT_EQ(found.DisplayName(), "Người tố cáo " + stored.code);

  EXPECT_TRUE(this->Find(a, "bimat").empty());
  EXPECT_TRUE(this->Find(a, "0999888777").empty());
  EXPECT_TRUE(this->Find(a, "kin").empty());
  EXPECT_EQ(this->Find(a, "lan chiem"), (std::vector<PetitionId>{stored.id}));  // the content is

  // A plaintext name on a sealed petition is a caller bug: refused.
  Petition leaky = p;
  leaky.submitter.name = "Trần Văn Kín";
  Result<CreatedPetition> refused =
      this->repo().Create("hoang-truong", leaky, PetitionAuditContext());
  ASSERT_FALSE(refused.ok());
  // An update cannot unseal it either.
  PetitionChange unseal{"petition.edit", [](Petition& q) -> Result<std::string> {
                          q.identity_sealed = false;
                          q.submitter.name = "Trần Văn Kín";
                          return std::string("{}");
                        }};
  EXPECT_FALSE(
      this->repo().Update(a, stored.id, std::nullopt, unseal, PetitionAuditContext()).ok());
  // Reading the identity is audited.
  ASSERT_TRUE(this->repo().RecordIdentityRead(a, stored.id, PetitionAuditContext()).ok());
  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "petition.read_identity");
  EXPECT_EQ(audit[0].object_type, "petition");
  EXPECT_EQ(audit[0].object_id, std::to_string(stored.id.value));
  EXPECT_EQ(audit[0].actor_name, "tiepdan");
  EXPECT_EQ(audit[0].commune, a);
}

TYPED_TEST_P(PetitionRepositoryContract, UpdateStoresRecomputesSummaryAndAudits) {
  const CommuneId a = this->commune_a_;
  const UnitId unit = this->AddUnit(a, "Văn hóa");
  const Petition p = this->Create(SamplePetition(a, 2026, "Loa phát thanh hỏng"));

  PetitionChange assign{"petition.assign", [unit](Petition& q) -> Result<std::string> {
                          q.items[0].status = ItemStatus::kAssigned;
                          q.items[0].unit_id = unit;
                          q.items[0].text = "Loa truyền thanh thôn hỏng";
                          // Storage owns these; a change cannot move them.
                          q.id = PetitionId{999};
                          q.commune_id = CommuneId{999};
                          q.code = "XX-26-0001-0";
                          q.sequence = 77;
                          q.version = 50;
                          return std::string(R"({"unit":1})");
                        }};
  Result<Petition> updated = this->repo().Update(a, p.id, 1, assign, PetitionAuditContext());
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->id, p.id);
  EXPECT_EQ(updated->commune_id, a);
  EXPECT_EQ(updated->code, p.code);
  EXPECT_EQ(updated->sequence, 1);
  EXPECT_EQ(updated->version, 2);
  Petition found = this->MustFind(a, p.id);
  EXPECT_EQ(found.version, 2);
  EXPECT_EQ(found.code, p.code);
  EXPECT_EQ(PetitionContent(found), PetitionContent(*updated));

  // The summary columns and the search index follow the new state.
  PetitionQuery by_unit;
  by_unit.unit_id = unit;
  by_unit.status = ItemStatus::kAssigned;
  EXPECT_EQ(this->Ids(a, by_unit), (std::vector<PetitionId>{p.id}));
  EXPECT_EQ(this->Find(a, "truyen thanh"), (std::vector<PetitionId>{p.id}));
  EXPECT_TRUE(this->Find(a, "phat thanh").empty());

  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "petition.assign");
  EXPECT_EQ(audit[0].object_type, "petition");
  EXPECT_EQ(audit[0].object_id, std::to_string(p.id.value));
  EXPECT_EQ(nlohmann::json::parse(audit[0].before),
            nlohmann::json({{"version", 1}, {"status", "received"}}));
  EXPECT_EQ(audit[0].after, R"({"unit":1})");

  // Without an expected version the change applies to whatever is stored.
  Result<Petition> again =
      this->repo().Update(a, p.id, std::nullopt, SetText("Lần ba"), PetitionAuditContext());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->version, 3);
}

TYPED_TEST_P(PetitionRepositoryContract, StaleVersionOrFailedChangeChangesNothing) {
  const CommuneId a = this->commune_a_;
  const Petition p = this->Create(SamplePetition(a, 2026, "Gốc"));
  ASSERT_TRUE(this->repo().Update(a, p.id, 1, SetText("Lần một"), PetitionAuditContext()).ok());
  const size_t audit_before = this->AuditOf(a).size();

  Result<Petition> stale =
      this->repo().Update(a, p.id, 1, SetText("Lần hai"), PetitionAuditContext());
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(stale.error().message, "Đơn vừa được người khác cập nhật; vui lòng tải lại trang.");

  PetitionChange failing{"petition.edit", [](Petition& q) -> Result<std::string> {
                           q.items[0].text = "Sửa dở";
                           return MakeError(ErrorCode::kInvalidArgument, "Không hợp lệ.");
                         }};
  Result<Petition> failed = this->repo().Update(a, p.id, 2, failing, PetitionAuditContext());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "Không hợp lệ.");
  // A change that breaks ValidatePetition is refused too.
  PetitionChange emptying{"petition.edit", [](Petition& q) -> Result<std::string> {
                            q.items.clear();
                            return std::string("{}");
                          }};
  Result<Petition> invalid = this->repo().Update(a, p.id, 2, emptying, PetitionAuditContext());
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);

  Petition found = this->MustFind(a, p.id);
  EXPECT_EQ(found.version, 2);
  EXPECT_EQ(found.items.at(0).text, "Lần một");
  EXPECT_EQ(this->Find(a, "lan mot"), (std::vector<PetitionId>{p.id}));
  EXPECT_EQ(this->AuditOf(a).size(), audit_before);
}

TYPED_TEST_P(PetitionRepositoryContract, SettingsDefaultRoundTripAndAudit) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  Result<PetitionSettings> defaults = this->repo().LoadSettings(a);
  ASSERT_TRUE(defaults.ok()) << defaults.error().message;
  EXPECT_TRUE(defaults->fields.empty());
  EXPECT_EQ(defaults->dissatisfied_action, DissatisfiedAction::kReopen);
  EXPECT_EQ(defaults->due_soon_days, 3);

  PetitionSettings s;
  s.fields = {PetitionField{"dat-dai", "đất đai"}, PetitionField{"khac", "khác"}};
  s.dissatisfied_action = DissatisfiedAction::kEscalate;
  s.due_soon_days = 5;
  ASSERT_TRUE(this->repo().SaveSettings(a, s, PetitionAuditContext()).ok());
  s.due_soon_days = 7;
  ASSERT_TRUE(this->repo().SaveSettings(a, s, PetitionAuditContext()).ok());
  Result<PetitionSettings> loaded = this->repo().LoadSettings(a);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->fields, s.fields);
  EXPECT_EQ(loaded->dissatisfied_action, DissatisfiedAction::kEscalate);
  EXPECT_EQ(loaded->due_soon_days, 7);
  EXPECT_EQ(this->repo().LoadSettings(b)->due_soon_days, 3);  // per commune

  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "petition.settings");
  EXPECT_NE(audit[0].before, "");

  PetitionSettings bad = s;
  bad.due_soon_days = -1;
  EXPECT_EQ(this->repo().SaveSettings(a, bad, PetitionAuditContext()).error().code,
            ErrorCode::kInvalidArgument);
  bad = s;
  bad.fields.push_back(PetitionField{"khac", "khác nữa"});
  EXPECT_EQ(this->repo().SaveSettings(a, bad, PetitionAuditContext()).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(this->repo().SaveSettings(CommuneId{999}, s, PetitionAuditContext()).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(this->repo().LoadSettings(a)->due_soon_days, 7);
}

TYPED_TEST_P(PetitionRepositoryContract, AuditChainVerifiesAfterEveryKindOfWrite) {
  const CommuneId a = this->commune_a_;
  Petition p = this->Create(SamplePetition(a, 2026, "Một"));
  ASSERT_TRUE(this->repo().Update(a, p.id, 1, SetText("Hai"), PetitionAuditContext()).ok());
  ASSERT_FALSE(this->repo().Update(a, p.id, 1, SetText("Cũ"), PetitionAuditContext()).ok());
  ASSERT_TRUE(this->repo().RecordIdentityRead(a, p.id, PetitionAuditContext()).ok());
  ASSERT_TRUE(this->repo().SaveSettings(a, PetitionSettings{}, PetitionAuditContext()).ok());
  ASSERT_TRUE(
      this->repo()
          .CreateMany("hoang-truong", {SamplePetition(a, 2026, "Ba")}, PetitionAuditContext())
          .ok());

  Result<bool> intact = this->backend_.AuditChainIntact();
  ASSERT_TRUE(intact.ok()) << intact.error().message;
  EXPECT_TRUE(*intact);
  int petition_rows = 0;
  for (const AuditEntry& e : this->AuditOf(a)) petition_rows += e.action.starts_with("petition.");
  EXPECT_EQ(petition_rows, 5);  // create, edit, read_identity, settings, create
}

REGISTER_TYPED_TEST_SUITE_P(
    PetitionRepositoryContract, CreateAssignsCodeIdVersionAndKeepsEveryField,
    SequencesRunPerCommuneAndYear, CommunesWithTheSamePrefixGetDistinctPrefixes,
    FormTokenMakesCreateIdempotentWithinTheCommune, CreateManyIsAllOrNothing,
    CreateRefusesMissingCommuneAndForeignRows, AnotherCommunesPetitionIsNotFound,
    SearchFiltersPagesAndSortsNewestFirst, SearchIgnoresDiacriticsAndRanksExactMatchesFirst,
    SealedIdentityIsNotStoredOrSearchable, UpdateStoresRecomputesSummaryAndAudits,
    StaleVersionOrFailedChangeChangesNothing, SettingsDefaultRoundTripAndAudit,
    AuditChainVerifiesAfterEveryKindOfWrite);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_REPOSITORY_CONTRACT_H_
