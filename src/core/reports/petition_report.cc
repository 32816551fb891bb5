// Result-report figures (see petition_report.h).
#include "core/reports/petition_report.h"

namespace doithoai {

namespace {

constexpr char kUnclassified[] = "chưa phân loại";

bool IsResolved(ItemStatus s) {
  return s == ItemStatus::kAnswered || s == ItemStatus::kNotified || s == ItemStatus::kClosed;
}

void Count(FieldFigures& row, const Petition& p, const PetitionItem& item, Date as_of) {
  ++row.total;
  const bool in_room = AnsweredInRoom(p, item);
  if (in_room) {
    ++row.answered_in_room;
  } else if (item.status == ItemStatus::kForwarded) {
    ++row.forwarded;
  } else {
    ++row.assigned_after;
  }
  if (IsResolved(item.status)) {
    ++row.resolved;
  } else if (item.status == ItemStatus::kFiled) {
    ++row.filed;
  } else if (IsOpen(item.status)) {
    if (item.deadline.has_value() && *item.deadline < as_of) {
      ++row.overdue;
    } else {
      ++row.in_progress;
    }
  }
}

}  // namespace

bool AnsweredInRoom(const Petition& petition, const PetitionItem& item) {
  if (petition.channel != PetitionChannel::kConference || !item.answer.has_value() ||
      item.answer->answered_on != petition.received_on) {
    return false;
  }
  // Answered on the spot: an item assigned for after the conference and
  // answered later the same day was not answered in the room.
  for (const HistoryEntry& h : petition.history) {
    if (h.item == item.number && h.action == "assigned") return false;
  }
  return true;
}

std::optional<double> ReportFigures::OnTimeRate() const {
  if (answered_with_deadline == 0) return std::nullopt;
  return static_cast<double>(answered_on_time) / answered_with_deadline;
}

std::optional<double> ReportFigures::SatisfactionRate() const {
  if (rated == 0) return std::nullopt;
  return static_cast<double>(satisfied) / rated;
}

ReportFigures ComputeReport(const std::vector<Petition>& petitions,
                            const std::vector<PetitionField>& fields, Date from, Date to,
                            Date as_of) {
  ReportFigures r;
  r.from = from;
  r.to = to;
  r.as_of = as_of;
  for (const PetitionField& f : fields) {
    FieldFigures row;
    row.field = f.code;
    row.label = f.label;
    r.by_field.push_back(row);
  }
  FieldFigures unclassified;
  unclassified.label = kUnclassified;
  r.totals.label = "Tổng số";
  for (const Petition& p : petitions) {
    if (p.received_on < from || p.received_on > to) {
      continue;
    }
    ++r.petitions;
    for (const PetitionItem& item : p.items) {
      FieldFigures* row = &unclassified;
      for (FieldFigures& f : r.by_field) {
        if (!item.field.empty() && f.field == item.field) {
          row = &f;
        }
      }
      Count(*row, p, item, as_of);
      Count(r.totals, p, item, as_of);
      ++r.by_class[static_cast<int>(item.petition_class)];
      if (item.answer.has_value() && item.deadline.has_value() && !AnsweredInRoom(p, item)) {
        ++r.answered_with_deadline;
        if (item.answer->answered_on <= *item.deadline) {
          ++r.answered_on_time;
        }
      }
      if (item.rating.has_value()) {
        ++r.rated;
        if (item.rating->satisfied) {
          ++r.satisfied;
        }
      }
    }
  }
  if (unclassified.total > 0) {
    r.by_field.push_back(unclassified);
  }
  r.within_authority = r.totals.total - r.totals.forwarded;
  return r;
}

}  // namespace doithoai
