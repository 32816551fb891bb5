// Micro-benchmarks (Google Benchmark) of per-request work, reported by
// bench/run.sh as ratios to BM_HealthzBody (the JSON body of /healthz), which
// runs in the same invocation: page rendering (mstch templates), the search
// fold, and rendering the seed plan as DOCX and PDF.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/documents/docx_renderer.h"
#include "adapters/documents/pdf_renderer.h"
#include "adapters/web/templates.h"
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
  state.counters["bytes"] = static_cast<double>(bytes);
}
using RenderOne = doithoai::Result<std::string> (*)(const doithoai::Document&);
BENCHMARK_CAPTURE(BM_RenderSeedPlan, Docx, static_cast<RenderOne>(&doithoai::RenderDocx));
BENCHMARK_CAPTURE(BM_RenderSeedPlan, Pdf, static_cast<RenderOne>(&doithoai::RenderPdf));

}  // namespace

BENCHMARK_MAIN();
