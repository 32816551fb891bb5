// Plans the reminders of one day (issue #6 §3): which open petition items
// are due soon, overdue, or overdue long enough to escalate to the chairman,
// and who must hear about them. Pure: the caller passes the petitions, the
// day and the working calendar (style.md habit 4), so the plan is the same
// every time it is computed for the same data.
//
// Reminders are planned only on working days (DAY-01/DAY-02): on a Sunday,
// a Tết day or another public holiday nobody is at the office, so nothing is
// sent; "days overdue" and "due within N days" count working days only.
#ifndef DOITHOAI_CORE_NOTIFICATIONS_REMINDER_PLANNER_H_
#define DOITHOAI_CORE_NOTIFICATIONS_REMINDER_PLANNER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/calendar/working_calendar.h"
#include "core/communes/commune.h"
#include "core/petitions/petition.h"

namespace doithoai {

enum class ReminderKind { kDueSoon, kOverdue, kEscalation };
std::string_view ReminderKindCode(ReminderKind v);  // "due_soon", "overdue", "escalation"

struct ReminderPolicy {
  int due_soon_days = 3;        // working days before the deadline (PetitionSettings)
  int escalate_after_days = 5;  // working days past the deadline (NotificationSettings)
  std::optional<OfficialId> chairman_id;
};

struct ItemReminder {
  PetitionId petition_id;
  std::string code;
  int item = 0;
  ReminderKind kind = ReminderKind::kDueSoon;
  Date deadline;
  int working_days = 0;  // kDueSoon: working days left; otherwise working days overdue
  std::string field;
  std::optional<UnitId> unit_id;
  // The item's state when planned (ItemChecksum); a job planned with it is
  // dropped if the item has changed since.
  std::string checksum;
  // kDueSoon/kOverdue: the assigned official, or every official of the
  // assigned unit; kEscalation: the chairman.
  std::vector<OfficialId> recipients;
};

// A short, stable digest of what a reminder about `item` depends on: its
// status, deadline, unit and official.
std::string ItemChecksum(const PetitionItem& item);

// The chairman: `policy.chairman_id` when set, else the first official whose
// position, folded, starts with "chu tich".
std::optional<OfficialId> ChairmanOf(const std::vector<Official>& officials,
                                     std::optional<OfficialId> configured);

// The reminders of `today` for the open items of `petitions` (nothing when
// `today` is not a working day). Items without a deadline or without anyone
// to remind yield nothing, except escalations (the chairman is reminded of
// unassigned items too).
std::vector<ItemReminder> PlanReminders(const std::vector<Petition>& petitions, Date today,
                                        const WorkingCalendar& calendar,
                                        const ReminderPolicy& policy,
                                        const std::vector<Official>& officials);

// One official's due-soon and overdue reminders of a day: one message.
struct Digest {
  OfficialId official_id;
  std::vector<ItemReminder> items;  // overdue first (most overdue first), then by deadline
};
std::vector<Digest> GroupDigests(const std::vector<ItemReminder>& reminders);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_NOTIFICATIONS_REMINDER_PLANNER_H_
