// ConferencePages, part 1: routes and the staff HTML pages and form posts.
#include "adapters/web/conference_pages.h"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/web/conference_form_fields.h"
#include "adapters/web/conference_view.h"
#include "adapters/web/responses.h"

namespace doithoai::web {

namespace {

nlohmann::json Options(auto values, auto code, auto label, auto selected) {
  nlohmann::json list = nlohmann::json::array();
  for (auto v : values) {
    list.push_back({{"code", code(v)}, {"label", label(v)}, {"selected", v == selected}});
  }
  return list;
}

}  // namespace

void ConferencePages::Register(Site& site) {
  auto add = [this, &site](
                 const char* method, const std::string& pattern, Access access,
                 http::HttpResponse (ConferencePages::*fn)(http::HttpRequest&, RequestContext&)) {
    site.Add(method, pattern, access,
             [this, fn](http::HttpRequest& r, RequestContext& c) { return (this->*fn)(r, c); });
  };
  const std::string staff = "/quan-tri/{slug}/hoi-nghi";
  const std::string one = staff + "/{id}";
  add("GET", staff, Access::kSignedIn, &ConferencePages::List);
  add("POST", staff, Access::kSignedIn, &ConferencePages::Create);
  add("GET", one, Access::kSignedIn, &ConferencePages::Show);
  add("POST", one + "/ke-hoach", Access::kSignedIn, &ConferencePages::EditPlan);
  add("POST", one + "/phien", Access::kSignedIn, &ConferencePages::SaveSession);
  add("POST", one + "/khach-moi", Access::kSignedIn, &ConferencePages::SaveInvitee);
  add("POST", one + "/giay-moi", Access::kSignedIn, &ConferencePages::SetInvitationStatus);
  add("POST", one + "/nhiem-vu", Access::kSignedIn, &ConferencePages::SetTaskDone);
  add("POST", one + "/cong-khai", Access::kSignedIn, &ConferencePages::AddPublication);
  add("POST", one + "/kinh-phi", Access::kSignedIn, &ConferencePages::SaveBudgetLine);
  add("GET", one + "/van-ban/{kind}", Access::kSignedIn, &ConferencePages::DocumentEditor);
  add("POST", one + "/van-ban/{kind}", Access::kSignedIn, &ConferencePages::SaveDraft);
  add("POST", one + "/van-ban/{kind}/ban-hanh", Access::kSignedIn, &ConferencePages::IssueDocument);
  add("POST", one + "/da-hop", Access::kSignedIn, &ConferencePages::MarkHeld);
  add("POST", one + "/chuong-trinh", Access::kSignedIn, &ConferencePages::SaveAgenda);
  add("POST", one + "/phien/xoa", Access::kSignedIn, &ConferencePages::RemoveSession);
  add("POST", one + "/khach-moi/xoa", Access::kSignedIn, &ConferencePages::RemoveInvitee);
  add("POST", one + "/kinh-phi/xoa", Access::kSignedIn, &ConferencePages::RemoveBudgetLine);
  add("POST", one + "/huy", Access::kSignedIn, &ConferencePages::Cancel);
  add("POST", one + "/van-ban/{kind}/thay-the", Access::kSignedIn,
      &ConferencePages::StartReplacement);
  add("GET", one + "/diem-danh", Access::kSignedIn, &ConferencePages::CheckInList);
  add("POST", one + "/diem-danh", Access::kSignedIn, &ConferencePages::CheckIn);
  const std::string api = "/api/v1/communes/{slug}/conferences";
  add("GET", api, Access::kSignedIn, &ConferencePages::ListJson);
  add("GET", api + "/{id}", Access::kSignedIn, &ConferencePages::ShowJson);
  add("GET", api + "/{id}/documents/{file}", Access::kSignedIn, &ConferencePages::DocumentFile);
  add("GET", api + "/{id}/notice.wav", Access::kSignedIn, &ConferencePages::NoticeAudio);
  add("GET", api + "/{id}/budget.xlsx", Access::kSignedIn, &ConferencePages::BudgetSheet);
  add("GET", api + "/{id}/sessions/{file}", Access::kSignedIn, &ConferencePages::SessionCalendar);
  add("GET", "/x/{slug}/hoi-nghi/{id}", Access::kPublic, &ConferencePages::PublicPage);
  add("GET", "/x/{slug}/hoi-nghi", Access::kPublic, &ConferencePages::PublicList);
}

http::HttpResponse ConferencePages::List(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewConferences, &denied);
  if (!commune.ok()) return denied;
  Result<std::vector<Conference>> list = service_.List(commune->id);
  if (!list.ok()) return ErrorResponse(request, list.error());
  Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  nlohmann::json items = nlohmann::json::array();
  for (const Conference& c : *list) {
    nlohmann::json item = ConferenceSummaryJson(c);
    item["href"] = StaffPath(*commune, c.id);
    item["first_date_text"] = FormatDdMmYyyy(c.FirstDate());
    items.push_back(std::move(item));
  }
  nlohmann::json village_list = nlohmann::json::array();
  for (const Village& v : *villages) village_list.push_back({{"id", v.id.value}, {"name", v.name}});
  const Date today = service_.Today();
  // DLG-01: at least one conference per calendar year.
  bool this_year = false;
  for (const Conference& c : *list) {
    this_year |= c.year == today.year() && c.state != ConferenceState::kCancelled;
  }
  const std::string committee = commune->PeoplesCommitteeName();
  return PageResponse(
      request, "conference_list",
      {{"title", "Hội nghị đối thoại"},
       {"site_name", committee},
       {"committee_name", committee},
       {"slug", commune->slug},
       {"csrf", ctx.session->csrf_token},
       {"conferences", items},
       {"has_conferences", !items.empty()},
       {"can_manage", CommunePermissions::Check(ctx.actor(), CommuneAction::kManageConferences,
                                                commune->id) == Decision::kAllow},
       {"villages", village_list},
       {"year", today.year()},
       {"none_this_year", !this_year},
       {"today", today.ToIsoString()},
       {"default_venue", "Hội trường công sở " + commune->DisplayName()}});
}

http::HttpResponse ConferencePages::Create(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageConferences, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  NewConference input;
  Result<int64_t> year = IntField(form, "year", 2000, 2100, "Năm");
  if (!year.ok()) return ErrorResponse(request, year.error());
  input.year = static_cast<int>(*year);
  Result<ConferencePurpose> purpose = ParseConferencePurpose(form.Get("purpose"));
  if (!purpose.ok()) return ErrorResponse(request, purpose.error());
  input.purpose = *purpose;
  Result<ConferenceMode> mode = ParseConferenceMode(form.Get("mode"));
  if (!mode.ok()) return ErrorResponse(request, mode.error());
  input.mode = *mode;
  Result<Date> plan_date = DateField(form, "plan_date", "Ngày kế hoạch");
  if (!plan_date.ok()) return ErrorResponse(request, plan_date.error());
  input.plan_date = *plan_date;
  input.recorded_past = form.Get("recorded_past") == "1";
  input.subject = Trim(form.Get("subject"));
  Result<ConferenceSession> session = SessionFromForm(form);
  if (!session.ok()) return ErrorResponse(request, session.error());
  input.session = *session;
  Result<ConferenceId> id =
      service_.Create(commune->id, input, AuditContextFor(request, ctx, commune->id, clock_));
  if (!id.ok()) return ErrorResponse(request, id.error());
  return Redirect(StaffPath(*commune, *id));
}

http::HttpResponse ConferencePages::Show(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  const Conference& c = t->conference;
  Result<std::vector<Village>> villages = communes_.ListVillages(t->commune.id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  Result<nlohmann::json> derived = ConferenceDerivedJson(service_, t->commune, c);
  if (!derived.ok()) return ErrorResponse(request, derived.error());
  nlohmann::json page = PublicConferencePage(t->commune, *villages, c);
  const std::string base = StaffPath(t->commune, c.id);
  const std::string api =
      "/api/v1/communes/" + t->commune.slug + "/conferences/" + std::to_string(c.id.value);
  auto allowed = [&](CommuneAction a) {
    return CommunePermissions::Check(ctx.actor(), a, t->commune.id) == Decision::kAllow;
  };
  nlohmann::json invitees = nlohmann::json::array();
  for (const Invitee& i : c.invitees) {
    invitees.push_back({{"number", i.number},
                        {"group", ParticipantGroupLabel(i.group)},
                        {"name", i.name},
                        {"title", i.title},
                        {"address", i.address},
                        {"session", i.session},
                        {"status", InvitationStatusLabel(i.status)},
                        {"checked_in", i.checked_in_at.has_value()}});
  }
  nlohmann::json publications = nlohmann::json::array();
  for (const Publication& p : c.publications) {
    publications.push_back({{"channel", PublicationChannelLabel(p.channel)},
                            {"start", FormatDdMmYyyy(p.start)},
                            {"end", p.end ? FormatDdMmYyyy(*p.end) : ""},
                            {"note", p.note},
                            {"late_reason", p.late_reason}});
  }
  nlohmann::json budget = nlohmann::json::array();
  for (const BudgetLine& b : c.budget) {
    budget.push_back({{"number", b.number},
                      {"item", b.item},
                      {"unit", b.unit},
                      {"quantity", b.quantity},
                      {"unit_price", FormatVnd(b.unit_price)},
                      {"estimate", FormatVnd(b.Estimate())},
                      {"actual", b.actual ? FormatVnd(*b.actual) : ""},
                      {"source", b.source}});
  }
  nlohmann::json village_options = nlohmann::json::array();
  for (const Village& v : *villages) {
    village_options.push_back({{"id", v.id.value}, {"name", v.name}});
  }
  nlohmann::json sessions = page["sessions"];
  for (auto& s : sessions)
    s["ics"] = api + "/sessions/" + std::to_string(s["number"].get<int>()) + ".ics";
  nlohmann::json docs = (*derived)["documents"];
  for (auto& d : docs) {
    const std::string kind = d["kind"];
    d["docx"] = api + "/documents/" + kind + ".docx";
    d["pdf"] = api + "/documents/" + kind + ".pdf";
    d["edit"] = base + "/van-ban/" + kind;
    d["issue"] = base + "/van-ban/" + kind + "/ban-hanh";
    d["replace"] = base + "/van-ban/" + kind + "/thay-the";
  }
  const std::vector<ParticipantGroup> groups(kParticipantGroups.begin(), kParticipantGroups.end());
  const std::vector<InvitationStatus> statuses = {
      InvitationStatus::kDraft, InvitationStatus::kPrinted, InvitationStatus::kSent,
      InvitationStatus::kConfirmed, InvitationStatus::kDeclined};
  const std::vector<PublicationChannel> channels = {
      PublicationChannel::kLoudspeaker, PublicationChannel::kNoticeBoard,
      PublicationChannel::kPortal, PublicationChannel::kVillageHeads,
      PublicationChannel::kSocialNetwork};
  page["title"] = c.subject;
  page["site_subtitle"] = "Trang quản trị";
  page["slug"] = t->commune.slug;
  page["base"] = base;
  page["api"] = api;
  page["csrf"] = ctx.session->csrf_token;
  page["id"] = c.id.value;
  page["version"] = c.version;
  page["year"] = c.year;
  page["state_label"] = ConferenceStateLabel(c.state);
  page["purpose"] = ConferencePurposeLabel(c.purpose);
  page["is_draft"] = c.state == ConferenceState::kDraftPlan;
  page["recorded_past"] = c.recorded_past;
  page["can_manage"] = allowed(CommuneAction::kManageConferences);
  page["can_issue"] = allowed(CommuneAction::kIssueDocuments);
  page["can_budget"] = allowed(CommuneAction::kManageBudget);
  page["derived"] = *derived;
  page["documents"] = docs;
  page["sessions"] = sessions;
  page["invitees"] = invitees;
  page["publications"] = publications;
  page["budget"] = budget;
  page["estimate_total"] = FormatVnd(c.EstimateTotal());
  page["actual_total"] = FormatVnd(c.ActualTotal());
  page["villages"] = village_options;
  page["group_options"] = Options(groups, ParticipantGroupCode, ParticipantGroupLabel,
                                  ParticipantGroup::kInvitedAgency);
  page["status_options"] =
      Options(statuses, InvitationStatusCode, InvitationStatusLabel, InvitationStatus::kSent);
  page["channel_options"] = Options(channels, PublicationChannelCode, PublicationChannelLabel,
                                    PublicationChannel::kLoudspeaker);
  page["plan"] = {{"subject", c.subject},
                  {"intro", c.intro},
                  {"objectives", JoinLines(c.objectives)},
                  {"principles", JoinLines(c.principles)},
                  {"content_areas", JoinLines(c.content_areas)},
                  {"preparation", JoinLines(c.preparation)},
                  {"participants", JoinLines(c.participants)},
                  {"budget_source", c.budget_source},
                  {"closing", c.closing},
                  {"recipients", JoinLines(c.recipients)},
                  {"how_to_attend", c.how_to_attend},
                  {"cochair", c.cochair},
                  {"front_coordination", c.front_coordination},
                  {"issuer_parent", c.issuer_parent}};
  std::string agenda;
  for (const AgendaItem& a : c.agenda) {
    char hhmm[24];
    std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", a.start_minute / 60, a.start_minute % 60);
    agenda += std::string(hhmm) + " | " + a.content + " | " + a.presenter +
              (a.session != 0 ? " | " + std::to_string(a.session) : "") + "\n";
  }
  page["agenda_text"] = agenda;
  page["agenda_editable"] =
      static_cast<int>(c.state) < static_cast<int>(ConferenceState::kProgrammeIssued);
  page["cancellable"] = static_cast<int>(c.state) < static_cast<int>(ConferenceState::kHeld);
  page["today"] = service_.Today().ToIsoString();
  return PageResponse(request, "conference", page);
}

}  // namespace doithoai::web
