// Petition pages for citizens (no account, issue #5 §2 and §5): the public
// form (works on a cheap phone; honeypot; per-address rate limit; form token
// against double submission), the receipt with the tracking code, the
// tracking page (public view by code; the detailed view after the phone
// number used is entered; rating the answer), and the public list of
// published answers per commune and per conference. Nothing here ever shows
// a submitter's personal data (CONF-01/02).
#ifndef DOITHOAI_ADAPTERS_WEB_PETITION_PUBLIC_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_PETITION_PUBLIC_PAGES_H_

#include "adapters/web/rate_limiter.h"
#include "adapters/web/site.h"
#include "core/accounts/ports.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/petitions/petition_service.h"

namespace doithoai::web {

class PetitionPublicPages {
 public:
  // `limiter` counts public submissions per client address (0 = off);
  // `crypto` makes form tokens.
  PetitionPublicPages(PetitionService& service, CommuneRepository& communes, const Clock& clock,
                      Crypto& crypto, RateLimiter& limiter)
      : service_(service), communes_(communes), clock_(clock), crypto_(crypto), limiter_(limiter) {}
  // GET/POST /x/{slug}/gui-kien-nghi, GET /tra-cuu, GET/POST /tra-cuu/{code},
  // POST /tra-cuu/{code}/danh-gia, GET /x/{slug}/tra-loi.
  void Register(Site& site);

 private:
  http::HttpResponse Form(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Submit(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse TrackForm(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Track(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse TrackWithPhone(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Rate(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Answers(http::HttpRequest& request, RequestContext& ctx);

  PetitionService& service_;
  CommuneRepository& communes_;
  const Clock& clock_;
  Crypto& crypto_;
  RateLimiter& limiter_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_PETITION_PUBLIC_PAGES_H_
