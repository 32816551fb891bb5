#include "core/accounts/credentials.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

Timestamp T(int64_t s) { return Timestamp(std::chrono::milliseconds(s * 1000)); }

TEST(PasswordPolicyTest, RejectsShortLongInvalidAndUsernameEqualPasswords) {
  EXPECT_TRUE(ValidateNewPassword("đủ-dài-rồi-nhé", "chutich").ok());
  Status s = ValidateNewPassword("ngắn", "chutich");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().fields[0].field, "password");
  EXPECT_NE(s.error().message.find("ít nhất 10"), std::string::npos);
  // 10 code points but 13 bytes is long enough: the policy counts characters.
  EXPECT_TRUE(ValidateNewPassword("đđđđđđđđđđ", "x").ok());
  EXPECT_FALSE(ValidateNewPassword(std::string(300, 'a'), "x").ok());
  EXPECT_FALSE(ValidateNewPassword("abc\xff\xfe"
                                   "defghijk",
                                   "x")
                   .ok());
  EXPECT_FALSE(ValidateNewPassword("ChuTich.HT", "chutich.ht").ok());
}

TEST(UsernameTest, OnlyLowerCaseAsciiWords) {
  EXPECT_TRUE(ValidateUsername("chutich").ok());
  EXPECT_TRUE(ValidateUsername("truong.thon-1").ok());
  EXPECT_FALSE(ValidateUsername("ab").ok());
  EXPECT_FALSE(ValidateUsername("ChuTich").ok());
  EXPECT_FALSE(ValidateUsername("chủ tịch").ok());
}

TEST(ThrottleTest, BlocksAfterTheLimitWithinTheWindow) {
  ThrottlePolicy p{5, minutes(15)};
  std::vector<Timestamp> f = {T(0), T(10), T(20), T(30)};
  EXPECT_FALSE(RetryAfter(f, T(40), p).has_value());
  f.push_back(T(40));
  auto wait = RetryAfter(f, T(40), p);
  ASSERT_TRUE(wait.has_value());
  EXPECT_EQ(*wait, seconds(860));  // the oldest (t=0) leaves the window at t=900
  EXPECT_EQ(*RetryAfter(f, T(899), p), seconds(1));
  EXPECT_FALSE(RetryAfter(f, T(900), p).has_value());
}

TEST(ThrottleTest, OldFailuresDoNotCount) {
  ThrottlePolicy p{3, minutes(1)};
  std::vector<Timestamp> f = {T(0), T(1), T(2), T(100)};
  EXPECT_FALSE(RetryAfter(f, T(100), p).has_value());
}

TEST(SessionExpiryTest, IdleAndAbsoluteLimits) {
  SessionPolicy p{minutes(30), minutes(480), seconds(60)};
  SessionTimes s{T(0), T(0)};
  EXPECT_FALSE(IsSessionExpired(s, T(29 * 60), p));
  EXPECT_TRUE(IsSessionExpired(s, T(30 * 60), p));
  s.last_seen_at = T(470 * 60);
  EXPECT_FALSE(IsSessionExpired(s, T(479 * 60), p));
  EXPECT_TRUE(IsSessionExpired(s, T(480 * 60), p));  // absolute, despite activity
}

}  // namespace
}  // namespace doithoai
