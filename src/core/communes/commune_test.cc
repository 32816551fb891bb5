#include "core/communes/commune.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

Commune ValidCommune() {
  Commune c;
  c.slug = "hoang-truong";
  c.code = "16000";
  c.name = "Hoằng Trường";
  return c;
}

TEST(CommuneTest, DisplayNamesUseTheTypeWord) {
  Commune c = ValidCommune();
  EXPECT_EQ(c.DisplayName(), "xã Hoằng Trường");
  EXPECT_EQ(c.PeoplesCommitteeName(), "UBND xã Hoằng Trường");
  c.type = CommuneType::kDacKhu;
  EXPECT_EQ(c.DisplayName(), "đặc khu Hoằng Trường");
}

TEST(CommuneTest, TypeCodesRoundTrip) {
  for (CommuneType t : {CommuneType::kXa, CommuneType::kPhuong, CommuneType::kDacKhu}) {
    auto parsed = ParseCommuneType(CommuneTypeCode(t));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, t);
  }
  EXPECT_FALSE(ParseCommuneType("huyen").ok());
}

TEST(CommuneTest, SlugRules) {
  EXPECT_TRUE(IsValidSlug("hoang-truong"));
  EXPECT_TRUE(IsValidSlug("phuong-1"));
  EXPECT_FALSE(IsValidSlug(""));
  EXPECT_FALSE(IsValidSlug("Hoang"));
  EXPECT_FALSE(IsValidSlug("-x"));
  EXPECT_FALSE(IsValidSlug("a--b"));
  EXPECT_FALSE(IsValidSlug("hoằng"));
}

TEST(CommuneTest, ValidationReportsEveryBadField) {
  EXPECT_TRUE(ValidateCommune(ValidCommune()).ok());
  Commune bad = ValidCommune();
  bad.slug = "Bad Slug";
  bad.code = "123";  // ADC-04: must be 5 digits with leading zeros
  bad.name = "";
  Status s = ValidateCommune(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(s.error().fields.size(), 3u);
  EXPECT_EQ(s.error().fields[0].field, "slug");
  EXPECT_EQ(s.error().fields[1].field, "code");
  EXPECT_EQ(s.error().fields[2].field, "name");
}

TEST(CommuneTest, CodeKeepsLeadingZeros) {
  Commune c = ValidCommune();
  c.code = "00004";
  EXPECT_TRUE(ValidateCommune(c).ok());
  c.code = "4";
  EXPECT_FALSE(ValidateCommune(c).ok());
}

}  // namespace
}  // namespace doithoai
