#include "app/user_commands.h"

#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/storage/sql/account_store.h"
#include "adapters/storage/sql/admin_unit_store.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/system/system_clock.h"
#include "app/commands.h"
#include "app/demo.h"
#include "core/accounts/authenticator.h"
#include "core/text/vietnamese.h"

namespace doithoai::app {

namespace {

// Reads one line from stdin; with a terminal, prompts and hides the input.
std::string ReadPassword(const char* prompt) {
  bool tty = isatty(STDIN_FILENO) != 0;
  termios old_mode{};
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &old_mode);
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// "2026-11-27" (UTC) for validity lookups of dated reference data.
std::string IsoDate(Timestamp t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Error Invalid(std::string message) { return MakeError(ErrorCode::kInvalidArgument, message); }

Result<Commune> FindCommune(CommuneRepository& communes, const std::string& slug) {
  Result<Commune> c = communes.FindCommuneBySlug(slug);
  if (!c.ok() && c.error().code == ErrorCode::kNotFound) {
    return Invalid("Không có xã với mã đường dẫn \"" + slug + "\".");
  }
  return c;
}

Result<Account> BuildAccount(const UserAddArgs& args, CommuneRepository& communes) {
  Account a;
  a.username = NormalizeUsername(args.username);
  RETURN_IF_ERROR(ValidateUsername(a.username));
  ASSIGN_OR_RETURN(a.role, ParseRole(args.role));
  for (const std::string& g : args.grants) {
    ASSIGN_OR_RETURN(Grant grant, ParseGrant(g));
    a.denunciation_handler = a.denunciation_handler || grant == Grant::kDenunciationHandler;
  }
  ASSIGN_OR_RETURN(a.display_name, text::ToNfc(args.display_name));
  if (!IsCommuneRole(a.role)) {
    if (!args.commune_slug.empty()) {
      return Invalid("Vai trò " + args.role + " không thuộc một xã: bỏ --commune.");
    }
    if (a.role == Role::kProvinceObserver) {
      if (args.province_code.size() != 2 ||
          args.province_code.find_first_not_of("0123456789") != std::string::npos) {
        return Invalid("Vai trò province_observer cần --province-code gồm 2 chữ số (ADC-02).");
      }
      a.province_code = args.province_code;
    }
    return a;
  }
  if (args.commune_slug.empty()) return Invalid("Vai trò " + args.role + " cần --commune.");
  ASSIGN_OR_RETURN(Commune commune, FindCommune(communes, args.commune_slug));
  a.commune_id = commune.id;
  if (a.role == Role::kVillageHead) {
    ASSIGN_OR_RETURN(std::vector<Village> villages, communes.ListVillages(commune.id));
    ASSIGN_OR_RETURN(std::string wanted, text::ToNfc(args.village));
    for (const Village& v : villages) {
      if (text::Fold(v.name) == text::Fold(wanted)) a.village_id = v.id;
    }
    if (!a.village_id) return Invalid("Trưởng thôn cần --village là tên một thôn của xã.");
  }
  if (a.role == Role::kUnitOfficial) {
    ASSIGN_OR_RETURN(std::vector<Unit> units, communes.ListUnits(commune.id));
    ASSIGN_OR_RETURN(std::string wanted, text::ToNfc(args.unit));
    for (const Unit& u : units) {
      if (text::Fold(u.name) == text::Fold(wanted)) a.unit_id = u.id;
    }
    if (!a.unit_id) return Invalid("Công chức bộ phận cần --unit là tên một bộ phận của xã.");
  }
  return a;
}

Result<Account> FindByUsername(AccountRepository& accounts, const std::string& username) {
  Result<Account> a = accounts.FindByUsername(NormalizeUsername(username));
  if (!a.ok() && a.error().code == ErrorCode::kNotFound) {
    return Invalid("Không có tài khoản \"" + username + "\".");
  }
  return a;
}

}  // namespace

int RunUserAdd(const UserAddArgs& args) {
  auto db = OpenExisting(args.db_path);
  if (!db.ok()) return Fail(db.error());
  if (Result<int> m = (*db)->Migrate(); !m.ok()) return Fail(m.error());
  sql::SqlCommuneRepository communes(**db);
  sql::SqlAccountRepository accounts(**db);
  Result<Account> account = BuildAccount(args, communes);
  if (!account.ok()) return Fail(account.error());
  // Check everything before reading the password, so a typo fails fast.
  std::string password = ReadPassword("Mật khẩu: ");
  Status policy = ValidateNewPassword(password, account->username);
  if (!policy.ok()) return Fail(policy.error());
  auto crypto = SodiumCrypto::Create(PasswordHashCost::Interactive());
  if (!crypto.ok()) return Fail(crypto.error());
  Result<std::string> hash = (*crypto)->HashPassword(password);
  if (!hash.ok()) return Fail(hash.error());
  account->password_hash = *hash;
  SystemClock clock;
  Result<AccountId> id = accounts.Create(*account, CliAuditContext(clock));
  if (!id.ok()) return Fail(id.error());
  std::printf("Đã tạo tài khoản %s (%s).\n", account->username.c_str(),
              std::string(RoleCode(account->role)).c_str());
  return 0;
}

int RunUserPasswd(const std::string& db_path, const std::string& username) {
  auto db = OpenExisting(db_path);
  if (!db.ok()) return Fail(db.error());
  sql::SqlAccountRepository accounts(**db);
  sql::SqlSessionStore sessions(**db);
  sql::SqlThrottleStore throttle(**db);
  Result<Account> account = FindByUsername(accounts, username);
  if (!account.ok()) return Fail(account.error());
  std::string password = ReadPassword("Mật khẩu mới: ");
  auto crypto = SodiumCrypto::Create(PasswordHashCost::Interactive());
  if (!crypto.ok()) return Fail(crypto.error());
  SystemClock clock;
  Authenticator auth(accounts, sessions, throttle, **crypto, clock);
  Status s =
      auth.ResetPassword(AccountScope::System(), account->id, password, CliAuditContext(clock));
  if (!s.ok()) return Fail(s.error());
  std::printf("Đã đặt mật khẩu mới cho %s; mọi phiên đăng nhập cũ đã kết thúc.\n",
              account->username.c_str());
  return 0;
}

int RunUserList(const std::string& db_path, const std::string& commune_slug) {
  auto db = OpenExisting(db_path);
  if (!db.ok()) return Fail(db.error());
  sql::SqlCommuneRepository communes(**db);
  sql::SqlAccountRepository accounts(**db);
  AccountScope scope = AccountScope::System();
  if (!commune_slug.empty()) {
    Result<Commune> c = FindCommune(communes, commune_slug);
    if (!c.ok()) return Fail(c.error());
    scope = AccountScope::Of(c->id);
  }
  Result<std::vector<Account>> list = accounts.List(scope);
  if (!list.ok()) return Fail(list.error());
  for (const Account& a : *list) {
    std::printf("%-20s %-18s %s%s%s\n", a.username.c_str(), std::string(RoleCode(a.role)).c_str(),
                a.display_name.c_str(), a.denunciation_handler ? " [denunciation_handler]" : "",
                a.disabled ? " (đã khóa)" : "");
  }
  return 0;
}

int RunUserSetDisabled(const std::string& db_path, const std::string& username, bool disabled) {
  auto db = OpenExisting(db_path);
  if (!db.ok()) return Fail(db.error());
  sql::SqlAccountRepository accounts(**db);
  sql::SqlSessionStore sessions(**db);
  Result<Account> account = FindByUsername(accounts, username);
  if (!account.ok()) return Fail(account.error());
  SystemClock clock;
  AuditContext ctx = CliAuditContext(clock);
  Status s = accounts.SetDisabled(AccountScope::System(), account->id, disabled, ctx);
  if (s.ok() && disabled) s = sessions.DeleteForAccount(account->id, ctx);
  if (!s.ok()) return Fail(s.error());
  std::printf(disabled ? "Đã khóa tài khoản %s.\n" : "Đã mở khóa tài khoản %s.\n",
              account->username.c_str());
  return 0;
}

int RunCommuneAdd(const CommuneAddArgs& args) {
  auto db = OpenExisting(args.db_path);
  if (!db.ok()) return Fail(db.error());
  if (Result<int> m = (*db)->Migrate(); !m.ok()) return Fail(m.error());
  Result<std::string> name = text::ToNfc(args.name);
  if (!name.ok()) return Fail(name.error());
  Commune commune;
  commune.slug = args.slug;
  commune.code = args.unit_code;
  commune.remote_area = args.remote_area;
  Result<std::string> province = text::ToNfc(args.province_name);
  if (!province.ok()) return Fail(province.error());
  commune.province_name = *province;
  // "Xã Hoằng Trường" → type xã, name "Hoằng Trường" (ADM-05).
  struct Prefix {
    const char* folded;
    CommuneType type;
  };
  commune.type = CommuneType::kXa;
  commune.name = *name;
  for (const Prefix& p : {Prefix{"xa ", CommuneType::kXa}, Prefix{"phuong ", CommuneType::kPhuong},
                          Prefix{"dac khu ", CommuneType::kDacKhu}}) {
    std::string folded = text::Fold(*name);
    if (folded.rfind(p.folded, 0) == 0) {
      commune.type = p.type;
      size_t words = p.type == CommuneType::kDacKhu ? 2 : 1;
      size_t at = 0;
      for (size_t i = 0; i < words; ++i) at = name->find(' ', at) + 1;
      commune.name = name->substr(at);
      break;
    }
  }
  if (Status v = ValidateCommune(commune); !v.ok()) return Fail(v.error());
  SystemClock clock;
  // Check the code against the administrative-unit snapshot (ADC-06): fill
  // the province from it, and warn when the code is not in the snapshot.
  sql::SqlAdminUnitStore units(**db);
  std::string today = IsoDate(clock.Now());
  Result<std::optional<AdminUnit>> unit = units.FindValidOn(commune.code, today);
  if (!unit.ok()) return Fail(unit.error());
  if (!unit->has_value()) {
    std::fprintf(stderr,
                 "Cảnh báo: mã %s chưa có trong danh mục đơn vị hành chính đã nhập "
                 "(doithoai units import).\n",
                 commune.code.c_str());
  } else if (commune.province_name.empty()) {
    Result<std::optional<AdminUnit>> parent = units.FindValidOn((**unit).parent_code, today);
    if (parent.ok() && parent->has_value()) commune.province_name = (**parent).name;
  }
  sql::SqlCommuneRepository communes(**db);
  Result<CommuneId> id = communes.CreateCommune(commune, CliAuditContext(clock));
  if (!id.ok()) return Fail(id.error());
  std::printf("Đã thêm %s (/x/%s).\n", commune.PeoplesCommitteeName().c_str(),
              commune.slug.c_str());
  return 0;
}

int RunDemoLogins() {
  std::printf("Tài khoản mẫu của xã Hoằng Trường (mật khẩu chung: %s):\n", DemoPassword().c_str());
  for (const DemoLogin& l : DemoLogins()) {
    std::printf("  %-15s %-18s %s\n", l.username.c_str(), l.role.c_str(), l.display_name.c_str());
  }
  return 0;
}

}  // namespace doithoai::app
