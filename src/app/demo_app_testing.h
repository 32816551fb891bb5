// A gtest fixture base for tests of the assembled application: a fresh
// Application with the demo data (commune, accounts, the seed's conference)
// over a migrated SQLite file in a per-test directory, on a fake clock, with
// password hashing at libsodium's minimum cost; and the small helpers the
// HTTP-level tests share (form bodies, headers, signing in).
#ifndef DOITHOAI_APP_DEMO_APP_TESTING_H_
#define DOITHOAI_APP_DEMO_APP_TESTING_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/http/form.h"
#include "adapters/storage/sqlite/database.h"
#include "app/demo.h"
#include "app/wiring.h"
#include "core/calendar/date.h"
#include "core/testing/fake_clock.h"

namespace doithoai::app {

// The password of every demo account.
inline constexpr char kDemoPassword[] = "doithoai-demo";

// 08:00 in Vietnam (01:00 UTC) on the ISO date `iso`.
inline Timestamp MorningOf(const char* iso) {
  return Timestamp(std::chrono::sys_days(Date::Parse(iso).value().sys_days()) +
                   std::chrono::hours(1));
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

using FormFields = std::vector<std::pair<std::string, std::string>>;

// An application/x-www-form-urlencoded body of `fields`, in order.
inline std::string FormBody(const FormFields& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    if (!body.empty()) body += '&';
    body += http::UrlEncode(k) + "=" + http::UrlEncode(v);
  }
  return body;
}

// The value of the response header `name` (as the handler spells it), or "".
inline std::string HeaderOf(const http::HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

class DemoAppTest : public ::testing::Test {
 protected:
  explicit DemoAppTest(Timestamp start) : clock_(start) {}

  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("doithoai-app-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = sqlite::SqliteDatabase::Open((dir_ / "t.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate().ok());
    auto crypto = SodiumCrypto::Create(PasswordHashCost::MinimumForTest());
    ASSERT_TRUE(crypto.ok());
    crypto_ = std::move(crypto).value();
    AppOptions options = Options();
    options.secret_key = std::string(32, 'k');  // a fixed test key
    options.files_dir = (dir_ / "files").string();
    app_ = std::make_unique<Application>(*db_, demo_clock_, *crypto_, options);
    DemoHistory history{app_->conference_day(), demo_clock_};
    auto demo = LoadDemo(app_->communes(), app_->accounts(), *crypto_, app_->conferences(),
                         app_->petitions(), TestAudit(), &app_->cases(), &app_->notifications(),
                         WithHistory() ? &history : nullptr);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    demo_ = demo->id;
  }

  // Tests may change the application's options (rate limits…).
  virtual AppOptions Options() const { return AppOptions{}; }
  // Tests of the demo's held 2023 conference (`init --demo`); the others
  // get it still planned (`--demo-rehearsal`).
  virtual bool WithHistory() const { return false; }

  // The audit context of the test's own writes: actor "test", now.
  AuditContext TestAudit() const {
    AuditContext ctx;
    ctx.actor_name = "test";
    ctx.at = clock_.Now();
    return ctx;
  }

  // A second commune, "xa-khac", for isolation tests (id invalid, after a
  // test failure, if it cannot be created).
  Commune CreateOtherCommune() {
    Commune other;
    other.slug = "xa-khac";
    other.code = "99002";
    other.name = "Khác";
    Result<CommuneId> id = app_->communes().CreateCommune(other, TestAudit());
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    if (id.ok()) other.id = *id;
    return other;
  }

  // A session of the demo account `user`, opened through the authenticator
  // (empty, after a test failure, if the login fails).
  struct SignedIn {
    std::string token;
    std::string csrf;
  };
  SignedIn SignIn(const std::string& user) {
    auto login = app_->auth().Login({user, kDemoPassword, "127.0.0.1"});
    EXPECT_TRUE(login.ok()) << user << ": " << (login.ok() ? "" : login.error().message);
    if (!login.ok()) return {};
    return {login->token, login->session.csrf_token};
  }

  void TearDown() override {
    app_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  FakeClock clock_;
  DemoClock demo_clock_{clock_};  // the application's clock: clock_ once the demo is loaded
  std::filesystem::path dir_;
  std::unique_ptr<sqlite::SqliteDatabase> db_;
  std::unique_ptr<SodiumCrypto> crypto_;
  std::unique_ptr<Application> app_;
  CommuneId demo_;  // the demo commune, Hoằng Trường
};

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_DEMO_APP_TESTING_H_
