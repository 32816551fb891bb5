// The public pages (no account): the home page and each commune's page.
// GET / shows the commune's page directly when the installation serves one
// commune (the usual case on a commune PC), else the list of communes.
#ifndef DOITHOAI_ADAPTERS_WEB_PUBLIC_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_PUBLIC_PAGES_H_

#include "adapters/web/site.h"
#include "core/communes/commune_repository.h"

namespace doithoai::web {

class PublicPages {
 public:
  explicit PublicPages(CommuneRepository& communes) : communes_(communes) {}

  // Adds GET /, GET /x/{slug}, GET /healthz and GET /static/{path*}.
  void Register(Site& site);

  http::HttpResponse Home(http::HttpRequest& request);
  http::HttpResponse CommuneHome(http::HttpRequest& request);

 private:
  http::HttpResponse RenderCommune(const http::HttpRequest& request, const Commune& commune);
  CommuneRepository& communes_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_PUBLIC_PAGES_H_
