// SqlOutbox: messages in `outbox_messages`, their send jobs in `jobs`
// (migrations/0007_jobs_outbox.sql).
#include "adapters/storage/sql/outbox.h"

#include <algorithm>
#include <string>
#include <utility>

#include "adapters/storage/sql/job_queue.h"
#include "core/jobs/job.h"

namespace doithoai::sql {

namespace {

constexpr const char* kMessageNotFound = "Không tìm thấy tin nhắn.";
constexpr int kMaxPageSize = 500;

constexpr const char* kMessageColumns =
    "SELECT id, commune_id, event, channel, recipient_kind, recipient_name, address, "
    "official_id, petition_code, subject, body, state, attempts, last_error, transport, "
    "created_at, sent_at, next_attempt_at, topic FROM outbox_messages ";

int64_t Millis(Timestamp t) { return t.time_since_epoch().count(); }

Timestamp TimeColumn(const Statement& row, int col) {
  if (row.ColumnIsNull(col)) {
    return Timestamp{};
  }
  return Timestamp(std::chrono::milliseconds(row.ColumnInt(col)));
}

// Binds `t`, or NULL when it is unset.
void BindTime(Statement& stmt, int index, Timestamp t) {
  if (t == Timestamp{}) {
    stmt.BindNull(index);
  } else {
    stmt.Bind(index, Millis(t));
  }
}

Error Corrupt(int64_t id, const Error& error) {
  return MakeError(ErrorCode::kInternal,
                   "Dữ liệu tin nhắn mã số " + std::to_string(id) + " bị hỏng: " + error.message);
}

// Reads a row of kMessageColumns.
Result<OutboxMessage> MessageFromRow(const Statement& row) {
  OutboxMessage m;
  m.id = MessageId{row.ColumnInt(0)};
  m.commune_id = CommuneId{row.ColumnInt(1)};
  m.event = row.ColumnText(2);
  Result<MessageChannel> channel = ParseMessageChannel(row.ColumnText(3));
  if (!channel.ok()) {
    return Corrupt(m.id.value, channel.error());
  }
  m.channel = *channel;
  m.recipient_kind = row.ColumnText(4);
  m.recipient_name = row.ColumnText(5);
  m.address = row.ColumnText(6);
  if (!row.ColumnIsNull(7)) {
    m.official_id = OfficialId{row.ColumnInt(7)};
  }
  m.petition_code = row.ColumnText(8);
  m.subject = row.ColumnText(9);
  m.body = row.ColumnText(10);
  Result<DeliveryState> state = ParseDeliveryState(row.ColumnText(11));
  if (!state.ok()) {
    return Corrupt(m.id.value, state.error());
  }
  m.state = *state;
  m.attempts = static_cast<int>(row.ColumnInt(12));
  m.last_error = row.ColumnText(13);
  m.transport = row.ColumnText(14);
  m.created_at = TimeColumn(row, 15);
  m.sent_at = TimeColumn(row, 16);
  m.next_attempt_at = TimeColumn(row, 17);
  m.topic = row.ColumnText(18);
  return m;
}

Result<OutboxMessage> LoadMessage(Connection& c, CommuneId commune, MessageId id) {
  ASSIGN_OR_RETURN(Statement stmt,
                   c.Prepare(std::string(kMessageColumns) + "WHERE id = ?1 AND commune_id = ?2"));
  stmt.Bind(1, id.value).Bind(2, commune.value);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) {
    return MakeError(ErrorCode::kNotFound, kMessageNotFound);
  }
  return MessageFromRow(stmt);
}

Status CheckNewMessage(const OutboxMessage& m) {
  if (!m.commune_id.valid()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tin nhắn phải thuộc một xã.");
  }
  if (m.event.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tin nhắn cần có loại sự kiện.");
  }
  if (m.recipient_kind != "citizen" && m.recipient_kind != "official" &&
      m.recipient_kind != "chairman") {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Loại người nhận không hợp lệ: “" + m.recipient_kind + "”");
  }
  return OkStatus();
}

// kFailedPrecondition unless message `id` of `commune` may still record a
// delivery attempt (not sent, not withheld).
Status RequireDeliverable(Connection& c, CommuneId commune, MessageId id) {
  ASSIGN_OR_RETURN(OutboxMessage m, LoadMessage(c, commune, id));
  if (m.state == DeliveryState::kSent) {
    return MakeError(ErrorCode::kFailedPrecondition, "Tin nhắn đã được gửi.");
  }
  if (m.state == DeliveryState::kWithheld) {
    return MakeError(ErrorCode::kFailedPrecondition, "Tin nhắn này không được gửi (bảo mật).");
  }
  return OkStatus();
}

Status InsertSendJob(Connection& c, const OutboxMessage& m, Timestamp now) {
  const std::string ref = "message:" + std::to_string(m.id.value);
  Job job;
  job.commune_id = m.commune_id;
  job.kind = SqlOutbox::kSendJobKind;
  job.fingerprint = ref;
  job.subject = ref;
  job.payload = "{\"message_id\":" + std::to_string(m.id.value) + "}";
  job.run_at = now;
  job.max_attempts = SqlOutbox::kSendJobMaxAttempts;
  job.created_at = now;
  RETURN_IF_ERROR(EnqueueJobIn(c, job));
  return OkStatus();
}

// The filters of List. Each combination has its own constant SQL, so that
// it uses its index; ?1 = commune, ?2 = state, ?3 = petition code (a
// numbered parameter may be left out of the text).
struct ListSql {
  const char* where;  // then ORDER BY / LIMIT ?4 OFFSET ?5 for the page
  const char* count;
};

ListSql ListSqlFor(bool by_state, bool by_petition) {
  if (by_state && by_petition) {
    return {"WHERE commune_id = ?1 AND state = ?2 AND petition_code = ?3 ",
            "SELECT COUNT(*) FROM outbox_messages "
            "WHERE commune_id = ?1 AND state = ?2 AND petition_code = ?3"};
  }
  if (by_state) {
    return {"WHERE commune_id = ?1 AND state = ?2 ",
            "SELECT COUNT(*) FROM outbox_messages WHERE commune_id = ?1 AND state = ?2"};
  }
  if (by_petition) {
    return {"WHERE commune_id = ?1 AND petition_code = ?3 ",
            "SELECT COUNT(*) FROM outbox_messages WHERE commune_id = ?1 AND petition_code = ?3"};
  }
  return {"WHERE commune_id = ?1 ", "SELECT COUNT(*) FROM outbox_messages WHERE commune_id = ?1"};
}

// Binds the filters of `query` that ListSqlFor put in the SQL.
void BindFilters(Statement& stmt, CommuneId commune, const OutboxRepository::Query& query) {
  stmt.Bind(1, commune.value);
  if (query.state.has_value()) {
    stmt.Bind(2, DeliveryStateCode(*query.state));
  }
  if (!query.petition_code.empty()) {
    stmt.Bind(3, query.petition_code);
  }
}

}  // namespace

Result<std::vector<OutboxMessage>> EnqueueMessagesIn(Connection& c,
                                                     std::vector<OutboxMessage> messages,
                                                     Timestamp now) {
  for (OutboxMessage& m : messages) {
    RETURN_IF_ERROR(CheckNewMessage(m));
    const bool withheld = m.state == DeliveryState::kWithheld;
    if (withheld) {
      m.address.clear();  // CONF-01: the recipient of a withheld message is never stored
    } else {
      m.state = DeliveryState::kQueued;
    }
    m.attempts = 0;
    m.transport.clear();
    m.created_at = now;
    m.sent_at = Timestamp{};
    m.next_attempt_at = withheld ? Timestamp{} : now;
    ASSIGN_OR_RETURN(
        Statement insert,
        c.Prepare("INSERT INTO outbox_messages (commune_id, event, channel, recipient_kind, "
                  "recipient_name, address, official_id, petition_code, subject, body, state, "
                  "attempts, last_error, transport, created_at, sent_at, next_attempt_at, topic) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, '', ?13, NULL, "
                  "?14, ?15) RETURNING id"));
    insert.Bind(1, m.commune_id.value)
        .Bind(2, m.event)
        .Bind(3, MessageChannelCode(m.channel))
        .Bind(4, m.recipient_kind)
        .Bind(5, m.recipient_name)
        .Bind(6, m.address);
    if (m.official_id.has_value()) {
      insert.Bind(7, m.official_id->value);
    } else {
      insert.BindNull(7);
    }
    insert.Bind(8, m.petition_code)
        .Bind(9, m.subject)
        .Bind(10, m.body)
        .Bind(11, DeliveryStateCode(m.state))
        .Bind(12, m.last_error)
        .Bind(13, Millis(now));
    BindTime(insert, 14, m.next_attempt_at);
    insert.Bind(15, m.topic);
    ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
    m.id = MessageId{new_id};
    if (!withheld) {
      RETURN_IF_ERROR(InsertSendJob(c, m, now));
    }
  }
  return messages;
}

Result<std::vector<OutboxMessage>> SqlOutbox::Enqueue(std::vector<OutboxMessage> messages,
                                                      Timestamp now) {
  return db_.Write<std::vector<OutboxMessage>>(
      [&](Connection& c) { return EnqueueMessagesIn(c, std::move(messages), now); });
}

Result<OutboxMessage> SqlOutbox::Find(CommuneId commune, MessageId id) {
  return db_.Read<OutboxMessage>([&](Connection& c) { return LoadMessage(c, commune, id); });
}

Status SqlOutbox::MarkSent(CommuneId commune, MessageId id, std::string_view transport,
                           Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(RequireDeliverable(c, commune, id));
    ASSIGN_OR_RETURN(Statement update,
                     c.Prepare("UPDATE outbox_messages SET state = 'sent', "
                               "attempts = attempts + 1, transport = ?3, sent_at = ?4, "
                               "next_attempt_at = NULL WHERE id = ?1 AND commune_id = ?2"));
    update.Bind(1, id.value).Bind(2, commune.value).Bind(3, transport).Bind(4, Millis(at));
    return update.Run();
  });
}

Status SqlOutbox::MarkFailed(CommuneId commune, MessageId id, std::string_view reason,
                             bool will_retry, Timestamp next_attempt_at) {
  return db_.Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(RequireDeliverable(c, commune, id));
    ASSIGN_OR_RETURN(Statement update,
                     c.Prepare("UPDATE outbox_messages SET state = ?3, "
                               "attempts = attempts + 1, last_error = ?4, next_attempt_at = ?5 "
                               "WHERE id = ?1 AND commune_id = ?2"));
    update.Bind(1, id.value)
        .Bind(2, commune.value)
        .Bind(3, DeliveryStateCode(will_retry ? DeliveryState::kRetrying : DeliveryState::kFailed))
        .Bind(4, reason);
    BindTime(update, 5, will_retry ? next_attempt_at : Timestamp{});
    return update.Run();
  });
}

Result<OutboxRepository::Page> SqlOutbox::List(CommuneId commune, const Query& query) {
  return db_.Read<Page>([&](Connection& c) -> Result<Page> {
    const ListSql sql = ListSqlFor(query.state.has_value(), !query.petition_code.empty());
    Page page;
    ASSIGN_OR_RETURN(Statement count, c.Prepare(sql.count));
    BindFilters(count, commune, query);
    ASSIGN_OR_RETURN(bool counted, count.Step());
    page.total = counted ? count.ColumnInt(0) : 0;

    ASSIGN_OR_RETURN(Statement select, c.Prepare(std::string(kMessageColumns) + sql.where +
                                                 "ORDER BY id DESC LIMIT ?4 OFFSET ?5"));
    BindFilters(select, commune, query);
    select.Bind(4, std::clamp(query.limit, 0, kMaxPageSize)).Bind(5, std::max(query.offset, 0));
    while (true) {
      ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) {
        break;
      }
      ASSIGN_OR_RETURN(OutboxMessage m, MessageFromRow(select));
      page.items.push_back(std::move(m));
    }
    return page;
  });
}

}  // namespace doithoai::sql
