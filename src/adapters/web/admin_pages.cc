#include "adapters/web/admin_pages.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "adapters/json/json_reader.h"
#include "adapters/web/labels.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/text/vietnamese.h"

namespace doithoai::web {

namespace {

// Name fields: NFC (the form parser already normalised), trimmed, 1..max
// characters.
Result<std::string> RequiredName(const std::string& value, const char* field, size_t max_bytes,
                                 const char* label) {
  std::string folded = text::Fold(value);
  size_t b = value.find_first_not_of(" \t\r\n");
  size_t e = value.find_last_not_of(" \t\r\n");
  std::string trimmed = b == std::string::npos ? "" : value.substr(b, e - b + 1);
  if (trimmed.empty() || folded.empty()) {
    std::string m = std::string("Chưa nhập ") + label + ".";
    return Error{ErrorCode::kInvalidArgument, m, {{field, m}}};
  }
  if (trimmed.size() > max_bytes) {
    std::string m = std::string(label) + " quá dài.";
    return Error{ErrorCode::kInvalidArgument, m, {{field, m}}};
  }
  return trimmed;
}

// The position field of a form: "" → `fallback`; else 0..9999.
Result<int> PositionField(const std::string& text, int fallback) {
  if (text.empty()) return fallback;
  int position = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), position);
  if (ec != std::errc() || end != text.data() + text.size() || position < 0 || position > 9999) {
    return Error{ErrorCode::kInvalidArgument,
                 "Thứ tự không hợp lệ.",
                 {{"position", "Thứ tự phải là số từ 0 đến 9999."}}};
  }
  return position;
}

nlohmann::json VillagesJson(const std::vector<Village>& villages) {
  nlohmann::json list = nlohmann::json::array();
  for (const Village& v : villages) {
    list.push_back({{"id", v.id.value}, {"name", v.name}, {"position", v.position}});
  }
  return list;
}

}  // namespace

void AdminPages::Register(Site& site) {
  site.Add("GET", "/quan-tri", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Index(r, c); });
  site.Add("GET", "/quan-tri/{slug}", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Dashboard(r, c, ""); });
  site.Add("POST", "/quan-tri/{slug}/thon", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return AddVillage(r, c, false); });
  site.Add("POST", "/quan-tri/{slug}/bo-phan", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return AddUnit(r, c); });
  site.Add("POST", "/quan-tri/{slug}/can-bo", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return AddOfficial(r, c); });
  site.Add("POST", "/quan-tri/{slug}/thon/{id}", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return EditVillage(r, c); });
  site.Add("POST", "/quan-tri/{slug}/bo-phan/{id}", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return EditUnit(r, c); });
  site.Add("POST", "/quan-tri/{slug}/can-bo/{id}", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return EditOfficial(r, c); });
  site.Add("GET", "/quan-tri/{slug}/nhat-ky", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return AuditLog(r, c); });
  site.Add("GET", "/api/v1/communes/{slug}/villages", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return ListVillagesJson(r, c); });
  site.Add("POST", "/api/v1/communes/{slug}/villages", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return AddVillage(r, c, true); });
}

http::HttpResponse AdminPages::Index(http::HttpRequest& request, RequestContext& ctx) {
  const Actor& actor = *ctx.actor();
  if (actor.commune_id) {
    Result<Commune> commune = communes_.FindCommune(*actor.commune_id);
    if (!commune.ok()) return ErrorResponse(request, commune.error());
    return Redirect("/quan-tri/" + commune->slug);
  }
  if (actor.role == Role::kProvinceObserver && !actor.province_code.empty()) {
    // Province observers read the reports across their province (issue #7).
    return Redirect("/tinh/" + actor.province_code + "/bao-cao");
  }
  if (actor.role != Role::kSystemAdmin) {
    return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  }
  Result<std::vector<Commune>> all = communes_.ListCommunes();
  if (!all.ok()) return ErrorResponse(request, all.error());
  nlohmann::json list = nlohmann::json::array();
  for (const Commune& c : *all) {
    list.push_back({{"href", "/quan-tri/" + c.slug},
                    {"committee_name", c.PeoplesCommitteeName()},
                    {"province_name", c.province_name}});
  }
  return PageResponse(request, "commune_list",
                      {{"title", "Quản trị"},
                       {"site_name", kSiteName},
                       {"has_communes", !list.empty()},
                       {"communes", list}});
}

http::HttpResponse AdminPages::Dashboard(http::HttpRequest& request, RequestContext& ctx,
                                         const std::string& notice) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewAdmin, &denied);
  if (!commune.ok()) return denied;
  auto villages = communes_.ListVillages(commune->id);
  auto units = communes_.ListUnits(commune->id);
  auto officials = communes_.ListOfficials(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  if (!units.ok()) return ErrorResponse(request, units.error());
  if (!officials.ok()) return ErrorResponse(request, officials.error());

  const Actor* actor = ctx.actor();
  bool can_manage = CommunePermissions::Check(actor, CommuneAction::kManageVillages, commune->id) ==
                    Decision::kAllow;
  bool can_view_accounts = CommunePermissions::Check(actor, CommuneAction::kViewAccounts,
                                                     commune->id) == Decision::kAllow;
  bool can_manage_accounts = CommunePermissions::Check(actor, CommuneAction::kManageAccounts,
                                                       commune->id) == Decision::kAllow;
  bool can_view_audit = CommunePermissions::Check(actor, CommuneAction::kViewAuditLog,
                                                  commune->id) == Decision::kAllow;
  nlohmann::json unit_list = nlohmann::json::array();
  for (const Unit& u : *units) {
    unit_list.push_back({{"id", u.id.value}, {"name", u.name}, {"short_name", u.short_name}});
  }
  nlohmann::json role_options = nlohmann::json::array();
  for (Role r : AllRoles()) {
    if (IsCommuneRole(r)) role_options.push_back({{"code", RoleCode(r)}, {"label", RoleLabel(r)}});
  }
  nlohmann::json official_list = nlohmann::json::array();
  for (const Official& o : *officials) {
    official_list.push_back(
        {{"id", o.id.value}, {"full_name", o.full_name}, {"position", o.position}});
  }
  nlohmann::json account_list = nlohmann::json::array();
  if (can_view_accounts) {
    auto accounts = accounts_.List(AccountScope::Of(commune->id));
    if (!accounts.ok()) return ErrorResponse(request, accounts.error());
    for (const Account& a : *accounts) {
      account_list.push_back({{"id", a.id.value},
                              {"username", a.username},
                              {"display_name", a.display_name},
                              {"role", RoleLabel(a.role)},
                              {"locked", a.disabled},
                              {"status", a.disabled ? "Đã khóa" : "Đang hoạt động"}});
    }
  }
  int next_position = villages->empty() ? 1 : villages->back().position + 1;
  std::string committee = commune->PeoplesCommitteeName();
  nlohmann::json page = {{"title", "Quản trị"},
                         {"site_name", committee},
                         {"site_subtitle", "Trang quản trị"},
                         {"committee_name", committee},
                         {"slug", commune->slug},
                         {"username", actor->username},
                         {"role", RoleLabel(actor->role)},
                         {"csrf", ctx.session->csrf_token},
                         {"notice", notice},
                         {"village_count", static_cast<int64_t>(villages->size())},
                         {"villages", VillagesJson(*villages)},
                         {"next_position", next_position},
                         {"units", unit_list},
                         {"officials", official_list},
                         {"can_manage", can_manage},
                         {"can_view_accounts", can_view_accounts},
                         {"can_manage_accounts", can_manage_accounts},
                         {"can_view_audit", can_view_audit},
                         {"role_options", role_options},
                         {"accounts", account_list}};
  // The upload form is shared with the import error page.
  Result<std::string> upload = RenderTemplate("roster_upload_form", page);
  if (!upload.ok()) return ErrorResponse(request, upload.error());
  page["roster_upload_form"] = std::move(upload).value();
  return PageResponse(request, "admin_commune", page);
}

http::HttpResponse AdminPages::AddVillage(http::HttpRequest& request, RequestContext& ctx,
                                          bool json) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageVillages, &denied);
  if (!commune.ok()) return denied;
  std::string name_in;
  std::string position_in;
  if (json) {
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !json_reader::HasString(body, "name")) {
      return ErrorResponse(request, MakeError(ErrorCode::kInvalidArgument,
                                              "Cần gửi JSON {\"name\": …, \"position\": …}."));
    }
    Result<std::string> nfc = text::ToNfc(body["name"].get<std::string>());
    if (!nfc.ok()) return ErrorResponse(request, nfc.error());
    name_in = *nfc;
    if (body.contains("position") && body["position"].is_number_integer()) {
      position_in = std::to_string(body["position"].get<int64_t>());
    }
  } else if (ctx.form) {
    name_in = ctx.form->Get("name");
    position_in = ctx.form->Get("position");
  }
  Result<std::string> name = RequiredName(name_in, "name", 100, "tên thôn");
  if (!name.ok()) return ErrorResponse(request, name.error());
  Result<int> position = PositionField(position_in, 0);
  if (!position.ok()) return ErrorResponse(request, position.error());
  Result<VillageId> id = communes_.AddVillage(Village{{}, commune->id, *name, *position},
                                              AuditContextFor(request, ctx, commune->id, clock_));
  if (!id.ok()) return ErrorResponse(request, id.error());
  if (json) return JsonResponse(201, {{"id", id->value}, {"name", *name}, {"position", *position}});
  return Redirect("/quan-tri/" + commune->slug + "#thon");
}

http::HttpResponse AdminPages::AddUnit(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageUnits, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<std::string> name = RequiredName(form.Get("name"), "name", 150, "tên bộ phận");
  if (!name.ok()) return ErrorResponse(request, name.error());
  Result<UnitId> id = communes_.AddUnit(Unit{{}, commune->id, *name, form.Get("short_name")},
                                        AuditContextFor(request, ctx, commune->id, clock_));
  if (!id.ok()) return ErrorResponse(request, id.error());
  return Redirect("/quan-tri/" + commune->slug + "#bo-phan");
}

http::HttpResponse AdminPages::AddOfficial(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageOfficials, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<std::string> name = RequiredName(form.Get("full_name"), "full_name", 100, "họ và tên");
  if (!name.ok()) return ErrorResponse(request, name.error());
  Official official{{}, commune->id, *name, form.Get("position"), std::nullopt, ""};
  Result<OfficialId> id =
      communes_.AddOfficial(official, AuditContextFor(request, ctx, commune->id, clock_));
  if (!id.ok()) return ErrorResponse(request, id.error());
  return Redirect("/quan-tri/" + commune->slug + "#can-bo");
}

http::HttpResponse AdminPages::ListVillagesJson(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewAdmin, &denied);
  if (!commune.ok()) return denied;
  auto villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  return JsonResponse(200, {{"villages", VillagesJson(*villages)}});
}

http::HttpResponse AdminPages::AuditLog(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewAuditLog, &denied);
  if (!commune.ok()) return denied;
  Result<std::vector<AuditEntry>> entries = audit_.Recent(commune->id, 100);
  if (!entries.ok()) return ErrorResponse(request, entries.error());
  nlohmann::json rows = nlohmann::json::array();
  for (const AuditEntry& e : *entries) {
    // Vietnam has no daylight saving: local time is UTC+7.
    auto local = std::chrono::floor<std::chrono::seconds>(e.at + std::chrono::hours(7));
    auto day = std::chrono::floor<std::chrono::days>(local);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{local - day};
    char at[32];
    std::snprintf(at, sizeof(at), "%02u/%02u/%04d %02d:%02d:%02d", static_cast<unsigned>(ymd.day()),
                  static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    rows.push_back({{"id", e.id},
                    {"at", at},
                    {"actor", e.actor_name},
                    {"address", e.client_address},
                    {"action", e.action},
                    {"object", e.object_type + " #" + e.object_id},
                    {"after", e.after}});
  }
  std::string committee = commune->PeoplesCommitteeName();
  return PageResponse(request, "admin_audit",
                      {{"title", "Nhật ký thao tác"},
                       {"site_name", committee},
                       {"committee_name", committee},
                       {"slug", commune->slug},
                       {"entries", rows}});
}

http::HttpResponse AdminPages::EditVillage(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageVillages, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> id = IdParam(request, "id");
  Result<std::string> name = RequiredName(form.Get("name"), "name", 100, "tên thôn");
  Result<int> position = PositionField(form.Get("position"), 0);
  if (!id.ok()) return ErrorResponse(request, id.error());
  if (!name.ok()) return ErrorResponse(request, name.error());
  if (!position.ok()) return ErrorResponse(request, position.error());
  Status s =
      communes_.UpdateVillage(commune->id, Village{VillageId{*id}, commune->id, *name, *position},
                              AuditContextFor(request, ctx, commune->id, clock_));
  if (!s.ok()) return ErrorResponse(request, s.error());
  return Redirect("/quan-tri/" + commune->slug + "#thon");
}

http::HttpResponse AdminPages::EditUnit(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageUnits, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> id = IdParam(request, "id");
  Result<std::string> name = RequiredName(form.Get("name"), "name", 150, "tên bộ phận");
  if (!id.ok()) return ErrorResponse(request, id.error());
  if (!name.ok()) return ErrorResponse(request, name.error());
  Status s = communes_.UpdateUnit(commune->id,
                                  Unit{UnitId{*id}, commune->id, *name, form.Get("short_name")},
                                  AuditContextFor(request, ctx, commune->id, clock_));
  if (!s.ok()) return ErrorResponse(request, s.error());
  return Redirect("/quan-tri/" + commune->slug + "#bo-phan");
}

http::HttpResponse AdminPages::EditOfficial(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageOfficials, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> id = IdParam(request, "id");
  Result<std::string> name = RequiredName(form.Get("full_name"), "full_name", 100, "họ và tên");
  if (!id.ok()) return ErrorResponse(request, id.error());
  if (!name.ok()) return ErrorResponse(request, name.error());
  Official official{OfficialId{*id}, commune->id, *name, form.Get("position"), std::nullopt, ""};
  Status s = communes_.UpdateOfficial(commune->id, official,
                                      AuditContextFor(request, ctx, commune->id, clock_));
  if (!s.ok()) return ErrorResponse(request, s.error());
  return Redirect("/quan-tri/" + commune->slug + "#can-bo");
}

}  // namespace doithoai::web
