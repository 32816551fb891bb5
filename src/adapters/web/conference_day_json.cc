// JSON of the secretary desk and the room screen (issue #7): see
// conference_day_json.h.
#include "adapters/web/conference_day_json.h"

#include <chrono>
#include <ctime>
#include <string>
#include <vector>

namespace doithoai::web::desk_json {

using nlohmann::json;

// "2023-12-08T07:31:00+07:00" (Việt Nam time, UTC+7 without DST).
json LocalTime(const std::optional<Timestamp>& t) {
  if (!t) return nullptr;
  const std::time_t secs =
      std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count() + 7 * 3600;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S+07:00", &tm);
  return std::string(buf);
}

std::string VillageName(const std::vector<Village>& villages, std::optional<VillageId> id) {
  if (!id) return "";
  for (const Village& v : villages) {
    if (v.id == *id) return v.name;
  }
  return "";
}

json SpeakerJson(const Speaker& s, const std::vector<Village>& villages) {
  return {{"number", s.number},
          {"key", s.client_key},
          {"session", s.session},
          {"name", s.name},
          {"village_id", s.village ? json(s.village->value) : json(nullptr)},
          {"village_name", VillageName(villages, s.village)},
          {"agenda_item", s.agenda_item},
          {"state", SpeakerStateCode(s.state)},
          {"anonymous", s.anonymous}};
}

namespace {

std::string OutcomeOf(const PetitionItem& item) {
  if (item.status == ItemStatus::kForwarded) return "forwarded";
  if (item.answer) return "answered";
  if (item.unit_id) return "assigned";
  return "pending";
}

}  // namespace

json OpinionJson(const Opinion& o, const Petition* p, const std::vector<Unit>& units) {
  json j = {{"number", o.number},   {"key", o.client_key},          {"session", o.session},
            {"speaker", o.speaker}, {"agenda_item", o.agenda_item}, {"code", o.code}};
  if (p == nullptr || p->items.empty()) return j;
  const PetitionItem& item = p->items.front();
  const bool sealed = p->HasDenunciation();
  j["text"] = sealed ? kDenunciationTopic : item.text;
  j["class"] = PetitionClassCode(item.petition_class);
  j["field"] = item.field;
  j["status"] = ItemStatusCode(item.status);
  j["status_label"] = ItemStatusLabel(item.status);
  j["outcome"] = OutcomeOf(item);
  j["answered_by"] = item.answer ? item.answer->answered_by : "";
  j["answer"] = item.answer && !sealed ? item.answer->text : "";
  j["unit_id"] = item.unit_id ? json(item.unit_id->value) : json(nullptr);
  std::string unit_name;
  for (const Unit& u : units) {
    if (item.unit_id && u.id == *item.unit_id) unit_name = u.name;
  }
  j["unit_name"] = unit_name;
  const std::optional<Date> deadline = item.internal_target ? item.internal_target : item.deadline;
  j["deadline"] = deadline ? json(deadline->ToIsoString()) : json(nullptr);
  j["forwarded_to"] = item.forwarded_to;
  j["petition_id"] = p->id.value;
  return j;
}

json SessionJson(const ConferenceSession& s) {
  return {{"number", s.number},
          {"date", s.date.ToIsoString()},
          {"venue", s.venue},
          {"start_text", FormatClock(s.start_minute)},
          {"started_at", LocalTime(s.started_at)},
          {"ended_at", LocalTime(s.ended_at)},
          {"held", s.held}};
}

namespace {

json SignJson(const std::optional<SignOff>& s) {
  if (!s) return nullptr;
  return {{"name", s->name}, {"at", LocalTime(s->at)}};
}

}  // namespace

json MinutesJson(const MinutesRecord& m) {
  json addenda = json::array();
  for (const MinutesAddendum& a : m.addenda) {
    addenda.push_back({{"number", a.number}, {"text", a.text}, {"by", a.by}});
  }
  return {{"secretary", SignJson(m.secretary)},
          {"chair", SignJson(m.chair)},
          {"locked", m.Locked()},
          {"addenda", addenda}};
}

std::string OfficialName(const std::vector<Official>& officials, std::optional<OfficialId> id) {
  if (!id) return "";
  for (const Official& o : officials) {
    if (o.id == *id) return o.full_name;
  }
  return "";
}

}  // namespace doithoai::web::desk_json
