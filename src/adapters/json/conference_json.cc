#include "adapters/json/conference_json.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/json/json_reader.h"
#include "adapters/json/json_writer.h"

namespace doithoai {

namespace {

using nlohmann::json;

// TaskKind has no code table in core/conferences/conference.h; these are its
// JSON codes.
constexpr std::array<std::pair<TaskKind, std::string_view>, 3> kTaskKinds{{
    {TaskKind::kGeneral, "general"},
    {TaskKind::kPublicNotice, "public_notice"},
    {TaskKind::kResultsNotice, "results_notice"},
}};

std::string_view TaskKindCode(TaskKind kind) {
  for (const auto& [value, code] : kTaskKinds) {
    if (value == kind) return code;
  }
  return kTaskKinds[0].second;
}

Result<TaskKind> ParseTaskKind(std::string_view code) {
  for (const auto& [value, name] : kTaskKinds) {
    if (name == code) return value;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Loại công việc không hợp lệ: \"" + std::string(code) + "\".");
}

// ---- writing ----

using json_writer::ListToJson;
using json_writer::OptionalDate;
using json_writer::OptionalId;

json OptionalTime(const std::optional<Timestamp>& t) {
  return t ? json(t->time_since_epoch().count()) : json(nullptr);
}

json SessionToJson(const ConferenceSession& s) {
  json villages = json::array();
  for (VillageId v : s.villages) villages.push_back(v.value);
  return {{"number", s.number},
          {"date", s.date.ToIsoString()},
          {"start_minute", s.start_minute},
          {"duration_minutes", s.duration_minutes},
          {"duration_label", s.duration_label},
          {"venue", s.venue},
          {"villages", std::move(villages)},
          {"held", s.held},
          {"started_at", OptionalTime(s.started_at)},
          {"ended_at", OptionalTime(s.ended_at)}};
}

json AgendaItemToJson(const AgendaItem& a) {
  return {{"session", a.session},
          {"start_minute", a.start_minute},
          {"content", a.content},
          {"presenter", a.presenter}};
}

json InviteeToJson(const Invitee& i) {
  return {{"number", i.number},
          {"group", ParticipantGroupCode(i.group)},
          {"name", i.name},
          {"title", i.title},
          {"address", i.address},
          {"village", OptionalId(i.village)},
          {"session", i.session},
          {"status", InvitationStatusCode(i.status)},
          {"token", i.token},
          {"checked_in_at",
           i.checked_in_at ? json(i.checked_in_at->time_since_epoch().count()) : json(nullptr)}};
}

json TaskToJson(const ConferenceTask& t) {
  return {{"number", t.number},
          {"phase", TaskPhaseCode(t.phase)},
          {"kind", TaskKindCode(t.kind)},
          {"title", t.title},
          {"unit", OptionalId(t.unit)},
          {"official", OptionalId(t.official)},
          {"offset_days", t.offset_days},
          {"due", t.due.ToIsoString()},
          {"done_on", OptionalDate(t.done_on)}};
}

json PublicationToJson(const Publication& p) {
  return {{"channel", PublicationChannelCode(p.channel)},
          {"start", p.start.ToIsoString()},
          {"end", OptionalDate(p.end)},
          {"note", p.note},
          {"late_reason", p.late_reason}};
}

json BudgetLineToJson(const BudgetLine& b) {
  return {{"number", b.number},
          {"item", b.item},
          {"unit", b.unit},
          {"quantity", b.quantity},
          {"unit_price", b.unit_price},
          {"source", b.source},
          {"actual", b.actual ? json(*b.actual) : json(nullptr)}};
}

json SpeakerToJson(const Speaker& s) {
  return {{"number", s.number},
          {"session", s.session},
          {"name", s.name},
          {"village", OptionalId(s.village)},
          {"agenda_item", s.agenda_item},
          {"state", SpeakerStateCode(s.state)},
          {"sealed", s.sealed},
          {"anonymous", s.anonymous},
          {"phone", s.phone},
          {"client_key", s.client_key},
          {"added_at", s.added_at.time_since_epoch().count()}};
}

json OpinionToJson(const Opinion& o) {
  return {
      {"number", o.number},           {"session", o.session},
      {"speaker", o.speaker},         {"agenda_item", o.agenda_item},
      {"petition", o.petition.value}, {"code", o.code},
      {"client_key", o.client_key},   {"recorded_at", o.recorded_at.time_since_epoch().count()}};
}

json AttendanceToJson(const AttendanceCount& a) {
  return {{"session", a.session}, {"group", ParticipantGroupCode(a.group)}, {"count", a.count}};
}

json SignOffToJson(const std::optional<SignOff>& s) {
  if (!s) return nullptr;
  return {
      {"account_id", s->account_id}, {"name", s->name}, {"at", s->at.time_since_epoch().count()}};
}

json AddendumToJson(const MinutesAddendum& a) {
  return {{"number", a.number},
          {"text", a.text},
          {"by", a.by},
          {"at", a.at.time_since_epoch().count()}};
}

json DeliveryToJson(const VillageDelivery& d) {
  return {{"village", d.village.value},
          {"head_name", d.head_name},
          {"delivered_on", OptionalDate(d.delivered_on)},
          {"via", d.via}};
}

json AssignmentToJson(const Assignment& a) {
  return {{"unit_title", a.unit_title}, {"run_in", a.run_in}, {"duties", a.duties}};
}

// ---- reading ----

using json_reader::EnumReader;
using json_reader::ListReader;
using json_reader::ObjectReader;
using json_reader::OptionalReader;
using json_reader::Path;
using json_reader::ReadBool;
using json_reader::ReadDate;
using json_reader::ReadDouble;
using json_reader::ReadId;
using json_reader::ReadInt;
using json_reader::ReadInt64;
using json_reader::ReadString;
using json_reader::ReadTimestamp;

// How messages name the document.
constexpr std::string_view kDocument = "hội nghị";

const auto kReadStrings = ListReader<std::string>(ReadString);
const auto kReadOptionalDate = OptionalReader<Date>(ReadDate);

Status ReadSession(const json& v, const Path& path, ConferenceSession& s) {
  return ObjectReader(v, path)
      .Read("number", s.number, ReadInt)
      .Read("date", s.date, ReadDate)
      .Read("start_minute", s.start_minute, ReadInt)
      .Read("duration_minutes", s.duration_minutes, ReadInt)
      .Read("duration_label", s.duration_label, ReadString)
      .Read("venue", s.venue, ReadString)
      .Read("villages", s.villages, ListReader<VillageId>(ReadId<VillageId>))
      .Read("held", s.held, ReadBool)
      .Read("started_at", s.started_at, OptionalReader<Timestamp>(ReadTimestamp))
      .Read("ended_at", s.ended_at, OptionalReader<Timestamp>(ReadTimestamp))
      .status();
}

Status ReadAgendaItem(const json& v, const Path& path, AgendaItem& a) {
  return ObjectReader(v, path)
      .Read("session", a.session, ReadInt)
      .Read("start_minute", a.start_minute, ReadInt)
      .Read("content", a.content, ReadString)
      .Read("presenter", a.presenter, ReadString)
      .status();
}

Status ReadInvitee(const json& v, const Path& path, Invitee& i) {
  return ObjectReader(v, path)
      .Read("number", i.number, ReadInt)
      .Read("group", i.group, EnumReader(ParseParticipantGroup))
      .Read("name", i.name, ReadString)
      .Read("title", i.title, ReadString)
      .Read("address", i.address, ReadString)
      .Read("village", i.village, OptionalReader<VillageId>(ReadId<VillageId>))
      .Read("session", i.session, ReadInt)
      .Read("status", i.status, EnumReader(ParseInvitationStatus))
      .Read("token", i.token, ReadString)
      .Read("checked_in_at", i.checked_in_at, OptionalReader<Timestamp>(ReadTimestamp))
      .status();
}

Status ReadTask(const json& v, const Path& path, ConferenceTask& t) {
  return ObjectReader(v, path)
      .Read("number", t.number, ReadInt)
      .Read("phase", t.phase, EnumReader(ParseTaskPhase))
      .Read("kind", t.kind, EnumReader(ParseTaskKind))
      .Read("title", t.title, ReadString)
      .Read("unit", t.unit, OptionalReader<UnitId>(ReadId<UnitId>))
      .Read("official", t.official, OptionalReader<OfficialId>(ReadId<OfficialId>))
      .Read("offset_days", t.offset_days, ReadInt)
      .Read("due", t.due, ReadDate)
      .Read("done_on", t.done_on, kReadOptionalDate)
      .status();
}

Status ReadPublication(const json& v, const Path& path, Publication& p) {
  return ObjectReader(v, path)
      .Read("channel", p.channel, EnumReader(ParsePublicationChannel))
      .Read("start", p.start, ReadDate)
      .Read("end", p.end, kReadOptionalDate)
      .Read("note", p.note, ReadString)
      .Read("late_reason", p.late_reason, ReadString)
      .status();
}

Status ReadBudgetLine(const json& v, const Path& path, BudgetLine& b) {
  return ObjectReader(v, path)
      .Read("number", b.number, ReadInt)
      .Read("item", b.item, ReadString)
      .Read("unit", b.unit, ReadString)
      .Read("quantity", b.quantity, ReadDouble)
      .Read("unit_price", b.unit_price, ReadInt64)
      .Read("source", b.source, ReadString)
      .Read("actual", b.actual, OptionalReader<int64_t>(ReadInt64))
      .status();
}

Status ReadAssignment(const json& v, const Path& path, Assignment& a) {
  return ObjectReader(v, path)
      .Read("unit_title", a.unit_title, ReadString)
      .Read("run_in", a.run_in, ReadString)
      .Read("duties", a.duties, kReadStrings)
      .status();
}

Status ReadSpeaker(const json& v, const Path& path, Speaker& s) {
  return ObjectReader(v, path)
      .Read("number", s.number, ReadInt)
      .Read("session", s.session, ReadInt)
      .Read("name", s.name, ReadString)
      .Read("village", s.village, OptionalReader<VillageId>(ReadId<VillageId>))
      .Read("agenda_item", s.agenda_item, ReadInt)
      .Read("state", s.state, EnumReader(ParseSpeakerState))
      .Read("sealed", s.sealed, ReadBool)
      .Read("anonymous", s.anonymous, ReadBool)
      .Read("phone", s.phone, ReadString)
      .Read("client_key", s.client_key, ReadString)
      .Read("added_at", s.added_at, ReadTimestamp)
      .status();
}

Status ReadOpinion(const json& v, const Path& path, Opinion& o) {
  return ObjectReader(v, path)
      .Read("number", o.number, ReadInt)
      .Read("session", o.session, ReadInt)
      .Read("speaker", o.speaker, ReadInt)
      .Read("agenda_item", o.agenda_item, ReadInt)
      .Read("petition", o.petition, ReadId<PetitionId>)
      .Read("code", o.code, ReadString)
      .Read("client_key", o.client_key, ReadString)
      .Read("recorded_at", o.recorded_at, ReadTimestamp)
      .status();
}

Status ReadAttendance(const json& v, const Path& path, AttendanceCount& a) {
  return ObjectReader(v, path)
      .Read("session", a.session, ReadInt)
      .Read("group", a.group, EnumReader(ParseParticipantGroup))
      .Read("count", a.count, ReadInt)
      .status();
}

Status ReadSignOff(const json& v, const Path& path, SignOff& s) {
  return ObjectReader(v, path)
      .Read("account_id", s.account_id, ReadInt64)
      .Read("name", s.name, ReadString)
      .Read("at", s.at, ReadTimestamp)
      .status();
}

Status ReadAddendum(const json& v, const Path& path, MinutesAddendum& a) {
  return ObjectReader(v, path)
      .Read("number", a.number, ReadInt)
      .Read("text", a.text, ReadString)
      .Read("by", a.by, ReadString)
      .Read("at", a.at, ReadTimestamp)
      .status();
}

Status ReadMinutes(const json& v, const Path& path, MinutesRecord& m) {
  return ObjectReader(v, path)
      .Read("secretary", m.secretary, OptionalReader<SignOff>(ReadSignOff))
      .Read("chair", m.chair, OptionalReader<SignOff>(ReadSignOff))
      .Read("addenda", m.addenda, ListReader<MinutesAddendum>(ReadAddendum))
      .status();
}

Status ReadLive(const json& v, const Path& path, LiveState& l) {
  return ObjectReader(v, path)
      .Read("session", l.session, ReadInt)
      .Read("speaker", l.speaker, ReadInt)
      .Read("opinion", l.opinion, ReadInt)
      .Read("agenda_item", l.agenda_item, ReadInt)
      .Read("updated_at", l.updated_at, ReadTimestamp)
      .status();
}

Status ReadDelivery(const json& v, const Path& path, VillageDelivery& d) {
  return ObjectReader(v, path)
      .Read("village", d.village, ReadId<VillageId>)
      .Read("head_name", d.head_name, ReadString)
      .Read("delivered_on", d.delivered_on, kReadOptionalDate)
      .Read("via", d.via, ReadString)
      .status();
}

Result<Conference> ReadConference(const json& v) {
  if (!v.is_object()) {
    return MakeError(ErrorCode::kInvalidArgument, "Dữ liệu hội nghị phải là một đối tượng JSON.");
  }
  Conference c;
  RETURN_IF_ERROR(
      ObjectReader(v, Path{kDocument, ""})
          .Read("id", c.id, ReadId<ConferenceId>)
          .Read("commune_id", c.commune_id, ReadId<CommuneId>)
          .Read("year", c.year, ReadInt)
          .Read("purpose", c.purpose, EnumReader(ParseConferencePurpose))
          .Read("mode", c.mode, EnumReader(ParseConferenceMode))
          .Read("state", c.state, EnumReader(ParseConferenceState))
          .Read("recorded_past", c.recorded_past, ReadBool)
          .Read("plan_date", c.plan_date, ReadDate)
          .Read("issuer_parent", c.issuer_parent, ReadString)
          .Read("subject", c.subject, ReadString)
          .Read("intro", c.intro, ReadString)
          .Read("objectives", c.objectives, kReadStrings)
          .Read("principles", c.principles, kReadStrings)
          .Read("content_areas", c.content_areas, kReadStrings)
          .Read("preparation", c.preparation, kReadStrings)
          .Read("participants", c.participants, kReadStrings)
          .Read("budget_source", c.budget_source, ReadString)
          .Read("assignments", c.assignments, ListReader<Assignment>(ReadAssignment))
          .Read("closing", c.closing, ReadString)
          .Read("recipients", c.recipients, kReadStrings)
          .Read("how_to_attend", c.how_to_attend, ReadString)
          .Read("front_coordination", c.front_coordination, ReadString)
          .Read("chair", c.chair, OptionalReader<OfficialId>(ReadId<OfficialId>))
          .Read("cochair", c.cochair, ReadString)
          .Read("secretary", c.secretary, OptionalReader<OfficialId>(ReadId<OfficialId>))
          .Read("signer", c.signer, OptionalReader<OfficialId>(ReadId<OfficialId>))
          .Read("signer_authority", c.signer_authority, ReadString)
          .Read("sessions", c.sessions, ListReader<ConferenceSession>(ReadSession))
          .Read("agenda", c.agenda, ListReader<AgendaItem>(ReadAgendaItem))
          .Read("invitees", c.invitees, ListReader<Invitee>(ReadInvitee))
          .Read("tasks", c.tasks, ListReader<ConferenceTask>(ReadTask))
          .Read("publications", c.publications, ListReader<Publication>(ReadPublication))
          .Read("budget", c.budget, ListReader<BudgetLine>(ReadBudgetLine))
          .Read("speakers", c.speakers, ListReader<Speaker>(ReadSpeaker))
          .Read("opinions", c.opinions, ListReader<Opinion>(ReadOpinion))
          .Read("attendance", c.attendance, ListReader<AttendanceCount>(ReadAttendance))
          .Read("live", c.live, ReadLive)
          .Read("minutes", c.minutes, ReadMinutes)
          .Read("results_publications", c.results_publications,
                ListReader<Publication>(ReadPublication))
          .Read("results_deliveries", c.results_deliveries,
                ListReader<VillageDelivery>(ReadDelivery))
          .Read("results_late_reason", c.results_late_reason, ReadString)
          .Read("version", c.version, ReadInt64)
          .status());
  return c;
}

}  // namespace

json ConferenceToJson(const Conference& c) {
  return {
      {"id", c.id.value},
      {"commune_id", c.commune_id.value},
      {"year", c.year},
      {"purpose", ConferencePurposeCode(c.purpose)},
      {"mode", ConferenceModeCode(c.mode)},
      {"state", ConferenceStateCode(c.state)},
      {"recorded_past", c.recorded_past},
      {"plan_date", c.plan_date.ToIsoString()},
      {"issuer_parent", c.issuer_parent},
      {"subject", c.subject},
      {"intro", c.intro},
      {"objectives", c.objectives},
      {"principles", c.principles},
      {"content_areas", c.content_areas},
      {"preparation", c.preparation},
      {"participants", c.participants},
      {"budget_source", c.budget_source},
      {"assignments", ListToJson(c.assignments, AssignmentToJson)},
      {"closing", c.closing},
      {"recipients", c.recipients},
      {"how_to_attend", c.how_to_attend},
      {"front_coordination", c.front_coordination},
      {"chair", OptionalId(c.chair)},
      {"cochair", c.cochair},
      {"secretary", OptionalId(c.secretary)},
      {"signer", OptionalId(c.signer)},
      {"signer_authority", c.signer_authority},
      {"sessions", ListToJson(c.sessions, SessionToJson)},
      {"agenda", ListToJson(c.agenda, AgendaItemToJson)},
      {"invitees", ListToJson(c.invitees, InviteeToJson)},
      {"tasks", ListToJson(c.tasks, TaskToJson)},
      {"publications", ListToJson(c.publications, PublicationToJson)},
      {"budget", ListToJson(c.budget, BudgetLineToJson)},
      {"speakers", ListToJson(c.speakers, SpeakerToJson)},
      {"opinions", ListToJson(c.opinions, OpinionToJson)},
      {"attendance", ListToJson(c.attendance, AttendanceToJson)},
      {"live",
       {{"session", c.live.session},
        {"speaker", c.live.speaker},
        {"opinion", c.live.opinion},
        {"agenda_item", c.live.agenda_item},
        {"updated_at", c.live.updated_at.time_since_epoch().count()}}},
      {"minutes",
       {{"secretary", SignOffToJson(c.minutes.secretary)},
        {"chair", SignOffToJson(c.minutes.chair)},
        {"addenda", ListToJson(c.minutes.addenda, AddendumToJson)}}},
      {"results_publications", ListToJson(c.results_publications, PublicationToJson)},
      {"results_deliveries", ListToJson(c.results_deliveries, DeliveryToJson)},
      {"results_late_reason", c.results_late_reason},
      {"version", c.version},
  };
}

Result<Conference> ConferenceFromJson(const json& document) {
  try {
    return ReadConference(document);
  } catch (const nlohmann::json::exception& e) {
    // Not expected (every access is type-checked first); never let it out.
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string("Dữ liệu hội nghị không hợp lệ: ") + e.what());
  }
}

}  // namespace doithoai
