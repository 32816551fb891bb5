// Tests for Accept-Encoding negotiation, compressible types and gzip output
// (checked by inflating it again with zlib).
#include "adapters/http/compression.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>

namespace doithoai::http {
namespace {

// Inflates a gzip stream; fails the test on any zlib error.
std::string Gunzip(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out;
  char buffer[4096];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof(buffer);
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof(buffer) - stream.avail_out);
  }
  EXPECT_EQ(status, Z_STREAM_END);
  EXPECT_EQ(stream.avail_in, 0u);
  inflateEnd(&stream);
  return out;
}

TEST(AcceptsGzipTest, AcceptsListedGzip) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
  EXPECT_TRUE(AcceptsGzip("deflate,GZIP"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip(" gzip ; q=0.001 "));
}

TEST(AcceptsGzipTest, RejectsGzipWithZeroQuality) {
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;Q=0.000, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0, *"));
}

TEST(AcceptsGzipTest, WildcardAppliesWhenGzipIsNotListed) {
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("br, *;q=0.5"));
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
}

TEST(AcceptsGzipTest, RejectsMissingOrOtherEncodings) {
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("deflate, br"));
  EXPECT_FALSE(AcceptsGzip("gzipx, xgzip"));
}

TEST(AcceptsGzipTest, IgnoresEntriesWithMalformedQuality) {
  EXPECT_FALSE(AcceptsGzip("gzip;q=abc"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=2"));
  EXPECT_FALSE(AcceptsGzip("gzip;q="));
  EXPECT_TRUE(AcceptsGzip("gzip;q=1.5, *"));
}

TEST(IsCompressibleTypeTest, AcceptsTextualTypes) {
  EXPECT_TRUE(IsCompressibleType("text/html; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("text/css"));
  EXPECT_TRUE(IsCompressibleType("Text/Plain"));
  EXPECT_TRUE(IsCompressibleType("application/json"));
  EXPECT_TRUE(IsCompressibleType("application/javascript; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("image/svg+xml"));
  EXPECT_TRUE(IsCompressibleType("application/ld+json"));
}

TEST(IsCompressibleTypeTest, RejectsBinaryTypes) {
  EXPECT_FALSE(IsCompressibleType("image/png"));
  EXPECT_FALSE(IsCompressibleType("application/pdf"));
  EXPECT_FALSE(IsCompressibleType("application/gzip"));
  EXPECT_FALSE(IsCompressibleType("font/woff2"));
  EXPECT_FALSE(IsCompressibleType(""));
  EXPECT_FALSE(IsCompressibleType("text/"));
}

TEST(GzipTest, RoundTripsText) {
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "Kiến nghị của cử tri số " + std::to_string(i) + "\n";
  }
  Result<std::string> compressed = Gzip(text);
  ASSERT_TRUE(compressed.ok());
  EXPECT_LT(compressed->size(), text.size() / 4);
  ASSERT_GE(compressed->size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>((*compressed)[0]), 0x1F);
  EXPECT_EQ(static_cast<unsigned char>((*compressed)[1]), 0x8B);
  EXPECT_EQ(Gunzip(*compressed), text);
}

TEST(GzipTest, RoundTripsEmptyInput) {
  Result<std::string> compressed = Gzip("");
  ASSERT_TRUE(compressed.ok());
  EXPECT_EQ(Gunzip(*compressed), "");
}

TEST(GzipTest, RoundTripsIncompressibleBinary) {
  std::string data;
  uint32_t state = 12345;
  for (int i = 0; i < 100000; ++i) {
    state = state * 1103515245u + 12345u;
    data += static_cast<char>(state >> 24);
  }
  Result<std::string> compressed = Gzip(data);
  ASSERT_TRUE(compressed.ok());
  EXPECT_EQ(Gunzip(*compressed), data);
}

}  // namespace
}  // namespace doithoai::http
