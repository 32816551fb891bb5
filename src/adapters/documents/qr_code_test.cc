// Tests for EncodeQr / QrPng. No QR decoder is installed, so the symbol is
// checked structurally: version size, finder patterns, and the PNG is read
// back with cairo to compare pixels with modules.
#include "adapters/documents/qr_code.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace doithoai {
namespace {

// The 7×7 finder pattern with its top-left module at (x0, y0): dark ring,
// light ring, dark 3×3 centre.
bool HasFinderAt(const QrMatrix& qr, int x0, int y0) {
  for (int dy = 0; dy < 7; ++dy) {
    for (int dx = 0; dx < 7; ++dx) {
      const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
      const bool want_dark = ring != 2;
      if (qr.at(x0 + dx, y0 + dy) != want_dark) {
        return false;
      }
    }
  }
  return true;
}

std::uint32_t BigEndian32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  }
  return value;
}

struct PngReader {
  const std::string* bytes;
  std::size_t at = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->at + length > reader->bytes->size()) {
    return CAIRO_STATUS_READ_ERROR;
  }
  reader->bytes->copy(reinterpret_cast<char*>(data), length, reader->at);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

TEST(QrCodeTest, SizeFollowsVersionForPayloadLength) {
  // Level M byte-mode capacities: version 1 holds 14 bytes, version 4 holds
  // 62, version 6 holds 106; size = 21 + 4 × (version − 1).
  Result<QrMatrix> v1 = EncodeQr("HELLO WORLD");
  ASSERT_TRUE(v1.ok()) << v1.error().message;
  EXPECT_EQ(v1->size, 21);
  EXPECT_EQ(v1->dark.size(), 21u * 21u);
  Result<QrMatrix> v4 = EncodeQr("https://hoangtruong.gov.vn/hoi-nghi/2023/doi-thoai");  // 50 B
  ASSERT_TRUE(v4.ok());
  EXPECT_EQ(v4->size, 33);
  Result<QrMatrix> v6 = EncodeQr(std::string(100, 'x'));
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->size, 41);
  Result<QrMatrix> v40 = EncodeQr(std::string(2331, 'x'));
  ASSERT_TRUE(v40.ok());
  EXPECT_EQ(v40->size, 177);
}

TEST(QrCodeTest, FinderPatternsAtThreeCorners) {
  Result<QrMatrix> qr = EncodeQr("https://hoangtruong.gov.vn/giay-moi/42");
  ASSERT_TRUE(qr.ok());
  const int n = qr->size;
  EXPECT_TRUE(HasFinderAt(*qr, 0, 0));
  EXPECT_TRUE(HasFinderAt(*qr, n - 7, 0));
  EXPECT_TRUE(HasFinderAt(*qr, 0, n - 7));
  EXPECT_FALSE(HasFinderAt(*qr, n - 7, n - 7));
  // Separators: the row and column next to the top-left finder are light.
  for (int i = 0; i < 8; ++i) {
    EXPECT_FALSE(qr->at(7, i));
    EXPECT_FALSE(qr->at(i, 7));
  }
  // Timing pattern on row 6 alternates between the finders.
  for (int x = 8; x < n - 8; ++x) {
    EXPECT_EQ(qr->at(x, 6), x % 2 == 0) << x;
  }
  EXPECT_FALSE(qr->at(-1, 0));
  EXPECT_FALSE(qr->at(n, 0));
}

TEST(QrCodeTest, EncodingIsDeterministicAndHandlesNul) {
  Result<QrMatrix> a = EncodeQr("Giấy mời số 12");
  Result<QrMatrix> b = EncodeQr("Giấy mời số 12");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->dark, b->dark);
  Result<QrMatrix> c = EncodeQr("Giấy mời số 13");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a->dark, c->dark);
  EXPECT_TRUE(EncodeQr(std::string("a\0b", 3)).ok());
}

TEST(QrCodeTest, RejectsEmptyAndTooLongPayloads) {
  Result<QrMatrix> empty = EncodeQr("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  Result<QrMatrix> too_long = EncodeQr(std::string(2332, 'x'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidArgument);
}

TEST(QrCodeTest, EncodeQrBlockChecksSize) {
  EXPECT_TRUE(EncodeQrBlock({"https://x.vn", 25, ""}).ok());
  for (int size : {0, -5, kQrMinSizeMm - 1, kQrMaxSizeMm + 1}) {
    Result<QrMatrix> bad = EncodeQrBlock({"https://x.vn", size, ""});
    ASSERT_FALSE(bad.ok()) << size;
    EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(bad.error().fields.empty());
  }
  Result<QrMatrix> empty = EncodeQrBlock({"", 25, ""});
  ASSERT_FALSE(empty.ok());
  ASSERT_EQ(empty.error().fields.size(), 1u);
  EXPECT_EQ(empty.error().fields[0].field, "body");
}

TEST(QrCodeTest, PngHasSignatureAndExpectedSize) {
  Result<QrMatrix> qr = EncodeQr("HELLO WORLD");
  ASSERT_TRUE(qr.ok());
  Result<std::string> png = QrPng(*qr, 3);
  ASSERT_TRUE(png.ok()) << png.error().message;
  ASSERT_GT(png->size(), 24u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png->substr(12, 4), "IHDR");
  EXPECT_EQ(BigEndian32(*png, 16), static_cast<std::uint32_t>((21 + 2 * 4) * 3));  // width
  EXPECT_EQ(BigEndian32(*png, 20), static_cast<std::uint32_t>((21 + 2 * 4) * 3));  // height
  Result<std::string> bare = QrPng(*qr, 2, 0);
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(BigEndian32(*bare, 16), 42u);
}

TEST(QrCodeTest, PngPixelsMatchModules) {
  Result<QrMatrix> qr = EncodeQr("https://hoangtruong.gov.vn/giay-moi/42");
  ASSERT_TRUE(qr.ok());
  constexpr int kPx = 4;
  constexpr int kQuiet = 4;
  Result<std::string> png = QrPng(*qr, kPx, kQuiet);
  ASSERT_TRUE(png.ok());
  PngReader reader{&*png};
  cairo_surface_t* image = cairo_image_surface_create_from_png_stream(ReadPng, &reader);
  ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  // A pixel's blue byte (ARGB32/RGB24, little endian): 0 black, 255 white.
  auto pixel_dark = [&](int px, int py) { return data[py * stride + px * 4] < 128; };
  const int n = qr->size;
  for (int y = -kQuiet; y < n + kQuiet; ++y) {
    for (int x = -kQuiet; x < n + kQuiet; ++x) {
      const int cx = (x + kQuiet) * kPx + kPx / 2;
      const int cy = (y + kQuiet) * kPx + kPx / 2;
      ASSERT_EQ(pixel_dark(cx, cy), qr->at(x, y)) << x << "," << y;
    }
  }
  cairo_surface_destroy(image);
}

TEST(QrCodeTest, PngRejectsBadArguments) {
  Result<QrMatrix> qr = EncodeQr("x");
  ASSERT_TRUE(qr.ok());
  EXPECT_FALSE(QrPng(*qr, 0).ok());
  EXPECT_FALSE(QrPng(*qr, 2, -1).ok());
  EXPECT_FALSE(QrPng(*qr, 2000).ok());
  EXPECT_FALSE(QrPng(QrMatrix{}, 2).ok());
}

}  // namespace
}  // namespace doithoai
