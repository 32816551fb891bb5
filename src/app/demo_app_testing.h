// A gtest fixture base for tests of the assembled application: a fresh
// Application with the demo data (commune, accounts, the seed's conference)
// over a migrated SQLite file in a per-test directory, on a fake clock, with
// password hashing at libsodium's minimum cost.
#ifndef DOITHOAI_APP_DEMO_APP_TESTING_H_
#define DOITHOAI_APP_DEMO_APP_TESTING_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "adapters/crypto/sodium_crypto.h"
#include "app/demo.h"
#include "app/wiring.h"
#include "core/testing/fake_clock.h"

namespace doithoai::app {

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
    app_ = std::make_unique<Application>(*db_, clock_, *crypto_, options);
    AuditContext ctx;
    ctx.actor_name = "test";
    ctx.at = clock_.Now();
    auto demo = LoadDemo(app_->communes(), app_->accounts(), *crypto_, app_->conferences(),
                         app_->petitions(), ctx);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    demo_ = demo->id;
  }

  // Tests may change the application's options (rate limits…).
  virtual AppOptions Options() const { return AppOptions{}; }

  void TearDown() override {
    app_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  FakeClock clock_;
  std::filesystem::path dir_;
  std::unique_ptr<sqlite::SqliteDatabase> db_;
  std::unique_ptr<SodiumCrypto> crypto_;
  std::unique_ptr<Application> app_;
  CommuneId demo_;  // the demo commune, Hoằng Trường
};

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_DEMO_APP_TESTING_H_
