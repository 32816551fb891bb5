// SQLite implementations of the accounts ports (migrations/0004_accounts.sql):
// accounts scoped by commune, database-held sessions, and failed-login
// records. Every state change writes its audit row in the same transaction.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_ACCOUNT_STORE_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_ACCOUNT_STORE_H_

#include "adapters/storage/sql/database.h"
#include "core/accounts/ports.h"

namespace doithoai::sql {

class SqlAccountRepository : public AccountRepository {
 public:
  explicit SqlAccountRepository(Database& db) : db_(db) {}
  Result<AccountId> Create(const Account& account, const AuditContext& ctx) override;
  Result<Account> FindByUsername(std::string_view username) override;
  Result<Account> Find(const AccountScope& scope, AccountId id) override;
  Result<std::vector<Account>> List(const AccountScope& scope) override;
  Status SetPasswordHash(const AccountScope& scope, AccountId id, const std::string& hash,
                         const AuditContext& ctx) override;
  Status SetDisabled(const AccountScope& scope, AccountId id, bool disabled,
                     const AuditContext& ctx) override;

 private:
  Database& db_;
};

class SqlSessionStore : public SessionStore {
 public:
  explicit SqlSessionStore(Database& db) : db_(db) {}
  Status Create(const StoredSession& session, const AuditContext& ctx) override;
  Result<StoredSession> Find(std::string_view token_hash) override;
  Status Touch(std::string_view token_hash, Timestamp at) override;
  Status Delete(std::string_view token_hash, const AuditContext& ctx) override;
  Status DeleteForAccount(AccountId account, const AuditContext& ctx) override;

 private:
  Database& db_;
};

class SqlThrottleStore : public ThrottleStore {
 public:
  explicit SqlThrottleStore(Database& db) : db_(db) {}
  Status RecordFailure(std::string_view key, Timestamp at) override;
  Result<std::vector<Timestamp>> Failures(std::string_view key, Timestamp since) override;
  Status Clear(std::string_view key) override;

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_ACCOUNT_STORE_H_
