#include "adapters/notify/smtp_transport.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>
#include <string>
#include <vector>

#include "adapters/notify/loopback_receiver.h"

namespace doithoai::notify {
namespace {

using testing::LoopbackSmtpServer;
using testing::RecordedMail;

// 2026-11-02 01:00:00 UTC = Monday 08:00 in Việt Nam.
constexpr Timestamp kCreated{std::chrono::milliseconds(1793581200000)};

OutboxMessage Email() {
  OutboxMessage m;
  m.id = MessageId{42};
  m.commune_id = CommuneId{7};
  m.event = "reminder.digest";
  m.channel = MessageChannel::kEmail;
  m.recipient_kind = "official";
  m.recipient_name = "Lê Thị Mai";
  m.address = "mai@xa.example.vn";
  m.subject = "Tổng hợp đơn sắp đến hạn giải quyết — Ủy ban nhân dân xã Đông Hưng, ngày 02/11/2026";
  m.body = "Kính gửi chị Mai,\nCó 3 đơn sắp đến hạn:\n.dòng bắt đầu bằng dấu chấm\n– KN-2026-0001";
  m.created_at = kCreated;
  return m;
}

SmtpOptions Options(const std::string& url) {
  SmtpOptions options;
  options.url = url;
  options.from = "ubnd@xa.example.vn";
  options.username = "ubnd";
  options.password = "mật-khẩu";
  options.timeout_ms = 5000;
  return options;
}

std::string Base64Decode(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), " \r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    ADD_FAILURE() << "bad base64: " << text;
    return "";
  }
  out.resize(length);
  return out;
}

// The value of header `name` in `mail` with its folding removed ("" if absent).
std::string Header(const std::string& mail, const std::string& name) {
  const std::string head = mail.substr(0, mail.find("\r\n\r\n") + 2);
  std::string value;
  bool found = false;
  for (size_t pos = 0; pos < head.size();) {
    const size_t eol = head.find("\r\n", pos);
    const std::string line = head.substr(pos, eol - pos);
    pos = eol + 2;
    if (found && line.rfind(' ', 0) == 0) {
      value += line;  // a folded continuation
    } else if (found) {
      break;
    } else if (line.rfind(name + ": ", 0) == 0) {
      value = line.substr(name.size() + 2);
      found = true;
    }
  }
  return value;
}

// Decodes a run of "=?UTF-8?B?…?=" words (separated by folding whitespace).
std::string DecodeWords(const std::string& value) {
  std::string text;
  size_t pos = 0;
  while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const size_t end = value.find("?=", pos + 10);
    text += Base64Decode(std::string_view(value).substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  return text;
}

TEST(SmtpTransportTest, DeliversAUtf8MailThroughTheServer) {
  LoopbackSmtpServer server;
  ASSERT_NE(server.port(), 0);
  Result<std::unique_ptr<SmtpTransport>> smtp = MakeSmtpTransport(Options(server.Url()));
  ASSERT_TRUE(smtp.ok()) << smtp.error().message;
  EXPECT_EQ((*smtp)->name(), "smtp");

  Status sent = (*smtp)->Send(Email());
  ASSERT_TRUE(sent.ok()) << sent.error().message;

  std::vector<RecordedMail> mails = server.mails();
  ASSERT_EQ(mails.size(), 1u);
  const RecordedMail& mail = mails[0];
  EXPECT_EQ(mail.mail_from, "ubnd@xa.example.vn");
  EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"mai@xa.example.vn"});
  EXPECT_EQ(Base64Decode(mail.auth), std::string("\0ubnd\0", 6) + "mật-khẩu");

  EXPECT_EQ(Header(mail.data, "From"), "ubnd@xa.example.vn");
  EXPECT_EQ(Header(mail.data, "To"), "mai@xa.example.vn");
  EXPECT_EQ(Header(mail.data, "Date"), "Mon, 02 Nov 2026 08:00:00 +0700");
  EXPECT_EQ(Header(mail.data, "Message-ID"), "<7-42@doithoai>");
  EXPECT_EQ(Header(mail.data, "MIME-Version"), "1.0");
  EXPECT_EQ(Header(mail.data, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(Header(mail.data, "Content-Transfer-Encoding"), "base64");
  const std::string subject = Header(mail.data, "Subject");
  EXPECT_EQ(subject.rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_EQ(DecodeWords(subject), Email().subject);

  const std::string body = mail.data.substr(mail.data.find("\r\n\r\n") + 4);
  EXPECT_EQ(Base64Decode(body),
            "Kính gửi chị Mai,\r\nCó 3 đơn sắp đến hạn:\r\n.dòng bắt đầu bằng dấu chấm\r\n"
            "– KN-2026-0001");
  // Nothing but ASCII travels, in lines of at most 78 characters.
  size_t line_start = 0;
  for (size_t i = 0; i < mail.data.size(); ++i) {
    EXPECT_LT(static_cast<unsigned char>(mail.data[i]), 0x80) << i;
    if (mail.data[i] == '\n') {
      EXPECT_LE(i - line_start, 79u);
      line_start = i + 1;
    }
  }
}

TEST(SmtpTransportTest, ServerDownIsUnavailable) {
  const int port = testing::UnusedLoopbackPort();
  ASSERT_NE(port, 0);
  SmtpTransport smtp(Options("smtp://127.0.0.1:" + std::to_string(port)));
  Status status = smtp.Send(Email());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(status.error().message.rfind("Không kết nối được máy chủ thư SMTP: ", 0), 0u)
      << status.error().message;
}

TEST(SmtpTransportTest, RefusedMailIsUnavailable) {
  LoopbackSmtpServer server(554);
  ASSERT_NE(server.port(), 0);
  SmtpTransport smtp(Options(server.Url()));
  Status status = smtp.Send(Email());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(status.error().message.rfind("Máy chủ thư SMTP không nhận thư: ", 0), 0u)
      << status.error().message;
  EXPECT_EQ(server.mails().size(), 1u);
}

TEST(SmtpTransportTest, WithoutUsernameNoAuthIsSent) {
  LoopbackSmtpServer server;
  ASSERT_NE(server.port(), 0);
  SmtpOptions options = Options(server.Url());
  options.username.clear();
  options.password.clear();
  ASSERT_TRUE(SmtpTransport(options).Send(Email()).ok());
  ASSERT_EQ(server.mails().size(), 1u);
  EXPECT_EQ(server.mails()[0].auth, "");
}

TEST(SmtpTransportTest, CarriesOnlyEmailToAValidAddress) {
  LoopbackSmtpServer server;
  ASSERT_NE(server.port(), 0);
  SmtpTransport smtp(Options(server.Url()));
  EXPECT_TRUE(smtp.Accepts(MessageChannel::kEmail));
  EXPECT_FALSE(smtp.Accepts(MessageChannel::kSms));
  EXPECT_FALSE(smtp.Accepts(MessageChannel::kZalo));

  OutboxMessage sms = Email();
  sms.channel = MessageChannel::kSms;
  EXPECT_EQ(smtp.Send(sms).error().code, ErrorCode::kInvalidArgument);
  for (const char* address : {"", "mai", "@xa.example.vn", "mai@", "mai@xa.example.vn\r\nBcc: x@y",
                              "<mai@xa.example.vn>", "a@b, c@d"}) {
    OutboxMessage bad = Email();
    bad.address = address;
    Status status = smtp.Send(bad);
    ASSERT_FALSE(status.ok()) << address;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument) << address;
  }
  EXPECT_TRUE(server.mails().empty());
}

TEST(EncodeMailHeaderTest, SplitsIntoShortWordsOnCharacterBoundaries) {
  const std::string subject = Email().subject;
  const std::string encoded = EncodeMailHeader(subject);
  EXPECT_EQ(DecodeWords(encoded), subject);
  size_t start = 0;
  int words = 0;
  for (;;) {
    const size_t end = encoded.find("\r\n ", start);
    const std::string word = encoded.substr(start, end - start);
    EXPECT_LE(word.size(), 75u) << word;
    // Each word decodes to whole characters: valid UTF-8 on its own.
    const std::string decoded = DecodeWords(word);
    ASSERT_FALSE(decoded.empty());
    EXPECT_NE(static_cast<unsigned char>(decoded[0]) & 0xC0, 0x80);
    ++words;
    if (end == std::string::npos) {
      break;
    }
    start = end + 3;
  }
  EXPECT_GT(words, 1);
  EXPECT_EQ(EncodeMailHeader(""), "");
  EXPECT_EQ(EncodeMailHeader("Đơn"), "=?UTF-8?B?xJDGoW4=?=");
}

TEST(MakeSmtpTransportTest, ChecksUrlAndSender) {
  EXPECT_TRUE(MakeSmtpTransport(Options("smtps://mail.example.vn:465")).ok());
  for (const char* url : {"http://mail.example.vn", "mail.example.vn:25", "smtp://", "smtp:///x",
                          "smtp://mail example.vn"}) {
    Result<std::unique_ptr<SmtpTransport>> made = MakeSmtpTransport(Options(url));
    ASSERT_FALSE(made.ok()) << url;
    EXPECT_EQ(made.error().code, ErrorCode::kInvalidArgument);
  }
  SmtpOptions no_from = Options("smtp://mail.example.vn:587");
  no_from.from = "";
  EXPECT_FALSE(MakeSmtpTransport(no_from).ok());
  SmtpOptions injected = Options("smtp://mail.example.vn:587");
  injected.from = "a@b\r\nBcc: c@d";
  EXPECT_FALSE(MakeSmtpTransport(injected).ok());
}

}  // namespace
}  // namespace doithoai::notify
