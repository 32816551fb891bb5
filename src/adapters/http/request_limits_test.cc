#include "adapters/http/request_limits.h"

#include <gtest/gtest.h>

#include "adapters/http/server.h"

namespace doithoai::http {
namespace {

TEST(RequestLimitsTest, UploadsGetTheUploadLimit) {
  EXPECT_EQ(BodyLimitFor("multipart/form-data; boundary=x", 1, 25), 25u);
  EXPECT_EQ(BodyLimitFor("Multipart/Form-Data; boundary=x", 1, 25), 25u);
  EXPECT_EQ(BodyLimitFor("application/x-www-form-urlencoded", 1, 25), 1u);
  EXPECT_EQ(BodyLimitFor("", 1, 25), 1u);
}

TEST(RequestLimitsTest, TooLargeNamesTheLimitInVietnamese) {
  HttpResponse r = TooLargeResponse(1024 * 1024);
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("quá lớn"), std::string::npos);
  EXPECT_NE(r.body.find("1 MiB"), std::string::npos);
}

TEST(DecodePathTest, DecodesPercentEscapes) {
  auto r = DecodePath("/x/ho%C3%A0ng");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "/x/hoàng");
}

TEST(DecodePathTest, RejectsMalformedInput) {
  EXPECT_FALSE(DecodePath("").ok());
  EXPECT_FALSE(DecodePath("no-slash").ok());
  EXPECT_FALSE(DecodePath("/a%2").ok());
  EXPECT_FALSE(DecodePath("/a%").ok());
  EXPECT_FALSE(DecodePath("/a%zz").ok());
  EXPECT_FALSE(DecodePath("/a%00b").ok());  // encoded NUL
  EXPECT_FALSE(DecodePath("/a%C3").ok());   // truncated UTF-8
  EXPECT_FALSE(DecodePath("/\xff").ok());
}

TEST(SecurityHeadersTest, EveryResponseGetsThem) {
  HttpResponse r;
  AddSecurityHeaders(r);
  auto find = [&](const std::string& name) -> std::string {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  };
  EXPECT_NE(find("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(find("Content-Security-Policy").find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(find("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(find("Referrer-Policy"), "same-origin");
}

}  // namespace
}  // namespace doithoai::http
