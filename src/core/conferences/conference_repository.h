// Storage port for conferences and their documents. Every call is scoped to a
// commune: an id of another commune is kNotFound. Every write appends audit
// rows in the same transaction.
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_REPOSITORY_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_REPOSITORY_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/calendar/date.h"
#include "core/common/result.h"
#include "core/conferences/conference.h"

namespace doithoai {

// The documents of a conference (domain.md §3.8); the URL names are the
// `Code`s. After the conference (issue #7): the minutes (Biên bản, Mẫu 1.9),
// the results notice (DLG-08/12) and the result report (DLG-13).
enum class ConferenceDocumentKind {
  kPlan,
  kProgramme,
  kInvitations,
  kPublicNotice,
  kMinutes,
  kResultsNotice,
  kReport,
};
std::string_view ConferenceDocumentKindCode(ConferenceDocumentKind v);  // "ke-hoach"
Result<ConferenceDocumentKind> ParseConferenceDocumentKind(std::string_view code);
std::string_view ConferenceDocumentKindLabel(ConferenceDocumentKind v);  // "Kế hoạch"
// Appendix III abbreviation: "KH", "CTr", "GM", "TB".
std::string_view ConferenceDocumentSymbol(ConferenceDocumentKind v);

// A document of a conference as stored: an editable draft (number 0) or an
// issued, frozen one. `markup` is the document in the text form of
// core/documents/markup.h (the whole document: header, body, signature).
struct StoredDocument {
  DocumentId id;
  CommuneId commune_id;
  ConferenceId conference_id;
  ConferenceDocumentKind kind = ConferenceDocumentKind::kPlan;
  std::string markup;
  bool issued = false;
  int year = 0;    // register year (NUM-01)
  int number = 0;  // register number within (commune, year, symbol), from 1
  Date issued_on;
  Timestamp updated_at;
  // NUM-05: 1 for the first document of its kind; n + 1 for the replacement
  // of revision n, which `replaces` names.
  int revision = 1;
  std::optional<DocumentId> replaces;
};

// A change to a conference, applied inside the write transaction to the
// stored state: `apply` mutates and returns the short JSON text recorded as
// the audit row's "after" (e.g. {"session":2,"date":"2023-12-08"}); an error
// aborts the whole write. `action` is the audit action ("conference.session_add").
struct ConferenceChange {
  std::string action;
  std::function<Result<std::string>(Conference&)> apply;
};

class ConferenceRepository {
 public:
  virtual ~ConferenceRepository() = default;

  // Stores a new conference (its id and version are assigned) and audits
  // "conference.create".
  virtual Result<ConferenceId> Create(const Conference& conference, const AuditContext& ctx) = 0;
  virtual Result<Conference> Find(CommuneId commune, ConferenceId id) = 0;
  // Newest first (by first session date, then id).
  virtual Result<std::vector<Conference>> List(CommuneId commune) = 0;

  // Loads, applies `change`, checks `expected_version` when set (kFailedPrecondition
  // "Hội nghị vừa được người khác sửa; …" on mismatch), stores with version + 1 and
  // audits `change.action` — all in one transaction. Returns the new state.
  virtual Result<Conference> Update(CommuneId commune, ConferenceId id,
                                    std::optional<int64_t> expected_version,
                                    const ConferenceChange& change, const AuditContext& ctx) = 0;

  // The current document of `kind` (its highest revision): issued, or a saved
  // draft; kNotFound when there is none.
  virtual Result<StoredDocument> FindDocument(CommuneId commune, ConferenceId id,
                                              ConferenceDocumentKind kind) = 0;
  // Every revision of every kind, by kind then revision.
  virtual Result<std::vector<StoredDocument>> ListDocuments(CommuneId commune, ConferenceId id) = 0;
  // NUM-05: starts the replacement of the issued current document of `kind`:
  // a draft of the next revision holding `markup`, replacing it (audited
  // "document.replacement_start" with `reason`). kFailedPrecondition when the
  // current document of `kind` is not issued (nothing to replace, or a draft
  // exists).
  virtual Result<StoredDocument> StartReplacement(CommuneId commune, ConferenceId id,
                                                  ConferenceDocumentKind kind,
                                                  const std::string& markup,
                                                  const std::string& reason,
                                                  const AuditContext& ctx) = 0;
  // Saves the editable draft of `kind` (audited "document.draft_save").
  // kFailedPrecondition when that kind is already issued (NUM-05).
  virtual Status SaveDraft(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                           const std::string& markup, const AuditContext& ctx) = 0;
  // Issues the current draft of `kind` (or, with none, a first document) in
  // one transaction: takes the next number
  // of the register for (commune, year of `issued_on`, symbol), calls
  // `render(number)` for the final markup, stores it frozen, applies
  // `conference_change` (the state transition) and audits "document.issue".
  // kFailedPrecondition when already issued.
  virtual Result<StoredDocument> Issue(CommuneId commune, ConferenceId id,
                                       ConferenceDocumentKind kind, Date issued_on,
                                       const std::function<Result<std::string>(int number)>& render,
                                       const ConferenceChange& conference_change,
                                       const AuditContext& ctx) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_REPOSITORY_H_
