// A case (vụ việc): petitions from several citizens that raise the same
// issue — the same road, the same canal, the same delay of land records —
// grouped by staff so the issue is answered once (issue #6 §1). Every
// petitioner keeps their own petition and tracking code, sees the answer and
// is notified. How many citizens and villages raised a case ranks it in the
// "prominent issues" list the plan and the conference agenda draw from (the
// seed plan: "lựa chọn những vấn đề nổi cộm được dư luận quan tâm").
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_CASE_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_CASE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/calendar/date.h"
#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/result.h"

namespace doithoai {

struct PetitionCase {
  CaseId id;
  CommuneId commune_id;
  std::string title;                // "Đường trục thôn 3 xuống cấp", 1..200 characters
  std::string field;                // field code, "" = not set
  std::vector<PetitionId> members;  // in the order they were added
  Timestamp created_at{};
  std::string created_by;
  int64_t version = 0;
};

// One line of the prominent-issues list.
struct ProminentIssue {
  CaseId case_id;
  std::string title;
  std::string field;
  int petitions = 0;    // member petitions
  int petitioners = 0;  // distinct citizens (by phone digest; a petition without one counts once)
  int villages = 0;     // distinct villages (sealed petitions have none, CONF-02)
  int open = 0;         // members with an open item
  std::vector<std::string> village_names;  // sorted
  std::vector<std::string> codes;          // member tracking codes
  std::optional<Date> first_received;
  std::optional<Date> last_received;
};

// Storage port; every call is scoped to the commune and audited.
class CaseRepository {
 public:
  virtual ~CaseRepository() = default;
  // Stores a case with its members in one transaction. Every member must be
  // a petition of `commune` (else kInvalidArgument "Đơn … không thuộc xã
  // này", nothing stored — merging petitions of two communes is refused) and
  // in no other case (kFailedPrecondition naming the case).
  virtual Result<PetitionCase> Create(CommuneId commune, const PetitionCase& c,
                                      const AuditContext& ctx) = 0;
  virtual Result<PetitionCase> Find(CommuneId commune, CaseId id) = 0;
  // The case a petition belongs to, if any.
  virtual Result<std::optional<CaseId>> CaseOf(CommuneId commune, PetitionId petition) = 0;
  // Same checks as Create for the new members.
  virtual Result<PetitionCase> AddMembers(CommuneId commune, CaseId id,
                                          const std::vector<PetitionId>& members,
                                          const AuditContext& ctx) = 0;
  // Removes one member; a case left with no member is deleted.
  virtual Status RemoveMember(CommuneId commune, CaseId id, PetitionId member,
                              const AuditContext& ctx) = 0;
  virtual Result<PetitionCase> Rename(CommuneId commune, CaseId id, const std::string& title,
                                      const std::string& field, const AuditContext& ctx) = 0;
  // Every case of the commune with its counts, most petitioners first, then
  // most villages, then newest.
  virtual Result<std::vector<ProminentIssue>> Prominent(CommuneId commune, int limit) = 0;
};

// Title 1..200 code points after trimming (Vietnamese message on "title").
Result<std::string> CleanCaseTitle(std::string_view title);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_CASE_H_
