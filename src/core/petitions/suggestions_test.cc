#include "core/petitions/suggestions.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace doithoai {
namespace {

// A small lexicon in the shape of data/petitions/field_lexicon.json.
FieldLexicon TestLexicon() {
  FieldLexicon lexicon;
  lexicon.entries = {
      {"dat-dai-moi-truong", {"so do", "giay chung nhan", "ranh gioi", "lan chiem", "rac thai"}},
      {"xay-dung-giao-thong-thuy-loi", {"duong", "duong lang", "muong", "o ga", "ong nuoc"}},
      {"an-ninh-trat-tu", {"trom cap", "ma tuy", "danh bac", "an ninh", "nghia vu quan su"}},
      {"van-hoa-giao-duc-y-te", {"truong hoc", "tram y te", "le hoi"}},
      {"unknown-code", {"bo qua"}},
  };
  lexicon.units = {
      {"dia chinh", {"dat-dai-moi-truong", "xay-dung-giao-thong-thuy-loi"}, {"dia chinh", "so do"}},
      {"cong an", {"an-ninh-trat-tu"}, {"cong an", "trom"}},
      {"quan su", {"an-ninh-trat-tu"}, {"quan su", "nghia vu quan su", "tuyen quan"}},
      {"van hoa", {"van-hoa-giao-duc-y-te"}, {"van hoa"}},
  };
  return lexicon;
}

std::vector<Unit> TestUnits() {
  return {Unit{UnitId{1}, CommuneId{1}, "Văn phòng UBND xã", "VP"},
          Unit{UnitId{3}, CommuneId{1}, "Địa chính – Xây dựng", "ĐC-XD"},
          Unit{UnitId{5}, CommuneId{1}, "Văn hóa – Xã hội", "VH-XH"},
          Unit{UnitId{6}, CommuneId{1}, "Công an xã", "CA"},
          Unit{UnitId{7}, CommuneId{1}, "Ban Chỉ huy Quân sự xã", "QS"}};
}

Suggester TestSuggester() { return Suggester(TestLexicon(), DefaultPetitionFields(), TestUnits()); }

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(SuggesterTest, ReasonsAreMeaningfulWordsNotFunctionWords) {
  const Suggester suggester = TestSuggester();
  const std::string text = "Đường trục xã bị sụt lún, nhiều ổ gà lớn, đoạn qua cầu rất nguy hiểm";
  for (const std::vector<Suggestion>& list :
       {suggester.SuggestFields(text, 3), suggester.SuggestUnits(text, 3)}) {
    ASSERT_FALSE(list.empty());
    EXPECT_FALSE(list[0].because.empty());
    for (const Suggestion& s : list) {
      for (const char* filler : {"bi", "nhieu", "doan", "lon", "rat", "xa", "o"}) {
        EXPECT_FALSE(Contains(s.because, filler)) << filler << " for " << s.key;
      }
    }
  }
}

TEST(SuggesterTest, LexiconOnlyPicksLandForSoDoWithTheTrigger) {
  const Suggester suggester = TestSuggester();
  const std::vector<Suggestion> s =
      suggester.SuggestFields("Gia đình tôi đề nghị xã sớm cấp sổ đỏ cho mảnh đất ở thôn 3", 3);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].key, "dat-dai-moi-truong");
  EXPECT_EQ(s[0].label, "đất đai – môi trường");
  EXPECT_TRUE(Contains(s[0].because, "so do")) << testing::PrintToString(s[0].because);
  EXPECT_FALSE(Contains(s[0].because, "so"));  // the bigram explains its syllables
  EXPECT_LE(s[0].because.size(), 5u);
  EXPECT_LE(s.size(), 3u);
  double sum = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    EXPECT_GT(s[i].score, 0.0);
    EXPECT_LE(s[i].score, 1.0);
    if (i > 0) {
      EXPECT_LE(s[i].score, s[i - 1].score);
    }
    sum += s[i].score;
  }
  EXPECT_LE(sum, 1.0 + 1e-9);
}

TEST(SuggesterTest, DiacriticsDoNotMatter) {
  const Suggester suggester = TestSuggester();
  EXPECT_EQ(suggester.SuggestFields("duong lang nhieu o ga", 1).at(0).key,
            "xay-dung-giao-thong-thuy-loi");
  EXPECT_EQ(suggester.SuggestFields("ĐƯỜNG LÀNG NHIỀU Ổ GÀ", 1).at(0).key,
            "xay-dung-giao-thong-thuy-loi");
  EXPECT_EQ(suggester.SuggestFields("Tình trạng trộm cắp tài sản", 1).at(0).key, "an-ninh-trat-tu");
}

TEST(SuggesterTest, EmptyOrUnknownTextGivesNothing) {
  const Suggester suggester = TestSuggester();
  EXPECT_TRUE(suggester.SuggestFields("", 3).empty());
  EXPECT_TRUE(suggester.SuggestFields("   ,.", 3).empty());
  EXPECT_TRUE(suggester.SuggestFields("zzz qqq", 3).empty());
  EXPECT_TRUE(suggester.SuggestFields("sổ đỏ", 0).empty());
  EXPECT_TRUE(suggester.SuggestUnits("", 3).empty());
}

TEST(SuggesterTest, LearningChangesTheSuggestion) {
  Suggester suggester = TestSuggester();
  const std::string text = "Hộ kinh doanh karaoke hát đến khuya gây tiếng ồn";
  const std::vector<Suggestion> before = suggester.SuggestFields(text, 1);
  EXPECT_TRUE(before.empty() || before[0].key != "an-ninh-trat-tu");
  for (int i = 0; i < 3; ++i) {
    suggester.Learn(
        {"Quán karaoke hát khuya gây tiếng ồn mất trật tự", "an-ninh-trat-tu", UnitId{6}});
  }
  EXPECT_EQ(suggester.learned(), 3);
  const std::vector<Suggestion> after = suggester.SuggestFields(text, 1);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].key, "an-ninh-trat-tu");
  EXPECT_TRUE(Contains(after[0].because, "karaoke") || Contains(after[0].because, "tieng on"))
      << testing::PrintToString(after[0].because);
  // The unit follows the learned assignment.
  EXPECT_EQ(suggester.SuggestUnits(text, 1).at(0).key, "6");
}

TEST(SuggesterTest, UnitsFallBackByNameWithoutExamples) {
  const Suggester suggester = TestSuggester();
  const std::vector<Suggestion> land =
      suggester.SuggestUnits("Tranh chấp ranh giới, lấn chiếm đất", 3);
  ASSERT_FALSE(land.empty());
  EXPECT_EQ(land[0].key, "3");
  EXPECT_EQ(land[0].label, "Địa chính – Xây dựng");
  EXPECT_FALSE(land[0].because.empty());
  EXPECT_EQ(suggester.SuggestUnits("Trộm cắp, mất an ninh ban đêm", 1).at(0).key, "6");
  EXPECT_EQ(suggester.SuggestUnits("Thắc mắc về khám tuyển nghĩa vụ quân sự", 1).at(0).key, "7");
}

TEST(SuggesterTest, DeterministicAndTiesByCode) {
  const Suggester a = TestSuggester();
  const Suggester b = TestSuggester();
  const std::string text = "đường làng và sổ đỏ";
  const std::vector<Suggestion> x = a.SuggestFields(text, 9);
  const std::vector<Suggestion> y = b.SuggestFields(text, 9);
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].key, y[i].key);
    EXPECT_EQ(x[i].score, y[i].score);
    EXPECT_EQ(x[i].because, y[i].because);
  }
  // Fields without lexicon words or examples ("khác") are never suggested.
  for (const Suggestion& s : x) EXPECT_NE(s.key, "khac");
}

}  // namespace
}  // namespace doithoai
