// The fixture and helpers shared by the PetitionRepository contract suites
// (petition_repository_contract.h, petition_search_contract.h).
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
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_CONTRACT_FIXTURE_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_CONTRACT_FIXTURE_H_

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
class PetitionContractFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = backend_.Make();
    if (::testing::Test::IsSkipped()) return;  // no PostgreSQL test cluster
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

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_CONTRACT_FIXTURE_H_
