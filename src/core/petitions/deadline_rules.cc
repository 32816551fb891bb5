// Petition deadline rules: validation, choice by date, deadline arithmetic
// (see deadline_rules.h).
#include "core/petitions/deadline_rules.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace doithoai {

namespace {

Error Invalid(const PetitionDeadlineRule& rule, const std::string& what) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Quy tắc thời hạn \"" + rule.id + "\" (" +
                       std::string(PetitionClassLabel(rule.petition_class)) + ", bước \"" +
                       rule.step + "\"): " + what + ".");
}

bool IsStepCode(std::string_view step) {
  if (step.empty()) return false;
  return std::all_of(step.begin(), step.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace

Status ValidatePetitionDeadlineRule(const PetitionDeadlineRule& rule) {
  if (rule.id.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Quy tắc thời hạn thiếu mã (id).");
  }
  if (!IsStepCode(rule.step)) {
    return Invalid(rule, "mã bước phải gồm chữ thường không dấu và dấu gạch dưới");
  }
  if (rule.legal_source.empty()) {
    return Invalid(rule, "thiếu căn cứ pháp lý");
  }
  if (rule.days <= 0) {
    return Invalid(rule, "số ngày phải lớn hơn 0");
  }
  if (rule.days_remote_or_complex < 0 ||
      (rule.days_remote_or_complex > 0 && rule.days_remote_or_complex < rule.days)) {
    return Invalid(rule,
                   "số ngày cho vùng sâu, vùng xa hoặc vụ việc phức tạp không được nhỏ hơn số "
                   "ngày thông thường");
  }
  const int longer = std::max(rule.days, rule.days_remote_or_complex);
  if (rule.days_remote_and_complex < 0 ||
      (rule.days_remote_and_complex > 0 && rule.days_remote_and_complex < longer)) {
    return Invalid(rule,
                   "số ngày cho vụ việc phức tạp ở vùng sâu, vùng xa không được nhỏ hơn các "
                   "thời hạn khác");
  }
  return OkStatus();
}

Status ValidatePetitionDeadlineRules(const std::vector<PetitionDeadlineRule>& rules) {
  std::set<std::tuple<PetitionClass, std::string, Date>> keys;
  for (const PetitionDeadlineRule& rule : rules) {
    RETURN_IF_ERROR(ValidatePetitionDeadlineRule(rule));
    if (!keys.insert({rule.petition_class, rule.step, rule.effective_from}).second) {
      return Invalid(rule, "trùng loại đơn, bước và ngày hiệu lực " +
                               FormatDdMmYyyy(rule.effective_from) + " với quy tắc khác");
    }
  }
  return OkStatus();
}

Result<PetitionDeadlineRule> RuleFor(const std::vector<PetitionDeadlineRule>& rules,
                                     PetitionClass petition_class, std::string_view step,
                                     Date start) {
  const PetitionDeadlineRule* best = nullptr;
  bool step_known = false;
  for (const PetitionDeadlineRule& rule : rules) {
    if (rule.petition_class != petition_class || rule.step != step) {
      continue;
    }
    step_known = true;
    if (start < rule.effective_from) {
      continue;
    }
    if (best == nullptr || best->effective_from < rule.effective_from) {
      best = &rule;
    }
  }
  if (best != nullptr) {
    return *best;
  }
  const std::string what = "bước \"" + StepLabel(step) + "\" của loại đơn " +
                           std::string(PetitionClassLabel(petition_class));
  if (!step_known) {
    return MakeError(ErrorCode::kNotFound, "Không có quy tắc thời hạn cho " + what + ".");
  }
  return MakeError(ErrorCode::kNotFound, "Chưa có quy tắc thời hạn nào cho " + what +
                                             " có hiệu lực vào ngày " + FormatDdMmYyyy(start) +
                                             ".");
}

int DaysFor(const PetitionDeadlineRule& rule, DeadlineFactors factors) {
  const int remote_or_complex =
      rule.days_remote_or_complex > 0 ? rule.days_remote_or_complex : rule.days;
  if (factors.remote_area && factors.complex) {
    return rule.days_remote_and_complex > 0 ? rule.days_remote_and_complex : remote_or_complex;
  }
  if (factors.remote_area || factors.complex) {
    return remote_or_complex;
  }
  return rule.days;
}

Result<Date> PetitionDeadline(const WorkingCalendar& calendar,
                              const std::vector<PetitionDeadlineRule>& rules,
                              PetitionClass petition_class, std::string_view step, Date start,
                              DeadlineFactors factors) {
  ASSIGN_OR_RETURN(PetitionDeadlineRule rule, RuleFor(rules, petition_class, step, start));
  return calendar.Deadline(start, DaysFor(rule, factors), rule.counting);
}

Result<Date> PetitionDeadline(const WorkingCalendar& calendar,
                              const std::vector<PetitionDeadlineRule>& rules,
                              PetitionClass petition_class, std::string_view step, Date start,
                              bool remote_or_complex) {
  return PetitionDeadline(calendar, rules, petition_class, step, start,
                          DeadlineFactors{.remote_area = remote_or_complex, .complex = false});
}

std::string_view DefaultStep(PetitionClass petition_class) {
  switch (petition_class) {
    case PetitionClass::kComplaint:
      return kStepAccept;
    case PetitionClass::kDenunciation:
      return kStepInitialCheck;
    case PetitionClass::kProposal:
    case PetitionClass::kReport:
      return kStepAnswer;
  }
  return kStepAnswer;
}

std::string StepLabel(std::string_view step) {
  struct Label {
    std::string_view step;
    const char* label;
  };
  static constexpr Label kLabels[] = {
      {kStepFileLimit, "thời hiệu khiếu nại"},
      {kStepAccept, "thụ lý"},
      {kStepResolve, "giải quyết"},
      {kStepAppealLimit, "thời hạn khiếu nại lần hai"},
      {kStepAcceptSecond, "thụ lý lần hai"},
      {kStepResolveSecond, "giải quyết lần hai"},
      {kStepInitialCheck, "tiếp nhận, xử lý ban đầu"},
      {kStepForward, "chuyển đơn"},
      {kStepExtend, "gia hạn"},
      {kStepClassify, "phân loại, xử lý đơn"},
      {kStepAnswer, "trả lời"},
  };
  for (const Label& label : kLabels) {
    if (label.step == step) return label.label;
  }
  return std::string(step);
}

}  // namespace doithoai
