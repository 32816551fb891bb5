// Application: builds the running system from its adapters — SQLite
// repositories, the authenticator, and every page and API route on one Site.
// The server, the CLI's demo loader and the route-access test all use it, so
// they see exactly the same routes.
#ifndef DOITHOAI_APP_WIRING_H_
#define DOITHOAI_APP_WIRING_H_

#include <memory>

#include "adapters/http/router.h"
#include "adapters/http/server.h"
#include "adapters/storage/sqlite/audit_log.h"
#include "adapters/storage/sqlite/database.h"
#include "adapters/storage/sqlite/sqlite_account_store.h"
#include "adapters/storage/sqlite/sqlite_commune_repository.h"
#include "adapters/storage/sqlite/sqlite_conference_repository.h"
#include "adapters/web/account_admin_pages.h"
#include "adapters/web/account_pages.h"
#include "adapters/web/admin_pages.h"
#include "adapters/web/conference_pages.h"
#include "adapters/web/public_pages.h"
#include "adapters/web/roster_pages.h"
#include "adapters/web/site.h"
#include "core/accounts/authenticator.h"
#include "core/calendar/working_calendar.h"
#include "core/conferences/conference_service.h"

namespace doithoai::app {

struct AppOptions {
  bool secure_cookies = false;
  std::string public_url;  // see ServeConfig::public_url
  AuthPolicies auth;
};

class Application {
 public:
  Application(sqlite::SqliteDatabase& db, const Clock& clock, Crypto& crypto,
              const AppOptions& options = {});
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // The request handler for the HTTP server (valid while this lives).
  http::Handler handler() const;
  const web::Site& site() const { return site_; }
  CommuneRepository& communes() { return communes_; }
  AccountRepository& accounts() { return accounts_; }
  Authenticator& auth() { return auth_; }
  ConferenceService& conferences() { return conference_service_; }

 private:
  sqlite::SqliteCommuneRepository communes_;
  sqlite::SqliteAccountRepository accounts_;
  sqlite::SqliteSessionStore sessions_;
  sqlite::SqliteThrottleStore throttle_;
  sqlite::SqliteAuditReader audit_reader_;
  sqlite::SqliteConferenceRepository conference_repo_;
  WorkingCalendar calendar_;  // embedded data/calendar, validated by tests
  ConferenceService conference_service_;
  Authenticator auth_;
  http::Router router_;
  web::Site site_;
  web::PublicPages public_pages_;
  web::AccountPages account_pages_;
  web::AdminPages admin_pages_;
  web::RosterPages roster_pages_;
  web::AccountAdminPages account_admin_pages_;
  web::ConferencePages conference_pages_;
};

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_WIRING_H_
