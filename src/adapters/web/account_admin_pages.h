// A commune administrator's account management (issue #3 §3, §7): create an
// account for a commune role, lock/unlock it (locking ends its sessions), and
// reset its password. Scoped to the administrator's commune: an account of
// another commune is "not found".
#ifndef DOITHOAI_ADAPTERS_WEB_ACCOUNT_ADMIN_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_ACCOUNT_ADMIN_PAGES_H_

#include <utility>

#include "adapters/web/site.h"
#include "core/accounts/ports.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"

namespace doithoai::web {

class AccountAdminPages {
 public:
  AccountAdminPages(CommuneRepository& communes, AccountRepository& accounts, Crypto& crypto,
                    const Clock& clock)
      : communes_(communes), accounts_(accounts), crypto_(crypto), clock_(clock) {}
  void Register(Site& site);

 private:
  http::HttpResponse Create(Site& site, http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SetLocked(Site& site, http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Reset(Site& site, http::HttpRequest& request, RequestContext& ctx);
  // The commune of {slug} if the actor may manage its accounts.
  Result<Commune> Managed(const http::HttpRequest& request, const RequestContext& ctx,
                          http::HttpResponse* denied);
  Result<AccountId> AccountParam(const http::HttpRequest& request);
  // Managed() plus the {id} account (404 if malformed).
  Result<std::pair<Commune, AccountId>> ManagedAccount(const http::HttpRequest& request,
                                                       const RequestContext& ctx,
                                                       http::HttpResponse* denied);

  CommuneRepository& communes_;
  AccountRepository& accounts_;
  Crypto& crypto_;
  const Clock& clock_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_ACCOUNT_ADMIN_PAGES_H_
