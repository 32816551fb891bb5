#include "adapters/notify/log_transport.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/testing/temp_dir.h"
#include "core/testing/fake_clock.h"

namespace doithoai::notify {
namespace {

using doithoai::testing::ReadFile;
using doithoai::testing::TempDir;

// 2026-11-02 01:00:00 UTC = 08:00 in Việt Nam.
constexpr Timestamp kNow{std::chrono::milliseconds(1793581200000)};

OutboxMessage Message(int64_t id, MessageChannel channel) {
  OutboxMessage m;
  m.id = MessageId{id};
  m.commune_id = CommuneId{7};
  m.event = "petition.received";
  m.channel = channel;
  m.recipient_kind = "citizen";
  m.recipient_name = "Nguyễn Thị Hoa";
  m.address = channel == MessageChannel::kEmail ? "hoa@example.vn" : "0912345678";
  m.petition_code = "KN-2026-0001";
  m.subject = "Đã nhận đơn";
  m.body = "Ủy ban nhân dân xã đã nhận đơn của bà.\nMã tra cứu: KN-2026-0001";
  return m;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

TEST(IsoVietnamTimeTest, WritesLocalTimeWithOffset) {
  EXPECT_EQ(IsoVietnamTime(kNow), "2026-11-02T08:00:00+07:00");
  // 17:30 UTC on 31 Dec is already the next year in Việt Nam.
  EXPECT_EQ(IsoVietnamTime(Timestamp{std::chrono::milliseconds(1798738200999)}),
            "2027-01-01T00:30:00+07:00");
}

TEST(LogTransportTest, AppendsOneJsonLinePerMessage) {
  TempDir dir("log_transport");
  ASSERT_FALSE(dir.path().empty());
  FakeClock clock(kNow);
  LogTransport log(dir.path() + "/notify.log", clock);
  EXPECT_EQ(log.name(), "log");

  ASSERT_TRUE(log.Send(Message(1, MessageChannel::kSms)).ok());
  clock.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(log.Send(Message(2, MessageChannel::kEmail)).ok());

  std::vector<std::string> lines = Lines(ReadFile(dir.path() + "/notify.log"));
  ASSERT_EQ(lines.size(), 2u);
  nlohmann::json first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["time"], "2026-11-02T08:00:00+07:00");
  EXPECT_EQ(first["message_id"], 1);
  EXPECT_EQ(first["commune_id"], 7);
  EXPECT_EQ(first["event"], "petition.received");
  EXPECT_EQ(first["channel"], "sms");
  EXPECT_EQ(first["recipient_kind"], "citizen");
  EXPECT_EQ(first["recipient_name"], "Nguyễn Thị Hoa");
  EXPECT_EQ(first["address"], "0912345678");
  EXPECT_EQ(first["petition_code"], "KN-2026-0001");
  EXPECT_EQ(first["subject"], "Đã nhận đơn");
  EXPECT_EQ(first["body"], "Ủy ban nhân dân xã đã nhận đơn của bà.\nMã tra cứu: KN-2026-0001");
  nlohmann::json second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(second["time"], "2026-11-02T08:05:00+07:00");
  EXPECT_EQ(second["message_id"], 2);
  EXPECT_EQ(second["channel"], "email");
  EXPECT_EQ(second["address"], "hoa@example.vn");
  // Written as UTF-8, not \u escapes, so the file reads well with `less`.
  EXPECT_NE(lines[0].find("Nguyễn Thị Hoa"), std::string::npos);
}

TEST(LogTransportTest, CreatesTheFileWithMode0600AndAppendsToAnExistingOne) {
  TempDir dir("log_transport");
  ASSERT_FALSE(dir.path().empty());
  FakeClock clock(kNow);
  const std::string path = dir.path() + "/notify.log";
  ASSERT_TRUE(LogTransport(path, clock).Send(Message(1, MessageChannel::kSms)).ok());
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // A second transport (another process, say) appends rather than truncates.
  ASSERT_TRUE(LogTransport(path, clock).Send(Message(2, MessageChannel::kZalo)).ok());
  EXPECT_EQ(Lines(ReadFile(path)).size(), 2u);
}

TEST(LogTransportTest, AcceptsEveryChannel) {
  LogTransport log("/nonexistent/notify.log");
  EXPECT_TRUE(log.Accepts(MessageChannel::kSms));
  EXPECT_TRUE(log.Accepts(MessageChannel::kEmail));
  EXPECT_TRUE(log.Accepts(MessageChannel::kZalo));
}

TEST(LogTransportTest, UnwritablePathIsUnavailable) {
  TempDir dir("log_transport");
  ASSERT_FALSE(dir.path().empty());
  FakeClock clock(kNow);
  LogTransport log(dir.path() + "/missing/notify.log", clock);
  Status status = log.Send(Message(1, MessageChannel::kSms));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(status.error().message.find("Không mở được tệp nhật ký thông báo"), std::string::npos);
}

TEST(LogTransportTest, ConcurrentWritersNeverInterleaveLines) {
  TempDir dir("log_transport");
  ASSERT_FALSE(dir.path().empty());
  FakeClock clock(kNow);
  const std::string path = dir.path() + "/notify.log";
  constexpr int kThreads = 4;
  constexpr int kPerThread = 40;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      LogTransport log(path, clock);  // one transport each, as separate processes would
      OutboxMessage m = Message(0, MessageChannel::kSms);
      m.body = std::string(16 * 1024, static_cast<char>('a' + t));
      for (int i = 0; i < kPerThread; ++i) {
        m.id = MessageId{t * 1000 + i};
        EXPECT_TRUE(log.Send(m).ok());
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  std::vector<std::string> lines = Lines(ReadFile(path));
  ASSERT_EQ(lines.size(), static_cast<size_t>(kThreads * kPerThread));
  for (const std::string& line : lines) {
    nlohmann::json j = nlohmann::json::parse(line);  // throws (fails) if mixed
    const int64_t id = j["message_id"];
    EXPECT_EQ(j["body"], std::string(16 * 1024, static_cast<char>('a' + id / 1000)));
  }
}

}  // namespace
}  // namespace doithoai::notify
