// SqliteNotificationSettings: the NotificationSettingsRepository port on
// SqliteDatabase. One row per commune in table notification_settings
// (migrations/0008_cases_notifications.sql) holding the settings as JSON
// (adapters/json/notify_settings_json.h); no row = the defaults.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQLITE_SQLITE_NOTIFICATION_SETTINGS_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQLITE_SQLITE_NOTIFICATION_SETTINGS_H_

#include "adapters/storage/sqlite/database.h"
#include "core/notifications/notify_settings.h"

namespace doithoai::sqlite {

class SqliteNotificationSettings : public NotificationSettingsRepository {
 public:
  // `db` must be migrated and must outlive the repository.
  explicit SqliteNotificationSettings(SqliteDatabase& db) : db_(db) {}

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
  SqliteDatabase& db_;
};

}  // namespace doithoai::sqlite

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQLITE_SQLITE_NOTIFICATION_SETTINGS_H_
