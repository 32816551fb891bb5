// TF-IDF cosine index with prefix-filtered candidates (see similarity.h).
#include "core/petitions/similarity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "core/petitions/text_features.h"

namespace doithoai {

namespace {

constexpr uint32_t kUnknownTerm = std::numeric_limits<uint32_t>::max();

double Dot(const std::vector<std::pair<uint32_t, double>>& a,
           const std::vector<std::pair<uint32_t, double>>& b) {
  double dot = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      if (a[i].first != kUnknownTerm) dot += a[i].second * b[j].second;
      ++i;
      ++j;
    }
  }
  return std::clamp(dot, 0.0, 1.0);
}

void Normalise(std::vector<std::pair<uint32_t, double>>& v) {
  double norm = 0;
  for (const auto& [term, w] : v) norm += w * w;
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [term, w] : v) w /= norm;
  }
}

// Scores are rounded to 1e-9 so that the floating-point summation order (term
// ids depend on the order documents arrived in) cannot change a result.
double Round(double score) { return std::round(score * 1e9) / 1e9; }

bool BetterHit(const SimilarHit& a, const SimilarHit& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.id < b.id;
}

}  // namespace

double SimilarityIndex::IdfOfDf(double df) const {
  // df ≤ N, so the idf is > 0 even for a term every document has.
  return std::log((static_cast<double>(live_) + 1) / std::max(df, 1.0));
}

std::vector<std::string> SimilarityIndex::TermsOf(std::string_view text) const {
  std::vector<std::string> terms = textsim::SimilarityTerms(text);
  if (bigram_weight_ <= 0) {
    std::erase_if(terms, [](const std::string& t) { return t.find(' ') != std::string::npos; });
  }
  return terms;
}

double SimilarityIndex::TermWeight(const std::string& term) const {
  const size_t space = term.find(' ');
  if (space == std::string::npos) return 1.0;
  const bool number = std::all_of(term.begin() + static_cast<std::ptrdiff_t>(space) + 1, term.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  return number ? kSimilarityNumberBigramWeight : bigram_weight_;
}

double SimilarityIndex::VillageFactor(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 1.0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return 1.0;
    if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return kVillageMismatchFactor;
}

void SimilarityIndex::Add(PetitionId id, std::string_view text) {
  Remove(id);
  std::map<uint32_t, float> counts;
  for (std::string& term : TermsOf(text)) {
    auto [it, inserted] = term_ids_.try_emplace(std::move(term), static_cast<uint32_t>(df_.size()));
    if (inserted) {
      df_.push_back(0);
      postings_.emplace_back();
    }
    if (inserted) term_weight_.push_back(TermWeight(it->first));
    counts[it->second] += 1;
  }
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<uint32_t>(docs_.size());
    docs_.emplace_back();
  }
  Doc& doc = docs_[slot];
  doc.id = id;
  doc.live = true;
  doc.villages = textsim::VillageNumbers(text);
  doc.tf.clear();
  for (const auto& [term, count] : counts) {
    doc.tf.emplace_back(term, static_cast<float>(term_weight_[term] * (1.0 + std::log(count))));
    ++df_[term];
    postings_[term].emplace_back(slot, doc.tf.back().second);
  }
  slot_of_[id.value] = slot;
  ++live_;
  ++version_;
}

void SimilarityIndex::Remove(PetitionId id) {
  auto it = slot_of_.find(id.value);
  if (it == slot_of_.end()) return;
  const uint32_t slot = it->second;
  Doc& doc = docs_[slot];
  for (const auto& [term, count] : doc.tf) {
    --df_[term];
    auto& list = postings_[term];
    list.erase(std::find_if(list.begin(), list.end(),
                            [slot](const auto& posting) { return posting.first == slot; }));
  }
  doc.tf.clear();
  doc.villages.clear();
  doc.live = false;
  free_slots_.push_back(slot);
  slot_of_.erase(it);
  --live_;
  ++version_;
}

bool SimilarityIndex::Contains(PetitionId id) const { return slot_of_.contains(id.value); }

const SimilarityIndex::Cache& SimilarityIndex::Fresh() const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  if (cache_.version != version_) {
    cache_.idf.resize(df_.size());
    for (size_t t = 0; t < df_.size(); ++t) cache_.idf[t] = IdfOfDf(df_[t]);
    cache_.norm.assign(docs_.size(), 0.0);
    for (size_t slot = 0; slot < docs_.size(); ++slot) {
      double sum = 0;
      for (const auto& [term, w] : docs_[slot].tf) {
        const double x = w * cache_.idf[term];
        sum += x * x;
      }
      cache_.norm[slot] = std::sqrt(sum);
    }
    cache_.version = version_;
  }
  return cache_;
}

size_t SimilarityIndex::MaxCandidateDf() const {
  return std::max<size_t>(100, static_cast<size_t>(2 * std::sqrt(static_cast<double>(live_))));
}

SimilarityIndex::Vector SimilarityIndex::DocVector(const Cache& cache, uint32_t slot) const {
  Vector v;
  v.reserve(docs_[slot].tf.size());
  const double norm = cache.norm[slot];
  for (const auto& [term, w] : docs_[slot].tf) {
    v.emplace_back(term, norm > 0 ? w * cache.idf[term] / norm : 0.0);
  }
  return v;
}

SimilarityIndex::Vector SimilarityIndex::QueryVector(std::string_view text) const {
  std::map<uint32_t, double> known;
  std::map<std::string, double> unknown;
  for (std::string& term : TermsOf(text)) {
    auto it = term_ids_.find(term);
    if (it != term_ids_.end() && df_[it->second] > 0) {
      known[it->second] += 1;
    } else {
      unknown[std::move(term)] += 1;
    }
  }
  Vector v;
  for (const auto& [term, count] : known) {
    v.emplace_back(term, term_weight_[term] * (1.0 + std::log(count)) * IdfOfDf(df_[term]));
  }
  for (const auto& [term, count] : unknown) {
    v.emplace_back(kUnknownTerm, TermWeight(term) * (1.0 + std::log(count)) * IdfOfDf(1));
  }
  Normalise(v);
  return v;  // sorted: known ids ascending, then kUnknownTerm entries
}

std::vector<std::pair<uint32_t, double>> SimilarityIndex::Prefix(const Vector& v, double s,
                                                                 double& rest_norm) const {
  std::vector<std::pair<uint32_t, double>> order;
  for (const auto& entry : v) {
    if (entry.first != kUnknownTerm) order.push_back(entry);
  }
  // Rarest first; ties by term id for determinism.
  std::sort(order.begin(), order.end(), [this](const auto& a, const auto& b) {
    if (df_[a.first] != df_[b.first]) return df_[a.first] < df_[b.first];
    return a.first < b.first;
  });
  // The suffix norm from position i onwards (unknown terms match nothing).
  std::vector<double> suffix(order.size() + 1, 0.0);
  for (size_t i = order.size(); i-- > 0;) {
    suffix[i] = suffix[i + 1] + order[i].second * order[i].second;
  }
  const size_t max_df = MaxCandidateDf();
  size_t common = 0;  // the first term above max_df
  while (common < order.size() && df_[order[common].first] <= max_df) ++common;
  size_t i = 0;
  while (i < common && !(s > 0 && std::sqrt(suffix[i] - suffix[common]) < s * (1 - 1e-9))) ++i;
  rest_norm = std::sqrt(std::max(0.0, suffix[i] - suffix[common]));
  order.resize(i);
  return order;
}

std::vector<SimilarHit> SimilarityIndex::Query(const Cache& cache, const Vector& query,
                                               const std::vector<std::string>& villages, int k,
                                               double min_score,
                                               std::optional<PetitionId> exclude) const {
  std::vector<SimilarHit> hits;
  if (k <= 0 || query.empty()) return hits;
  double rest_norm = 0;
  std::unordered_map<uint32_t, double> partial;  // slot → dot over the prefix terms
  for (const auto& [term, q] : Prefix(query, min_score, rest_norm)) {
    const double idf = cache.idf[term];
    for (const auto& [slot, w] : postings_[term]) {
      partial[slot] += q * w * idf / cache.norm[slot];
    }
  }
  for (const auto& [slot, dot] : partial) {
    const Doc& doc = docs_[slot];
    if (exclude.has_value() && doc.id == *exclude) continue;
    // The uncommon terms not walked add at most rest_norm (Cauchy–Schwarz,
    // unit docs); the common ones are assumed not to make the difference.
    // The village factor is ≤ 1, so the bound still holds.
    if (dot + rest_norm < min_score - 1e-9) continue;
    const double score =
        Round(Dot(query, DocVector(cache, slot)) * VillageFactor(villages, doc.villages));
    if (score > 0 && score >= min_score) hits.push_back(SimilarHit{doc.id, score});
  }
  std::sort(hits.begin(), hits.end(), BetterHit);
  if (hits.size() > static_cast<size_t>(k)) hits.resize(k);
  return hits;
}

std::vector<SimilarHit> SimilarityIndex::Similar(std::string_view text, int k, double min_score,
                                                 std::optional<PetitionId> exclude) const {
  const Cache& cache = Fresh();
  return Query(cache, QueryVector(text), textsim::VillageNumbers(text), k, min_score, exclude);
}

std::vector<SimilarHit> SimilarityIndex::SimilarTo(PetitionId id, int k, double min_score) const {
  auto it = slot_of_.find(id.value);
  if (it == slot_of_.end()) return {};
  const Cache& cache = Fresh();
  return Query(cache, DocVector(cache, it->second), docs_[it->second].villages, k, min_score, id);
}

std::vector<std::vector<PetitionId>> SimilarityIndex::Group(double threshold) const {
  threshold = std::max(threshold, 1e-9);
  // Live slots in id order, so the result does not depend on slot reuse.
  std::vector<uint32_t> slots;
  slots.reserve(live_);
  for (uint32_t slot = 0; slot < docs_.size(); ++slot) {
    if (docs_[slot].live) slots.push_back(slot);
  }
  std::sort(slots.begin(), slots.end(),
            [this](uint32_t a, uint32_t b) { return docs_[a].id < docs_[b].id; });
  const size_t n = slots.size();
  std::vector<Vector> vectors(n);
  const Cache& cache = Fresh();
  for (size_t i = 0; i < n; ++i) vectors[i] = DocVector(cache, slots[i]);

  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&parent](size_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };

  // Prefix index over the documents seen so far: term → (position in
  // `slots`, weight); rest_norm[j]: the norm of j's terms not indexed.
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, double>>> partial;
  std::vector<double> rest_norm(n, 0.0);
  std::vector<size_t> stamp(n, std::numeric_limits<size_t>::max());
  std::vector<double> dot(n, 0.0);
  std::vector<uint32_t> candidates;
  std::vector<double> dense(df_.size(), 0.0);  // vectors[i] scattered by term id
  for (size_t i = 0; i < n; ++i) {
    candidates.clear();
    for (const auto& [term, x] : vectors[i]) dense[term] = x;
    for (const auto& [term, x] : vectors[i]) {
      auto it = partial.find(term);
      if (it == partial.end()) continue;
      for (const auto& [j, y] : it->second) {
        if (stamp[j] != i) {
          stamp[j] = i;
          dot[j] = 0;
          candidates.push_back(j);
        }
        dot[j] += x * y;
      }
    }
    for (uint32_t j : candidates) {
      if (dot[j] + rest_norm[j] < threshold - 1e-9) continue;
      if (find(i) == find(j)) continue;
      double score = 0;
      for (const auto& [term, y] : vectors[j]) score += dense[term] * y;
      score = std::clamp(score, 0.0, 1.0) *
              VillageFactor(docs_[slots[i]].villages, docs_[slots[j]].villages);
      if (Round(score) >= threshold) parent[find(i)] = find(j);
    }
    for (const auto& [term, x] : vectors[i]) dense[term] = 0;
    for (const auto& [term, y] : Prefix(vectors[i], threshold, rest_norm[i])) {
      partial[term].emplace_back(static_cast<uint32_t>(i), y);
    }
  }

  std::unordered_map<size_t, std::vector<PetitionId>> by_root;
  for (size_t i = 0; i < n; ++i) by_root[find(i)].push_back(docs_[slots[i]].id);
  std::vector<std::vector<PetitionId>> groups;
  for (auto& [root, members] : by_root) {
    if (members.size() >= 2) groups.push_back(std::move(members));  // already in id order
  }
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a.front() < b.front();
  });
  return groups;
}

}  // namespace doithoai
