// Contract tests for the CommuneRepository port, written once and run against
// every storage backend. A backend instantiates the suite with one line inside
// namespace doithoai::contract:
//
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, CommuneRepositoryContract,
//                                  ::testing::Types<PostgresBackend>);
//
// (with several backends, name the Types list with `using` first, or the macro
// splits it at the comma). A Backend type is default-constructible and has
// `std::unique_ptr<CommuneRepository> Make()`, returning a repository over a
// fresh, empty, migrated store that lives as long as the Backend object (or
// nullptr, after ADD_FAILURE, if it cannot). One Backend is made per test.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_COMMUNE_REPOSITORY_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_COMMUNE_REPOSITORY_CONTRACT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/communes/commune_repository.h"

namespace doithoai::contract {

// The audit context of contract tests: a CLI operator at a fixed time.
inline AuditContext TestAuditContext() {
  AuditContext ctx;
  ctx.actor_name = "contract-test";
  ctx.at = Timestamp(std::chrono::milliseconds(1700000000000));
  return ctx;
}

inline Commune SampleCommune(std::string slug, std::string code, std::string name) {
  Commune commune;
  commune.slug = std::move(slug);
  commune.code = std::move(code);
  commune.name = std::move(name);
  return commune;
}

inline void ExpectSameCommune(const Commune& want, const Commune& got) {
  EXPECT_EQ(want.id, got.id);
  EXPECT_EQ(want.slug, got.slug);
  EXPECT_EQ(want.code, got.code);
  EXPECT_EQ(want.name, got.name);
  EXPECT_EQ(want.type, got.type);
  EXPECT_EQ(want.province_name, got.province_name);
  EXPECT_EQ(want.address, got.address);
  EXPECT_EQ(want.remote_area, got.remote_area);
}

template <typename Backend>
class CommuneRepositoryContract : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = backend_.Make();
    if (::testing::Test::IsSkipped()) return;  // no PostgreSQL test cluster
    ASSERT_NE(repo_, nullptr) << "the backend could not create a repository";
  }

  CommuneRepository& repo() { return *repo_; }

  // Creates a commune; returns an invalid id (and fails the test) on error.
  CommuneId Create(const Commune& commune) {
    Result<CommuneId> id = repo_->CreateCommune(commune, TestAuditContext());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : CommuneId{};
  }

  std::vector<std::string> VillageNames(CommuneId commune) {
    Result<std::vector<Village>> villages = repo_->ListVillages(commune);
    EXPECT_TRUE(villages.ok());
    std::vector<std::string> names;
    if (villages.ok()) {
      for (const Village& v : *villages) {
        EXPECT_EQ(v.commune_id, commune);
        names.push_back(v.name);
      }
    }
    return names;
  }

  Backend backend_;  // declared first: outlives repo_
  std::unique_ptr<CommuneRepository> repo_;
};

TYPED_TEST_SUITE_P(CommuneRepositoryContract);

TYPED_TEST_P(CommuneRepositoryContract, CreateAndFindRoundTripAllFields) {
  // Vietnamese text in NFC, and a code whose leading zeros must survive.
  Commune full = SampleCommune("hoang-truong", "00004", "Hoằng Trường");
  full.type = CommuneType::kDacKhu;
  full.province_name = "Thanh Hóa";
  full.address = "Thôn Trung Thành, xã Hoằng Trường, tỉnh Thanh Hóa";
  full.remote_area = true;
  full.id = this->Create(full);
  ASSERT_TRUE(full.id.valid());

  Commune plain = SampleCommune("phu-my", "26734", "Phú Mỹ");
  plain.type = CommuneType::kPhuong;
  plain.id = this->Create(plain);
  ASSERT_TRUE(plain.id.valid());
  EXPECT_NE(full.id, plain.id);

  for (const Commune& want : {full, plain}) {
    Result<Commune> by_slug = this->repo().FindCommuneBySlug(want.slug);
    ASSERT_TRUE(by_slug.ok()) << by_slug.error().message;
    ExpectSameCommune(want, *by_slug);
    Result<Commune> by_id = this->repo().FindCommune(want.id);
    ASSERT_TRUE(by_id.ok()) << by_id.error().message;
    ExpectSameCommune(want, *by_id);
  }
}

TYPED_TEST_P(CommuneRepositoryContract, ListCommunesOrderedByName) {
  this->Create(SampleCommune("binh-minh", "10001", "Bình Minh"));
  this->Create(SampleCommune("an-phu", "10002", "An Phú"));
  Result<std::vector<Commune>> all = this->repo().ListCommunes();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].slug, "an-phu");
  EXPECT_EQ((*all)[1].slug, "binh-minh");
}

TYPED_TEST_P(CommuneRepositoryContract, DuplicateSlugOrCodeIsAlreadyExists) {
  this->Create(SampleCommune("hoang-truong", "16000", "Hoằng Trường"));

  Result<CommuneId> same_slug = this->repo().CreateCommune(
      SampleCommune("hoang-truong", "16001", "Khác"), TestAuditContext());
  ASSERT_FALSE(same_slug.ok());
  EXPECT_EQ(same_slug.error().code, ErrorCode::kAlreadyExists);
  EXPECT_FALSE(same_slug.error().message.empty());

  Result<CommuneId> same_code =
      this->repo().CreateCommune(SampleCommune("xa-khac", "16000", "Khác"), TestAuditContext());
  ASSERT_FALSE(same_code.ok());
  EXPECT_EQ(same_code.error().code, ErrorCode::kAlreadyExists);

  Result<std::vector<Commune>> all = this->repo().ListCommunes();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
}

TYPED_TEST_P(CommuneRepositoryContract, UnknownCommuneIsNotFound) {
  Result<Commune> by_slug = this->repo().FindCommuneBySlug("khong-co");
  ASSERT_FALSE(by_slug.ok());
  EXPECT_EQ(by_slug.error().code, ErrorCode::kNotFound);
  EXPECT_NE(by_slug.error().message.find("Không tìm thấy"), std::string::npos);

  Result<Commune> by_id = this->repo().FindCommune(CommuneId{987654});
  ASSERT_FALSE(by_id.ok());
  EXPECT_EQ(by_id.error().code, ErrorCode::kNotFound);
}

TYPED_TEST_P(CommuneRepositoryContract, VillagesOrderedByPositionThenId) {
  CommuneId id = this->Create(SampleCommune("hoang-truong", "16000", "Hoằng Trường"));
  for (auto [name, position] : std::vector<std::pair<std::string, int>>{
           {"Thôn 3", 3}, {"Thôn 1", 1}, {"Thôn Trung Thành", 2}, {"Thôn 2", 2}}) {
    Result<VillageId> added =
        this->repo().AddVillage(Village{{}, id, name, position}, TestAuditContext());
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_TRUE(added->valid());
  }
  EXPECT_EQ(this->VillageNames(id),
            (std::vector<std::string>{"Thôn 1", "Thôn Trung Thành", "Thôn 2", "Thôn 3"}));
}

TYPED_TEST_P(CommuneRepositoryContract, ChildrenAreScopedToTheirCommune) {
  CommuneId a = this->Create(SampleCommune("xa-a", "00001", "Xã A"));
  CommuneId b = this->Create(SampleCommune("xa-b", "00002", "Xã B"));
  ASSERT_TRUE(this->repo().AddVillage(Village{{}, a, "Thôn 1", 1}, TestAuditContext()).ok());
  // The same name is fine in another commune.
  ASSERT_TRUE(this->repo().AddVillage(Village{{}, b, "Thôn 1", 1}, TestAuditContext()).ok());
  ASSERT_TRUE(this->repo().AddVillage(Village{{}, b, "Thôn 2", 2}, TestAuditContext()).ok());
  Result<UnitId> unit_a =
      this->repo().AddUnit(Unit{{}, a, "Văn phòng – Thống kê", "VP-TK"}, TestAuditContext());
  ASSERT_TRUE(unit_a.ok());
  ASSERT_TRUE(
      this->repo().AddUnit(Unit{{}, b, "Tài chính – Kế toán", "TC-KT"}, TestAuditContext()).ok());
  ASSERT_TRUE(this->repo()
                  .AddOfficial(Official{{}, a, "Lê Văn An", "Chủ tịch", {}, ""}, TestAuditContext())
                  .ok());
  ASSERT_TRUE(
      this->repo()
          .AddOfficial(Official{{}, b, "Trần Thị Bình", "Công chức", {}, ""}, TestAuditContext())
          .ok());

  EXPECT_EQ(this->VillageNames(a), (std::vector<std::string>{"Thôn 1"}));
  EXPECT_EQ(this->VillageNames(b), (std::vector<std::string>{"Thôn 1", "Thôn 2"}));

  Result<std::vector<Unit>> units_a = this->repo().ListUnits(a);
  ASSERT_TRUE(units_a.ok());
  ASSERT_EQ(units_a->size(), 1u);
  EXPECT_EQ((*units_a)[0].id, *unit_a);
  EXPECT_EQ((*units_a)[0].commune_id, a);
  EXPECT_EQ((*units_a)[0].name, "Văn phòng – Thống kê");
  EXPECT_EQ((*units_a)[0].short_name, "VP-TK");
  Result<std::vector<Unit>> units_b = this->repo().ListUnits(b);
  ASSERT_TRUE(units_b.ok());
  ASSERT_EQ(units_b->size(), 1u);
  EXPECT_EQ((*units_b)[0].name, "Tài chính – Kế toán");

  Result<std::vector<Official>> officials_a = this->repo().ListOfficials(a);
  ASSERT_TRUE(officials_a.ok());
  ASSERT_EQ(officials_a->size(), 1u);
  EXPECT_EQ((*officials_a)[0].full_name, "Lê Văn An");
  EXPECT_EQ((*officials_a)[0].commune_id, a);
  Result<std::vector<Official>> officials_b = this->repo().ListOfficials(b);
  ASSERT_TRUE(officials_b.ok());
  ASSERT_EQ(officials_b->size(), 1u);
  EXPECT_EQ((*officials_b)[0].full_name, "Trần Thị Bình");

  // A commune without children lists nothing.
  CommuneId c = this->Create(SampleCommune("xa-c", "00003", "Xã C"));
  EXPECT_TRUE(this->VillageNames(c).empty());
  EXPECT_TRUE(this->repo().ListUnits(c)->empty());
  EXPECT_TRUE(this->repo().ListOfficials(c)->empty());
}

TYPED_TEST_P(CommuneRepositoryContract, OfficialsWithAndWithoutUnit) {
  CommuneId id = this->Create(SampleCommune("hoang-truong", "16000", "Hoằng Trường"));
  Result<UnitId> unit =
      this->repo().AddUnit(Unit{{}, id, "Văn phòng – Thống kê", ""}, TestAuditContext());
  ASSERT_TRUE(unit.ok());
  Official with{{}, id, "Nguyễn Thị Hồng Nhung", "Công chức Văn phòng – Thống kê", *unit, "Nhung"};
  Official without{{}, id, "Lê Đức Thọ", "Chủ tịch UBND xã", std::nullopt, ""};
  Result<OfficialId> with_id = this->repo().AddOfficial(with, TestAuditContext());
  Result<OfficialId> without_id = this->repo().AddOfficial(without, TestAuditContext());
  ASSERT_TRUE(with_id.ok()) << with_id.error().message;
  ASSERT_TRUE(without_id.ok()) << without_id.error().message;

  Result<std::vector<Official>> listed = this->repo().ListOfficials(id);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  std::vector<Official> got = *listed;
  std::sort(got.begin(), got.end(),
            [](const Official& x, const Official& y) { return x.id < y.id; });
  const Official& first = got[0].id == *with_id ? got[0] : got[1];
  const Official& second = got[0].id == *with_id ? got[1] : got[0];
  EXPECT_EQ(first.id, *with_id);
  EXPECT_EQ(first.commune_id, id);
  EXPECT_EQ(first.full_name, with.full_name);
  EXPECT_EQ(first.position, with.position);
  EXPECT_EQ(first.unit_id, std::optional<UnitId>(*unit));
  EXPECT_EQ(first.sort_given_name, "Nhung");
  EXPECT_EQ(second.id, *without_id);
  EXPECT_EQ(second.full_name, without.full_name);
  EXPECT_EQ(second.unit_id, std::nullopt);
  EXPECT_EQ(second.sort_given_name, "");
}

TYPED_TEST_P(CommuneRepositoryContract, OfficialCannotUseAnotherCommunesUnit) {
  CommuneId a = this->Create(SampleCommune("xa-a", "00001", "Xã A"));
  CommuneId b = this->Create(SampleCommune("xa-b", "00002", "Xã B"));
  Result<UnitId> unit_b = this->repo().AddUnit(Unit{{}, b, "Văn phòng", ""}, TestAuditContext());
  ASSERT_TRUE(unit_b.ok());
  Result<OfficialId> added =
      this->repo().AddOfficial(Official{{}, a, "Lê An", "", *unit_b, ""}, TestAuditContext());
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(this->repo().ListOfficials(a)->empty());
}

TYPED_TEST_P(CommuneRepositoryContract, DuplicateNamesWithinCommuneAreAlreadyExists) {
  CommuneId id = this->Create(SampleCommune("hoang-truong", "16000", "Hoằng Trường"));
  ASSERT_TRUE(this->repo().AddVillage(Village{{}, id, "Thôn 1", 1}, TestAuditContext()).ok());
  Result<VillageId> village =
      this->repo().AddVillage(Village{{}, id, "Thôn 1", 2}, TestAuditContext());
  ASSERT_FALSE(village.ok());
  EXPECT_EQ(village.error().code, ErrorCode::kAlreadyExists);
  ASSERT_TRUE(this->repo().AddUnit(Unit{{}, id, "Văn phòng", ""}, TestAuditContext()).ok());
  Result<UnitId> unit = this->repo().AddUnit(Unit{{}, id, "Văn phòng", "VP"}, TestAuditContext());
  ASSERT_FALSE(unit.ok());
  EXPECT_EQ(unit.error().code, ErrorCode::kAlreadyExists);
}

TYPED_TEST_P(CommuneRepositoryContract, AddingToMissingCommuneFails) {
  const CommuneId missing{424242};
  Result<VillageId> village =
      this->repo().AddVillage(Village{{}, missing, "Thôn 1", 1}, TestAuditContext());
  ASSERT_FALSE(village.ok());
  EXPECT_EQ(village.error().code, ErrorCode::kNotFound);
  Result<UnitId> unit =
      this->repo().AddUnit(Unit{{}, missing, "Văn phòng", ""}, TestAuditContext());
  ASSERT_FALSE(unit.ok());
  EXPECT_EQ(unit.error().code, ErrorCode::kNotFound);
  Result<OfficialId> official = this->repo().AddOfficial(
      Official{{}, missing, "Lê An", "", std::nullopt, ""}, TestAuditContext());
  ASSERT_FALSE(official.ok());
  EXPECT_EQ(official.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(this->VillageNames(missing).empty());
}

TYPED_TEST_P(CommuneRepositoryContract, ImportRosterInsertsEveryRecord) {
  CommuneId id = this->Create(SampleCommune("hoang-truong", "16000", "Hoằng Trường"));
  Result<UnitId> unit = this->repo().AddUnit(Unit{{}, id, "Văn phòng", ""}, TestAuditContext());
  ASSERT_TRUE(unit.ok());
  std::vector<Village> villages = {
      {{}, id, "Thôn 3", 3}, {{}, id, "Thôn 1", 1}, {{}, id, "Thôn Trung Thành", 2}};
  std::vector<Official> officials = {{{}, id, "Lê Văn An", "Chủ tịch", std::nullopt, ""},
                                     {{}, id, "Nguyễn Thị Nhung", "Văn phòng", *unit, "Nhung"}};
  Status imported = this->repo().ImportRoster(id, villages, officials, TestAuditContext());
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(this->VillageNames(id),
            (std::vector<std::string>{"Thôn 1", "Thôn Trung Thành", "Thôn 3"}));
  Result<std::vector<Official>> listed = this->repo().ListOfficials(id);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  for (const Official& o : *listed) {
    EXPECT_TRUE(o.id.valid());
    EXPECT_EQ(o.commune_id, id);
    if (o.full_name == "Nguyễn Thị Nhung") {
      EXPECT_EQ(o.unit_id, std::optional<UnitId>(*unit));
      EXPECT_EQ(o.sort_given_name, "Nhung");
    } else {
      EXPECT_EQ(o.full_name, "Lê Văn An");
      EXPECT_EQ(o.unit_id, std::nullopt);
    }
  }
  // An empty import changes nothing.
  ASSERT_TRUE(this->repo().ImportRoster(id, {}, {}, TestAuditContext()).ok());
  EXPECT_EQ(this->VillageNames(id).size(), 3u);
}

TYPED_TEST_P(CommuneRepositoryContract, ImportRosterIsAllOrNothing) {
  CommuneId id = this->Create(SampleCommune("hoang-truong", "16000", "Hoằng Trường"));
  ASSERT_TRUE(this->repo().AddVillage(Village{{}, id, "Thôn 2", 9}, TestAuditContext()).ok());
  // The second of three villages duplicates an existing one.
  std::vector<Village> villages = {
      {{}, id, "Thôn 1", 1}, {{}, id, "Thôn 2", 2}, {{}, id, "Thôn 3", 3}};
  std::vector<Official> officials = {{{}, id, "Lê Văn An", "Chủ tịch", std::nullopt, ""}};
  Status imported = this->repo().ImportRoster(id, villages, officials, TestAuditContext());
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(this->VillageNames(id), (std::vector<std::string>{"Thôn 2"}));
  EXPECT_TRUE(this->repo().ListOfficials(id)->empty());

  // A failing official after good villages rolls the villages back too.
  Status bad_unit = this->repo().ImportRoster(
      id, {{{}, id, "Thôn 4", 4}}, {{{}, id, "Lê An", "", UnitId{987654}, ""}}, TestAuditContext());
  ASSERT_FALSE(bad_unit.ok());
  EXPECT_EQ(bad_unit.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(this->VillageNames(id), (std::vector<std::string>{"Thôn 2"}));
  EXPECT_TRUE(this->repo().ListOfficials(id)->empty());
}

TYPED_TEST_P(CommuneRepositoryContract, ImportRosterNeverTouchesAnotherCommune) {
  CommuneId a = this->Create(SampleCommune("xa-a", "00001", "Xã A"));
  CommuneId b = this->Create(SampleCommune("xa-b", "00002", "Xã B"));
  ASSERT_TRUE(this->repo().AddVillage(Village{{}, b, "Thôn 1", 1}, TestAuditContext()).ok());
  Result<UnitId> unit_b = this->repo().AddUnit(Unit{{}, b, "Văn phòng", ""}, TestAuditContext());
  ASSERT_TRUE(unit_b.ok());

  // The same names as B's are fine in A, and B is unchanged.
  ASSERT_TRUE(this->repo()
                  .ImportRoster(a, {{{}, a, "Thôn 1", 1}, {{}, a, "Thôn 2", 2}},
                                {{{}, a, "Lê An", "", std::nullopt, ""}}, TestAuditContext())
                  .ok());
  EXPECT_EQ(this->VillageNames(a), (std::vector<std::string>{"Thôn 1", "Thôn 2"}));
  EXPECT_EQ(this->VillageNames(b), (std::vector<std::string>{"Thôn 1"}));
  EXPECT_TRUE(this->repo().ListOfficials(b)->empty());

  // A record of B inside an import into A is refused, and nothing is written.
  Status foreign_village = this->repo().ImportRoster(
      a, {{{}, a, "Thôn 3", 3}, {{}, b, "Thôn 9", 9}}, {}, TestAuditContext());
  ASSERT_FALSE(foreign_village.ok());
  EXPECT_EQ(foreign_village.error().code, ErrorCode::kInvalidArgument);
  Status foreign_official = this->repo().ImportRoster(
      a, {}, {{{}, b, "Trần Bình", "", std::nullopt, ""}}, TestAuditContext());
  ASSERT_FALSE(foreign_official.ok());
  EXPECT_EQ(foreign_official.error().code, ErrorCode::kInvalidArgument);
  // An official of A may not use B's unit.
  Status foreign_unit =
      this->repo().ImportRoster(a, {}, {{{}, a, "Trần Bình", "", *unit_b, ""}}, TestAuditContext());
  ASSERT_FALSE(foreign_unit.ok());
  EXPECT_EQ(foreign_unit.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(this->VillageNames(a), (std::vector<std::string>{"Thôn 1", "Thôn 2"}));
  EXPECT_EQ(this->VillageNames(b), (std::vector<std::string>{"Thôn 1"}));
  EXPECT_EQ(this->repo().ListOfficials(a)->size(), 1u);
  EXPECT_TRUE(this->repo().ListOfficials(b)->empty());

  // Importing into a missing commune fails.
  const CommuneId missing{424242};
  Status none =
      this->repo().ImportRoster(missing, {{{}, missing, "Thôn 1", 1}}, {}, TestAuditContext());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(this->VillageNames(missing).empty());
}

TYPED_TEST_P(CommuneRepositoryContract, UpdatesAreScopedToTheCommune) {
  CommuneId a = this->Create(SampleCommune("xa-a", "20001", "A"));
  CommuneId b = this->Create(SampleCommune("xa-b", "20002", "B"));
  Result<VillageId> v = this->repo().AddVillage(Village{{}, a, "Thôn 1", 1}, TestAuditContext());
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(this->repo().AddVillage(Village{{}, a, "Thôn 2", 2}, TestAuditContext()).ok());
  Result<UnitId> u = this->repo().AddUnit(Unit{{}, a, "Văn phòng", "VP"}, TestAuditContext());
  ASSERT_TRUE(u.ok());
  Result<OfficialId> o =
      this->repo().AddOfficial(Official{{}, a, "Lê An", "Công chức", {}, ""}, TestAuditContext());
  ASSERT_TRUE(o.ok());

  ASSERT_TRUE(
      this->repo().UpdateVillage(a, Village{*v, a, "Thôn Đông", 5}, TestAuditContext()).ok());
  ASSERT_TRUE(this->repo()
                  .UpdateUnit(a, Unit{*u, a, "Văn phòng – Thống kê", "VP-TK"}, TestAuditContext())
                  .ok());
  ASSERT_TRUE(this->repo()
                  .UpdateOfficial(a, Official{*o, a, "Lê Văn An", "Phó Chủ tịch", {}, ""},
                                  TestAuditContext())
                  .ok());
  EXPECT_EQ(this->repo().ListVillages(a)->back().name, "Thôn Đông");
  EXPECT_EQ(this->repo().ListVillages(a)->back().position, 5);
  EXPECT_EQ(this->repo().ListUnits(a)->front().short_name, "VP-TK");
  EXPECT_EQ(this->repo().ListOfficials(a)->front().position, "Phó Chủ tịch");

  // Renaming to a name the commune already has: kAlreadyExists, unchanged.
  Status dup = this->repo().UpdateVillage(a, Village{*v, a, "Thôn 2", 5}, TestAuditContext());
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  // Commune B cannot edit A's rows by id: not found, and A's data is unchanged.
  Status foreign = this->repo().UpdateVillage(b, Village{*v, b, "Bị sửa", 1}, TestAuditContext());
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(this->repo().UpdateUnit(b, Unit{*u, b, "Bị sửa", ""}, TestAuditContext()).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(this->repo().ListVillages(a)->back().name, "Thôn Đông");
  EXPECT_EQ(this->repo().ListUnits(a)->front().name, "Văn phòng – Thống kê");
}

REGISTER_TYPED_TEST_SUITE_P(CommuneRepositoryContract, CreateAndFindRoundTripAllFields,
                            ListCommunesOrderedByName, DuplicateSlugOrCodeIsAlreadyExists,
                            UnknownCommuneIsNotFound, VillagesOrderedByPositionThenId,
                            ChildrenAreScopedToTheirCommune, OfficialsWithAndWithoutUnit,
                            OfficialCannotUseAnotherCommunesUnit,
                            DuplicateNamesWithinCommuneAreAlreadyExists,
                            AddingToMissingCommuneFails, ImportRosterInsertsEveryRecord,
                            ImportRosterIsAllOrNothing, ImportRosterNeverTouchesAnotherCommune,
                            UpdatesAreScopedToTheCommune);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_COMMUNE_REPOSITORY_CONTRACT_H_
