#include "core/text/number_words.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/text/vietnamese.h"

namespace doithoai::text {
namespace {

struct Vector {
  int64_t n;
  const char* words;
};

// Standard Vietnamese readings (DLG-14 "Bằng chữ" line).
constexpr Vector kVectors[] = {
    {0, "không"},
    {1, "một"},
    {4, "bốn"},
    {5, "năm"},
    {10, "mười"},
    {11, "mười một"},
    {14, "mười bốn"},
    {15, "mười lăm"},
    {20, "hai mươi"},
    {21, "hai mươi mốt"},
    {24, "hai mươi tư"},
    {25, "hai mươi lăm"},
    {99, "chín mươi chín"},
    {100, "một trăm"},
    {101, "một trăm linh một"},
    {104, "một trăm linh bốn"},
    {105, "một trăm linh năm"},
    {110, "một trăm mười"},
    {115, "một trăm mười lăm"},
    {121, "một trăm hai mươi mốt"},
    {1000, "một nghìn"},
    {1001, "một nghìn không trăm linh một"},
    {1010, "một nghìn không trăm mười"},
    {1015, "một nghìn không trăm mười lăm"},
    {1100, "một nghìn một trăm"},
    {20'024, "hai mươi nghìn không trăm hai mươi tư"},
    {1'000'000, "một triệu"},
    {1'000'005, "một triệu không trăm linh năm"},
    {1'005'000, "một triệu không trăm linh năm nghìn"},
    {5'200'000, "năm triệu hai trăm nghìn"},
    {12'345'678, "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"},
    {1'000'000'000, "một tỷ"},
    {1'000'000'005, "một tỷ không trăm linh năm"},
    {2'031'000'000, "hai tỷ không trăm ba mươi mốt triệu"},
    {1'000'000'000'000, "một nghìn tỷ"},
    {2'500'000'000'000, "hai nghìn năm trăm tỷ"},
    {-5, "âm năm"},
};

TEST(VietnameseNumberWordsTest, ReadsTheTable) {
  for (const Vector& v : kVectors) {
    EXPECT_EQ(VietnameseNumberWords(v.n), v.words) << v.n;
  }
}

TEST(VietnameseNumberWordsTest, OutputIsNfc) {
  for (const Vector& v : kVectors) {
    const std::string words = VietnameseNumberWords(v.n);
    auto nfc = ToNfc(words);
    ASSERT_TRUE(nfc.ok());
    EXPECT_EQ(*nfc, words) << v.n;
  }
}

TEST(VietnameseNumberWordsTest, ExtremesDoNotOverflow) {
  EXPECT_EQ(VietnameseNumberWords(std::numeric_limits<int64_t>::max()),
            "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi "
            "sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy");
  EXPECT_EQ(VietnameseNumberWords(std::numeric_limits<int64_t>::min()),
            "âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi "
            "sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám");
}

TEST(VietnameseAmountInWordsTest, CapitalisesAndAddsCurrency) {
  EXPECT_EQ(VietnameseAmountInWords(5'200'000), "Năm triệu hai trăm nghìn đồng");
  EXPECT_EQ(VietnameseAmountInWords(0), "Không đồng");
  EXPECT_EQ(VietnameseAmountInWords(1'000'005), "Một triệu không trăm linh năm đồng");
  EXPECT_EQ(VietnameseAmountInWords(-500), "Âm năm trăm đồng");
  EXPECT_EQ(VietnameseAmountInWords(15), "Mười lăm đồng");
  EXPECT_EQ(VietnameseAmountInWords(2'500'000'000'000), "Hai nghìn năm trăm tỷ đồng");
}

}  // namespace
}  // namespace doithoai::text
