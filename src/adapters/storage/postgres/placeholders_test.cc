#include "adapters/storage/postgres/placeholders.h"

#include <gtest/gtest.h>

#include <string>

namespace doithoai::postgres {
namespace {

std::string Rewrite(std::string_view sql, int* count = nullptr) {
  int ignored = -1;
  return RewritePlaceholders(sql, count != nullptr ? count : &ignored);
}

TEST(RewritePlaceholdersTest, NumbersBareQuestionMarksInOrder) {
  int count = -1;
  EXPECT_EQ(Rewrite("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", &count),
            "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)");
  EXPECT_EQ(count, 3);
}

TEST(RewritePlaceholdersTest, NoParameters) {
  int count = -1;
  EXPECT_EQ(Rewrite("SELECT 1", &count), "SELECT 1");
  EXPECT_EQ(count, 0);
  EXPECT_EQ(Rewrite("", &count), "");
  EXPECT_EQ(count, 0);
}

TEST(RewritePlaceholdersTest, NumberedParametersMayRepeat) {
  int count = -1;
  EXPECT_EQ(Rewrite("SELECT id FROM p WHERE commune_id = ?1 AND (?2 = '' OR title = ?2) "
                    "AND ?1 > 0",
                    &count),
            "SELECT id FROM p WHERE commune_id = $1 AND ($2 = '' OR title = $2) AND $1 > 0");
  EXPECT_EQ(count, 2);
}

TEST(RewritePlaceholdersTest, CountIsTheHighestNumberEvenWithGaps) {
  int count = -1;
  EXPECT_EQ(Rewrite("SELECT ?3, ?1", &count), "SELECT $3, $1");
  EXPECT_EQ(count, 3);
  EXPECT_EQ(Rewrite("SELECT ?12", &count), "SELECT $12");
  EXPECT_EQ(count, 12);
}

TEST(RewritePlaceholdersTest, BareAfterNumberedContinuesFromTheHighestAsSqliteDoes) {
  int count = -1;
  EXPECT_EQ(Rewrite("UPDATE t SET a = ?2, b = ? WHERE id = ?1", &count),
            "UPDATE t SET a = $2, b = $3 WHERE id = $1");
  EXPECT_EQ(count, 3);
}

TEST(RewritePlaceholdersTest, LeavesStringLiteralsAlone) {
  int count = -1;
  EXPECT_EQ(Rewrite("SELECT '?', 'a ?1 b', ? FROM t WHERE note <> 'Bạn có ý kiến gì?'", &count),
            "SELECT '?', 'a ?1 b', $1 FROM t WHERE note <> 'Bạn có ý kiến gì?'");
  EXPECT_EQ(count, 1);
}

TEST(RewritePlaceholdersTest, DoubledQuoteDoesNotEndTheLiteral) {
  EXPECT_EQ(Rewrite("SELECT 'it''s ? here', ?"), "SELECT 'it''s ? here', $1");
  EXPECT_EQ(Rewrite("SELECT '''?''' || ?"), "SELECT '''?''' || $1");
}

TEST(RewritePlaceholdersTest, EscapeStringsHonourBackslashes) {
  EXPECT_EQ(Rewrite(R"(SELECT E'a\'?', ?)"), R"(SELECT E'a\'?', $1)");
  // A standard string: the backslash is an ordinary character.
  EXPECT_EQ(Rewrite(R"(SELECT 'a\', ?)"), R"(SELECT 'a\', $1)");
  // `type'…'` is not an E-string even though the word ends in e.
  EXPECT_EQ(Rewrite(R"(SELECT date'2024-01-01', 'x\', ?)"), R"(SELECT date'2024-01-01', 'x\', $1)");
}

TEST(RewritePlaceholdersTest, LeavesQuotedIdentifiersAlone) {
  EXPECT_EQ(Rewrite(R"(SELECT "what?" FROM "t""?" WHERE a = ?)"),
            R"(SELECT "what?" FROM "t""?" WHERE a = $1)");
}

TEST(RewritePlaceholdersTest, LeavesCommentsAlone) {
  int count = -1;
  EXPECT_EQ(
      Rewrite("SELECT a -- why ? here\nFROM t WHERE b = ? /* and ?2 here? */ AND c = ?", &count),
      "SELECT a -- why ? here\nFROM t WHERE b = $1 /* and ?2 here? */ AND c = $2");
  EXPECT_EQ(count, 2);
  EXPECT_EQ(Rewrite("SELECT ? -- trailing comment without newline ?"),
            "SELECT $1 -- trailing comment without newline ?");
  EXPECT_EQ(Rewrite("SELECT /* outer /* nested ? */ still ? */ ?"),
            "SELECT /* outer /* nested ? */ still ? */ $1");
}

TEST(RewritePlaceholdersTest, LeavesDollarQuotesAlone) {
  EXPECT_EQ(Rewrite("SELECT $$ ? $$, $fn$ '?' $fn$, ?"), "SELECT $$ ? $$, $fn$ '?' $fn$, $1");
  // Not a dollar quote: an existing $1 and `$` inside an identifier.
  EXPECT_EQ(Rewrite("SELECT $1, a$b, ?"), "SELECT $1, a$b, $1");
}

TEST(RewritePlaceholdersTest, OperatorsNextToParameters) {
  EXPECT_EQ(Rewrite("SELECT ?||?"), "SELECT $1||$2");
  EXPECT_EQ(Rewrite("SELECT name || ' - ' || ? FROM t"), "SELECT name || ' - ' || $1 FROM t");
  EXPECT_EQ(Rewrite("SELECT (data::jsonb ->> 'status') FROM t WHERE (data::jsonb ->> 'k') = ?"),
            "SELECT (data::jsonb ->> 'status') FROM t WHERE (data::jsonb ->> 'k') = $1");
  EXPECT_EQ(Rewrite("SELECT x FROM t WHERE a<>? AND b>=?2"),
            "SELECT x FROM t WHERE a<>$1 AND b>=$2");
  EXPECT_EQ(Rewrite("SELECT strpos(title, ?) > 0"), "SELECT strpos(title, $1) > 0");
}

TEST(RewritePlaceholdersTest, UnterminatedQuoteRunsToTheEnd) {
  int count = -1;
  EXPECT_EQ(Rewrite("SELECT 'abc ?", &count), "SELECT 'abc ?");
  EXPECT_EQ(count, 0);
}

TEST(RewritePlaceholdersTest, CountMayBeNull) {
  EXPECT_EQ(RewritePlaceholders("SELECT ?", nullptr), "SELECT $1");
}

}  // namespace
}  // namespace doithoai::postgres
