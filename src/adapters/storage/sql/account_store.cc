#include "adapters/storage/sql/account_store.h"

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/storage/sql/audit_log.h"

namespace doithoai::sql {

namespace {

constexpr char kSelectAccount[] =
    "SELECT id, commune_id, username, display_name, role, denunciation_handler, village_id, "
    "unit_id, province_code, password_hash, disabled FROM accounts ";

int64_t Ms(Timestamp t) { return t.time_since_epoch().count(); }
Timestamp FromMs(int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

Result<Account> AccountFromRow(const Statement& row) {
  Account a;
  a.id = AccountId{row.ColumnInt(0)};
  if (!row.ColumnIsNull(1)) a.commune_id = CommuneId{row.ColumnInt(1)};
  a.username = row.ColumnText(2);
  a.display_name = row.ColumnText(3);
  Result<Role> role = ParseRole(row.ColumnText(4));
  if (!role.ok()) return MakeError(ErrorCode::kInternal, "stored role: " + row.ColumnText(4));
  a.role = *role;
  a.denunciation_handler = row.ColumnInt(5) != 0;
  if (!row.ColumnIsNull(6)) a.village_id = VillageId{row.ColumnInt(6)};
  if (!row.ColumnIsNull(7)) a.unit_id = UnitId{row.ColumnInt(7)};
  a.province_code = row.ColumnText(8);
  a.password_hash = row.ColumnText(9);
  a.disabled = row.ColumnInt(10) != 0;
  return a;
}

// What the audit log records of an account: never the password hash.
std::string Summary(const Account& a) {
  nlohmann::json j = {{"username", a.username},
                      {"role", RoleCode(a.role)},
                      {"denunciation_handler", a.denunciation_handler},
                      {"disabled", a.disabled}};
  if (a.village_id) j["village_id"] = a.village_id->value;
  if (a.unit_id) j["unit_id"] = a.unit_id->value;
  return j.dump();
}

Error AccountNotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy tài khoản."); }

// Loads one account visible in `scope` (isolation: other communes' rows are
// "not found", never returned). The CASTs give PostgreSQL the parameter's
// type up front (otherwise its first prepare fails and is retried typed).
Result<Account> FindScoped(Connection& c, const AccountScope& scope, AccountId id) {
  ASSIGN_OR_RETURN(Statement st,
                   c.Prepare(std::string(kSelectAccount) +
                             "WHERE id = ?1 AND (CAST(?2 AS BIGINT) IS NULL OR commune_id = ?2)"));
  st.Bind(1, id.value);
  if (scope.commune) {
    st.Bind(2, scope.commune->value);
  } else {
    st.BindNull(2);
  }
  ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return AccountNotFound();
  return AccountFromRow(st);
}

Status Audit(Connection& c, const AuditContext& ctx, const char* action, const Account& a,
             std::string before, std::string after) {
  AuditContext scoped = ctx;
  if (a.commune_id) scoped.commune = *a.commune_id;
  return AppendAudit(c, MakeAuditEntry(scoped, action, "account", std::to_string(a.id.value),
                                       std::move(before), std::move(after)));
}

}  // namespace

Result<AccountId> SqlAccountRepository::Create(const Account& account, const AuditContext& ctx) {
  return db_.Write<AccountId>([&](Connection& c) -> Result<AccountId> {
    ASSIGN_OR_RETURN(Statement taken,
                     c.Prepare("SELECT 1 FROM accounts WHERE lower(username) = lower(?1)"));
    taken.Bind(1, account.username);
    ASSIGN_OR_RETURN(bool exists, taken.Step());
    if (exists) {
      return Error{ErrorCode::kAlreadyExists,
                   "Tên đăng nhập \"" + account.username + "\" đã được dùng.",
                   {{"username", "Tên đăng nhập đã được dùng."}}};
    }
    ASSIGN_OR_RETURN(
        Statement st,
        c.Prepare("INSERT INTO accounts (commune_id, username, display_name, role, "
                  "denunciation_handler, village_id, unit_id, province_code, password_hash, "
                  "disabled, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                  "RETURNING id"));
    if (account.commune_id) {
      st.Bind(1, account.commune_id->value);
    } else {
      st.BindNull(1);
    }
    st.Bind(2, account.username).Bind(3, account.display_name).Bind(4, RoleCode(account.role));
    st.Bind(5, account.denunciation_handler ? 1 : 0);
    if (account.village_id) {
      st.Bind(6, account.village_id->value);
    } else {
      st.BindNull(6);
    }
    if (account.unit_id) {
      st.Bind(7, account.unit_id->value);
    } else {
      st.BindNull(7);
    }
    st.Bind(8, account.province_code).Bind(9, account.password_hash);
    st.Bind(10, account.disabled ? 1 : 0).Bind(11, Ms(ctx.at));
    ASSIGN_OR_RETURN(const int64_t new_id, st.RunReturningInt());
    Account created = account;
    created.id = AccountId{new_id};
    RETURN_IF_ERROR(Audit(c, ctx, "account.create", created, "", Summary(created)));
    return created.id;
  });
}

Result<Account> SqlAccountRepository::FindByUsername(std::string_view username) {
  return db_.Read<Account>([&](Connection& c) -> Result<Account> {
    ASSIGN_OR_RETURN(Statement st,
                     c.Prepare(std::string(kSelectAccount) + "WHERE lower(username) = lower(?1)"));
    st.Bind(1, username);
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return AccountNotFound();
    return AccountFromRow(st);
  });
}

Result<Account> SqlAccountRepository::Find(const AccountScope& scope, AccountId id) {
  return db_.Read<Account>([&](Connection& c) { return FindScoped(c, scope, id); });
}

Result<std::vector<Account>> SqlAccountRepository::List(const AccountScope& scope) {
  return db_.Read<std::vector<Account>>([&](Connection& c) -> Result<std::vector<Account>> {
    ASSIGN_OR_RETURN(Statement st, c.Prepare(std::string(kSelectAccount) +
                                             "WHERE CAST(?1 AS BIGINT) IS NULL OR commune_id = ?1 "
                                             "ORDER BY username"));
    if (scope.commune) {
      st.Bind(1, scope.commune->value);
    } else {
      st.BindNull(1);
    }
    std::vector<Account> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      ASSIGN_OR_RETURN(Account a, AccountFromRow(st));
      out.push_back(std::move(a));
    }
    return out;
  });
}

Status SqlAccountRepository::SetPasswordHash(const AccountScope& scope, AccountId id,
                                             const std::string& hash, const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Account a, FindScoped(c, scope, id));
    ASSIGN_OR_RETURN(Statement st,
                     c.Prepare("UPDATE accounts SET password_hash = ?1 WHERE id = ?2"));
    st.Bind(1, hash).Bind(2, a.id.value);
    RETURN_IF_ERROR(st.Run());
    return Audit(c, ctx, "account.password_set", a, "", R"({"password":"changed"})");
  });
}

Status SqlAccountRepository::SetDisabled(const AccountScope& scope, AccountId id, bool disabled,
                                         const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Account a, FindScoped(c, scope, id));
    ASSIGN_OR_RETURN(Statement st, c.Prepare("UPDATE accounts SET disabled = ?1 WHERE id = ?2"));
    st.Bind(1, disabled ? 1 : 0).Bind(2, a.id.value);
    RETURN_IF_ERROR(st.Run());
    std::string before = Summary(a);
    a.disabled = disabled;
    return Audit(c, ctx, disabled ? "account.disable" : "account.enable", a, before, Summary(a));
  });
}

Status SqlSessionStore::Create(const StoredSession& s, const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement st,
                     c.Prepare("INSERT INTO sessions (token_hash, account_id, csrf_token, "
                               "created_at_ms, last_seen_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
    st.Bind(1, s.token_hash).Bind(2, s.account_id.value).Bind(3, s.csrf_token);
    st.Bind(4, Ms(s.times.created_at)).Bind(5, Ms(s.times.last_seen_at));
    RETURN_IF_ERROR(st.Run());
    // The token hash is not logged: the log names the account only.
    return AppendAudit(c, MakeAuditEntry(ctx, "session.login", "account",
                                         std::to_string(s.account_id.value), "", ""));
  });
}

Result<StoredSession> SqlSessionStore::Find(std::string_view token_hash) {
  return db_.Read<StoredSession>([&](Connection& c) -> Result<StoredSession> {
    ASSIGN_OR_RETURN(Statement st,
                     c.Prepare("SELECT token_hash, account_id, csrf_token, created_at_ms, "
                               "last_seen_at_ms FROM sessions WHERE token_hash = ?1"));
    st.Bind(1, token_hash);
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return MakeError(ErrorCode::kNotFound, "Phiên đăng nhập không tồn tại.");
    return StoredSession{st.ColumnText(0), AccountId{st.ColumnInt(1)}, st.ColumnText(2),
                         SessionTimes{FromMs(st.ColumnInt(3)), FromMs(st.ColumnInt(4))}};
  });
}

Status SqlSessionStore::Touch(std::string_view token_hash, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement st,
                     c.Prepare("UPDATE sessions SET last_seen_at_ms = ?1 WHERE token_hash = ?2"));
    st.Bind(1, Ms(at)).Bind(2, token_hash);
    return st.Run();
  });
}

Status SqlSessionStore::Delete(std::string_view token_hash, const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement st,
                     c.Prepare("DELETE FROM sessions WHERE token_hash = ?1 RETURNING account_id"));
    st.Bind(1, token_hash);
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return OkStatus();
    std::string account = std::to_string(st.ColumnInt(0));
    RETURN_IF_ERROR(st.Run());
    return AppendAudit(c, MakeAuditEntry(ctx, "session.logout", "account", account, "", ""));
  });
}

Status SqlSessionStore::DeleteForAccount(AccountId account, const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement st, c.Prepare("DELETE FROM sessions WHERE account_id = ?1"));
    st.Bind(1, account.value);
    RETURN_IF_ERROR(st.Run());
    if (c.Changes() == 0) return OkStatus();
    return AppendAudit(c, MakeAuditEntry(ctx, "session.logout_everywhere", "account",
                                         std::to_string(account.value), "", ""));
  });
}

Status SqlThrottleStore::RecordFailure(std::string_view key, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement st,
                     c.Prepare("INSERT INTO login_failures (key, at_ms) VALUES (?1, ?2)"));
    st.Bind(1, key).Bind(2, Ms(at));
    RETURN_IF_ERROR(st.Run());
    // Housekeeping: forget failures older than a day for this key.
    ASSIGN_OR_RETURN(Statement old,
                     c.Prepare("DELETE FROM login_failures WHERE key = ?1 AND at_ms < ?2"));
    old.Bind(1, key).Bind(2, Ms(at) - 24 * 3600 * 1000);
    return old.Run();
  });
}

Result<std::vector<Timestamp>> SqlThrottleStore::Failures(std::string_view key, Timestamp since) {
  return db_.Read<std::vector<Timestamp>>([&](Connection& c) -> Result<std::vector<Timestamp>> {
    ASSIGN_OR_RETURN(Statement st, c.Prepare("SELECT at_ms FROM login_failures WHERE key = ?1 "
                                             "AND at_ms >= ?2 ORDER BY at_ms"));
    st.Bind(1, key).Bind(2, Ms(since));
    std::vector<Timestamp> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.push_back(FromMs(st.ColumnInt(0)));
    }
    return out;
  });
}

Status SqlThrottleStore::Clear(std::string_view key) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement st, c.Prepare("DELETE FROM login_failures WHERE key = ?1"));
    st.Bind(1, key);
    return st.Run();
  });
}

}  // namespace doithoai::sql
