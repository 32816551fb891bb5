#include "adapters/web/conference_view.h"

#include <string>

#include "core/conferences/checklist.h"
#include "core/conferences/conference_repository.h"

namespace doithoai::web {

namespace {

nlohmann::json SessionJson(const ConferenceSession& s, const std::vector<Village>* villages) {
  nlohmann::json j = {{"number", s.number},
                      {"date", s.date.ToIsoString()},
                      {"date_text", FormatDdMmYyyy(s.date)},
                      {"start", FormatClock(s.start_minute)},
                      {"duration", DurationText(s)},
                      {"when", SessionWhen(s)},
                      {"venue", s.venue},
                      {"held", s.held}};
  if (villages != nullptr) j["villages_text"] = SessionVillages(s, *villages);
  return j;
}

}  // namespace

std::string SessionWhen(const ConferenceSession& s) {
  return FormatDdMmYyyy(s.date) + " (" + std::string(VietnameseWeekdayName(s.date.weekday())) +
         "), " + FormatClock(s.start_minute) + ", " + DurationText(s);
}

std::string SessionVillages(const ConferenceSession& s, const std::vector<Village>& villages) {
  std::string out;
  for (VillageId id : s.villages) {
    for (const Village& v : villages) {
      if (v.id == id) out += (out.empty() ? "" : ", ") + v.name;
    }
  }
  return out;
}

std::string FormatVnd(int64_t amount) {
  std::string digits = std::to_string(amount < 0 ? -amount : amount);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return amount < 0 ? "-" + out : out;
}

nlohmann::json ConferenceSummaryJson(const Conference& c) {
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& s : c.sessions) sessions.push_back(SessionJson(s, nullptr));
  return {{"id", c.id.value},
          {"year", c.year},
          {"subject", c.subject},
          {"purpose", ConferencePurposeCode(c.purpose)},
          {"mode", ConferenceModeCode(c.mode)},
          {"state", ConferenceStateCode(c.state)},
          {"state_label", ConferenceStateLabel(c.state)},
          {"plan_date", c.plan_date.ToIsoString()},
          {"first_date", c.FirstDate().ToIsoString()},
          {"last_date", c.LastDate().ToIsoString()},
          {"recorded_past", c.recorded_past},
          {"sessions", sessions}};
}

Result<nlohmann::json> ConferenceDerivedJson(ConferenceService& service, const Commune& commune,
                                             const Conference& c) {
  ASSIGN_OR_RETURN(RuleSet rules, service.RulesFor(c));
  const Date today = service.Today();
  const WorkingCalendar& calendar = service.calendar();
  const Date latest_notice = LatestNoticeDate(calendar, rules, c.FirstDate());
  nlohmann::json tasks = nlohmann::json::array();
  int overdue = 0;
  for (const ConferenceTask& t : c.tasks) {
    const bool late = IsOverdue(t, today);
    overdue += late ? 1 : 0;
    tasks.push_back({{"number", t.number},
                     {"phase", TaskPhaseCode(t.phase)},
                     {"phase_label", TaskPhaseLabel(t.phase)},
                     {"title", t.title},
                     {"due", t.due.ToIsoString()},
                     {"due_text", FormatDdMmYyyy(t.due)},
                     {"done", t.done_on.has_value()},
                     {"done_text", t.done_on ? FormatDdMmYyyy(*t.done_on) : ""},
                     {"overdue", late}});
  }
  int checked_in = 0;
  for (const Invitee& i : c.invitees) checked_in += i.checked_in_at ? 1 : 0;
  bool notice_on_time = false;
  for (const Publication& p : c.publications) notice_on_time |= p.start <= latest_notice;
  ASSIGN_OR_RETURN(std::vector<StoredDocument> stored, service.Documents(commune.id, c.id));
  nlohmann::json documents = nlohmann::json::array();
  const bool held = static_cast<int>(c.state) >= static_cast<int>(ConferenceState::kHeld) &&
                    c.state != ConferenceState::kCancelled;
  std::vector<ConferenceDocumentKind> kinds = {
      ConferenceDocumentKind::kPlan, ConferenceDocumentKind::kProgramme,
      ConferenceDocumentKind::kInvitations, ConferenceDocumentKind::kPublicNotice};
  // After the conference (issue #7): the minutes, results notice and report.
  if (held || !c.opinions.empty()) {
    kinds.insert(kinds.end(),
                 {ConferenceDocumentKind::kMinutes, ConferenceDocumentKind::kResultsNotice,
                  ConferenceDocumentKind::kReport});
  }
  for (ConferenceDocumentKind kind : kinds) {
    nlohmann::json d = {{"kind", ConferenceDocumentKindCode(kind)},
                        {"label", ConferenceDocumentKindLabel(kind)},
                        {"issued", false},
                        // The Biên bản is issued by its two signatures, not a button.
                        {"minutes", kind == ConferenceDocumentKind::kMinutes},
                        {"draft_saved", false}};
    for (const StoredDocument& sd : stored) {
      if (sd.kind != kind) continue;
      d["issued"] = sd.issued;
      d["draft_saved"] = !sd.issued;
      d["revision"] = sd.revision;
      d["replacing"] = !sd.issued && sd.revision > 1;  // NUM-05 replacement draft
      if (sd.issued) {
        std::string n = std::to_string(sd.number);
        if (sd.number < 10) n.insert(0, "0");  // FMT §3.2 ô 3
        d["number"] = n + "/" + std::string(ConferenceDocumentSymbol(kind)) + "-UBND";
        d["issued_on"] = FormatDdMmYyyy(sd.issued_on);
      }
    }
    documents.push_back(std::move(d));
  }
  // The day and after: sign-off, the DLG-08 limit and the village heads.
  const Date results_deadline = ResultsNoticeDeadline(calendar, rules, c.LastDate());
  const bool results_issued =
      static_cast<int>(c.state) >= static_cast<int>(ConferenceState::kResultsPublished) &&
      c.state != ConferenceState::kCancelled;
  const int days_left = DaysBetween(today, results_deadline);
  auto sign = [](const std::optional<SignOff>& s) -> nlohmann::json {
    if (!s) return nullptr;
    return {{"name", s->name}};
  };
  nlohmann::json deliveries = nlohmann::json::array();
  int delivered = 0;
  if (results_issued) {
    ASSIGN_OR_RETURN(std::vector<Village> villages, service.Villages(commune.id));
    for (const Village& v : villages) {
      nlohmann::json row = {{"village_id", v.id.value}, {"village", v.name}, {"delivered", false}};
      for (const VillageDelivery& d : c.results_deliveries) {
        if (d.village != v.id || !d.delivered_on) continue;
        row["delivered"] = true;
        row["delivered_on"] = FormatDdMmYyyy(*d.delivered_on);
        row["via"] = d.via;
        ++delivered;
      }
      deliveries.push_back(std::move(row));
    }
  }
  nlohmann::json day = {
      {"held", held},
      {"speakers", static_cast<int64_t>(c.speakers.size())},
      {"opinions", static_cast<int64_t>(c.opinions.size())},
      {"secretary_signed", sign(c.minutes.secretary)},
      {"chair_signed", sign(c.minutes.chair)},
      {"minutes_locked", c.minutes.Locked()},
      {"can_sign", held && !c.minutes.Locked()},
      {"addenda", static_cast<int64_t>(c.minutes.addenda.size())},
      {"results_issued", results_issued},
      {"results_deadline_text", FormatDdMmYyyy(results_deadline)},
      {"results_days_left", days_left},
      // DLG-08: warn from 3 days before the limit until the notice is issued.
      {"results_warning", held && !results_issued && days_left <= 3 && days_left >= 0},
      {"results_late", held && !results_issued && days_left < 0},
      {"results_late_reason", c.results_late_reason},
      {"deliveries", deliveries},
      {"delivered", delivered},
      {"all_delivered", results_issued && delivered == static_cast<int>(deliveries.size())}};
  return nlohmann::json{
      {"day", day},
      {"rule_set", {{"id", rules.id}, {"legal_source", rules.legal_source}}},
      {"today", today.ToIsoString()},
      {"latest_notice_date", latest_notice.ToIsoString()},
      {"latest_notice_text", FormatDdMmYyyy(latest_notice)},
      {"notice_days_before", rules.notice_days_before},
      {"notice_published_on_time", notice_on_time},
      {"results_deadline", ResultsNoticeDeadline(calendar, rules, c.LastDate()).ToIsoString()},
      {"tasks", tasks},
      {"overdue_tasks", overdue},
      {"invited", static_cast<int64_t>(c.invitees.size())},
      {"checked_in", checked_in},
      {"estimate_total", c.EstimateTotal()},
      {"actual_total", c.ActualTotal()},
      {"documents", documents}};
}

nlohmann::json PublicConferencePage(const Commune& commune, const std::vector<Village>& villages,
                                    const Conference& c) {
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& s : c.sessions) sessions.push_back(SessionJson(s, &villages));
  nlohmann::json areas = nlohmann::json::array();
  for (const auto& a : c.content_areas) areas.push_back({{"text", a}});
  const std::string committee = commune.PeoplesCommitteeName();
  return {{"title", c.subject},
          {"site_name", committee},
          {"site_subtitle", "Tiếp xúc, đối thoại với Nhân dân"},
          {"committee_name", committee},
          {"commune_slug", commune.slug},
          {"subject", c.subject},
          {"mode", ConferenceModeLabel(c.mode)},
          {"cancelled", c.state == ConferenceState::kCancelled},
          {"held", !(static_cast<int>(c.state) < static_cast<int>(ConferenceState::kHeld)) &&
                       c.state != ConferenceState::kCancelled},
          {"sessions", sessions},
          {"content_areas", areas},
          {"how_to_attend", c.how_to_attend},
          {"front_coordination", c.front_coordination},
          {"address", commune.address}};
}

std::string ConferencePublicUrl(const std::string& configured, const http::HttpRequest& request,
                                const Commune& commune, ConferenceId id) {
  std::string base = configured;
  if (base.empty()) {
    std::string host(request.Header("host"));
    if (host.empty()) host = "127.0.0.1";
    const bool https = request.Header("x-forwarded-proto") == "https";
    base = std::string(https ? "https://" : "http://") + host;
  }
  return base + "/x/" + commune.slug + "/hoi-nghi/" + std::to_string(id.value);
}

}  // namespace doithoai::web
