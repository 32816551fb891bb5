// `doithoai copy` between engines (issue #8 §5): every table arrives with the
// same rows (count and checksum), a stopped copy resumes, a changed source or
// a non-empty target is refused and changes nothing, and the copied database
// works (search, audit chain, new ids after the copied ones).
#include "adapters/storage/sql/copy.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "adapters/storage/contract/petition_contract_fixture.h"
#include "adapters/storage/open_database.h"
#include "adapters/storage/sql/audit_log.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sql/petition_repository.h"
#include "adapters/storage/sql/sql_testing.h"

namespace doithoai::sql {
namespace {

AuditContext Ctx() {
  AuditContext ctx;
  ctx.actor_name = "test";
  ctx.at = Timestamp(std::chrono::milliseconds(1767225600000));
  return ctx;
}

// A source with a commune, a village, a unit and a few petitions.
void Seed(Database& db) {
  SqlCommuneRepository communes(db);
  Commune commune;
  commune.slug = "hoang-truong";
  commune.code = "16000";
  commune.name = "Hoằng Trường";
  Result<CommuneId> id = communes.CreateCommune(commune, Ctx());
  ASSERT_TRUE(id.ok()) << id.error().message;
  Village village;
  village.commune_id = *id;
  village.name = "Thôn Đông";
  ASSERT_TRUE(communes.AddVillage(village, Ctx()).ok());
  SqlPetitionRepository petitions(db);
  for (int i = 0; i < 5; ++i) {
    Petition p = contract::SamplePetition(
        *id, 2026, "Đường liên thôn Đông hỏng nặng, lần " + std::to_string(i), i);
    p.submitter.name = "Lê Thị Hoà " + std::to_string(i);
    Result<CreatedPetition> created = petitions.Create("hoang-truong", p, Ctx());
    ASSERT_TRUE(created.ok()) << created.error().message;
  }
}

struct Target {
  std::unique_ptr<postgres::PgTestDatabase> pg;  // dropped after db closes
  std::unique_ptr<Database> db;
};

// A migrated, empty target on `engine` ("sqlite" in memory or "postgresql").
Target MakeTarget(const std::string& engine) {
  Target t;
  if (engine == "postgresql") {
    auto created = postgres::PgTestDatabase::Create();
    if (!created.ok()) {
      ADD_FAILURE() << created.error().message;
      return t;
    }
    t.pg = std::move(created).value();
    t.db = OpenMigrated(t.pg->url());
  } else {
    t.db = OpenMigrated(":memory:");
  }
  return t;
}

class CopyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      SkipUnlessPostgres();
      if (IsSkipped()) return;
    }
    source_ = OpenMigrated(":memory:");
    ASSERT_NE(source_, nullptr);
    Seed(*source_);
    target_ = MakeTarget(GetParam());
    ASSERT_NE(target_.db, nullptr);
  }
  std::unique_ptr<Database> source_;
  Target target_;
};

TEST_P(CopyTest, EveryTableArrivesWithTheSameRowsAndTheCopyWorks) {
  std::vector<std::string> seen;
  Result<CopyReport> report =
      CopyDatabase(*source_, *target_.db, [&](const TableCopy& t) { seen.push_back(t.table); });
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(seen, CopiedTables());
  for (const TableCopy& t : report->tables) {
    Result<TableCopy> src = TableChecksum(*source_, t.table);
    Result<TableCopy> dst = TableChecksum(*target_.db, t.table);
    ASSERT_TRUE(src.ok() && dst.ok()) << t.table;
    EXPECT_EQ(src->rows, dst->rows) << t.table;
    EXPECT_EQ(src->checksum, dst->checksum) << t.table;
    EXPECT_FALSE(t.skipped);
  }
  EXPECT_EQ(report->search_rows, 5);
  // The copy is a working database: search (SRCH-01: "hoa" finds "Hoà",
  // "duong" finds "Đường"), the audit chain, and new rows after old ids.
  SqlPetitionRepository petitions(*target_.db);
  SqlCommuneRepository communes(*target_.db);
  Result<Commune> commune = communes.FindCommuneBySlug("hoang-truong");
  ASSERT_TRUE(commune.ok());
  PetitionQuery query;
  query.q = "duong lien thon dong";
  Result<PetitionPage> found = petitions.Search(commune->id, query);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->total, 5);
  Result<AuditVerifyReport> audit = VerifyAuditChain(*target_.db);
  ASSERT_TRUE(audit.ok());
  EXPECT_FALSE(audit->first_broken_id.has_value()) << audit->problem;
  Village village;
  village.commune_id = commune->id;
  village.name = "Thôn Mới";
  Result<VillageId> added = communes.AddVillage(village, Ctx());
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(TableChecksum(*target_.db, "villages")->rows, 2);
}

TEST_P(CopyTest, ARepeatedCopySkipsWhatIsDoneAndAChangedSourceIsRefused) {
  ASSERT_TRUE(CopyDatabase(*source_, *target_.db).ok());
  Result<CopyReport> again = CopyDatabase(*source_, *target_.db);
  ASSERT_TRUE(again.ok()) << again.error().message;
  for (const TableCopy& t : again->tables) EXPECT_TRUE(t.skipped) << t.table;
  // The source gained a village after the copy: refused, target unchanged.
  Result<Commune> commune = SqlCommuneRepository(*source_).FindCommuneBySlug("hoang-truong");
  ASSERT_TRUE(commune.ok());
  Village village;
  village.commune_id = commune->id;
  village.name = "Thôn Sau";
  ASSERT_TRUE(SqlCommuneRepository(*source_).AddVillage(village, Ctx()).ok());
  Result<CopyReport> changed = CopyDatabase(*source_, *target_.db);
  ASSERT_FALSE(changed.ok());
  EXPECT_NE(changed.error().message.find("villages"), std::string::npos);
  EXPECT_EQ(TableChecksum(*target_.db, "villages")->rows, 1);
}

TEST_P(CopyTest, AStoppedCopyResumesAndANonEmptyTableIsRefusedWhole) {
  // A target whose `units` table already has a row (as if another commune's
  // data were there): tables before it are copied, `units` is refused and
  // left as it was, nothing after it is copied.
  Result<Commune> commune = SqlCommuneRepository(*source_).FindCommuneBySlug("hoang-truong");
  ASSERT_TRUE(commune.ok());
  ASSERT_TRUE(target_.db
                  ->Write([](Connection& c) -> Status {
                    return c.Exec(
                        "INSERT INTO communes (id, slug, code, name, type) VALUES "
                        "(900, 'khac', '99999', 'Xã Khác', 'xa');"
                        "INSERT INTO units (commune_id, name) VALUES (900, 'Bộ phận khác')");
                  })
                  .ok());
  Result<CopyReport> first = CopyDatabase(*source_, *target_.db);
  ASSERT_FALSE(first.ok());
  EXPECT_NE(first.error().message.find("communes"), std::string::npos) << first.error().message;
  EXPECT_EQ(TableChecksum(*target_.db, "units")->rows, 1);
  EXPECT_EQ(TableChecksum(*target_.db, "petitions")->rows, 0);
  // Emptied by the operator, the same command finishes the copy.
  ASSERT_TRUE(target_.db
                  ->Write([](Connection& c) -> Status {
                    return c.Exec("DELETE FROM units; DELETE FROM communes");
                  })
                  .ok());
  Result<CopyReport> second = CopyDatabase(*source_, *target_.db);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(TableChecksum(*target_.db, "petitions")->rows, 5);
}

TEST_P(CopyTest, TheTableListCoversTheWholeSchema) {
  Result<std::vector<std::string>> tables = SchemaTables(*target_.db);
  ASSERT_TRUE(tables.ok()) << tables.error().message;
  std::vector<std::string> expected = CopiedTables();
  for (const char* extra : {"schema_version", "petition_search"}) expected.push_back(extra);
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> actual;
  for (const std::string& t : *tables) {
    if (t != "copy_progress") actual.push_back(t);
  }
  EXPECT_EQ(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Engines, CopyTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace doithoai::sql
