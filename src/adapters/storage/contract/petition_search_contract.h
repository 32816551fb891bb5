// Contract tests for the search of the PetitionRepository port: Search
// (SRCH-01/03, filters, paging) and what a sealed identity (CONF-01) leaves
// searchable. The Backend requirements and the fixture are those of
// petition_contract_fixture.h; see petition_repository_contract.h for the
// instantiation.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_SEARCH_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_SEARCH_CONTRACT_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/contract/petition_contract_fixture.h"

namespace doithoai::contract {

template <typename Backend>
class PetitionSearchContract : public PetitionContractFixture<Backend> {};

TYPED_TEST_SUITE_P(PetitionSearchContract);

TYPED_TEST_P(PetitionSearchContract, SearchFiltersPagesAndSortsNewestFirst) {
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
TYPED_TEST_P(PetitionSearchContract, SearchIgnoresDiacriticsAndRanksExactMatchesFirst) {
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
TYPED_TEST_P(PetitionSearchContract, SealedIdentityIsNotStoredOrSearchable) {
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

REGISTER_TYPED_TEST_SUITE_P(PetitionSearchContract, SearchFiltersPagesAndSortsNewestFirst,
                            SearchIgnoresDiacriticsAndRanksExactMatchesFirst,
                            SealedIdentityIsNotStoredOrSearchable);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_SEARCH_CONTRACT_H_
