// Contract tests for the PetitionRepository port, written once and run
// against every storage backend: creating, finding, updating and the
// settings here, the search in petition_search_contract.h. A backend
// instantiates both suites inside namespace doithoai::contract:
//
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, PetitionRepositoryContract,
//                                  ::testing::Types<PostgresPetitionBackend>);
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, PetitionSearchContract,
//                                  ::testing::Types<PostgresPetitionBackend>);
//
// The Backend requirements are in petition_contract_fixture.h.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_REPOSITORY_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_REPOSITORY_CONTRACT_H_

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "adapters/storage/contract/petition_contract_fixture.h"

namespace doithoai::contract {

template <typename Backend>
class PetitionRepositoryContract : public PetitionContractFixture<Backend> {};

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

// Submissions arriving at the same moment (several server threads or
// processes) each get their own sequence: none is refused, none is
// duplicated, and the numbers have no gaps (FB-01). On PostgreSQL this is the
// case the old MAX(sequence)+1 lost with 409 (issue #8).
TYPED_TEST_P(PetitionRepositoryContract, ConcurrentCreatesGetDistinctGaplessSequences) {
  const CommuneId a = this->commune_a_;
  constexpr int kThreads = 6;
  constexpr int kEach = 15;
  std::vector<std::vector<Petition>> made(kThreads);
  std::vector<std::string> errors(kThreads);
  {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([this, a, t, &made, &errors] {
        for (int i = 0; i < kEach; ++i) {
          Petition p = SamplePetition(a, 2026, "Đồng thời " + std::to_string(t * kEach + i));
          p.form_token = "con-" + std::to_string(t) + "-" + std::to_string(i);
          Result<CreatedPetition> r =
              this->repo().Create("hoang-truong", p, PetitionAuditContext());
          if (!r.ok()) {
            errors[t] = r.error().message;
            return;
          }
          made[t].push_back(r->petition);
        }
      });
    }
    for (std::thread& th : threads) th.join();
  }
  std::set<int64_t> sequences;
  std::set<std::string> codes;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(errors[t], "") << "thread " << t;
    for (const Petition& p : made[t]) {
      sequences.insert(p.sequence);
      codes.insert(p.code);
      EXPECT_EQ(this->MustFind(a, p.id).code, p.code);
    }
  }
  ASSERT_EQ(sequences.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(codes.size(), sequences.size());
  EXPECT_EQ(*sequences.begin(), 1);
  EXPECT_EQ(*sequences.rbegin(), kThreads * kEach);
  // The next one, after the burst, continues the same counter.
  EXPECT_EQ(this->Create(SamplePetition(a, 2026, "Sau")).sequence, kThreads * kEach + 1);
  Result<bool> intact = this->backend_.AuditChainIntact();
  ASSERT_TRUE(intact.ok()) << intact.error().message;
  EXPECT_TRUE(*intact);
}

REGISTER_TYPED_TEST_SUITE_P(
    PetitionRepositoryContract, CreateAssignsCodeIdVersionAndKeepsEveryField,
    SequencesRunPerCommuneAndYear, CommunesWithTheSamePrefixGetDistinctPrefixes,
    FormTokenMakesCreateIdempotentWithinTheCommune, CreateManyIsAllOrNothing,
    CreateRefusesMissingCommuneAndForeignRows, AnotherCommunesPetitionIsNotFound,
    UpdateStoresRecomputesSummaryAndAudits, StaleVersionOrFailedChangeChangesNothing,
    SettingsDefaultRoundTripAndAudit, AuditChainVerifiesAfterEveryKindOfWrite,
    ConcurrentCreatesGetDistinctGaplessSequences);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_PETITION_REPOSITORY_CONTRACT_H_
