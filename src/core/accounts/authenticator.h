// Authenticator: login with throttling, session resolution with idle and
// absolute expiry, logout (here and everywhere), password change and reset.
// Sessions live in the database (SessionStore) so any server process can
// serve any request. Thread-safe if its ports are.
#ifndef DOITHOAI_CORE_ACCOUNTS_AUTHENTICATOR_H_
#define DOITHOAI_CORE_ACCOUNTS_AUTHENTICATOR_H_

#include <string>

#include "core/accounts/ports.h"
#include "core/common/clock.h"

namespace doithoai {

struct AuthPolicies {
  PasswordPolicy password;
  ThrottlePolicy per_account{5, std::chrono::minutes(15)};
  ThrottlePolicy per_address{20, std::chrono::minutes(15)};
  SessionPolicy session;
};

struct LoginRequest {
  std::string username;
  std::string password;
  std::string client_address;
};

struct Session {
  Actor actor;
  std::string csrf_token;
  std::string token_hash;
};

struct LoginResult {
  std::string token;  // give to the client once; only its hash is stored
  Session session;
};

// Name of the Error field that carries the wait, in seconds, when a login is
// throttled (code kResourceExhausted).
inline constexpr char kRetryAfterField[] = "retry_after_seconds";

class Authenticator {
 public:
  Authenticator(AccountRepository& accounts, SessionStore& sessions, ThrottleStore& throttle,
                Crypto& crypto, const Clock& clock, AuthPolicies policies = {})
      : accounts_(accounts),
        sessions_(sessions),
        throttle_(throttle),
        crypto_(crypto),
        clock_(clock),
        policies_(policies) {}

  // kResourceExhausted (with kRetryAfterField) when throttled — checked
  // before the password, so a throttled attempt answers the same whatever the
  // password; kUnauthenticated for a wrong username/password or a disabled
  // account (one message for all, so usernames cannot be probed).
  Result<LoginResult> Login(const LoginRequest& request);

  // The session for a token; kUnauthenticated if unknown, expired (then
  // deleted) or its account is disabled.
  Result<Session> Resolve(std::string_view token);

  Status Logout(std::string_view token, const AuditContext& ctx);
  Status LogoutEverywhere(AccountId account, const AuditContext& ctx);

  // Checks the current password, applies the policy, and ends every session
  // of the account.
  Status ChangePassword(const Actor& actor, std::string_view current, std::string_view next,
                        const AuditContext& ctx);
  // An administrator sets a new password for an account in `scope`.
  Status ResetPassword(const AccountScope& scope, AccountId account, std::string_view next,
                       const AuditContext& ctx);

  const AuthPolicies& policies() const { return policies_; }

 private:
  Status CheckThrottle(const std::string& key, const ThrottlePolicy& policy);
  AccountRepository& accounts_;
  SessionStore& sessions_;
  ThrottleStore& throttle_;
  Crypto& crypto_;
  const Clock& clock_;
  AuthPolicies policies_;
};

// Lower-cases ASCII and NFC-normalises a username as typed at login.
std::string NormalizeUsername(std::string_view typed);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_ACCOUNTS_AUTHENTICATOR_H_
