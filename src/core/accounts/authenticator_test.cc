#include "core/accounts/authenticator.h"

#include <gtest/gtest.h>

#include "core/testing/fake_clock.h"
#include "core/testing/in_memory_accounts.h"

namespace doithoai {
namespace {

using std::chrono::minutes;

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Account a;
    a.commune_id = CommuneId{1};
    a.username = "chutich";
    a.role = Role::kChairman;
    a.password_hash = "fake$mat-khau-dung";
    id_ = *accounts_.Create(a, ctx_);
  }
  Result<LoginResult> Login(std::string user, std::string password, std::string addr = "10.0.0.1") {
    return auth_.Login({std::move(user), std::move(password), std::move(addr)});
  }
  FakeClock clock_{Timestamp(std::chrono::milliseconds(1'800'000'000'000))};
  InMemoryAccountRepository accounts_;
  InMemorySessionStore sessions_;
  InMemoryThrottleStore throttle_;
  FakeCrypto crypto_;
  Authenticator auth_{accounts_, sessions_, throttle_, crypto_, clock_};
  AuditContext ctx_;
  AccountId id_;
};

TEST_F(AuthenticatorTest, LoginCreatesASessionThatResolvesToTheActor) {
  auto r = Login("ChuTich", "mat-khau-dung");  // usernames are case-insensitive
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto s = auth_.Resolve(r->token);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->actor.username, "chutich");
  EXPECT_EQ(s->actor.role, Role::kChairman);
  EXPECT_EQ(*s->actor.commune_id, CommuneId{1});
  EXPECT_FALSE(s->csrf_token.empty());
}

TEST_F(AuthenticatorTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto wrong = Login("chutich", "sai");
  auto unknown = Login("khongco", "sai");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(crypto_.verifications, 2);  // the unknown user also cost a verification
}

TEST_F(AuthenticatorTest, TenWrongPasswordsAreThrottledWhateverThePassword) {
  int throttled = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = Login("chutich", "sai-" + std::to_string(i));
    ASSERT_FALSE(r.ok());
    if (r.error().code == ErrorCode::kResourceExhausted) ++throttled;
  }
  EXPECT_EQ(throttled, 5);  // the 6th attempt on is refused before checking
  auto right = Login("chutich", "mat-khau-dung");
  ASSERT_FALSE(right.ok());
  EXPECT_EQ(right.error().code, ErrorCode::kResourceExhausted);
  ASSERT_EQ(right.error().fields[0].field, kRetryAfterField);
  EXPECT_EQ(right.error().fields[0].message, "900");
  EXPECT_NE(right.error().message.find("thử lại sau 15 phút"), std::string::npos);
  clock_.Advance(minutes(15));
  EXPECT_TRUE(Login("chutich", "mat-khau-dung").ok());
}

TEST_F(AuthenticatorTest, OneAddressTryingManyAccountsIsThrottled) {
  for (int i = 0; i < 20; ++i) {
    (void)Login("user" + std::to_string(i), "sai", "10.9.9.9");
  }
  auto r = Login("chutich", "mat-khau-dung", "10.9.9.9");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
  EXPECT_TRUE(Login("chutich", "mat-khau-dung", "10.0.0.2").ok());
}

TEST_F(AuthenticatorTest, SessionsExpireWhenIdleAndAbsolutely) {
  auto r = Login("chutich", "mat-khau-dung");
  ASSERT_TRUE(r.ok());
  clock_.Advance(minutes(119));
  EXPECT_TRUE(auth_.Resolve(r->token).ok());  // activity refreshes the idle timer
  clock_.Advance(minutes(119));
  EXPECT_TRUE(auth_.Resolve(r->token).ok());
  clock_.Advance(minutes(120));
  auto expired = auth_.Resolve(r->token);
  ASSERT_FALSE(expired.ok());
  EXPECT_NE(expired.error().message.find("hết hạn"), std::string::npos);
  EXPECT_EQ(sessions_.size(), 0u);  // an expired session is deleted

  auto again = Login("chutich", "mat-khau-dung");
  for (int i = 0; i < 12; ++i) {
    clock_.Advance(minutes(60));
    (void)auth_.Resolve(again->token);
  }
  EXPECT_FALSE(auth_.Resolve(again->token).ok());  // 12 h absolute limit
}

TEST_F(AuthenticatorTest, LogoutEverywhereEndsAllSessions) {
  auto a = Login("chutich", "mat-khau-dung");
  auto b = Login("chutich", "mat-khau-dung");
  ASSERT_TRUE(auth_.Logout(a->token, ctx_).ok());
  EXPECT_FALSE(auth_.Resolve(a->token).ok());
  EXPECT_TRUE(auth_.Resolve(b->token).ok());
  ASSERT_TRUE(auth_.LogoutEverywhere(id_, ctx_).ok());
  EXPECT_FALSE(auth_.Resolve(b->token).ok());
}

TEST_F(AuthenticatorTest, DisabledAccountsCannotLogInOrUseSessions) {
  auto r = Login("chutich", "mat-khau-dung");
  ASSERT_TRUE(accounts_.SetDisabled(AccountScope::System(), id_, true, ctx_).ok());
  EXPECT_FALSE(auth_.Resolve(r->token).ok());
  EXPECT_EQ(Login("chutich", "mat-khau-dung").error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthenticatorTest, ChangePasswordChecksTheOldOneAndThePolicy) {
  auto s = auth_.Resolve(Login("chutich", "mat-khau-dung")->token);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(auth_.ChangePassword(s->actor, "sai", "mat-khau-moi-dai", ctx_).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(auth_.ChangePassword(s->actor, "mat-khau-dung", "ngan", ctx_).error().fields[0].field,
            "password");
  ASSERT_TRUE(auth_.ChangePassword(s->actor, "mat-khau-dung", "mat-khau-moi-dai", ctx_).ok());
  EXPECT_EQ(sessions_.size(), 0u);
  EXPECT_TRUE(Login("chutich", "mat-khau-moi-dai").ok());
}

TEST_F(AuthenticatorTest, ResetIsScopedToTheAdminsCommune) {
  auto other = auth_.ResetPassword(AccountScope::Of(CommuneId{2}), id_, "mat-khau-moi-dai", ctx_);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);  // isolation: not 403
  EXPECT_TRUE(
      auth_.ResetPassword(AccountScope::Of(CommuneId{1}), id_, "mat-khau-moi-dai", ctx_).ok());
}

}  // namespace
}  // namespace doithoai
