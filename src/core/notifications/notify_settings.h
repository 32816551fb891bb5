// Per-commune settings of the notification module (issue #6 §3–4, style.md
// habit 6: settings, not subclasses): how to reach each official, who the
// chairman is for escalations, after how many working days overdue an item
// is escalated, whether citizens are told when their petition is assigned,
// and the commune's own wording of each message.
#ifndef DOITHOAI_CORE_NOTIFICATIONS_NOTIFY_SETTINGS_H_
#define DOITHOAI_CORE_NOTIFICATIONS_NOTIFY_SETTINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/notifications/message.h"
#include "core/notifications/templates.h"

namespace doithoai {

// How one official is reached: by SMS/Zalo (phone) or e-mail.
struct OfficialContact {
  OfficialId official_id;
  std::string phone;                              // normalised "0912345678"; "" = none
  std::string email;                              // "" = none
  MessageChannel channel = MessageChannel::kSms;  // the preferred one
  bool operator==(const OfficialContact&) const = default;
};

// How a village head (trưởng thôn) is reached: the results notice of a
// conference goes to every village head (DLG-08, issue #7 §7).
struct VillageHeadContact {
  VillageId village_id;
  std::string name;                               // "Ông Lê Văn Tám"; "" = "Trưởng thôn"
  std::string phone;                              // normalised; "" = none
  std::string email;                              // "" = none
  MessageChannel channel = MessageChannel::kSms;  // the preferred one
  bool operator==(const VillageHeadContact&) const = default;
};

struct NotificationSettings {
  std::vector<OfficialContact> contacts;
  std::vector<VillageHeadContact> village_heads;
  // Receives escalations; empty = the first official whose position starts
  // with "Chủ tịch" (folded).
  std::optional<OfficialId> chairman_id;
  int escalate_after_days = 5;  // working days past the deadline (1..60)
  bool notify_citizen_on_assign = false;
  // Working days after an answer before the citizen is asked to rate (0..30).
  int rate_request_after_days = 2;
  std::vector<MessageTemplate> templates;  // overrides; missing events use DefaultTemplate

  // The commune's template of `event` (its override or the built-in one).
  MessageTemplate TemplateFor(std::string_view event) const;
  const OfficialContact* ContactOf(OfficialId id) const;
  const VillageHeadContact* VillageHeadOf(VillageId id) const;
};

// Checks ranges, contacts (phone or e-mail present and well-formed for the
// chosen channel) and every template (ValidateTemplate); all problems as
// Vietnamese FieldErrors.
Status ValidateNotificationSettings(const NotificationSettings& settings);

class NotificationSettingsRepository {
 public:
  virtual ~NotificationSettingsRepository() = default;
  // Defaults when the commune never saved any.
  virtual Result<NotificationSettings> Load(CommuneId commune) = 0;
  // Audited ("notification.settings").
  virtual Status Save(CommuneId commune, const NotificationSettings& settings,
                      const AuditContext& ctx) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_NOTIFICATIONS_NOTIFY_SETTINGS_H_
