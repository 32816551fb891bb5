// The figures of a result report (Báo cáo kết quả, DLG-13; domain.md §7
// Bảng 2) over the petitions received in a period or raised at one
// conference: counts by field; answered at the conference vs after;
// within vs beyond the commune's authority (forwarded, XLD-02); resolved, in
// progress and overdue as of a day; the on-time rate and citizen
// satisfaction (FB-04). The JSON summary and the documents use these same
// numbers, so they always agree. Pure.
//
// The counted unit is the content item (ý kiến): one petition may raise
// several.
#ifndef DOITHOAI_CORE_REPORTS_PETITION_REPORT_H_
#define DOITHOAI_CORE_REPORTS_PETITION_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/petitions/classification.h"
#include "core/petitions/petition.h"

namespace doithoai {

// One row of Bảng 2.
struct FieldFigures {
  std::string field;  // code; "" = not classified yet
  std::string label;  // "chưa phân loại" for ""
  int total = 0;
  int answered_in_room = 0;  // answered at the conference (DLG-11)
  int assigned_after = 0;    // to be resolved after it (not answered in the room, not forwarded)
  int forwarded = 0;         // beyond the commune's authority, sent to the competent body
  int resolved = 0;          // answered, citizen notified, or closed
  int in_progress = 0;       // open, not past its deadline
  int overdue = 0;           // open, past its deadline
  int filed = 0;             // lưu đơn (XLD-02)
};

struct ReportFigures {
  Date from;
  Date to;
  Date as_of;
  int petitions = 0;
  FieldFigures totals;  // the sums (field "")
  std::vector<FieldFigures>
      by_field;  // the taxonomy's order, then "chưa phân loại"; empty rows kept
  int by_class[4] = {0, 0, 0, 0};  // PetitionClass order: complaint, denunciation, proposal, report
  int within_authority = 0;        // total − forwarded
  int answered_with_deadline = 0;  // answered items that had a deadline
  int answered_on_time = 0;        // … answered on or before it
  int rated = 0;
  int satisfied = 0;
  // 0..1, or nullopt when nothing to divide.
  std::optional<double> OnTimeRate() const;
  std::optional<double> SatisfactionRate() const;
};

// Whether `item` of `petition` was answered at the conference where it was
// raised: a conference petition answered on the day it was received without
// being assigned first (the desk records such answers directly, DLG-11).
bool AnsweredInRoom(const Petition& petition, const PetitionItem& item);

// The figures of `petitions` received in [from, to] (others are ignored), as
// of `as_of`, with rows for every field of `fields`.
ReportFigures ComputeReport(const std::vector<Petition>& petitions,
                            const std::vector<PetitionField>& fields, Date from, Date to,
                            Date as_of);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_REPORTS_PETITION_REPORT_H_
