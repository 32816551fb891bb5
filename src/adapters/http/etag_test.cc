// Tests for StrongEtag and If-None-Match matching.
#include "adapters/http/etag.h"

#include <gtest/gtest.h>

#include <string>

namespace doithoai::http {
namespace {

TEST(StrongEtagTest, IsQuotedFnv1a64Hex) {
  EXPECT_EQ(StrongEtag(""), "\"cbf29ce484222325\"");  // the FNV-1a offset basis
  EXPECT_EQ(StrongEtag("a"), "\"af63dc4c8601ec8c\"");
  EXPECT_EQ(StrongEtag("foobar"), "\"85944171f73967e8\"");
}

TEST(StrongEtagTest, DependsOnEveryByte) {
  EXPECT_EQ(StrongEtag("Kiến nghị"), StrongEtag("Kiến nghị"));
  EXPECT_NE(StrongEtag("Kiến nghị"), StrongEtag("Kiến nghi"));
  EXPECT_NE(StrongEtag(std::string("a\0b", 3)), StrongEtag(std::string("a\0c", 3)));
}

TEST(IfNoneMatchTest, MatchesTheSameTag) {
  std::string etag = StrongEtag("body");
  EXPECT_TRUE(IfNoneMatchMatches(etag, etag));
  EXPECT_FALSE(IfNoneMatchMatches(StrongEtag("other"), etag));
}

TEST(IfNoneMatchTest, MatchesAnyMemberOfAList) {
  EXPECT_TRUE(IfNoneMatchMatches("\"a\", \"b\",\"c\"", "\"b\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"a\" ,\t\"c\"", "\"c\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"a\", \"b\"", "\"c\""));
}

TEST(IfNoneMatchTest, ComparesWeakly) {
  EXPECT_TRUE(IfNoneMatchMatches("W/\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"x\", W/\"a\"", "W/\"a\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"a\"", "W/\"a\""));
}

TEST(IfNoneMatchTest, StarMatchesAnything) {
  EXPECT_TRUE(IfNoneMatchMatches("*", "\"a\""));
  EXPECT_TRUE(IfNoneMatchMatches(" * ", StrongEtag("x")));
}

TEST(IfNoneMatchTest, KeepsCommasInsideQuotes) {
  EXPECT_TRUE(IfNoneMatchMatches("\"a,b\", \"c\"", "\"a,b\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"a,b\"", "\"a\""));
}

TEST(IfNoneMatchTest, EmptyOrMalformedNeverMatches) {
  EXPECT_FALSE(IfNoneMatchMatches("", "\"a\""));
  EXPECT_FALSE(IfNoneMatchMatches(",,", "\"a\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"\"", "\"\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"ab\"", "\"a\""));
}

}  // namespace
}  // namespace doithoai::http
