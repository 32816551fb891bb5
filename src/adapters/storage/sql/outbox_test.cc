// SqlOutbox: messages stored with their send jobs in one transaction,
// delivery outcomes, and the staff list scoped by commune.
#include "adapters/storage/sql/outbox.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "adapters/storage/sql/job_queue.h"
#include "adapters/storage/sql/sql_testing.h"

namespace doithoai::sql {
namespace {

const Timestamp kNow{std::chrono::milliseconds(1767225600000)};  // 2026-01-01 00:00 UTC

class SqliteOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigrated(":memory:");
    ASSERT_NE(db_, nullptr);
    commune_ = AddCommune("hoang-truong");
    other_commune_ = AddCommune("hoang-phu");
    outbox_ = std::make_unique<SqlOutbox>(*db_);
    jobs_ = std::make_unique<SqlJobQueue>(*db_);
  }

  CommuneId AddCommune(const std::string& slug) {
    Result<CommuneId> id = db_->Write<CommuneId>([&](Connection& c) -> Result<CommuneId> {
      ASSIGN_OR_RETURN(Statement insert, c.Prepare("INSERT INTO communes (slug, code, name, type) "
                                                   "VALUES (?1, ?1, ?1, 'xa') RETURNING id"));
      insert.Bind(1, slug);
      ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
      return CommuneId{new_id};
    });
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : CommuneId{};
  }

  static OutboxMessage Citizen(CommuneId commune, std::string petition_code) {
    OutboxMessage m;
    m.commune_id = commune;
    m.event = "petition.received";
    m.channel = MessageChannel::kSms;
    m.recipient_kind = "citizen";
    m.recipient_name = "Lê Thị Mai";
    m.address = "0912345678";
    m.petition_code = std::move(petition_code);
    m.subject = "UBND xã Hoằng Trường";
    m.body = "Đơn của bạn đã được tiếp nhận.";
    return m;
  }

  // CONF-01: a citizen message about a sealed petition.
  static OutboxMessage Withheld(CommuneId commune, std::string petition_code) {
    OutboxMessage m = Citizen(commune, std::move(petition_code));
    m.recipient_name = "Người tố cáo A";
    m.state = DeliveryState::kWithheld;
    m.last_error = "Không gửi: đơn tố cáo được giữ bí mật";
    return m;
  }

  std::vector<OutboxMessage> Enqueue(std::vector<OutboxMessage> messages, Timestamp at = kNow) {
    Result<std::vector<OutboxMessage>> stored = outbox_->Enqueue(std::move(messages), at);
    EXPECT_TRUE(stored.ok()) << (stored.ok() ? "" : stored.error().message);
    return stored.ok() ? *stored : std::vector<OutboxMessage>{};
  }

  std::vector<Job> Jobs(CommuneId commune) {
    Result<std::vector<Job>> jobs = jobs_->List(commune, 0, 100);
    EXPECT_TRUE(jobs.ok());
    return jobs.ok() ? *jobs : std::vector<Job>{};
  }

  OutboxMessage Stored(MessageId id) {
    Result<OutboxMessage> m = outbox_->Find(commune_, id);
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
    return m.ok() ? *m : OutboxMessage{};
  }

  std::vector<MessageId> ListIds(CommuneId commune, const OutboxRepository::Query& query,
                                 int64_t* total = nullptr) {
    Result<OutboxRepository::Page> page = outbox_->List(commune, query);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    std::vector<MessageId> ids;
    if (page.ok()) {
      for (const OutboxMessage& m : page->items) {
        ids.push_back(m.id);
      }
      if (total != nullptr) {
        *total = page->total;
      }
    }
    return ids;
  }

  std::unique_ptr<Database> db_;
  CommuneId commune_;
  CommuneId other_commune_;
  std::unique_ptr<SqlOutbox> outbox_;
  std::unique_ptr<SqlJobQueue> jobs_;
};

TEST_F(SqliteOutboxTest, EnqueueStoresMessagesAndTheirSendJobs) {
  OutboxMessage official = Citizen(commune_, "");
  official.event = "reminder.digest";
  official.channel = MessageChannel::kEmail;
  official.recipient_kind = "official";
  official.recipient_name = "Nguyễn Văn Bình";
  official.address = "binh@hoangtruong.gov.vn";
  official.official_id = OfficialId{7};
  std::vector<OutboxMessage> stored = Enqueue({Citizen(commune_, "HT-26-0001-K"), official});
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_TRUE(stored[0].id.valid());
  EXPECT_LT(stored[0].id, stored[1].id);
  for (const OutboxMessage& m : stored) {
    EXPECT_EQ(m.state, DeliveryState::kQueued);
    EXPECT_EQ(m.created_at, kNow);
    EXPECT_EQ(m.attempts, 0);
  }

  OutboxMessage found = Stored(stored[1].id);
  EXPECT_EQ(found.event, "reminder.digest");
  EXPECT_EQ(found.channel, MessageChannel::kEmail);
  EXPECT_EQ(found.recipient_kind, "official");
  EXPECT_EQ(found.recipient_name, "Nguyễn Văn Bình");
  EXPECT_EQ(found.address, "binh@hoangtruong.gov.vn");
  EXPECT_EQ(found.official_id, OfficialId{7});
  EXPECT_EQ(found.petition_code, "");
  EXPECT_EQ(found.subject, "UBND xã Hoằng Trường");
  EXPECT_EQ(found.body, "Đơn của bạn đã được tiếp nhận.");
  EXPECT_EQ(found.state, DeliveryState::kQueued);
  EXPECT_EQ(found.created_at, kNow);
  EXPECT_EQ(found.next_attempt_at, kNow);
  EXPECT_EQ(found.sent_at, Timestamp{});
  EXPECT_FALSE(Stored(stored[0].id).official_id.has_value());

  std::vector<Job> jobs = Jobs(commune_);  // newest first
  ASSERT_EQ(jobs.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Job& job = jobs[1 - i];
    const std::string ref = "message:" + std::to_string(stored[i].id.value);
    EXPECT_EQ(job.kind, "notify.send");
    EXPECT_EQ(job.fingerprint, ref);
    EXPECT_EQ(job.subject, ref);
    EXPECT_EQ(job.payload, "{\"message_id\":" + std::to_string(stored[i].id.value) + "}");
    EXPECT_EQ(job.run_at, kNow);
    EXPECT_EQ(job.max_attempts, 8);
    EXPECT_EQ(job.state, JobState::kQueued);
  }
}

// CONF-01: a withheld message is recorded, without address, and never gets a
// send job.
TEST_F(SqliteOutboxTest, AWithheldMessageGetsNoJobAndNoAddress) {
  std::vector<OutboxMessage> stored =
      Enqueue({Withheld(commune_, "HT-26-0002-M"), Citizen(commune_, "HT-26-0003-P")});
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].state, DeliveryState::kWithheld);
  OutboxMessage withheld = Stored(stored[0].id);
  EXPECT_EQ(withheld.state, DeliveryState::kWithheld);
  EXPECT_EQ(withheld.address, "");
  EXPECT_EQ(withheld.recipient_name, "Người tố cáo A");
  EXPECT_EQ(withheld.last_error, "Không gửi: đơn tố cáo được giữ bí mật");
  std::vector<Job> jobs = Jobs(commune_);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].fingerprint, "message:" + std::to_string(stored[1].id.value));

  Status sent = outbox_->MarkSent(commune_, stored[0].id, "log", kNow);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kFailedPrecondition);
}

// Messages and jobs are one transaction: a bad message stores nothing.
TEST_F(SqliteOutboxTest, EnqueueIsAllOrNothing) {
  OutboxMessage bad = Citizen(commune_, "HT-26-0004-Q");
  bad.recipient_kind = "neighbour";
  Result<std::vector<OutboxMessage>> stored =
      outbox_->Enqueue({Citizen(commune_, "HT-26-0001-K"), bad}, kNow);
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code, ErrorCode::kInvalidArgument);
  int64_t total = -1;
  EXPECT_TRUE(ListIds(commune_, {}, &total).empty());
  EXPECT_EQ(total, 0);
  EXPECT_TRUE(Jobs(commune_).empty());
}

TEST_F(SqliteOutboxTest, MarkSentRecordsTheTransport) {
  MessageId id = Enqueue({Citizen(commune_, "HT-26-0001-K")})[0].id;
  const Timestamp at = kNow + std::chrono::seconds(30);
  ASSERT_TRUE(outbox_->MarkSent(commune_, id, "webhook", at).ok());
  OutboxMessage m = Stored(id);
  EXPECT_EQ(m.state, DeliveryState::kSent);
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.transport, "webhook");
  EXPECT_EQ(m.sent_at, at);
  EXPECT_EQ(m.next_attempt_at, Timestamp{});

  Status again = outbox_->MarkSent(commune_, id, "webhook", at);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(Stored(id).attempts, 1);
}

TEST_F(SqliteOutboxTest, MarkFailedRetriesThenGivesUp) {
  MessageId id = Enqueue({Citizen(commune_, "HT-26-0001-K")})[0].id;
  const Timestamp retry_at = kNow + std::chrono::minutes(1);
  ASSERT_TRUE(
      outbox_->MarkFailed(commune_, id, "Máy chủ webhook trả lời 500", true, retry_at).ok());
  OutboxMessage m = Stored(id);
  EXPECT_EQ(m.state, DeliveryState::kRetrying);
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.last_error, "Máy chủ webhook trả lời 500");
  EXPECT_EQ(m.next_attempt_at, retry_at);
  EXPECT_EQ(m.transport, "");

  ASSERT_TRUE(outbox_->MarkFailed(commune_, id, "Hết thời gian chờ", false, retry_at).ok());
  m = Stored(id);
  EXPECT_EQ(m.state, DeliveryState::kFailed);
  EXPECT_EQ(m.attempts, 2);
  EXPECT_EQ(m.last_error, "Hết thời gian chờ");
  EXPECT_EQ(m.next_attempt_at, Timestamp{});

  // A failed message may still be sent (a staff-triggered resend).
  ASSERT_TRUE(outbox_->MarkSent(commune_, id, "smtp", retry_at).ok());
  m = Stored(id);
  EXPECT_EQ(m.state, DeliveryState::kSent);
  EXPECT_EQ(m.attempts, 3);
  EXPECT_EQ(m.transport, "smtp");
}

TEST_F(SqliteOutboxTest, AMessageOfAnotherCommuneIsNotFound) {
  MessageId id = Enqueue({Citizen(other_commune_, "HP-26-0001-A")})[0].id;
  Result<OutboxMessage> found = outbox_->Find(commune_, id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  Status sent = outbox_->MarkSent(commune_, id, "log", kNow);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kNotFound);
  Status failed = outbox_->MarkFailed(commune_, id, "x", false, kNow);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(outbox_->Find(other_commune_, id).ok());
  EXPECT_EQ(outbox_->Find(other_commune_, id)->state, DeliveryState::kQueued);
  EXPECT_TRUE(Jobs(commune_).empty());
  EXPECT_EQ(Jobs(other_commune_).size(), 1u);
}

TEST_F(SqliteOutboxTest, ListFiltersByStateAndPetitionNewestFirst) {
  std::vector<OutboxMessage> stored =
      Enqueue({Citizen(commune_, "HT-26-0001-K"), Citizen(commune_, "HT-26-0002-M"),
               Citizen(commune_, "HT-26-0001-K"), Withheld(commune_, "HT-26-0001-K")});
  ASSERT_EQ(stored.size(), 4u);
  Enqueue({Citizen(other_commune_, "HT-26-0001-K")});
  ASSERT_TRUE(outbox_->MarkSent(commune_, stored[0].id, "log", kNow).ok());
  const MessageId a = stored[0].id, b = stored[1].id, c = stored[2].id, d = stored[3].id;

  int64_t total = 0;
  EXPECT_EQ(ListIds(commune_, {}, &total), (std::vector<MessageId>{d, c, b, a}));
  EXPECT_EQ(total, 4);

  OutboxRepository::Query by_petition;
  by_petition.petition_code = "HT-26-0001-K";
  EXPECT_EQ(ListIds(commune_, by_petition, &total), (std::vector<MessageId>{d, c, a}));
  EXPECT_EQ(total, 3);

  OutboxRepository::Query queued;
  queued.state = DeliveryState::kQueued;
  EXPECT_EQ(ListIds(commune_, queued, &total), (std::vector<MessageId>{c, b}));
  EXPECT_EQ(total, 2);

  OutboxRepository::Query both = by_petition;
  both.state = DeliveryState::kSent;
  EXPECT_EQ(ListIds(commune_, both, &total), std::vector<MessageId>{a});
  EXPECT_EQ(total, 1);

  OutboxRepository::Query page;
  page.offset = 1;
  page.limit = 2;
  EXPECT_EQ(ListIds(commune_, page, &total), (std::vector<MessageId>{c, b}));
  EXPECT_EQ(total, 4);  // the whole filtered count, not the page's

  EXPECT_EQ(ListIds(other_commune_, by_petition, &total).size(), 1u);
  EXPECT_EQ(total, 1);
}

// The helper for other write transactions: rolled back with its caller.
TEST_F(SqliteOutboxTest, EnqueueMessagesInJoinsTheCallersTransaction) {
  Status rolled_back = db_->Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(EnqueueMessagesIn(c, {Citizen(commune_, "HT-26-0001-K")}, kNow));
    return MakeError(ErrorCode::kUnavailable, "lỗi giả lập");
  });
  EXPECT_FALSE(rolled_back.ok());
  EXPECT_TRUE(ListIds(commune_, {}).empty());
  EXPECT_TRUE(Jobs(commune_).empty());
}

}  // namespace
}  // namespace doithoai::sql
