// Helpers shared by petition_service.cc and petition_workflow.cc. Not part
// of the module's interface.
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_SERVICE_INTERNAL_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_SERVICE_INTERNAL_H_

#include <string>
#include <string_view>

#include "core/audit/audit_entry.h"
#include "core/common/result.h"
#include "core/petitions/petition.h"

namespace doithoai::petition_internal {

// The history actor for the citizen's own acts (rating, tracking).
inline constexpr std::string_view kCitizenActor = "Công dân";

Error Precondition(std::string message);
// The item numbered `number` (1..n), or a FieldError on "item".
Result<PetitionItem*> ItemOf(Petition& petition, int number);
// Appends a history entry (domain.md §8: time, actor, rule id).
void Record(Petition& petition, const AuditContext& ctx, int item, std::string action,
            std::string_view from, std::string_view to, std::string note, std::string rule_id);
// Moves `item` to `to` when the workflow allows it, records the history
// entry and returns the audit summary.
Result<std::string> Move(Petition& petition, PetitionItem& item, ItemStatus to,
                         const AuditContext& ctx, std::string action, std::string note);
bool Blank(std::string_view s);

}  // namespace doithoai::petition_internal

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_SERVICE_INTERNAL_H_
