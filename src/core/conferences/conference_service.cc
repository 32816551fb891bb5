#include "core/conferences/conference_service.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/conferences/checklist.h"
#include "core/conferences/conference_documents.h"
#include "core/conferences/conference_service_internal.h"

namespace doithoai {

namespace conference_internal {

Error Precondition(std::string message) {
  return MakeError(ErrorCode::kFailedPrecondition, std::move(message));
}

Error Invalid(std::string field, std::string message) {
  return MakeFieldError(std::move(field), std::move(message));
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string Transition(Conference& c, ConferenceState to) {
  const ConferenceState from = c.state;
  c.state = to;
  return Summary(
      {{"from", Quote(ConferenceStateCode(from))}, {"to", Quote(ConferenceStateCode(to))}});
}

bool Before(ConferenceState a, ConferenceState b) {
  return static_cast<int>(a) < static_cast<int>(b);
}

Status RequireDraftPlan(const Conference& c) {
  if (c.state != ConferenceState::kDraftPlan) {
    return Precondition(
        "Kế hoạch đã ban hành nên không sửa được nội dung, phiên họp. Muốn thay đổi, hãy ban "
        "hành văn bản mới hoặc văn bản đính chính.");
  }
  return OkStatus();
}

Status RequireNotHeld(const Conference& c) {
  if (c.state == ConferenceState::kCancelled) {
    return Precondition("Hội nghị đã hủy, không thay đổi được.");
  }
  if (!Before(c.state, ConferenceState::kHeld)) {
    return Precondition("Hội nghị đã tổ chức; phần chuẩn bị không sửa được nữa.");
  }
  return OkStatus();
}

}  // namespace conference_internal

using namespace conference_internal;  // NOLINT(build/namespaces): this module's own helpers

Date ConferenceService::Today() const { return VietnamDate(clock_.Now()); }

Result<RuleSet> ConferenceService::RulesFor(const Conference& conference) const {
  return RuleSetFor(rule_sets_, conference.FirstDate());
}

Result<ConferenceService::Roster> ConferenceService::LoadRoster(CommuneId commune) {
  Roster r;
  ASSIGN_OR_RETURN(r.commune, communes_.FindCommune(commune));
  ASSIGN_OR_RETURN(r.villages, communes_.ListVillages(commune));
  ASSIGN_OR_RETURN(r.units, communes_.ListUnits(commune));
  ASSIGN_OR_RETURN(r.officials, communes_.ListOfficials(commune));
  return r;
}

Result<ConferenceId> ConferenceService::Create(CommuneId commune, const NewConference& input,
                                               const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  ASSIGN_OR_RETURN(RuleSet session_rules, RuleSetFor(rule_sets_, input.session.date));
  Conference c = DefaultConference(roster.commune, roster.villages, roster.officials, input.year,
                                   input.plan_date, session_rules.notice_days_before);
  c.commune_id = commune;
  c.purpose = input.purpose;
  c.mode = input.mode;
  c.recorded_past = input.recorded_past;
  c.state = ConferenceState::kDraftPlan;
  if (!Blank(input.subject)) c.subject = input.subject;
  c.issuer_parent = input.issuer_parent;
  ConferenceSession session = input.session;
  session.number = 1;
  session.held = false;
  c.sessions = {session};
  c.agenda = DefaultAgenda(session.start_minute);
  for (VillageId v : session.villages) {
    const bool known = std::any_of(roster.villages.begin(), roster.villages.end(),
                                   [v](const Village& x) { return x.id == v; });
    if (!known) return Invalid("session.1.villages", "Thôn đã chọn không thuộc xã này.");
  }
  RETURN_IF_ERROR(ValidateConference(c, Today()));
  c.invitees = DefaultInvitees(roster.commune, roster.villages, roster.officials, c);
  for (Invitee& invitee : c.invitees) invitee.token = new_token_();
  c.tasks = DefaultChecklist(roster.units);
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(c));
  RecomputeDueDates(c, calendar_, rules);
  return repo_.Create(c, ctx);
}

Result<Conference> ConferenceService::Change(CommuneId commune, ConferenceId id,
                                             std::optional<int64_t> version, std::string action,
                                             std::function<Result<std::string>(Conference&)> apply,
                                             const AuditContext& ctx) {
  return repo_.Update(commune, id, version, ConferenceChange{std::move(action), std::move(apply)},
                      ctx);
}

Result<Conference> ConferenceService::UpdatePlanText(CommuneId commune, ConferenceId id,
                                                     int64_t version, const PlanText& text,
                                                     const AuditContext& ctx) {
  return Change(
      commune, id, version, "conference.plan_edit",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireDraftPlan(c));
        c.subject = text.subject;
        c.intro = text.intro;
        c.objectives = text.objectives;
        c.principles = text.principles;
        c.content_areas = text.content_areas;
        c.preparation = text.preparation;
        c.participants = text.participants;
        c.budget_source = text.budget_source;
        c.closing = text.closing;
        c.recipients = text.recipients;
        c.how_to_attend = text.how_to_attend;
        c.cochair = text.cochair;
        c.front_coordination = text.front_coordination;
        c.issuer_parent = text.issuer_parent;
        if (c.content_areas.empty()) {
          return Invalid("content_areas", "Cần ít nhất một nội dung đối thoại.");
        }
        if (Blank(c.how_to_attend)) {
          return Invalid("how_to_attend", "Cần ghi cách thức Nhân dân tham dự (DLG-07).");
        }
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        return Summary({{"subject", Quote(c.subject)}});
      },
      ctx);
}

Result<Conference> ConferenceService::SaveAgenda(CommuneId commune, ConferenceId id,
                                                 int64_t version,
                                                 const std::vector<AgendaItem>& agenda,
                                                 const AuditContext& ctx) {
  return Change(
      commune, id, version, "conference.agenda_save",
      [&](Conference& c) -> Result<std::string> {
        if (!Before(c.state, ConferenceState::kProgrammeIssued)) {
          return Precondition("Chương trình đã ban hành, không sửa được.");
        }
        if (agenda.empty()) return Invalid("agenda", "Chương trình cần ít nhất một mục.");
        for (size_t i = 0; i < agenda.size(); ++i) {
          const AgendaItem& item = agenda[i];
          const std::string line = "Mục " + std::to_string(i + 1) + ": ";
          if (Blank(item.content)) return Invalid("agenda", line + "cần nội dung.");
          if (item.start_minute < 0 || item.start_minute >= 24 * 60) {
            return Invalid("agenda", line + "giờ không hợp lệ.");
          }
          if (item.session != 0 && c.FindSession(item.session) == nullptr) {
            return Invalid("agenda", line + "phiên " + std::to_string(item.session) + " không có.");
          }
        }
        c.agenda = agenda;
        return Summary({{"items", std::to_string(agenda.size())}});
      },
      ctx);
}

Result<Conference> ConferenceService::SaveSession(CommuneId commune, ConferenceId id,
                                                  int64_t version, const ConferenceSession& session,
                                                  const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  return Change(
      commune, id, version, "conference.session_save",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireDraftPlan(c));
        ConferenceSession s = session;
        s.held = false;
        if (s.number == 0) s.number = NextNumber(c.sessions);
        const std::string key = "session." + std::to_string(s.number) + ".villages";
        for (VillageId v : s.villages) {
          const bool known = std::any_of(roster.villages.begin(), roster.villages.end(),
                                         [v](const Village& x) { return x.id == v; });
          if (!known) return Invalid(key, "Thôn đã chọn không thuộc xã này.");
        }
        auto it = std::find_if(c.sessions.begin(), c.sessions.end(),
                               [&](const ConferenceSession& x) { return x.number == s.number; });
        if (it == c.sessions.end()) {
          c.sessions.push_back(s);
        } else {
          *it = s;
        }
        std::sort(c.sessions.begin(), c.sessions.end(),
                  [](const ConferenceSession& a, const ConferenceSession& b) {
                    return a.number < b.number;
                  });
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        ASSIGN_OR_RETURN(RuleSet rules, RulesFor(c));
        RecomputeDueDates(c, calendar_, rules);
        return Summary({{"session", std::to_string(s.number)},
                        {"date", Quote(s.date.ToIsoString())},
                        {"venue", Quote(s.venue)}});
      },
      ctx);
}

Result<Conference> ConferenceService::RemoveSession(CommuneId commune, ConferenceId id,
                                                    int64_t version, int number,
                                                    const AuditContext& ctx) {
  return Change(
      commune, id, version, "conference.session_remove",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireDraftPlan(c));
        auto it = std::find_if(c.sessions.begin(), c.sessions.end(),
                               [&](const auto& s) { return s.number == number; });
        if (it == c.sessions.end()) {
          return MakeError(ErrorCode::kNotFound, "Không tìm thấy phiên họp.");
        }
        c.sessions.erase(it);
        for (Invitee& i : c.invitees) {
          if (i.session == number) i.session = 0;
        }
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        ASSIGN_OR_RETURN(RuleSet rules, RulesFor(c));
        RecomputeDueDates(c, calendar_, rules);
        return Summary({{"session", std::to_string(number)}});
      },
      ctx);
}

Result<Conference> ConferenceService::SaveInvitee(CommuneId commune, ConferenceId id,
                                                  int64_t version, const Invitee& invitee,
                                                  const AuditContext& ctx) {
  const std::string token = new_token_();
  return Change(
      commune, id, version, "conference.invitee_save",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireNotHeld(c));
        Invitee in = invitee;
        if (in.number == 0) {
          in.number = NextNumber(c.invitees);
          in.token = token;
          in.status = InvitationStatus::kDraft;
          in.checked_in_at.reset();
          c.invitees.push_back(in);
        } else {
          auto it = std::find_if(c.invitees.begin(), c.invitees.end(),
                                 [&](const Invitee& x) { return x.number == in.number; });
          if (it == c.invitees.end()) {
            return MakeError(ErrorCode::kNotFound, "Không tìm thấy giấy mời.");
          }
          it->group = in.group;
          it->name = in.name;
          it->title = in.title;
          it->address = in.address;
          it->village = in.village;
          it->session = in.session;
        }
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        return Summary({{"invitee", std::to_string(in.number)}, {"name", Quote(in.name)}});
      },
      ctx);
}

Result<Conference> ConferenceService::RemoveInvitee(CommuneId commune, ConferenceId id,
                                                    int64_t version, int number,
                                                    const AuditContext& ctx) {
  return Change(
      commune, id, version, "conference.invitee_remove",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireNotHeld(c));
        auto it = std::find_if(c.invitees.begin(), c.invitees.end(),
                               [&](const Invitee& x) { return x.number == number; });
        if (it == c.invitees.end()) {
          return MakeError(ErrorCode::kNotFound, "Không tìm thấy giấy mời.");
        }
        std::string name = it->name;
        c.invitees.erase(it);
        return Summary({{"invitee", std::to_string(number)}, {"name", Quote(name)}});
      },
      ctx);
}

}  // namespace doithoai
