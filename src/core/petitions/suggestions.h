// Field (lĩnh vực) and unit suggestions for a petition item (issue #6 §2).
// Pure and deterministic.
//
// Method: multinomial Naive Bayes over textsim::Terms with Laplace smoothing.
// Day one, each field's lexicon phrases (data/petitions/field_lexicon.json)
// are pseudo-documents; every item staff classify in the commune (Learn) adds
// its terms to its field and unit, so the commune's own vocabulary takes over
// as it accumulates. Terms no class has seen are ignored. Scores are the
// class posteriors with the log-likelihood tempered by √(number of known
// terms), so they are in 0..1, sum to ≤ 1 and are not all-or-nothing; the
// ranking is plain Naive Bayes.
//
// Units: the mix of (a) Naive Bayes over units, whose day-one pseudo-documents
// are the bigrams of the unit's name and the lexicon's "units" words for name
// fragments it contains ("dia chinh" → Địa chính – Xây dựng), and (b) the
// field posterior times P(unit | field), from the learned field→unit counts
// plus the lexicon's field hints for the name fragments. Each part weighs in
// proportion to the number of text terms its model knows, so day one the
// field path dominates and learned examples shift weight to (a). A new commune thus gets land
// → "Địa chính – Xây dựng" and security → "Công an xã" by name.
#ifndef DOITHOAI_CORE_PETITIONS_SUGGESTIONS_H_
#define DOITHOAI_CORE_PETITIONS_SUGGESTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/common/ids.h"
#include "core/communes/commune.h"
#include "core/petitions/classification.h"

namespace doithoai {

struct Suggestion {
  std::string key;    // the field code, or the unit id as a decimal string
  std::string label;  // the field label or the unit name
  double score = 0;   // 0..1
  // The folded terms ("so do", "duong") that argued most for this key over
  // the others, best first, at most 5.
  std::vector<std::string> because;
};

// Work typical of units whose folded name contains `key` ("cong an").
struct UnitLexiconEntry {
  std::string key;
  std::vector<std::string> fields;  // field codes such a unit usually handles
  std::vector<std::string> words;   // folded words/phrases of its work
};

struct FieldLexicon {
  // Field code → folded words/phrases.
  std::vector<std::pair<std::string, std::vector<std::string>>> entries;
  std::vector<UnitLexiconEntry> units;
};

// A petition item staff classified and assigned in this commune.
struct LabelledText {
  std::string text;
  std::string field;  // field code; unknown codes are ignored
  std::optional<UnitId> unit;
};

class Suggester {
 public:
  // Lexicon fields with no phrases (the shipped "khác") are suggested only
  // once examples of them are learned.
  Suggester(FieldLexicon lexicon, std::vector<PetitionField> fields, std::vector<Unit> units);

  // Incremental; items with an unknown field still teach the unit model.
  void Learn(const LabelledText& example);
  int learned() const { return learned_; }

  // Best first (ties by code), at most k; empty when the text has no term any
  // field knows.
  std::vector<Suggestion> SuggestFields(std::string_view text, int k = 3) const;
  // Best first (ties by id), at most k; empty when neither the unit model nor
  // the field model knows a term of the text.
  std::vector<Suggestion> SuggestUnits(std::string_view text, int k = 3) const;

 private:
  // Naive Bayes over a fixed set of classes.
 public:
  class Model {
   public:
    explicit Model(size_t classes) : totals_(classes, 0.0), docs_(classes, 0.0) {}
    void AddTerms(size_t c, const std::vector<std::string>& terms, double weight);
    void AddDoc(size_t c) { docs_[c] += 1; }
    bool HasMass(size_t c) const { return totals_[c] > 0; }
    // Posteriors (0 for classes without mass); returns the number of known
    // terms (0: no posterior).
    size_t Posterior(const std::vector<std::string>& terms, std::vector<double>& out) const;
    // The terms of `terms` with the largest positive log-ratio for class c
    // over the best other class, deduplicated, at most 5.
    std::vector<std::string> Because(const std::vector<std::string>& terms, size_t c) const;

   private:
    double LogP(const std::vector<double>* counts, size_t c) const;
    std::unordered_map<std::string, std::vector<double>> counts_;
    std::vector<double> totals_;
    std::vector<double> docs_;
  };

 private:
  std::vector<Suggestion> Top(std::vector<double> scores, int k, bool units,
                              const std::vector<std::string>& terms, const Model& model) const;

  std::vector<PetitionField> fields_;
  std::vector<Unit> units_;
  Model field_model_;
  Model unit_model_;
  // Day-one P(unit | field) hints from the lexicon, and learned counts.
  std::vector<std::vector<double>> field_unit_hint_;   // [field][unit]
  std::vector<std::vector<double>> field_unit_count_;  // [field][unit]
  int learned_ = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_SUGGESTIONS_H_
