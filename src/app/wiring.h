// Application: builds the running system from its adapters — SQLite
// repositories, the authenticator, and every page and API route on one Site.
// The server, the CLI's demo loader and the route-access test all use it, so
// they see exactly the same routes.
#ifndef DOITHOAI_APP_WIRING_H_
#define DOITHOAI_APP_WIRING_H_

#include <memory>

#include "adapters/crypto/sodium_identity_vault.h"
#include "adapters/http/router.h"
#include "adapters/http/server.h"
#include "adapters/notify/notify_config.h"
#include "adapters/storage/files/file_attachment_store.h"
#include "adapters/storage/sql/account_store.h"
#include "adapters/storage/sql/audit_log.h"
#include "adapters/storage/sql/case_repository.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sql/conference_repository.h"
#include "adapters/storage/sql/database.h"
#include "adapters/storage/sql/job_queue.h"
#include "adapters/storage/sql/notification_settings.h"
#include "adapters/storage/sql/outbox.h"
#include "adapters/storage/sql/petition_repository.h"
#include "adapters/web/account_admin_pages.h"
#include "adapters/web/account_pages.h"
#include "adapters/web/admin_pages.h"
#include "adapters/web/case_pages.h"
#include "adapters/web/conference_day_api.h"
#include "adapters/web/conference_pages.h"
#include "adapters/web/follow_up_pages.h"
#include "adapters/web/notification_pages.h"
#include "adapters/web/petition_api.h"
#include "adapters/web/petition_public_pages.h"
#include "adapters/web/petition_staff_pages.h"
#include "adapters/web/public_pages.h"
#include "adapters/web/rate_limiter.h"
#include "adapters/web/report_api.h"
#include "adapters/web/roster_pages.h"
#include "adapters/web/site.h"
#include "core/accounts/authenticator.h"
#include "core/calendar/working_calendar.h"
#include "core/conferences/conference_service.h"
#include "core/jobs/job_runner.h"
#include "core/notifications/notification_service.h"
#include "core/petitions/case_service.h"
#include "core/petitions/insight_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::app {

struct AppOptions {
  bool secure_cookies = false;
  std::string public_url;  // see ServeConfig::public_url
  AuthPolicies auth;
  // Public petition submissions per minute per client address (form and
  // API); 0 = no limit (`serve --public-rate-limit N`).
  int public_rate_limit = 10;
  // The 32-byte key that seals denouncers' identities (CONF-01), loaded from
  // the key file by the commands (LoadSecretKey); never in the database.
  // Empty: a random key for this process only (tests).
  std::string secret_key;
  // Where attachments are stored by content hash; empty = "<db path>.files".
  std::string files_dir;
  // Names this process in job claims (several servers share one database).
  std::string worker_id = "app";
};

class Application {
 public:
  Application(sql::Database& db, const Clock& clock, Crypto& crypto,
              const AppOptions& options = {});
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Builds the notification transports (`serve --notify`, the log at
  // `log_path` last) and hands them to the notification service. Without a
  // call, messages stay queued. `webhook_secret` is the HMAC key of webhook
  // signatures (empty = a random key for this process, tests).
  Status UseTransports(const notify::NotifyConfig& config, const std::string& log_path,
                       const std::string& webhook_secret, const Clock& clock);

  // The request handler for the HTTP server (valid while this lives).
  http::Handler handler() const;
  const web::Site& site() const { return site_; }
  CommuneRepository& communes() { return communes_; }
  AccountRepository& accounts() { return accounts_; }
  Authenticator& auth() { return auth_; }
  ConferenceService& conferences() { return conference_service_; }
  PetitionService& petitions() { return petition_service_; }
  NotificationService& notifications() { return notification_service_; }
  InsightService& insight() { return insight_service_; }
  CaseService& cases() { return case_service_; }
  ConferenceDay& conference_day() { return conference_day_; }
  JobRunner& job_runner() { return job_runner_; }
  JobQueue& job_queue() { return job_queue_; }
  OutboxRepository& outbox() { return outbox_; }

 private:
  sql::SqlCommuneRepository communes_;
  sql::SqlAccountRepository accounts_;
  sql::SqlSessionStore sessions_;
  sql::SqlThrottleStore throttle_;
  sql::SqlAuditReader audit_reader_;
  sql::SqlConferenceRepository conference_repo_;
  WorkingCalendar calendar_;  // embedded data/calendar, validated by tests
  ConferenceService conference_service_;
  sql::SqlPetitionRepository petition_repo_;
  std::unique_ptr<crypto::SodiumIdentityVault> vault_;
  files::FileAttachmentStore attachment_store_;
  PetitionService petition_service_;
  sql::SqlJobQueue job_queue_;
  sql::SqlOutbox outbox_;
  sql::SqlNotificationSettings notify_settings_;
  sql::SqlCaseRepository case_repo_;
  NotificationService notification_service_;
  InsightService insight_service_;
  CaseService case_service_;
  ConferenceDay conference_day_;
  std::vector<std::unique_ptr<Transport>> transports_;
  JobRunner job_runner_;
  web::RateLimiter public_limiter_;
  Authenticator auth_;
  http::Router router_;
  web::Site site_;
  web::PublicPages public_pages_;
  web::AccountPages account_pages_;
  web::AdminPages admin_pages_;
  web::RosterPages roster_pages_;
  web::AccountAdminPages account_admin_pages_;
  web::ConferencePages conference_pages_;
  web::PetitionPublicPages petition_public_pages_;
  web::PetitionApi petition_api_;
  web::PetitionStaffPages petition_staff_pages_;
  web::CasePages case_pages_;
  web::NotificationPages notification_pages_;
  web::ReportApi report_api_;
  web::FollowUpPages follow_up_pages_;
  web::ConferenceDayApi conference_day_api_;
};

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_WIRING_H_
