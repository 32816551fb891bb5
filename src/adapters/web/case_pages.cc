// Cases and prominent issues (see case_pages.h).
#include "adapters/web/case_pages.h"

#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/error_to_status.h"
#include "adapters/http/form.h"
#include "adapters/web/conference_form_fields.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"

namespace doithoai::web {

namespace {

nlohmann::json PageBase(const Commune& commune, const RequestContext& ctx,
                        const std::string& title) {
  const std::string committee = commune.PeoplesCommitteeName();
  return {{"title", title},
          {"site_name", committee},
          {"site_subtitle", "Trang quản trị"},
          {"committee_name", committee},
          {"slug", commune.slug},
          {"petitions_base", "/quan-tri/" + commune.slug + "/kien-nghi"},
          {"csrf", ctx.session ? ctx.session->csrf_token : ""}};
}

nlohmann::json ErrorJson(const Error& error) {
  const std::string message = http::UserMessage(error);
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldError& f : error.fields) {
    if (f.message != message) fields.push_back({{"message", f.message}});
  }
  return {{"message", message}, {"fields", fields}};
}

// "codes" as posted: checkboxes and/or one text box of codes separated by
// commas, semicolons, spaces or new lines.
std::vector<std::string> CodesOf(const http::FormData& form) {
  std::vector<std::string> codes;
  for (const std::string& value : form.GetAll("codes")) {
    std::string current;
    for (char c : value + " ") {
      if (c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        if (!current.empty()) codes.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
  }
  return codes;
}

bool CanHandle(const RequestContext& ctx, CommuneId commune) {
  return CommunePermissions::Check(ctx.actor(), CommuneAction::kHandlePetitions, commune) ==
         Decision::kAllow;
}

}  // namespace

std::string CasePages::CasesPath(const Commune& commune) {
  return "/quan-tri/" + commune.slug + "/vu-viec";
}

void CasePages::Register(Site& site) {
  auto add = [this, &site](
                 const char* method, const std::string& pattern,
                 http::HttpResponse (CasePages::*fn)(http::HttpRequest&, RequestContext&)) {
    site.Add(method, pattern, Access::kSignedIn,
             [this, fn](http::HttpRequest& r, RequestContext& c) { return (this->*fn)(r, c); });
  };
  const std::string base = "/quan-tri/{slug}/vu-viec";
  add("GET", base, &CasePages::List);
  add("POST", base, &CasePages::Create);
  add("GET", base + "/{id}", &CasePages::Show);
  add("POST", base + "/{id}/them", &CasePages::Add);
  add("POST", base + "/{id}/bo", &CasePages::Remove);
  add("POST", base + "/{id}/doi-ten", &CasePages::Rename);
  add("POST", base + "/{id}/tra-loi", &CasePages::Answer);
}

// ---- the prominent issues ----

http::HttpResponse CasePages::RenderList(const http::HttpRequest& request,
                                         const RequestContext& ctx, const Commune& commune,
                                         int status, const Error* error) {
  Result<std::vector<ProminentIssue>> issues = cases_.Prominent(commune.id);
  if (!issues.ok()) return ErrorResponse(request, issues.error());
  Result<std::vector<PetitionField>> fields = petitions_.Fields(commune.id);
  if (!fields.ok()) return ErrorResponse(request, fields.error());
  Result<std::vector<std::vector<SimilarPetition>>> groups = insight_.UncasedGroups(commune.id, 30);
  if (!groups.ok()) return ErrorResponse(request, groups.error());
  nlohmann::json rows = nlohmann::json::array();
  int rank = 0;
  for (const ProminentIssue& i : *issues) {
    std::string villages;
    for (const std::string& v : i.village_names) villages += (villages.empty() ? "" : ", ") + v;
    rows.push_back({{"rank", ++rank},
                    {"href", CasesPath(commune) + "/" + std::to_string(i.case_id.value)},
                    {"title", i.title},
                    {"field_label", i.field.empty() ? "" : FieldLabelOf(*fields, i.field)},
                    {"petitions", i.petitions},
                    {"petitioners", i.petitioners},
                    {"villages", i.villages},
                    {"village_names", villages},
                    {"open", i.open},
                    {"first_received", i.first_received ? FormatDdMmYyyy(*i.first_received) : ""},
                    {"last_received", i.last_received ? FormatDdMmYyyy(*i.last_received) : ""}});
  }
  nlohmann::json candidates = nlohmann::json::array();
  for (const std::vector<SimilarPetition>& group : *groups) {
    nlohmann::json members = nlohmann::json::array();
    for (const SimilarPetition& s : group) {
      members.push_back(
          {{"code", s.code},
           {"href", "/quan-tri/" + commune.slug + "/kien-nghi/" + std::to_string(s.id.value)}});
    }
    candidates.push_back(
        {{"members", members}, {"count", group.size()}, {"index", candidates.size() + 1}});
  }
  nlohmann::json page = PageBase(commune, ctx, "Vấn đề nổi cộm");
  page["base"] = CasesPath(commune);
  page["rows"] = rows;
  page["has_rows"] = !rows.empty();
  page["candidates"] = candidates;
  page["has_candidates"] = !candidates.empty();
  page["can_handle"] = CanHandle(ctx, commune.id);
  if (error != nullptr) page["error"] = ErrorJson(*error);
  Result<std::string> html = RenderPage("case_list", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(status, std::move(html).value());
}

http::HttpResponse CasePages::List(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  return RenderList(request, ctx, *commune, 200, nullptr);
}

http::HttpResponse CasePages::Create(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kHandlePetitions, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<PetitionCase> created = cases_.Create(commune->id, form.Get("title"), CodesOf(form),
                                               AuditContextFor(request, ctx, commune->id, clock_));
  if (!created.ok()) {
    return RenderList(request, ctx, *commune, http::HttpStatusFor(created.error().code),
                      &created.error());
  }
  return Redirect(CasesPath(*commune) + "/" + std::to_string(created->id.value));
}

// ---- one case ----

http::HttpResponse CasePages::RenderShow(const http::HttpRequest& request,
                                         const RequestContext& ctx, const Commune& commune,
                                         CaseId id, int status, const Error* error,
                                         const std::string& notice) {
  Result<CaseView> view = cases_.View(commune.id, id);
  if (!view.ok()) return ErrorResponse(request, view.error());
  Result<std::vector<PetitionField>> fields = petitions_.Fields(commune.id);
  if (!fields.ok()) return ErrorResponse(request, fields.error());
  Result<std::vector<Village>> villages = communes_.ListVillages(commune.id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  Result<std::vector<Unit>> units = communes_.ListUnits(commune.id);
  if (!units.ok()) return ErrorResponse(request, units.error());
  const std::string base = CasesPath(commune) + "/" + std::to_string(id.value);
  nlohmann::json members = nlohmann::json::array();
  bool any_open = false;
  for (const Petition& p : view->members) {
    const PetitionSummary summary = Summarize(p);
    any_open = any_open || summary.open;
    std::string text;
    for (const PetitionItem& item : p.items) {
      // CONF-02: the text of a tố cáo is not repeated on shared pages.
      text +=
          (text.empty() ? "" : " · ") +
          (item.petition_class == PetitionClass::kDenunciation ? "(nội dung tố cáo)" : item.text);
    }
    members.push_back(
        {{"code", p.code},
         {"id", p.id.value},
         {"href", "/quan-tri/" + commune.slug + "/kien-nghi/" + std::to_string(p.id.value)},
         {"name", p.DisplayName()},
         {"village", p.identity_sealed ? "" : VillageNameOf(*villages, p.village_id)},
         {"received", FormatDdMmYyyy(p.received_on)},
         {"status_label", ItemStatusLabel(summary.status)},
         {"text", text.size() > 300 ? text.substr(0, text.rfind(' ', 300)) + "…" : text}});
  }
  nlohmann::json field_options = nlohmann::json::array();
  for (const PetitionField& f : *fields) {
    field_options.push_back(
        {{"value", f.code}, {"label", f.label}, {"selected", f.code == view->c.field}});
  }
  nlohmann::json unit_options = nlohmann::json::array();
  for (const Unit& u : *units) {
    unit_options.push_back({{"value", std::to_string(u.id.value)}, {"label", u.name}});
  }
  std::string village_names;
  for (const std::string& v : view->counts.village_names) {
    village_names += (village_names.empty() ? "" : ", ") + v;
  }
  nlohmann::json page = PageBase(commune, ctx, "Vụ việc: " + view->c.title);
  page["base"] = base;
  page["list_href"] = CasesPath(commune);
  page["case_title"] = view->c.title;
  page["field_label"] = view->c.field.empty() ? "" : FieldLabelOf(*fields, view->c.field);
  page["petitions"] = view->counts.petitions;
  page["petitioners"] = view->counts.petitioners;
  page["villages"] = view->counts.villages;
  page["village_names"] = village_names;
  page["open"] = view->counts.open;
  page["members"] = members;
  page["field_options"] = field_options;
  page["unit_options"] = unit_options;
  page["can_handle"] = CanHandle(ctx, commune.id);
  page["can_answer"] = CanHandle(ctx, commune.id) && any_open;
  if (!notice.empty()) page["notice"] = notice;
  if (error != nullptr) page["error"] = ErrorJson(*error);
  Result<std::string> html = RenderPage("case_show", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(status, std::move(html).value());
}

http::HttpResponse CasePages::Show(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<int64_t> id = IdParam(request, "id");
  if (!id.ok()) return ErrorResponse(request, id.error());
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  const std::string notice = params.ok() ? params->Get("ket-qua") : "";
  return RenderShow(request, ctx, *commune, CaseId{*id}, 200, nullptr, notice);
}

http::HttpResponse CasePages::CasePost(http::HttpRequest& request, RequestContext& ctx,
                                       const CaseAction& act) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kHandlePetitions, &denied);
  if (!commune.ok()) return denied;
  Result<int64_t> id = IdParam(request, "id");
  if (!id.ok()) return ErrorResponse(request, id.error());
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<std::string> done =
      act(*commune, CaseId{*id}, form, AuditContextFor(request, ctx, commune->id, clock_));
  if (!done.ok()) {
    if (done.error().code == ErrorCode::kNotFound) return ErrorResponse(request, done.error());
    return RenderShow(request, ctx, *commune, CaseId{*id}, http::HttpStatusFor(done.error().code),
                      &done.error(), "");
  }
  return Redirect(done->empty() ? CasesPath(*commune) + "/" + std::to_string(*id) : *done);
}

http::HttpResponse CasePages::Add(http::HttpRequest& request, RequestContext& ctx) {
  return CasePost(
      request, ctx,
      [this](const Commune& commune, CaseId id, const http::FormData& form,
             const AuditContext& audit) -> Result<std::string> {
        RETURN_IF_ERROR(cases_.AddMembers(commune.id, id, CodesOf(form), audit).status());
        return std::string();
      });
}

http::HttpResponse CasePages::Remove(http::HttpRequest& request, RequestContext& ctx) {
  return CasePost(request, ctx,
                  [this](const Commune& commune, CaseId id, const http::FormData& form,
                         const AuditContext& audit) -> Result<std::string> {
                    int64_t member = 0;
                    const std::string text = form.Get("petition");
                    auto [end, ec] =
                        std::from_chars(text.data(), text.data() + text.size(), member);
                    if (ec != std::errc() || end != text.data() + text.size() || member <= 0) {
                      return MakeFieldError("petition", "Chọn đơn cần bỏ khỏi vụ việc");
                    }
                    RETURN_IF_ERROR(cases_.RemoveMember(commune.id, id, PetitionId{member}, audit));
                    // The case may be gone (its last member removed).
                    Result<CaseView> still = cases_.View(commune.id, id);
                    return still.ok() ? std::string() : CasesPath(commune);
                  });
}

http::HttpResponse CasePages::Rename(http::HttpRequest& request, RequestContext& ctx) {
  return CasePost(
      request, ctx,
      [this](const Commune& commune, CaseId id, const http::FormData& form,
             const AuditContext& audit) -> Result<std::string> {
        RETURN_IF_ERROR(
            cases_.Rename(commune.id, id, form.Get("title"), form.Get("field"), audit).status());
        return std::string();
      });
}

http::HttpResponse CasePages::Answer(http::HttpRequest& request, RequestContext& ctx) {
  return CasePost(
      request, ctx,
      [this](const Commune& commune, CaseId id, const http::FormData& form,
             const AuditContext& audit) -> Result<std::string> {
        std::optional<UnitId> unit;
        const std::string unit_text = Trim(form.Get("unit"));
        if (!unit_text.empty()) {
          int64_t value = 0;
          auto [end, ec] =
              std::from_chars(unit_text.data(), unit_text.data() + unit_text.size(), value);
          if (ec != std::errc() || end != unit_text.data() + unit_text.size() || value <= 0) {
            return MakeFieldError("unit", "Bộ phận không hợp lệ");
          }
          unit = UnitId{value};
        }
        const std::string answered_by = audit.actor_name;
        ASSIGN_OR_RETURN(std::vector<BulkOutcome> lines,
                         cases_.Answer(commune.id, id, form.Get("text"), form.Has("publish"),
                                       answered_by, unit, audit));
        int ok = 0;
        std::string failed;
        for (const BulkOutcome& line : lines) {
          if (line.status.ok()) {
            ++ok;
          } else {
            failed += (failed.empty() ? "" : "; ") + line.code + ": " +
                      http::UserMessage(line.status.error());
          }
        }
        std::string notice = "Đã trả lời " + std::to_string(ok) +
                             " đơn; mỗi người gửi được "
                             "thông báo theo mã đơn của mình.";
        if (!failed.empty()) notice += " Chưa trả lời được: " + failed;
        return CasesPath(commune) + "/" + std::to_string(id.value) +
               "?ket-qua=" + http::UrlEncode(notice);
      });
}

}  // namespace doithoai::web
