// Ports of the accounts module: what storage and crypto must provide.
// Every mutating call takes an AuditContext; implementations write the
// change and its audit row in one transaction. Reads of accounts are scoped:
// Find/List take the acting scope and never return another commune's rows.
#ifndef DOITHOAI_CORE_ACCOUNTS_PORTS_H_
#define DOITHOAI_CORE_ACCOUNTS_PORTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/account.h"
#include "core/accounts/credentials.h"
#include "core/audit/audit_entry.h"
#include "core/common/result.h"

namespace doithoai {

// Which accounts a caller may load: one commune's, or every one (system).
struct AccountScope {
  std::optional<CommuneId> commune;  // empty = installation-wide (system admin, CLI)
  static AccountScope System() { return {}; }
  static AccountScope Of(CommuneId c) { return {c}; }
};

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  // kAlreadyExists when the username is taken (case-insensitive).
  virtual Result<AccountId> Create(const Account& account, const AuditContext& ctx) = 0;
  // Installation-wide lookup for login only.
  virtual Result<Account> FindByUsername(std::string_view username) = 0;
  // kNotFound for an account outside `scope` (isolation: never its data).
  virtual Result<Account> Find(const AccountScope& scope, AccountId id) = 0;
  // Ordered by username.
  virtual Result<std::vector<Account>> List(const AccountScope& scope) = 0;
  virtual Status SetPasswordHash(const AccountScope& scope, AccountId id, const std::string& hash,
                                 const AuditContext& ctx) = 0;
  virtual Status SetDisabled(const AccountScope& scope, AccountId id, bool disabled,
                             const AuditContext& ctx) = 0;
};

struct StoredSession {
  std::string token_hash;  // SHA-256 of the bearer/cookie token; the token is never stored
  AccountId account_id;
  std::string csrf_token;
  SessionTimes times;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  virtual Status Create(const StoredSession& session, const AuditContext& ctx) = 0;
  virtual Result<StoredSession> Find(std::string_view token_hash) = 0;
  virtual Status Touch(std::string_view token_hash, Timestamp at) = 0;
  virtual Status Delete(std::string_view token_hash, const AuditContext& ctx) = 0;
  virtual Status DeleteForAccount(AccountId account, const AuditContext& ctx) = 0;
};

// Failed-login timestamps per key ("user:NAME", "addr:IP").
class ThrottleStore {
 public:
  virtual ~ThrottleStore() = default;
  virtual Status RecordFailure(std::string_view key, Timestamp at) = 0;
  virtual Result<std::vector<Timestamp>> Failures(std::string_view key, Timestamp since) = 0;
  virtual Status Clear(std::string_view key) = 0;
};

// Password hashing and tokens (libsodium in adapters/crypto).
class Crypto {
 public:
  virtual ~Crypto() = default;
  virtual Result<std::string> HashPassword(std::string_view password) = 0;
  // False for a wrong password. An empty `hash` always fails but costs as much
  // as a real verification.
  virtual bool VerifyPassword(std::string_view hash, std::string_view password) = 0;
  // 256 random bits, URL-safe text.
  virtual std::string NewToken() = 0;
  // Hex SHA-256: what storage keeps instead of the token.
  virtual std::string TokenHash(std::string_view token) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_ACCOUNTS_PORTS_H_
