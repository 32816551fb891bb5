// Similarity and suggestions per commune (see insight_service.h).
#include "core/petitions/insight_service.h"

#include <algorithm>
#include <set>

namespace doithoai {

namespace {

constexpr int kPageSize = 1000;

// What staff confirmed about an item, to learn from: a field they set or
// confirmed, and the unit they assigned.
std::optional<LabelledText> Labelled(const PetitionItem& item) {
  if (item.field.empty() || (!item.class_confirmed && !item.unit_id.has_value())) {
    return std::nullopt;
  }
  return LabelledText{item.text, item.field, item.unit_id};
}

std::string ItemText(const Petition& petition, int item) {
  for (const PetitionItem& i : petition.items) {
    if (i.number == item) {
      return i.text;
    }
  }
  return PetitionText(petition);
}

}  // namespace

std::string PetitionText(const Petition& petition) {
  std::string text;
  for (const PetitionItem& item : petition.items) {
    if (!text.empty()) {
      text += '\n';
    }
    text += item.text;
  }
  return text;
}

struct InsightService::Model {
  struct Ref {
    std::string code;
    std::string status_code;
  };
  SimilarityIndex index;
  std::unique_ptr<Suggester> suggester;
  std::map<int64_t, Ref> refs;
  std::map<std::string, int64_t, std::less<>> id_of_code;
  std::map<int64_t, CaseId> case_of;  // petition id → case
  bool cases_stale = true;

  void Index(const Petition& p) {
    index.Add(p.id, PetitionText(p));
    refs[p.id.value] = {p.code, std::string(ItemStatusCode(Summarize(p).status))};
    id_of_code[p.code] = p.id.value;
  }
};

InsightService::InsightService(PetitionRepository& petitions, CaseRepository& cases,
                               CommuneRepository& communes, FieldLexicon lexicon)
    : petitions_(petitions), cases_(cases), communes_(communes), lexicon_(std::move(lexicon)) {}

InsightService::~InsightService() = default;

Result<InsightService::Model*> InsightService::ModelFor(CommuneId commune) {
  auto found = models_.find(commune.value);
  if (found == models_.end()) {
    auto model = std::make_unique<Model>();
    ASSIGN_OR_RETURN(PetitionSettings settings, petitions_.LoadSettings(commune));
    ASSIGN_OR_RETURN(std::vector<Unit> units, communes_.ListUnits(commune));
    model->suggester = std::make_unique<Suggester>(
        lexicon_, settings.fields.empty() ? DefaultPetitionFields() : settings.fields, units);
    PetitionQuery query;
    query.limit = kPageSize;
    while (true) {
      ASSIGN_OR_RETURN(PetitionPage page, petitions_.Search(commune, query));
      for (const Petition& p : page.items) {
        model->Index(p);
        for (const PetitionItem& item : p.items) {
          if (std::optional<LabelledText> l = Labelled(item)) {
            model->suggester->Learn(*l);
          }
        }
      }
      query.offset += kPageSize;
      if (query.offset >= page.total) {
        break;
      }
    }
    found = models_.emplace(commune.value, std::move(model)).first;
  }
  Model* model = found->second.get();
  if (model->cases_stale) {
    ASSIGN_OR_RETURN(std::vector<ProminentIssue> cases, cases_.Prominent(commune, 100000));
    model->case_of.clear();
    for (const ProminentIssue& c : cases) {
      for (const std::string& code : c.codes) {
        auto id = model->id_of_code.find(code);
        if (id != model->id_of_code.end()) {
          model->case_of[id->second] = c.case_id;
        }
      }
    }
    model->cases_stale = false;
  }
  return model;
}

std::vector<SimilarPetition> InsightService::Describe(const Model& model,
                                                      const std::vector<SimilarHit>& hits) const {
  std::vector<SimilarPetition> out;
  for (const SimilarHit& hit : hits) {
    auto ref = model.refs.find(hit.id.value);
    if (ref == model.refs.end()) {
      continue;
    }
    SimilarPetition s;
    s.id = hit.id;
    s.code = ref->second.code;
    s.score = hit.score;
    s.status_code = ref->second.status_code;
    auto c = model.case_of.find(hit.id.value);
    if (c != model.case_of.end()) {
      s.case_id = c->second;
    }
    out.push_back(std::move(s));
  }
  return out;
}

PetitionSuggestions InsightService::Suggestions(const Model& model, std::string_view text) const {
  PetitionSuggestions out;
  out.fields = model.suggester->SuggestFields(text, 3);
  out.units = model.suggester->SuggestUnits(text, 3);
  return out;
}

Result<std::vector<SimilarPetition>> InsightService::Similar(const Petition& petition, int k) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RETURN(Model * model, ModelFor(petition.commune_id));
  return Describe(*model,
                  model->index.Similar(PetitionText(petition), k, kSimilarShown, petition.id));
}

Result<std::vector<SimilarPetition>> InsightService::SimilarToText(CommuneId commune,
                                                                   std::string_view text, int k) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RETURN(Model * model, ModelFor(commune));
  return Describe(*model, model->index.Similar(text, k, kSimilarShown));
}

Result<PetitionSuggestions> InsightService::Suggest(const Petition& petition, int item) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RETURN(Model * model, ModelFor(petition.commune_id));
  return Suggestions(*model, item == 0 ? PetitionText(petition) : ItemText(petition, item));
}

Result<PetitionSuggestions> InsightService::SuggestText(CommuneId commune, std::string_view text) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RETURN(Model * model, ModelFor(commune));
  return Suggestions(*model, text);
}

Result<std::vector<std::vector<SimilarPetition>>> InsightService::UncasedGroups(CommuneId commune,
                                                                                int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RETURN(Model * model, ModelFor(commune));
  std::vector<std::vector<SimilarPetition>> out;
  for (const std::vector<PetitionId>& group : model->index.Group(kDuplicateThreshold)) {
    std::vector<SimilarHit> hits;
    for (PetitionId id : group) {
      if (model->case_of.count(id.value) == 0) {
        hits.push_back({id, 1.0});
      }
    }
    if (hits.size() < 2) {
      continue;
    }
    out.push_back(Describe(*model, hits));
    if (static_cast<int>(out.size()) >= limit) {
      break;
    }
  }
  return out;
}

Status InsightService::PetitionChanged(std::string_view action, const Petition& petition) {
  std::lock_guard<std::mutex> lock(mu_);
  auto found = models_.find(petition.commune_id.value);
  if (found == models_.end()) {
    return OkStatus();  // built from storage on first use
  }
  Model& model = *found->second;
  model.Index(petition);
  // Staff confirmed a field or a unit: learn from it (issue #6 §2).
  if ((action == "petition.classify" || action == "petition.assign") && !petition.history.empty()) {
    const int number = petition.history.back().item;
    for (const PetitionItem& item : petition.items) {
      if (number != 0 && item.number != number) {
        continue;
      }
      if (std::optional<LabelledText> l = Labelled(item)) {
        model.suggester->Learn(*l);
      }
    }
  }
  return OkStatus();
}

void InsightService::Invalidate(CommuneId commune) {
  std::lock_guard<std::mutex> lock(mu_);
  auto found = models_.find(commune.value);
  if (found != models_.end()) {
    found->second->cases_stale = true;
  }
}

}  // namespace doithoai
