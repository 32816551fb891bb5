#include "adapters/json/conference_json.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

template <typename IdT>
json OptionalId(const std::optional<IdT>& id) {
  return id ? json(id->value) : json(nullptr);
}

json OptionalDate(const std::optional<Date>& date) {
  return date ? json(date->ToIsoString()) : json(nullptr);
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

template <typename T, typename F>
json ListToJson(const std::vector<T>& items, F to_json) {
  json out = json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

// ---- reading ----

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// kInvalidArgument for the value at `path`; `problem` is a Vietnamese
// sentence.
Error Invalid(const std::string& path, const std::string& problem) {
  Error error = MakeError(ErrorCode::kInvalidArgument,
                          "Dữ liệu hội nghị không hợp lệ ở trường \"" + path + "\": " + problem);
  error.fields.push_back(FieldError{path, problem});
  return error;
}

Status ReadString(const json& v, const std::string& path, std::string& out) {
  if (!v.is_string()) return Invalid(path, "Phải là chuỗi văn bản.");
  out = v.get<std::string>();
  return OkStatus();
}

Status ReadBool(const json& v, const std::string& path, bool& out) {
  if (!v.is_boolean()) return Invalid(path, "Phải là true hoặc false.");
  out = v.get<bool>();
  return OkStatus();
}

Status ReadInt64(const json& v, const std::string& path, int64_t& out) {
  if (!v.is_number_integer() ||
      (v.is_number_unsigned() &&
       v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))) {
    return Invalid(path, "Phải là số nguyên.");
  }
  out = v.get<int64_t>();
  return OkStatus();
}

Status ReadInt(const json& v, const std::string& path, int& out) {
  int64_t wide = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, wide));
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
    return Invalid(path, "Số quá lớn.");
  }
  out = static_cast<int>(wide);
  return OkStatus();
}

Status ReadDouble(const json& v, const std::string& path, double& out) {
  if (!v.is_number()) return Invalid(path, "Phải là số.");
  out = v.get<double>();
  return OkStatus();
}

Status ReadDate(const json& v, const std::string& path, Date& out) {
  if (!v.is_string()) return Invalid(path, "Phải là ngày dạng YYYY-MM-DD.");
  Result<Date> date = Date::Parse(v.get<std::string>());
  if (!date.ok())
    return Invalid(path, "Phải là ngày dạng YYYY-MM-DD (" + date.error().message + ").");
  out = *date;
  return OkStatus();
}

Status ReadTimestamp(const json& v, const std::string& path, Timestamp& out) {
  int64_t ms = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, ms));
  out = Timestamp(std::chrono::milliseconds(ms));
  return OkStatus();
}

template <typename IdT>
Status ReadId(const json& v, const std::string& path, IdT& out) {
  int64_t value = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, value));
  if (value < 0) return Invalid(path, "Mã số không được âm.");
  out = IdT{value};
  return OkStatus();
}

// A reader for an enum stored as its code.
template <typename E>
auto EnumReader(Result<E> (*parse)(std::string_view)) {
  return [parse](const json& v, const std::string& path, E& out) -> Status {
    std::string code;
    RETURN_IF_ERROR(ReadString(v, path, code));
    Result<E> value = parse(code);
    if (!value.ok()) return Invalid(path, value.error().message);
    out = *value;
    return OkStatus();
  };
}

// A reader for std::optional<T>: null is nullopt.
template <typename T, typename F>
auto OptionalReader(F read) {
  return [read](const json& v, const std::string& path, std::optional<T>& out) -> Status {
    if (v.is_null()) {
      out.reset();
      return OkStatus();
    }
    T value{};
    RETURN_IF_ERROR(read(v, path, value));
    out = std::move(value);
    return OkStatus();
  };
}

// A reader for a JSON array of T, element paths "key[i]".
template <typename T, typename F>
auto ListReader(F read) {
  return [read](const json& v, const std::string& path, std::vector<T>& out) -> Status {
    if (!v.is_array()) return Invalid(path, "Phải là danh sách.");
    std::vector<T> items;
    items.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      T item{};
      RETURN_IF_ERROR(read(v[i], path + "[" + std::to_string(i) + "]", item));
      items.push_back(std::move(item));
    }
    out = std::move(items);
    return OkStatus();
  };
}

// Reads the keys of one JSON object into fields, stopping at the first error.
// A missing key leaves the field as it is.
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) status_ = Invalid(path_, "Phải là đối tượng.");
  }

  template <typename T, typename F>
  ObjectReader& Read(const char* key, T& out, F read) {
    if (!status_.ok()) return *this;
    auto it = object_.find(key);
    if (it == object_.end()) return *this;
    status_ = read(*it, Join(path_, key), out);
    return *this;
  }

  Status status() const { return status_; }

 private:
  const json& object_;
  std::string path_;
  Status status_;
};

const auto kReadStrings = ListReader<std::string>(ReadString);
const auto kReadOptionalDate = OptionalReader<Date>(ReadDate);

Status ReadSession(const json& v, const std::string& path, ConferenceSession& s) {
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

Status ReadAgendaItem(const json& v, const std::string& path, AgendaItem& a) {
  return ObjectReader(v, path)
      .Read("session", a.session, ReadInt)
      .Read("start_minute", a.start_minute, ReadInt)
      .Read("content", a.content, ReadString)
      .Read("presenter", a.presenter, ReadString)
      .status();
}

Status ReadInvitee(const json& v, const std::string& path, Invitee& i) {
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

Status ReadTask(const json& v, const std::string& path, ConferenceTask& t) {
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

Status ReadPublication(const json& v, const std::string& path, Publication& p) {
  return ObjectReader(v, path)
      .Read("channel", p.channel, EnumReader(ParsePublicationChannel))
      .Read("start", p.start, ReadDate)
      .Read("end", p.end, kReadOptionalDate)
      .Read("note", p.note, ReadString)
      .Read("late_reason", p.late_reason, ReadString)
      .status();
}

Status ReadBudgetLine(const json& v, const std::string& path, BudgetLine& b) {
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

Status ReadAssignment(const json& v, const std::string& path, Assignment& a) {
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
      ObjectReader(v, "")
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
