#include "adapters/web/account_admin_pages.h"

#include "adapters/web/responses.h"
#include "core/accounts/authenticator.h"
#include "core/text/vietnamese.h"

namespace doithoai::web {

namespace {

Error Invalid(const char* field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, message, {{field, message}}};
}

}  // namespace

void AccountAdminPages::Register(Site& site) {
  site.Add("POST", "/quan-tri/{slug}/tai-khoan", Access::kSignedIn,
           [this, &site](http::HttpRequest& r, RequestContext& c) { return Create(site, r, c); });
  site.Add(
      "POST", "/quan-tri/{slug}/tai-khoan/{id}/khoa", Access::kSignedIn,
      [this, &site](http::HttpRequest& r, RequestContext& c) { return SetLocked(site, r, c); });
  site.Add("POST", "/quan-tri/{slug}/tai-khoan/{id}/mat-khau", Access::kSignedIn,
           [this, &site](http::HttpRequest& r, RequestContext& c) { return Reset(site, r, c); });
}

Result<Commune> AccountAdminPages::Managed(const http::HttpRequest& request,
                                           const RequestContext& ctx, http::HttpResponse* denied) {
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageAccounts, denied);
  if (!commune.ok()) return commune;
  if (!ctx.form) {
    *denied =
        ErrorResponse(request, MakeError(ErrorCode::kInvalidArgument, "Thiếu dữ liệu biểu mẫu."));
    return MakeError(ErrorCode::kInvalidArgument, "");
  }
  return commune;
}

Result<AccountId> AccountAdminPages::AccountParam(const http::HttpRequest& request) {
  ASSIGN_OR_RETURN(int64_t id, IdParam(request, "id"));
  return AccountId{id};
}

http::HttpResponse AccountAdminPages::Create(Site& site, http::HttpRequest& request,
                                             RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune = Managed(request, ctx, &denied);
  if (!commune.ok()) return denied;
  const http::FormData& form = *ctx.form;
  Account account;
  account.commune_id = commune->id;
  account.username = NormalizeUsername(form.Get("username"));
  account.display_name = form.Get("display_name");
  Error problems{ErrorCode::kInvalidArgument, "Thông tin tài khoản chưa hợp lệ.", {}};
  if (Status s = ValidateUsername(account.username); !s.ok()) {
    problems.fields.push_back(s.error().fields.front());
  }
  Result<Role> role = ParseRole(form.Get("role"));
  if (!role.ok() || !IsCommuneRole(*role)) {
    problems.fields.push_back({"role", "Chọn một vai trò của xã."});
  } else {
    account.role = *role;
  }
  account.denunciation_handler = form.Get("denunciation_handler") == "1";
  if (role.ok() && *role == Role::kVillageHead) {
    auto villages = communes_.ListVillages(commune->id);
    if (!villages.ok()) return ErrorResponse(request, villages.error());
    for (const Village& v : *villages) {
      if (std::to_string(v.id.value) == form.Get("village_id")) account.village_id = v.id;
    }
    if (!account.village_id)
      problems.fields.push_back({"village_id", "Chọn thôn của trưởng thôn."});
  }
  if (role.ok() && *role == Role::kUnitOfficial) {
    auto units = communes_.ListUnits(commune->id);
    if (!units.ok()) return ErrorResponse(request, units.error());
    for (const Unit& u : *units) {
      if (std::to_string(u.id.value) == form.Get("unit_id")) account.unit_id = u.id;
    }
    if (!account.unit_id) problems.fields.push_back({"unit_id", "Chọn bộ phận của công chức."});
  }
  std::string password = form.Get("password");
  if (Status s = ValidateNewPassword(password, account.username, site.auth().policies().password);
      !s.ok()) {
    problems.fields.push_back(s.error().fields.front());
  }
  if (!problems.fields.empty()) return ErrorResponse(request, problems);
  Result<std::string> hash = crypto_.HashPassword(password);
  if (!hash.ok()) return ErrorResponse(request, hash.error());
  account.password_hash = *hash;
  Result<AccountId> id =
      accounts_.Create(account, AuditContextFor(request, ctx, commune->id, clock_));
  if (!id.ok()) return ErrorResponse(request, id.error());
  return Redirect("/quan-tri/" + commune->slug + "#tai-khoan");
}

Result<std::pair<Commune, AccountId>> AccountAdminPages::ManagedAccount(
    const http::HttpRequest& request, const RequestContext& ctx, http::HttpResponse* denied) {
  ASSIGN_OR_RETURN(Commune commune, Managed(request, ctx, denied));
  Result<AccountId> id = AccountParam(request);
  if (!id.ok()) return Deny(request, id.error(), denied);
  return std::make_pair(std::move(commune), *id);
}

http::HttpResponse AccountAdminPages::SetLocked(Site& site, http::HttpRequest& request,
                                                RequestContext& ctx) {
  http::HttpResponse denied;
  auto target = ManagedAccount(request, ctx, &denied);
  if (!target.ok()) return denied;
  const auto& [commune, id] = *target;
  bool lock = ctx.form->Get("locked") == "1";
  if (lock && id == ctx.actor()->account_id) {
    return ErrorResponse(request, Invalid("locked", "Không thể tự khóa tài khoản của mình."));
  }
  AuditContext audit = AuditContextFor(request, ctx, commune.id, clock_);
  Status s = accounts_.SetDisabled(AccountScope::Of(commune.id), id, lock, audit);
  if (s.ok() && lock) s = site.auth().LogoutEverywhere(id, audit);
  if (!s.ok()) return ErrorResponse(request, s.error());
  return Redirect("/quan-tri/" + commune.slug + "#tai-khoan");
}

http::HttpResponse AccountAdminPages::Reset(Site& site, http::HttpRequest& request,
                                            RequestContext& ctx) {
  http::HttpResponse denied;
  auto target = ManagedAccount(request, ctx, &denied);
  if (!target.ok()) return denied;
  const auto& [commune, id] = *target;
  Status s = site.auth().ResetPassword(AccountScope::Of(commune.id), id, ctx.form->Get("password"),
                                       AuditContextFor(request, ctx, commune.id, clock_));
  if (!s.ok()) return ErrorResponse(request, s.error());
  return Redirect("/quan-tri/" + commune.slug + "#tai-khoan");
}

}  // namespace doithoai::web
