// Runs the PetitionRepository contract against SQLite, both in memory and in
// a temporary file (per-thread reader connections and WAL), plus checks of
// the raw rows of migration 0006: summary columns, the search index, and
// that a sealed identity never reaches the database in clear (CONF-01).
#include "adapters/storage/sql/petition_repository.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/storage/contract/petition_repository_contract.h"
#include "adapters/storage/contract/petition_search_contract.h"
#include "adapters/storage/sql/conference_repository.h"
#include "adapters/storage/sql/database.h"
#include "adapters/storage/sql/sql_testing.h"

namespace doithoai::contract {
namespace {

// What the contract needs, over one database.
struct SqliteStores : sql::SharedStores {
  std::unique_ptr<sql::SqlConferenceRepository> conferences;

  std::unique_ptr<PetitionRepository> Open(const std::string& path) {
    if (!OpenShared(path)) return nullptr;
    conferences = std::make_unique<sql::SqlConferenceRepository>(*db);
    return std::make_unique<sql::SqlPetitionRepository>(*db);
  }
  ConferenceRepository& Conferences() { return *conferences; }
};

using SqliteMemoryBackend = sql::MemoryBackend<SqliteStores>;

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sql, PetitionRepositoryContract, sql::Backends<SqliteStores>,
                               sql::BackendName);
INSTANTIATE_TYPED_TEST_SUITE_P(Sql, PetitionSearchContract, sql::Backends<SqliteStores>,
                               sql::BackendName);

namespace {

// The raw columns of one petition and its search row.
struct RawRow {
  std::string status, field, deadline, classes, search_name, data, folded, exact;
  int64_t open = -1, published = -1, denunciation = -1, unit_id = 0;
};

class SqlitePetitionRowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = backend_.Make();
    ASSERT_NE(repo_, nullptr);
    Result<CommuneId> id = backend_.CreateHoangTruong(PetitionAuditContext());
    ASSERT_TRUE(id.ok()) << id.error().message;
    commune_ = *id;
  }

  Petition Create(const Petition& p) {
    Result<CreatedPetition> created = repo_->Create("hoang-truong", p, PetitionAuditContext());
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? created->petition : Petition{};
  }

  RawRow Raw(PetitionId id) {
    Result<RawRow> row = backend_.db->Read<RawRow>([id](sql::Connection& c) -> Result<RawRow> {
      ASSIGN_OR_RETURN(sql::Statement stmt,
                       c.Prepare("SELECT p.status, p.field, p.deadline, p.classes, "
                                 "p.search_name, p.data, s.folded, s.exact, p.open, "
                                 "p.published_answer, p.denunciation, p.unit_id "
                                 "FROM petitions p JOIN petition_search s ON s.rowid = p.id "
                                 "WHERE p.id = ?"));
      stmt.Bind(1, id.value);
      ASSIGN_OR_RETURN(bool found, stmt.Step());
      if (!found) return MakeError(ErrorCode::kNotFound, "no row");
      RawRow r;
      r.status = stmt.ColumnText(0);
      r.field = stmt.ColumnText(1);
      r.deadline = stmt.ColumnIsNull(2) ? "NULL" : stmt.ColumnText(2);
      r.classes = stmt.ColumnText(3);
      r.search_name = stmt.ColumnText(4);
      r.data = stmt.ColumnText(5);
      r.folded = stmt.ColumnText(6);
      r.exact = stmt.ColumnText(7);
      r.open = stmt.ColumnInt(8);
      r.published = stmt.ColumnInt(9);
      r.denunciation = stmt.ColumnInt(10);
      r.unit_id = stmt.ColumnInt(11);
      return r;
    });
    EXPECT_TRUE(row.ok()) << (row.ok() ? "" : row.error().message);
    return row.ok() ? *row : RawRow{};
  }

  int64_t SearchRows() {
    Result<int64_t> n = backend_.db->Read<int64_t>([](sql::Connection& c) -> Result<int64_t> {
      ASSIGN_OR_RETURN(sql::Statement stmt, c.Prepare("SELECT COUNT(*) FROM petition_search"));
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      return row ? stmt.ColumnInt(0) : -1;
    });
    return n.ok() ? *n : -1;
  }

  SqliteMemoryBackend backend_;
  std::unique_ptr<PetitionRepository> repo_;
  CommuneId commune_;
};

TEST_F(SqlitePetitionRowTest, SummaryColumnsAndSearchRowFollowEveryWrite) {
  Petition p = SamplePetition(commune_, 2026, "Đường Hoằng Trường", 1);
  PetitionItem second = p.items[0];
  second.number = 2;
  second.text = "Khiếu nại về đất";
  second.petition_class = PetitionClass::kComplaint;
  second.deadline = PetitionDate(2026, 1, 9);
  p.items.push_back(second);
  const Petition stored = Create(p);

  RawRow row = Raw(stored.id);
  EXPECT_EQ(row.status, "received");
  EXPECT_EQ(row.field, "giao-thong");
  EXPECT_EQ(row.deadline, "2026-01-09");  // the earliest open deadline
  EXPECT_EQ(row.classes, "|complaint|proposal|");
  EXPECT_EQ(row.open, 1);
  EXPECT_EQ(row.published, 0);
  EXPECT_EQ(row.denunciation, 0);
  EXPECT_EQ(row.search_name, "le thi mai thon trung thanh");
  // SRCH-01: folded in C++ (đ→d), with the code; SRCH-03: lower-cased original.
  EXPECT_NE(row.folded.find("duong hoang truong"), std::string::npos) << row.folded;
  EXPECT_NE(row.folded.find("ht-26-0001-"), std::string::npos) << row.folded;
  EXPECT_NE(row.exact.find("đường hoằng trường"), std::string::npos) << row.exact;

  const UnitId unit =
      *backend_.Communes().AddUnit(Unit{{}, commune_, "Địa chính", ""}, PetitionAuditContext());
  PetitionChange close{
      "petition.close", [unit](Petition& q) -> Result<std::string> {
        for (PetitionItem& item : q.items) {
          item.status = ItemStatus::kAnswered;
          item.unit_id = unit;
          item.answer = PetitionAnswer{"Xong", "", true, PetitionDate(2026, 1, 8), "Bà C"};
        }
        q.items[0].text = "Đường đã sửa";
        return std::string("{}");
      }};
  ASSERT_TRUE(repo_->Update(commune_, stored.id, 1, close, PetitionAuditContext()).ok());
  row = Raw(stored.id);
  EXPECT_EQ(row.status, "answered");
  EXPECT_EQ(row.deadline, "NULL");
  EXPECT_EQ(row.open, 0);
  EXPECT_EQ(row.published, 1);
  EXPECT_EQ(row.unit_id, unit.value);
  EXPECT_NE(row.folded.find("duong da sua"), std::string::npos) << row.folded;
  EXPECT_EQ(row.folded.find("hoang truong"), std::string::npos) << row.folded;
  EXPECT_EQ(SearchRows(), 1);  // replaced, not added
}

// CONF-01, read from the raw database: nothing of the sealed identity is in
// the row, the search columns or the index.
TEST_F(SqlitePetitionRowTest, SealedIdentityIsAbsentFromTheRawRow) {
  Petition p = SamplePetition(commune_, 2026, "Tố cáo lấn chiếm đất", 1);
  p.items[0].petition_class = PetitionClass::kDenunciation;
  p.identity_sealed = true;
  p.submitter = Submitter{"", "0999888777", "MARKERADDRESS Xóm Kín", std::nullopt, "MARKERCCCD"};
  p.sealed_identity = "opaque-MARKERNAME-bytes";  // stands for vault output
  const Petition stored = Create(p);
  // An update (the path a reclassification takes) keeps it so.
  PetitionChange touch{"petition.edit", [](Petition& q) -> Result<std::string> {
                         q.submitter.address = "MARKERADDRESS again";
                         q.items[0].status = ItemStatus::kClassified;
                         return std::string("{}");
                       }};
  ASSERT_TRUE(repo_->Update(commune_, stored.id, 1, touch, PetitionAuditContext()).ok());

  const RawRow row = Raw(stored.id);
  for (const std::string& text : {row.data, row.search_name, row.folded, row.exact}) {
    for (const char* marker : {"MARKER", "marker", "0999888777", "Kín", "kin"}) {
      EXPECT_EQ(text.find(marker), std::string::npos) << marker << " in " << text;
    }
  }
  EXPECT_EQ(row.search_name, "");
  EXPECT_EQ(row.denunciation, 1);
  EXPECT_NE(row.folded.find("lan chiem"), std::string::npos);
  EXPECT_NE(row.data.find(json::Base64Encode(p.sealed_identity)), std::string::npos);
}

TEST_F(SqlitePetitionRowTest, PrefixesAreUniqueInTheSchema) {
  ASSERT_TRUE(Create(SamplePetition(commune_, 2026, "x")).id.valid());
  Status duplicate = backend_.db->Write([](sql::Connection& c) -> Status {
    return c.Exec(
        "INSERT INTO communes (slug, code, name, type) VALUES ('hai-trung', '16001', 'Hải Trung', "
        "'xa'); INSERT INTO petition_prefixes (commune_id, prefix) "
        "VALUES (last_insert_rowid(), 'HT')");
  });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
}

}  // namespace
}  // namespace doithoai::contract
