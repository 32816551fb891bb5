// Runs the JobQueue contract against SQLite (in memory and in a file) and
// against the in-memory double of core tests, then the SQLite-only cases:
// workers in separate connections (as in separate processes) never run a job
// twice, jobs survive a reopen, and EnqueueJobIn joins the caller's
// transaction.
#include "adapters/storage/sql/job_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "adapters/storage/contract/job_queue_contract.h"
#include "adapters/storage/sql/database.h"
#include "adapters/storage/sql/sql_testing.h"
#include "adapters/storage/sqlite/database.h"
#include "adapters/testing/temp_dir.h"
#include "core/jobs/in_memory_job_queue.h"

namespace doithoai {
namespace {

// Creates a commune row directly: the job tables need only its id.
Result<CommuneId> InsertCommune(sql::Database& db, const std::string& slug) {
  return db.Write<CommuneId>([&](sql::Connection& c) -> Result<CommuneId> {
    ASSIGN_OR_RETURN(sql::Statement insert,
                     c.Prepare("INSERT INTO communes (slug, code, name, type) "
                               "VALUES (?1, ?1, ?1, 'xa') RETURNING id"));
    insert.Bind(1, slug);
    ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
    return CommuneId{new_id};
  });
}

struct SqlJobStores {
  std::unique_ptr<sql::Database> db;

  std::unique_ptr<JobQueue> Open(const std::string& path) {
    db = sql::OpenMigrated(path);
    if (db == nullptr) {
      return nullptr;
    }
    return std::make_unique<sql::SqlJobQueue>(*db);
  }
  Result<CommuneId> AddCommune(const std::string& slug) { return InsertCommune(*db, slug); }
};

// The double of core tests keeps the same contract.
struct InMemoryJobBackend {
  static constexpr const char* kName = "InMemory";
  int64_t next_commune = 1;

  std::unique_ptr<JobQueue> Make() { return std::make_unique<InMemoryJobQueue>(); }
  Result<CommuneId> AddCommune(const std::string&) { return CommuneId{next_commune++}; }
};

}  // namespace

namespace contract {

using JobBackends =
    ::testing::Types<sql::MemoryBackend<SqlJobStores>, sql::FileBackend<SqlJobStores>,
                     sql::PostgresBackend<SqlJobStores>, InMemoryJobBackend>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sql, JobQueueContract, JobBackends, sql::BackendName);

}  // namespace contract

namespace {

using contract::kJobEpoch;
using sql::Database;
using sql::SqlJobQueue;

Job SampleJob(CommuneId commune, std::string fingerprint) {
  Job job;
  job.commune_id = commune;
  job.kind = "notify.send";
  job.fingerprint = std::move(fingerprint);
  job.subject = job.fingerprint;
  job.run_at = kJobEpoch;
  job.created_at = kJobEpoch;
  return job;
}

class SqliteJobQueueFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    path_ = dir_.path() + "/doithoai.db";
    db_ = sql::OpenMigrated(path_);
    ASSERT_NE(db_, nullptr);
    Result<CommuneId> commune = InsertCommune(*db_, "hoang-truong");
    ASSERT_TRUE(commune.ok()) << commune.error().message;
    commune_ = *commune;
  }

  testing::TempDir dir_{"doithoai_jobs"};
  std::string path_;
  std::unique_ptr<Database> db_;
  CommuneId commune_;
};

// Issue #6: a job is run once across concurrent workers. Each worker opens its
// own Database on the file, as a separate process would, and loops
// Claim(5) + Complete until nothing is due.
TEST_F(SqliteJobQueueFileTest, ConcurrentWorkersClaimEachJobOnce) {
  constexpr int kJobs = 200;
  constexpr int kWorkers = 4;
  {
    SqlJobQueue queue(*db_);
    for (int i = 0; i < kJobs; ++i) {
      Result<JobQueue::Enqueued> added =
          queue.Enqueue(SampleJob(commune_, "message:" + std::to_string(i)));
      ASSERT_TRUE(added.ok()) << added.error().message;
    }
  }

  std::mutex mu;
  std::map<int64_t, int> claims;       // per job id, across workers
  std::map<int64_t, int> completions;  // successful Complete calls per job id
  std::atomic<int> errors{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      auto db = sqlite::SqliteDatabase::Open(path_);
      if (!db.ok()) {
        ++errors;
        return;
      }
      SqlJobQueue queue(**db);
      const std::string worker = "worker-" + std::to_string(w);
      while (true) {
        Result<std::vector<Job>> claimed = queue.Claim(kJobEpoch, worker, std::chrono::hours(1), 5);
        if (!claimed.ok()) {
          if (claimed.error().code != ErrorCode::kUnavailable) {
            ++errors;
            return;
          }
          continue;  // the database was busy for too long: nothing was claimed, try again
        }
        if (claimed->empty()) {
          return;
        }
        for (const Job& job : *claimed) {
          {
            std::lock_guard<std::mutex> lock(mu);
            ++claims[job.id.value];
          }
          Status done = queue.Complete(job.commune_id, job.id, worker, kJobEpoch);
          while (!done.ok() && done.error().code == ErrorCode::kUnavailable) {
            done = queue.Complete(job.commune_id, job.id, worker, kJobEpoch);
          }
          if (!done.ok()) {
            ++errors;
            continue;
          }
          std::lock_guard<std::mutex> lock(mu);
          ++completions[job.id.value];
        }
      }
    });
  }
  for (std::thread& t : workers) {
    t.join();
  }

  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(claims.size(), static_cast<size_t>(kJobs));
  EXPECT_EQ(completions.size(), static_cast<size_t>(kJobs));
  for (const auto& [id, n] : claims) {
    EXPECT_EQ(n, 1) << "job " << id << " claimed " << n << " times";
  }
  for (const auto& [id, n] : completions) {
    EXPECT_EQ(n, 1) << "job " << id << " completed " << n << " times";
  }
  SqlJobQueue queue(*db_);
  Result<std::vector<Job>> jobs = queue.List(commune_, 0, kJobs + 10);
  ASSERT_TRUE(jobs.ok());
  ASSERT_EQ(jobs->size(), static_cast<size_t>(kJobs));
  for (const Job& job : *jobs) {
    EXPECT_EQ(job.state, JobState::kDone) << job.fingerprint;
    EXPECT_EQ(job.attempts, 1) << job.fingerprint;
  }
}

TEST_F(SqliteJobQueueFileTest, JobsSurviveAReopen) {
  JobId id;
  {
    SqlJobQueue queue(*db_);
    Result<JobQueue::Enqueued> added = queue.Enqueue(SampleJob(commune_, "message:1"));
    ASSERT_TRUE(added.ok());
    id = added->job.id;
    ASSERT_EQ(queue.Claim(kJobEpoch, "w1", std::chrono::minutes(1), 5)->size(), 1u);
  }
  db_.reset();
  db_ = sql::OpenMigrated(path_);
  ASSERT_NE(db_, nullptr);
  SqlJobQueue queue(*db_);
  Result<Job> job = queue.Find(commune_, id);
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->state, JobState::kRunning);
  EXPECT_EQ(job->claimed_by, "w1");
  EXPECT_EQ(job->lease_until, kJobEpoch + std::chrono::minutes(1));
}

TEST(SqliteJobQueueTest, AJobOfAnUnknownCommuneIsRefused) {
  std::unique_ptr<Database> db = sql::OpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  SqlJobQueue queue(*db);
  Result<JobQueue::Enqueued> added = queue.Enqueue(SampleJob(CommuneId{77}, "message:1"));
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kFailedPrecondition) << added.error().message;
}

// EnqueueJobIn is part of the caller's transaction: rolled back with it.
TEST(SqliteJobQueueTest, EnqueueJobInJoinsTheCallersTransaction) {
  std::unique_ptr<Database> db = sql::OpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  Result<CommuneId> commune = InsertCommune(*db, "hoang-truong");
  ASSERT_TRUE(commune.ok());
  Status rolled_back = db->Write([&](sql::Connection& c) -> Status {
    RETURN_IF_ERROR(sql::EnqueueJobIn(c, SampleJob(*commune, "message:1")));
    return MakeError(ErrorCode::kUnavailable, "lỗi giả lập");
  });
  EXPECT_FALSE(rolled_back.ok());
  SqlJobQueue queue(*db);
  EXPECT_TRUE(queue.List(*commune, 0, 10)->empty());

  Result<JobQueue::Enqueued> kept = db->Write<JobQueue::Enqueued>(
      [&](sql::Connection& c) { return sql::EnqueueJobIn(c, SampleJob(*commune, "message:1")); });
  ASSERT_TRUE(kept.ok());
  EXPECT_TRUE(kept->created);
  EXPECT_EQ(queue.List(*commune, 0, 10)->size(), 1u);
}

}  // namespace
}  // namespace doithoai
