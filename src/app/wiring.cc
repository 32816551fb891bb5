#include "app/wiring.h"

#include "adapters/web/dispatch.h"
#include "adapters/web/responses.h"

namespace doithoai::app {

Application::Application(sqlite::SqliteDatabase& db, const Clock& clock, Crypto& crypto,
                         const AppOptions& options)
    : communes_(db),
      accounts_(db),
      sessions_(db),
      throttle_(db),
      audit_reader_(db),
      auth_(accounts_, sessions_, throttle_, crypto, clock, options.auth),
      site_(router_, auth_, options.secure_cookies),
      public_pages_(communes_),
      account_pages_(crypto, clock),
      admin_pages_(communes_, accounts_, audit_reader_, clock),
      roster_pages_(communes_, clock),
      account_admin_pages_(communes_, accounts_, crypto, clock) {
  site_.Add("GET", "/healthz", web::Access::kPublic, [](http::HttpRequest&, web::RequestContext&) {
    return web::JsonResponse(200, {{"status", "ok"}});
  });
  public_pages_.Register(site_);
  account_pages_.Register(site_);
  admin_pages_.Register(site_);
  roster_pages_.Register(site_);
  account_admin_pages_.Register(site_);
}

http::Handler Application::handler() const { return web::MakeDispatcher(router_); }

}  // namespace doithoai::app
