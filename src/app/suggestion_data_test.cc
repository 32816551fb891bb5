#include "app/suggestion_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/petitions/classification.h"
#include "core/petitions/suggestion_eval.h"

namespace doithoai::app {
namespace {

const std::vector<std::string>* PhrasesOf(const FieldLexicon& lexicon, const std::string& code) {
  for (const auto& [key, phrases] : lexicon.entries) {
    if (key == code) return &phrases;
  }
  return nullptr;
}

TEST(ParseFieldLexiconTest, FieldsAndUnitsFolded) {
  const Result<FieldLexicon> lexicon = ParseFieldLexicon(R"({
    "_source": "test",
    "fields": {"dat-dai-moi-truong": ["Sổ đỏ", "ranh gioi"], "khac": []},
    "units": {"Địa chính": {"fields": ["dat-dai-moi-truong"], "words": ["Đo đạc"]},
              "_note": "skipped"}
  })");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  ASSERT_EQ(lexicon->entries.size(), 2u);
  const std::vector<std::string>* land = PhrasesOf(*lexicon, "dat-dai-moi-truong");
  ASSERT_NE(land, nullptr);
  EXPECT_EQ(*land, (std::vector<std::string>{"so do", "ranh gioi"}));
  ASSERT_EQ(lexicon->units.size(), 1u);
  EXPECT_EQ(lexicon->units[0].key, "dia chinh");
  EXPECT_EQ(lexicon->units[0].fields, std::vector<std::string>{"dat-dai-moi-truong"});
  EXPECT_EQ(lexicon->units[0].words, std::vector<std::string>{"do dac"});
}

TEST(ParseFieldLexiconTest, RejectsBadShapesInVietnamese) {
  EXPECT_FALSE(ParseFieldLexicon("not json").ok());
  EXPECT_FALSE(ParseFieldLexicon("{}").ok());
  const Result<FieldLexicon> bad = ParseFieldLexicon(R"({"fields": {"khac": ["ok", 3]}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("fields.khac[1]"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("không hợp lệ"), std::string::npos);
  EXPECT_FALSE(ParseFieldLexicon(R"({"fields": {}, "units": {"x": {"words": "y"}}})").ok());
  EXPECT_FALSE(ParseFieldLexicon(R"({"fields": {"khac": [" – "]}})").ok());  // folds to nothing
}

// The shipped file: every default field but "khác" has 30–80 phrases, all
// already folded, and the units resolve for the demo commune.
TEST(ShippedFieldLexiconTest, CoversTheDefaultFields) {
  const Result<FieldLexicon> lexicon = LoadFieldLexicon();
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  for (const PetitionField& field : DefaultPetitionFields()) {
    const std::vector<std::string>* phrases = PhrasesOf(*lexicon, field.code);
    ASSERT_NE(phrases, nullptr) << field.code;
    if (field.code == "khac") continue;
    EXPECT_GE(phrases->size(), 30u) << field.code;
    EXPECT_LE(phrases->size(), 80u) << field.code;
  }
  for (const UnitLexiconEntry& unit : lexicon->units) {
    for (const std::string& code : unit.fields) {
      EXPECT_TRUE(MatchField(DefaultPetitionFields(), code).ok()) << unit.key << ": " << code;
    }
  }
  const Suggester suggester(*lexicon, DefaultPetitionFields(), EvalCommuneUnits());
  EXPECT_EQ(suggester.SuggestFields("Đề nghị cấp sổ đỏ cho gia đình tôi", 1).at(0).key,
            "dat-dai-moi-truong");
  EXPECT_EQ(suggester.SuggestUnits("Tranh chấp ranh giới đất với hộ bên cạnh", 1).at(0).label,
            "Địa chính – Xây dựng");
  EXPECT_EQ(suggester.SuggestUnits("Trộm cắp xe máy ban đêm", 1).at(0).label, "Công an xã");
  EXPECT_EQ(suggester.SuggestUnits("Đăng ký khai sinh cho cháu bị chậm", 1).at(0).label,
            "Tư pháp – Hộ tịch");
}

}  // namespace
}  // namespace doithoai::app
