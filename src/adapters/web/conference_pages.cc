// ConferencePages, part 1: routes and the staff HTML pages and form posts.
#include "adapters/web/conference_pages.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/web/conference_view.h"
#include "adapters/web/responses.h"

namespace doithoai::web {

namespace {

Error FieldInvalid(const std::string& field, const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, message, {{field, message}}};
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A whole number in [lo, hi]; `label` names the field in the message.
Result<int64_t> IntField(const http::FormData& form, const std::string& field, int64_t lo,
                         int64_t hi, const std::string& label) {
  const std::string text = Trim(form.Get(field));
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
    return FieldInvalid(
        field, label + " phải là số từ " + std::to_string(lo) + " đến " + std::to_string(hi) + ".");
  }
  return v;
}

// An amount in đồng: digits with optional '.' or ',' thousands separators.
Result<int64_t> MoneyField(const http::FormData& form, const std::string& field,
                           const std::string& label) {
  std::string digits;
  for (char ch : Trim(form.Get(field))) {
    if (ch == '.' || ch == ',' || ch == ' ') continue;
    digits += ch;
  }
  http::FormData one;
  one.fields.emplace(field, digits);
  return IntField(one, field, 0, 1'000'000'000'000, label);
}

Result<Date> DateField(const http::FormData& form, const std::string& field,
                       const std::string& label) {
  Result<Date> d = Date::Parse(Trim(form.Get(field)));
  if (!d.ok()) return FieldInvalid(field, label + " không hợp lệ (cần dạng ngày/tháng/năm).");
  return d;
}

// "07:30" → 450.
Result<int> ClockField(const http::FormData& form, const std::string& field) {
  const std::string t = Trim(form.Get(field));
  int h = 0;
  int m = 0;
  if (t.size() != 5 || t[2] != ':' ||
      std::from_chars(t.data(), t.data() + 2, h).ec != std::errc() ||
      std::from_chars(t.data() + 3, t.data() + 5, m).ec != std::errc() || h > 23 || m > 59) {
    return FieldInvalid(field, "Giờ bắt đầu không hợp lệ (cần dạng 07:30).");
  }
  return h * 60 + m;
}

// One item per non-empty line.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + "\n";
  return out;
}

Result<ConferenceSession> SessionFromForm(const http::FormData& form) {
  ConferenceSession s;
  if (form.Has("session")) {
    ASSIGN_OR_RETURN(int64_t n, IntField(form, "session", 0, 99, "Số phiên"));
    s.number = static_cast<int>(n);
  }
  ASSIGN_OR_RETURN(s.date, DateField(form, "session_date", "Ngày họp"));
  ASSIGN_OR_RETURN(s.start_minute, ClockField(form, "start"));
  ASSIGN_OR_RETURN(int64_t minutes, IntField(form, "duration_minutes", 30, 720, "Thời lượng"));
  s.duration_minutes = static_cast<int>(minutes);
  s.duration_label = Trim(form.Get("duration_label"));
  s.venue = Trim(form.Get("venue"));
  for (const std::string& v : form.GetAll("villages")) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (ec != std::errc() || end != v.data() + v.size()) {
      return FieldInvalid("villages", "Thôn đã chọn không hợp lệ.");
    }
    s.villages.push_back(VillageId{id});
  }
  return s;
}

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
}

http::HttpResponse ConferencePages::List(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune = CommuneFor(request, ctx, CommuneAction::kViewConferences, &denied);
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
       {"today", today.ToIsoString()},
       {"default_venue", "Hội trường công sở " + commune->DisplayName()}});
}

http::HttpResponse ConferencePages::Create(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune = CommuneFor(request, ctx, CommuneAction::kManageConferences, &denied);
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
  }
  const std::vector<ParticipantGroup> groups = {ParticipantGroup::kPartyCommittee,
                                                ParticipantGroup::kPeoplesCouncil,
                                                ParticipantGroup::kPeoplesCommittee,
                                                ParticipantGroup::kFatherlandFront,
                                                ParticipantGroup::kMassOrganisations,
                                                ParticipantGroup::kCivilServants,
                                                ParticipantGroup::kVillage,
                                                ParticipantGroup::kInvitedAgency,
                                                ParticipantGroup::kCitizenRepresentative};
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
  page["today"] = service_.Today().ToIsoString();
  return PageResponse(request, "conference", page);
}

http::HttpResponse ConferencePages::EditPlan(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  PlanText text;
  text.subject = Trim(form.Get("subject"));
  text.intro = Trim(form.Get("intro"));
  text.objectives = Lines(form.Get("objectives"));
  text.principles = Lines(form.Get("principles"));
  text.content_areas = Lines(form.Get("content_areas"));
  text.preparation = Lines(form.Get("preparation"));
  text.participants = Lines(form.Get("participants"));
  text.budget_source = Trim(form.Get("budget_source"));
  text.closing = Trim(form.Get("closing"));
  text.recipients = Lines(form.Get("recipients"));
  text.how_to_attend = Trim(form.Get("how_to_attend"));
  text.cochair = Trim(form.Get("cochair"));
  text.front_coordination = Trim(form.Get("front_coordination"));
  text.issuer_parent = Trim(form.Get("issuer_parent"));
  Result<Conference> c =
      service_.UpdatePlanText(t->commune.id, t->conference.id, *version, text,
                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#ke-hoach");
}

http::HttpResponse ConferencePages::SaveSession(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  Result<ConferenceSession> session = SessionFromForm(form);
  if (!session.ok()) return ErrorResponse(request, session.error());
  Result<Conference> c = service_.SaveSession(t->commune.id, t->conference.id, *version, *session,
                                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#phien");
}

http::HttpResponse ConferencePages::SaveInvitee(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  Invitee invitee;
  if (form.Has("number")) {
    Result<int64_t> n = IntField(form, "number", 0, 100000, "Số giấy mời");
    if (!n.ok()) return ErrorResponse(request, n.error());
    invitee.number = static_cast<int>(*n);
  }
  Result<ParticipantGroup> group = ParseParticipantGroup(form.Get("group"));
  if (!group.ok()) return ErrorResponse(request, group.error());
  invitee.group = *group;
  invitee.name = Trim(form.Get("name"));
  invitee.title = Trim(form.Get("title"));
  invitee.address = Trim(form.Get("address"));
  if (!Trim(form.Get("session")).empty()) {
    Result<int64_t> s = IntField(form, "session", 0, 99, "Phiên");
    if (!s.ok()) return ErrorResponse(request, s.error());
    invitee.session = static_cast<int>(*s);
  }
  Result<Conference> c = service_.SaveInvitee(t->commune.id, t->conference.id, *version, invitee,
                                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#khach-moi");
}

http::HttpResponse ConferencePages::SetInvitationStatus(http::HttpRequest& request,
                                                        RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<InvitationStatus> status = ParseInvitationStatus(form.Get("status"));
  if (!status.ok()) return ErrorResponse(request, status.error());
  std::vector<int> numbers;
  if (form.Get("all") == "1") {
    for (const Invitee& i : t->conference.invitees) numbers.push_back(i.number);
  }
  for (const std::string& n : form.GetAll("n")) {
    int v = 0;
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
    if (ec != std::errc() || end != n.data() + n.size()) {
      return ErrorResponse(request, FieldInvalid("n", "Số giấy mời không hợp lệ."));
    }
    numbers.push_back(v);
  }
  Result<Conference> c =
      service_.SetInvitationStatus(t->commune.id, t->conference.id, numbers, *status,
                                   AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#khach-moi");
}

http::HttpResponse ConferencePages::SetTaskDone(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> number = IntField(form, "number", 1, 1000, "Số nhiệm vụ");
  if (!number.ok()) return ErrorResponse(request, number.error());
  Result<Conference> c = service_.SetTaskDone(t->commune.id, t->conference.id,
                                              static_cast<int>(*number), form.Get("done") != "0",
                                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#nhiem-vu");
}

http::HttpResponse ConferencePages::AddPublication(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Publication p;
  Result<PublicationChannel> channel = ParsePublicationChannel(form.Get("channel"));
  if (!channel.ok()) return ErrorResponse(request, channel.error());
  p.channel = *channel;
  Result<Date> start = DateField(form, "start", "Ngày bắt đầu");
  if (!start.ok()) return ErrorResponse(request, start.error());
  p.start = *start;
  if (!Trim(form.Get("end")).empty()) {
    Result<Date> end = DateField(form, "end", "Ngày kết thúc");
    if (!end.ok()) return ErrorResponse(request, end.error());
    p.end = *end;
  }
  p.note = Trim(form.Get("note"));
  p.late_reason = Trim(form.Get("late_reason"));
  Result<Conference> c = service_.AddPublication(
      t->commune.id, t->conference.id, p, AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#cong-khai");
}

http::HttpResponse ConferencePages::SaveBudgetLine(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageBudget, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  BudgetLine line;
  if (form.Has("number")) {
    Result<int64_t> n = IntField(form, "number", 0, 10000, "Số dòng");
    if (!n.ok()) return ErrorResponse(request, n.error());
    line.number = static_cast<int>(*n);
  }
  line.item = Trim(form.Get("item"));
  line.unit = Trim(form.Get("unit"));
  line.source = Trim(form.Get("source"));
  Result<int64_t> quantity = IntField(form, "quantity", 0, 1'000'000, "Số lượng");
  if (!quantity.ok()) return ErrorResponse(request, quantity.error());
  line.quantity = static_cast<double>(*quantity);
  Result<int64_t> price = MoneyField(form, "unit_price", "Đơn giá");
  if (!price.ok()) return ErrorResponse(request, price.error());
  line.unit_price = *price;
  if (!Trim(form.Get("actual")).empty()) {
    Result<int64_t> actual = MoneyField(form, "actual", "Thực chi");
    if (!actual.ok()) return ErrorResponse(request, actual.error());
    line.actual = *actual;
  }
  Result<Conference> c =
      service_.SaveBudgetLine(t->commune.id, t->conference.id, *version, line,
                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#kinh-phi");
}

http::HttpResponse ConferencePages::DocumentEditor(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(request.Param("kind"));
  if (!kind.ok()) return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  Result<std::string> markup = service_.DraftMarkup(
      t->commune.id, t->conference.id, *kind, PublicUrl(request, t->commune, t->conference.id));
  if (!markup.ok()) return ErrorResponse(request, markup.error());
  Result<std::vector<StoredDocument>> stored = service_.Documents(t->commune.id, t->conference.id);
  if (!stored.ok()) return ErrorResponse(request, stored.error());
  bool issued = false;
  for (const auto& d : *stored) issued |= d.kind == *kind && d.issued;
  const std::string committee = t->commune.PeoplesCommitteeName();
  return PageResponse(
      request, "conference_document",
      {{"title", std::string(ConferenceDocumentKindLabel(*kind)) + " – " + t->conference.subject},
       {"site_name", committee},
       {"committee_name", committee},
       {"kind_label", ConferenceDocumentKindLabel(*kind)},
       {"subject", t->conference.subject},
       {"back", StaffPath(t->commune, t->conference.id)},
       {"action", StaffPath(t->commune, t->conference.id) + "/van-ban/" +
                      std::string(ConferenceDocumentKindCode(*kind))},
       {"csrf", ctx.session->csrf_token},
       {"markup", *markup},
       {"issued", issued},
       {"can_edit",
        !issued && CommunePermissions::Check(ctx.actor(), CommuneAction::kManageConferences,
                                             t->commune.id) == Decision::kAllow}});
}

http::HttpResponse ConferencePages::SaveDraft(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(request.Param("kind"));
  if (!kind.ok()) return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Status s = service_.SaveDraft(t->commune.id, t->conference.id, *kind, form.Get("markup"),
                                AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!s.ok()) return ErrorResponse(request, s.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#van-ban");
}

http::HttpResponse ConferencePages::IssueDocument(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kIssueDocuments, &denied);
  if (!t.ok()) return denied;
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(request.Param("kind"));
  if (!kind.ok()) return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<StoredDocument> doc = service_.Issue(
      t->commune.id, t->conference.id, *kind, PublicUrl(request, t->commune, t->conference.id),
      Trim(form.Get("late_reason")), AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!doc.ok()) return ErrorResponse(request, doc.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#van-ban");
}

http::HttpResponse ConferencePages::MarkHeld(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> number = IntField(form, "session", 1, 99, "Số phiên");
  if (!number.ok()) return ErrorResponse(request, number.error());
  Result<Conference> c =
      service_.MarkSessionHeld(t->commune.id, t->conference.id, static_cast<int>(*number),
                               AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#phien");
}

http::HttpResponse ConferencePages::CheckInList(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  nlohmann::json people = nlohmann::json::array();
  int present = 0;
  for (const Invitee& i : t->conference.invitees) {
    present += i.checked_in_at ? 1 : 0;
    people.push_back({{"number", i.number},
                      {"name", i.name},
                      {"title", i.title},
                      {"group", ParticipantGroupLabel(i.group)},
                      {"checked_in", i.checked_in_at.has_value()}});
  }
  const std::string committee = t->commune.PeoplesCommitteeName();
  return PageResponse(request, "conference_checkin",
                      {{"title", "Điểm danh – " + t->conference.subject},
                       {"site_name", committee},
                       {"committee_name", committee},
                       {"subject", t->conference.subject},
                       {"back", StaffPath(t->commune, t->conference.id)},
                       {"action", StaffPath(t->commune, t->conference.id) + "/diem-danh"},
                       {"csrf", ctx.session->csrf_token},
                       {"people", people},
                       {"present", present},
                       {"invited", static_cast<int64_t>(t->conference.invitees.size())}});
}

http::HttpResponse ConferencePages::CheckIn(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  std::optional<int> number;
  if (!Trim(form.Get("number")).empty()) {
    Result<int64_t> n = IntField(form, "number", 1, 100000, "Số giấy mời");
    if (!n.ok()) return ErrorResponse(request, n.error());
    number = static_cast<int>(*n);
  }
  Result<Conference> c =
      service_.CheckIn(t->commune.id, t->conference.id, number, Trim(form.Get("token")),
                       AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  if (WantsJson(request)) return JsonResponse(200, {{"ok", true}});
  return Redirect(StaffPath(t->commune, t->conference.id) + "/diem-danh");
}

}  // namespace doithoai::web
