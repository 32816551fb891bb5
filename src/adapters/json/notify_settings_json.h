// The JSON form of NotificationSettings: the storage form (column `data` of
// table notification_settings, migrations/0008_cases_notifications.sql).
// Keys are snake_case field names, channels their codes ("sms", "email",
// "zalo"), ids plain numbers, the chairman null when unset:
//
//   {"contacts": [{"official_id": 3, "phone": "0912345678", "email": "",
//                  "channel": "sms"}],
//    "chairman_id": null, "escalate_after_days": 5,
//    "notify_citizen_on_assign": false, "rate_request_after_days": 2,
//    "templates": [{"event": "petition.received", "subject": "…",
//                   "body": "…"}]}
#ifndef DOITHOAI_ADAPTERS_JSON_NOTIFY_SETTINGS_JSON_H_
#define DOITHOAI_ADAPTERS_JSON_NOTIFY_SETTINGS_JSON_H_

#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/notifications/notify_settings.h"

namespace doithoai::json {

// Every field of `settings`.
std::string NotificationSettingsToJson(const NotificationSettings& settings);

// The inverse of NotificationSettingsToJson. A missing key keeps the field's
// default (NotificationSettings{}) and unknown keys are ignored. Text that is
// not JSON, or a key of the wrong type or value, is stored data gone bad:
// kInternal with a Vietnamese message naming the key path. Never throws. Does
// not validate the settings (see ValidateNotificationSettings).
Result<NotificationSettings> NotificationSettingsFromJson(std::string_view text);

}  // namespace doithoai::json

#endif  // DOITHOAI_ADAPTERS_JSON_NOTIFY_SETTINGS_JSON_H_
