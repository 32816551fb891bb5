// Use cases of the conference module: create a plan with the seed's defaults,
// edit it, move it through the lifecycle of domain.md §8 (every transition
// audited through the repository), enforce the notice rule (DLG-07, with an
// audited override) and issue its documents through the register (NUM-01..05).
// Pure: storage, clock and randomness come in through ports.
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_SERVICE_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_SERVICE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/calendar/rule_set.h"
#include "core/calendar/working_calendar.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference.h"
#include "core/conferences/conference_repository.h"
#include "core/documents/document.h"

namespace doithoai {

class ConferenceRecordSource;  // core/conferences/conference_record.h

// What the "new conference" form asks for; everything else starts from the
// seed plan's wording (DefaultConference) and the commune's roster.
struct NewConference {
  int year = 0;
  ConferencePurpose purpose = ConferencePurpose::kAnnualDialogue;
  ConferenceMode mode = ConferenceMode::kInPerson;
  Date plan_date;
  bool recorded_past = false;  // explicit: recording a conference already held
  ConferenceSession session;   // the first session; more can be added later
  std::string subject;  // empty: "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm <year>"
  std::string issuer_parent;  // ô 2 parent line; empty since 07/2025 (FMT-11)
};

// The plan's wording, edited as a whole from the plan form.
struct PlanText {
  std::string subject;
  std::string intro;
  std::vector<std::string> objectives;
  std::vector<std::string> principles;
  std::vector<std::string> content_areas;
  std::vector<std::string> preparation;
  std::vector<std::string> participants;
  std::string budget_source;
  std::string closing;
  std::vector<std::string> recipients;
  std::string how_to_attend;
  std::string cochair;
  std::string front_coordination;
  std::string issuer_parent;
};

class ConferenceService {
 public:
  ConferenceService(ConferenceRepository& repo, CommuneRepository& communes, const Clock& clock,
                    const WorkingCalendar& calendar, std::vector<RuleSet> rule_sets,
                    std::function<std::string()> new_token)
      : repo_(repo),
        communes_(communes),
        clock_(clock),
        calendar_(calendar),
        rule_sets_(std::move(rule_sets)),
        new_token_(std::move(new_token)) {}

  // The office's date today (Vietnam time).
  Date Today() const;
  // What the after-conference documents (minutes, results notice, report)
  // print from the recorded opinions; set at wiring time (not owned).
  void SetRecordSource(ConferenceRecordSource* source) { record_source_ = source; }
  // The rule set that applies to `conference` (by its first session date).
  Result<RuleSet> RulesFor(const Conference& conference) const;
  const WorkingCalendar& calendar() const { return calendar_; }
  Result<std::vector<Village>> Villages(CommuneId commune) {
    return communes_.ListVillages(commune);
  }

  // A new plan with the seed's wording, the default invitees (roster and
  // villages, each with a fresh check-in token), the default checklist with
  // due dates and the default programme. Refuses a plan dated in the past
  // unless `recorded_past`, and a session without villages.
  Result<ConferenceId> Create(CommuneId commune, const NewConference& input,
                              const AuditContext& ctx);

  Result<Conference> Find(CommuneId commune, ConferenceId id) { return repo_.Find(commune, id); }
  Result<std::vector<Conference>> List(CommuneId commune) { return repo_.List(commune); }
  // Saved drafts and issued documents of a conference.
  Result<std::vector<StoredDocument>> Documents(CommuneId commune, ConferenceId id) {
    return repo_.ListDocuments(commune, id);
  }

  // Plan wording and sessions may change only while the plan is a draft
  // (after issue the KH is frozen, NUM-05).
  Result<Conference> UpdatePlanText(CommuneId commune, ConferenceId id, int64_t version,
                                    const PlanText& text, const AuditContext& ctx);
  // The programme's items (CTr), editable until the programme is issued.
  Result<Conference> SaveAgenda(CommuneId commune, ConferenceId id, int64_t version,
                                const std::vector<AgendaItem>& agenda, const AuditContext& ctx);
  // Adds the session (number 0 = next number) or replaces the one with its number.
  Result<Conference> SaveSession(CommuneId commune, ConferenceId id, int64_t version,
                                 const ConferenceSession& session, const AuditContext& ctx);
  Result<Conference> RemoveSession(CommuneId commune, ConferenceId id, int64_t version, int number,
                                   const AuditContext& ctx);

  // Invitees: until the conference is held. number 0 = new.
  Result<Conference> SaveInvitee(CommuneId commune, ConferenceId id, int64_t version,
                                 const Invitee& invitee, const AuditContext& ctx);
  Result<Conference> RemoveInvitee(CommuneId commune, ConferenceId id, int64_t version, int number,
                                   const AuditContext& ctx);
  // Delivery status of several invitations at once (printed / sent / …).
  Result<Conference> SetInvitationStatus(CommuneId commune, ConferenceId id,
                                         const std::vector<int>& numbers, InvitationStatus status,
                                         const AuditContext& ctx);
  // Attendance on the day: by invitee number (the phone list) or by the token
  // scanned from the QR code. Idempotent: a second check-in keeps the first time.
  Result<Conference> CheckIn(CommuneId commune, ConferenceId id, std::optional<int> number,
                             const std::string& token, const AuditContext& ctx);

  Result<Conference> SetTaskDone(CommuneId commune, ConferenceId id, int number, bool done,
                                 const AuditContext& ctx);

  // DLG-07: a publication starting after the latest notice date needs
  // `late_reason` (audited as "conference.notice_late_override"); a
  // loudspeaker publication lasts ≥ PUB-01 consecutive days.
  Result<Conference> AddPublication(CommuneId commune, ConferenceId id,
                                    const Publication& publication, const AuditContext& ctx);

  // Budget: estimate lines until settled (number 0 = new); `actual` settles a line.
  Result<Conference> SaveBudgetLine(CommuneId commune, ConferenceId id, int64_t version,
                                    const BudgetLine& line, const AuditContext& ctx);
  Result<Conference> RemoveBudgetLine(CommuneId commune, ConferenceId id, int64_t version,
                                      int number, const AuditContext& ctx);

  // A session took place (on or after its date); when every session has,
  // the conference moves to kHeld. `also` (optional) changes the session in
  // the same transaction once the checks pass (the desk's start/end times).
  Result<Conference> MarkSessionHeld(
      CommuneId commune, ConferenceId id, int number, const AuditContext& ctx,
      const std::function<void(Conference&, ConferenceSession&)>& also = nullptr);
  Result<Conference> Cancel(CommuneId commune, ConferenceId id, const std::string& reason,
                            const AuditContext& ctx);

  // The document of `kind` as it stands: issued (frozen) text, else the
  // saved draft, else generated from the data (number blank). Invitations
  // are one document per invitee.
  Result<std::vector<Document>> Render(CommuneId commune, ConferenceId id,
                                       ConferenceDocumentKind kind, const std::string& public_url);
  // The editable text of a document (saved draft, or generated).
  Result<std::string> DraftMarkup(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                                  const std::string& public_url);
  // Checks `markup` parses and validates, then saves it as the draft.
  Status SaveDraft(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                   const std::string& markup, const AuditContext& ctx);
  // Issues the document today with the next register number and moves the
  // conference on (KH → plan_issued, CTr → programme_issued, GM and TB both
  // issued → notice_published). GM and TB issued after the latest notice
  // date need `late_reason` (DLG-07 override, audited).
  // After the conference: BB needs every session held (→ kMinutesSigned);
  // the results notice needs signed minutes and, past the DLG-08 limit,
  // `late_reason` (→ kResultsPublished); BC needs the conference held
  // (→ kReportIssued). `extra` (optional) is applied to the conference in
  // the same transaction (the minutes' second signature).
  Result<StoredDocument> Issue(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                               const std::string& public_url, const std::string& late_reason,
                               const AuditContext& ctx, const ConferenceChange* extra = nullptr);
  // NUM-05: a content error in an issued document is fixed by a replacement
  // of the same type with its own number. Starts it: a draft copy of the
  // issued text opening with "Văn bản này thay thế … số … ngày …", to edit
  // and then Issue. `reason` (required) goes to the audit log.
  Result<StoredDocument> StartReplacement(CommuneId commune, ConferenceId id,
                                          ConferenceDocumentKind kind, const std::string& reason,
                                          const AuditContext& ctx);
  // The loudspeaker text (DLG-07 four parts), to be synthesised by adapters.
  Result<std::string> SpeechText(CommuneId commune, ConferenceId id);

 private:
  struct Roster;
  Result<Roster> LoadRoster(CommuneId commune);
  Result<Conference> Change(CommuneId commune, ConferenceId id, std::optional<int64_t> version,
                            std::string action,
                            std::function<Result<std::string>(Conference&)> apply,
                            const AuditContext& ctx);
  Result<std::vector<Document>> Generate(const Conference& conference, const Roster& roster,
                                         ConferenceDocumentKind kind, int number, Date issued_on,
                                         const std::string& public_url);

  ConferenceRepository& repo_;
  CommuneRepository& communes_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
  std::vector<RuleSet> rule_sets_;
  std::function<std::string()> new_token_;
  ConferenceRecordSource* record_source_ = nullptr;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_SERVICE_H_
