// Reminder planning (see reminder_planner.h).
#include "core/notifications/reminder_planner.h"

#include <algorithm>
#include <map>

#include "core/text/vietnamese.h"

namespace doithoai {

std::string_view ReminderKindCode(ReminderKind v) {
  switch (v) {
    case ReminderKind::kDueSoon:
      return "due_soon";
    case ReminderKind::kOverdue:
      return "overdue";
    case ReminderKind::kEscalation:
      return "escalation";
  }
  return "due_soon";
}

std::string ItemChecksum(const PetitionItem& item) {
  std::string s(ItemStatusCode(item.status));
  s += '|';
  s += item.deadline.has_value() ? item.deadline->ToIsoString() : "-";
  s += '|';
  s += item.unit_id.has_value() ? std::to_string(item.unit_id->value) : "-";
  s += '|';
  s += item.official_id.has_value() ? std::to_string(item.official_id->value) : "-";
  return s;
}

std::optional<OfficialId> ChairmanOf(const std::vector<Official>& officials,
                                     std::optional<OfficialId> configured) {
  if (configured.has_value()) {
    return configured;
  }
  for (const Official& o : officials) {
    if (text::Fold(o.position).starts_with("chu tich")) {
      return o.id;
    }
  }
  return std::nullopt;
}

namespace {

std::vector<OfficialId> AssigneesOf(const PetitionItem& item,
                                    const std::vector<Official>& officials) {
  if (item.official_id.has_value()) {
    return {*item.official_id};
  }
  std::vector<OfficialId> out;
  if (item.unit_id.has_value()) {
    for (const Official& o : officials) {
      if (o.unit_id == item.unit_id) {
        out.push_back(o.id);
      }
    }
  }
  return out;
}

}  // namespace

std::vector<ItemReminder> PlanReminders(const std::vector<Petition>& petitions, Date today,
                                        const WorkingCalendar& calendar,
                                        const ReminderPolicy& policy,
                                        const std::vector<Official>& officials) {
  std::vector<ItemReminder> out;
  if (!calendar.IsWorkingDay(today)) {
    return out;
  }
  const std::optional<OfficialId> chairman = ChairmanOf(officials, policy.chairman_id);
  for (const Petition& p : petitions) {
    for (const PetitionItem& item : p.items) {
      if (!IsOpen(item.status) || !item.deadline.has_value()) {
        continue;
      }
      const Date deadline = *item.deadline;
      ItemReminder r;
      r.petition_id = p.id;
      r.code = p.code;
      r.item = item.number;
      r.deadline = deadline;
      r.field = item.field;
      r.unit_id = item.unit_id;
      r.checksum = ItemChecksum(item);
      if (deadline >= today) {
        r.working_days = calendar.WorkingDaysBetween(today, deadline);
        if (r.working_days > policy.due_soon_days) {
          continue;
        }
        r.kind = ReminderKind::kDueSoon;
        r.recipients = AssigneesOf(item, officials);
        if (!r.recipients.empty()) {
          out.push_back(r);
        }
        continue;
      }
      r.working_days = calendar.WorkingDaysBetween(deadline, today);
      r.kind = ReminderKind::kOverdue;
      r.recipients = AssigneesOf(item, officials);
      if (!r.recipients.empty()) {
        out.push_back(r);
      }
      if (r.working_days >= policy.escalate_after_days && chairman.has_value()) {
        r.kind = ReminderKind::kEscalation;
        r.recipients = {*chairman};
        out.push_back(r);
      }
    }
  }
  return out;
}

std::vector<Digest> GroupDigests(const std::vector<ItemReminder>& reminders) {
  std::map<int64_t, Digest> by_official;
  for (const ItemReminder& r : reminders) {
    if (r.kind == ReminderKind::kEscalation) {
      continue;
    }
    for (OfficialId o : r.recipients) {
      Digest& d = by_official[o.value];
      d.official_id = o;
      d.items.push_back(r);
    }
  }
  std::vector<Digest> out;
  for (auto& [id, digest] : by_official) {
    std::stable_sort(digest.items.begin(), digest.items.end(),
                     [](const ItemReminder& a, const ItemReminder& b) {
                       const bool ao = a.kind == ReminderKind::kOverdue;
                       const bool bo = b.kind == ReminderKind::kOverdue;
                       if (ao != bo) {
                         return ao;
                       }
                       if (ao) {
                         return a.working_days > b.working_days;
                       }
                       return a.deadline < b.deadline;
                     });
    out.push_back(std::move(digest));
  }
  return out;
}

}  // namespace doithoai
