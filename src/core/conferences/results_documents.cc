// After the conference: the Thông báo kết quả (DLG-12, TB-UBND, published to
// every village head per DLG-08), the Báo cáo kết quả of a conference and of
// a period (DLG-13, BC-UBND, with domain.md §7 Bảng 2) and their two charts.
// Signed as the plan (§3.8). Opinions are printed from the OpinionRows only,
// so a denouncer appears by pseudonym (CONF-02).
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/conferences/conference_documents_internal.h"
#include "core/conferences/conference_record.h"

namespace doithoai {

using conference_documents_internal::LowerFirst;
using conference_documents_internal::MakeHeader;
using conference_documents_internal::MakeSignature;
using conference_documents_internal::MeetingName;
using conference_documents_internal::UpperFirst;
using conference_documents_internal::VillageWord;
using conference_documents_internal::WithoutFinalStop;

namespace {

class Writer {
 public:
  explicit Writer(Document& doc) : doc_(doc) {}
  void H1(std::string text) { doc_.body.emplace_back(Heading{1, std::move(text), ""}); }
  void H2(std::string text, std::string run_in = "") {
    doc_.body.emplace_back(Heading{2, std::move(text), std::move(run_in)});
  }
  void P(std::string text, bool bold = false) {
    doc_.body.emplace_back(Paragraph{std::move(text), true, bold, false});
  }
  void B(std::string text) { doc_.body.emplace_back(Bullet{std::move(text)}); }
  template <typename T>
  void Add(T block) {
    doc_.body.emplace_back(std::move(block));
  }

 private:
  Document& doc_;
};

// "66,7%": one decimal, decimal comma.
std::string Percent(double rate) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(rate * 1000.0) / 10.0);
  std::string text = buf;
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text + "%";
}

// "Ông/Bà Nguyễn Văn An (Thôn 3)"; a pseudonym stands alone (CONF-02).
std::string Who(const OpinionRow& row) {
  std::string text = row.denunciation || row.speaker_name.rfind("Người tố cáo", 0) == 0
                         ? row.speaker_name
                         : "Ông/Bà " + row.speaker_name;
  if (!row.village_name.empty()) text += " (" + row.village_name + ")";
  return text;
}

// The bullets of one section, "Không có." when empty; the last ends with ".".
void Items(Writer& w, std::vector<std::string> items) {
  if (items.empty()) {
    w.P("Không có.");
    return;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    w.B(items[i] + (i + 1 == items.size() ? "." : ";"));
  }
}

// Nơi nhận of a report to the superior (FMT-41): the province since the
// two-level government of 07/2025 (domain.md §4), else the district.
std::vector<std::string> ReportRecipients(const DocumentContext& context) {
  const Date on = context.issued_on;
  const bool two_level = on.year() > 2025 || (on.year() == 2025 && on.month() >= 7);
  const std::string word(CommuneTypeWord(context.commune.type));
  return {two_level ? "- UBND tỉnh (b/c);" : "- UBND huyện (b/c);",
          "- Thường trực Đảng ủy, HĐND " + word + " (b/c);", "- UB MTTQ Việt Nam " + word + ";",
          "- Lưu: VT."};
}

// "- Trưởng thôn 1;" / "- Trưởng thôn Trung Thành;" / "- Tổ trưởng tổ dân phố 3;".
std::string VillageHead(const Village& village, const Commune& commune) {
  const std::string word = VillageWord(commune);
  const std::string head = commune.type == CommuneType::kPhuong ? "Tổ trưởng " : "Trưởng ";
  const std::string lower = LowerFirst(village.name);
  if (lower.rfind(word + " ", 0) == 0) return "- " + head + lower + ";";
  return "- " + head + word + " " + village.name + ";";
}

// DLG-13: Bảng 2 and the sentences and charts over `figures` (section
// "Kết quả" of both reports).
void Results(Writer& w, const ReportFigures& f) {
  const FieldFigures& t = f.totals;
  std::string classes;
  const char* names[4] = {"khiếu nại", "tố cáo", "kiến nghị", "phản ánh"};
  for (int i = 0; i < 4; ++i) {
    classes += (i == 0 ? "" : "; ") + std::string(names[i]) + ": " + std::to_string(f.by_class[i]);
  }
  w.P("Tổng số ý kiến, kiến nghị tiếp nhận: " + std::to_string(t.total) + " ý kiến (" + classes +
      ").");

  // Bảng 2 (domain.md §7).
  w.P("Bảng 2 – Thống kê theo lĩnh vực", true);
  Table table;
  table.header = {"Lĩnh vực",
                  "Tổng số",
                  "Trả lời tại hội nghị",
                  "Giao giải quyết sau hội nghị",
                  "Chuyển cấp trên",
                  "Đã giải quyết xong",
                  "Đang giải quyết",
                  "Quá hạn"};
  table.column_widths = {5, 2, 2, 2, 2, 2, 2, 2};
  auto row = [](const std::string& label, const FieldFigures& r) {
    return std::vector<std::string>{label,
                                    std::to_string(r.total),
                                    std::to_string(r.answered_in_room),
                                    std::to_string(r.assigned_after),
                                    std::to_string(r.forwarded),
                                    std::to_string(r.resolved),
                                    std::to_string(r.in_progress),
                                    std::to_string(r.overdue)};
  };
  for (const FieldFigures& r : f.by_field) table.rows.push_back(row(UpperFirst(r.label), r));
  table.rows.push_back(row("Tổng cộng", t));
  w.Add(std::move(table));

  w.P("Trả lời trực tiếp tại hội nghị: " + std::to_string(t.answered_in_room) +
      " ý kiến; giải quyết sau hội nghị: " + std::to_string(t.assigned_after) +
      " ý kiến; chuyển cấp trên: " + std::to_string(t.forwarded) + " ý kiến.");
  w.P("Thuộc thẩm quyền giải quyết của cấp xã: " + std::to_string(f.within_authority) +
      " ý kiến; vượt thẩm quyền, chuyển cơ quan có thẩm quyền: " + std::to_string(t.forwarded) +
      " ý kiến.");
  std::string outcome = "Tính đến ngày " + FormatDdMmYyyy(f.as_of) + ": đã giải quyết xong " +
                        std::to_string(t.resolved) + " ý kiến; đang giải quyết " +
                        std::to_string(t.in_progress) + " ý kiến; quá hạn " +
                        std::to_string(t.overdue) + " ý kiến";
  if (t.filed > 0) outcome += "; lưu đơn " + std::to_string(t.filed) + " ý kiến";
  w.P(outcome + ".");
  const std::optional<double> on_time = f.OnTimeRate();
  w.P("Tỷ lệ giải quyết đúng hạn: " +
      (on_time ? Percent(*on_time) + " (" + std::to_string(f.answered_on_time) + "/" +
                     std::to_string(f.answered_with_deadline) + " ý kiến có thời hạn)"
               : std::string("chưa có số liệu")) +
      ".");
  const std::optional<double> satisfied = f.SatisfactionRate();
  w.P("Tỷ lệ công dân hài lòng với kết quả giải quyết: " +
      (satisfied ? Percent(*satisfied) + " (" + std::to_string(f.satisfied) + "/" +
                       std::to_string(f.rated) + " ý kiến được đánh giá)"
                 : std::string("chưa có số liệu")) +
      ".");
  w.Add(FieldChart(f));
  w.Add(OutcomeChart(f));
}

// A stand-in conference for a document that has none (the period report):
// signed by the Chairman (FMT-32), as DefaultConference chooses him.
Conference CommuneSigner(const DocumentContext& context) {
  Conference conference;
  for (const Official& official : context.officials) {
    if (official.position.rfind("Chủ tịch", 0) == 0) {
      conference.chair = official.id;
      conference.signer = official.id;
      break;
    }
  }
  return conference;
}

}  // namespace

Chart FieldChart(const ReportFigures& figures) {
  Chart chart;
  chart.title = "Ý kiến, kiến nghị theo lĩnh vực";
  chart.series = {"Trả lời tại hội nghị", "Giải quyết sau hội nghị", "Chuyển cấp trên"};
  chart.values.assign(3, {});
  for (const FieldFigures& r : figures.by_field) {
    if (r.total <= 0) continue;
    chart.labels.push_back(r.label);
    chart.values[0].push_back(r.answered_in_room);
    chart.values[1].push_back(r.assigned_after);
    chart.values[2].push_back(r.forwarded);
  }
  return chart;
}

Chart OutcomeChart(const ReportFigures& figures) {
  Chart chart;
  chart.title = "Kết quả giải quyết đến ngày " + FormatDdMmYyyy(figures.as_of);
  chart.labels = {"Đã giải quyết xong", "Đang giải quyết", "Quá hạn", "Lưu đơn"};
  chart.series = {"Số ý kiến"};
  const FieldFigures& t = figures.totals;
  chart.values = {{static_cast<double>(t.resolved), static_cast<double>(t.in_progress),
                   static_cast<double>(t.overdue), static_cast<double>(t.filed)}};
  return chart;
}

Document BuildResultsNotice(const Conference& conference, const DocumentContext& context,
                            const ConferenceRecord& record) {
  Document doc;
  doc.header = MakeHeader(conference, context, "TB");
  doc.title = "THÔNG BÁO";
  const std::string meeting = MeetingName(conference);
  doc.subject = "Kết quả " + meeting;
  const std::string commune = context.commune.DisplayName();
  const std::string word(CommuneTypeWord(context.commune.type));
  Writer w(doc);

  std::string intro = "Ngày " + FormatDdMmYyyy(conference.FirstDate());
  if (conference.LastDate() != conference.FirstDate()) {
    intro += " đến ngày " + FormatDdMmYyyy(conference.LastDate());
  }
  intro += ", Ủy ban nhân dân " + commune;
  if (!conference.front_coordination.empty()) {
    intro += " phối hợp với " + conference.front_coordination;
  }
  intro += " tổ chức " + meeting + ". Tại hội nghị có " +
           std::to_string(conference.opinions.size()) + " lượt ý kiến phát biểu với " +
           std::to_string(record.rows.size()) + " nội dung ý kiến, kiến nghị. Ủy ban nhân dân " +
           word + " thông báo kết quả như sau:";
  w.P(intro);

  // DLG-12: answered in the room; assigned with unit and deadline; forwarded.
  std::vector<std::string> answered, assigned, forwarded;
  for (const OpinionRow& row : record.rows) {
    const std::string what = Who(row) + ": " + WithoutFinalStop(row.content);
    if (row.answered_in_room) {
      std::string text = what;
      if (row.denunciation) {
        text += ". Được xử lý theo quy định của pháp luật về tố cáo";
      } else if (!row.answer.empty()) {
        text += ". Trả lời";
        if (!row.answered_by.empty()) text += " (" + row.answered_by + ")";
        text += ": " + WithoutFinalStop(row.answer);
      }
      answered.push_back(std::move(text));
    } else if (row.beyond_authority) {
      forwarded.push_back(what + ". Chuyển " +
                          (row.forwarded_to.empty() ? std::string("cơ quan có thẩm quyền")
                                                    : WithoutFinalStop(row.forwarded_to)) +
                          " xem xét, giải quyết");
    } else {
      std::string text = what + ". Giao " +
                         (row.unit_name.empty() ? "Ủy ban nhân dân " + word : row.unit_name) +
                         " giải quyết";
      if (row.deadline) text += ", hạn " + FormatDdMmYyyy(*row.deadline);
      assigned.push_back(std::move(text));
    }
  }
  w.H1("CÁC Ý KIẾN, KIẾN NGHỊ ĐÃ ĐƯỢC TRẢ LỜI TẠI HỘI NGHỊ");
  Items(w, std::move(answered));
  w.H1("CÁC Ý KIẾN, KIẾN NGHỊ GIAO GIẢI QUYẾT SAU HỘI NGHỊ");
  Items(w, std::move(assigned));
  w.H1("CÁC Ý KIẾN, KIẾN NGHỊ VƯỢT THẨM QUYỀN, CHUYỂN CẤP TRÊN");
  Items(w, std::move(forwarded));
  w.P("Các đơn vị được giao có trách nhiệm giải quyết, trả lời công dân đúng thời hạn. Ủy ban "
      "nhân dân " +
      word + " thông báo để Nhân dân được biết./.");
  if (!record.rows.empty()) {
    w.P("Phụ lục: TỔNG HỢP Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ", true);
    w.Add(OpinionTable(record.rows));
  }

  doc.signature = MakeSignature(conference, context);
  doc.recipients = {"- Thường trực Đảng ủy, HĐND " + word + " (b/c);",
                    "- UB MTTQ Việt Nam " + word + ";"};
  // DLG-08: every village head receives the notice.
  for (const Village& village : context.villages) {
    doc.recipients.push_back(VillageHead(village, context.commune));
  }
  doc.recipients.push_back("- Niêm yết tại trụ sở UBND " + word + ";");
  doc.recipients.push_back("- Đài truyền thanh " + word + ";");
  doc.recipients.push_back("- Lưu: VT.");
  return doc;
}

Document BuildConferenceReport(const Conference& conference, const DocumentContext& context,
                               const ConferenceRecord& record) {
  Document doc;
  doc.header = MakeHeader(conference, context, "BC");
  doc.title = "BÁO CÁO";
  const std::string meeting = MeetingName(conference);
  doc.subject = "Kết quả tổ chức " + meeting;
  const std::string commune = context.commune.DisplayName();
  const std::string word(CommuneTypeWord(context.commune.type));
  Writer w(doc);

  w.H1("KẾT QUẢ TỔ CHỨC HỘI NGHỊ");
  std::string organiser = "Ủy ban nhân dân " + commune;
  if (!conference.front_coordination.empty()) {
    organiser += " phối hợp với " + conference.front_coordination;
  }
  if (conference.sessions.size() == 1) {
    const ConferenceSession& s = conference.sessions.front();
    w.P("Vào " + SessionStartText(s) + ", tại " + WithoutFinalStop(s.venue) + ", " + organiser +
        " đã tổ chức " + meeting + ".");
  } else if (conference.sessions.empty()) {
    w.P(UpperFirst(organiser) + " đã tổ chức " + meeting + ".");
  } else {
    w.P(UpperFirst(organiser) + " đã tổ chức " + meeting + " thành " +
        std::to_string(conference.sessions.size()) + " phiên:");
    for (std::size_t i = 0; i < conference.sessions.size(); ++i) {
      const ConferenceSession& s = conference.sessions[i];
      w.B("Phiên " + std::to_string(s.number) + ": " + SessionStartText(s) + ", tại " +
          WithoutFinalStop(s.venue) + (i + 1 == conference.sessions.size() ? "." : ";"));
    }
  }
  int speakers = 0;
  for (const Speaker& speaker : conference.speakers) {
    bool spoke = speaker.state != SpeakerState::kWaiting;
    for (const Opinion& opinion : conference.opinions) {
      spoke = spoke || opinion.speaker == speaker.number;
    }
    if (spoke) ++speakers;
  }
  w.P("Tổng số người tham dự: " + std::to_string(AttendanceTotal(conference)) + " người.");
  w.P("Có " + std::to_string(speakers) + " lượt công dân phát biểu, nêu " +
      std::to_string(conference.opinions.size()) + " ý kiến với " +
      std::to_string(record.rows.size()) + " nội dung ý kiến, kiến nghị.");

  w.H1("KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ");
  Results(w, record.figures);

  // III. Proposals: the items still open past their deadline.
  w.H1("ĐỀ XUẤT, KIẾN NGHỊ");
  std::vector<std::string> overdue;
  for (const OpinionRow& row : record.rows) {
    if (!row.open || !row.deadline || !(*row.deadline < record.figures.as_of)) continue;
    std::string text = row.code + ": " + WithoutFinalStop(row.content);
    if (!row.unit_name.empty())
      text += " (" + row.unit_name + ", hạn ";
    else
      text += " (hạn ";
    overdue.push_back(text + FormatDdMmYyyy(*row.deadline) + ")");
  }
  if (overdue.empty()) {
    w.P("Không có ý kiến, kiến nghị quá hạn giải quyết.");
  } else {
    w.P("Đề nghị các đơn vị được giao khẩn trương giải quyết dứt điểm các ý kiến, kiến nghị đã "
        "quá hạn sau:");
    Items(w, std::move(overdue));
  }
  w.P("Trên đây là báo cáo kết quả tổ chức " + meeting + " của Ủy ban nhân dân " + commune + "./.");

  doc.signature = MakeSignature(conference, context);
  doc.recipients = ReportRecipients(context);
  return doc;
}

Document BuildPeriodReport(const ReportFigures& figures, const DocumentContext& context,
                           const std::string& period_label) {
  const Conference signer = CommuneSigner(context);
  Document doc;
  doc.header = MakeHeader(signer, context, "BC");
  doc.title = "BÁO CÁO";
  doc.subject = "Kết quả tiếp nhận, giải quyết ý kiến, kiến nghị của Nhân dân " + period_label;
  const std::string commune = context.commune.DisplayName();
  Writer w(doc);

  w.P("Ủy ban nhân dân " + commune +
      " báo cáo kết quả tiếp nhận, giải quyết ý kiến, kiến nghị "
      "của Nhân dân " +
      period_label + " (từ ngày " + FormatDdMmYyyy(figures.from) + " đến ngày " +
      FormatDdMmYyyy(figures.to) + ") như sau:");
  w.H1("KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ");
  Results(w, figures);
  w.H1("ĐỀ XUẤT, KIẾN NGHỊ");
  if (figures.totals.overdue > 0) {
    w.P("Còn " + std::to_string(figures.totals.overdue) +
        " ý kiến, kiến nghị quá hạn giải quyết; đề nghị các đơn vị được giao khẩn trương giải "
        "quyết dứt điểm, trả lời công dân.");
  } else {
    w.P("Không có ý kiến, kiến nghị quá hạn giải quyết.");
  }
  w.P("Trên đây là báo cáo kết quả tiếp nhận, giải quyết ý kiến, kiến nghị của Nhân dân " +
      period_label + " của Ủy ban nhân dân " + commune + "./.");

  doc.signature = MakeSignature(signer, context);
  doc.recipients = ReportRecipients(context);
  return doc;
}

}  // namespace doithoai
