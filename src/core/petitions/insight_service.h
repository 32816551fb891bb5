// What the text of a commune's petitions tells staff (issue #6 §1–2): the
// petitions most likely to raise the same issue (SimilarityIndex), the field
// and unit suggested for a new item (Suggester: the built-in starter lexicon
// plus what this commune's staff confirmed), and groups of similar petitions
// not yet in a case. One model per commune, built on first use from the
// stored petitions and rebuilt after a change (it is a PetitionObserver).
// Thread-safe.
#ifndef DOITHOAI_CORE_PETITIONS_INSIGHT_SERVICE_H_
#define DOITHOAI_CORE_PETITIONS_INSIGHT_SERVICE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/communes/commune_repository.h"
#include "core/petitions/petition_case.h"
#include "core/petitions/petition_ports.h"
#include "core/petitions/petition_repository.h"
#include "core/petitions/similarity.h"
#include "core/petitions/suggestions.h"

namespace doithoai {

struct SimilarPetition {
  PetitionId id;
  std::string code;
  double score = 0;
  std::string status_code;
  std::optional<CaseId> case_id;
};

struct PetitionSuggestions {
  std::vector<Suggestion> fields;  // key = field code, label = its label
  std::vector<Suggestion> units;   // key = unit id (decimal), label = its name
};

class InsightService : public PetitionObserver {
 public:
  InsightService(PetitionRepository& petitions, CaseRepository& cases, CommuneRepository& communes,
                 FieldLexicon lexicon);
  ~InsightService() override;

  // Up to `k` petitions of the commune most similar to `petition` (score ≥
  // kSimilarShown), best first.
  Result<std::vector<SimilarPetition>> Similar(const Petition& petition, int k = 5);
  // The same for free text (intake: before the petition exists).
  Result<std::vector<SimilarPetition>> SimilarToText(CommuneId commune, std::string_view text,
                                                     int k = 5);
  // Suggestions for item `item` of `petition` (1-based; 0 = all item texts).
  Result<PetitionSuggestions> Suggest(const Petition& petition, int item = 0);
  Result<PetitionSuggestions> SuggestText(CommuneId commune, std::string_view text);
  // Groups of similar petitions (≥ kDuplicateThreshold) with no member in a
  // case yet, biggest first — candidates for new cases.
  Result<std::vector<std::vector<SimilarPetition>>> UncasedGroups(CommuneId commune, int limit);

  // PetitionObserver: the commune's model is rebuilt on next use.
  Status PetitionChanged(std::string_view action, const Petition& petition) override;
  // After cases change (cases are not petition changes).
  void Invalidate(CommuneId commune);

 private:
  struct Model;
  // The commune's model, built or refreshed as needed; call with mu_ held.
  Result<Model*> ModelFor(CommuneId commune);
  std::vector<SimilarPetition> Describe(const Model& model,
                                        const std::vector<SimilarHit>& hits) const;
  PetitionSuggestions Suggestions(const Model& model, std::string_view text) const;

  PetitionRepository& petitions_;
  CaseRepository& cases_;
  CommuneRepository& communes_;
  const FieldLexicon lexicon_;
  std::mutex mu_;
  std::map<int64_t, std::unique_ptr<Model>> models_;  // GUARDED_BY(mu_)
};

// Similar petitions below this score are not shown.
inline constexpr double kSimilarShown = 0.2;

// The text of a petition used for similarity and suggestions: its items'
// texts joined by newlines.
std::string PetitionText(const Petition& petition);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_INSIGHT_SERVICE_H_
