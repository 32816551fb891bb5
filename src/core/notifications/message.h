// The notification outbox (issue #6 §4): every message the system sends —
// to a citizen (receipt, answer, please rate) or to an official (daily
// digest, escalation) — is first stored here with its delivery state, then
// handed to a Transport by the "notify.send" job. Staff see what was sent to
// whom on the outbox page.
//
// CONF-01/CONF-02: a message never carries a denouncer's identity unless it
// goes to the denunciation handler; the planner (notification_planner.h)
// builds bodies with the pseudonym, and the recipient of a citizen message
// about a sealed petition is never written in clear in the outbox (it is
// sent to nobody but recorded as withheld).
#ifndef DOITHOAI_CORE_NOTIFICATIONS_MESSAGE_H_
#define DOITHOAI_CORE_NOTIFICATIONS_MESSAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/result.h"

namespace doithoai {

using MessageId = Id<struct MessageTag>;

// How a message reaches its recipient. kSms and kZalo go out through the
// webhook (an SMS gateway or a Zalo OA relay), kEmail through SMTP; every
// transport-less setup writes to the log.
enum class MessageChannel { kSms, kEmail, kZalo };
std::string_view MessageChannelCode(MessageChannel v);  // "sms", "email", "zalo"
Result<MessageChannel> ParseMessageChannel(std::string_view code);

enum class DeliveryState {
  kQueued,    // waiting to be sent (first attempt)
  kSent,      // accepted by the transport
  kRetrying,  // an attempt failed (last_error); another is planned at next_attempt_at
  kFailed,    // gave up after the last attempt, or no transport can carry it
  kWithheld,  // not sent on purpose (e.g. a citizen message about a tố cáo, CONF-01)
};
std::string_view DeliveryStateCode(DeliveryState v);  // "queued", "sent", …
Result<DeliveryState> ParseDeliveryState(std::string_view code);
std::string_view DeliveryStateLabel(DeliveryState v);  // "Đang chờ gửi", "Đã gửi", …

struct OutboxMessage {
  MessageId id;
  CommuneId commune_id;
  std::string event;  // template key: "petition.received", "reminder.digest", …
  MessageChannel channel = MessageChannel::kSms;
  // "citizen" | "official" | "chairman"
  std::string recipient_kind;
  std::string recipient_name;  // display name (a pseudonym for a denouncer)
  std::string address;         // phone "0912345678" or e-mail; "" when withheld
  std::optional<OfficialId> official_id;
  std::string petition_code;  // the petition it is about, "" for a digest
  // What else it is about: "results:<conference>:<village>" (the results
  // notice to a village head, issue #7 §7); "" otherwise.
  std::string topic;
  std::string subject;  // e-mail subject; also the first line of an SMS
  std::string body;     // plain text, Vietnamese, NFC
  DeliveryState state = DeliveryState::kQueued;
  int attempts = 0;
  std::string last_error;  // Vietnamese reason of the last failure
  std::string transport;   // name of the transport that sent it ("webhook", "smtp", "log")
  Timestamp created_at{};
  Timestamp sent_at{};
  Timestamp next_attempt_at{};
};

// Storage port of the outbox.
class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  // Stores the messages (id, state, created_at set) and, in the same
  // transaction, one "notify.send" job per message that is not withheld
  // (fingerprint "message:<id>", run_at = now). Returns them with ids.
  virtual Result<std::vector<OutboxMessage>> Enqueue(std::vector<OutboxMessage> messages,
                                                     Timestamp now) = 0;
  virtual Result<OutboxMessage> Find(CommuneId commune, MessageId id) = 0;
  // A delivery attempt's outcome: sent (with the transport's name), or an
  // error, retrying at `next_attempt_at` or failed for good.
  virtual Status MarkSent(CommuneId commune, MessageId id, std::string_view transport,
                          Timestamp at) = 0;
  virtual Status MarkFailed(CommuneId commune, MessageId id, std::string_view reason,
                            bool will_retry, Timestamp next_attempt_at) = 0;

  struct Query {
    std::optional<DeliveryState> state;
    std::string petition_code;  // "" = all
    int offset = 0;
    int limit = 50;
  };
  struct Page {
    std::vector<OutboxMessage> items;  // newest first
    int64_t total = 0;
  };
  virtual Result<Page> List(CommuneId commune, const Query& query) = 0;
};

// A way out: log file, SMTP e-mail, HTTP webhook (adapters/notify). Send is
// called from the job worker, never from a request: a slow or unreachable
// server delays messages, not requests.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual std::string_view name() const = 0;  // "log", "smtp", "webhook"
  // Whether this transport carries messages of `channel`.
  virtual bool Accepts(MessageChannel channel) const = 0;
  // Delivers one message; kUnavailable (Vietnamese reason, e.g. "Máy chủ
  // webhook trả lời 500") when it should be retried.
  virtual Status Send(const OutboxMessage& message) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_NOTIFICATIONS_MESSAGE_H_
