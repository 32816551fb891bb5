#include "adapters/web/conference_day_api.h"

#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/etag.h"
#include "adapters/web/conference_day_json.h"
#include "adapters/web/conference_view.h"
#include "adapters/web/responses.h"
#include "core/petitions/classification.h"

namespace doithoai::web {

namespace {

using desk_json::kDenunciationTopic;
using desk_json::LocalTime;
using desk_json::MinutesJson;
using desk_json::OfficialName;
using desk_json::OpinionJson;
using desk_json::SessionJson;
using desk_json::SpeakerJson;
using desk_json::VillageName;
using nlohmann::json;

// The request's fields: a JSON object, or (the conference page's forms) the
// form fields, numbers as numbers.
Result<json> Body(const http::HttpRequest& request, const RequestContext& ctx) {
  if (ctx.form) {
    json fields = json::object();
    for (const auto& [name, value] : ctx.form->fields) {
      if (fields.contains(name)) continue;
      const bool number = !value.empty() && value.size() < 12 &&
                          value.find_first_not_of("0123456789") == std::string::npos;
      fields[name] = number ? json(std::stoll(value)) : json(value);
    }
    return fields;
  }
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return MakeError(ErrorCode::kInvalidArgument, "Nội dung gửi lên phải là một đối tượng JSON.");
  }
  return body;
}

std::string Str(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int Int(const json& body, const char* key, int fallback = 0) {
  auto it = body.find(key);
  return it != body.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

std::optional<int64_t> OptId(const json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

}  // namespace

void ConferenceDayApi::Register(Site& site) {
  auto add =
      [&](const char* method, const std::string& pattern,
          http::HttpResponse (ConferenceDayApi::*handler)(http::HttpRequest&, RequestContext&)) {
        site.Add(method, pattern, Access::kSignedIn,
                 [this, handler](http::HttpRequest& r, RequestContext& c) {
                   return (this->*handler)(r, c);
                 });
      };
  const std::string page = "/quan-tri/{slug}/hoi-nghi/{id}";
  add("GET", page + "/thu-ky", &ConferenceDayApi::DeskPage);
  add("GET", page + "/man-hinh", &ConferenceDayApi::ScreenPage);
  const std::string a = "/api/v1/communes/{slug}/conferences/{id}";
  add("GET", a + "/desk", &ConferenceDayApi::DeskJson);
  add("GET", a + "/live", &ConferenceDayApi::LiveJson);
  add("POST", a + "/desk/speakers", &ConferenceDayApi::AddSpeaker);
  add("POST", a + "/desk/speakers/state", &ConferenceDayApi::SpeakerState);
  add("POST", a + "/desk/opinions", &ConferenceDayApi::AddOpinion);
  add("POST", a + "/desk/live", &ConferenceDayApi::SetLive);
  add("POST", a + "/desk/attendance", &ConferenceDayApi::Attendance);
  add("POST", a + "/desk/sessions/{n}/start", &ConferenceDayApi::StartSession);
  add("POST", a + "/desk/sessions/{n}/end", &ConferenceDayApi::EndSession);
  add("POST", a + "/desk/check-in", &ConferenceDayApi::CheckIn);
  add("POST", a + "/minutes/sign", &ConferenceDayApi::SignMinutes);
  add("POST", a + "/minutes/addenda", &ConferenceDayApi::AddAddendum);
  add("POST", a + "/results-notice/issue", &ConferenceDayApi::IssueResults);
  add("POST", a + "/results-notice/deliveries", &ConferenceDayApi::Delivery);
}

Result<ConferenceDayApi::Target> ConferenceDayApi::TargetFor(const http::HttpRequest& request,
                                                             const RequestContext& ctx,
                                                             CommuneAction action,
                                                             http::HttpResponse* denied) {
  ASSIGN_OR_RETURN(Commune commune, AuthorizedCommune(request, ctx, communes_, action, denied));
  Result<int64_t> id = IdParam(request, "id");
  if (!id.ok()) return Deny(request, id.error(), denied);
  Result<Conference> conference = conferences_.Find(commune.id, ConferenceId{*id});
  if (!conference.ok()) return Deny(request, conference.error(), denied);
  return Target{std::move(commune), std::move(conference).value()};
}

namespace {

std::string StaffPage(const Commune& commune, ConferenceId id) {
  return "/quan-tri/" + commune.slug + "/hoi-nghi/" + std::to_string(id.value);
}

std::string ApiBase(const Commune& commune, ConferenceId id) {
  return "/api/v1/communes/" + commune.slug + "/conferences/" + std::to_string(id.value);
}

}  // namespace

http::HttpResponse ConferenceDayApi::DeskPage(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const std::string committee = t->commune.PeoplesCommitteeName();
  const std::string staff = StaffPage(t->commune, t->conference.id);
  return PageResponse(request, "conference_desk",
                      {{"title", "Thư ký hội nghị – " + t->conference.subject},
                       {"site_name", committee},
                       {"slug", t->commune.slug},
                       {"id", t->conference.id.value},
                       {"csrf", ctx.session->csrf_token},
                       {"api", ApiBase(t->commune, t->conference.id)},
                       {"subject", t->conference.subject},
                       {"conference_href", staff},
                       {"screen_href", staff + "/man-hinh"}});
}

http::HttpResponse ConferenceDayApi::ScreenPage(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  return PageResponse(request, "conference_screen",
                      {{"title", t->conference.subject},
                       {"site_name", t->commune.PeoplesCommitteeName()},
                       {"slug", t->commune.slug},
                       {"id", t->conference.id.value},
                       {"api", ApiBase(t->commune, t->conference.id)},
                       {"subject", t->conference.subject}});
}

http::HttpResponse ConferenceDayApi::DeskJson(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  const Conference& c = t->conference;
  const CommuneId commune = t->commune.id;
  Result<std::vector<Village>> villages = communes_.ListVillages(commune);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  Result<std::vector<Unit>> units = communes_.ListUnits(commune);
  if (!units.ok()) return ErrorResponse(request, units.error());
  Result<std::vector<PetitionField>> fields = petitions_.Fields(commune);
  if (!fields.ok()) return ErrorResponse(request, fields.error());
  Result<std::vector<Petition>> petitions = day_.OpinionPetitions(c);
  if (!petitions.ok()) return ErrorResponse(request, petitions.error());

  json sessions = json::array();
  for (const ConferenceSession& s : c.sessions) sessions.push_back(SessionJson(s));
  json agenda = json::array();
  for (size_t i = 0; i < c.agenda.size(); ++i) {
    const AgendaItem& a = c.agenda[i];
    agenda.push_back({{"index", i + 1},
                      {"session", a.session},
                      {"time", FormatClock(a.start_minute)},
                      {"content", a.content},
                      {"presenter", a.presenter}});
  }
  json village_list = json::array();
  for (const Village& v : *villages) village_list.push_back({{"id", v.id.value}, {"name", v.name}});
  json unit_list = json::array();
  for (const Unit& u : *units) unit_list.push_back({{"id", u.id.value}, {"name", u.name}});
  json field_list = json::array();
  for (const PetitionField& f : *fields) {
    field_list.push_back({{"code", f.code}, {"label", f.label}});
  }
  json classes = json::array();
  for (PetitionClass k : {PetitionClass::kProposal, PetitionClass::kReport,
                          PetitionClass::kComplaint, PetitionClass::kDenunciation}) {
    classes.push_back({{"code", PetitionClassCode(k)}, {"label", PetitionClassLabel(k)}});
  }
  json groups = json::array();
  json attendance = json::array();
  for (ParticipantGroup g : kParticipantGroups) {
    groups.push_back({{"code", ParticipantGroupCode(g)}, {"label", ParticipantGroupLabel(g)}});
  }
  for (const ConferenceSession& s : c.sessions) {
    for (ParticipantGroup g : kParticipantGroups) {
      int checked_in = 0;
      for (const Invitee& i : c.invitees) {
        if (i.group == g && i.checked_in_at && (i.session == 0 || i.session == s.number)) {
          ++checked_in;
        }
      }
      std::optional<int> count;
      for (const AttendanceCount& a : c.attendance) {
        if (a.session == s.number && a.group == g) count = a.count;
      }
      attendance.push_back({{"session", s.number},
                            {"group", ParticipantGroupCode(g)},
                            {"label", ParticipantGroupLabel(g)},
                            {"count", count ? json(*count) : json(nullptr)},
                            {"checked_in", checked_in}});
    }
  }
  json invitees = json::array();
  for (const Invitee& i : c.invitees) {
    invitees.push_back({{"number", i.number},
                        {"name", i.name},
                        {"title", i.title},
                        {"group", ParticipantGroupCode(i.group)},
                        {"session", i.session},
                        {"checked_in", i.checked_in_at.has_value()}});
  }
  json speakers = json::array();
  for (const Speaker& s : c.speakers) speakers.push_back(SpeakerJson(s, *villages));
  json opinions = json::array();
  for (const Opinion& o : c.opinions) {
    const Petition* p = nullptr;
    for (const Petition& candidate : *petitions) {
      if (candidate.id == o.petition) p = &candidate;
    }
    opinions.push_back(OpinionJson(o, p, *units));
  }
  return JsonResponse(200, {{"id", c.id.value},
                            {"subject", c.subject},
                            {"state", ConferenceStateCode(c.state)},
                            {"state_label", ConferenceStateLabel(c.state)},
                            {"version", c.version},
                            {"today", conferences_.Today().ToIsoString()},
                            {"sessions", sessions},
                            {"agenda", agenda},
                            {"villages", village_list},
                            {"units", unit_list},
                            {"fields", field_list},
                            {"classes", classes},
                            {"groups", groups},
                            {"attendance", attendance},
                            {"invitees", invitees},
                            {"speakers", speakers},
                            {"opinions", opinions},
                            {"live",
                             {{"session", c.live.session},
                              {"speaker", c.live.speaker},
                              {"opinion", c.live.opinion},
                              {"agenda_item", c.live.agenda_item}}},
                            {"minutes", MinutesJson(c.minutes)}});
}

http::HttpResponse ConferenceDayApi::LiveJson(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  const Conference& c = t->conference;
  json speaker = nullptr;
  if (const Speaker* s = c.FindSpeaker(c.live.speaker)) {
    Result<std::vector<Village>> villages = communes_.ListVillages(t->commune.id);
    if (!villages.ok()) return ErrorResponse(request, villages.error());
    // CONF-02: a speaker the secretary marked anonymous is not named in the hall.
    speaker =
        s->anonymous
            ? json{{"name", "Người phát biểu số " + std::to_string(s->number)}, {"village", ""}}
            : json{{"name", s->name}, {"village", VillageName(*villages, s->village)}};
  }
  json opinion = nullptr;
  if (const Opinion* o = c.FindOpinion(c.live.opinion)) {
    Result<Petition> p = petitions_.Find(t->commune.id, o->petition);
    if (!p.ok()) return ErrorResponse(request, p.error());
    const bool sealed = p->HasDenunciation();
    opinion = {{"code", o->code}, {"text", sealed ? kDenunciationTopic : p->items.front().text}};
  }
  json agenda = nullptr;
  if (c.live.agenda_item > 0 && c.live.agenda_item <= static_cast<int>(c.agenda.size())) {
    const AgendaItem& a = c.agenda[static_cast<size_t>(c.live.agenda_item - 1)];
    agenda = {
        {"time", FormatClock(a.start_minute)}, {"content", a.content}, {"presenter", a.presenter}};
  }
  int waiting = 0;
  for (const Speaker& s : c.speakers) waiting += s.state == SpeakerState::kWaiting ? 1 : 0;
  const json body = {{"subject", c.subject},
                     {"session", c.live.session},
                     {"speaker", speaker},
                     {"opinion", opinion},
                     {"agenda", agenda},
                     {"speakers_waiting", waiting},
                     {"ended", c.FindSession(c.live.session) != nullptr &&
                                   c.FindSession(c.live.session)->ended_at.has_value()},
                     {"opinions", c.opinions.size()},
                     {"updated_at", LocalTime(c.live.updated_at)}};
  http::HttpResponse r = JsonResponse(200, body);
  const std::string etag = http::StrongEtag(r.body);
  r.SetHeader("ETag", etag);
  r.SetHeader("Cache-Control", "no-cache");
  if (http::IfNoneMatchMatches(request.Header("if-none-match"), etag)) {
    http::HttpResponse not_modified;
    not_modified.status = 304;
    not_modified.SetHeader("ETag", etag);
    return not_modified;
  }
  return r;
}

// Runs a desk write: authorizes, parses the JSON body, calls `act`.
#define DESK_TARGET(action)                                    \
  http::HttpResponse denied;                                   \
  Result<Target> t = TargetFor(request, ctx, action, &denied); \
  if (!t.ok()) return denied;                                  \
  Result<json> body = Body(request, ctx);                      \
  if (!body.ok()) return ErrorResponse(request, body.error()); \
  const AuditContext audit = AuditContextFor(request, ctx, t->commune.id, clock_)

http::HttpResponse ConferenceDayApi::AddSpeaker(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  DeskSpeaker input;
  input.client_key = Str(*body, "client_key");
  input.session = Int(*body, "session", 1);
  input.name = Str(*body, "name");
  if (auto v = OptId(*body, "village_id")) input.village = VillageId{*v};
  input.agenda_item = Int(*body, "agenda_item");
  input.phone = Str(*body, "phone");
  input.anonymous = body->contains("anonymous") && (*body)["anonymous"].is_boolean() &&
                    (*body)["anonymous"].get<bool>();
  Result<std::pair<Speaker, bool>> added =
      day_.AddSpeaker(t->commune.id, t->conference.id, input, audit);
  if (!added.ok()) return ErrorResponse(request, added.error());
  Result<std::vector<Village>> villages = communes_.ListVillages(t->commune.id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  return JsonResponse(added->second ? 201 : 200,
                      {{"speaker", SpeakerJson(added->first, *villages)}});
}

http::HttpResponse ConferenceDayApi::SpeakerState(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  Result<doithoai::SpeakerState> state = ParseSpeakerState(Str(*body, "state"));
  if (!state.ok()) return ErrorResponse(request, state.error());
  Result<Speaker> s =
      day_.SetSpeakerState(t->commune.id, t->conference.id, Str(*body, "speaker_key"),
                           Int(*body, "number"), *state, audit);
  if (!s.ok()) return ErrorResponse(request, s.error());
  Result<std::vector<Village>> villages = communes_.ListVillages(t->commune.id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  return JsonResponse(200, {{"speaker", SpeakerJson(*s, *villages)}});
}

http::HttpResponse ConferenceDayApi::AddOpinion(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  DeskOpinion input;
  input.client_key = Str(*body, "client_key");
  input.session = Int(*body, "session", 1);
  input.speaker_key = Str(*body, "speaker_key");
  input.speaker = Int(*body, "speaker");
  input.agenda_item = Int(*body, "agenda_item");
  input.text = Str(*body, "text");
  if (const std::string cls = Str(*body, "class"); !cls.empty()) {
    Result<PetitionClass> parsed = ParsePetitionClass(cls);
    if (!parsed.ok()) return ErrorResponse(request, parsed.error());
    input.petition_class = *parsed;
  }
  input.field = Str(*body, "field");
  const std::string outcome = Str(*body, "outcome");
  Result<OpinionOutcome> parsed_outcome =
      ParseOpinionOutcome(outcome.empty() ? "pending" : outcome);
  if (!parsed_outcome.ok()) return ErrorResponse(request, parsed_outcome.error());
  input.outcome = *parsed_outcome;
  input.answered_by = Str(*body, "answered_by");
  input.answer = Str(*body, "answer");
  if (auto u = OptId(*body, "unit_id")) input.unit = UnitId{*u};
  if (const std::string d = Str(*body, "deadline"); !d.empty()) {
    Result<Date> date = Date::Parse(d);
    if (!date.ok()) {
      Error e = MakeError(ErrorCode::kInvalidArgument, "Thời hạn phải có dạng YYYY-MM-DD.");
      e.fields.push_back(FieldError{"deadline", e.message});
      return ErrorResponse(request, e);
    }
    input.deadline = *date;
  }
  input.forwarded_to = Str(*body, "forwarded_to");
  Result<RecordedOpinion> recorded = day_.RecordOpinion(t->commune, t->conference.id, input, audit);
  if (!recorded.ok()) return ErrorResponse(request, recorded.error());
  Result<std::vector<Unit>> units = communes_.ListUnits(t->commune.id);
  if (!units.ok()) return ErrorResponse(request, units.error());
  return JsonResponse(recorded->created ? 201 : 200,
                      {{"opinion", OpinionJson(recorded->opinion, &recorded->petition, *units)}});
}

http::HttpResponse ConferenceDayApi::SetLive(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  LiveState live;
  live.session = Int(*body, "session");
  live.speaker = Int(*body, "speaker");
  live.opinion = Int(*body, "opinion");
  live.agenda_item = Int(*body, "agenda_item");
  Result<LiveState> stored = day_.SetLive(t->commune.id, t->conference.id, live, audit);
  if (!stored.ok()) return ErrorResponse(request, stored.error());
  return JsonResponse(200, {{"live",
                             {{"session", stored->session},
                              {"speaker", stored->speaker},
                              {"opinion", stored->opinion},
                              {"agenda_item", stored->agenda_item}}}});
}

http::HttpResponse ConferenceDayApi::Attendance(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  std::vector<AttendanceCount> counts;
  auto list = body->find("counts");
  if (list == body->end() || !list->is_array()) {
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidArgument,
                                            "Thiếu danh sách số người tham dự (counts)."));
  }
  for (const json& item : *list) {
    if (!item.is_object()) continue;
    Result<ParticipantGroup> group = ParseParticipantGroup(Str(item, "group"));
    if (!group.ok()) return ErrorResponse(request, group.error());
    counts.push_back(AttendanceCount{0, *group, Int(item, "count", -1)});
  }
  Result<Conference> c =
      day_.SetAttendance(t->commune.id, t->conference.id, Int(*body, "session", 1), counts, audit);
  if (!c.ok()) return ErrorResponse(request, c.error());
  return JsonResponse(200, {{"ok", true}});
}

http::HttpResponse ConferenceDayApi::StartSession(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  Result<int64_t> n = IdParam(request, "n");
  if (!n.ok()) return ErrorResponse(request, n.error());
  Result<ConferenceSession> s =
      day_.StartSession(t->commune.id, t->conference.id, static_cast<int>(*n), audit);
  if (!s.ok()) return ErrorResponse(request, s.error());
  return JsonResponse(200, {{"session", SessionJson(*s)}});
}

http::HttpResponse ConferenceDayApi::EndSession(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  Result<int64_t> n = IdParam(request, "n");
  if (!n.ok()) return ErrorResponse(request, n.error());
  Result<ConferenceSession> s =
      day_.EndSession(t->commune.id, t->conference.id, static_cast<int>(*n), audit);
  if (!s.ok()) return ErrorResponse(request, s.error());
  return JsonResponse(200, {{"session", SessionJson(*s)}});
}

http::HttpResponse ConferenceDayApi::CheckIn(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  // By invitee number (the desk's list) or by the token of the QR code.
  std::optional<int> number;
  if (body->contains("number") && !(*body)["number"].is_null()) number = Int(*body, "number");
  Result<Conference> c =
      conferences_.CheckIn(t->commune.id, t->conference.id, number, Str(*body, "token"), audit);
  if (!c.ok()) return ErrorResponse(request, c.error());
  return JsonResponse(200, {{"ok", true}});
}

http::HttpResponse ConferenceDayApi::SignMinutes(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kViewConferences);
  const std::string as = Str(*body, "as");
  const Role role = ctx.actor()->role;
  MinutesRole minutes_role;
  if (as == "secretary") {
    minutes_role = MinutesRole::kSecretary;
    if (role != Role::kSecretary && role != Role::kOffice && role != Role::kSystemAdmin) {
      return ErrorResponse(request, MakeError(ErrorCode::kPermissionDenied,
                                              "Chỉ thư ký hội nghị ký phần thư ký của biên bản."));
    }
  } else if (as == "chair") {
    minutes_role = MinutesRole::kChair;
    if (role != Role::kChairman && role != Role::kViceChairman && role != Role::kSystemAdmin) {
      return ErrorResponse(request,
                           MakeError(ErrorCode::kPermissionDenied,
                                     "Chỉ chủ tọa (Chủ tịch, Phó Chủ tịch) ký phần chủ tọa."));
    }
  } else {
    Error e = MakeError(ErrorCode::kInvalidArgument, "Cần chọn ký với vai trò thư ký hay chủ tọa.");
    e.fields.push_back(FieldError{"as", e.message});
    return ErrorResponse(request, e);
  }
  Result<std::vector<Official>> officials = communes_.ListOfficials(t->commune.id);
  if (!officials.ok()) return ErrorResponse(request, officials.error());
  SignOff signer;
  signer.account_id = ctx.actor()->account_id.value;
  signer.name =
      OfficialName(*officials, minutes_role == MinutesRole::kSecretary ? t->conference.secretary
                                                                       : t->conference.chair);
  if (signer.name.empty()) signer.name = ctx.actor()->username;
  signer.at = clock_.Now();
  const std::string url = ConferencePublicUrl(public_url_, request, t->commune, t->conference.id);
  Result<MinutesRecord> m =
      day_.SignMinutes(t->commune.id, t->conference.id, minutes_role, signer, url, audit);
  if (!m.ok()) return ErrorResponse(request, m.error());
  if (ctx.form) return Redirect(StaffPage(t->commune, t->conference.id) + "#bien-ban");
  return JsonResponse(200, {{"minutes", MinutesJson(*m)}});
}

http::HttpResponse ConferenceDayApi::AddAddendum(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  Result<MinutesAddendum> a = day_.AddAddendum(t->commune.id, t->conference.id, Str(*body, "text"),
                                               ctx.actor()->username, audit);
  if (!a.ok()) return ErrorResponse(request, a.error());
  if (ctx.form) return Redirect(StaffPage(t->commune, t->conference.id) + "#bien-ban");
  return JsonResponse(201, {{"addendum", {{"number", a->number}, {"text", a->text}}}});
}

http::HttpResponse ConferenceDayApi::IssueResults(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kIssueDocuments);
  const std::string url = ConferencePublicUrl(public_url_, request, t->commune, t->conference.id);
  Result<StoredDocument> doc = day_.IssueResultsNotice(t->commune.id, t->conference.id, url,
                                                       Str(*body, "late_reason"), audit);
  if (!doc.ok()) return ErrorResponse(request, doc.error());
  if (ctx.form) return Redirect(StaffPage(t->commune, t->conference.id) + "#ket-qua");
  return JsonResponse(200, {{"document",
                             {{"kind", ConferenceDocumentKindCode(doc->kind)},
                              {"number", doc->number},
                              {"issued_on", doc->issued_on.ToIsoString()}}}});
}

http::HttpResponse ConferenceDayApi::Delivery(http::HttpRequest& request, RequestContext& ctx) {
  DESK_TARGET(CommuneAction::kManageConferences);
  VillageDelivery d;
  d.village = VillageId{OptId(*body, "village_id").value_or(0)};
  d.head_name = Str(*body, "head_name");
  d.via = Str(*body, "via");
  d.delivered_on = conferences_.Today();
  if (const std::string on = Str(*body, "delivered_on"); !on.empty()) {
    Result<Date> date = Date::Parse(on);
    if (!date.ok()) return ErrorResponse(request, date.error());
    d.delivered_on = *date;
  }
  Result<Conference> c = day_.RecordDelivery(t->commune.id, t->conference.id, d, audit);
  if (!c.ok()) return ErrorResponse(request, c.error());
  if (ctx.form) return Redirect(StaffPage(t->commune, t->conference.id) + "#ket-qua");
  return JsonResponse(200, {{"ok", true}});
}

#undef DESK_TARGET

}  // namespace doithoai::web
