// Staff pages for a commune's reference data (issue #3 §7): the dashboard
// of villages, units, officials and accounts, forms to add villages, units
// and officials, and the matching JSON API. Every route checks
// CommunePermissions; another commune's pages answer 404.
#ifndef DOITHOAI_ADAPTERS_WEB_ADMIN_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_ADMIN_PAGES_H_

#include "adapters/web/site.h"
#include "core/accounts/ports.h"
#include "core/audit/audit_reader.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"

namespace doithoai::web {

class AdminPages {
 public:
  AdminPages(CommuneRepository& communes, AccountRepository& accounts, AuditReader& audit,
             const Clock& clock)
      : communes_(communes), accounts_(accounts), audit_(audit), clock_(clock) {}
  void Register(Site& site);

 private:
  http::HttpResponse Index(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Dashboard(http::HttpRequest& request, RequestContext& ctx,
                               const std::string& notice);
  http::HttpResponse AddVillage(http::HttpRequest& request, RequestContext& ctx, bool json);
  http::HttpResponse AddUnit(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse AddOfficial(http::HttpRequest& request, RequestContext& ctx);
  // POST /quan-tri/{slug}/{thon|bo-phan|can-bo}/{id}: edit one row.
  http::HttpResponse EditVillage(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse EditUnit(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse EditOfficial(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse ListVillagesJson(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse AuditLog(http::HttpRequest& request, RequestContext& ctx);

  CommuneRepository& communes_;
  AccountRepository& accounts_;
  AuditReader& audit_;
  const Clock& clock_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_ADMIN_PAGES_H_
