#include "core/conferences/checklist.h"

#include <string>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

struct TaskTemplate {
  TaskPhase phase;
  TaskKind kind;
  int offset_days;
  const char* unit_key;  // folded fragment of the unit name: "van phong", "tai chinh"
  const char* title;
};

// Seed §III.1 (preparation), §III.3 (the day) and §V (who does what).
constexpr TaskTemplate kDefaults[] = {
    {TaskPhase::kPreparation, TaskKind::kGeneral, -20, "van phong",
     "Xây dựng Kế hoạch tổ chức hội nghị (mục đích, yêu cầu, nội dung, thành phần, thời gian, "
     "địa điểm, phân công)"},
    {TaskPhase::kPreparation, TaskKind::kGeneral, -15, "tai chinh",
     "Lập dự trù kinh phí tổ chức hội nghị"},
    {TaskPhase::kPreparation, TaskKind::kGeneral, -10, "van phong",
     "Chuẩn bị chương trình, nội dung và tài liệu phục vụ hội nghị"},
    {TaskPhase::kPreparation, TaskKind::kGeneral, -10, "van phong",
     "Chọn nhân sự tham gia đối thoại, thư ký và bộ phận giúp việc; giao nhiệm vụ cụ thể"},
    {TaskPhase::kPreparation, TaskKind::kGeneral, -10, "van phong",
     "Chọn địa điểm bảo đảm trang trọng, an toàn về an ninh, trật tự"},
    {TaskPhase::kPreparation, TaskKind::kPublicNotice, 0, "van phong",
     "Gửi giấy mời và thông báo rộng rãi trên hệ thống đài truyền thanh"},
    {TaskPhase::kPreparation, TaskKind::kGeneral, -3, "van phong",
     "Tổng hợp kiến nghị của Nhân dân gửi trước hội nghị, giao đơn vị chuẩn bị trả lời"},
    {TaskPhase::kPreparation, TaskKind::kGeneral, -1, "van phong",
     "Chuẩn bị hội trường, âm thanh, ánh sáng, danh sách điểm danh"},
    {TaskPhase::kConferenceDay, TaskKind::kGeneral, 0, "van phong",
     "Tổ chức hội nghị; điểm danh đại biểu; ghi biên bản"},
    {TaskPhase::kAfter, TaskKind::kResultsNotice, 0, "van phong",
     "Ban hành và công khai thông báo kết quả hội nghị; gửi trưởng thôn"},
    {TaskPhase::kAfter, TaskKind::kGeneral, 30, "van phong",
     "Theo dõi, đôn đốc giải quyết các kiến nghị sau hội nghị"},
    {TaskPhase::kAfter, TaskKind::kGeneral, 30, "tai chinh",
     "Thanh toán, quyết toán kinh phí tổ chức hội nghị"},
};

}  // namespace

std::vector<ConferenceTask> DefaultChecklist(const std::vector<Unit>& units) {
  std::vector<ConferenceTask> tasks;
  int number = 0;
  for (const TaskTemplate& t : kDefaults) {
    ConferenceTask task;
    task.number = ++number;
    task.phase = t.phase;
    task.kind = t.kind;
    task.offset_days = t.offset_days;
    task.title = t.title;
    for (const Unit& unit : units) {
      if (text::Fold(unit.name).find(t.unit_key) != std::string::npos) {
        task.unit = unit.id;
        break;
      }
    }
    tasks.push_back(std::move(task));
  }
  return tasks;
}

Date TaskDueDate(const ConferenceTask& task, const Conference& conference,
                 const WorkingCalendar& calendar, const RuleSet& rules) {
  const Date first = conference.FirstDate();
  switch (task.kind) {
    case TaskKind::kPublicNotice:
      return calendar.LatestWorkingDayOnOrBefore(LatestNoticeDate(calendar, rules, first));
    case TaskKind::kResultsNotice:
      return ResultsNoticeDeadline(calendar, rules, conference.LastDate());
    case TaskKind::kGeneral:
      break;
  }
  if (task.offset_days < 0) {
    return calendar.LatestWorkingDayOnOrBefore(
        calendar.DeadlineBefore(first, -task.offset_days, DayCount::kCalendar));
  }
  if (task.offset_days == 0) return first;
  return calendar.Deadline(conference.LastDate(), task.offset_days, DayCount::kCalendar);
}

void RecomputeDueDates(Conference& conference, const WorkingCalendar& calendar,
                       const RuleSet& rules) {
  for (ConferenceTask& task : conference.tasks) {
    task.due = TaskDueDate(task, conference, calendar, rules);
  }
}

bool IsOverdue(const ConferenceTask& task, Date today) {
  return !task.done_on.has_value() && today > task.due;
}

}  // namespace doithoai
