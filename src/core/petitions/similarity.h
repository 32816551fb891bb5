// Near-duplicate petitions (issue #6 §1): TF-IDF cosine similarity over the
// folded syllables and, with a lower weight, the syllable bigrams of
// textsim::Terms. Pure and deterministic: the same documents give the same
// scores and groups whatever the order they were added in (ties are broken by
// id, scores rounded to 1e-9).
//
// Weights: w(t, d) = b(t) · (1 + ln tf) · idf(t), idf(t) = ln((N + 1) / df(t))
// over the N documents currently indexed, so scores follow the index as it
// grows; b = 1 for syllables, kSimilarityBigramWeight for bigrams. Query
// terms no document has count with df = 1 (they lower the score, match
// nothing).
//
// Duplicate-detection terms are textsim::SimilarityTerms (generic petition
// syllables such as "đề nghị", "xã", "tôi" dropped as unigrams, kept inside
// bigrams); a bigram ending in a number ("thon 4", "nam 2022") weighs
// kSimilarityNumberBigramWeight; a pair whose texts name villages with none
// in common (textsim::VillageNumbers) is scored × kVillageMismatchFactor.
//
// Measured on eval/petitions.jsonl, tuned on its DEV half only (odd dup
// groups + odd ungrouped ids, see suggestion_eval.h), F1 of duplicate pairs
// at the DEV-best threshold: old model 0.49 DEV / 0.55 TEST (at 0.20);
// + generic stop syllables 0.51; + number bigrams (weight 2) 0.62; + village
// factor 0.5 → 0.67 DEV / 0.70 TEST at 0.21. Tried and not kept (no DEV
// gain): BM25 saturation (k1 0.5–1.2), character trigrams of syllables,
// idf², bigram weight 0.2/0.5 (0.5 tied on DEV). Bigrams matter beyond the
// score: Vietnamese has few distinct syllables, so in a large index nearly
// every syllable is common and only bigrams are rare enough to find
// candidates quickly.
//
// Candidates come from an inverted index, then are scored exactly. Prefix
// filtering (Bayardo et al. 2007, "Scaling up all pairs similarity search"):
// terms are ordered rarest first; a document whose cosine with the query is
// ≥ s must share a term with the shortest prefix of the query (or, for
// Group, of the earlier document) whose remaining suffix has norm < s, and
// the dot product accumulated over that prefix plus the suffix norm bounds
// the cosine, so most candidates are dropped without scoring them.
//
// IDF pruning makes this an approximation on large indexes: terms in more
// than max(100, 2·√N) documents (632 in a 100,000-petition index) generate no
// candidates and are left out of the bound, so a pair is missed when its
// cosine reaches the threshold only thanks to such common terms. Below 100
// documents no term is pruned and the results are exact; on the 214-item
// evaluation set the pruned and exact results were the same.
#ifndef DOITHOAI_CORE_PETITIONS_SIMILARITY_H_
#define DOITHOAI_CORE_PETITIONS_SIMILARITY_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/common/ids.h"

namespace doithoai {

struct SimilarHit {
  PetitionId id;
  double score = 0;  // cosine, 0..1, rounded to 1e-9
  bool operator==(const SimilarHit&) const = default;
};

// The default weight of syllable bigrams relative to syllables (see above).
inline constexpr double kSimilarityBigramWeight = 0.3;
// The weight of a bigram ending in a number ("thon 4", "nam 2022", "thang 8"):
// the same issue is usually at the same place and time.
inline constexpr double kSimilarityNumberBigramWeight = 2.0;
// Scores are multiplied by this when both texts name villages ("Thôn 3") and
// none in common (textsim::VillageNumbers).
inline constexpr double kVillageMismatchFactor = 0.5;

// Pairs scoring at least this are reported as probable duplicates. Chosen on
// the DEV half of eval/petitions.jsonl (`doithoai eval suggestions`): the
// best DEV F1 over 0.08…0.49 (0.667: P 0.65, R 0.69); the held-out TEST half
// gives P 0.66, R 0.75, F1 0.70; all pairs (cross-half pairs count as
// negatives) P 0.51, R 0.72, F1 0.59. A staff-facing "possible duplicate"
// hint, not an automatic merge.
inline constexpr double kDuplicateThreshold = 0.21;

// Not thread-safe for writes (Add, Remove); const members may run concurrently.
class SimilarityIndex {
 public:
  // `bigram_weight`: the weight of the syllable bigrams of textsim::Terms
  // relative to syllables; 0 indexes syllables only.
  explicit SimilarityIndex(double bigram_weight = kSimilarityBigramWeight)
      : bigram_weight_(bigram_weight) {}
  SimilarityIndex(const SimilarityIndex&) = delete;
  SimilarityIndex& operator=(const SimilarityIndex&) = delete;

  // Indexes `text` under `id`, replacing the text an existing `id` had.
  void Add(PetitionId id, std::string_view text);
  // No-op for an unknown id.
  void Remove(PetitionId id);
  bool Contains(PetitionId id) const;
  size_t size() const { return live_; }

  // The indexed documents most similar to `text`: best first (ties by id),
  // score ≥ min_score, at most k (k ≤ 0 → none); `exclude` is never returned.
  std::vector<SimilarHit> Similar(std::string_view text, int k, double min_score,
                                  std::optional<PetitionId> exclude = std::nullopt) const;
  // Same for the indexed document `id` (itself excluded); unknown id → none.
  std::vector<SimilarHit> SimilarTo(PetitionId id, int k, double min_score) const;

  // Groups (≥ 2 members) of documents linked by similarity ≥ threshold
  // (single linkage, union-find). Each group is sorted by id; groups biggest
  // first, then by their smallest id. A threshold ≤ 0 is treated as 1e-9.
  // Single linkage chains: run it over one commune's petitions of a period
  // (hundreds to a few thousands), not over years of petitions at once.
  std::vector<std::vector<PetitionId>> Group(double threshold) const;

 private:
  struct Doc {
    PetitionId id;
    std::vector<std::pair<uint32_t, float>> tf;  // term id → b(t)·(1 + ln tf), by term id
    std::vector<std::string> villages;           // textsim::VillageNumbers
    bool live = false;
  };
  // A weighted, unit-norm vector sorted by term id.
  using Vector = std::vector<std::pair<uint32_t, double>>;

  double IdfOfDf(double df) const;
  std::vector<std::string> TermsOf(std::string_view text) const;
  double TermWeight(const std::string& term) const;
  // kVillageMismatchFactor when both name villages and none in common, else 1.
  static double VillageFactor(const std::vector<std::string>& a, const std::vector<std::string>& b);
  // Unit-norm weights of `terms` (query side: unknown terms get df = 1 and
  // the id kUnknownTerm, which matches nothing).
  Vector QueryVector(std::string_view text) const;
  // The idf of every term and the norm of every slot under the current
  // index; rebuilt by the first const call after a write.
  struct Cache {
    uint64_t version = ~uint64_t{0};
    std::vector<double> idf;   // by term id
    std::vector<double> norm;  // by slot
  };
  const Cache& Fresh() const;
  // Unit-norm weights of slot `slot` under the current idf.
  Vector DocVector(const Cache& cache, uint32_t slot) const;
  // Candidate generation skips terms with a document frequency above this.
  size_t MaxCandidateDf() const;
  // Terms of `v` (rarest first) a candidate must share for a cosine ≥ s;
  // `rest_norm` is the norm of the other terms, common ones left out.
  std::vector<std::pair<uint32_t, double>> Prefix(const Vector& v, double s,
                                                  double& rest_norm) const;
  std::vector<SimilarHit> Query(const Cache& cache, const Vector& query,
                                const std::vector<std::string>& villages, int k, double min_score,
                                std::optional<PetitionId> exclude) const;

  std::unordered_map<std::string, uint32_t> term_ids_;
  double bigram_weight_ = 0;
  std::vector<double> term_weight_;                                // by term id
  std::vector<uint32_t> df_;                                       // by term id
  std::vector<std::vector<std::pair<uint32_t, float>>> postings_;  // term id → (slot, tf weight)
  std::vector<Doc> docs_;                                          // by slot
  std::vector<uint32_t> free_slots_;
  std::unordered_map<int64_t, uint32_t> slot_of_;  // id → slot
  size_t live_ = 0;
  uint64_t version_ = 0;  // bumped by every write
  mutable std::mutex cache_mutex_;
  mutable Cache cache_;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_SIMILARITY_H_
