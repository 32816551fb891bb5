#include "adapters/storage/sql/notification_settings.h"

#include <string>

#include "adapters/json/notify_settings_json.h"
#include "adapters/storage/sql/audit_log.h"

namespace doithoai::sql {

Result<NotificationSettings> SqlNotificationSettings::Load(CommuneId commune) {
  return db_.Read<NotificationSettings>([commune](Connection& c) -> Result<NotificationSettings> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare("SELECT data FROM notification_settings WHERE commune_id = ?"));
    stmt.Bind(1, commune.value);
    ASSIGN_OR_RETURN(bool found, stmt.Step());
    if (!found) return NotificationSettings{};
    Result<NotificationSettings> settings = json::NotificationSettingsFromJson(stmt.ColumnText(0));
    if (!settings.ok()) {
      return MakeError(ErrorCode::kInternal, "Cấu hình thông báo trong cơ sở dữ liệu bị hỏng: " +
                                                 settings.error().message);
    }
    return settings;
  });
}

Status SqlNotificationSettings::Save(CommuneId commune, const NotificationSettings& settings,
                                     const AuditContext& ctx) {
  const std::string data = json::NotificationSettingsToJson(settings);
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement exists, c.Prepare("SELECT 1 FROM communes WHERE id = ?"));
    exists.Bind(1, commune.value);
    ASSIGN_OR_RETURN(bool found, exists.Step());
    if (!found) {
      return MakeError(ErrorCode::kNotFound,
                       "Không tìm thấy xã có mã số " + std::to_string(commune.value));
    }
    ASSIGN_OR_RETURN(Statement old,
                     c.Prepare("SELECT data FROM notification_settings WHERE commune_id = ?"));
    old.Bind(1, commune.value);
    ASSIGN_OR_RETURN(bool had, old.Step());
    const std::string before = had ? old.ColumnText(0) : "";
    ASSIGN_OR_RETURN(Statement upsert,
                     c.Prepare("INSERT INTO notification_settings (commune_id, data) "
                               "VALUES (?1, ?2) "
                               "ON CONFLICT (commune_id) DO UPDATE SET data = excluded.data"));
    upsert.Bind(1, commune.value).Bind(2, data);
    RETURN_IF_ERROR(upsert.Run());
    AuditContext scoped = ctx;
    scoped.commune = commune;
    return AppendAudit(c, MakeAuditEntry(scoped, "notification.settings", "notification_settings",
                                         std::to_string(commune.value), before, data));
  });
}

}  // namespace doithoai::sql
