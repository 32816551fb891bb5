// Tests for the hash-chained audit log: appending inside write transactions,
// chain verification against direct tampering through the raw SQLite API, the
// append-only triggers, the canonical hash format, listing, and the
// `audit verify` command.
#include "adapters/storage/sql/audit_log.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "adapters/storage/sql/sql_testing.h"
#include "adapters/storage/sqlite/database.h"
#include "app/audit_command.h"

namespace doithoai::sql {
namespace {

namespace fs = std::filesystem;

// A fresh directory under ::testing::TempDir(), removed with its contents.
class AuditTempDir {
 public:
  AuditTempDir() {
    std::string pattern = ::testing::TempDir() + "doithoai_audit_XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed for " << pattern;
    }
    path_ = pattern;
  }
  ~AuditTempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A second, raw connection to the same file: what an attacker holding the
// file would use.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "sqlite3_open_v2(" << path << ") failed";
    }
  }
  ~RawDb() { sqlite3_close_v2(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Runs `sql`; returns "" on success, else SQLite's error message.
  std::string Exec(const std::string& sql) {
    char* message = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    std::string out = rc == SQLITE_OK ? "" : (message != nullptr ? message : "error");
    sqlite3_free(message);
    return out;
  }
  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

Timestamp At(int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

AuditContext Ctx(int64_t commune, int64_t ms) {
  AuditContext ctx;
  ctx.commune = CommuneId{commune};
  ctx.actor_account_id = 42;
  ctx.actor_name = "canbo";
  ctx.client_address = "203.0.113.5";
  ctx.at = At(ms);
  return ctx;
}

// Entry number `n` of commune `commune`, with a fixed timestamp.
AuditEntry Entry(int64_t commune, int n) {
  return MakeAuditEntry(Ctx(commune, 1700000000000 + n), "village.create", "village",
                        std::to_string(n), "", "{\"name\":\"Thôn " + std::to_string(n) + "\"}");
}

// Appends `count` entries of `commune`, each in its own Write transaction.
void AppendN(Database& db, int64_t commune, int count, int first = 1) {
  for (int n = first; n < first + count; ++n) {
    Status s = db.Write([&](Connection& c) { return AppendAudit(c, Entry(commune, n)); });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
}

AuditVerifyReport MustVerify(Database& db) {
  Result<AuditVerifyReport> report = VerifyAuditChain(db);
  EXPECT_TRUE(report.ok()) << report.error().message;
  return report.ok() ? *report : AuditVerifyReport{};
}

int64_t CountRows(Database& db) {
  Result<int64_t> n = db.Read<int64_t>([](Connection& c) -> Result<int64_t> {
    ASSIGN_OR_RETURN(Statement s, c.Prepare("SELECT count(*) FROM audit_log"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    return row ? s.ColumnInt(0) : -1;
  });
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("audit.db");
    db_ = OpenMigrated(path_);
    ASSERT_NE(db_, nullptr);
  }

  AuditTempDir dir_;
  std::string path_;
  std::unique_ptr<Database> db_;
};

TEST(AuditRowHashTest, GoldenVectorPinsTheFormat) {
  AuditEntry e = MakeAuditEntry(Ctx(7, 1700000000000), "village.create", "village", "3", "",
                                "{\"name\":\"Thôn 1\"}");
  e.id = 1;
  e.actor_name = "cán bộ";
  EXPECT_EQ(AuditCanonicalForm(e),
            "17:doithoai.audit.v1\n1:1\n1:7\n2:42\n9:cán bộ\n11:203.0.113.5\n"
            "13:1700000000000\n14:village.create\n7:village\n1:3\n0:\n18:{\"name\":\"Thôn 1\"}\n"
            "0:\n");
  // Computed independently (Python hashlib over the bytes above).
  EXPECT_EQ(AuditRowHash(e), "a6fa2bb2d1f19b3a4f0bc02708f854cee7dbcfa5dec86619002186b9d5123529");
}

TEST(AuditRowHashTest, SerializationIsUnambiguous) {
  AuditEntry a = Entry(1, 1);
  AuditEntry b = a;
  a.action = "ab";
  a.object_type = "c";
  b.action = "a";
  b.object_type = "bc";
  EXPECT_NE(AuditCanonicalForm(a), AuditCanonicalForm(b));
  EXPECT_NE(AuditRowHash(a), AuditRowHash(b));
  // A separator smuggled into a field cannot fake a boundary either.
  AuditEntry c = a;
  AuditEntry d = a;
  c.before = "x\n1:y";
  c.after = "";
  d.before = "x";
  d.after = "y";
  EXPECT_NE(AuditRowHash(c), AuditRowHash(d));
  // Every field, including id and prev_hash, is covered; `hash` is not.
  AuditEntry e = a;
  e.id = 2;
  EXPECT_NE(AuditRowHash(a), AuditRowHash(e));
  e = a;
  e.prev_hash = "00";
  EXPECT_NE(AuditRowHash(a), AuditRowHash(e));
  e = a;
  e.hash = "anything";
  EXPECT_EQ(AuditRowHash(a), AuditRowHash(e));
  EXPECT_EQ(AuditRowHash(a).size(), 64u);
}

TEST_F(AuditLogTest, EmptyLogVerifies) {
  AuditVerifyReport report = MustVerify(*db_);
  EXPECT_EQ(report.rows_checked, 0);
  EXPECT_FALSE(report.first_broken_id.has_value());
  EXPECT_EQ(report.problem, "");
  EXPECT_EQ(report.last_hash, "");
}

TEST_F(AuditLogTest, AppendsBuildAValidChain) {
  AppendN(*db_, 5, 3);
  AuditVerifyReport report = MustVerify(*db_);
  EXPECT_EQ(report.rows_checked, 3);
  EXPECT_FALSE(report.first_broken_id.has_value());
  EXPECT_EQ(report.problem, "");

  Result<std::vector<AuditEntry>> rows = ListAudit(*db_, CommuneId{5}, 10);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  const AuditEntry& r3 = (*rows)[0];  // newest first
  const AuditEntry& r2 = (*rows)[1];
  const AuditEntry& r1 = (*rows)[2];
  EXPECT_EQ(r1.id, 1);
  EXPECT_EQ(r2.id, 2);
  EXPECT_EQ(r3.id, 3);
  EXPECT_EQ(r1.prev_hash, "");
  EXPECT_EQ(r2.prev_hash, r1.hash);
  EXPECT_EQ(r3.prev_hash, r2.hash);
  EXPECT_EQ(r3.hash, AuditRowHash(r3));
  EXPECT_EQ(report.last_hash, r3.hash);
  // Every field round-trips.
  AuditEntry expected = Entry(5, 2);
  EXPECT_EQ(r2.commune, expected.commune);
  EXPECT_EQ(r2.actor_account_id, 42);
  EXPECT_EQ(r2.actor_name, "canbo");
  EXPECT_EQ(r2.client_address, "203.0.113.5");
  EXPECT_EQ(r2.at, At(1700000000002));
  EXPECT_EQ(r2.action, "village.create");
  EXPECT_EQ(r2.object_type, "village");
  EXPECT_EQ(r2.object_id, "2");
  EXPECT_EQ(r2.before, "");
  EXPECT_EQ(r2.after, expected.after);
}

TEST_F(AuditLogTest, CallerSuppliedChainFieldsAreIgnored) {
  Status s = db_->Write([](Connection& c) {
    AuditEntry e = Entry(1, 1);
    e.id = 99;
    e.prev_hash = "forged";
    e.hash = "forged";
    return AppendAudit(c, e);
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto rows = ListAudit(*db_, CommuneId{1}, 1);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].id, 1);
  EXPECT_EQ((*rows)[0].prev_hash, "");
  EXPECT_EQ(MustVerify(*db_).rows_checked, 1);
}

TEST_F(AuditLogTest, FailedWriteLeavesNoAuditRow) {
  AppendN(*db_, 1, 1);
  Status failed = db_->Write([](Connection& c) -> Status {
    RETURN_IF_ERROR(AppendAudit(c, Entry(1, 2)));
    return MakeError(ErrorCode::kInvalidArgument, "thay đổi bị từ chối");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "thay đổi bị từ chối");
  EXPECT_EQ(CountRows(*db_), 1);
  // The next append continues the chain from row 1.
  AppendN(*db_, 1, 1, 3);
  AuditVerifyReport report = MustVerify(*db_);
  EXPECT_EQ(report.rows_checked, 2);
  EXPECT_FALSE(report.first_broken_id.has_value());
}

TEST_F(AuditLogTest, AppendOutsideATransactionFails) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite::Connection conn(handle);  // owns `handle`
  Status s = AppendAudit(conn, Entry(1, 1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  EXPECT_EQ(CountRows(*db_), 0);
}

TEST_F(AuditLogTest, EditedRowIsNamed) {
  AppendN(*db_, 1, 3);
  RawDb raw(path_);
  ASSERT_EQ(raw.Exec("DROP TRIGGER audit_log_no_update"), "");
  ASSERT_EQ(raw.Exec("UPDATE audit_log SET after = 'x' WHERE id = 2"), "");
  AuditVerifyReport report = MustVerify(*db_);
  ASSERT_TRUE(report.first_broken_id.has_value());
  EXPECT_EQ(*report.first_broken_id, 2);
  EXPECT_EQ(report.problem, "hàng 2: mã băm không khớp (nội dung đã bị sửa)");
  EXPECT_EQ(report.rows_checked, 2);
}

TEST_F(AuditLogTest, DeletedRowIsNamedByItsSuccessor) {
  AppendN(*db_, 1, 3);
  RawDb raw(path_);
  ASSERT_EQ(raw.Exec("DROP TRIGGER audit_log_no_delete"), "");
  ASSERT_EQ(raw.Exec("DELETE FROM audit_log WHERE id = 2"), "");
  AuditVerifyReport report = MustVerify(*db_);
  ASSERT_TRUE(report.first_broken_id.has_value());
  EXPECT_EQ(*report.first_broken_id, 3);
  EXPECT_EQ(report.problem, "hàng 3: thiếu hàng trước (đã bị xoá?)");
}

TEST_F(AuditLogTest, RewrittenHashIsCaughtByTheNextRow) {
  AppendN(*db_, 1, 3);
  auto rows = ListAudit(*db_, CommuneId{1}, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  AuditEntry forged = (*rows)[1];
  ASSERT_EQ(forged.id, 2);
  forged.after = "x";
  std::string new_hash = AuditRowHash(forged);

  RawDb raw(path_);
  ASSERT_EQ(raw.Exec("DROP TRIGGER audit_log_no_update"), "");
  ASSERT_EQ(raw.Exec("UPDATE audit_log SET after = 'x', hash = '" + new_hash + "' WHERE id = 2"),
            "");
  AuditVerifyReport report = MustVerify(*db_);
  ASSERT_TRUE(report.first_broken_id.has_value());
  EXPECT_EQ(*report.first_broken_id, 3);
  EXPECT_EQ(report.problem, "hàng 3: mã băm của hàng trước không khớp");
  EXPECT_EQ(report.last_hash, new_hash);  // row 2 alone looks intact
}

TEST_F(AuditLogTest, RenumberedFirstRowIsNamed) {
  AppendN(*db_, 1, 2);
  RawDb raw(path_);
  ASSERT_EQ(raw.Exec("DROP TRIGGER audit_log_no_update"), "");
  ASSERT_EQ(raw.Exec("UPDATE audit_log SET id = 0 WHERE id = 1"), "");
  AuditVerifyReport report = MustVerify(*db_);
  ASSERT_TRUE(report.first_broken_id.has_value());
  EXPECT_EQ(*report.first_broken_id, 0);
  EXPECT_EQ(report.problem, "hàng 0: số thứ tự không hợp lệ (chuỗi phải bắt đầu từ hàng 1)");
  EXPECT_EQ(report.last_hash, "");
}

TEST_F(AuditLogTest, TriggersKeepTheTableAppendOnly) {
  AppendN(*db_, 1, 2);
  RawDb raw(path_);
  EXPECT_NE(raw.Exec("UPDATE audit_log SET after = 'x' WHERE id = 2").find("append-only"),
            std::string::npos);
  EXPECT_NE(raw.Exec("DELETE FROM audit_log WHERE id = 1").find("append-only"), std::string::npos);
  // REPLACE would delete row 1 without firing the DELETE trigger.
  EXPECT_NE(raw.Exec("INSERT OR REPLACE INTO audit_log VALUES "
                     "(1, 1, 0, 'x', '', 0, 'a', 'b', 'c', '', '', '', '')")
                .find("append-only"),
            std::string::npos);
  // Nor may an insert leave a gap.
  EXPECT_NE(raw.Exec("INSERT INTO audit_log VALUES "
                     "(9, 1, 0, 'x', '', 0, 'a', 'b', 'c', '', '', '', '')")
                .find("append-only"),
            std::string::npos);
  // The same through the application's own connection.
  Status update =
      db_->Write([](Connection& c) { return c.Exec("UPDATE audit_log SET before = 'y'"); });
  ASSERT_FALSE(update.ok());
  EXPECT_NE(update.error().message.find("append-only"), std::string::npos);
  EXPECT_EQ(CountRows(*db_), 2);
  EXPECT_FALSE(MustVerify(*db_).first_broken_id.has_value());
}

TEST_F(AuditLogTest, ListIsScopedToOneCommuneNewestFirst) {
  AppendN(*db_, 1, 1, 1);  // id 1
  AppendN(*db_, 2, 1, 2);  // id 2
  AppendN(*db_, 1, 1, 3);  // id 3
  AppendN(*db_, 0, 1, 4);  // id 4, system-wide
  AppendN(*db_, 1, 1, 5);  // id 5

  auto one = ListAudit(*db_, CommuneId{1}, 10);
  ASSERT_TRUE(one.ok()) << one.error().message;
  std::vector<int64_t> ids;
  for (const AuditEntry& e : *one) {
    EXPECT_EQ(e.commune, CommuneId{1});
    ids.push_back(e.id);
  }
  EXPECT_EQ(ids, (std::vector<int64_t>{5, 3, 1}));

  auto limited = ListAudit(*db_, CommuneId{1}, 2);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->size(), 2u);
  EXPECT_EQ((*limited)[0].id, 5);
  EXPECT_EQ((*limited)[1].id, 3);

  auto two = ListAudit(*db_, CommuneId{2}, 10);
  ASSERT_TRUE(two.ok());
  ASSERT_EQ(two->size(), 1u);
  EXPECT_EQ((*two)[0].id, 2);

  auto system = ListAudit(*db_, CommuneId{0}, 10);
  ASSERT_TRUE(system.ok());
  ASSERT_EQ(system->size(), 1u);
  EXPECT_EQ((*system)[0].id, 4);

  EXPECT_TRUE(ListAudit(*db_, CommuneId{3}, 10)->empty());
  auto bad = ListAudit(*db_, CommuneId{1}, 0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  // One chain across all communes.
  EXPECT_EQ(MustVerify(*db_).rows_checked, 5);
}

TEST(AuditLogNoTableTest, VerifyReportsAMissingTable) {
  auto db = sqlite::SqliteDatabase::Open(":memory:");
  ASSERT_TRUE(db.ok());
  Result<AuditVerifyReport> report = VerifyAuditChain(**db);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(report.error().message.find("doithoai migrate"), std::string::npos);
}

TEST_F(AuditLogTest, VerifyCommandReportsIntactAndBrokenChains) {
  AppendN(*db_, 1, 3);
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(app::RunAuditVerify(path_), 0);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "Chuỗi nhật ký kiểm toán nguyên vẹn: 3 hàng.\n");

  RawDb raw(path_);
  ASSERT_EQ(raw.Exec("DROP TRIGGER audit_log_no_update"), "");
  ASSERT_EQ(raw.Exec("UPDATE audit_log SET actor_name = 'ai đó' WHERE id = 2"), "");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(app::RunAuditVerify(path_), 1);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "Lỗi: chuỗi nhật ký kiểm toán bị phá vỡ tại hàng 2: mã băm không khớp (nội dung đã "
            "bị sửa)\n");

  ::testing::internal::CaptureStderr();
  EXPECT_EQ(app::RunAuditVerify(dir_.File("missing.db")), 1);
  std::string missing = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(missing.rfind("Lỗi: ", 0), 0u) << missing;
  EXPECT_FALSE(fs::exists(dir_.File("missing.db")));  // never created
}

}  // namespace
}  // namespace doithoai::sql
