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
          {"held", s.held}};
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
