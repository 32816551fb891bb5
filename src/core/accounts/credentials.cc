#include "core/accounts/credentials.h"

#include <algorithm>
#include <string>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

Error InvalidField(const char* field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, message, {{field, message}}};
}

}  // namespace

Status ValidateNewPassword(std::string_view password, std::string_view username,
                           const PasswordPolicy& policy) {
  if (!text::IsValidUtf8(password)) {
    return InvalidField("password", "Mật khẩu chứa ký tự không hợp lệ.");
  }
  if (CodePoints(password) < policy.min_chars) {
    return InvalidField("password",
                        "Mật khẩu phải có ít nhất " + std::to_string(policy.min_chars) + " ký tự.");
  }
  if (password.size() > policy.max_bytes) {
    return InvalidField("password", "Mật khẩu quá dài.");
  }
  if (text::Fold(password) == text::Fold(username)) {
    return InvalidField("password", "Mật khẩu không được trùng tên đăng nhập.");
  }
  return OkStatus();
}

Status ValidateUsername(std::string_view username) {
  bool ok = username.size() >= 3 && username.size() <= 64;
  for (char c : username) {
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
  }
  if (!ok) {
    return InvalidField("username",
                        "Tên đăng nhập dài 3–64 ký tự, chỉ gồm chữ thường không dấu, chữ số và "
                        "các dấu . _ -");
  }
  return OkStatus();
}

std::optional<std::chrono::seconds> RetryAfter(const std::vector<Timestamp>& failures,
                                               Timestamp now, const ThrottlePolicy& policy) {
  std::vector<Timestamp> recent;
  for (Timestamp t : failures) {
    if (t > now - policy.window && t <= now) recent.push_back(t);
  }
  if (static_cast<int>(recent.size()) < policy.max_failures) return std::nullopt;
  std::sort(recent.begin(), recent.end());
  // Allowed again once enough old failures leave the window that fewer than
  // max_failures remain: when the (size - max + 1)-th oldest expires.
  Timestamp frees_at =
      recent[recent.size() - static_cast<size_t>(policy.max_failures)] + policy.window;
  auto wait = std::chrono::ceil<std::chrono::seconds>(frees_at - now);
  return std::max(wait, std::chrono::seconds(1));
}

bool IsSessionExpired(const SessionTimes& s, Timestamp now, const SessionPolicy& policy) {
  return now - s.last_seen_at >= policy.idle || now - s.created_at >= policy.absolute;
}

}  // namespace doithoai
