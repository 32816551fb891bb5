// Runs the CaseRepository contract against SQLite, both in memory and in a
// temporary file (per-thread reader connections and WAL), plus checks of the
// schema of migration 0008: the composite references keep a case and its
// members in one commune, a petition is in one case at most, and deleting a
// case removes its member rows.
#include "adapters/storage/sql/case_repository.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/storage/contract/case_repository_contract.h"
#include "adapters/storage/sql/database.h"
#include "adapters/storage/sql/petition_repository.h"
#include "adapters/storage/sql/sql_testing.h"

namespace doithoai::contract {
namespace {

// What the contract needs, over one database.
struct SqliteCaseStores : sql::SharedStores {
  std::unique_ptr<sql::SqlPetitionRepository> petitions;

  std::unique_ptr<CaseRepository> Open(const std::string& path) {
    if (!OpenShared(path)) return nullptr;
    petitions = std::make_unique<sql::SqlPetitionRepository>(*db);
    return std::make_unique<sql::SqlCaseRepository>(*db);
  }
  PetitionRepository& Petitions() { return *petitions; }
};

using SqliteMemoryBackend = sql::MemoryBackend<SqliteCaseStores>;

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sql, CaseRepositoryContract, sql::Backends<SqliteCaseStores>,
                               sql::BackendName);

namespace {

class SqliteCaseSchemaTest : public CaseRepositoryContract<SqliteMemoryBackend> {
 protected:
  // Runs `sql` in a write transaction.
  Status Exec(const std::string& sql) {
    return this->backend_.db->Write([&sql](sql::Connection& c) -> Status { return c.Exec(sql); });
  }

  int64_t Count(const std::string& sql) {
    Result<int64_t> n =
        this->backend_.db->template Read<int64_t>([&sql](sql::Connection& c) -> Result<int64_t> {
          ASSIGN_OR_RETURN(sql::Statement stmt, c.Prepare(sql));
          ASSIGN_OR_RETURN(bool row, stmt.Step());
          return row ? stmt.ColumnInt(0) : -1;
        });
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().message);
    return n.ok() ? *n : -1;
  }
};

// Issue #6: even a write that bypasses the repository cannot put another
// commune's petition into a case.
TEST_F(SqliteCaseSchemaTest, MembersStayInTheCommuneOfTheirCase) {
  const Petition mine = AddPetition(commune_a_);
  const Petition theirs = AddPetition(commune_b_);
  const PetitionCase c = MustCreate(commune_a_, "Cống thôn 2", {mine.id});
  const std::string a = std::to_string(commune_a_.value);
  const std::string b = std::to_string(commune_b_.value);
  const std::string case_id = std::to_string(c.id.value);

  // The petition of commune b filed under commune a: no such petition.
  Status cross = Exec("INSERT INTO petition_case_members VALUES (" + a + ", " + case_id + ", " +
                      std::to_string(theirs.id.value) + ", 2)");
  ASSERT_FALSE(cross.ok());
  EXPECT_EQ(cross.error().code, ErrorCode::kFailedPrecondition);
  // Filed under commune b: no such case in commune b.
  cross = Exec("INSERT INTO petition_case_members VALUES (" + b + ", " + case_id + ", " +
               std::to_string(theirs.id.value) + ", 2)");
  ASSERT_FALSE(cross.ok());
  EXPECT_EQ(cross.error().code, ErrorCode::kFailedPrecondition);

  // A second case for the same petition: the primary key refuses it.
  Status twice =
      Exec("INSERT INTO petition_cases (commune_id, title, created_at, version) VALUES (" + a +
           ", 'Khác', 0, 1); INSERT INTO petition_case_members VALUES (" + a +
           ", last_insert_rowid(), " + std::to_string(mine.id.value) + ", 1)");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);

  // Deleting the case deletes its member rows.
  ASSERT_TRUE(Exec("DELETE FROM petition_cases WHERE id = " + case_id).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM petition_case_members"), 0);
}

}  // namespace
}  // namespace doithoai::contract
