#include "core/accounts/authenticator.h"

#include <string>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

constexpr char kBadCredentials[] = "Tên đăng nhập hoặc mật khẩu không đúng.";
Error Unauthenticated(std::string message) {
  return MakeError(ErrorCode::kUnauthenticated, std::move(message));
}

AuditContext SystemContext(const Clock& clock, std::string actor, std::string address) {
  AuditContext ctx;
  ctx.actor_name = std::move(actor);
  ctx.client_address = std::move(address);
  ctx.at = clock.Now();
  return ctx;
}

}  // namespace

std::string NormalizeUsername(std::string_view typed) {
  Result<std::string> nfc = text::ToNfc(typed);
  std::string out = nfc.ok() ? *nfc : std::string(typed);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  size_t b = out.find_first_not_of(' ');
  size_t e = out.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

Status Authenticator::CheckThrottle(const std::string& key, const ThrottlePolicy& policy) {
  Timestamp now = clock_.Now();
  ASSIGN_OR_RETURN(std::vector<Timestamp> failures, throttle_.Failures(key, now - policy.window));
  std::optional<std::chrono::seconds> wait = RetryAfter(failures, now, policy);
  if (!wait.has_value()) return OkStatus();
  int64_t minutes = (wait->count() + 59) / 60;
  return Error{
      ErrorCode::kResourceExhausted,
      "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + std::to_string(minutes) + " phút.",
      {{kRetryAfterField, std::to_string(wait->count())}}};
}

Result<LoginResult> Authenticator::Login(const LoginRequest& request) {
  std::string username = NormalizeUsername(request.username);
  std::string user_key = "user:" + username;
  std::string addr_key = "addr:" + request.client_address;
  RETURN_IF_ERROR(CheckThrottle(addr_key, policies_.per_address));
  RETURN_IF_ERROR(CheckThrottle(user_key, policies_.per_account));

  Result<Account> account = accounts_.FindByUsername(username);
  if (!account.ok() && account.error().code != ErrorCode::kNotFound) return account.error();
  // An unknown username still costs one verification (empty hash: the
  // adapter checks against a dummy), so usernames cannot be probed by timing.
  bool verified =
      crypto_.VerifyPassword(account.ok() ? account->password_hash : "", request.password);
  if (!account.ok() || !verified || account->disabled) {
    Timestamp now = clock_.Now();
    RETURN_IF_ERROR(throttle_.RecordFailure(user_key, now));
    RETURN_IF_ERROR(throttle_.RecordFailure(addr_key, now));
    return Unauthenticated(kBadCredentials);
  }
  RETURN_IF_ERROR(throttle_.Clear(user_key));

  LoginResult result;
  result.token = crypto_.NewToken();
  StoredSession stored;
  stored.token_hash = crypto_.TokenHash(result.token);
  stored.account_id = account->id;
  stored.csrf_token = crypto_.NewToken();
  stored.times = {clock_.Now(), clock_.Now()};
  AuditContext ctx = SystemContext(clock_, account->username, request.client_address);
  ctx.commune = account->commune_id.value_or(CommuneId{});
  ctx.actor_account_id = account->id.value;
  RETURN_IF_ERROR(sessions_.Create(stored, ctx));
  result.session = Session{Actor::FromAccount(*account), stored.csrf_token, stored.token_hash};
  return result;
}

Result<Session> Authenticator::Resolve(std::string_view token) {
  if (token.empty()) return Unauthenticated("Vui lòng đăng nhập.");
  std::string hash = crypto_.TokenHash(token);
  Result<StoredSession> stored = sessions_.Find(hash);
  if (!stored.ok()) {
    if (stored.error().code == ErrorCode::kNotFound) return Unauthenticated("Vui lòng đăng nhập.");
    return stored.error();
  }
  Timestamp now = clock_.Now();
  if (IsSessionExpired(stored->times, now, policies_.session)) {
    RETURN_IF_ERROR(sessions_.Delete(hash, SystemContext(clock_, "system", "")));
    return Unauthenticated("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
  }
  Result<Account> account = accounts_.Find(AccountScope::System(), stored->account_id);
  if (!account.ok() || account->disabled) {
    return Unauthenticated("Tài khoản không còn hiệu lực.");
  }
  if (now - stored->times.last_seen_at >= policies_.session.touch_every) {
    RETURN_IF_ERROR(sessions_.Touch(hash, now));
  }
  return Session{Actor::FromAccount(*account), stored->csrf_token, hash};
}

Status Authenticator::Logout(std::string_view token, const AuditContext& ctx) {
  return sessions_.Delete(crypto_.TokenHash(token), ctx);
}

Status Authenticator::LogoutEverywhere(AccountId account, const AuditContext& ctx) {
  return sessions_.DeleteForAccount(account, ctx);
}

Status Authenticator::ChangePassword(const Actor& actor, std::string_view current,
                                     std::string_view next, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Account account, accounts_.Find(AccountScope::System(), actor.account_id));
  if (!crypto_.VerifyPassword(account.password_hash, current)) {
    return Error{ErrorCode::kInvalidArgument,
                 "Mật khẩu hiện tại không đúng.",
                 {{"current_password", "Mật khẩu hiện tại không đúng."}}};
  }
  RETURN_IF_ERROR(ValidateNewPassword(next, account.username, policies_.password));
  ASSIGN_OR_RETURN(std::string hash, crypto_.HashPassword(next));
  RETURN_IF_ERROR(accounts_.SetPasswordHash(AccountScope::System(), account.id, hash, ctx));
  return sessions_.DeleteForAccount(account.id, ctx);
}

Status Authenticator::ResetPassword(const AccountScope& scope, AccountId account_id,
                                    std::string_view next, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Account account, accounts_.Find(scope, account_id));
  RETURN_IF_ERROR(ValidateNewPassword(next, account.username, policies_.password));
  ASSIGN_OR_RETURN(std::string hash, crypto_.HashPassword(next));
  RETURN_IF_ERROR(accounts_.SetPasswordHash(scope, account.id, hash, ctx));
  return sessions_.DeleteForAccount(account.id, ctx);
}

}  // namespace doithoai
