// Use cases of cases (vụ việc, see petition_case.h): group petitions that
// raise one issue, answer them once, and list the prominent issues.
#ifndef DOITHOAI_CORE_PETITIONS_CASE_SERVICE_H_
#define DOITHOAI_CORE_PETITIONS_CASE_SERVICE_H_

#include <string>
#include <vector>

#include "core/petitions/insight_service.h"
#include "core/petitions/petition_case.h"
#include "core/petitions/petition_service.h"

namespace doithoai {

// A case with its member petitions loaded (staff view).
struct CaseView {
  PetitionCase c;
  std::vector<Petition> members;
  ProminentIssue counts;
};

class CaseService {
 public:
  CaseService(CaseRepository& cases, PetitionService& petitions, InsightService& insight)
      : cases_(cases), petitions_(petitions), insight_(insight) {}

  // `codes`: tracking codes as typed (at least 2 for a new case; each must be
  // a petition of the commune — another commune's code is refused).
  Result<PetitionCase> Create(CommuneId commune, const std::string& title,
                              const std::vector<std::string>& codes, const AuditContext& ctx);
  Result<PetitionCase> AddMembers(CommuneId commune, CaseId id,
                                  const std::vector<std::string>& codes, const AuditContext& ctx);
  Status RemoveMember(CommuneId commune, CaseId id, PetitionId member, const AuditContext& ctx);
  Result<PetitionCase> Rename(CommuneId commune, CaseId id, const std::string& title,
                              const std::string& field, const AuditContext& ctx);
  Result<CaseView> View(CommuneId commune, CaseId id);
  Result<std::optional<CaseId>> CaseOf(CommuneId commune, PetitionId petition) {
    return cases_.CaseOf(commune, petition);
  }
  Result<std::vector<ProminentIssue>> Prominent(CommuneId commune, int limit = 100) {
    return cases_.Prominent(commune, limit);
  }

  // Answers the case once: every open item of every member petition gets the
  // same answer (each petition keeps its own code, and each petitioner is
  // notified through the petition's observers). A tố cáo item is answered
  // but never published (FB-04). An item not yet assigned is first assigned
  // to `unit` (required then). One line per member petition.
  Result<std::vector<BulkOutcome>> Answer(CommuneId commune, CaseId id, const std::string& text,
                                          bool publish, const std::string& answered_by,
                                          std::optional<UnitId> unit, const AuditContext& ctx);

 private:
  Result<std::vector<PetitionId>> Resolve(CommuneId commune, const std::vector<std::string>& codes);

  CaseRepository& cases_;
  PetitionService& petitions_;
  InsightService& insight_;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_CASE_SERVICE_H_
