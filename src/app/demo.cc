#include "app/demo.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "adapters/resources/embedded.h"
#include "core/text/vietnamese.h"

namespace doithoai::app {

namespace {

Result<nlohmann::json> DemoJson() {
  const EmbeddedFile* file = FindEmbeddedFile("data/demo/hoang-truong.json");
  if (file == nullptr) return MakeError(ErrorCode::kInternal, "demo data missing from binary");
  nlohmann::json demo = nlohmann::json::parse(file->data, nullptr, /*allow_exceptions=*/false);
  if (demo.is_discarded()) return MakeError(ErrorCode::kInternal, "demo data is not JSON");
  return demo;
}

// Demo text is stored NFC like every other input (TXT-01).
Result<std::string> Text(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) {
    return MakeError(ErrorCode::kInternal, std::string("demo data: missing ") + key);
  }
  return text::ToNfc(j[key].get<std::string>());
}

Status LoadDemoAccounts(const nlohmann::json& demo, CommuneId commune,
                        const std::map<std::string, VillageId>& villages,
                        const std::map<std::string, UnitId>& units, AccountRepository& accounts,
                        Crypto& crypto, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::string password, Text(demo, "demo_password"));
  ASSIGN_OR_RETURN(std::string hash, crypto.HashPassword(password));
  for (const auto& a : demo["accounts"]) {
    Account account;
    ASSIGN_OR_RETURN(account.username, Text(a, "username"));
    ASSIGN_OR_RETURN(account.display_name, Text(a, "display_name"));
    ASSIGN_OR_RETURN(std::string role, Text(a, "role"));
    ASSIGN_OR_RETURN(account.role, ParseRole(role));
    if (IsCommuneRole(account.role)) account.commune_id = commune;
    account.province_code = a.value("province_code", "");
    account.denunciation_handler = a.value("grant", "") == "denunciation_handler";
    if (a.contains("village")) account.village_id = villages.at(a["village"].get<std::string>());
    if (a.contains("unit")) account.unit_id = units.at(a["unit"].get<std::string>());
    account.password_hash = hash;  // one shared demo password: hash it once
    RETURN_IF_ERROR(accounts.Create(account, ctx));
  }
  return OkStatus();
}

// "07:30" → 450.
Result<int> Clock(const std::string& hh_mm) {
  if (hh_mm.size() != 5 || hh_mm[2] != ':') {
    return MakeError(ErrorCode::kInternal, "demo data: bad time " + hh_mm);
  }
  return std::stoi(hh_mm.substr(0, 2)) * 60 + std::stoi(hh_mm.substr(3, 2));
}

// The seed's conference: Hoằng Trường, ½ ngày, 08/12/2023, Hội trường công
// sở xã, every village; recorded after the fact (its dates are past).
Result<ConferenceId> LoadDemoConference(const nlohmann::json& demo, CommuneId commune,
                                        const std::vector<Village>& villages,
                                        ConferenceService& conferences, bool recorded_past,
                                        const AuditContext& ctx) {
  const nlohmann::json& c = demo["conference"];
  NewConference input;
  input.year = c.value("year", 0);
  input.recorded_past = recorded_past;
  ASSIGN_OR_RETURN(std::string plan_date, Text(c, "plan_date"));
  ASSIGN_OR_RETURN(input.plan_date, Date::Parse(plan_date));
  ASSIGN_OR_RETURN(input.issuer_parent, Text(c, "issuer_parent"));
  const nlohmann::json& s = c["session"];
  ASSIGN_OR_RETURN(std::string date, Text(s, "date"));
  ASSIGN_OR_RETURN(input.session.date, Date::Parse(date));
  ASSIGN_OR_RETURN(std::string start, Text(s, "start"));
  ASSIGN_OR_RETURN(input.session.start_minute, Clock(start));
  input.session.duration_minutes = s.value("duration_minutes", 0);
  ASSIGN_OR_RETURN(input.session.duration_label, Text(s, "duration_label"));
  ASSIGN_OR_RETURN(input.session.venue, Text(s, "venue"));
  for (const Village& v : villages) input.session.villages.push_back(v.id);
  return conferences.Create(commune, input, ctx);
}

// Sample petitions (data/demo: "petitions"), entered through the service as
// staff would; some are assigned to a unit and one has a published answer,
// so the inbox, the board and the public answers page have content.
Status LoadDemoPetitions(const nlohmann::json& demo, const Commune& commune,
                         const std::map<std::string, UnitId>& unit_ids, PetitionService& petitions,
                         const AuditContext& ctx) {
  if (!demo.contains("petitions")) return OkStatus();
  for (const auto& p : demo["petitions"]) {
    NewPetition input;
    ASSIGN_OR_RETURN(std::string channel, Text(p, "channel"));
    ASSIGN_OR_RETURN(input.channel, ParsePetitionChannel(channel));
    ASSIGN_OR_RETURN(input.name, Text(p, "name"));
    ASSIGN_OR_RETURN(input.phone, Text(p, "phone"));
    ASSIGN_OR_RETURN(input.village, Text(p, "village"));
    ASSIGN_OR_RETURN(input.address, Text(p, "address"));
    NewPetitionItem item;
    ASSIGN_OR_RETURN(item.text, Text(p, "text"));
    ASSIGN_OR_RETURN(std::string petition_class, Text(p, "class"));
    ASSIGN_OR_RETURN(item.petition_class, ParsePetitionClass(petition_class));
    ASSIGN_OR_RETURN(item.field, Text(p, "field"));
    input.items.push_back(std::move(item));
    ASSIGN_OR_RETURN(CreatedPetition created, petitions.Submit(commune, input, ctx));
    const PetitionId id = created.petition.id;
    if (!p.contains("unit")) continue;
    ASSIGN_OR_RETURN(std::string unit_name, Text(p, "unit"));
    auto unit = unit_ids.find(unit_name);
    if (unit == unit_ids.end()) {
      return MakeError(ErrorCode::kInternal, "demo data: unknown unit " + unit_name);
    }
    RETURN_IF_ERROR(petitions.Classify(commune.id, id, std::nullopt, 1,
                                       created.petition.items[0].petition_class,
                                       created.petition.items[0].field, "", ctx));
    RETURN_IF_ERROR(petitions.Assign(commune.id, id, std::nullopt, {}, unit->second, std::nullopt,
                                     std::nullopt, ctx));
    if (!p.contains("answer")) continue;
    ASSIGN_OR_RETURN(std::string answer, Text(p, "answer"));
    RETURN_IF_ERROR(petitions.Answer(commune.id, id, 1, answer, p.value("publish", false),
                                     std::nullopt, "UBND xã", ctx));
  }
  return OkStatus();
}

// The demo's cases ("cases": title and the 1-based positions of its
// petitions in "petitions", which were created in that order).
Status LoadDemoCases(const nlohmann::json& demo, CommuneId commune, PetitionService& petitions,
                     CaseService& cases, const AuditContext& ctx) {
  if (!demo.contains("cases")) return OkStatus();
  PetitionQuery query;
  query.limit = 1000;
  ASSIGN_OR_RETURN(PetitionPage page, petitions.Search(commune, query));
  std::map<int64_t, std::string> code_by_sequence;
  for (const Petition& p : page.items) code_by_sequence[p.sequence] = p.code;
  for (const auto& c : demo["cases"]) {
    ASSIGN_OR_RETURN(std::string title, Text(c, "title"));
    std::vector<std::string> codes;
    for (const auto& position : c["petitions"]) {
      auto it = code_by_sequence.find(position.get<int64_t>());
      if (it == code_by_sequence.end()) {
        return MakeError(ErrorCode::kInternal, "demo data: no petition " + position.dump());
      }
      codes.push_back(it->second);
    }
    RETURN_IF_ERROR(cases.Create(commune, title, codes, ctx).status());
  }
  return OkStatus();
}

// The officials' contacts for the reminder digests ("notification_contacts").
Status LoadDemoContacts(const nlohmann::json& demo, CommuneId commune, CommuneRepository& communes,
                        NotificationService& notifications, const AuditContext& ctx) {
  if (!demo.contains("notification_contacts")) return OkStatus();
  ASSIGN_OR_RETURN(std::vector<Official> officials, communes.ListOfficials(commune));
  ASSIGN_OR_RETURN(NotificationSettings settings, notifications.Settings(commune));
  for (const auto& c : demo["notification_contacts"]) {
    ASSIGN_OR_RETURN(std::string name, Text(c, "official"));
    OfficialContact contact;
    for (const Official& o : officials) {
      if (o.full_name == name) contact.official_id = o.id;
    }
    if (!contact.official_id.valid()) {
      return MakeError(ErrorCode::kInternal, "demo data: unknown official " + name);
    }
    contact.phone = c.value("phone", "");
    contact.email = c.value("email", "");
    ASSIGN_OR_RETURN(contact.channel, ParseMessageChannel(c.value("channel", "sms")));
    settings.contacts.push_back(contact);
  }
  // The village heads, who receive the results notice (issue #7 §7).
  ASSIGN_OR_RETURN(std::vector<Village> villages, communes.ListVillages(commune));
  for (const auto& c : demo.value("village_head_contacts", nlohmann::json::array())) {
    VillageHeadContact head;
    ASSIGN_OR_RETURN(std::string village, Text(c, "village"));
    for (const Village& v : villages) {
      if (v.name == village) head.village_id = v.id;
    }
    if (!head.village_id.valid()) {
      return MakeError(ErrorCode::kInternal, "demo data: unknown village " + village);
    }
    ASSIGN_OR_RETURN(head.name, Text(c, "name"));
    head.phone = c.value("phone", "");
    ASSIGN_OR_RETURN(head.channel, ParseMessageChannel(c.value("channel", "sms")));
    settings.village_heads.push_back(head);
  }
  return notifications.SaveSettings(commune, settings, ctx);
}

// "2023-12-08T07:35" (Vietnam time, UTC+7) → a timestamp.
Result<Timestamp> LocalTime(const nlohmann::json& j, const char* key) {
  ASSIGN_OR_RETURN(std::string text, Text(j, key));
  if (text.size() != 16 || text[10] != 'T') {
    return MakeError(ErrorCode::kInternal, "demo data: bad time " + text);
  }
  ASSIGN_OR_RETURN(Date date, Date::Parse(text.substr(0, 10)));
  ASSIGN_OR_RETURN(int minute, Clock(text.substr(11)));
  return Timestamp(std::chrono::sys_days(date.sys_days()) + std::chrono::minutes(minute) -
                   std::chrono::hours(7));
}

Result<Date> DemoDate(const nlohmann::json& j, const char* key) {
  ASSIGN_OR_RETURN(std::string text, Text(j, key));
  return Date::Parse(text);
}

Result<Publication> DemoPublication(const nlohmann::json& j) {
  Publication p;
  ASSIGN_OR_RETURN(std::string channel, Text(j, "channel"));
  ASSIGN_OR_RETURN(p.channel, ParsePublicationChannel(channel));
  ASSIGN_OR_RETURN(p.start, DemoDate(j, "start"));
  if (j.contains("end")) {
    ASSIGN_OR_RETURN(p.end, DemoDate(j, "end"));
  }
  p.note = j.value("note", "");
  return p;
}

// Records the seed's conference day ("conference_day") through the same
// services the pages use, each step at its own date and by the account that
// would have done it. Assigned opinions with "answer_on" are answered then
// (and the citizen told); the others stay open and are overdue today.
class DemoDayLoader {
 public:
  DemoDayLoader(const nlohmann::json& day, const Commune& commune, ConferenceId id,
                const DemoHistory& history, CommuneRepository& communes,
                ConferenceService& conferences, PetitionService& petitions,
                AccountRepository& accounts)
      : day_(day),
        commune_(commune),
        id_(id),
        history_(history),
        communes_(communes),
        conferences_(conferences),
        petitions_(petitions),
        accounts_(accounts) {}

  Status Run(const std::map<std::string, VillageId>& villages,
             const std::map<std::string, UnitId>& units) {
    ASSIGN_OR_RETURN(public_url_, Text(day_, "public_url"));
    public_url_ += "/x/" + commune_.slug + "/hoi-nghi/" + std::to_string(id_.value);
    RETURN_IF_ERROR(Prepare());
    RETURN_IF_ERROR(HoldTheDay(villages, units));
    RETURN_IF_ERROR(SignAndNotify(villages));
    return AnswerLater();
  }

 private:
  // Sets the clock to `key`'s time and acts as `username`.
  Result<AuditContext> At(const char* key, const char* username) {
    ASSIGN_OR_RETURN(Timestamp t, LocalTime(day_, key));
    return AtTime(t, username);
  }
  Result<AuditContext> AtTime(Timestamp t, const char* username) {
    history_.clock.Set(t);
    ASSIGN_OR_RETURN(Account account, accounts_.FindByUsername(username));
    AuditContext ctx;
    ctx.commune = commune_.id;
    ctx.actor_account_id = account.id.value;
    ctx.actor_name = account.username;
    ctx.at = t;
    return ctx;
  }

  Status Issue(const char* key, ConferenceDocumentKind kind) {
    ASSIGN_OR_RETURN(AuditContext ctx, At(key, "vanphong"));
    return conferences_.Issue(commune_.id, id_, kind, public_url_, "", ctx).status();
  }

  // DLG-05..07: plan, programme and the public notice, published in time.
  Status Prepare() {
    RETURN_IF_ERROR(Issue("plan_issued", ConferenceDocumentKind::kPlan));
    RETURN_IF_ERROR(Issue("programme_issued", ConferenceDocumentKind::kProgramme));
    RETURN_IF_ERROR(Issue("notice_issued", ConferenceDocumentKind::kPublicNotice));
    ASSIGN_OR_RETURN(AuditContext ctx, At("notice_issued", "vanphong"));
    for (const auto& j : day_["notice_publications"]) {
      ASSIGN_OR_RETURN(Publication p, DemoPublication(j));
      RETURN_IF_ERROR(conferences_.AddPublication(commune_.id, id_, p, ctx).status());
    }
    return OkStatus();
  }

  Status HoldTheDay(const std::map<std::string, VillageId>& villages,
                    const std::map<std::string, UnitId>& units) {
    ASSIGN_OR_RETURN(AuditContext ctx, At("check_in_at", "thuky"));
    ASSIGN_OR_RETURN(Conference c, conferences_.Find(commune_.id, id_));
    std::set<int> absent;
    for (const auto& n : day_["absent_invitees"]) absent.insert(n.get<int>());
    for (const Invitee& invitee : c.invitees) {
      if (absent.count(invitee.number) > 0) continue;
      RETURN_IF_ERROR(conferences_.CheckIn(commune_.id, id_, invitee.number, "", ctx).status());
    }
    ASSIGN_OR_RETURN(ctx, At("start", "thuky"));
    std::vector<AttendanceCount> counts;
    for (const auto& j : day_["attendance"]) {
      AttendanceCount a;
      ASSIGN_OR_RETURN(std::string group, Text(j, "group"));
      ASSIGN_OR_RETURN(a.group, ParseParticipantGroup(group));
      a.count = j.value("count", 0);
      counts.push_back(a);
    }
    RETURN_IF_ERROR(history_.day.SetAttendance(commune_.id, id_, 1, counts, ctx).status());
    RETURN_IF_ERROR(history_.day.StartSession(commune_.id, id_, 1, ctx).status());
    Timestamp now = ctx.at;
    int number = 0;
    for (const auto& s : day_["speakers"]) {
      now += std::chrono::minutes(2);
      ASSIGN_OR_RETURN(ctx, AtTime(now, "thuky"));
      DeskSpeaker speaker;
      speaker.client_key = "demo-speaker-" + std::to_string(++number);
      ASSIGN_OR_RETURN(speaker.name, Text(s, "name"));
      ASSIGN_OR_RETURN(std::string village, Text(s, "village"));
      speaker.village = villages.at(village);
      RETURN_IF_ERROR(history_.day.AddSpeaker(commune_.id, id_, speaker, ctx).status());
      RETURN_IF_ERROR(history_.day
                          .SetSpeakerState(commune_.id, id_, speaker.client_key, 0,
                                           SpeakerState::kSpeaking, ctx)
                          .status());
      for (const auto& o : s["opinions"]) {
        now += std::chrono::minutes(9);
        ASSIGN_OR_RETURN(ctx, AtTime(now, "thuky"));
        RETURN_IF_ERROR(RecordOpinion(o, speaker.client_key, units, ctx));
      }
    }
    ASSIGN_OR_RETURN(ctx, At("end", "thuky"));
    return history_.day.EndSession(commune_.id, id_, 1, ctx).status();
  }

  Status RecordOpinion(const nlohmann::json& o, const std::string& speaker_key,
                       const std::map<std::string, UnitId>& units, const AuditContext& ctx) {
    DeskOpinion input;
    input.client_key = "demo-opinion-" + std::to_string(++opinions_);
    input.speaker_key = speaker_key;
    ASSIGN_OR_RETURN(input.text, Text(o, "text"));
    ASSIGN_OR_RETURN(std::string petition_class, Text(o, "class"));
    ASSIGN_OR_RETURN(input.petition_class, ParsePetitionClass(petition_class));
    ASSIGN_OR_RETURN(input.field, Text(o, "field"));
    ASSIGN_OR_RETURN(std::string outcome, Text(o, "outcome"));
    ASSIGN_OR_RETURN(input.outcome, ParseOpinionOutcome(outcome));
    input.answered_by = o.value("by", "");
    input.answer = o.value("answer", "");
    input.forwarded_to = o.value("to", "");
    if (input.outcome == OpinionOutcome::kAssigned) {
      input.answer.clear();
      ASSIGN_OR_RETURN(std::string unit, Text(o, "unit"));
      input.unit = units.at(unit);
      ASSIGN_OR_RETURN(input.deadline, DemoDate(o, "deadline"));
    }
    ASSIGN_OR_RETURN(RecordedOpinion recorded,
                     history_.day.RecordOpinion(commune_, id_, input, ctx));
    if (o.contains("answer_on")) later_.push_back({recorded.petition.id, &o});
    return OkStatus();
  }

  // Mẫu 1.9 signatures (DLG-10), then the DLG-08 results notice: issued,
  // read on the loudspeaker, posted, handed to the village heads.
  Status SignAndNotify(const std::map<std::string, VillageId>& villages) {
    ASSIGN_OR_RETURN(std::vector<Official> officials, communes_.ListOfficials(commune_.id));
    ASSIGN_OR_RETURN(Conference c, conferences_.Find(commune_.id, id_));
    for (auto [key, username, role, official] :
         {std::tuple{"secretary_signs", "thuky", MinutesRole::kSecretary, c.secretary},
          std::tuple{"chair_signs", "chutich", MinutesRole::kChair, c.chair}}) {
      ASSIGN_OR_RETURN(AuditContext ctx, At(key, username));
      ASSIGN_OR_RETURN(Account account, accounts_.FindByUsername(username));
      SignOff signer;
      signer.account_id = account.id.value;
      signer.name = account.display_name;
      for (const Official& o : officials) {
        if (official && o.id == *official) signer.name = o.full_name;
      }
      signer.at = ctx.at;
      RETURN_IF_ERROR(
          history_.day.SignMinutes(commune_.id, id_, role, signer, public_url_, ctx).status());
    }
    ASSIGN_OR_RETURN(AuditContext ctx, At("results_notice", "chutich"));
    RETURN_IF_ERROR(
        history_.day.IssueResultsNotice(commune_.id, id_, public_url_, "", ctx).status());
    for (const auto& j : day_["results_publications"]) {
      ASSIGN_OR_RETURN(Publication p, DemoPublication(j));
      RETURN_IF_ERROR(history_.day.AddResultsPublication(commune_.id, id_, p, ctx).status());
    }
    for (const auto& j : day_["deliveries"]) {
      VillageDelivery d;
      ASSIGN_OR_RETURN(std::string village, Text(j, "village"));
      d.village = villages.at(village);
      ASSIGN_OR_RETURN(d.head_name, Text(j, "head"));
      ASSIGN_OR_RETURN(d.delivered_on, DemoDate(j, "on"));
      ASSIGN_OR_RETURN(d.via, Text(j, "via"));
      // Recorded at 17:00 on the day it happened (a delivery is never
      // recorded ahead, DLG-08).
      const Timestamp evening(std::chrono::sys_days(d.delivered_on->sys_days()) +
                              std::chrono::hours(17 - 7));
      ASSIGN_OR_RETURN(AuditContext at, AtTime(std::max(evening, ctx.at), "chutich"));
      RETURN_IF_ERROR(history_.day.RecordDelivery(commune_.id, id_, d, at).status());
    }
    return OkStatus();
  }

  Status AnswerLater() {
    for (const auto& [petition, o] : later_) {
      ASSIGN_OR_RETURN(Date on, DemoDate(*o, "answer_on"));
      ASSIGN_OR_RETURN(AuditContext ctx, AtTime(Timestamp(std::chrono::sys_days(on.sys_days()) +
                                                          std::chrono::hours(2)),
                                                "vanphong"));
      ASSIGN_OR_RETURN(std::string answer, Text(*o, "answer"));
      ASSIGN_OR_RETURN(std::string unit, Text(*o, "unit"));
      RETURN_IF_ERROR(
          petitions_
              .Answer(commune_.id, petition, 1, answer, /*publish=*/true, std::nullopt, unit, ctx)
              .status());
      RETURN_IF_ERROR(petitions_.MarkNotified(commune_.id, petition, 1, ctx).status());
    }
    return OkStatus();
  }

  const nlohmann::json& day_;
  const Commune& commune_;
  ConferenceId id_;
  const DemoHistory& history_;
  CommuneRepository& communes_;
  ConferenceService& conferences_;
  PetitionService& petitions_;
  AccountRepository& accounts_;
  std::string public_url_;
  int opinions_ = 0;
  std::vector<std::pair<PetitionId, const nlohmann::json*>> later_;
};

}  // namespace

Result<DemoResult> LoadDemo(CommuneRepository& communes, AccountRepository& accounts,
                            Crypto& crypto, ConferenceService& conferences,
                            PetitionService& petitions, const AuditContext& ctx, CaseService* cases,
                            NotificationService* notifications, const DemoHistory* history) {
  Result<Commune> existing = communes.FindCommuneBySlug(kDemoSlug);
  if (existing.ok()) return DemoResult{existing->id, false};
  if (existing.error().code != ErrorCode::kNotFound) return existing.error();

  ASSIGN_OR_RETURN(nlohmann::json demo, DemoJson());

  const nlohmann::json& c = demo["commune"];
  Commune commune;
  ASSIGN_OR_RETURN(commune.slug, Text(c, "slug"));
  ASSIGN_OR_RETURN(commune.code, Text(c, "code"));
  ASSIGN_OR_RETURN(commune.name, Text(c, "name"));
  ASSIGN_OR_RETURN(std::string type, Text(c, "type"));
  ASSIGN_OR_RETURN(commune.type, ParseCommuneType(type));
  ASSIGN_OR_RETURN(commune.province_name, Text(c, "province_name"));
  ASSIGN_OR_RETURN(commune.address, Text(c, "address"));
  commune.remote_area = c.value("remote_area", false);
  RETURN_IF_ERROR(ValidateCommune(commune));
  ASSIGN_OR_RETURN(CommuneId id, communes.CreateCommune(commune, ctx));
  commune.id = id;

  int position = 0;
  for (const auto& name : demo["villages"]) {
    Village v;
    v.commune_id = id;
    ASSIGN_OR_RETURN(v.name, text::ToNfc(name.get<std::string>()));
    v.position = ++position;
    RETURN_IF_ERROR(communes.AddVillage(v, ctx));
  }
  std::map<std::string, VillageId> village_ids;
  ASSIGN_OR_RETURN(std::vector<Village> villages, communes.ListVillages(id));
  for (const Village& v : villages) village_ids[v.name] = v.id;
  std::map<std::string, UnitId> unit_ids;
  for (const auto& u : demo["units"]) {
    Unit unit;
    unit.commune_id = id;
    ASSIGN_OR_RETURN(unit.name, Text(u, "name"));
    ASSIGN_OR_RETURN(unit.short_name, Text(u, "short_name"));
    ASSIGN_OR_RETURN(UnitId unit_id, communes.AddUnit(unit, ctx));
    unit_ids[unit.name] = unit_id;
  }
  for (const auto& o : demo["officials"]) {
    Official official;
    official.commune_id = id;
    ASSIGN_OR_RETURN(official.full_name, Text(o, "full_name"));
    ASSIGN_OR_RETURN(official.position, Text(o, "position"));
    if (o["unit"].is_string()) {
      ASSIGN_OR_RETURN(std::string unit_name, Text(o, "unit"));
      auto it = unit_ids.find(unit_name);
      if (it == unit_ids.end()) {
        return MakeError(ErrorCode::kInternal, "demo data: unknown unit " + unit_name);
      }
      official.unit_id = it->second;
    }
    RETURN_IF_ERROR(communes.AddOfficial(official, ctx));
  }
  RETURN_IF_ERROR(LoadDemoAccounts(demo, id, village_ids, unit_ids, accounts, crypto, ctx));
  AuditContext petition_ctx = ctx;
  petition_ctx.commune = id;
  if (history != nullptr) {
    // The 2023 conference is planned on its plan date and then held.
    ASSIGN_OR_RETURN(Date plan_date, DemoDate(demo["conference"], "plan_date"));
    history->clock.Set(
        Timestamp(std::chrono::sys_days(plan_date.sys_days()) + std::chrono::hours(1)));
    AuditContext planned = ctx;
    planned.at = history->clock.Now();
    ASSIGN_OR_RETURN(ConferenceId conference,
                     LoadDemoConference(demo, id, villages, conferences, false, planned));
    DemoDayLoader loader(demo["conference_day"], commune, conference, *history, communes,
                         conferences, petitions, accounts);
    Status day = loader.Run(village_ids, unit_ids);
    history->clock.Release();
    RETURN_IF_ERROR(day);
  } else {
    RETURN_IF_ERROR(LoadDemoConference(demo, id, villages, conferences, true, ctx).status());
  }
  RETURN_IF_ERROR(LoadDemoPetitions(demo, commune, unit_ids, petitions, petition_ctx));
  if (cases != nullptr) RETURN_IF_ERROR(LoadDemoCases(demo, id, petitions, *cases, petition_ctx));
  if (notifications != nullptr) {
    RETURN_IF_ERROR(LoadDemoContacts(demo, id, communes, *notifications, petition_ctx));
  }
  return DemoResult{id, true};
}

std::vector<DemoLogin> DemoLogins() {
  std::vector<DemoLogin> out;
  Result<nlohmann::json> demo = DemoJson();
  if (!demo.ok()) return out;
  for (const auto& a : (*demo)["accounts"]) {
    out.push_back({a["username"], a["role"], a["display_name"]});
  }
  return out;
}

std::string DemoPassword() {
  Result<nlohmann::json> demo = DemoJson();
  return demo.ok() ? (*demo)["demo_password"].get<std::string>() : std::string();
}

}  // namespace doithoai::app
