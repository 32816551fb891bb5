// ConferenceService, part 3: the work between the plan and the day —
// invitation delivery and check-in, the checklist, public-notice publications
// (DLG-07 with the audited late override, PUB-01), the budget (DLG-14) and the
// held / cancelled transitions.
#include <algorithm>
#include <string>

#include "core/conferences/conference_service.h"
#include "core/conferences/conference_service_internal.h"

namespace doithoai {

using namespace conference_internal;  // NOLINT(build/namespaces): this module's own helpers

Result<Conference> ConferenceService::SetInvitationStatus(CommuneId commune, ConferenceId id,
                                                          const std::vector<int>& numbers,
                                                          InvitationStatus status,
                                                          const AuditContext& ctx) {
  if (numbers.empty()) {
    return Invalid("invitees", "Hãy chọn ít nhất một giấy mời.");
  }
  return Change(
      commune, id, std::nullopt, "conference.invitation_status",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireNotHeld(c));
        std::string list;
        for (int n : numbers) {
          auto it = std::find_if(c.invitees.begin(), c.invitees.end(),
                                 [&](const Invitee& x) { return x.number == n; });
          if (it == c.invitees.end()) {
            return MakeError(ErrorCode::kNotFound,
                             "Không tìm thấy giấy mời số " + std::to_string(n) + ".");
          }
          it->status = status;
          list += (list.empty() ? "" : ",") + std::to_string(n);
        }
        return Summary(
            {{"invitees", "[" + list + "]"}, {"status", Quote(InvitationStatusCode(status))}});
      },
      ctx);
}

Result<Conference> ConferenceService::CheckIn(CommuneId commune, ConferenceId id,
                                              std::optional<int> number, const std::string& token,
                                              const AuditContext& ctx) {
  const Date today = Today();
  const Timestamp now = clock_.Now();
  return Change(
      commune, id, std::nullopt, "conference.check_in",
      [&](Conference& c) -> Result<std::string> {
        if (c.state == ConferenceState::kCancelled) {
          return Precondition("Hội nghị đã hủy.");
        }
        if (today < c.FirstDate() || today > c.LastDate()) {
          return Precondition("Chỉ điểm danh được trong ngày họp (" +
                              FormatDdMmYyyy(c.FirstDate()) + ").");
        }
        auto it = std::find_if(c.invitees.begin(), c.invitees.end(), [&](const Invitee& x) {
          return number ? x.number == *number : (!token.empty() && x.token == token);
        });
        if (it == c.invitees.end()) {
          return MakeError(ErrorCode::kNotFound,
                           "Mã trên giấy mời không đúng hoặc không thuộc hội nghị này.");
        }
        if (!it->checked_in_at) it->checked_in_at = now;
        return Summary({{"invitee", std::to_string(it->number)}});
      },
      ctx);
}

Result<Conference> ConferenceService::SetTaskDone(CommuneId commune, ConferenceId id, int number,
                                                  bool done, const AuditContext& ctx) {
  const Date today = Today();
  return Change(
      commune, id, std::nullopt, "conference.task_done",
      [&](Conference& c) -> Result<std::string> {
        auto it = std::find_if(c.tasks.begin(), c.tasks.end(),
                               [&](const auto& t) { return t.number == number; });
        if (it == c.tasks.end()) {
          return MakeError(ErrorCode::kNotFound, "Không tìm thấy nhiệm vụ.");
        }
        if (done) {
          if (!it->done_on) it->done_on = today;
        } else {
          it->done_on.reset();
        }
        return Summary({{"task", std::to_string(number)}, {"done", done ? "true" : "false"}});
      },
      ctx);
}

Result<Conference> ConferenceService::AddPublication(CommuneId commune, ConferenceId id,
                                                     const Publication& publication,
                                                     const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Conference current, repo_.Find(commune, id));
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(current));
  const Date latest = LatestNoticeDate(calendar_, rules, current.FirstDate());
  const bool late = publication.start > latest;
  if (late && Blank(publication.late_reason)) {
    return Invalid("late_reason",
                   "Thông báo phải công khai chậm nhất ngày " + FormatDdMmYyyy(latest) +
                       " (trước ngày hội nghị ít nhất " + std::to_string(rules.notice_days_before) +
                       " ngày, DLG-07). Muốn ghi nhận thông báo muộn, hãy nhập lý do.");
  }
  if (publication.end && *publication.end < publication.start) {
    return Invalid("end", "Ngày kết thúc sớm hơn ngày bắt đầu.");
  }
  if (publication.channel == PublicationChannel::kLoudspeaker) {
    const int days = publication.end ? DaysBetween(publication.start, *publication.end) + 1 : 0;
    if (days < rules.loudspeaker_consecutive_days) {
      return Invalid("end", "Phát trên đài truyền thanh ít nhất " +
                                std::to_string(rules.loudspeaker_consecutive_days) +
                                " ngày liên tục (PUB-01): hãy nhập ngày kết thúc.");
    }
  }
  return Change(
      commune, id, std::nullopt,
      late ? "conference.notice_late_override" : "conference.publication_add",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireNotHeld(c));
        Publication p = publication;
        if (!late) p.late_reason.clear();
        c.publications.push_back(p);
        return Summary({{"channel", Quote(PublicationChannelCode(p.channel))},
                        {"start", Quote(p.start.ToIsoString())},
                        {"latest", Quote(latest.ToIsoString())},
                        {"late_reason", Quote(p.late_reason)}});
      },
      ctx);
}

Result<Conference> ConferenceService::SaveBudgetLine(CommuneId commune, ConferenceId id,
                                                     int64_t version, const BudgetLine& line,
                                                     const AuditContext& ctx) {
  return Change(
      commune, id, version, "conference.budget_save",
      [&](Conference& c) -> Result<std::string> {
        if (c.state == ConferenceState::kBudgetSettled) {
          return Precondition("Kinh phí đã quyết toán, không sửa được.");
        }
        BudgetLine l = line;
        if (l.number == 0) {
          l.number = NextNumber(c.budget);
          c.budget.push_back(l);
        } else {
          auto it = std::find_if(c.budget.begin(), c.budget.end(),
                                 [&](const BudgetLine& x) { return x.number == l.number; });
          if (it == c.budget.end()) {
            return MakeError(ErrorCode::kNotFound, "Không tìm thấy dòng kinh phí.");
          }
          *it = l;
        }
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        return Summary({{"line", std::to_string(l.number)},
                        {"estimate", std::to_string(l.Estimate())},
                        {"actual", l.actual ? std::to_string(*l.actual) : "null"}});
      },
      ctx);
}

Result<Conference> ConferenceService::RemoveBudgetLine(CommuneId commune, ConferenceId id,
                                                       int64_t version, int number,
                                                       const AuditContext& ctx) {
  return Change(
      commune, id, version, "conference.budget_remove",
      [&](Conference& c) -> Result<std::string> {
        if (c.state == ConferenceState::kBudgetSettled) {
          return Precondition("Kinh phí đã quyết toán, không sửa được.");
        }
        auto it = std::find_if(c.budget.begin(), c.budget.end(),
                               [&](const BudgetLine& x) { return x.number == number; });
        if (it == c.budget.end()) {
          return MakeError(ErrorCode::kNotFound, "Không tìm thấy dòng kinh phí.");
        }
        c.budget.erase(it);
        return Summary({{"line", std::to_string(number)}});
      },
      ctx);
}

Result<Conference> ConferenceService::MarkSessionHeld(
    CommuneId commune, ConferenceId id, int number, const AuditContext& ctx,
    const std::function<void(Conference&, ConferenceSession&)>& also) {
  const Date today = Today();
  return Change(
      commune, id, std::nullopt, "conference.session_held",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireNotHeld(c));
        auto it = std::find_if(c.sessions.begin(), c.sessions.end(),
                               [&](const auto& s) { return s.number == number; });
        if (it == c.sessions.end()) {
          return MakeError(ErrorCode::kNotFound, "Không tìm thấy phiên họp.");
        }
        if (today < it->date) {
          return Precondition("Phiên " + std::to_string(number) + " họp ngày " +
                              FormatDdMmYyyy(it->date) + ", chưa đến ngày họp.");
        }
        if (!c.recorded_past && Before(c.state, ConferenceState::kPlanIssued)) {
          return Precondition("Kế hoạch chưa ban hành.");
        }
        it->held = true;
        if (also) also(c, *it);
        const bool all =
            std::all_of(c.sessions.begin(), c.sessions.end(), [](const auto& s) { return s.held; });
        std::string summary = Summary({{"session", std::to_string(number)}});
        if (all) summary = Transition(c, ConferenceState::kHeld);
        return summary;
      },
      ctx);
}

Result<Conference> ConferenceService::Cancel(CommuneId commune, ConferenceId id,
                                             const std::string& reason, const AuditContext& ctx) {
  if (Blank(reason)) return Invalid("reason", "Cần nhập lý do hủy hội nghị.");
  return Change(
      commune, id, std::nullopt, "conference.cancel",
      [&](Conference& c) -> Result<std::string> {
        RETURN_IF_ERROR(RequireNotHeld(c));
        std::string t = Transition(c, ConferenceState::kCancelled);
        return t.substr(0, t.size() - 1) + ",\"reason\":" + Quote(reason) + "}";
      },
      ctx);
}

}  // namespace doithoai
