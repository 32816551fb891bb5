#include "core/petitions/suggestion_eval.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/petitions/similarity.h"

namespace doithoai {
namespace {

FieldLexicon TinyLexicon() {
  FieldLexicon lexicon;
  lexicon.entries = {{"dat-dai-moi-truong", {"so do", "ranh gioi"}},
                     {"an-ninh-trat-tu", {"trom cap", "an ninh"}}};
  lexicon.units = {{"dia chinh", {"dat-dai-moi-truong"}, {"dia chinh"}},
                   {"cong an", {"an-ninh-trat-tu"}, {"cong an"}}};
  return lexicon;
}

TEST(DuplicateMetricsTest, Ratios) {
  DuplicateMetrics m{0.5, 4, 2, 1};
  EXPECT_DOUBLE_EQ(m.Precision(), 0.25);
  EXPECT_DOUBLE_EQ(m.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(m.F1(), 2 * 0.25 * 0.5 / 0.75);
  DuplicateMetrics none{0.5, 0, 0, 0};
  EXPECT_DOUBLE_EQ(none.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(none.Recall(), 1.0);
}

TEST(EvalCommuneUnitsTest, DemoCommuneOrder) {
  const std::vector<Unit> units = EvalCommuneUnits();
  ASSERT_EQ(units.size(), 8u);
  EXPECT_EQ(units[0].short_name, "VP");
  EXPECT_EQ(units[2].short_name, "ĐC-XD");
  EXPECT_EQ(units[2].id, UnitId{3});
  EXPECT_EQ(units[7].short_name, "ĐTT");
  EXPECT_EQ(units[7].id, UnitId{8});
}

TEST(DuplicateHalfOfTest, OddGroupsAndOddUngroupedIdsAreDev) {
  EXPECT_EQ(DuplicateHalfOf(EvalItem{"e002", "", "", "", "g01"}), EvalHalf::kDev);
  EXPECT_EQ(DuplicateHalfOf(EvalItem{"e001", "", "", "", "g12"}), EvalHalf::kTest);
  EXPECT_EQ(DuplicateHalfOf(EvalItem{"e013", "", "", "", ""}), EvalHalf::kDev);
  EXPECT_EQ(DuplicateHalfOf(EvalItem{"e214", "", "", "", ""}), EvalHalf::kTest);
  EXPECT_EQ(DuplicateHalfOf(EvalItem{"x", "", "", "", ""}), EvalHalf::kTest);
}

TEST(DefaultDuplicateThresholdsTest, SweepIncludesTheChosenThreshold) {
  const std::vector<double> t = DefaultDuplicateThresholds();
  EXPECT_DOUBLE_EQ(t.front(), 0.2);
  EXPECT_DOUBLE_EQ(t.back(), 0.6);
  EXPECT_TRUE(std::any_of(t.begin(), t.end(),
                          [](double x) { return std::abs(x - kDuplicateThreshold) < 1e-9; }));
}

TEST(EvaluateSuggestionsTest, TinySetWithKnownAnswers) {
  // Items 1,2 are the same request (g01); 3 is about land too but different;
  // 4 and 5 are security; 5 has no unit label.
  const std::vector<EvalItem> items = {
      {"a", "Đề nghị cấp sổ đỏ cho hộ ông An ở thôn 1", "dat-dai-moi-truong", "ĐC-XD", "g01"},
      {"b", "Đề nghị cấp sổ đỏ cho hộ ông An thôn 1", "dat-dai-moi-truong", "ĐC-XD", "g01"},
      {"c", "Tranh chấp ranh giới đất giữa hai hộ", "dat-dai-moi-truong", "ĐC-XD", ""},
      {"d", "Trộm cắp gà vịt về đêm", "an-ninh-trat-tu", "CA", ""},
      {"e", "Mất an ninh, trộm cắp xe máy", "an-ninh-trat-tu", "", ""},
  };
  const SuggestionEvalReport r = EvaluateSuggestions(items, TinyLexicon(), DefaultPetitionFields(),
                                                     EvalCommuneUnits(), {0.3, 0.99});
  EXPECT_EQ(r.items, 5);
  // Every item has a lexicon trigger of its own field.
  EXPECT_EQ(r.day_one_field.total, 5);
  EXPECT_EQ(r.day_one_field.top1, 5);
  EXPECT_EQ(r.day_one_field.top3, 5);
  EXPECT_DOUBLE_EQ(r.day_one_field.Top1(), 1.0);
  EXPECT_EQ(r.day_one_unit.total, 4);  // "e" has no unit
  EXPECT_EQ(r.day_one_unit.top1, 4);
  EXPECT_EQ(r.cv_field.total, 5);
  EXPECT_EQ(r.cv_field.top1, 5);
  EXPECT_EQ(r.cv_unit.total, 4);
  // Duplicates: one true pair (a, b), found at 0.3; at 0.99 not.
  ASSERT_EQ(r.duplicates.size(), 2u);
  EXPECT_EQ(r.duplicates[0].true_pairs, 1);
  EXPECT_EQ(r.duplicates[0].correct_pairs, 1);
  EXPECT_DOUBLE_EQ(r.duplicates[0].Recall(), 1.0);
  EXPECT_GE(r.duplicates[0].predicted_pairs, 1);
  EXPECT_EQ(r.duplicates[1].threshold, 0.99);
  EXPECT_EQ(r.duplicates[1].correct_pairs, 0);
  EXPECT_EQ(r.duplicates[1].predicted_pairs, 0);
  EXPECT_DOUBLE_EQ(r.duplicates[1].Recall(), 0.0);
  // Split: a, b (g01) are DEV; c, d, e (no digits, ungrouped) are TEST.
  ASSERT_EQ(r.duplicates_dev.size(), 2u);
  ASSERT_EQ(r.duplicates_test.size(), 2u);
  EXPECT_EQ(r.duplicates_dev[0].true_pairs, 1);
  EXPECT_EQ(r.duplicates_dev[0].correct_pairs, 1);
  EXPECT_EQ(r.duplicates_test[0].true_pairs, 0);
  EXPECT_EQ(r.duplicates_test[0].correct_pairs, 0);
  EXPECT_LE(r.duplicates_dev[0].predicted_pairs + r.duplicates_test[0].predicted_pairs,
            r.duplicates[0].predicted_pairs);
}

TEST(EvaluateSuggestionsTest, EmptySet) {
  const SuggestionEvalReport r =
      EvaluateSuggestions({}, TinyLexicon(), DefaultPetitionFields(), EvalCommuneUnits(), {0.5});
  EXPECT_EQ(r.items, 0);
  EXPECT_EQ(r.cv_field.total, 0);
  EXPECT_DOUBLE_EQ(r.cv_field.Top1(), 0.0);
  ASSERT_EQ(r.duplicates.size(), 1u);
  EXPECT_EQ(r.duplicates[0].true_pairs, 0);
}

}  // namespace
}  // namespace doithoai
