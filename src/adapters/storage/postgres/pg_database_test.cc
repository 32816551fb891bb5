// PgDatabase's pool and transactions against a real PostgreSQL server (a
// fresh database per test on the cluster named by DOITHOAI_TEST_PG_URL;
// skipped without it), plus the option checks that always run. The
// statement layer and error mapping are pg_connection_test.cc.
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

#include "adapters/storage/postgres/pg_database_testing.h"
#include "adapters/storage/sql/migrations.h"

namespace doithoai::postgres {
namespace {

using sql::Connection;
using sql::Statement;
using testing::AdminQuery;
using testing::Latch;
using testing::PgDatabaseTest;

// ---- without a server ----

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
