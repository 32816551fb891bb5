// The petition JSON API (issue #5 "Interfaces"), described by the OpenAPI
// document at GET /api/v1/openapi.json:
//   POST /api/v1/communes/{slug}/petitions        public: 201 {"code"}; 400 field errors
//   GET  /api/v1/petitions/{code}                 public view (no personal data)
//   GET  /api/v1/communes/{slug}/petitions        staff (Bearer): {"items","total"}
//   GET  /api/v1/communes/{slug}/petitions/{code} staff view
//   GET  /api/v1/communes/{slug}/fields           the field taxonomy
#ifndef DOITHOAI_ADAPTERS_WEB_PETITION_API_H_
#define DOITHOAI_ADAPTERS_WEB_PETITION_API_H_

#include "adapters/web/rate_limiter.h"
#include "adapters/web/site.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/petitions/case_service.h"
#include "core/petitions/insight_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::web {

class PetitionApi {
 public:
  PetitionApi(PetitionService& service, CommuneRepository& communes, const Clock& clock,
              RateLimiter& limiter)
      : service_(service), communes_(communes), clock_(clock), limiter_(limiter) {}
  void Register(Site& site);
  // Adds `suggestions` and `similar` to the staff view of a petition, and
  // GET …/issues/prominent (issue #6). Not owned; set at wiring time.
  void SetInsight(InsightService* insight, CaseService* cases) {
    insight_ = insight;
    cases_ = cases;
  }

 private:
  http::HttpResponse Create(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse PublicShow(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse List(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse StaffShow(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Fields(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse OpenApi(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Prominent(http::HttpRequest& request, RequestContext& ctx);

  PetitionService& service_;
  CommuneRepository& communes_;
  const Clock& clock_;
  RateLimiter& limiter_;
  InsightService* insight_ = nullptr;
  CaseService* cases_ = nullptr;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_PETITION_API_H_
