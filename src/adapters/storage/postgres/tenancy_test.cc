// Checks the migrated PostgreSQL catalogue against tenancy.h (issue #8 §4):
// the rules Citus puts on a schema distributed by commune_id
// (docs.citusdata.com, "Distributing by tenant" and "Table management"):
//  - every table is placed, either distributed or a reference table;
//  - a distributed table has commune_id NOT NULL, in its primary key and in
//    every unique constraint or unique index;
//  - a foreign key between distributed tables pairs commune_id with
//    commune_id; a reference table never refers to a distributed one;
//  - each table comes after every table it refers to (creation order);
//  - a distributed table with an id column has the primary key (commune_id, id).
// Citus itself is not packaged for Debian 12, so this is the check CI can run.
#include "adapters/storage/postgres/tenancy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "adapters/storage/postgres/pg_database.h"
#include "adapters/storage/postgres/pg_testing.h"

namespace doithoai::postgres {
namespace {

struct Constraint {
  std::string table;
  std::string name;
  char type = 0;                     // 'p', 'u', 'f'
  std::vector<std::string> columns;  // in key order
  std::string referenced;            // 'f' only
  std::vector<std::string> referenced_columns;
};

struct Catalogue {
  std::set<std::string> tables;
  std::map<std::string, bool> commune_id_not_null;  // absent: no commune_id column
  std::map<std::string, bool> has_id;
  std::vector<Constraint> constraints;
  std::vector<std::pair<std::string, std::vector<std::string>>> unique_indexes;
};

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Runs `on_row` on each row of `stmt`.
template <typename OnRow>
Status EachRow(sql::Statement& stmt, OnRow on_row) {
  while (true) {
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return OkStatus();
    on_row(stmt);
  }
}

Result<Catalogue> ReadCatalogue(sql::Database& db) {
  return db.Read<Catalogue>([](sql::Connection& c) -> Result<Catalogue> {
    Catalogue cat;
    ASSIGN_OR_RETURN(sql::Statement tables,
                     c.Prepare("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                               "ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                               "AND c.relkind IN ('r', 'p')"));
    RETURN_IF_ERROR(
        EachRow(tables, [&](sql::Statement& row) { cat.tables.insert(row.ColumnText(0)); }));
    ASSIGN_OR_RETURN(sql::Statement columns,
                     c.Prepare("SELECT table_name, column_name, is_nullable FROM "
                               "information_schema.columns WHERE table_schema = 'public' "
                               "AND column_name IN ('commune_id', 'id')"));
    RETURN_IF_ERROR(EachRow(columns, [&](sql::Statement& row) {
      if (row.ColumnText(1) == "id") {
        cat.has_id[row.ColumnText(0)] = true;
      } else {
        cat.commune_id_not_null[row.ColumnText(0)] = row.ColumnText(2) == "NO";
      }
    }));
    // Key columns in key order, as comma-separated names.
    ASSIGN_OR_RETURN(sql::Statement constraints,
                     c.Prepare("SELECT k.conrelid::regclass::text, k.conname, k.contype::text, "
                               "(SELECT string_agg(a.attname, ',' ORDER BY u.ord) FROM "
                               "unnest(k.conkey) WITH ORDINALITY u(att, ord) JOIN pg_attribute a "
                               "ON a.attrelid = k.conrelid AND a.attnum = u.att), "
                               "COALESCE(k.confrelid::regclass::text, ''), "
                               "COALESCE((SELECT string_agg(a.attname, ',' ORDER BY u.ord) FROM "
                               "unnest(k.confkey) WITH ORDINALITY u(att, ord) JOIN pg_attribute a "
                               "ON a.attrelid = k.confrelid AND a.attnum = u.att), '') "
                               "FROM pg_constraint k WHERE k.connamespace = 'public'::regnamespace "
                               "AND k.contype IN ('p', 'u', 'f')"));
    RETURN_IF_ERROR(EachRow(constraints, [&](sql::Statement& row) {
      Constraint k;
      k.table = row.ColumnText(0);
      k.name = row.ColumnText(1);
      k.type = row.ColumnText(2).at(0);
      k.columns = SplitCommas(row.ColumnText(3));
      k.referenced = row.ColumnText(4);
      k.referenced_columns = SplitCommas(row.ColumnText(5));
      cat.constraints.push_back(std::move(k));
    }));
    // Unique indexes that are not a constraint's (expressions count as "").
    ASSIGN_OR_RETURN(
        sql::Statement indexes,
        c.Prepare("SELECT i.indrelid::regclass::text, (SELECT string_agg(COALESCE(a.attname, "
                  "''), ',' ORDER BY u.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY "
                  "u(att, ord) LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
                  "a.attnum = u.att) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                  "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                  "AND i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE "
                  "k.conindid = i.indexrelid)"));
    RETURN_IF_ERROR(EachRow(indexes, [&](sql::Statement& row) {
      cat.unique_indexes.emplace_back(row.ColumnText(0), SplitCommas(row.ColumnText(1)));
    }));
    return cat;
  });
}

Result<int64_t> QueryCount(sql::Database& db, const std::string& query) {
  return db.Read<int64_t>([&query](sql::Connection& c) -> Result<int64_t> {
    ASSIGN_OR_RETURN(sql::Statement stmt, c.Prepare(query));
    return stmt.RunReturningInt();
  });
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class TenancyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DOITHOAI_SKIP_UNLESS_PG();
    Result<std::unique_ptr<PgTestDatabase>> test_db = PgTestDatabase::Create();
    ASSERT_TRUE(test_db.ok()) << test_db.error().message;
    test_db_ = std::move(*test_db);
    Result<std::unique_ptr<PgDatabase>> db = PgDatabase::Open(test_db_->url());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    Result<int> migrated = db_->Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    Result<Catalogue> cat = ReadCatalogue(*db_);
    ASSERT_TRUE(cat.ok()) << cat.error().message;
    cat_ = std::move(*cat);
    for (size_t i = 0; i < TableTenancies().size(); ++i) {
      const TableTenancy& t = TableTenancies()[i];
      position_[std::string(t.table)] = static_cast<int>(i);
      if (t.distributed) distributed_.insert(std::string(t.table));
    }
  }

  std::unique_ptr<PgTestDatabase> test_db_;
  std::unique_ptr<PgDatabase> db_;
  Catalogue cat_;
  std::map<std::string, int> position_;
  std::set<std::string> distributed_;
};

TEST_F(TenancyTest, EveryTableIsPlacedOnceAndEveryPlacedTableExists) {
  ASSERT_GT(cat_.tables.size(), 20u);
  for (const std::string& table : cat_.tables) {
    EXPECT_TRUE(position_.contains(table)) << table << " is missing from tenancy.cc";
  }
  EXPECT_EQ(position_.size(), TableTenancies().size()) << "a table is listed twice";
  for (const TableTenancy& t : TableTenancies()) {
    if (t.table == "copy_progress") continue;  // created by `doithoai copy` only
    EXPECT_TRUE(cat_.tables.contains(std::string(t.table))) << t.table;
    EXPECT_EQ(t.distributed, t.why.empty()) << t.table << ": a reference table says why";
  }
}

TEST_F(TenancyTest, DistributedTablesKeyEveryUniqueThingByCommune) {
  for (const std::string& table : distributed_) {
    ASSERT_TRUE(cat_.commune_id_not_null.contains(table)) << table << " has no commune_id";
    EXPECT_TRUE(cat_.commune_id_not_null.at(table)) << table << ".commune_id is nullable";
    bool has_pk = false;
    for (const Constraint& k : cat_.constraints) {
      if (k.table != table || k.type == 'f') continue;
      EXPECT_TRUE(Contains(k.columns, "commune_id")) << table << ": " << k.name;
      if (k.type != 'p') continue;
      has_pk = true;
      if (cat_.has_id.contains(table)) {
        EXPECT_EQ(k.columns, (std::vector<std::string>{"commune_id", "id"})) << table;
      }
    }
    EXPECT_TRUE(has_pk) << table << " has no primary key";
    for (const auto& [indexed, columns] : cat_.unique_indexes) {
      if (indexed == table) {
        EXPECT_TRUE(Contains(columns, "commune_id")) << table;
      }
    }
  }
}

TEST_F(TenancyTest, ForeignKeysPairTheCommuneAndFollowTheCreationOrder) {
  int checked = 0;
  for (const Constraint& k : cat_.constraints) {
    if (k.type != 'f') continue;
    ++checked;
    ASSERT_TRUE(position_.contains(k.table) && position_.contains(k.referenced)) << k.name;
    if (k.referenced != k.table) {
      EXPECT_LT(position_.at(k.referenced), position_.at(k.table))
          << k.name << ": " << k.referenced << " must be placed before " << k.table;
    }
    const bool from_distributed = distributed_.contains(k.table);
    const bool to_distributed = distributed_.contains(k.referenced);
    EXPECT_FALSE(to_distributed && !from_distributed)
        << k.name << ": a reference table cannot refer to a distributed one";
    if (from_distributed && to_distributed) {
      bool paired = false;
      for (size_t i = 0; i < k.columns.size() && i < k.referenced_columns.size(); ++i) {
        paired |= k.columns[i] == "commune_id" && k.referenced_columns[i] == "commune_id";
      }
      EXPECT_TRUE(paired) << k.name << " does not pair commune_id";
    }
  }
  EXPECT_GT(checked, 20);
}

// What the keys are for: the same id in two communes (a commune merged in
// from its own PC keeps its ids). The freeze of issued documents (NUM-05)
// still holds within each commune and does not reach across.
TEST_F(TenancyTest, TwoCommunesMayHoldTheSameIds) {
  Status s = db_->Write([](sql::Connection& c) -> Status {
    RETURN_IF_ERROR(
        c.Exec("INSERT INTO communes (id, slug, code, name, type) VALUES "
               "(1, 'hoang-truong', '16000', 'Xã Hoằng Trường', 'xa'), "
               "(2, 'hoang-phu', '16001', 'Xã Hoằng Phụ', 'xa')"));
    RETURN_IF_ERROR(c.Exec(
        "INSERT INTO conferences (id, commune_id, year, state, first_date, data, version, "
        "created_at_ms, updated_at_ms) VALUES (7, 1, 2026, 'planned', '2026-12-01', '{}', 1, 0, "
        "0), (7, 2, 2026, 'planned', '2026-12-02', '{}', 1, 0, 0)"));
    return c.Exec(
        "INSERT INTO conference_documents (id, commune_id, conference_id, kind, markup, issued, "
        "year, symbol, number, issued_on, updated_at_ms) VALUES "
        "(9, 1, 7, 'ke-hoach', '', 1, 2026, 'KH-UBND', 1, '2026-11-20', 0), "
        "(9, 2, 7, 'ke-hoach', '', 1, 2026, 'KH-UBND', 1, '2026-11-21', 0)");
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  // Within commune 1, id 9 is taken and issued: refused (the primary key, or
  // the freeze trigger, which runs first).
  Status again = db_->Write([](sql::Connection& c) -> Status {
    return c.Exec(
        "INSERT INTO conference_documents (id, commune_id, conference_id, kind, markup, "
        "updated_at_ms) VALUES (9, 1, 7, 'chuong-trinh', '', 0)");
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(*QueryCount(*db_, "SELECT count(*) FROM conference_documents WHERE id = 9"), 2);
}

TEST(CitusDistributionSqlTest, ReferenceTablesFirstThenOneColocationGroup) {
  const std::string sql = CitusDistributionSql();
  EXPECT_TRUE(sql.starts_with("-- doithoai"));
  EXPECT_NE(sql.find("BEGIN;\n"), std::string::npos);
  EXPECT_TRUE(sql.ends_with("COMMIT;\n"));
  const size_t last_reference = sql.rfind("create_reference_table(");
  const size_t first_distributed = sql.find("create_distributed_table(");
  ASSERT_NE(last_reference, std::string::npos);
  ASSERT_NE(first_distributed, std::string::npos);
  EXPECT_LT(last_reference, first_distributed);
  EXPECT_NE(sql.find("SELECT create_reference_table('communes');"), std::string::npos);
  EXPECT_NE(sql.find("SELECT create_distributed_table('conferences', 'commune_id');\n"),
            std::string::npos);
  EXPECT_NE(sql.find("SELECT create_distributed_table('petitions', 'commune_id', "
                     "colocate_with => 'conferences');\n"),
            std::string::npos);
  EXPECT_EQ(sql.find("copy_progress"), std::string::npos);  // exists only after a copy
  int distributed = 0;
  for (size_t at = sql.find("create_distributed_table("); at != std::string::npos;
       at = sql.find("create_distributed_table(", at + 1)) {
    ++distributed;
  }
  EXPECT_EQ(distributed, 13);
}

}  // namespace
}  // namespace doithoai::postgres
