#include "app/wiring.h"

#include "adapters/web/dispatch.h"
#include "adapters/web/responses.h"
#include "app/calendar_data.h"

namespace doithoai::app {

Application::Application(sqlite::SqliteDatabase& db, const Clock& clock, Crypto& crypto,
                         const AppOptions& options)
    : communes_(db),
      accounts_(db),
      sessions_(db),
      throttle_(db),
      audit_reader_(db),
      conference_repo_(db),
      // The calendar and rule sets are embedded data checked by
      // calendar_data_test; failing to load them is a build defect.
      calendar_(LoadVietnamCalendar().value()),
      conference_service_(conference_repo_, communes_, clock, calendar_, LoadRuleSets().value(),
                          [&crypto] { return crypto.NewToken(); }),
      auth_(accounts_, sessions_, throttle_, crypto, clock, options.auth),
      site_(router_, auth_, options.secure_cookies),
      public_pages_(communes_),
      account_pages_(crypto, clock),
      admin_pages_(communes_, accounts_, audit_reader_, clock),
      roster_pages_(communes_, clock),
      account_admin_pages_(communes_, accounts_, crypto, clock),
      conference_pages_(conference_service_, communes_, clock, options.public_url) {
  site_.Add("GET", "/healthz", web::Access::kPublic, [](http::HttpRequest&, web::RequestContext&) {
    return web::JsonResponse(200, {{"status", "ok"}});
  });
  public_pages_.Register(site_);
  account_pages_.Register(site_);
  admin_pages_.Register(site_);
  roster_pages_.Register(site_);
  account_admin_pages_.Register(site_);
  conference_pages_.Register(site_);
}

http::Handler Application::handler() const { return web::MakeDispatcher(router_); }

}  // namespace doithoai::app
