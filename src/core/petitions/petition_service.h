// Use cases of the petition module (issue #5): intake from every channel,
// classification (CLS-01..03), assignment with legal deadlines (KN-01..06,
// TC-01..04, XLD-01, TCD-07 as dated data through the working-day calendar,
// DAY-01/02), the status workflow with its history (FB-02, domain.md §8),
// answers and ratings (FB-04), public tracking by code (FB-01) and the
// secrecy of denouncers (CONF-01..04). Pure: storage, encryption, files and
// the clock come in through ports.
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_SERVICE_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_SERVICE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/accounts/account.h"
#include "core/audit/audit_entry.h"
#include "core/calendar/working_calendar.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/petitions/deadline_rules.h"
#include "core/petitions/petition.h"
#include "core/petitions/petition_intake.h"
#include "core/petitions/petition_ports.h"
#include "core/petitions/petition_repository.h"

namespace doithoai {

// What anyone may see of a petition by its code (FB-01, issue #5 §5): no
// name, phone, address, village or id number, and no text of a tố cáo.
struct PublicItemView {
  int number = 0;
  std::string class_label;
  std::string field_label;
  std::string status_code;
  std::string status_label;
  std::string unit_name;
  std::optional<Date> deadline;
  std::string deadline_state;  // DeadlineStateCode
  std::string deadline_label;
  std::string text;  // only in the detailed view (phone checked), never for tố cáo
  std::optional<PetitionAnswer> answer;  // published answers; in the detail view every answer
  std::optional<PetitionRating> rating;
  bool can_rate = false;  // detail view: answered and not yet rated
};

struct PublicPetitionView {
  std::string code;
  std::string commune_slug;
  std::string commune_name;  // "xã Hoằng Trường"
  std::string channel_label;
  Date received_on;
  std::string status_label;  // the summary status
  std::vector<PublicItemView> items;
  bool detailed = false;  // the phone number was checked
  // Detail view: the history without staff notes or identity.
  std::vector<HistoryEntry> history;
};

// Result of a bulk action: one line per petition.
struct BulkOutcome {
  PetitionId id;
  std::string code;
  Status status;
};

class PetitionService {
 public:
  PetitionService(PetitionRepository& repo, CommuneRepository& communes, IdentityVault& vault,
                  AttachmentStore& attachments, const Clock& clock, const WorkingCalendar& calendar,
                  std::vector<PetitionDeadlineRule> rules)
      : repo_(repo),
        communes_(communes),
        vault_(vault),
        attachments_(attachments),
        clock_(clock),
        calendar_(calendar),
        rules_(std::move(rules)) {}

  Date Today() const;
  // Observers told about each stored change (not owned; set at wiring time,
  // before requests are served).
  void AddObserver(PetitionObserver* observer) { observers_.push_back(observer); }
  const std::vector<PetitionDeadlineRule>& rules() const { return rules_; }

  // The commune's field taxonomy (its settings, or the defaults of §7 Bảng 2).
  Result<std::vector<PetitionField>> Fields(CommuneId commune);
  Result<PetitionSettings> Settings(CommuneId commune);
  Status SaveSettings(CommuneId commune, const PetitionSettings& settings, const AuditContext& ctx);

  // Intake (every channel). Checks the input (all field errors at once),
  // stores the attachments (sealed for a tố cáo, CONF-04), seals the
  // identity when an item is a tố cáo (CONF-01), computes each item's first
  // deadline (DefaultStep of its class, from the day of receipt) and stores
  // it — idempotent per form token.
  Result<CreatedPetition> Submit(const Commune& commune, const NewPetition& input,
                                 const AuditContext& ctx);
  // The petition `input` would become, without storing anything (imports
  // check every row first).
  Result<Petition> Prepare(const Commune& commune, const NewPetition& input,
                           const std::vector<Village>& villages,
                           const std::vector<PetitionField>& fields);
  // All or nothing: every row is checked first; the error then lists every
  // bad row ("Dòng 3: …") in `fields` (field "row3").
  // Checks every row as SubmitMany does and returns the petitions it would
  // store (identities sealed), storing nothing: the error lists every bad
  // row. `line_numbers[i]` names input i in the messages (default i + 1).
  Result<std::vector<Petition>> CheckMany(const Commune& commune,
                                          const std::vector<NewPetition>& inputs,
                                          const std::vector<int>& line_numbers,
                                          const AuditContext& ctx);
  Result<std::vector<Petition>> SubmitMany(const Commune& commune,
                                           const std::vector<NewPetition>& inputs,
                                           const std::vector<int>& line_numbers,
                                           const AuditContext& ctx);

  // Staff reads. The identity of a sealed petition stays sealed.
  Result<Petition> Find(CommuneId commune, PetitionId id) { return repo_.Find(commune, id); }
  Result<Petition> FindByCode(CommuneId commune, std::string_view code);
  Result<PetitionPage> Search(CommuneId commune, const PetitionQuery& query) {
    return repo_.Search(commune, query);
  }
  // CONF-01: the sealed identity, for an actor holding the
  // denunciation-handler grant only (kPermissionDenied otherwise); the read
  // is audited before the seal is opened.
  Result<Submitter> ReadIdentity(const Actor& actor, CommuneId commune, PetitionId id,
                                 const AuditContext& ctx);

  // Workflow. `item` is the content item number; every call records a
  // history entry and an audit row. `version` (optional) guards against
  // concurrent edits.
  // CLS-02: sets class and field; a changed class restarts the item's
  // deadline from the first step of the new class; becoming a tố cáo seals
  // the identity. `reason` is required when the class changes.
  Result<Petition> Classify(CommuneId commune, PetitionId id, std::optional<int64_t> version,
                            int item, PetitionClass petition_class, const std::string& field,
                            const std::string& reason, const AuditContext& ctx);
  // Assigns items (empty = every open item) to a unit and optionally an
  // official, with an optional internal target date.
  Result<Petition> Assign(CommuneId commune, PetitionId id, std::optional<int64_t> version,
                          const std::vector<int>& items, UnitId unit,
                          std::optional<OfficialId> official, std::optional<Date> internal_target,
                          const AuditContext& ctx);
  std::vector<BulkOutcome> BulkAssign(CommuneId commune, const std::vector<PetitionId>& ids,
                                      UnitId unit, std::optional<OfficialId> official,
                                      const AuditContext& ctx);
  // Work starts. For a khiếu nại this is the acceptance (thụ lý, KN-02) and
  // for a tố cáo the acceptance after the initial check (TC-01): the
  // resolution limit (KN-03, TC-03) runs from today.
  Result<Petition> StartWork(CommuneId commune, PetitionId id, int item, const AuditContext& ctx);
  // Marks the item complex (longer limits, KN-03/KN-04) with reason and
  // approver, and recomputes its deadline.
  Result<Petition> MarkComplex(CommuneId commune, PetitionId id, int item,
                               const std::string& reason, const std::string& approver,
                               const AuditContext& ctx);
  // Extends the current deadline by `days` (TC-04 for a tố cáo: at most two
  // extensions of at most the rule's days each), with reason and approver.
  Result<Petition> Extend(CommuneId commune, PetitionId id, int item, int days,
                          const std::string& reason, const std::string& approver,
                          const AuditContext& ctx);
  // The answer: text (required), an optional answer document (PDF or image),
  // and whether it is published (never for a tố cáo, FB-04).
  Result<Petition> Answer(CommuneId commune, PetitionId id, int item, const std::string& text,
                          bool publish, const std::optional<NewAttachment>& document,
                          const std::string& answered_by, const AuditContext& ctx);
  Result<Petition> MarkNotified(CommuneId commune, PetitionId id, int item,
                                const AuditContext& ctx);
  Result<Petition> Close(CommuneId commune, PetitionId id, int item, const AuditContext& ctx);
  // XLD-02: forwarded to the competent body (named), or filed with a reason.
  Result<Petition> Forward(CommuneId commune, PetitionId id, int item, const std::string& body,
                           const AuditContext& ctx);
  Result<Petition> File(CommuneId commune, PetitionId id, int item, FilingReason reason,
                        const std::string& note, const AuditContext& ctx);
  Result<Petition> Reopen(CommuneId commune, PetitionId id, int item, const std::string& reason,
                          const AuditContext& ctx);

  // Public tracking. `code_text` as typed (ParseTrackingCode). Without a
  // phone: the public view. With the phone used at intake: the detailed
  // view; a wrong phone is kPermissionDenied ("Số điện thoại không khớp…").
  Result<PublicPetitionView> Track(std::string_view code_text, std::string_view phone);
  // The citizen rates an answered item (phone required). Not satisfied:
  // the item is reopened or escalated to the chairman (commune setting).
  Result<PublicPetitionView> Rate(std::string_view code_text, std::string_view phone, int item,
                                  bool satisfied, const std::string& comment,
                                  const AuditContext& ctx);
  // Public list of published answers (per commune, optionally per conference).
  Result<std::vector<PublicPetitionView>> PublishedAnswers(CommuneId commune,
                                                           std::optional<ConferenceId> conference,
                                                           int offset, int limit, int64_t* total);
  // The public view of a stored petition (also used by the JSON API).
  Result<PublicPetitionView> PublicView(const Petition& petition, bool detailed);

  // An attachment's bytes (staff); a sealed one only for a handler (audited).
  Result<std::string> AttachmentBytes(const Actor& actor, CommuneId commune, PetitionId id,
                                      std::string_view hash, const AuditContext& ctx);

 private:
  // What a public view needs besides the petition, loaded once per page.
  struct ViewContext {
    Commune commune;
    std::vector<Unit> units;
    PetitionSettings settings;
  };
  Result<ViewContext> LoadViewContext(CommuneId commune);
  PublicPetitionView BuildPublicView(const Petition& petition, bool detailed,
                                     const ViewContext& context);
  // The petition from checked input (attachments are stored by Submit).
  Result<Petition> Build(const Commune& commune, const NewPetition& input,
                         CheckedPetition& checked);
  // The petition with `code_text`; with a phone, only when it matches.
  Result<Petition> CheckTracking(std::string_view code_text, std::string_view phone);
  Result<Petition> Change(CommuneId commune, PetitionId id, std::optional<int64_t> version,
                          std::string action, std::function<Result<std::string>(Petition&)> apply,
                          const AuditContext& ctx);
  Status SetDeadline(PetitionItem& item, std::string step, Date start, bool remote_area);
  Status Seal(Petition& petition);

  PetitionRepository& repo_;
  CommuneRepository& communes_;
  IdentityVault& vault_;
  AttachmentStore& attachments_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
  std::vector<PetitionDeadlineRule> rules_;
  std::vector<PetitionObserver*> observers_;

  // Tells the observers; their errors are ignored here (each records its own).
  void Notify(std::string_view action, const Petition& petition);
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_SERVICE_H_
