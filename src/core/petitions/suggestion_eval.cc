// Suggestion and duplicate-detection metrics (see suggestion_eval.h).
#include "core/petitions/suggestion_eval.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/petitions/similarity.h"

namespace doithoai {

namespace {

std::optional<UnitId> UnitOf(const std::vector<Unit>& units, const std::string& short_name) {
  if (short_name.empty()) return std::nullopt;
  for (const Unit& unit : units) {
    if (unit.short_name == short_name) return unit.id;
  }
  return std::nullopt;
}

void Score(const std::vector<Suggestion>& suggestions, const std::string& truth, TopK& topk) {
  if (truth.empty()) return;
  ++topk.total;
  for (size_t i = 0; i < suggestions.size() && i < 3; ++i) {
    if (suggestions[i].key == truth) {
      if (i == 0) ++topk.top1;
      ++topk.top3;
      return;
    }
  }
}

std::string UnitKey(const std::vector<Unit>& units, const std::string& short_name) {
  const std::optional<UnitId> id = UnitOf(units, short_name);
  return id ? std::to_string(id->value) : std::string();
}

// The number the trailing digits of `s` spell; -1 when none.
long TrailingNumber(const std::string& s) {
  size_t start = s.size();
  while (start > 0 && s[start - 1] >= '0' && s[start - 1] <= '9') --start;
  if (start == s.size()) return -1;
  long value = 0;
  for (size_t i = start; i < s.size() && value < 100000000; ++i) value = value * 10 + (s[i] - '0');
  return value;
}

}  // namespace

EvalHalf DuplicateHalfOf(const EvalItem& item) {
  const long number = TrailingNumber(item.dup_group.empty() ? item.id : item.dup_group);
  return number >= 0 && number % 2 == 1 ? EvalHalf::kDev : EvalHalf::kTest;
}

double DuplicateMetrics::Precision() const {
  return predicted_pairs == 0 ? 1.0 : static_cast<double>(correct_pairs) / predicted_pairs;
}

double DuplicateMetrics::Recall() const {
  return true_pairs == 0 ? 1.0 : static_cast<double>(correct_pairs) / true_pairs;
}

double DuplicateMetrics::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

std::vector<Unit> EvalCommuneUnits() {
  const std::pair<const char*, const char*> kUnits[] = {
      {"Văn phòng UBND xã", "VP"},       {"Tài chính – Ngân sách", "TC-NS"},
      {"Địa chính – Xây dựng", "ĐC-XD"}, {"Tư pháp – Hộ tịch", "TP-HT"},
      {"Văn hóa – Xã hội", "VH-XH"},     {"Công an xã", "CA"},
      {"Ban Chỉ huy Quân sự xã", "QS"},  {"Đài Truyền thanh xã", "ĐTT"},
  };
  std::vector<Unit> units;
  int64_t id = 1;
  for (const auto& [name, short_name] : kUnits) {
    units.push_back(Unit{UnitId{id++}, CommuneId{1}, name, short_name});
  }
  return units;
}

std::vector<double> DefaultDuplicateThresholds() {
  std::vector<double> thresholds;
  for (int i = 20; i <= 60; i += 5) thresholds.push_back(i / 100.0);
  thresholds.push_back(kDuplicateThreshold);
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end(),
                               [](double a, double b) { return std::abs(a - b) < 1e-9; }),
                   thresholds.end());
  return thresholds;
}

SuggestionEvalReport EvaluateSuggestions(const std::vector<EvalItem>& items,
                                         const FieldLexicon& lexicon,
                                         const std::vector<PetitionField>& fields,
                                         const std::vector<Unit>& units,
                                         const std::vector<double>& thresholds) {
  SuggestionEvalReport report;
  report.items = static_cast<int>(items.size());

  // (1) Day one.
  const Suggester day_one(lexicon, fields, units);
  for (const EvalItem& item : items) {
    Score(day_one.SuggestFields(item.text, 3), item.field, report.day_one_field);
    Score(day_one.SuggestUnits(item.text, 3), UnitKey(units, item.unit_short), report.day_one_unit);
  }

  // (2) Cross-validation.
  for (int fold = 0; fold < kEvalFolds; ++fold) {
    Suggester suggester(lexicon, fields, units);
    for (size_t i = 0; i < items.size(); ++i) {
      if (static_cast<int>(i % kEvalFolds) == fold) continue;
      suggester.Learn(
          LabelledText{items[i].text, items[i].field, UnitOf(units, items[i].unit_short)});
    }
    for (size_t i = 0; i < items.size(); ++i) {
      if (static_cast<int>(i % kEvalFolds) != fold) continue;
      Score(suggester.SuggestFields(items[i].text, 3), items[i].field, report.cv_field);
      Score(suggester.SuggestUnits(items[i].text, 3), UnitKey(units, items[i].unit_short),
            report.cv_unit);
    }
  }

  // (3) Duplicates.
  SimilarityIndex index;
  for (size_t i = 0; i < items.size(); ++i) {
    index.Add(PetitionId{static_cast<int64_t>(i + 1)}, items[i].text);
  }
  double lowest = 1;
  for (double t : thresholds) lowest = std::min(lowest, t);
  std::map<std::pair<int64_t, int64_t>, double> scores;  // (smaller id, larger id) → score
  const int all = static_cast<int>(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const PetitionId id{static_cast<int64_t>(i + 1)};
    for (const SimilarHit& hit : index.SimilarTo(id, all, lowest)) {
      scores[{std::min(id.value, hit.id.value), std::max(id.value, hit.id.value)}] = hit.score;
    }
  }
  // half: nullopt = all pairs, else only pairs with both members in it.
  const auto metrics = [&](std::optional<EvalHalf> half) {
    const auto in = [&](size_t i) { return !half || DuplicateHalfOf(items[i]) == *half; };
    int true_pairs = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      for (size_t j = i + 1; j < items.size(); ++j) {
        if (!in(i) || !in(j)) continue;
        if (!items[i].dup_group.empty() && items[i].dup_group == items[j].dup_group) ++true_pairs;
      }
    }
    std::vector<DuplicateMetrics> out;
    for (double t : thresholds) {
      DuplicateMetrics m;
      m.threshold = t;
      m.true_pairs = true_pairs;
      for (const auto& [pair, score] : scores) {
        if (score < t) continue;
        const size_t a = static_cast<size_t>(pair.first - 1);
        const size_t b = static_cast<size_t>(pair.second - 1);
        if (!in(a) || !in(b)) continue;
        ++m.predicted_pairs;
        if (!items[a].dup_group.empty() && items[a].dup_group == items[b].dup_group) {
          ++m.correct_pairs;
        }
      }
      out.push_back(m);
    }
    return out;
  };
  report.duplicates = metrics(std::nullopt);
  report.duplicates_dev = metrics(EvalHalf::kDev);
  report.duplicates_test = metrics(EvalHalf::kTest);
  return report;
}

}  // namespace doithoai
