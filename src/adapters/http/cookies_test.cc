// Tests for Cookie header parsing and Set-Cookie value building.
#include "adapters/http/cookies.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace doithoai::http {
namespace {

using Cookies = std::map<std::string, std::string>;

TEST(ParseCookiesTest, ParsesPairsAndStripsQuotes) {
  EXPECT_EQ(ParseCookies("a=b; c=\"d\"; sid=abc123"),
            (Cookies{{"a", "b"}, {"c", "d"}, {"sid", "abc123"}}));
}

TEST(ParseCookiesTest, ToleratesMissingSpacesAndExtraWhitespace) {
  EXPECT_EQ(ParseCookies("a=1;b=2 ;\t c = 3 ;"), (Cookies{{"a", "1"}, {"b", "2"}, {"c", "3"}}));
}

TEST(ParseCookiesTest, KeepsEmptyValuesAndEqualsSignsInValues) {
  EXPECT_EQ(ParseCookies("empty=; q=\"\"; tok=YWJj=="),
            (Cookies{{"empty", ""}, {"q", ""}, {"tok", "YWJj=="}}));
}

TEST(ParseCookiesTest, IgnoresMalformedPairs) {
  EXPECT_EQ(ParseCookies("novalue; =x; bad name=1; a(b)=2; q=\"x; ctl=a\x01"
                         "b; ok=1"),
            (Cookies{{"ok", "1"}}));
  EXPECT_TRUE(ParseCookies("").empty());
  EXPECT_TRUE(ParseCookies(";;; ").empty());
}

TEST(ParseCookiesTest, FirstValueWins) {
  EXPECT_EQ(ParseCookies("sid=first; sid=second"), (Cookies{{"sid", "first"}}));
}

TEST(ParseCookiesTest, NamesAreCaseSensitive) {
  EXPECT_EQ(ParseCookies("SID=1; sid=2"), (Cookies{{"SID", "1"}, {"sid", "2"}}));
}

TEST(SetCookieValueTest, UsesSafeDefaults) {
  Result<std::string> value = SetCookieValue("sid", "abc123");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "sid=abc123; Path=/; HttpOnly; SameSite=Lax");
}

TEST(SetCookieValueTest, RendersEveryOption) {
  CookieOptions options;
  options.path = "/x";
  options.max_age_seconds = 3600;
  options.http_only = false;
  options.secure = true;
  options.same_site = "strict";
  Result<std::string> value = SetCookieValue("csrf", "t0k", options);
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "csrf=t0k; Path=/x; Max-Age=3600; Secure; SameSite=Strict");
}

TEST(SetCookieValueTest, MaxAgeZeroDeletesAndEmptyOptionsAreOmitted) {
  CookieOptions options;
  options.path = "";
  options.max_age_seconds = 0;
  options.same_site = "";
  Result<std::string> value = SetCookieValue("sid", "", options);
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "sid=; Max-Age=0; HttpOnly");
}

TEST(SetCookieValueTest, RejectsInvalidNames) {
  for (const char* name : {"", "a b", "a=b", "a;b", "s\xC3\xA9", "a\"", "a,b", "a(b)"}) {
    Result<std::string> value = SetCookieValue(name, "v");
    ASSERT_FALSE(value.ok()) << name;
    EXPECT_EQ(value.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(SetCookieValueTest, RejectsInvalidValues) {
  for (const char* cookie_value : {"a b", "a;b", "a,b", "a\"b", "a\\b", "\xC3\xA9", "a\tb"}) {
    Result<std::string> value = SetCookieValue("sid", cookie_value);
    ASSERT_FALSE(value.ok()) << cookie_value;
    EXPECT_EQ(value.error().code, ErrorCode::kInvalidArgument);
  }
  EXPECT_TRUE(SetCookieValue("sid", "!#$%&'()*+-./:<=>?@[]^_`{|}~").ok());
}

TEST(SetCookieValueTest, RejectsBadPathAndSameSite) {
  CookieOptions bad_path;
  bad_path.path = "/a; Domain=evil";
  EXPECT_FALSE(SetCookieValue("sid", "v", bad_path).ok());
  CookieOptions bad_same_site;
  bad_same_site.same_site = "Sometimes";
  EXPECT_FALSE(SetCookieValue("sid", "v", bad_same_site).ok());
}

TEST(SetCookieValueTest, SameSiteNoneRequiresSecure) {
  CookieOptions options;
  options.same_site = "None";
  EXPECT_FALSE(SetCookieValue("sid", "v", options).ok());
  options.secure = true;
  Result<std::string> value = SetCookieValue("sid", "v", options);
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "sid=v; Path=/; HttpOnly; Secure; SameSite=None");
}

TEST(SetCookieValueTest, EnforcesSecureAndHostPrefixes) {
  CookieOptions insecure;
  EXPECT_FALSE(SetCookieValue("__Host-sid", "v", insecure).ok());
  EXPECT_FALSE(SetCookieValue("__Secure-sid", "v", insecure).ok());
  CookieOptions secure;
  secure.secure = true;
  EXPECT_TRUE(SetCookieValue("__Host-sid", "v", secure).ok());
  EXPECT_TRUE(SetCookieValue("__Secure-sid", "v", secure).ok());
  secure.path = "/x";
  EXPECT_FALSE(SetCookieValue("__Host-sid", "v", secure).ok());
  EXPECT_TRUE(SetCookieValue("__Secure-sid", "v", secure).ok());
}

}  // namespace
}  // namespace doithoai::http
