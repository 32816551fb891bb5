// Offline evaluation of field/unit suggestions and duplicate detection on a
// labelled set (issue #6 §1–2; the set is eval/petitions.jsonl, read by
// app/eval_command.h). Pure and deterministic.
//
// (1) Day one: field (and unit) top-1/top-3 with the lexicon only.
// (2) Learning: 5-fold cross-validation, item i in fold i % 5; Learn() on the
//     other four folds, suggest for the held-out one; field and unit
//     top-1/top-3 over all items.
// (3) Duplicates: every item indexed in one SimilarityIndex (PetitionId =
//     position + 1); an unordered pair is predicted a duplicate when
//     SimilarTo scores it ≥ the threshold; the true pairs share a non-empty
//     dup_group. Precision, recall and F1 per threshold, over all pairs and
//     over the pairs inside each half of DuplicateHalfOf: tune on DEV, quote
//     TEST (scores come from the one index over all items; only pairs with
//     both members in the half count).
#ifndef DOITHOAI_CORE_PETITIONS_SUGGESTION_EVAL_H_
#define DOITHOAI_CORE_PETITIONS_SUGGESTION_EVAL_H_

#include <string>
#include <vector>

#include "core/communes/commune.h"
#include "core/petitions/classification.h"
#include "core/petitions/suggestions.h"

namespace doithoai {

struct EvalItem {
  std::string id;
  std::string text;
  std::string field;       // field code
  std::string unit_short;  // unit short name ("ĐC-XD"); empty = unknown
  std::string dup_group;   // "" or "g01"…
};

struct TopK {
  int total = 0;  // items with a label
  int top1 = 0;
  int top3 = 0;
  double Top1() const { return total == 0 ? 0.0 : static_cast<double>(top1) / total; }
  double Top3() const { return total == 0 ? 0.0 : static_cast<double>(top3) / total; }
};

struct DuplicateMetrics {
  double threshold = 0;
  int predicted_pairs = 0;
  int true_pairs = 0;  // pairs sharing a dup_group
  int correct_pairs = 0;
  double Precision() const;  // 1 when nothing is predicted
  double Recall() const;     // 1 when there is nothing to find
  double F1() const;
};

// The honest split of the duplicate evaluation: DEV = items of an odd dup
// group (g01, g03…) and ungrouped items with an odd id number (e001, e003…);
// TEST = the rest (an id or group without digits counts as TEST).
enum class EvalHalf { kDev, kTest };
EvalHalf DuplicateHalfOf(const EvalItem& item);

struct SuggestionEvalReport {
  int items = 0;
  TopK day_one_field;
  TopK day_one_unit;
  TopK cv_field;
  TopK cv_unit;
  std::vector<DuplicateMetrics> duplicates;       // in the order of the thresholds asked for
  std::vector<DuplicateMetrics> duplicates_dev;   // same thresholds, DEV pairs only
  std::vector<DuplicateMetrics> duplicates_test;  // same thresholds, TEST pairs only
};

inline constexpr int kEvalFolds = 5;

// The units of the demo commune (data/demo/hoang-truong.json), UnitId 1..8:
// VP, TC-NS, ĐC-XD, TP-HT, VH-XH, CA, QS, ĐTT.
std::vector<Unit> EvalCommuneUnits();

// The thresholds reported by default: 0.2, 0.25, …, 0.6 and
// kDuplicateThreshold.
std::vector<double> DefaultDuplicateThresholds();

SuggestionEvalReport EvaluateSuggestions(const std::vector<EvalItem>& items,
                                         const FieldLexicon& lexicon,
                                         const std::vector<PetitionField>& fields,
                                         const std::vector<Unit>& units,
                                         const std::vector<double>& thresholds);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_SUGGESTION_EVAL_H_
