// SqlNotificationSettings over a migrated in-memory database: defaults
// without a row, a round trip of every field, the audit row in the same
// transaction, and commune scoping.
#include "adapters/storage/sql/notification_settings.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/json/notify_settings_json.h"
#include "adapters/storage/sql/sql_testing.h"

namespace doithoai::sql {
namespace {

AuditContext Ctx() {
  AuditContext ctx;
  ctx.actor_account_id = 3;
  ctx.actor_name = "admin";
  ctx.client_address = "192.0.2.7";
  ctx.at = Timestamp(std::chrono::milliseconds(1767600000000));
  return ctx;
}

NotificationSettings Sample() {
  NotificationSettings s;
  s.contacts = {{OfficialId{3}, "0912345678", "", MessageChannel::kSms},
                {OfficialId{4}, "", "dia.chinh@hoangtruong.gov.vn", MessageChannel::kEmail}};
  s.chairman_id = OfficialId{4};
  s.escalate_after_days = 3;
  s.notify_citizen_on_assign = true;
  s.rate_request_after_days = 5;
  s.templates = {{"petition.answered", "Đơn {ma_don} đã được trả lời", "Kính gửi ông/bà."}};
  return s;
}

class SqliteNotificationSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(stores_.OpenShared(":memory:"));
    repo_ = std::make_unique<SqlNotificationSettings>(*stores_.db);
    Result<CommuneId> a = stores_.CreateHoangTruong(Ctx());
    ASSERT_TRUE(a.ok()) << a.error().message;
    a_ = *a;
    Commune other;
    other.slug = "hai-trung";
    other.code = "16001";
    other.name = "Hải Trung";
    Result<CommuneId> b = stores_.communes->CreateCommune(other, Ctx());
    ASSERT_TRUE(b.ok()) << b.error().message;
    b_ = *b;
  }

  NotificationSettings MustLoad(CommuneId commune) {
    Result<NotificationSettings> s = repo_->Load(commune);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return s.ok() ? *s : NotificationSettings{};
  }

  std::vector<AuditEntry> SettingsAudit(CommuneId commune) {
    Result<std::vector<AuditEntry>> all = stores_.Audit().Recent(commune, 1000);
    EXPECT_TRUE(all.ok());
    std::vector<AuditEntry> out;
    if (!all.ok()) return out;
    for (const AuditEntry& e : *all) {
      if (e.action == "notification.settings") out.push_back(e);
    }
    return out;
  }

  int64_t Rows() {
    Result<int64_t> n = stores_.db->Read<int64_t>([](Connection& c) -> Result<int64_t> {
      ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT COUNT(*) FROM notification_settings"));
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      return row ? stmt.ColumnInt(0) : -1;
    });
    return n.ok() ? *n : -1;
  }

  SharedStores stores_;
  std::unique_ptr<SqlNotificationSettings> repo_;
  CommuneId a_;
  CommuneId b_;
};

void ExpectSame(const NotificationSettings& got, const NotificationSettings& want) {
  EXPECT_EQ(got.contacts, want.contacts);
  EXPECT_EQ(got.chairman_id, want.chairman_id);
  EXPECT_EQ(got.escalate_after_days, want.escalate_after_days);
  EXPECT_EQ(got.notify_citizen_on_assign, want.notify_citizen_on_assign);
  EXPECT_EQ(got.rate_request_after_days, want.rate_request_after_days);
  EXPECT_EQ(got.templates, want.templates);
}

TEST_F(SqliteNotificationSettingsTest, DefaultsWhenNeverSaved) {
  const NotificationSettings s = MustLoad(a_);
  ExpectSame(s, NotificationSettings{});
  EXPECT_EQ(s.escalate_after_days, 5);
  EXPECT_EQ(s.rate_request_after_days, 2);
  EXPECT_EQ(s.TemplateFor(kEventReceived), DefaultTemplate(kEventReceived));
  EXPECT_EQ(Rows(), 0);
  // Even for a commune that does not exist: nothing to read.
  ExpectSame(MustLoad(CommuneId{999}), NotificationSettings{});
}

TEST_F(SqliteNotificationSettingsTest, SaveRoundTripsAndAudits) {
  const NotificationSettings want = Sample();
  ASSERT_TRUE(repo_->Save(a_, want, Ctx()).ok());
  const NotificationSettings got = MustLoad(a_);
  ExpectSame(got, want);
  EXPECT_EQ(got.TemplateFor(kEventAnswered).subject, "Đơn {ma_don} đã được trả lời");
  EXPECT_EQ(got.TemplateFor(kEventReceived), DefaultTemplate(kEventReceived));

  std::vector<AuditEntry> audit = SettingsAudit(a_);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].commune, a_);
  EXPECT_EQ(audit[0].object_type, "notification_settings");
  EXPECT_EQ(audit[0].object_id, std::to_string(a_.value));
  EXPECT_EQ(audit[0].actor_name, "admin");
  EXPECT_EQ(audit[0].before, "");
  EXPECT_EQ(audit[0].after, json::NotificationSettingsToJson(want));

  // A second save replaces the row; its audit row shows what was there.
  NotificationSettings next = want;
  next.contacts.pop_back();
  next.chairman_id.reset();
  next.templates.clear();
  ASSERT_TRUE(repo_->Save(a_, next, Ctx()).ok());
  ExpectSame(MustLoad(a_), next);
  EXPECT_EQ(Rows(), 1);
  audit = SettingsAudit(a_);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].before, json::NotificationSettingsToJson(want));
  EXPECT_EQ(audit[0].after, json::NotificationSettingsToJson(next));

  Result<bool> intact = stores_.AuditChainIntact();
  ASSERT_TRUE(intact.ok());
  EXPECT_TRUE(*intact);
}

TEST_F(SqliteNotificationSettingsTest, SettingsBelongToOneCommune) {
  ASSERT_TRUE(repo_->Save(a_, Sample(), Ctx()).ok());
  ExpectSame(MustLoad(b_), NotificationSettings{});
  EXPECT_TRUE(SettingsAudit(b_).empty());

  NotificationSettings theirs;
  theirs.escalate_after_days = 20;
  ASSERT_TRUE(repo_->Save(b_, theirs, Ctx()).ok());
  ExpectSame(MustLoad(a_), Sample());
  EXPECT_EQ(MustLoad(b_).escalate_after_days, 20);
  EXPECT_EQ(SettingsAudit(a_).size(), 1u);
  EXPECT_EQ(SettingsAudit(b_).size(), 1u);

  // A commune that does not exist: refused, nothing stored or audited.
  Status missing = repo_->Save(CommuneId{999}, Sample(), Ctx());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Rows(), 2);
  EXPECT_TRUE(SettingsAudit(CommuneId{999}).empty());
}

TEST_F(SqliteNotificationSettingsTest, DamagedRowIsAnInternalError) {
  ASSERT_TRUE(stores_.db
                  ->Write([this](Connection& c) -> Status {
                    ASSIGN_OR_RETURN(
                        Statement stmt,
                        c.Prepare("INSERT INTO notification_settings "
                                  "(commune_id, data) VALUES (?, '{\"contacts\": 3}')"));
                    stmt.Bind(1, a_.value);
                    return stmt.Run();
                  })
                  .ok());
  Result<NotificationSettings> s = repo_->Load(a_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  EXPECT_NE(s.error().message.find("contacts"), std::string::npos) << s.error().message;
}

}  // namespace
}  // namespace doithoai::sql
