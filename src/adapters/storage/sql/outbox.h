// SqlOutbox: the notification outbox in SQLite (schema in
// migrations/0007_jobs_outbox.sql). Enqueue stores the messages and their
// "notify.send" jobs in one transaction, so a message is never stored without
// the job that sends it, nor a job without its message. Every query filters
// on commune_id: a message of another commune reads as missing.
// Thread-safe, as Database is.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_OUTBOX_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_OUTBOX_H_

#include <string_view>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/notifications/message.h"

namespace doithoai::sql {

class SqlOutbox : public OutboxRepository {
 public:
  // The job that sends a message: kind kSendJobKind, fingerprint and subject
  // "message:<id>", payload {"message_id":<id>}, kSendJobMaxAttempts.
  static constexpr const char* kSendJobKind = "notify.send";
  static constexpr int kSendJobMaxAttempts = 8;

  explicit SqlOutbox(Database& db) : db_(db) {}

  // A withheld message keeps state kWithheld, gets no address (CONF-01) and no
  // job; every other message is stored as kQueued with next_attempt_at = now.
  Result<std::vector<OutboxMessage>> Enqueue(std::vector<OutboxMessage> messages,
                                             Timestamp now) override;
  Result<OutboxMessage> Find(CommuneId commune, MessageId id) override;
  // Both add one attempt; kFailedPrecondition for a message already sent or
  // withheld.
  Status MarkSent(CommuneId commune, MessageId id, std::string_view transport,
                  Timestamp at) override;
  Status MarkFailed(CommuneId commune, MessageId id, std::string_view reason, bool will_retry,
                    Timestamp next_attempt_at) override;
  Result<Page> List(CommuneId commune, const Query& query) override;

 private:
  Database& db_;
};

// OutboxRepository::Enqueue on `c`, inside a write transaction the caller
// already holds (Database::Write), so messages can be stored atomically
// with the change that causes them.
Result<std::vector<OutboxMessage>> EnqueueMessagesIn(Connection& c,
                                                     std::vector<OutboxMessage> messages,
                                                     Timestamp now);

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_OUTBOX_H_
