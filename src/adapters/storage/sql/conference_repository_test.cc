// Runs the ConferenceRepository contract against SQLite, both in memory and in
// a temporary file (per-thread reader connections and WAL), plus the
// SQLite-specific guarantees of migration 0005 (the NUM-05 triggers).
#include "adapters/storage/sql/conference_repository.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/storage/contract/conference_document_contract.h"
#include "adapters/storage/contract/conference_repository_contract.h"
#include "adapters/storage/sql/database.h"
#include "adapters/storage/sql/sql_testing.h"

namespace doithoai::contract {
namespace {

// What the contracts need, over one database.
struct SqliteStores : sql::SharedStores {
  std::unique_ptr<ConferenceRepository> Open(const std::string& path) {
    if (!OpenShared(path)) return nullptr;
    return std::make_unique<sql::SqlConferenceRepository>(*db);
  }
};

using SqliteMemoryBackend = sql::MemoryBackend<SqliteStores>;
using SqliteBackends = sql::Backends<SqliteStores>;

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sql, ConferenceRepositoryContract, SqliteBackends, sql::BackendName);
INSTANTIATE_TYPED_TEST_SUITE_P(Sql, ConferenceDocumentContract, SqliteBackends, sql::BackendName);

namespace {

// NUM-05 below the repository: the triggers of migration 0005 refuse any
// change to an issued row, whoever writes the SQL.
TEST(SqliteConferenceSchemaTest, IssuedDocumentCannotBeChangedEvenByRawSql) {
  SqliteMemoryBackend backend;
  std::unique_ptr<ConferenceRepository> repo = backend.Make();
  ASSERT_NE(repo, nullptr);
  Result<CommuneId> a = backend.CreateHoangTruong(ConferenceAuditContext());
  ASSERT_TRUE(a.ok());
  Result<ConferenceId> issued_conf =
      repo->Create(SampleConference(*a, 2023, ContractDate(2023, 12, 8)), ConferenceAuditContext());
  Result<ConferenceId> draft_conf =
      repo->Create(SampleConference(*a, 2023, ContractDate(2023, 12, 9)), ConferenceAuditContext());
  ASSERT_TRUE(issued_conf.ok());
  ASSERT_TRUE(draft_conf.ok());
  Result<StoredDocument> issued = repo->Issue(
      *a, *issued_conf, ConferenceDocumentKind::kPlan, ContractDate(2023, 11, 20),
      RenderNumbered("KẾ HOẠCH"), MoveTo(ConferenceState::kPlanIssued), ConferenceAuditContext());
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  ASSERT_TRUE(repo->SaveDraft(*a, *draft_conf, ConferenceDocumentKind::kPlan, "nháp",
                              ConferenceAuditContext())
                  .ok());

  sql::Database& db = *backend.db;
  auto exec = [&db](const std::string& sql) {
    return db.Write([&sql](sql::Connection& c) { return c.Exec(sql); });
  };
  const std::string id = std::to_string(issued->id.value);
  const std::string commune_id = std::to_string(a->value);
  const std::string conference_id = std::to_string(draft_conf->value);
  for (const std::string& sql : {
           "UPDATE conference_documents SET markup = 'sửa' WHERE id = " + id,
           "UPDATE conference_documents SET issued = 0, number = 0, year = 0, symbol = '', "
           "issued_on = NULL WHERE id = " +
               id,
           "DELETE FROM conference_documents WHERE id = " + id,
           "DELETE FROM conferences WHERE id = " + std::to_string(issued_conf->value),
           // REPLACE deletes without firing DELETE triggers: by id …
           "INSERT OR REPLACE INTO conference_documents (id, commune_id, conference_id, kind, "
           "markup, issued, updated_at_ms) VALUES (" +
               id + ", " + commune_id + ", " + std::to_string(issued_conf->value) +
               ", 'ke-hoach', 'x', 0, 0)",
           // … and by NUM-01 number (commune, year, symbol, number).
           "INSERT OR REPLACE INTO conference_documents (commune_id, conference_id, kind, "
           "markup, issued, year, symbol, number, issued_on, updated_at_ms) VALUES (" +
               commune_id + ", " + conference_id +
               ", 'chuong-trinh', 'x', 1, 2023, 'KH-UBND', 1, '2023-11-21', 0)",
       }) {
    SCOPED_TRACE(sql);
    EXPECT_FALSE(exec(sql).ok());
  }

  Result<StoredDocument> still =
      repo->FindDocument(*a, *issued_conf, ConferenceDocumentKind::kPlan);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->id, issued->id);
  EXPECT_TRUE(still->issued);
  EXPECT_EQ(still->number, 1);
  EXPECT_EQ(still->markup, issued->markup);

  // Drafts stay editable.
  EXPECT_TRUE(exec("UPDATE conference_documents SET markup = 'nháp 2' WHERE conference_id = " +
                   conference_id)
                  .ok());
  EXPECT_EQ(repo->FindDocument(*a, *draft_conf, ConferenceDocumentKind::kPlan)->markup, "nháp 2");
}

// NUM-01 in the schema: a second issued row with the same number, symbol and
// year for the same commune is refused (by the no-replace trigger, with the
// unique index behind it).
TEST(SqliteConferenceSchemaTest, NumberIsUniquePerCommuneYearAndSymbol) {
  SqliteMemoryBackend backend;
  ASSERT_NE(backend.Make(), nullptr);
  sql::Database& db = *backend.db;
  auto exec = [&db](const std::string& sql) {
    return db.Write([&sql](sql::Connection& c) { return c.Exec(sql); });
  };
  ASSERT_TRUE(exec("INSERT INTO communes (id, slug, code, name, type) VALUES "
                   "(1, 'a', '10001', 'A', 'xa'), (2, 'b', '10002', 'B', 'xa')")
                  .ok());
  ASSERT_TRUE(exec("INSERT INTO conferences (id, commune_id, year, state, first_date, data, "
                   "version, created_at_ms, updated_at_ms) VALUES "
                   "(1, 1, 2023, 'draft_plan', '2023-12-08', '{}', 1, 0, 0), "
                   "(2, 1, 2023, 'draft_plan', '2023-12-08', '{}', 1, 0, 0), "
                   "(3, 2, 2023, 'draft_plan', '2023-12-08', '{}', 1, 0, 0)")
                  .ok());
  const std::string insert =
      "INSERT INTO conference_documents (commune_id, conference_id, kind, markup, issued, year, "
      "symbol, number, issued_on, updated_at_ms) VALUES ";
  ASSERT_TRUE(
      exec(insert + "(1, 1, 'ke-hoach', 'x', 1, 2023, 'KH-UBND', 1, '2023-11-20', 0)").ok());
  Status duplicate =
      exec(insert + "(1, 2, 'ke-hoach', 'x', 1, 2023, 'KH-UBND', 1, '2023-11-21', 0)");
  EXPECT_FALSE(duplicate.ok());
  // Another year, another symbol or another commune may use number 1.
  EXPECT_TRUE(
      exec(insert + "(1, 2, 'ke-hoach', 'x', 1, 2024, 'KH-UBND', 1, '2024-01-02', 0)").ok());
  EXPECT_TRUE(
      exec(insert + "(1, 2, 'chuong-trinh', 'x', 1, 2023, 'CTr-UBND', 1, '2023-11-21', 0)").ok());
  EXPECT_TRUE(
      exec(insert + "(2, 3, 'ke-hoach', 'x', 1, 2023, 'KH-UBND', 1, '2023-11-20', 0)").ok());
  // A document cannot belong to another commune's conference.
  EXPECT_FALSE(exec(insert + "(2, 1, 'giay-moi', 'x', 0, 0, '', 0, NULL, 0)").ok());
  // An issued row needs its number and date; a draft has neither.
  EXPECT_FALSE(exec(insert + "(1, 1, 'giay-moi', 'x', 1, 2023, 'GM-UBND', 0, NULL, 0)").ok());
  EXPECT_FALSE(exec(insert + "(1, 1, 'thong-bao', 'x', 0, 0, '', 3, NULL, 0)").ok());
}

}  // namespace
}  // namespace doithoai::contract
