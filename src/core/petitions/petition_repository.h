// Storage port for petitions. Every call but the public FindByCode is scoped
// to a commune: a petition of another commune is kNotFound. Every write
// appends its audit rows in the same transaction, and is durable when it
// returns (the caller acknowledges it to the citizen).
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_REPOSITORY_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_REPOSITORY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/calendar/date.h"
#include "core/common/result.h"
#include "core/petitions/classification.h"
#include "core/petitions/petition.h"

namespace doithoai {

// What a citizen who is not satisfied causes (issue #5 §4), per commune.
enum class DissatisfiedAction { kReopen, kEscalate };
std::string_view DissatisfiedActionCode(DissatisfiedAction v);  // "reopen" | "escalate"
Result<DissatisfiedAction> ParseDissatisfiedAction(std::string_view code);

// Per-commune settings of the petition module.
struct PetitionSettings {
  std::vector<PetitionField> fields;  // empty = DefaultPetitionFields()
  DissatisfiedAction dissatisfied_action = DissatisfiedAction::kReopen;
  int due_soon_days = 3;  // "sắp đến hạn" when the deadline is this close
};

// A filtered, paged list (staff lists, search, board, exports, public list).
struct PetitionQuery {
  // Free text: diacritic-insensitive over the folded item texts, the code
  // and (except for sealed petitions) the submitter's name and address
  // (SRCH-01); rows whose original text contains `q` exactly come first
  // (SRCH-03). Empty = no text filter.
  std::string q;
  std::optional<ItemStatus> status;  // the summary status
  std::string field;                 // field code
  std::optional<VillageId> village_id;
  std::optional<UnitId> unit_id;
  std::optional<ConferenceId> conference_id;
  std::optional<PetitionClass> petition_class;  // any item of this class
  bool open_only = false;
  // With `today`: only petitions with an open item past its deadline.
  bool overdue_only = false;
  bool published_answer_only = false;  // public list of answers
  Date today;                          // for overdue_only
  int offset = 0;
  int limit = 50;  // 1..1000
};

struct PetitionPage {
  std::vector<Petition> items;  // newest first (received_at, id), unless q ranks them
  int64_t total = 0;            // matching rows, ignoring offset/limit
};

// A change applied inside the write transaction to the stored state (like
// ConferenceChange): `apply` mutates and returns the short JSON audit "after"
// text; an error aborts the write.
struct PetitionChange {
  std::string action;  // audit action, e.g. "petition.assign"
  std::function<Result<std::string>(Petition&)> apply;
};

struct CreatedPetition {
  Petition petition;
  bool created = true;  // false: the form token was already used; this is the earlier one
};

class PetitionRepository {
 public:
  virtual ~PetitionRepository() = default;

  // Stores a new petition in one transaction: takes the next sequence of
  // (commune, petition.year), sets `code` from the commune's unique tracking
  // prefix (assigned on first use: CommunePrefix of `commune_slug`, or the
  // first free of TrackingPrefixCandidates), id and version 1, and audits
  // "petition.create". When `petition.form_token` is not empty and a
  // petition of this commune already has it, stores nothing and returns that
  // petition with created = false.
  virtual Result<CreatedPetition> Create(std::string_view commune_slug, const Petition& petition,
                                         const AuditContext& ctx) = 0;
  // All or nothing (bulk import): every petition stored in one transaction,
  // in order; returns them with their codes.
  virtual Result<std::vector<Petition>> CreateMany(std::string_view commune_slug,
                                                   const std::vector<Petition>& petitions,
                                                   const AuditContext& ctx) = 0;

  virtual Result<Petition> Find(CommuneId commune, PetitionId id) = 0;
  // `code` in canonical form (FormatTrackingCode).
  virtual Result<Petition> FindByCode(CommuneId commune, std::string_view code) = 0;
  // Public lookup across communes (codes are unique: prefixes are unique).
  virtual Result<Petition> FindByCodeAnyCommune(std::string_view code) = 0;

  virtual Result<PetitionPage> Search(CommuneId commune, const PetitionQuery& query) = 0;
  // Counts per summary status (the board's column heads).
  virtual Result<std::vector<std::pair<ItemStatus, int64_t>>> CountByStatus(CommuneId commune) = 0;

  // Load, apply, check `expected_version` (kFailedPrecondition "Đơn vừa
  // được người khác cập nhật; …"), store with version + 1 and audit — one
  // transaction. Returns the new state.
  virtual Result<Petition> Update(CommuneId commune, PetitionId id,
                                  std::optional<int64_t> expected_version,
                                  const PetitionChange& change, const AuditContext& ctx) = 0;

  // CONF-01: records that `ctx` read the sealed identity of `id` (audit
  // action "petition.read_identity"); callers open the seal only after this
  // succeeded.
  virtual Status RecordIdentityRead(CommuneId commune, PetitionId id, const AuditContext& ctx) = 0;

  virtual Result<PetitionSettings> LoadSettings(CommuneId commune) = 0;
  virtual Status SaveSettings(CommuneId commune, const PetitionSettings& settings,
                              const AuditContext& ctx) = 0;
};

// The prefixes tried, in order, for a commune's tracking codes: CommunePrefix
// of the slug, then that prefix extended by further letters of the slug's
// words, then by 'A'..'Z' — all 2..4 upper-case letters, no duplicates.
std::vector<std::string> TrackingPrefixCandidates(std::string_view slug);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_REPOSITORY_H_
