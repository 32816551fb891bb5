// A PgConnection's side of PgDatabase: the error mapping and URL redaction
// (pure, always run) and the statement layer against a real server (binding,
// placeholders, prepared statements, constraint errors; skipped without
// DOITHOAI_TEST_PG_URL). The pool and transactions are pg_database_test.cc.
#include "adapters/storage/postgres/pg_connection.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/postgres/pg_database_testing.h"

namespace doithoai::postgres {
namespace {

using sql::Connection;
using sql::Statement;
using testing::PgDatabaseTest;

// ---- without a server ----

TEST(ErrorFromSqlStateTest, MapsConstraintClassesLikeSqlite) {
  EXPECT_EQ(
      ErrorFromSqlState("23505", "duplicate key value violates unique constraint \"u\"", "x").code,
      ErrorCode::kAlreadyExists);
  EXPECT_EQ(ErrorFromSqlState("23503", "violates foreign key constraint", "x").code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(ErrorFromSqlState("23514", "violates check constraint", "x").code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorFromSqlState("23502", "null value in column", "x").code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorFromSqlState("22001", "value too long", "x").code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorFromSqlState("42601", "syntax error", "x").code, ErrorCode::kInternal);
  EXPECT_EQ(ErrorFromSqlState("", "no sqlstate", "x").code, ErrorCode::kInternal);
}

TEST(ErrorFromSqlStateTest, MessagesAreVietnameseWithContext) {
  Error unique = ErrorFromSqlState("23505", "duplicate key value violates unique constraint \"u\"",
                                   "thực hiện câu lệnh SQL");
  EXPECT_EQ(unique.message,
            "Dữ liệu đã tồn tại (thực hiện câu lệnh SQL: duplicate key value violates unique "
            "constraint \"u\" [23505])");
  EXPECT_EQ(ErrorFromSqlState("23503", "m", "w").message,
            "Dữ liệu tham chiếu đến bản ghi không tồn tại (w: m [23503])");
  EXPECT_EQ(ErrorFromSqlState("XX000", "m", "w").message, "Lỗi cơ sở dữ liệu (w: m [XX000])");
}

TEST(ErrorFromSqlStateTest, BusyDiskFullReadOnlyAndLostAreUnavailable) {
  for (const char* state : {"40001", "40P01", "55P03", "57014"}) {
    Error e = ErrorFromSqlState(state, "m", "w");
    EXPECT_EQ(e.code, ErrorCode::kUnavailable) << state;
    EXPECT_EQ(e.message, "Cơ sở dữ liệu đang bận, vui lòng thử lại") << state;
  }
  EXPECT_EQ(ErrorFromSqlState("53100", "m", "w").message,
            "Hết dung lượng đĩa, không ghi được cơ sở dữ liệu; hãy giải phóng dung lượng rồi thử "
            "lại");
  EXPECT_EQ(ErrorFromSqlState("25006", "m", "w").message,
            "Cơ sở dữ liệu chỉ cho phép đọc, không thể ghi");
  for (const char* state : {"08006", "08003", "57P01", "57P02", "57P03"}) {
    Error e = ErrorFromSqlState(state, "m", "w");
    EXPECT_EQ(e.code, ErrorCode::kUnavailable) << state;
    EXPECT_EQ(e.message, "Mất kết nối tới cơ sở dữ liệu, vui lòng thử lại") << state;
  }
}

TEST(ErrorFromSqlStateTest, NeverQuotesTheValueAfterTheColon) {
  // PostgreSQL quotes the offending value after ": " (a denouncer's name,
  // a phone number…); the message must not carry it.
  Error e =
      ErrorFromSqlState("22P02", "invalid input syntax for type bigint: \"Nguyễn Văn A\"", "w");
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.message.find("Nguyễn"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("invalid input syntax for type bigint"), std::string::npos);
}

TEST(UrlWithoutPasswordTest, RemovesPasswords) {
  EXPECT_EQ(UrlWithoutPassword("postgresql://doithoai:bí-mật@db.tinh.vn:5432/doithoai"),
            "postgresql://doithoai@db.tinh.vn:5432/doithoai");
  EXPECT_EQ(UrlWithoutPassword("postgres://u:p@h/d?sslmode=require&password=x&connect_timeout=3"),
            "postgres://u@h/d?sslmode=require&connect_timeout=3");
  EXPECT_EQ(UrlWithoutPassword("postgresql://u@h/d?password=x"), "postgresql://u@h/d");
  EXPECT_EQ(UrlWithoutPassword("postgresql://u@127.0.0.1:5432/d"),
            "postgresql://u@127.0.0.1:5432/d");
  EXPECT_EQ(UrlWithoutPassword("postgresql:///d"), "postgresql:///d");
  // A key=value string is rebuilt (in libpq's order) without the password.
  std::string keywords = UrlWithoutPassword("host=h user=u password='a b' dbname=d");
  EXPECT_EQ(keywords.find("password"), std::string::npos) << keywords;
  EXPECT_EQ(keywords.find("a b"), std::string::npos) << keywords;
  EXPECT_NE(keywords.find("host=h"), std::string::npos) << keywords;
  EXPECT_NE(keywords.find("dbname=d"), std::string::npos) << keywords;
}

// ---- against a server ----

TEST_F(PgDatabaseTest, DescribesItselfAsPostgres) {
  EXPECT_EQ(db_->engine(), sql::Engine::kPostgres);
  EXPECT_EQ(db_->Describe(), UrlWithoutPassword(test_db_->url()));
  Status s = db_->Read([](Connection& c) -> Status {
    EXPECT_EQ(c.engine(), sql::Engine::kPostgres);
    EXPECT_TRUE(c.InTransaction());
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST_F(PgDatabaseTest, EveryConnectionIsUtf8UtcAndNamed) {
  Status s = db_->Read([](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT current_setting('TimeZone'), "
                                               "current_setting('client_encoding'), "
                                               "current_setting('application_name'), "
                                               "current_setting('transaction_isolation'), "
                                               "current_setting('transaction_read_only')"));
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    EXPECT_TRUE(row);
    EXPECT_EQ(stmt.ColumnText(0), "UTC");
    EXPECT_EQ(stmt.ColumnText(1), "UTF8");
    EXPECT_EQ(stmt.ColumnText(2), "doithoai");
    EXPECT_EQ(stmt.ColumnText(3), "repeatable read");
    EXPECT_EQ(stmt.ColumnText(4), "on");
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  Result<int64_t> serializable = db_->Write<int64_t>([](Connection& c) -> Result<int64_t> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare("SELECT count(*) WHERE current_setting('transaction_isolation') = "
                               "'serializable'"));
    return stmt.RunReturningInt();
  });
  ASSERT_TRUE(serializable.ok()) << serializable.error().message;
  EXPECT_EQ(*serializable, 1);
}

TEST_F(PgDatabaseTest, BindsAndReadsEveryType) {
  // Booleans are stored as integers (portable SQL); a BOOLEAN here checks
  // that a boolean result reads as 1/0.
  ASSERT_TRUE(Exec(*db_,
                   "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, n BIGINT, s TEXT, b BOOLEAN, "
                   "small INTEGER)")
                  .ok());
  // NFC: "ễ" and "ằ" are single precomposed code points.
  const std::string name = "Nguyễn Thị Hằng — Hoằng Trường, \"đối thoại\" 'nhân dân'";
  Status s = db_->Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement insert,
                     c.Prepare("INSERT INTO t (n, s, b, small) VALUES (?, ?, ? <> 0, ?)"));
    insert.Bind(1, INT64_MIN).Bind(2, name).Bind(3, true).Bind(4, 7);
    RETURN_IF_ERROR(insert.Run());
    ASSIGN_OR_RETURN(Statement second,
                     c.Prepare("INSERT INTO t (n, s, b, small) VALUES (?, ?, ? <> 0, ?)"));
    second.Bind(1, INT64_MAX).Bind(2, std::string_view()).Bind(3, false).BindNull(4);
    RETURN_IF_ERROR(second.Run());
    ASSIGN_OR_RETURN(Statement third,
                     c.Prepare("INSERT INTO t (n, s, b, small) VALUES (?, ?, ? <> 0, ?)"));
    third.BindNull(1).Bind(2, static_cast<const char*>(nullptr)).BindNull(3).Bind(4, -1);
    return third.Run();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;

  s = db_->Read([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement q,
                     c.Prepare("SELECT n, s, b, small, octet_length(s) FROM t ORDER BY id"));
    ASSIGN_OR_RETURN(bool row, q.Step());
    EXPECT_TRUE(row);
    EXPECT_EQ(q.ColumnInt(0), INT64_MIN);
    EXPECT_EQ(q.ColumnText(1), name);
    EXPECT_EQ(q.ColumnInt(4), static_cast<int64_t>(name.size()));  // bytes kept, still NFC
    EXPECT_EQ(q.ColumnInt(2), 1);
    EXPECT_EQ(q.ColumnInt(3), 7);
    EXPECT_FALSE(q.ColumnIsNull(1));

    ASSIGN_OR_RETURN(row, q.Step());
    EXPECT_TRUE(row);
    EXPECT_EQ(q.ColumnInt(0), INT64_MAX);
    EXPECT_EQ(q.ColumnText(1), "");
    EXPECT_FALSE(q.ColumnIsNull(1));  // '' is not NULL
    EXPECT_EQ(q.ColumnInt(2), 0);
    EXPECT_TRUE(q.ColumnIsNull(3));

    ASSIGN_OR_RETURN(row, q.Step());
    EXPECT_TRUE(row);
    for (int col : {0, 1, 2}) {
      EXPECT_TRUE(q.ColumnIsNull(col)) << col;
      EXPECT_EQ(q.ColumnInt(col), 0) << col;
      EXPECT_EQ(q.ColumnText(col), "") << col;
    }
    EXPECT_EQ(q.ColumnInt(3), -1);
    // Past the last column: NULL, like SQLite.
    EXPECT_TRUE(q.ColumnIsNull(9));

    ASSIGN_OR_RETURN(row, q.Step());
    EXPECT_FALSE(row);
    ASSIGN_OR_RETURN(row, q.Step());  // stays done
    EXPECT_FALSE(row);

    // SUM over BIGINT is numeric: read as an integer.
    ASSIGN_OR_RETURN(Statement sum, c.Prepare("SELECT SUM(small), NULLIF(1, 1) FROM t"));
    ASSIGN_OR_RETURN(row, sum.Step());
    EXPECT_TRUE(row);
    EXPECT_EQ(sum.ColumnInt(0), 6);
    EXPECT_TRUE(sum.ColumnIsNull(1));
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST_F(PgDatabaseTest, PortablePlaceholdersRunOnTheServer) {
  Status s = db_->Read([](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement q, c.Prepare("SELECT ?1 + ?1, ?2 || '?' || ?2, ? -- ?\n"));
    q.Bind(1, 21).Bind(2, "ai").Bind(3, "ba");
    ASSIGN_OR_RETURN(bool row, q.Step());
    EXPECT_TRUE(row);
    EXPECT_EQ(q.ColumnInt(0), 42);
    EXPECT_EQ(q.ColumnText(1), "ai?ai");
    EXPECT_EQ(q.ColumnText(2), "ba");

    std::string contains = "SELECT count(*) WHERE " + sql::ContainsExpr(c.engine(), "?", "?") +
                           " AND " + sql::JsonTextExpr(c.engine(), "?", "trang_thai") + " = ?";
    ASSIGN_OR_RETURN(Statement j, c.Prepare(contains));
    j.Bind(1, "Hoằng Trường")
        .Bind(2, "Trường")
        .Bind(3, R"({"trang_thai": "đã trả lời"})")
        .Bind(4, "đã trả lời");
    ASSIGN_OR_RETURN(int64_t n, j.RunReturningInt());
    EXPECT_EQ(n, 1);
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST_F(PgDatabaseTest, ReturningIdAndChanges) {
  ASSERT_TRUE(Exec(*db_,
                   "CREATE TABLE p (id BIGSERIAL PRIMARY KEY, title TEXT NOT NULL); "
                   "CREATE TABLE q (id BIGINT)")
                  .ok());
  Status s = db_->Write([](Connection& c) -> Status {
    for (int64_t expected : {1, 2, 3}) {
      ASSIGN_OR_RETURN(Statement insert,
                       c.Prepare("INSERT INTO p (title) VALUES (?) RETURNING id"));
      insert.Bind(1, "Kiến nghị " + std::to_string(expected));
      ASSIGN_OR_RETURN(int64_t id, insert.RunReturningInt());
      EXPECT_EQ(id, expected);
      EXPECT_EQ(c.Changes(), 1);
    }
    ASSIGN_OR_RETURN(Statement update, c.Prepare("UPDATE p SET title = title || '!' WHERE id > ?"));
    update.Bind(1, 1);
    RETURN_IF_ERROR(update.Run());
    EXPECT_EQ(c.Changes(), 2);
    // A query does not change Changes(), as on SQLite.
    ASSIGN_OR_RETURN(Statement count, c.Prepare("SELECT count(*) FROM p"));
    ASSIGN_OR_RETURN(int64_t rows, count.RunReturningInt());
    EXPECT_EQ(rows, 3);
    EXPECT_EQ(c.Changes(), 2);
    RETURN_IF_ERROR(c.Exec("INSERT INTO q SELECT id FROM p"));
    EXPECT_EQ(c.Changes(), 3);
    ASSIGN_OR_RETURN(Statement del, c.Prepare("DELETE FROM p WHERE id = ?"));
    del.Bind(1, 99);
    RETURN_IF_ERROR(del.Run());
    EXPECT_EQ(c.Changes(), 0);
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST_F(PgDatabaseTest, ConstraintViolationsMapToErrorCodesWithoutValues) {
  ASSERT_TRUE(Exec(*db_,
                   "CREATE TABLE c (id BIGINT PRIMARY KEY, slug TEXT NOT NULL UNIQUE); "
                   "CREATE TABLE k (id BIGSERIAL PRIMARY KEY, c_id BIGINT NOT NULL REFERENCES c, "
                   "phone TEXT CHECK (length(phone) = 10)); "
                   "INSERT INTO c VALUES (1, 'hoang-truong')")
                  .ok());
  auto insert = [&](const std::string& sql, auto bind) -> Status {
    return db_->Write([&](Connection& c) -> Status {
      ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
      bind(stmt);
      return stmt.Run();
    });
  };
  Status dup = insert("INSERT INTO c VALUES (?, ?)",
                      [](Statement& st) { st.Bind(1, 2).Bind(2, "hoang-truong"); });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists) << dup.error().message;
  EXPECT_TRUE(dup.error().message.starts_with("Dữ liệu đã tồn tại (")) << dup.error().message;
  EXPECT_EQ(dup.error().message.find("hoang-truong"), std::string::npos) << dup.error().message;

  Status fk = insert("INSERT INTO k (c_id, phone) VALUES (?, ?)",
                     [](Statement& st) { st.Bind(1, 404).Bind(2, "0912345678"); });
  ASSERT_FALSE(fk.ok());
  EXPECT_EQ(fk.error().code, ErrorCode::kFailedPrecondition) << fk.error().message;
  EXPECT_EQ(fk.error().message.find("404"), std::string::npos) << fk.error().message;

  Status check = insert("INSERT INTO k (c_id, phone) VALUES (?, ?)",
                        [](Statement& st) { st.Bind(1, 1).Bind(2, "0912-bí-mật"); });
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.error().code, ErrorCode::kInvalidArgument) << check.error().message;
  EXPECT_EQ(check.error().message.find("bí-mật"), std::string::npos) << check.error().message;

  Status not_null = insert("INSERT INTO k (c_id, phone) VALUES (?, ?)",
                           [](Statement& st) { st.BindNull(1).Bind(2, "0912345678"); });
  ASSERT_FALSE(not_null.ok());
  EXPECT_EQ(not_null.error().code, ErrorCode::kInvalidArgument) << not_null.error().message;

  // A value the server cannot convert: its text must not be echoed.
  Status cast = insert("INSERT INTO c VALUES (CAST(? AS BIGINT), 'x')",
                       [](Statement& st) { st.Bind(1, "Trần Văn Tố Giác"); });
  ASSERT_FALSE(cast.ok());
  EXPECT_EQ(cast.error().code, ErrorCode::kInvalidArgument) << cast.error().message;
  EXPECT_EQ(cast.error().message.find("Tố Giác"), std::string::npos) << cast.error().message;

  Status syntax = insert("SELEC 1", [](Statement&) {});
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(syntax.error().message.starts_with("Lỗi cơ sở dữ liệu (")) << syntax.error().message;

  Result<int64_t> rows =
      QueryInt(*db_, "SELECT (SELECT count(*) FROM c) + (SELECT count(*) FROM k)");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, 1);
}

TEST_F(PgDatabaseTest, BadBindsFailAtStep) {
  Status s = db_->Read([](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement range, c.Prepare("SELECT ?"));
    range.Bind(2, 1);
    Result<bool> step = range.Step();
    EXPECT_FALSE(step.ok());
    if (!step.ok()) {
      EXPECT_EQ(step.error().code, ErrorCode::kInternal);
    }

    ASSIGN_OR_RETURN(Statement nul, c.Prepare("SELECT ?"));
    nul.Bind(1, std::string_view("a\0b", 3));
    step = nul.Step();
    EXPECT_FALSE(step.ok());
    if (!step.ok()) {
      EXPECT_EQ(step.error().code, ErrorCode::kInvalidArgument);
    }
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST_F(PgDatabaseTest, ExecRunsSeveralStatements) {
  ASSERT_TRUE(Exec(*db_,
                   "CREATE TABLE e (id BIGINT); INSERT INTO e VALUES (1); "
                   "INSERT INTO e VALUES (2);")
                  .ok());
  EXPECT_EQ(*QueryInt(*db_, "SELECT sum(id) FROM e"), 3);
}

TEST_F(PgDatabaseTest, CachedStatementsSurviveRollbackAndNesting) {
  PgOptions options;
  options.pool_size = 1;  // every call on the same connection
  std::unique_ptr<PgDatabase> one = OpenDb(options);
  ASSERT_NE(one, nullptr);
  ASSERT_TRUE(Exec(*one, "CREATE TABLE s (id BIGINT); INSERT INTO s VALUES (1), (2), (3)").ok());
  const std::string query = "SELECT id FROM s WHERE id >= ? ORDER BY id";
  Status failed = one->Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare(query));
    stmt.Bind(1, 1);
    RETURN_IF_ERROR(stmt.Run());
    return MakeError(ErrorCode::kFailedPrecondition, "rollback");
  });
  ASSERT_FALSE(failed.ok());
  // The same statement again (prepared during the rolled-back transaction),
  // nested inside itself while the outer one is being stepped.
  Result<int64_t> pairs = one->Read<int64_t>([&](Connection& c) -> Result<int64_t> {
    ASSIGN_OR_RETURN(Statement outer, c.Prepare(query));
    outer.Bind(1, 1);
    int64_t total = 0;
    while (true) {
      ASSIGN_OR_RETURN(bool row, outer.Step());
      if (!row) break;
      ASSIGN_OR_RETURN(Statement inner, c.Prepare(query));
      inner.Bind(1, outer.ColumnInt(0));
      while (true) {
        ASSIGN_OR_RETURN(bool inner_row, inner.Step());
        if (!inner_row) break;
        ++total;
      }
    }
    return total;
  });
  ASSERT_TRUE(pairs.ok()) << pairs.error().message;
  EXPECT_EQ(*pairs, 3 + 2 + 1);
  // The same SQL with a different parameter type (NULL, then an integer) is
  // a different server-side statement: the optional-filter idiom works.
  const std::string optional_filter = "SELECT count(*) FROM s WHERE ?1 IS NULL OR id = ?1";
  Result<int64_t> typed = one->Read<int64_t>([&](Connection& c) -> Result<int64_t> {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare(optional_filter));
    stmt.BindNull(1);
    ASSIGN_OR_RETURN(int64_t a, stmt.RunReturningInt());
    ASSIGN_OR_RETURN(Statement again, c.Prepare(optional_filter));
    again.Bind(1, 2);
    ASSIGN_OR_RETURN(int64_t b, again.RunReturningInt());
    return a * 10 + b;
  });
  ASSERT_TRUE(typed.ok()) << typed.error().message;
  EXPECT_EQ(*typed, 31);
  EXPECT_EQ(one->stats().connections_opened, 1);
}

TEST_F(PgDatabaseTest, NullInTheOptionalFilterIdiomGetsAType) {
  ASSERT_TRUE(Exec(*db_,
                   "CREATE TABLE a (id BIGINT, commune_id BIGINT, name TEXT); "
                   "INSERT INTO a VALUES (1, 10, 'an'), (2, 20, 'bình')")
                  .ok());
  // As in account_store.cc: `?2 IS NULL OR commune_id = ?2` with NULL bound.
  // PostgreSQL cannot type an untyped NULL there; the driver finds the type.
  Status s = db_->Write([](Connection& c) -> Status {
    for (int pass = 0; pass < 2; ++pass) {  // the second pass uses the cache
      ASSIGN_OR_RETURN(Statement by_commune, c.Prepare("SELECT count(*) FROM a WHERE id > ?1 AND "
                                                       "(?2 IS NULL OR commune_id = ?2)"));
      by_commune.Bind(1, 0).BindNull(2);
      ASSIGN_OR_RETURN(int64_t n, by_commune.RunReturningInt());
      EXPECT_EQ(n, 2);
      ASSIGN_OR_RETURN(Statement by_name,
                       c.Prepare("SELECT count(*) FROM a WHERE ?1 IS NULL OR name = ?1"));
      by_name.BindNull(1);
      ASSIGN_OR_RETURN(n, by_name.RunReturningInt());
      EXPECT_EQ(n, 2);
    }
    // The failed tries left the transaction usable.
    RETURN_IF_ERROR(c.Exec("INSERT INTO a VALUES (3, 30, 'chi')"));
    // A real error with a NULL bound is still reported.
    ASSIGN_OR_RETURN(Statement broken, c.Prepare("SELECT nope FROM a WHERE ?1 IS NULL"));
    broken.BindNull(1);
    Result<bool> step = broken.Step();
    EXPECT_FALSE(step.ok());
    return OkStatus();
  });
  EXPECT_FALSE(s.ok());  // the broken statement aborted the transaction
  EXPECT_EQ(*QueryInt(*db_, "SELECT count(*) FROM a"), 2);
}

}  // namespace
}  // namespace doithoai::postgres
