#include "adapters/http/request_limits.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

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

// ---- CheckFraming (RFC 9112; issue #9 request smuggling) ----

std::vector<ReceivedField> Fields(std::vector<std::pair<std::string, std::string>> pairs) {
  std::vector<ReceivedField> out;
  for (auto& [n, v] : pairs) out.push_back({n, v});
  return out;
}

int FramingStatus(std::string_view version, std::vector<std::pair<std::string, std::string>> f) {
  std::optional<HttpResponse> r = CheckFraming(version, Fields(std::move(f)));
  if (!r.has_value()) return 0;
  bool closes = false;
  for (const auto& [k, v] : r->headers) closes = closes || (k == "Connection" && v == "close");
  EXPECT_TRUE(closes) << r->status;
  return r->status;
}

TEST(CheckFramingTest, AcceptsOrdinaryRequests) {
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}}), 0);
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"Content-Length", "42"}}), 0);
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"Transfer-Encoding", " chunked "}}), 0);
  EXPECT_EQ(FramingStatus("HTTP/1.0", {}), 0);  // HTTP/1.0 may omit Host
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"host", "x"}, {"X-Tab", "a\tb"}, {"X-Vn", "Hoàng"}}), 0);
}

TEST(CheckFramingTest, RefusesBadFieldNamesAndControlCharacters) {
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"X-A ", "b"}}), 400);
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"", "b"}}), 400);
  EXPECT_EQ(
      FramingStatus("HTTP/1.1", {{"Host", "x"}, {"Authorization", std::string("Bearer t\0j", 10)}}),
      400);
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"X-A", "a\rb"}}), 400);
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"X-A", "\x7f"}}), 400);
}

TEST(CheckFramingTest, RefusesMissingOrRepeatedHost) {
  EXPECT_EQ(FramingStatus("HTTP/1.1", {}), 400);
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "a"}, {"Host", "b"}}), 400);
  EXPECT_EQ(FramingStatus("HTTP/1.0", {{"Host", "a"}, {"Host", "a"}}), 400);
}

TEST(CheckFramingTest, RefusesAmbiguousBodyLengths) {
  for (const char* bad : {"-1", "abc", "0x10", "1e3", "+5", "5, 5", ""}) {
    EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"Content-Length", bad}}), 400) << bad;
  }
  EXPECT_EQ(
      FramingStatus("HTTP/1.1", {{"Host", "x"}, {"Content-Length", "5"}, {"Content-Length", "5"}}),
      400);
  EXPECT_EQ(
      FramingStatus("HTTP/1.1",
                    {{"Host", "x"}, {"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}}),
      400);
  EXPECT_EQ(FramingStatus("HTTP/1.0", {{"Transfer-Encoding", "chunked"}}), 400);
}

TEST(CheckFramingTest, AnyCodingButChunkedIsNotImplemented) {
  for (const char* te : {"gzip, chunked", "chunked, identity", "xchunked", "CHUNKED", "identity"}) {
    EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"}, {"Transfer-Encoding", te}}), 501) << te;
  }
  EXPECT_EQ(FramingStatus("HTTP/1.1", {{"Host", "x"},
                                       {"Transfer-Encoding", "chunked"},
                                       {"Transfer-Encoding", "chunked"}}),
            501);
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
