// Naive Bayes field and unit suggestions (see suggestions.h).
#include "core/petitions/suggestions.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/petitions/text_features.h"

namespace doithoai {

namespace {

constexpr double kAlpha = 1.0;          // Laplace smoothing
constexpr double kLexiconWeight = 3.0;  // one lexicon phrase counts as 3 occurrences
// The syllables inside a multi-syllable lexicon phrase count less than the
// phrase's bigrams: "toi" of "toi pham" or "gia dinh" of "bao luc gia dinh"
// say little on their own ("tôi", "gia đình").
constexpr double kPhraseSyllableShare = 0.25;
constexpr double kHintWeight = 3.0;     // lexicon field→unit hint, in learned examples
constexpr double kUnitSmoothing = 0.1;  // P(unit | field) floor, in learned examples
constexpr size_t kMaxBecause = 5;

// Syllables of unit names that say nothing about the work.
bool IsGenericNameSyllable(std::string_view s) {
  return s == "xa" || s == "ubnd" || s == "phuong" || s == "dac" || s == "khu";
}

// The bigrams of a unit name without those ending in a generic syllable
// ("Công an xã" → "cong an"; "Văn hóa – Xã hội" → "van hoa", "xa hoi"). Single
// syllables are left out: "ho" (Hộ tịch) or "an" (Công an) would match "hộ
// gia đình" or "an toàn".
std::vector<std::string> UnitNameTerms(std::string_view name) {
  std::vector<std::string> out;
  for (std::string& term : textsim::Terms(name)) {
    const size_t space = term.find(' ');
    if (space == std::string::npos) continue;
    if (IsGenericNameSyllable(std::string_view(term).substr(space + 1))) continue;
    out.push_back(std::move(term));
  }
  return out;
}

// Adds a lexicon phrase (or label, or unit name) to class c of `model`.
template <typename Model>
void AddPhrase(Model& model, size_t c, const std::vector<std::string>& terms) {
  const bool multi = std::any_of(terms.begin(), terms.end(), [](const std::string& t) {
    return t.find(' ') != std::string::npos;
  });
  for (const std::string& term : terms) {
    const bool syllable = term.find(' ') == std::string::npos;
    model.AddTerms(c, {term}, kLexiconWeight * (multi && syllable ? kPhraseSyllableShare : 1.0));
  }
}

std::string FoldedWords(std::string_view text) {
  std::string out = " ";
  for (const std::string& s : textsim::Syllables(text)) out += s + ' ';
  return out;
}

}  // namespace

// ---- Model ----

void Suggester::Model::AddTerms(size_t c, const std::vector<std::string>& terms, double weight) {
  for (const std::string& term : terms) {
    auto [it, inserted] = counts_.try_emplace(term);
    if (inserted) it->second.assign(totals_.size(), 0.0);
    it->second[c] += weight;
    totals_[c] += weight;
  }
}

double Suggester::Model::LogP(const std::vector<double>* counts, size_t c) const {
  const double n = counts == nullptr ? 0.0 : (*counts)[c];
  return std::log((n + kAlpha) / (totals_[c] + kAlpha * static_cast<double>(counts_.size())));
}

size_t Suggester::Model::Posterior(const std::vector<std::string>& terms,
                                   std::vector<double>& out) const {
  const size_t classes = totals_.size();
  out.assign(classes, 0.0);
  double docs = 0;
  size_t with_mass = 0;
  for (size_t c = 0; c < classes; ++c) {
    if (HasMass(c)) {
      docs += docs_[c] + 1;
      ++with_mass;
    }
  }
  if (with_mass == 0) return 0;
  std::vector<double> log_score(classes, 0.0);
  size_t known = 0;
  for (const std::string& term : terms) {
    auto it = counts_.find(term);
    if (it == counts_.end()) continue;
    ++known;
    for (size_t c = 0; c < classes; ++c) {
      if (HasMass(c)) log_score[c] += LogP(&it->second, c);
    }
  }
  if (known == 0) return 0;
  const double temper = std::sqrt(static_cast<double>(known));
  double best = -HUGE_VAL;
  for (size_t c = 0; c < classes; ++c) {
    if (!HasMass(c)) continue;
    log_score[c] = (log_score[c] + std::log((docs_[c] + 1) / docs)) / temper;
    best = std::max(best, log_score[c]);
  }
  double sum = 0;
  for (size_t c = 0; c < classes; ++c) {
    if (!HasMass(c)) continue;
    out[c] = std::exp(log_score[c] - best);
    sum += out[c];
  }
  for (double& p : out) p /= sum;
  return known;
}

namespace {

// Words shown to staff as "vì có: …" must mean something on their own:
// not a single letter, not a generic petition word ("đề nghị", "xã"), not a
// function word that only happens to lean to one field in the data ("bị",
// "nhiều", "đoạn"). The score still uses them.
bool IsReasonWord(const std::string& term) {
  if (term.find(' ') != std::string::npos) return true;  // a bigram
  static const std::set<std::string, std::less<>> kNotReasons = {
      "bi",    "nhieu", "doan",  "lon",  "may",  "rat",   "lai", "ra",  "vao", "len",
      "di",    "den",   "tu",    "tai",  "voi",  "nay",   "do",  "khi", "nen", "sau",
      "truoc", "hon",   "moi",   "lam",  "duoc", "cua",   "va",  "la",  "cho", "ma",
      "thi",   "o",     "van",   "con",  "nua",  "cung",  "hay", "roi", "qua", "tren",
      "duoi",  "trong", "ngoai", "lien", "ngay", "thang", "nam", "so"};
  if (term.size() < 2 || kNotReasons.count(term) > 0) return false;
  return !textsim::IsGenericPetitionSyllable(term);
}

}  // namespace

std::vector<std::string> Suggester::Model::Because(const std::vector<std::string>& terms,
                                                   size_t c) const {
  std::map<std::string, int> occurrences;
  for (const std::string& term : terms) ++occurrences[term];
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [term, n] : occurrences) {
    if (!IsReasonWord(term)) continue;
    auto it = counts_.find(term);
    if (it == counts_.end() || it->second[c] <= 0) continue;
    double best_other = -HUGE_VAL;
    for (size_t o = 0; o < totals_.size(); ++o) {
      if (o != c && HasMass(o)) best_other = std::max(best_other, LogP(&it->second, o));
    }
    const double gain = n * (LogP(&it->second, c) - best_other);
    if (gain > 0) ranked.emplace_back(gain, term);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return a.second < b.second;
  });
  // A bigram explains its syllables: "so do" replaces "so" and "do".
  auto covers = [](const std::string& bigram, const std::string& syllable) {
    const size_t space = bigram.find(' ');
    return space != std::string::npos &&
           (bigram.compare(0, space, syllable) == 0 || bigram.substr(space + 1) == syllable);
  };
  std::vector<std::string> because;
  for (const auto& [gain, term] : ranked) {
    if (because.size() >= kMaxBecause) break;
    const bool is_bigram = term.find(' ') != std::string::npos;
    if (is_bigram) {
      std::erase_if(because, [&](const std::string& b) { return covers(term, b); });
      because.push_back(term);
    } else if (std::none_of(because.begin(), because.end(),
                            [&](const std::string& b) { return covers(b, term); })) {
      because.push_back(term);
    }
  }
  return because;
}

// ---- Suggester ----

Suggester::Suggester(FieldLexicon lexicon, std::vector<PetitionField> fields,
                     std::vector<Unit> units)
    : fields_(std::move(fields)),
      units_(std::move(units)),
      field_model_(fields_.size()),
      unit_model_(units_.size()),
      field_unit_hint_(fields_.size(), std::vector<double>(units_.size(), 0.0)),
      field_unit_count_(fields_.size(), std::vector<double>(units_.size(), 0.0)) {
  auto field_index = [this](std::string_view code) -> std::optional<size_t> {
    for (size_t f = 0; f < fields_.size(); ++f) {
      if (fields_[f].code == code) return f;
    }
    return std::nullopt;
  };
  for (const auto& [code, phrases] : lexicon.entries) {
    const std::optional<size_t> f = field_index(code);
    if (!f) continue;
    if (phrases.empty()) continue;  // e.g. "khác": only learned examples
    // The label is a phrase too ("đất đai – môi trường").
    AddPhrase(field_model_, *f, textsim::Terms(fields_[*f].label));
    for (const std::string& phrase : phrases) AddPhrase(field_model_, *f, textsim::Terms(phrase));
  }
  for (size_t u = 0; u < units_.size(); ++u) {
    AddPhrase(unit_model_, u, UnitNameTerms(units_[u].name));
    const std::string name = FoldedWords(units_[u].name);
    for (const UnitLexiconEntry& entry : lexicon.units) {
      if (name.find(FoldedWords(entry.key)) == std::string::npos) continue;
      for (const std::string& phrase : entry.words) {
        AddPhrase(unit_model_, u, textsim::Terms(phrase));
      }
      for (const std::string& code : entry.fields) {
        if (const std::optional<size_t> f = field_index(code)) field_unit_hint_[*f][u] += 1;
      }
    }
  }
  for (std::vector<double>& row : field_unit_hint_) {
    double sum = 0;
    for (double h : row) sum += h;
    if (sum > 0) {
      for (double& h : row) h /= sum;
    }
  }
}

void Suggester::Learn(const LabelledText& example) {
  const std::vector<std::string> terms = textsim::Terms(example.text);
  std::optional<size_t> field;
  for (size_t f = 0; f < fields_.size(); ++f) {
    if (fields_[f].code == example.field) field = f;
  }
  std::optional<size_t> unit;
  for (size_t u = 0; u < units_.size(); ++u) {
    if (example.unit.has_value() && units_[u].id == *example.unit) unit = u;
  }
  if (field) {
    field_model_.AddTerms(*field, terms, 1.0);
    field_model_.AddDoc(*field);
  }
  if (unit) {
    unit_model_.AddTerms(*unit, terms, 1.0);
    unit_model_.AddDoc(*unit);
  }
  if (field && unit) field_unit_count_[*field][*unit] += 1;
  ++learned_;
}

std::vector<Suggestion> Suggester::Top(std::vector<double> scores, int k, bool units,
                                       const std::vector<std::string>& terms,
                                       const Model& model) const {
  std::vector<size_t> order;
  for (size_t c = 0; c < scores.size(); ++c) {
    if (scores[c] > 0) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return units ? units_[a].id < units_[b].id : fields_[a].code < fields_[b].code;
  });
  if (k < 0) k = 0;
  if (order.size() > static_cast<size_t>(k)) order.resize(k);
  std::vector<Suggestion> out;
  for (size_t c : order) {
    Suggestion s;
    if (units) {
      s.key = std::to_string(units_[c].id.value);
      s.label = units_[c].name;
    } else {
      s.key = fields_[c].code;
      s.label = fields_[c].label;
    }
    s.score = std::clamp(scores[c], 0.0, 1.0);
    s.because = model.Because(terms, c);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Suggestion> Suggester::SuggestFields(std::string_view text, int k) const {
  const std::vector<std::string> terms = textsim::Terms(text);
  std::vector<double> posterior;
  if (k <= 0 || field_model_.Posterior(terms, posterior) == 0) return {};
  return Top(std::move(posterior), k, /*units=*/false, terms, field_model_);
}

std::vector<Suggestion> Suggester::SuggestUnits(std::string_view text, int k) const {
  if (k <= 0 || units_.empty()) return {};
  const std::vector<std::string> terms = textsim::Terms(text);
  std::vector<double> by_text;
  const size_t known_by_text = unit_model_.Posterior(terms, by_text);
  std::vector<double> field_posterior;
  const size_t known_by_field = field_model_.Posterior(terms, field_posterior);
  const bool have_field = known_by_field > 0;
  if (known_by_text == 0 && !have_field) return {};
  const double text_share =
      static_cast<double>(known_by_text) / static_cast<double>(known_by_text + known_by_field);

  std::vector<double> by_field(units_.size(), 0.0);
  if (have_field) {
    for (size_t f = 0; f < fields_.size(); ++f) {
      if (field_posterior[f] <= 0) continue;
      std::vector<double> p_unit(units_.size());
      double sum = 0;
      for (size_t u = 0; u < units_.size(); ++u) {
        p_unit[u] = field_unit_count_[f][u] + kHintWeight * field_unit_hint_[f][u] + kUnitSmoothing;
        sum += p_unit[u];
      }
      for (size_t u = 0; u < units_.size(); ++u) {
        by_field[u] += field_posterior[f] * p_unit[u] / sum;
      }
    }
  }
  std::vector<double> scores(units_.size(), 0.0);
  for (size_t u = 0; u < units_.size(); ++u) {
    scores[u] = text_share * by_text[u] + (1 - text_share) * by_field[u];
  }
  std::vector<Suggestion> out = Top(scores, k, /*units=*/true, terms, unit_model_);
  // A unit reached through the field path is explained by the field's words.
  if (have_field) {
    const size_t best_field = static_cast<size_t>(
        std::max_element(field_posterior.begin(), field_posterior.end()) - field_posterior.begin());
    for (Suggestion& s : out) {
      if (s.because.empty()) s.because = field_model_.Because(terms, best_field);
    }
  }
  return out;
}

}  // namespace doithoai
