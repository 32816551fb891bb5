// BuildPlan: the Kế hoạch (KH) in the seed plan's structure. Section titles
// are the seed's verbatim (including the final "." of section III); the
// wording inside each section comes from the conference's editable fields.
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "core/conferences/conference_documents.h"
#include "core/conferences/conference_documents_internal.h"
#include "core/text/number_words.h"

namespace doithoai {

using conference_documents_internal::FormatMoney;
using conference_documents_internal::MakeHeader;
using conference_documents_internal::MakeSignature;
using conference_documents_internal::VillageNames;
using conference_documents_internal::VillageWord;
using conference_documents_internal::WithoutFinalStop;

namespace {

class PlanWriter {
 public:
  explicit PlanWriter(Document& doc) : doc_(doc) {}
  void H1(std::string text) { doc_.body.emplace_back(Heading{1, std::move(text), ""}); }
  void H2(std::string text, std::string run_in = "") {
    doc_.body.emplace_back(Heading{2, std::move(text), std::move(run_in)});
  }
  void P(std::string text) { doc_.body.emplace_back(Paragraph{std::move(text)}); }
  void Bullets(const std::vector<std::string>& items) {
    for (const std::string& item : items) doc_.body.emplace_back(Bullet{item});
  }

 private:
  Document& doc_;
};

// "12" / "2,5" (Vietnamese decimal comma).
std::string FormatQuantity(double quantity) {
  if (std::fabs(quantity - std::round(quantity)) < 1e-9) {
    return std::to_string(static_cast<long long>(std::llround(quantity)));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", quantity);
  std::string text = buf;
  while (!text.empty() && text.back() == '0') text.pop_back();
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text;
}

// III.3 "Thời gian, Địa điểm tổ chức". One session prints as the seed
// ("3.1. Thời gian: ½ ngày, ngày 08 tháng 12 năm 2023." / "3.2. Địa điểm:
// Tại …."); several sessions (DLG-03) list each with its villages.
void TimeAndVenue(PlanWriter& w, const Conference& conference, const DocumentContext& context) {
  const auto& sessions = conference.sessions;
  if (sessions.empty()) {
    w.P("3.1. Thời gian: chưa xác định.");
    w.P("3.2. Địa điểm: chưa xác định.");
    return;
  }
  if (sessions.size() == 1) {
    const ConferenceSession& s = sessions.front();
    w.P("3.1. Thời gian: " + DurationText(s) + ", " + FormatVietnameseDate(s.date) + ".");
    w.P("3.2. Địa điểm: Tại " + WithoutFinalStop(s.venue) + ".");
    return;
  }
  const std::string word = VillageWord(context.commune);
  w.P("3.1. Thời gian: Tổ chức " + std::to_string(sessions.size()) + " phiên theo cụm " + word +
      ", cụ thể:");
  std::vector<std::string> items;
  for (const ConferenceSession& s : sessions) {
    items.push_back("Phiên " + std::to_string(s.number) + " (các " + word + ": " +
                    VillageNames(s, context.villages) + "): " + DurationText(s) + ", từ " +
                    FormatClock(s.start_minute) + " " + FormatVietnameseDate(s.date) + ";");
  }
  items.back().back() = '.';
  w.Bullets(items);
  w.P("3.2. Địa điểm:");
  items.clear();
  for (const ConferenceSession& s : sessions) {
    items.push_back("Phiên " + std::to_string(s.number) + ": Tại " + WithoutFinalStop(s.venue) +
                    ";");
  }
  items.back().back() = '.';
  w.Bullets(items);
}

// IV. Kinh phí: the source sentence, then the estimate (DLG-14) when budget
// lines exist.
void Budget(PlanWriter& w, Document& doc, const Conference& conference) {
  if (!conference.budget_source.empty()) w.P(conference.budget_source);
  if (conference.budget.empty()) return;
  Table table;
  table.header = {"STT", "Nội dung", "Số tiền (đồng)"};
  table.column_widths = {1, 6, 3};
  for (std::size_t i = 0; i < conference.budget.size(); ++i) {
    const BudgetLine& line = conference.budget[i];
    std::string content = line.item;
    if (line.quantity > 0 && line.unit_price != 0) {
      content += " (" + FormatQuantity(line.quantity) + (line.unit.empty() ? "" : " " + line.unit) +
                 " × " + FormatMoney(line.unit_price) + " đồng)";
    }
    const int number = line.number > 0 ? line.number : static_cast<int>(i) + 1;
    table.rows.push_back({std::to_string(number), content, FormatMoney(line.Estimate())});
  }
  doc.body.emplace_back(std::move(table));
  const int64_t total = conference.EstimateTotal();
  w.P("Tổng cộng: " + FormatMoney(total) +
      " đồng (Bằng chữ: " + text::VietnameseAmountInWords(total) + ").");
}

}  // namespace

Document BuildPlan(const Conference& conference, const DocumentContext& context) {
  Document doc;
  doc.header = MakeHeader(conference, context, "KH");
  doc.title = "KẾ HOẠCH";
  doc.subject = conference.subject;
  PlanWriter w(doc);
  if (!conference.intro.empty()) w.P(conference.intro);

  w.H1("MỤC ĐÍCH, YÊU CẦU");
  w.Bullets(conference.objectives);

  w.H1("NGUYÊN TẮC, NỘI DUNG TIẾP XÚC, ĐỐI THOẠI");
  w.H2("Nguyên tắc tiếp xúc, đối thoại");
  w.Bullets(conference.principles);
  w.H2("Nội dung tiếp xúc, đối thoại");
  w.Bullets(conference.content_areas);

  w.H1("CÁC BƯỚC TỔ CHỨC BUỔI TIẾP XÚC, ĐỐI THOẠI VỚI NHÂN DÂN.");
  w.H2("Công tác chuẩn bị");
  w.Bullets(conference.preparation);
  w.H2("Thành phần tham dự");
  w.Bullets(conference.participants);
  w.H2("Thời gian, Địa điểm tổ chức");
  TimeAndVenue(w, conference, context);

  w.H1("KINH PHÍ THỰC HIỆN");
  Budget(w, doc, conference);

  w.H1("TỔ CHỨC THỰC HIỆN");
  for (const Assignment& assignment : conference.assignments) {
    std::string title = assignment.unit_title;
    if (!title.empty() && title.back() != ':') title += ":";
    w.H2(std::move(title), assignment.run_in);
    w.Bullets(assignment.duties);
  }
  if (!conference.closing.empty()) w.P(conference.closing);

  doc.signature = MakeSignature(conference, context);
  doc.recipients = conference.recipients;
  return doc;
}

}  // namespace doithoai
