#include "core/petitions/text_features.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace doithoai::textsim {
namespace {

using ::testing::ElementsAre;

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// SRCH-01: đ→d, marks stripped, lower case.
TEST(SyllablesTest, FoldsDiacriticsAndDStroke) {
  EXPECT_THAT(Syllables("Đường làng Đông Hòa"), ElementsAre("duong", "lang", "dong", "hoa"));
}

// TXT-04: old and new tone placement give the same syllable.
TEST(SyllablesTest, ToneCanonical) {
  EXPECT_EQ(Syllables("hoà thuỷ"), Syllables("hòa thủy"));
  EXPECT_EQ(Syllables("HOÀ"), std::vector<std::string>{"hoa"});
}

TEST(SyllablesTest, SplitsOnPunctuationAndDropsStopSyllables) {
  EXPECT_THAT(Syllables("Xin đề nghị xã sửa đường, và mương!"),
              ElementsAre("de", "nghi", "xa", "sua", "duong", "muong"));
  EXPECT_TRUE(IsStopSyllable("va"));
  EXPECT_TRUE(IsStopSyllable("cua"));
  // Folded function words that collide with content words are kept.
  EXPECT_FALSE(IsStopSyllable("o"));      // ô nhiễm
  EXPECT_FALSE(IsStopSyllable("van"));    // văn hóa
  EXPECT_FALSE(IsStopSyllable("duong"));  // đường
  EXPECT_FALSE(IsStopSyllable("muong"));  // mương
  EXPECT_THAT(Syllables("ô nhiễm môi trường"), ElementsAre("o", "nhiem", "moi", "truong"));
}

TEST(SyllablesTest, EmptyAndSymbolsOnly) {
  EXPECT_TRUE(Syllables("").empty());
  EXPECT_TRUE(Syllables(" – , . ").empty());
  EXPECT_THAT(Syllables("thôn 3, 2024"), ElementsAre("thon", "3", "2024"));
}

TEST(TermsTest, SyllablesThenBigrams) {
  EXPECT_THAT(Terms("Sổ đỏ"), ElementsAre("so", "do", "so do"));
  EXPECT_THAT(Terms("ống nước sạch"), ElementsAre("ong", "nuoc", "sach", "ong nuoc", "nuoc sach"));
}

TEST(TermsTest, NoBigramAcrossPunctuationButAcrossStopSyllables) {
  const std::vector<std::string> terms = Terms("đường làng, mương của thôn");
  EXPECT_TRUE(Has(terms, "duong lang"));
  EXPECT_FALSE(Has(terms, "lang muong"));  // comma between
  EXPECT_FALSE(Has(terms, "cua"));         // a stop syllable alone
  EXPECT_TRUE(Has(terms, "muong cua"));
  EXPECT_TRUE(Has(terms, "cua thon"));
  // "một cửa": both syllables are stop syllables, the bigram carries it.
  EXPECT_THAT(Terms("bộ phận một cửa"),
              ElementsAre("bo", "phan", "bo phan", "phan mot", "mot cua"));
}

TEST(TermsTest, RepeatsAreKeptAsFrequencies) {
  const std::vector<std::string> terms = Terms("rác rác");
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "rac"), 2);
  EXPECT_TRUE(Has(terms, "rac rac"));
}

TEST(SimilarityTermsTest, DropsGenericUnigramsKeepsTheirBigrams) {
  const std::vector<std::string> terms = SimilarityTerms("Đề nghị UBND xã sửa cống Đồng Mới");
  EXPECT_FALSE(Has(terms, "de"));
  EXPECT_FALSE(Has(terms, "nghi"));
  EXPECT_FALSE(Has(terms, "ubnd"));
  EXPECT_FALSE(Has(terms, "xa"));
  EXPECT_FALSE(Has(terms, "cong"));
  EXPECT_TRUE(Has(terms, "sua"));
  EXPECT_TRUE(Has(terms, "dong"));
  EXPECT_TRUE(Has(terms, "cong dong"));  // "cống Đồng" survives as a bigram
  EXPECT_TRUE(Has(terms, "de nghi"));
  EXPECT_TRUE(IsGenericPetitionSyllable("toi"));
  EXPECT_FALSE(IsGenericPetitionSyllable("duong"));
  // Terms (used by suggestions) is unchanged.
  EXPECT_TRUE(Has(Terms("Đề nghị xã"), "xa"));
}

TEST(VillageNumbersTest, DigitsAfterThonOrXom) {
  EXPECT_THAT(VillageNumbers("đường liên thôn từ Thôn 3 sang thon 4, qua Thôn 3"),
              ElementsAre("3", "4"));
  EXPECT_THAT(VillageNumbers("xóm 12 và thôn Đông"), ElementsAre("12"));
  EXPECT_TRUE(VillageNumbers("thôn, 3 hộ").empty());  // punctuation between
  EXPECT_TRUE(VillageNumbers("năm 2022").empty());
}

}  // namespace
}  // namespace doithoai::textsim
