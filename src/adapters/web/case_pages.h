// Cases and prominent issues for commune staff (issue #6 §1): the list of
// cases ranked by how many citizens and villages raised them (the
// "prominent issues" the plan's content and the conference agenda draw
// from), groups of similar petitions not yet in a case with a one-click
// "group them", and the case page where the issue is answered once for every
// petitioner. Only codes, villages and counts are shown — never a
// denouncer's identity (CONF-02).
//
// Routes (signed in, under /quan-tri/{slug}/vu-viec):
//   GET  ""            prominent issues (kViewPetitions)
//   POST ""            new case from "codes" and "title" (kHandlePetitions)
//   GET  /{id}         the case (kViewPetitions)
//   POST /{id}/them    add petitions ("codes") (kHandlePetitions)
//   POST /{id}/bo      remove one petition ("petition") (kHandlePetitions)
//   POST /{id}/doi-ten rename, set the field (kHandlePetitions)
//   POST /{id}/tra-loi answer every member once ("text", "publish", "unit")
#ifndef DOITHOAI_ADAPTERS_WEB_CASE_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_CASE_PAGES_H_

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/web/site.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/petitions/case_service.h"
#include "core/petitions/insight_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::web {

class CasePages {
 public:
  CasePages(CaseService& cases, InsightService& insight, PetitionService& petitions,
            CommuneRepository& communes, const Clock& clock)
      : cases_(cases),
        insight_(insight),
        petitions_(petitions),
        communes_(communes),
        clock_(clock) {}
  void Register(Site& site);

 private:
  http::HttpResponse List(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Create(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Show(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Add(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Remove(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Rename(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Answer(http::HttpRequest& request, RequestContext& ctx);

  http::HttpResponse RenderList(const http::HttpRequest& request, const RequestContext& ctx,
                                const Commune& commune, int status, const Error* error);
  http::HttpResponse RenderShow(const http::HttpRequest& request, const RequestContext& ctx,
                                const Commune& commune, CaseId id, int status, const Error* error,
                                const std::string& notice);
  // Runs a POST on /{id}: authorizes kHandlePetitions, then `act`; success
  // redirects to the case page (or `act`'s location), failure re-renders it.
  using CaseAction = std::function<Result<std::string>(const Commune&, CaseId,
                                                       const http::FormData&, const AuditContext&)>;
  http::HttpResponse CasePost(http::HttpRequest& request, RequestContext& ctx,
                              const CaseAction& act);
  static std::string CasesPath(const Commune& commune);

  CaseService& cases_;
  InsightService& insight_;
  PetitionService& petitions_;
  CommuneRepository& communes_;
  const Clock& clock_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_CASE_PAGES_H_
