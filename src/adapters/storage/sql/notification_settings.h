// SqlNotificationSettings: the NotificationSettingsRepository port on
// Database. One row per commune in table notification_settings
// (migrations/0008_cases_notifications.sql) holding the settings as JSON
// (adapters/json/notify_settings_json.h); no row = the defaults.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_NOTIFICATION_SETTINGS_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_NOTIFICATION_SETTINGS_H_

#include "adapters/storage/sql/database.h"
#include "core/notifications/notify_settings.h"

namespace doithoai::sql {

class SqlNotificationSettings : public NotificationSettingsRepository {
 public:
  // `db` must be migrated and must outlive the repository.
  explicit SqlNotificationSettings(Database& db) : db_(db) {}

  // NotificationSettings{} when the commune saved none; kInternal when the
  // stored JSON is damaged.
  Result<NotificationSettings> Load(CommuneId commune) override;
  // Replaces the commune's settings and appends the audit row
  // "notification.settings" (object "notification_settings", the commune
  // id; before = the previous JSON or "", after = the new JSON) in the same
  // transaction. Does not validate (the service runs
  // ValidateNotificationSettings); kNotFound for a missing commune.
  Status Save(CommuneId commune, const NotificationSettings& settings,
              const AuditContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_NOTIFICATION_SETTINGS_H_
