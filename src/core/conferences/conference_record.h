// What was recorded at a conference, prepared for the documents that come
// after it (issue #7): the Biên bản (Mẫu 1.9, DLG-10), the Thông báo kết quả
// (DLG-08, DLG-12) and the Báo cáo kết quả (DLG-13). The rows of domain.md §7
// Bảng 1 are built here once, with the denouncer masked (CONF-02/03), so no
// document can print what the row does not hold. Pure.
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_RECORD_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_RECORD_H_

#include <optional>
#include <string>
#include <vector>

#include "core/communes/commune.h"
#include "core/conferences/conference.h"
#include "core/conferences/conference_documents.h"
#include "core/documents/document.h"
#include "core/petitions/classification.h"
#include "core/petitions/petition.h"
#include "core/reports/petition_report.h"

namespace doithoai {

// One row of Bảng 1: one content item of one opinion raised in the room.
// For a tố cáo (CONF-02/03) `speaker_name` is the pseudonym "Người tố cáo
// <code>", `village_name` is empty, `content` names only the topic and
// `answer` is empty: the formal denunciation is a separate restricted record.
struct OpinionRow {
  int number = 0;   // STT, in order of proceedings (opinion, then item)
  int opinion = 0;  // Opinion::number
  int session = 1;
  std::string code;  // the petition's tracking code
  std::string speaker_name;
  std::string village_name;
  std::string agenda_item;  // the agenda item's content, "" when none
  std::string content;
  std::string field_label;   // "" when not classified
  std::string class_abbrev;  // "KN", "TC", "KNg", "PA"
  bool denunciation = false;
  bool answered_in_room = false;  // AnsweredInRoom (petition_report.h)
  std::string answered_by;
  std::string answer;     // the answer's text (in the room or later)
  std::string unit_name;  // assigned unit, "" when none
  std::optional<Date> deadline;
  bool beyond_authority = false;  // forwarded to the competent body (XLD-02)
  std::string forwarded_to;
  std::string status_label;  // ItemStatusLabel
  bool open = true;
};

// The rows for `conference.opinions` (in their order) from their petitions
// (`petitions` may be in any order; an opinion whose petition is missing is
// skipped). Names of fields, units and villages come from the lists.
std::vector<OpinionRow> MakeOpinionRows(const Conference& conference,
                                        const std::vector<Petition>& petitions,
                                        const std::vector<PetitionField>& fields,
                                        const std::vector<Unit>& units,
                                        const std::vector<Village>& villages);

// Everything the after-conference documents print beyond the Conference.
struct ConferenceRecord {
  std::vector<OpinionRow> rows;
  // DLG-13 over the conference's petitions, as of the document's date; the
  // same figures GET …/reports/summary?conference=ID returns.
  ReportFigures figures;
  std::vector<PetitionField> fields;
};

// Loads the record of a conference (implemented over the petition module).
class ConferenceRecordSource {
 public:
  virtual ~ConferenceRecordSource() = default;
  virtual Result<ConferenceRecord> Load(const Conference& conference, Date as_of) = 0;
};

// Biên bản hội nghị (Mẫu 1.9, DLG-10): ô 4 empty (the time is in the body);
// "Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự" (attendance by group
// and the named speakers), "Chủ trì (chủ tọa)", "Thư ký", "Nội dung" in
// order of proceedings (agenda items, then each opinion and its answer or
// assignment), "Hội nghị kết thúc vào … giờ …, ngày … tháng … năm …/.",
// Bảng 1 as an appendix table, then the addenda ("Biên bản bổ sung") when
// any. Signatures: THƯ KÝ left (`left_signature`), CHỦ TỌA right.
Document BuildMinutes(const Conference& conference, const DocumentContext& context,
                      const ConferenceRecord& record);

// Thông báo kết quả hội nghị đối thoại (DLG-12): the answers given in the
// room, the items assigned with unit and deadline, the items forwarded to a
// higher level; Bảng 1; Nơi nhận includes every village head (DLG-08).
Document BuildResultsNotice(const Conference& conference, const DocumentContext& context,
                            const ConferenceRecord& record);

// Báo cáo kết quả (DLG-13): the conference in numbers (attendance, speakers,
// opinions), Bảng 2 by field, answered in the room vs after, within vs
// beyond authority, resolved / in progress / overdue, on-time rate and
// satisfaction, with two Chart blocks (by field; by outcome).
Document BuildConferenceReport(const Conference& conference, const DocumentContext& context,
                               const ConferenceRecord& record);

// Báo cáo over a period (month, quarter, 6 or 9 months, year) of the
// commune: the same figures and charts without a conference.
// `period_label` is printed in the subject ("quý IV năm 2023").
Document BuildPeriodReport(const ReportFigures& figures, const DocumentContext& context,
                           const std::string& period_label);

// The charts both reports carry (the page draws the same ones as SVG).
Chart FieldChart(const ReportFigures& figures);
Chart OutcomeChart(const ReportFigures& figures);

// ---- Helpers shared by the builders above (conference_record.cc) ----

// Bảng 1 (domain.md §7) of `rows`: STT | Người kiến nghị (họ tên, thôn) |
// Nội dung | Lĩnh vực | Phân loại | Trả lời tại hội nghị | Đơn vị được giao |
// Thời hạn | Thẩm quyền | Ghi chú. Prints only what the rows hold (CONF-02).
Table OpinionTable(const std::vector<OpinionRow>& rows);

// DLG-10: how many of one participant group attended one session: the
// desk's count when recorded, else the invitees of the group checked in.
struct GroupAttendance {
  ParticipantGroup group = ParticipantGroup::kCitizenRepresentative;
  int count = 0;
};
// The groups with a count > 0, in ParticipantGroup order.
std::vector<GroupAttendance> SessionAttendance(const Conference& conference,
                                               const ConferenceSession& session);
// The sum over every session and group.
int AttendanceTotal(const Conference& conference);

// "07 giờ 30, ngày 08 tháng 12 năm 2023" (Việt Nam time): when the session
// started / ended as recorded by the desk, else as planned (start, start +
// duration).
std::string SessionStartText(const ConferenceSession& session);
std::string SessionEndText(const ConferenceSession& session);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_RECORD_H_
