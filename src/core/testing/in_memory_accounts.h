// In-memory fakes of the accounts ports, for use-case tests (leveldb memenv,
// Envoy test/mocks). Not thread-safe. FakeCrypto "hashes" by prefixing, and
// hands out sequential tokens, so tests are deterministic.
#ifndef DOITHOAI_CORE_TESTING_IN_MEMORY_ACCOUNTS_H_
#define DOITHOAI_CORE_TESTING_IN_MEMORY_ACCOUNTS_H_

#include <map>
#include <string>
#include <vector>

#include "core/accounts/ports.h"

namespace doithoai {

class InMemoryAccountRepository : public AccountRepository {
 public:
  Result<AccountId> Create(const Account& account, const AuditContext& ctx) override {
    for (const auto& [id, a] : rows_) {
      if (a.username == account.username) {
        return MakeError(ErrorCode::kAlreadyExists, "Tên đăng nhập đã tồn tại.");
      }
    }
    Account copy = account;
    copy.id = AccountId{static_cast<int64_t>(rows_.size()) + 1};
    rows_[copy.id.value] = copy;
    audit.push_back("account.create:" + ctx.actor_name);
    return copy.id;
  }
  Result<Account> FindByUsername(std::string_view username) override {
    for (const auto& [id, a] : rows_) {
      if (a.username == username) return a;
    }
    return MakeError(ErrorCode::kNotFound, "Không tìm thấy tài khoản.");
  }
  Result<Account> Find(const AccountScope& scope, AccountId id) override {
    auto it = rows_.find(id.value);
    if (it == rows_.end() || (scope.commune && it->second.commune_id != scope.commune)) {
      return MakeError(ErrorCode::kNotFound, "Không tìm thấy tài khoản.");
    }
    return it->second;
  }
  Result<std::vector<Account>> List(const AccountScope& scope) override {
    std::vector<Account> out;
    for (const auto& [id, a] : rows_) {
      if (!scope.commune || a.commune_id == scope.commune) out.push_back(a);
    }
    return out;
  }
  Status SetPasswordHash(const AccountScope& scope, AccountId id, const std::string& hash,
                         const AuditContext& ctx) override {
    ASSIGN_OR_RETURN(Account a, Find(scope, id));
    rows_[a.id.value].password_hash = hash;
    audit.push_back("account.password:" + ctx.actor_name);
    return OkStatus();
  }
  Status SetDisabled(const AccountScope& scope, AccountId id, bool disabled,
                     const AuditContext& ctx) override {
    ASSIGN_OR_RETURN(Account a, Find(scope, id));
    rows_[a.id.value].disabled = disabled;
    audit.push_back("account.disabled:" + ctx.actor_name);
    return OkStatus();
  }
  std::vector<std::string> audit;

 private:
  std::map<int64_t, Account> rows_;
};

class InMemorySessionStore : public SessionStore {
 public:
  Status Create(const StoredSession& s, const AuditContext&) override {
    rows_[s.token_hash] = s;
    return OkStatus();
  }
  Result<StoredSession> Find(std::string_view token_hash) override {
    auto it = rows_.find(std::string(token_hash));
    if (it == rows_.end()) return MakeError(ErrorCode::kNotFound, "no session");
    return it->second;
  }
  Status Touch(std::string_view token_hash, Timestamp at) override {
    auto it = rows_.find(std::string(token_hash));
    if (it != rows_.end()) it->second.times.last_seen_at = at;
    return OkStatus();
  }
  Status Delete(std::string_view token_hash, const AuditContext&) override {
    rows_.erase(std::string(token_hash));
    return OkStatus();
  }
  Status DeleteForAccount(AccountId account, const AuditContext&) override {
    std::erase_if(rows_, [&](const auto& kv) { return kv.second.account_id == account; });
    return OkStatus();
  }
  size_t size() const { return rows_.size(); }

 private:
  std::map<std::string, StoredSession> rows_;
};

class InMemoryThrottleStore : public ThrottleStore {
 public:
  Status RecordFailure(std::string_view key, Timestamp at) override {
    rows_[std::string(key)].push_back(at);
    return OkStatus();
  }
  Result<std::vector<Timestamp>> Failures(std::string_view key, Timestamp since) override {
    std::vector<Timestamp> out;
    for (Timestamp t : rows_[std::string(key)]) {
      if (t >= since) out.push_back(t);
    }
    return out;
  }
  Status Clear(std::string_view key) override {
    rows_.erase(std::string(key));
    return OkStatus();
  }

 private:
  std::map<std::string, std::vector<Timestamp>> rows_;
};

class FakeCrypto : public Crypto {
 public:
  Result<std::string> HashPassword(std::string_view password) override {
    return "fake$" + std::string(password);
  }
  bool VerifyPassword(std::string_view hash, std::string_view password) override {
    ++verifications;
    return !hash.empty() && hash == "fake$" + std::string(password);
  }
  std::string NewToken() override { return "token-" + std::to_string(++next_); }
  std::string TokenHash(std::string_view token) override { return "h(" + std::string(token) + ")"; }
  int verifications = 0;

 private:
  int next_ = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_TESTING_IN_MEMORY_ACCOUNTS_H_
