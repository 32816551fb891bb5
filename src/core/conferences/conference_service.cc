#include "core/conferences/conference_service.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/conferences/checklist.h"
#include "core/conferences/conference_documents.h"
#include "core/documents/markup.h"

namespace doithoai {

namespace {

Error Precondition(std::string message) {
  return MakeError(ErrorCode::kFailedPrecondition, std::move(message));
}

Error Invalid(std::string field, std::string message) {
  Error error = MakeError(ErrorCode::kInvalidArgument, message);
  error.fields.push_back(FieldError{std::move(field), std::move(message)});
  return error;
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// {"from":"draft_plan","to":"plan_issued"} style audit summaries.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

std::string Summary(std::initializer_list<std::pair<std::string_view, std::string>> fields) {
  std::string out = "{";
  for (const auto& [key, value] : fields) {
    if (out.size() > 1) out += ",";
    out += Quote(key) + ":" + value;
  }
  return out + "}";
}

std::string Transition(Conference& c, ConferenceState to) {
  const ConferenceState from = c.state;
  c.state = to;
  return Summary(
      {{"from", Quote(ConferenceStateCode(from))}, {"to", Quote(ConferenceStateCode(to))}});
}

bool Before(ConferenceState a, ConferenceState b) {
  return static_cast<int>(a) < static_cast<int>(b);
}

// Plan content and sessions change only while the plan is a draft (NUM-05).
Status RequireDraftPlan(const Conference& c) {
  if (c.state != ConferenceState::kDraftPlan) {
    return Precondition(
        "Kế hoạch đã ban hành nên không sửa được nội dung, phiên họp. Muốn thay đổi, hãy ban "
        "hành văn bản mới hoặc văn bản đính chính.");
  }
  return OkStatus();
}

// Invitees, budget and publications change until the conference is held.
Status RequireNotHeld(const Conference& c) {
  if (c.state == ConferenceState::kCancelled) {
    return Precondition("Hội nghị đã hủy, không thay đổi được.");
  }
  if (!Before(c.state, ConferenceState::kHeld)) {
    return Precondition("Hội nghị đã tổ chức; phần chuẩn bị không sửa được nữa.");
  }
  return OkStatus();
}

int NextNumber(const auto& items) {
  int max = 0;
  for (const auto& item : items) max = std::max(max, item.number);
  return max + 1;
}

std::string FormatNumberLine(int number, ConferenceDocumentKind kind) {
  std::string n = std::to_string(number);
  if (number < 10) n = "0" + n;  // FMT §3.2 ô 3: leading zero below 10
  return "Số: " + n + "/" + std::string(ConferenceDocumentSymbol(kind)) + "-UBND";
}

// Parses and validates stored or edited markup (several documents for the
// invitations, separated by "===" lines).
Result<std::vector<Document>> SplitMarkup(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<Document> docs, ParseMarkupList(text));
  for (const Document& doc : docs) RETURN_IF_ERROR(Validate(doc));
  return docs;
}

}  // namespace

struct ConferenceService::Roster {
  Commune commune;
  std::vector<Village> villages;
  std::vector<Unit> units;
  std::vector<Official> officials;
};

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

Result<Conference> ConferenceService::MarkSessionHeld(CommuneId commune, ConferenceId id,
                                                      int number, const AuditContext& ctx) {
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

Result<std::vector<Document>> ConferenceService::Generate(const Conference& c, const Roster& roster,
                                                          ConferenceDocumentKind kind, int number,
                                                          Date issued_on,
                                                          const std::string& public_url) {
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(c));
  DocumentContext ctx{
      roster.commune, roster.villages, roster.officials, number, issued_on, public_url, rules};
  switch (kind) {
    case ConferenceDocumentKind::kPlan:
      return std::vector<Document>{BuildPlan(c, ctx)};
    case ConferenceDocumentKind::kProgramme:
      return std::vector<Document>{BuildProgramme(c, ctx)};
    case ConferenceDocumentKind::kInvitations:
      if (c.invitees.empty()) {
        return Precondition("Chưa có người được mời; hãy thêm danh sách khách mời.");
      }
      return BuildInvitations(c, ctx);
    case ConferenceDocumentKind::kPublicNotice:
      return std::vector<Document>{BuildPublicNotice(c, ctx)};
  }
  return MakeError(ErrorCode::kInternal, "Loại văn bản không hợp lệ.");
}

Result<std::vector<Document>> ConferenceService::Render(CommuneId commune, ConferenceId id,
                                                        ConferenceDocumentKind kind,
                                                        const std::string& public_url) {
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  Result<StoredDocument> stored = repo_.FindDocument(commune, id, kind);
  if (stored.ok()) return SplitMarkup(stored->markup);
  if (stored.error().code != ErrorCode::kNotFound) return stored.error();
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  const Date date =
      (kind == ConferenceDocumentKind::kPlan || c.recorded_past) ? c.plan_date : Today();
  return Generate(c, roster, kind, 0, date, public_url);
}

Result<std::string> ConferenceService::DraftMarkup(CommuneId commune, ConferenceId id,
                                                   ConferenceDocumentKind kind,
                                                   const std::string& public_url) {
  ASSIGN_OR_RETURN(std::vector<Document> docs, Render(commune, id, kind, public_url));
  return ToMarkupList(docs);
}

Status ConferenceService::SaveDraft(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                                    const std::string& markup, const AuditContext& ctx) {
  Result<std::vector<Document>> docs = SplitMarkup(markup);
  if (!docs.ok()) {
    Error e = docs.error();
    if (e.code == ErrorCode::kInvalidArgument && e.fields.empty()) {
      e.fields.push_back(FieldError{"markup", e.message});
    }
    return e;
  }
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
  return repo_.SaveDraft(commune, id, kind, ToMarkupList(*docs), ctx);
}

Result<StoredDocument> ConferenceService::Issue(CommuneId commune, ConferenceId id,
                                                ConferenceDocumentKind kind,
                                                const std::string& public_url,
                                                const std::string& late_reason,
                                                const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Conference current, repo_.Find(commune, id));
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(current));
  const Date today = Today();
  const Date issued_on = current.recorded_past ? current.plan_date : today;
  const bool notice_kind =
      kind == ConferenceDocumentKind::kInvitations || kind == ConferenceDocumentKind::kPublicNotice;
  const Date latest = LatestNoticeDate(calendar_, rules, current.FirstDate());
  const bool late = notice_kind && issued_on > latest;
  if (late && Blank(late_reason)) {
    return Invalid("late_reason", "Giấy mời và thông báo phải phát hành chậm nhất ngày " +
                                      FormatDdMmYyyy(latest) + " (trước ngày hội nghị ít nhất " +
                                      std::to_string(rules.notice_days_before) +
                                      " ngày, DLG-07). Muốn phát hành muộn, hãy nhập lý do.");
  }
  Result<StoredDocument> draft = repo_.FindDocument(commune, id, kind);
  std::optional<std::vector<Document>> edited;
  if (draft.ok()) {
    if (draft->issued) {
      return Precondition("Văn bản đã ban hành, không ban hành lại được.");
    }
    ASSIGN_OR_RETURN(edited, SplitMarkup(draft->markup));
  } else if (draft.error().code != ErrorCode::kNotFound) {
    return draft.error();
  }
  // GM and TB together make the notice (domain.md §8 invitations_sent & public_notice).
  bool other_issued = false;
  if (notice_kind) {
    const auto other = kind == ConferenceDocumentKind::kInvitations
                           ? ConferenceDocumentKind::kPublicNotice
                           : ConferenceDocumentKind::kInvitations;
    Result<StoredDocument> o = repo_.FindDocument(commune, id, other);
    other_issued = o.ok() && o->issued;
  }
  auto render = [&](int number) -> Result<std::string> {
    std::vector<Document> docs;
    if (edited) {
      docs = *edited;
      for (Document& d : docs) {
        d.header.number = FormatNumberLine(number, kind);
        d.header.place_date = FormatPlaceAndDate(roster.commune.name, issued_on);
      }
    } else {
      ASSIGN_OR_RETURN(docs, Generate(current, roster, kind, number, issued_on, public_url));
    }
    for (const Document& d : docs) RETURN_IF_ERROR(Validate(d));
    return ToMarkupList(docs);
  };
  ConferenceChange change;
  change.action = late ? "conference.notice_late_override" : "conference.transition";
  change.apply = [&, kind](Conference& c) -> Result<std::string> {
    if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
    std::string summary;
    switch (kind) {
      case ConferenceDocumentKind::kPlan:
        RETURN_IF_ERROR(RequireDraftPlan(c));
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        c.plan_date = issued_on;
        summary = Transition(c, ConferenceState::kPlanIssued);
        break;
      case ConferenceDocumentKind::kProgramme:
      case ConferenceDocumentKind::kInvitations:
      case ConferenceDocumentKind::kPublicNotice: {
        if (c.state == ConferenceState::kDraftPlan) {
          return Precondition("Cần ban hành Kế hoạch trước.");
        }
        RETURN_IF_ERROR(RequireNotHeld(c));
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        if (kind == ConferenceDocumentKind::kProgramme && c.state == ConferenceState::kPlanIssued) {
          summary = Transition(c, ConferenceState::kProgrammeIssued);
        }
        break;
      }
    }
    if (notice_kind && other_issued && Before(c.state, ConferenceState::kNoticePublished)) {
      summary = Transition(c, ConferenceState::kNoticePublished);
    }
    if (late) {
      summary = Summary({{"kind", Quote(ConferenceDocumentKindCode(kind))},
                         {"latest", Quote(latest.ToIsoString())},
                         {"late_reason", Quote(late_reason)},
                         {"state", Quote(ConferenceStateCode(c.state))}});
    }
    if (summary.empty()) summary = Summary({{"kind", Quote(ConferenceDocumentKindCode(kind))}});
    return summary;
  };
  return repo_.Issue(commune, id, kind, issued_on, render, change, ctx);
}

Result<std::string> ConferenceService::SpeechText(CommuneId commune, ConferenceId id) {
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(c));
  DocumentContext ctx{roster.commune, roster.villages, roster.officials, 0, Today(), "", rules};
  return NoticeSpeechText(c, ctx);
}

}  // namespace doithoai
