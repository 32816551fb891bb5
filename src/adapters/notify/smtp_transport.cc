#include "adapters/notify/smtp_transport.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "adapters/notify/curl_handles.h"

namespace doithoai::notify {
namespace {

// 52 base64 chars + 12 = 64 per encoded word, so "Subject: " + a word fits in
// the 78 characters RFC 5322 recommends per line.
constexpr size_t kHeaderChunkBytes = 39;
constexpr size_t kBodyLineChars = 76;

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// "\n" and lone "\r" become "\r\n" (the canonical form of text/plain).
std::string CanonicalLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

// "Mon, 02 Nov 2026 08:00:00 +0700" (RFC 5322, Việt Nam time).
std::string MailDate(Timestamp t) {
  namespace chrono = std::chrono;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto local = chrono::floor<chrono::seconds>(t) + chrono::hours(7);
  const auto day = chrono::floor<chrono::days>(local);
  const chrono::year_month_day ymd(day);
  const chrono::hh_mm_ss<chrono::seconds> hms(local - day);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d +0700",
                kDays[chrono::weekday(day).c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

bool ValidSmtpUrl(std::string_view url) {
  std::string lower(url);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view rest;
  if (lower.rfind("smtp://", 0) == 0) {
    rest = url.substr(7);
  } else if (lower.rfind("smtps://", 0) == 0) {
    rest = url.substr(8);
  } else {
    return false;
  }
  return !rest.empty() && rest.front() != '/' && rest.front() != ':' &&
         std::none_of(url.begin(), url.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; });
}

// Feeds the mail to curl's upload.
size_t ReadMail(char* buffer, size_t size, size_t count, void* userdata) {
  auto* rest = static_cast<std::string_view*>(userdata);
  const size_t n = std::min(size * count, rest->size());
  std::memcpy(buffer, rest->data(), n);
  rest->remove_prefix(n);
  return n;
}

bool IsConnectionError(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
         code == CURLE_COULDNT_RESOLVE_PROXY || code == CURLE_OPERATION_TIMEDOUT ||
         code == CURLE_SSL_CONNECT_ERROR || code == CURLE_PEER_FAILED_VERIFICATION;
}

}  // namespace

bool ValidMailAddress(std::string_view address) {
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() || address.size() > 254) {
    return false;
  }
  return std::none_of(address.begin(), address.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '\x7f' || c == '<' || c == '>' ||
           c == ',' || c == ';' || c == '"' || c == '(' || c == ')' || c == '\\';
  });
}

std::string EncodeMailHeader(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    size_t n = std::min(kHeaderChunkBytes, text.size());
    // Back up to a character boundary (never before a UTF-8 continuation byte).
    while (n < text.size() && n > 1 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) {
      --n;
    }
    if (!out.empty()) {
      out += "\r\n ";
    }
    out += "=?UTF-8?B?" + Base64(text.substr(0, n)) + "?=";
    text.remove_prefix(n);
  }
  return out;
}

std::string SmtpTransport::MailText(const OutboxMessage& message) const {
  std::string mail;
  mail += "Date: " + MailDate(message.created_at) + "\r\n";
  mail += "From: " + options_.from + "\r\n";
  mail += "To: " + message.address + "\r\n";
  mail += "Subject: " + EncodeMailHeader(message.subject) + "\r\n";
  mail += "Message-ID: <" + std::to_string(message.commune_id.value) + "-" +
          std::to_string(message.id.value) + "@doithoai>\r\n";
  mail += "MIME-Version: 1.0\r\n";
  mail += "Content-Type: text/plain; charset=UTF-8\r\n";
  mail += "Content-Transfer-Encoding: base64\r\n";
  mail += "\r\n";
  const std::string body = Base64(CanonicalLineEnds(message.body));
  for (size_t i = 0; i < body.size(); i += kBodyLineChars) {
    mail.append(body, i, kBodyLineChars);
    mail += "\r\n";
  }
  return mail;
}

Status SmtpTransport::Send(const OutboxMessage& message) {
  if (!Accepts(message.channel)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Máy chủ SMTP chỉ gửi thư điện tử, không gửi tin nhắn qua kênh " +
                         std::string(MessageChannelCode(message.channel)) + ".");
  }
  if (!ValidMailAddress(message.address)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Địa chỉ thư điện tử không hợp lệ: “" + message.address + "”");
  }
  if (!CurlReady()) {
    return MakeError(ErrorCode::kUnavailable, "Không khởi tạo được thư viện libcurl.");
  }
  const std::string mail = MailText(message);
  std::string_view unsent = mail;
  const std::string from = "<" + options_.from + ">";
  CurlList recipients(curl_slist_append(nullptr, ("<" + message.address + ">").c_str()));
  CurlHandle curl(curl_easy_init());
  if (recipients == nullptr || curl == nullptr) {
    return MakeError(ErrorCode::kUnavailable, "Không khởi tạo được phiên libcurl.");
  }
  char error[CURL_ERROR_SIZE] = "";
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  // STARTTLS whenever the server offers it (smtps:// is TLS from the start).
  curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  if (!options_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadMail);
  curl_easy_setopt(c, CURLOPT_READDATA, &unsent);

  const CURLcode result = curl_easy_perform(c);
  if (result != CURLE_OK) {
    const std::string reason = error[0] != '\0' ? error : curl_easy_strerror(result);
    return MakeError(ErrorCode::kUnavailable, IsConnectionError(result)
                                                  ? "Không kết nối được máy chủ thư SMTP: " + reason
                                                  : "Máy chủ thư SMTP không nhận thư: " + reason);
  }
  return OkStatus();
}

Result<std::unique_ptr<SmtpTransport>> MakeSmtpTransport(SmtpOptions options) {
  if (!ValidSmtpUrl(options.url)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Địa chỉ máy chủ thư phải có dạng smtp://máy:cổng hoặc smtps://máy:cổng: “" +
                         options.url + "”");
  }
  if (!ValidMailAddress(options.from)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Địa chỉ người gửi thư không hợp lệ: “" + options.from + "”");
  }
  if (options.timeout_ms <= 0) {
    return MakeError(ErrorCode::kInvalidArgument, "Thời gian chờ máy chủ thư phải lớn hơn 0.");
  }
  if (sodium_init() < 0) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được thư viện mã hóa libsodium.");
  }
  return std::make_unique<SmtpTransport>(std::move(options));
}

}  // namespace doithoai::notify
