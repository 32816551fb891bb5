// SQLite-specific checks of SqlCommuneRepository::ImportRoster that the
// storage-neutral contract cannot see: the audit rows written with an import
// (one per created record plus one "roster.import" row), and none at all when
// the import is rolled back.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/storage/sql/audit_log.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sql/database.h"
#include "adapters/storage/sqlite/database.h"

namespace doithoai::sql {
namespace {

class SqliteRosterImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::SqliteDatabase::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate().ok());
    repo_ = std::make_unique<SqlCommuneRepository>(*db_);
    ctx_.actor_name = "can-bo";
    ctx_.actor_account_id = 5;
    ctx_.client_address = "192.0.2.1";
    ctx_.at = Timestamp(std::chrono::milliseconds(1700000000000));
    Commune commune;
    commune.slug = "hoang-truong";
    commune.code = "16000";
    commune.name = "Hoằng Trường";
    auto id = repo_->CreateCommune(commune, ctx_);
    ASSERT_TRUE(id.ok());
    commune_ = *id;
  }

  // action → count, over this commune's audit rows.
  std::map<std::string, int> AuditActions() {
    auto entries = ListAudit(*db_, commune_, 1000);
    EXPECT_TRUE(entries.ok());
    std::map<std::string, int> counts;
    for (const AuditEntry& e : *entries) {
      ++counts[e.action];
    }
    return counts;
  }

  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlCommuneRepository> repo_;
  AuditContext ctx_;
  CommuneId commune_;
};

TEST_F(SqliteRosterImportTest, AuditsEveryRecordAndTheImport) {
  std::vector<Village> villages = {{{}, commune_, "Thôn 1", 1}, {{}, commune_, "Thôn 2", 2}};
  std::vector<Official> officials = {{{}, commune_, "Lê Văn An", "Chủ tịch", std::nullopt, ""}};
  Status imported = repo_->ImportRoster(commune_, villages, officials, ctx_);
  ASSERT_TRUE(imported.ok()) << imported.error().message;

  EXPECT_EQ(AuditActions(), (std::map<std::string, int>{{"commune.create", 1},
                                                        {"village.create", 2},
                                                        {"official.create", 1},
                                                        {"roster.import", 1}}));
  auto entries = ListAudit(*db_, commune_, 1);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  const AuditEntry& last = (*entries)[0];  // newest first: the import row
  EXPECT_EQ(last.action, "roster.import");
  EXPECT_EQ(last.object_type, "commune");
  EXPECT_EQ(last.object_id, std::to_string(commune_.value));
  EXPECT_EQ(last.actor_name, "can-bo");
  EXPECT_EQ(last.actor_account_id, 5);
  EXPECT_EQ(last.client_address, "192.0.2.1");
  EXPECT_EQ(nlohmann::json::parse(last.after), (nlohmann::json{{"villages", 2}, {"officials", 1}}));

  auto chain = VerifyAuditChain(*db_);
  ASSERT_TRUE(chain.ok());
  EXPECT_FALSE(chain->first_broken_id.has_value()) << chain->problem;
}

TEST_F(SqliteRosterImportTest, WritesNoAuditRowWhenRolledBack) {
  ASSERT_TRUE(repo_->AddVillage(Village{{}, commune_, "Thôn 2", 2}, ctx_).ok());
  std::map<std::string, int> before = AuditActions();
  std::vector<Village> villages = {
      {{}, commune_, "Thôn 1", 1}, {{}, commune_, "Thôn 2", 2}, {{}, commune_, "Thôn 3", 3}};
  EXPECT_FALSE(repo_->ImportRoster(commune_, villages, {}, ctx_).ok());
  EXPECT_EQ(AuditActions(), before);
}

}  // namespace
}  // namespace doithoai::sql
