// Message templates of the notification module (issue #6 §4): one per event,
// in Vietnamese, with {placeholders}. Every commune may override the subject
// and body of any event on its notification settings page; a template that
// uses a placeholder its event does not define is refused when saved (so a
// typo never reaches a citizen as a literal "{ma_dn}").
#ifndef DOITHOAI_CORE_NOTIFICATIONS_TEMPLATES_H_
#define DOITHOAI_CORE_NOTIFICATIONS_TEMPLATES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace doithoai {

// Template keys (OutboxMessage::event).
inline constexpr std::string_view kEventReceived = "petition.received";
inline constexpr std::string_view kEventAssigned = "petition.assigned";
inline constexpr std::string_view kEventAnswered = "petition.answered";
inline constexpr std::string_view kEventRateRequest = "petition.rate_request";
inline constexpr std::string_view kEventDigest = "reminder.digest";
inline constexpr std::string_view kEventEscalation = "reminder.escalation";
inline constexpr std::string_view kEventResultsNotice = "conference.results_notice";

struct MessageTemplate {
  std::string event;
  std::string subject;
  std::string body;
  bool operator==(const MessageTemplate&) const = default;
};

// What an event is and which placeholders it offers (for the settings page).
struct EventInfo {
  std::string_view event;
  std::string_view label;                      // "Đã nhận đơn (gửi công dân)"
  std::vector<std::string_view> placeholders;  // without braces: "ma_don", …
};
const std::vector<EventInfo>& NotificationEvents();
// nullptr for an unknown event key.
const EventInfo* FindEvent(std::string_view event);

// The built-in template of `event` (NotificationEvents() lists them all).
MessageTemplate DefaultTemplate(std::string_view event);

// The placeholders used in `text` ("{ma_don}" → "ma_don"), in order, without
// duplicates. kInvalidArgument for an unclosed "{" or an empty "{}".
Result<std::vector<std::string>> Placeholders(std::string_view text);

// Checks a commune's template: a known event, a body of 1..1000 characters,
// a subject of at most 200, and only the event's placeholders — every problem
// as a FieldError on "subject" or "body" with a Vietnamese message naming the
// unknown placeholder and listing the valid ones.
Status ValidateTemplate(const MessageTemplate& t);

// Replaces each {name} by values[name] (a missing value renders as "").
// Assumes ValidateTemplate passed; an unclosed brace is copied as is.
std::string RenderTemplate(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_NOTIFICATIONS_TEMPLATES_H_
