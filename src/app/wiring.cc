#include "app/wiring.h"

#include <sodium.h>

#include <cassert>

#include "adapters/storage/open_database.h"
#include "adapters/web/dispatch.h"
#include "adapters/web/responses.h"
#include "app/calendar_data.h"
#include "app/petition_rules_data.h"
#include "app/suggestion_data.h"

namespace doithoai::app {

namespace {

// The vault for `key`, or for a fresh random key when `key` is empty (a
// process-local key: only tests construct an Application without one).
std::unique_ptr<crypto::SodiumIdentityVault> MakeVault(std::string key) {
  if (key.empty()) {
    key.assign(crypto_secretbox_KEYBYTES, '\0');
    randombytes_buf(key.data(), key.size());
  }
  auto vault = crypto::SodiumIdentityVault::FromKey(key);
  // The commands check the key file's content (LoadSecretKey) before they
  // build an Application; a bad key here is a programming error.
  assert(vault.ok());
  return std::move(vault).value();
}

std::string RandomSecret(std::string secret) {
  if (secret.empty()) {
    secret.assign(32, '\0');
    randombytes_buf(secret.data(), secret.size());
  }
  return secret;
}

std::string FilesDir(const sql::Database& db, const AppOptions& options) {
  if (!options.files_dir.empty()) return options.files_dir;
  return storage::SidecarBase(db.Describe()) + ".files";
}

}  // namespace

Application::Application(sql::Database& db, const Clock& clock, Crypto& crypto,
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
      petition_repo_(db),
      vault_(MakeVault(options.secret_key)),
      attachment_store_(FilesDir(db, options), *vault_),
      petition_service_(petition_repo_, communes_, *vault_, attachment_store_, clock, calendar_,
                        LoadPetitionRules().value()),
      job_queue_(db),
      outbox_(db),
      notify_settings_(db),
      case_repo_(db),
      notification_service_(outbox_, notify_settings_, job_queue_, petition_repo_, communes_, clock,
                            calendar_, options.public_url),
      // The lexicon is embedded data checked by suggestion_data_test.
      insight_service_(petition_repo_, case_repo_, communes_, LoadFieldLexicon().value()),
      case_service_(case_repo_, petition_service_, insight_service_),
      conference_day_(conference_repo_, conference_service_, petition_service_, communes_, clock),
      job_runner_(job_queue_, clock, options.worker_id),
      public_limiter_(clock, options.public_rate_limit),
      auth_(accounts_, sessions_, throttle_, crypto, clock, options.auth),
      site_(router_, auth_, options.secure_cookies),
      public_pages_(communes_),
      account_pages_(crypto, clock),
      admin_pages_(communes_, accounts_, audit_reader_, clock),
      roster_pages_(communes_, clock),
      account_admin_pages_(communes_, accounts_, crypto, clock),
      conference_pages_(conference_service_, communes_, clock, options.public_url),
      petition_public_pages_(petition_service_, communes_, clock, crypto, public_limiter_),
      petition_api_(petition_service_, communes_, clock, public_limiter_),
      petition_staff_pages_(petition_service_, communes_, clock, &conference_service_,
                            &insight_service_, &case_service_),
      case_pages_(case_service_, insight_service_, petition_service_, communes_, clock),
      notification_pages_(notification_service_, communes_, clock),
      report_api_(petition_service_, communes_),
      follow_up_pages_(petition_service_, conference_service_, communes_),
      conference_day_api_(conference_day_, conference_service_, petition_service_, communes_, clock,
                          options.public_url) {
  conference_service_.SetRecordSource(&conference_day_);
  // Issue #7 §7: the results notice goes to every village head, and a sent
  // message counts as delivered to that village.
  conference_day_.SetResultsObserver(&notification_service_);
  notification_service_.SetConferenceDay(&conference_day_);
  petition_service_.AddObserver(&insight_service_);
  petition_service_.AddObserver(&notification_service_);
  notification_service_.RegisterHandlers(job_runner_);
  petition_api_.SetInsight(&insight_service_, &case_service_);
  site_.Add("GET", "/healthz", web::Access::kPublic, [](http::HttpRequest&, web::RequestContext&) {
    return web::JsonResponse(200, {{"status", "ok"}});
  });
  public_pages_.Register(site_);
  account_pages_.Register(site_);
  admin_pages_.Register(site_);
  roster_pages_.Register(site_);
  account_admin_pages_.Register(site_);
  conference_pages_.Register(site_);
  petition_public_pages_.Register(site_);
  petition_api_.Register(site_);
  petition_staff_pages_.Register(site_);
  case_pages_.Register(site_);
  notification_pages_.Register(site_);
  report_api_.Register(site_);
  follow_up_pages_.Register(site_);
  conference_day_api_.Register(site_);
}

Status Application::UseTransports(const notify::NotifyConfig& config, const std::string& log_path,
                                  const std::string& webhook_secret, const Clock& clock) {
  ASSIGN_OR_RETURN(transports_,
                   notify::MakeTransports(config, log_path, RandomSecret(webhook_secret), clock));
  std::vector<Transport*> raw;
  for (const auto& t : transports_) {
    raw.push_back(t.get());
  }
  notification_service_.SetTransports(std::move(raw));
  return OkStatus();
}

http::Handler Application::handler() const { return web::MakeDispatcher(router_); }

}  // namespace doithoai::app
