// Micro-benchmarks (Google Benchmark) of per-request work, reported by
// bench/run.sh as ratios to BM_HealthzBody (the JSON body of /healthz), which
// runs in the same invocation: page rendering (mstch templates), the search
// fold, rendering the seed plan as DOCX and PDF, and the conference documents
// generated from data: the Kế hoạch and the bulk invitations (one page and
// one QR code per invitee).
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/documents/docx_renderer.h"
#include "adapters/documents/pdf_renderer.h"
#include "adapters/web/templates.h"
#include "core/conferences/conference_documents.h"
#include "core/documents/seed_plan_fixture.h"
#include "core/text/vietnamese.h"

namespace {

void BM_HealthzBody(benchmark::State& state) {
  for (auto _ : state) {
    std::string body = nlohmann::json({{"status", "ok"}}).dump();
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_HealthzBody);

nlohmann::json CommunePage() {
  nlohmann::json villages = nlohmann::json::array();
  for (int i = 1; i <= 9; ++i) villages.push_back({{"name", "Thôn " + std::to_string(i)}});
  nlohmann::json officials = nlohmann::json::array();
  for (int i = 0; i < 7; ++i) {
    officials.push_back({{"full_name", "Lê Thanh Cảnh"}, {"position", "Chủ tịch UBND xã"}});
  }
  nlohmann::json units = nlohmann::json::array();
  for (int i = 0; i < 8; ++i) units.push_back({{"name", "Tài chính – Ngân sách"}});
  return {{"title", "UBND xã Hoằng Trường"},
          {"site_name", "UBND xã Hoằng Trường"},
          {"site_subtitle", "Tiếp xúc, đối thoại với Nhân dân"},
          {"commune_slug", "hoang-truong"},
          {"committee_name", "UBND xã Hoằng Trường"},
          {"province_name", "Thanh Hóa"},
          {"address", "Hội trường"},
          {"village_count", 9},
          {"has_villages", true},
          {"villages", villages},
          {"has_units", true},
          {"units", units},
          {"has_officials", true},
          {"officials", officials}};
}

void BM_RenderCommunePage(benchmark::State& state) {
  nlohmann::json page = CommunePage();
  for (auto _ : state) {
    auto html = doithoai::web::RenderPage("commune_home", page);
    benchmark::DoNotOptimize(html);
  }
}
BENCHMARK(BM_RenderCommunePage);

void BM_FoldSentence(benchmark::State& state) {
  const std::string text = "Đường giao thông thôn Trung Thành xuống cấp, đề nghị UBND xã sửa chữa";
  for (auto _ : state) {
    std::string folded = doithoai::text::Fold(text);
    benchmark::DoNotOptimize(folded);
  }
}
BENCHMARK(BM_FoldSentence);

// The seed's Kế hoạch (sections I–V, header, signature, Nơi nhận) rendered by
// `render` (DOCX, or PDF with cairo + pango: 3 A4 pages).
template <typename Renderer>
void BM_RenderSeedPlan(benchmark::State& state, Renderer render) {
  doithoai::Document plan = doithoai::SeedPlanDocument();
  size_t bytes = 0;
  for (auto _ : state) {
    auto out = render(plan);
    bytes = out.ok() ? out->size() : 0;
    benchmark::DoNotOptimize(out);
  }
  // A label, not a counter: the CSV reporter (bench/run.sh) needs the same
  // counters in every run, and the baseline has none.
  state.SetLabel(std::to_string(bytes) + " bytes");
}
using RenderOne = doithoai::Result<std::string> (*)(const doithoai::Document&);
BENCHMARK_CAPTURE(BM_RenderSeedPlan, Docx, static_cast<RenderOne>(&doithoai::RenderDocx));
BENCHMARK_CAPTURE(BM_RenderSeedPlan, Pdf, static_cast<RenderOne>(&doithoai::RenderPdf));

// The seed's conference as the demo data holds it: Hoằng Trường, 9 villages,
// the seed's officials, one session on 08/12/2023.
struct DemoConference {
  doithoai::DocumentContext context;
  doithoai::Conference conference;
};

DemoConference MakeDemoConference() {
  DemoConference d;
  doithoai::Commune& commune = d.context.commune;
  commune.id = doithoai::CommuneId{1};
  commune.slug = "hoang-truong";
  commune.name = "Hoằng Trường";
  for (int i = 1; i <= 9; ++i) {
    d.context.villages.push_back(
        {doithoai::VillageId{i}, commune.id, "Thôn " + std::to_string(i), i});
  }
  d.context.officials = {
      {doithoai::OfficialId{1}, commune.id, "Lê Thanh Cảnh", "Chủ tịch UBND xã", {}, ""},
      {doithoai::OfficialId{2}, commune.id, "Nguyễn Văn Hùng", "Phó Chủ tịch UBND xã", {}, ""},
      {doithoai::OfficialId{3},
       commune.id,
       "Trần Thị Lan",
       "Công chức Văn phòng – Thống kê",
       {},
       ""},
      {doithoai::OfficialId{4},
       commune.id,
       "Lê Thị Hoà",
       "Công chức Tài chính – Ngân sách",
       {},
       ""}};
  const doithoai::Date plan_date = doithoai::Date::Parse("2023-11-24").value();
  d.conference = doithoai::DefaultConference(commune, d.context.villages, d.context.officials, 2023,
                                             plan_date);
  doithoai::ConferenceSession& s = d.conference.sessions.front();
  s.date = doithoai::Date::Parse("2023-12-08").value();
  s.duration_label = "½ ngày";
  s.venue = "Hội trường công sở xã Hoằng Trường";
  for (const auto& v : d.context.villages) s.villages.push_back(v.id);
  d.conference.invitees =
      doithoai::DefaultInvitees(commune, d.context.villages, d.context.officials, d.conference);
  for (auto& i : d.conference.invitees) i.token = std::string(43, 'x') + std::to_string(i.number);
  d.context.number = 5;
  d.context.issued_on = plan_date;
  d.context.public_url = "https://doithoai.example.vn/x/hoang-truong/hoi-nghi/1";
  return d;
}

// The KH built from the conference data, then rendered.
template <typename Renderer>
void BM_ConferencePlan(benchmark::State& state, Renderer render) {
  const DemoConference d = MakeDemoConference();
  size_t bytes = 0;
  for (auto _ : state) {
    auto out = render(doithoai::BuildPlan(d.conference, d.context));
    bytes = out.ok() ? out->size() : 0;
    benchmark::DoNotOptimize(out);
  }
  // A label, not a counter: the CSV reporter (bench/run.sh) needs the same
  // counters in every run, and the baseline has none.
  state.SetLabel(std::to_string(bytes) + " bytes");
}
BENCHMARK_CAPTURE(BM_ConferencePlan, Docx, static_cast<RenderOne>(&doithoai::RenderDocx));
BENCHMARK_CAPTURE(BM_ConferencePlan, Pdf, static_cast<RenderOne>(&doithoai::RenderPdf));

// All invitations of the demo conference (37, one per page, each with a QR).
using RenderMany = doithoai::Result<std::string> (*)(const std::vector<doithoai::Document>&);
template <typename Renderer>
void BM_Invitations(benchmark::State& state, Renderer render) {
  const DemoConference d = MakeDemoConference();
  size_t bytes = 0;
  for (auto _ : state) {
    auto out = render(doithoai::BuildInvitations(d.conference, d.context));
    bytes = out.ok() ? out->size() : 0;
    benchmark::DoNotOptimize(out);
  }
  state.SetLabel(std::to_string(bytes) + " bytes, " + std::to_string(d.conference.invitees.size()) +
                 " invitations");
}
BENCHMARK_CAPTURE(BM_Invitations, Docx, static_cast<RenderMany>(&doithoai::RenderDocx));
BENCHMARK_CAPTURE(BM_Invitations, Pdf, static_cast<RenderMany>(&doithoai::RenderPdf));

}  // namespace

BENCHMARK_MAIN();
