// Builds the outbox messages of each event (issue #6 §4) from the commune's
// templates. Pure.
//
// Secrecy (CONF-01, CONF-02, issue #6 §5): no message body carries a
// submitter's name, phone, address or id number — the templates offer no
// such placeholder, and officials' messages name petitions by code only. A
// message to the citizen of a petition whose identity is sealed (tố cáo) is
// withheld: its recipient (the denouncer's phone) would otherwise leave the
// system in a webhook body, an SMTP envelope or a log line. The handler
// informs the denouncer directly.
#ifndef DOITHOAI_CORE_NOTIFICATIONS_NOTIFICATION_PLANNER_H_
#define DOITHOAI_CORE_NOTIFICATIONS_NOTIFICATION_PLANNER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/communes/commune.h"
#include "core/conferences/conference_day.h"
#include "core/notifications/message.h"
#include "core/notifications/notify_settings.h"
#include "core/notifications/reminder_planner.h"
#include "core/petitions/classification.h"
#include "core/petitions/petition.h"

namespace doithoai {

// What rendering needs besides the petition.
struct MessageContext {
  Commune commune;
  std::vector<Unit> units;
  std::vector<PetitionField> fields;
  NotificationSettings settings;
  std::string public_url;  // "https://xa.example.vn" or "" (relative links)
  Timestamp now{};
};

// The public tracking address of a petition: <public_url>/tra-cuu/<code> (FB-01).
std::string TrackingUrl(const MessageContext& ctx, std::string_view code);

inline constexpr std::string_view kWithheldReason =
    "Đơn có nội dung tố cáo: không gửi tin ra ngoài để giữ bí mật người tố cáo (CONF-01); "
    "cán bộ thụ lý thông báo trực tiếp";

// The message to the citizen about `event` (kEventReceived, kEventAssigned,
// kEventAnswered, kEventRateRequest) for item `item` (0 = the petition):
// nothing when the petition has no phone; withheld when its identity is
// sealed.
std::optional<OutboxMessage> CitizenMessage(const Petition& petition, std::string_view event,
                                            int item, const MessageContext& ctx);

// One official's daily digest; the address comes from the settings'
// contacts ("" when the official has none: the send job fails with a reason).
OutboxMessage DigestMessage(const Digest& digest, const Official& official, Date day,
                            const MessageContext& ctx);

// The escalation of one long-overdue item to the chairman.
OutboxMessage EscalationMessage(const ItemReminder& reminder, const Official& chairman,
                                const MessageContext& ctx);

// The results notice to the head of `village` (DLG-08, issue #7 §7), with
// the topic that marks it delivered when sent; the address comes from the
// settings' village heads ("" when unknown: the send job fails with a reason
// the outbox page shows).
OutboxMessage VillageHeadMessage(const ResultsNoticeEvent& event, const Village& village,
                                 const MessageContext& ctx);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_NOTIFICATIONS_NOTIFICATION_PLANNER_H_
