// Rule-set validation and selection by date (see rule_set.h).
#include "core/calendar/rule_set.h"

#include <set>

namespace doithoai {

namespace {

Error Invalid(const RuleSet& rule_set, const std::string& what) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Bộ quy tắc \"" + rule_set.id + "\": " + what + ".");
}

}  // namespace

Status ValidateRuleSet(const RuleSet& rule_set) {
  if (rule_set.id.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Bộ quy tắc thiếu mã (id).");
  }
  if (rule_set.legal_source.empty()) {
    return Invalid(rule_set, "thiếu căn cứ pháp lý");
  }
  if (rule_set.notice_days_before <= 0) {
    return Invalid(rule_set, "số ngày thông báo trước phải lớn hơn 0");
  }
  if (rule_set.results_notice_days_after <= 0) {
    return Invalid(rule_set, "số ngày công khai kết quả phải lớn hơn 0");
  }
  if (rule_set.posting_days <= 0) {
    return Invalid(rule_set, "số ngày niêm yết phải lớn hơn 0");
  }
  if (rule_set.loudspeaker_consecutive_days <= 0) {
    return Invalid(rule_set, "số ngày phát trên loa truyền thanh phải lớn hơn 0");
  }
  return OkStatus();
}

Status ValidateRuleSets(const std::vector<RuleSet>& rule_sets) {
  std::set<std::string> ids;
  std::set<Date> dates;
  for (const RuleSet& rule_set : rule_sets) {
    RETURN_IF_ERROR(ValidateRuleSet(rule_set));
    if (!ids.insert(rule_set.id).second) {
      return Invalid(rule_set, "mã bị trùng");
    }
    if (!dates.insert(rule_set.effective_from).second) {
      return Invalid(rule_set, "trùng ngày hiệu lực " + FormatDdMmYyyy(rule_set.effective_from) +
                                   " với bộ quy tắc khác");
    }
  }
  return OkStatus();
}

Result<RuleSet> RuleSetFor(const std::vector<RuleSet>& rule_sets, Date conference_date) {
  const RuleSet* best = nullptr;
  for (const RuleSet& rule_set : rule_sets) {
    if (conference_date < rule_set.effective_from) {
      continue;
    }
    if (best == nullptr || best->effective_from < rule_set.effective_from) {
      best = &rule_set;
    }
  }
  if (best == nullptr) {
    return MakeError(ErrorCode::kNotFound, "Chưa có bộ quy tắc nào có hiệu lực vào ngày " +
                                               FormatDdMmYyyy(conference_date) +
                                               " (ngày tổ chức hội nghị).");
  }
  return *best;
}

Date LatestNoticeDate(const WorkingCalendar& calendar, const RuleSet& rules, Date conference) {
  return calendar.DeadlineBefore(conference, rules.notice_days_before, rules.counting);
}

Date ResultsNoticeDeadline(const WorkingCalendar& calendar, const RuleSet& rules, Date conference) {
  return calendar.Deadline(conference, rules.results_notice_days_after, rules.counting);
}

}  // namespace doithoai
