#include "core/audit/audit_json.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

TEST(AuditJsonTest, QuotesAndEscapes) {
  EXPECT_EQ(JsonQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonQuote("x\ny"), "\"xy\"");
  EXPECT_EQ(JsonQuote("Hoằng"), "\"Hoằng\"");
}

TEST(AuditJsonTest, SummaryJoinsEncodedValues) {
  EXPECT_EQ(JsonSummary({{"from", JsonQuote("a")}, {"n", "2"}}), "{\"from\":\"a\",\"n\":2}");
  EXPECT_EQ(JsonSummary({}), "{}");
}

}  // namespace
}  // namespace doithoai
