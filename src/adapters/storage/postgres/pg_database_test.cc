// PgDatabase against a real PostgreSQL server (a fresh database per test on
// the cluster named by DOITHOAI_TEST_PG_URL; skipped without it), plus the
// pure parts (error mapping, URL redaction, option checks) that always run.
#include "adapters/storage/postgres/pg_database.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "adapters/storage/postgres/pg_testing.h"
#include "adapters/storage/sql/migrations.h"

namespace doithoai::postgres {
namespace {

using sql::Connection;
using sql::Statement;

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

TEST(PgDatabaseOpenTest, RejectsAMalformedUrl) {
  Result<std::unique_ptr<PgDatabase>> db = PgDatabase::Open("postgresql://h/d?khong_ton_tai=1");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(db.error().message.find("Địa chỉ cơ sở dữ liệu PostgreSQL không hợp lệ"),
            std::string::npos)
      << db.error().message;
  Result<std::unique_ptr<PgDatabase>> empty = PgDatabase::Open("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
}

TEST(PgDatabaseOpenTest, RejectsBadOptions) {
  PgOptions options;
  options.pool_size = 0;
  Result<std::unique_ptr<PgDatabase>> db = PgDatabase::Open("postgresql://u@h/d", options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument);
}

TEST(PgDatabaseOpenTest, UnreachableServerIsUnavailableWithoutThePassword) {
  // Port 1 on loopback: refused at once, no network involved.
  Result<std::unique_ptr<PgDatabase>> db =
      PgDatabase::Open("postgresql://doithoai:mat-khau-bi-mat@127.0.0.1:1/doithoai");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(db.error().message.starts_with(
      "Không kết nối được tới PostgreSQL tại postgresql://doithoai@127.0.0.1:1/doithoai: "))
      << db.error().message;
  EXPECT_EQ(db.error().message.find("mat-khau-bi-mat"), std::string::npos);
}

// ---- against a server ----

// Runs one statement on a connection of its own (not the pool's).
std::string AdminQuery(const std::string& url, const std::string& query) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string out;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* result = PQexec(conn, query.c_str());
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0) {
      out = PQgetvalue(result, 0, 0);
    } else {
      ADD_FAILURE() << query << ": " << PQerrorMessage(conn);
    }
    PQclear(result);
  } else {
    ADD_FAILURE() << "connect: " << PQerrorMessage(conn);
  }
  PQfinish(conn);
  return out;
}

// A one-shot latch: Wait() blocks until Signal().
class Latch {
 public:
  void Signal() {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    cv_.notify_all();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return done_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
};

class PgDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DOITHOAI_SKIP_UNLESS_PG();
    Result<std::unique_ptr<PgTestDatabase>> created = PgTestDatabase::Create();
    ASSERT_TRUE(created.ok()) << created.error().message;
    test_db_ = std::move(created).value();
    db_ = OpenDb();
    ASSERT_NE(db_, nullptr);
  }

  std::unique_ptr<PgDatabase> OpenDb(const PgOptions& options = {}) {
    Result<std::unique_ptr<PgDatabase>> db = PgDatabase::Open(test_db_->url(), options);
    if (!db.ok()) {
      ADD_FAILURE() << db.error().message;
      return nullptr;
    }
    return std::move(db).value();
  }

  Status Exec(PgDatabase& db, const std::string& sql) {
    return db.Write([&sql](Connection& c) { return c.Exec(sql); });
  }

  // Column 0 of a one-row query.
  Result<int64_t> QueryInt(PgDatabase& db, const std::string& sql) {
    return db.Read<int64_t>([&sql](Connection& c) -> Result<int64_t> {
      ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
      return stmt.RunReturningInt();
    });
  }

  Result<int64_t> BackendPid(PgDatabase& db) { return QueryInt(db, "SELECT pg_backend_pid()"); }

  void Terminate(int64_t pid) {
    EXPECT_EQ(AdminQuery(test_db_->admin_url(),
                         "SELECT pg_terminate_backend(" + std::to_string(pid) + ")"),
              "t");
  }

  // Destroyed in reverse order: the pool closes before the database drops.
  std::unique_ptr<PgTestDatabase> test_db_;
  std::unique_ptr<PgDatabase> db_;
};

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

TEST_F(PgDatabaseTest, FailedWriteLeavesNothing) {
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE r (id BIGINT PRIMARY KEY)").ok());
  auto insert = [](Connection& c, int64_t id) -> Status {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare("INSERT INTO r (id) VALUES (?)"));
    stmt.Bind(1, id);
    return stmt.Run();
  };
  // The callback's own error.
  Status mine = db_->Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(insert(c, 1));
    return MakeError(ErrorCode::kFailedPrecondition, "thôi");
  });
  ASSERT_FALSE(mine.ok());
  EXPECT_EQ(mine.error().code, ErrorCode::kFailedPrecondition);
  // A failing statement after a good one.
  Status dup = db_->Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(insert(c, 2));
    return insert(c, 2);
  });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  // A callback that ignores a failed statement and returns ok must not be
  // reported as committed (PostgreSQL would answer COMMIT with ROLLBACK).
  Status ignored = db_->Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(insert(c, 3));
    (void)insert(c, 3);
    return OkStatus();
  });
  ASSERT_FALSE(ignored.ok());
  EXPECT_EQ(ignored.error().code, ErrorCode::kAlreadyExists) << ignored.error().message;

  Result<int64_t> rows = QueryInt(*db_, "SELECT count(*) FROM r");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, 0);
  // The connection is healthy afterwards.
  ASSERT_TRUE(db_->Write([&](Connection& c) { return insert(c, 4); }).ok());
  EXPECT_EQ(*QueryInt(*db_, "SELECT count(*) FROM r"), 1);
}

TEST_F(PgDatabaseTest, NestedCallsJoinTheOuterTransaction) {
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE n (id BIGINT PRIMARY KEY)").ok());
  Status s = db_->Write([&](Connection& outer) -> Status {
    RETURN_IF_ERROR(outer.Exec("INSERT INTO n VALUES (1)"));
    // A Read inside the Write sees the Write's row (repositories rely on it).
    ASSIGN_OR_RETURN(int64_t seen, QueryInt(*db_, "SELECT count(*) FROM n"));
    EXPECT_EQ(seen, 1);
    // A nested Write is part of the outer transaction.
    RETURN_IF_ERROR(db_->Write([&](Connection& inner) -> Status {
      EXPECT_EQ(&inner, &outer);
      return inner.Exec("INSERT INTO n VALUES (2)");
    }));
    return MakeError(ErrorCode::kFailedPrecondition, "hủy cả hai");
  });
  ASSERT_FALSE(s.ok());
  Result<int64_t> rows = QueryInt(*db_, "SELECT count(*) FROM n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, 0);
}

TEST_F(PgDatabaseTest, ReadIsAReadOnlySnapshot) {
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE v (id BIGINT); INSERT INTO v VALUES (1)").ok());
  Status s = db_->Read([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement before, c.Prepare("SELECT count(*) FROM v"));
    ASSIGN_OR_RETURN(int64_t n, before.RunReturningInt());
    EXPECT_EQ(n, 1);
    // Another thread commits a row meanwhile (its own connection).
    Status other;
    std::thread writer([&] { other = Exec(*db_, "INSERT INTO v VALUES (2)"); });
    writer.join();
    EXPECT_TRUE(other.ok()) << (other.ok() ? "" : other.error().message);
    ASSIGN_OR_RETURN(Statement after, c.Prepare("SELECT count(*) FROM v"));
    ASSIGN_OR_RETURN(n, after.RunReturningInt());
    EXPECT_EQ(n, 1);  // still the snapshot
    Status write = c.Exec("INSERT INTO v VALUES (3)");
    EXPECT_FALSE(write.ok());
    if (!write.ok()) {
      EXPECT_EQ(write.error().code, ErrorCode::kUnavailable);
      EXPECT_EQ(write.error().message, "Cơ sở dữ liệu chỉ cho phép đọc, không thể ghi");
    }
    return OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(*QueryInt(*db_, "SELECT count(*) FROM v"), 2);
}

TEST_F(PgDatabaseTest, ReadOnlyDatabaseRefusesWrites) {
  PgOptions options;
  options.read_only = true;
  std::unique_ptr<PgDatabase> ro = OpenDb(options);
  ASSERT_NE(ro, nullptr);
  Status w = Exec(*ro, "CREATE TABLE x (id BIGINT)");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(w.error().message, "Cơ sở dữ liệu chỉ cho phép đọc, không thể ghi");
  Result<int64_t> one = QueryInt(*ro, "SELECT 1");
  ASSERT_TRUE(one.ok()) << one.error().message;
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

TEST_F(PgDatabaseTest, SerialisationFailureReRunsTheWrite) {
  // Writers that do not queue on the writers' lock, so that B can commit
  // under A's snapshot.
  PgOptions parallel;
  parallel.serialize_writers = false;
  db_ = OpenDb(parallel);
  ASSERT_NE(db_, nullptr);
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE counter (n BIGINT); INSERT INTO counter VALUES (0)").ok());
  Latch a_read, b_committed;
  std::atomic<int> a_runs{0};
  std::thread a([&] {
    Status s = db_->Write([&](Connection& c) -> Status {
      int run = ++a_runs;
      ASSIGN_OR_RETURN(Statement read, c.Prepare("SELECT n FROM counter"));
      ASSIGN_OR_RETURN(int64_t n, read.RunReturningInt());  // snapshot taken
      if (run == 1) {
        a_read.Signal();
        b_committed.Wait();  // B changes the row under our snapshot
      }
      ASSIGN_OR_RETURN(Statement write, c.Prepare("UPDATE counter SET n = ?"));
      write.Bind(1, n + 10);
      return write.Run();  // 40001 on the first run
    });
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  });
  a_read.Wait();
  Status b = Exec(*db_, "UPDATE counter SET n = n + 1");
  EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.error().message);
  b_committed.Signal();
  a.join();
  EXPECT_EQ(a_runs.load(), 2);
  EXPECT_EQ(db_->stats().write_retries, 1);
  EXPECT_EQ(*QueryInt(*db_, "SELECT n FROM counter"), 11);
}

// PgOptions::serialize_writers (the default): B's write waits for A's on
// the writers' lock, before taking its snapshot, so neither runs twice.
TEST_F(PgDatabaseTest, QueuedWritersNeverReRun) {
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE counter (n BIGINT); INSERT INTO counter VALUES (0)").ok());
  std::unique_ptr<PgDatabase> other = OpenDb();  // as if another server process
  ASSERT_NE(other, nullptr);
  Latch a_read;
  std::atomic<int> a_runs{0};
  std::atomic<int> b_runs{0};
  std::thread a([&] {
    Status s = db_->Write([&](Connection& c) -> Status {
      ++a_runs;
      ASSIGN_OR_RETURN(Statement read, c.Prepare("SELECT n FROM counter"));
      ASSIGN_OR_RETURN(int64_t n, read.RunReturningInt());
      a_read.Signal();
      // Hold on until B is seen waiting for the writers' lock.
      Result<int64_t> waiting = 0;
      while (waiting.ok() && *waiting == 0) {
        waiting = QueryInt(*other,
                           "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                           "AND NOT granted");
        std::this_thread::yield();
      }
      if (!waiting.ok()) return std::move(waiting).error();
      ASSIGN_OR_RETURN(Statement write, c.Prepare("UPDATE counter SET n = ?"));
      write.Bind(1, n + 10);
      return write.Run();
    });
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  });
  a_read.Wait();
  Status b = other->Write([&](Connection& c) -> Status {
    ++b_runs;
    return c.Exec("UPDATE counter SET n = n + 1");
  });
  EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.error().message);
  a.join();
  EXPECT_EQ(a_runs.load(), 1);
  EXPECT_EQ(b_runs.load(), 1);
  EXPECT_EQ(db_->stats().write_retries + other->stats().write_retries, 0);
  EXPECT_EQ(*QueryInt(*db_, "SELECT n FROM counter"), 11);
  // Every lock was given back with its connection.
  EXPECT_EQ(*QueryInt(*db_, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), 0);
}

// A writer queued behind a writer that does not finish (a stuck request on
// another server) gives up after writers_lock_timeout_ms with kUnavailable,
// the 503 "busy" answer, instead of holding its request for ever; the
// timeout does not outlive that wait.
TEST_F(PgDatabaseTest, AWriterWaitingTooLongForTheWritersLockIsBusy) {
  PgOptions options;
  options.writers_lock_timeout_ms = 100;
  std::unique_ptr<PgDatabase> impatient = OpenDb(options);
  ASSERT_NE(impatient, nullptr);
  Latch holding;
  Latch release;
  std::thread stuck([&] {
    Status s = db_->Write([&](Connection&) -> Status {
      holding.Signal();
      release.Wait();
      return OkStatus();
    });
    EXPECT_TRUE(s.ok());
  });
  holding.Wait();
  int runs = 0;
  Status busy = impatient->Write([&](Connection& c) -> Status {
    ++runs;
    return c.Exec("SELECT 1");
  });
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().code, ErrorCode::kUnavailable) << busy.error().message;
  EXPECT_EQ(runs, 0);  // nothing of the caller ran
  release.Signal();
  stuck.join();
  EXPECT_TRUE(impatient->Write([](Connection& c) { return c.Exec("SELECT 1"); }).ok());
  EXPECT_EQ(*QueryInt(*impatient,
                      "SELECT CASE WHEN current_setting('lock_timeout') = '0' "
                      "THEN 1 ELSE 0 END"),
            1);
}

TEST_F(PgDatabaseTest, ConcurrentIncrementsAreNeverLost) {
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE counter (n BIGINT); INSERT INTO counter VALUES (0)").ok());
  constexpr int kPerThread = 200;
  auto work = [&] {
    for (int i = 0; i < kPerThread; ++i) {
      // Read-modify-write: without SERIALIZABLE + retry, updates get lost.
      Status s = db_->Write([](Connection& c) -> Status {
        ASSIGN_OR_RETURN(Statement read, c.Prepare("SELECT n FROM counter"));
        ASSIGN_OR_RETURN(int64_t n, read.RunReturningInt());
        ASSIGN_OR_RETURN(Statement write, c.Prepare("UPDATE counter SET n = ?"));
        write.Bind(1, n + 1);
        return write.Run();
      });
      ASSERT_TRUE(s.ok()) << s.error().message;
    }
  };
  std::thread t1(work), t2(work);
  t1.join();
  t2.join();
  EXPECT_EQ(*QueryInt(*db_, "SELECT n FROM counter"), 2 * kPerThread);
  RecordProperty("write_retries", std::to_string(db_->stats().write_retries));
}

TEST_F(PgDatabaseTest, RetriesGiveUpAsBusy) {
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE counter (n BIGINT); INSERT INTO counter VALUES (0)").ok());
  PgOptions options;
  options.max_write_attempts = 2;
  options.serialize_writers = false;  // db_'s write below must not queue behind ours
  std::unique_ptr<PgDatabase> db = OpenDb(options);
  ASSERT_NE(db, nullptr);
  int runs = 0;
  Status s = db->Write([&](Connection& c) -> Status {
    ++runs;
    ASSIGN_OR_RETURN(Statement read, c.Prepare("SELECT n FROM counter"));
    RETURN_IF_ERROR(read.Run());
    // Every run, someone else commits under our snapshot.
    Status other = Exec(*db_, "UPDATE counter SET n = n + 1");
    EXPECT_TRUE(other.ok());
    return c.Exec("UPDATE counter SET n = n + 100");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().message, "Cơ sở dữ liệu đang bận, vui lòng thử lại");
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(*QueryInt(*db_, "SELECT n FROM counter"), 2);
}

TEST_F(PgDatabaseTest, FullPoolMakesCallersWait) {
  PgOptions options;
  options.pool_size = 1;
  options.acquire_timeout_ms = 60000;
  std::unique_ptr<PgDatabase> db = OpenDb(options);
  ASSERT_NE(db, nullptr);
  Latch holding;
  Status waiter;
  std::thread second;
  Status first = db->Read([&](Connection&) -> Status {
    second = std::thread([&] { waiter = db->Read([](Connection&) { return OkStatus(); }); });
    // Wait (without sleeping) until the second caller is queued for our
    // connection, then release it by returning.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (db->stats().acquire_waits == 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
    EXPECT_EQ(db->stats().acquire_waits, 1);
    return OkStatus();
  });
  ASSERT_TRUE(first.ok()) << first.error().message;
  second.join();
  EXPECT_TRUE(waiter.ok()) << (waiter.ok() ? "" : waiter.error().message);
  EXPECT_EQ(db->stats().connections_opened, 1);
}

TEST_F(PgDatabaseTest, FullPoolTimesOutAsBusy) {
  PgOptions options;
  options.pool_size = 1;
  options.acquire_timeout_ms = 50;
  std::unique_ptr<PgDatabase> db = OpenDb(options);
  ASSERT_NE(db, nullptr);
  Status inner;
  Status outer = db->Read([&](Connection&) -> Status {
    std::thread other([&] { inner = db->Read([](Connection&) { return OkStatus(); }); });
    other.join();  // times out while we hold the only connection
    return OkStatus();
  });
  ASSERT_TRUE(outer.ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(inner.error().message, "Cơ sở dữ liệu đang bận, vui lòng thử lại");
}

TEST_F(PgDatabaseTest, KilledConnectionFailsTheCallAndIsReplaced) {
  ASSERT_TRUE(Exec(*db_, "CREATE TABLE w (id BIGINT)").ok());
  int64_t killed = 0;
  Status s = db_->Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(c.Exec("INSERT INTO w VALUES (1)"));
    ASSIGN_OR_RETURN(Statement pid, c.Prepare("SELECT pg_backend_pid()"));
    ASSIGN_OR_RETURN(killed, pid.RunReturningInt());
    Terminate(killed);
    return c.Exec("INSERT INTO w VALUES (2)");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().message, "Mất kết nối tới cơ sở dữ liệu, vui lòng thử lại");
  EXPECT_EQ(db_->stats().connections_dropped, 1);

  Result<int64_t> pid = BackendPid(*db_);
  ASSERT_TRUE(pid.ok()) << pid.error().message;
  EXPECT_NE(*pid, killed);
  EXPECT_EQ(*QueryInt(*db_, "SELECT count(*) FROM w"), 0);
}

TEST_F(PgDatabaseTest, ConnectionKilledWhileIdleIsReplacedTransparently) {
  PgOptions options;
  options.pool_size = 1;
  std::unique_ptr<PgDatabase> db = OpenDb(options);
  ASSERT_NE(db, nullptr);
  Result<int64_t> before = BackendPid(*db);
  ASSERT_TRUE(before.ok()) << before.error().message;
  Terminate(*before);  // e.g. a server restart while the pool was idle

  Result<int64_t> after = BackendPid(*db);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_NE(*after, *before);
  EXPECT_EQ(db->stats().connections_dropped, 1);
  EXPECT_EQ(db->stats().connections_opened, 2);
}

TEST_F(PgDatabaseTest, ConcurrentMigratorsApplyEachMigrationOnce) {
  Result<std::vector<sql::Migration>> embedded = sql::EmbeddedMigrations(sql::Engine::kPostgres);
  ASSERT_TRUE(embedded.ok()) << embedded.error().message;
  std::unique_ptr<PgDatabase> other = OpenDb();
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(*db_->SchemaVersion(), 0);
  Result<int> a = 0, b = 0;
  std::thread t1([&] { a = db_->Migrate(); });
  std::thread t2([&] { b = other->Migrate(); });
  t1.join();
  t2.join();
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(*a + *b, static_cast<int>(embedded->size()));
  EXPECT_TRUE(*a == 0 || *b == 0) << *a << " and " << *b;
  Result<int> version = other->SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, embedded->empty() ? 0 : embedded->back().version);
  Result<int> again = db_->Migrate();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, 0);
}

}  // namespace
}  // namespace doithoai::postgres
