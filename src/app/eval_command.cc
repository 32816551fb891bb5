// `doithoai eval suggestions` (see eval_command.h).
#include "app/eval_command.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "app/suggestion_data.h"
#include "core/petitions/classification.h"
#include "core/petitions/similarity.h"
#include "core/text/vietnamese.h"

namespace doithoai::app {

namespace {

Error BadLine(size_t line, std::string_view what) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Dòng " + std::to_string(line) + ": " + std::string(what));
}

// The string value of `key`; empty when absent and not required.
Result<std::string> StringAt(const nlohmann::json& row, const char* key, size_t line,
                             bool required) {
  if (!row.contains(key) || row[key].is_null()) {
    if (required) return BadLine(line, std::string("thiếu trường \"") + key + "\".");
    return std::string();
  }
  if (!row[key].is_string()) {
    return BadLine(line, std::string("trường \"") + key + "\" phải là chuỗi.");
  }
  return row[key].get<std::string>();
}

std::string Percent(double ratio) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%5.1f%%", 100.0 * ratio);
  return buffer;
}

std::string Fixed(double value, const char* format) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

void PrintTopK(std::ostream& out, const char* name, const TopK& topk) {
  out << "  " << name << "  " << Percent(topk.Top1()) << "  " << Percent(topk.Top3()) << "  ("
      << topk.total << " mục)\n";
}

}  // namespace

Result<std::vector<EvalItem>> ParseEvalItems(std::string_view jsonl) {
  std::vector<EvalItem> items;
  const std::vector<PetitionField>& fields = DefaultPetitionFields();
  size_t line_number = 0;
  size_t start = 0;
  while (start <= jsonl.size()) {
    size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (end == jsonl.size()) break;
      continue;
    }
    const nlohmann::json row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded() || !row.is_object()) {
      return BadLine(line_number, "không phải đối tượng JSON.");
    }
    EvalItem item;
    if (row.contains("id") && row["id"].is_number_integer()) {
      item.id = std::to_string(row["id"].get<long long>());
    } else {
      ASSIGN_OR_RETURN(item.id, StringAt(row, "id", line_number, /*required=*/true));
    }
    ASSIGN_OR_RETURN(item.text, StringAt(row, "text", line_number, /*required=*/true));
    if (!text::IsValidUtf8(item.text)) return BadLine(line_number, "\"text\" không phải UTF-8.");
    ASSIGN_OR_RETURN(std::string field, StringAt(row, "field", line_number, /*required=*/true));
    Result<std::string> code = MatchField(fields, field);
    if (!code.ok()) return BadLine(line_number, code.error().message);
    item.field = std::move(code).value();
    ASSIGN_OR_RETURN(item.unit_short, StringAt(row, "unit", line_number, /*required=*/false));
    ASSIGN_OR_RETURN(item.dup_group, StringAt(row, "dup_group", line_number,
                                              /*required=*/false));
    items.push_back(std::move(item));
    if (end == jsonl.size()) break;
  }
  if (items.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tệp đánh giá không có mục nào.");
  }
  return items;
}

void PrintSuggestionEvalReport(const SuggestionEvalReport& report, std::ostream& out) {
  out << "Đánh giá gợi ý lĩnh vực, bộ phận và phát hiện đơn trùng\n";
  out << "Số mục: " << report.items << "\n\n";
  out << "Gợi ý                     top-1   top-3\n";
  out << "Ngày đầu (chỉ từ điển):\n";
  PrintTopK(out, "lĩnh vực               ", report.day_one_field);
  PrintTopK(out, "bộ phận                ", report.day_one_unit);
  out << "Có học (kiểm định chéo " << kEvalFolds << " phần, mục i thuộc phần i % " << kEvalFolds
      << "):\n";
  PrintTopK(out, "lĩnh vực               ", report.cv_field);
  PrintTopK(out, "bộ phận                ", report.cv_unit);
  const auto table = [&out](const char* title, const std::vector<DuplicateMetrics>& rows) {
    out << "\n" << title << "\n";
    out << "ngưỡng  dự đoán  đúng  thực tế  precision  recall     F1\n";
    for (const DuplicateMetrics& m : rows) {
      const bool chosen = std::abs(m.threshold - kDuplicateThreshold) < 1e-9;
      out << Fixed(m.threshold, "%6.2f") << "  " << Fixed(m.predicted_pairs, "%7.0f") << "  "
          << Fixed(m.correct_pairs, "%4.0f") << "  " << Fixed(m.true_pairs, "%7.0f") << "  "
          << Fixed(m.Precision(), "%9.3f") << "  " << Fixed(m.Recall(), "%6.3f") << "  "
          << Fixed(m.F1(), "%5.3f") << (chosen ? "  ← kDuplicateThreshold" : "") << "\n";
    }
  };
  table("Đơn trùng (cặp có độ tương đồng ≥ ngưỡng), mọi cặp", report.duplicates);
  if (!report.duplicates_dev.empty()) {
    table(
        "Nửa DEV (nhóm trùng số lẻ g01, g03…, đơn không thuộc nhóm có mã số "
        "lẻ; dùng để chỉnh)",
        report.duplicates_dev);
  }
  if (!report.duplicates_test.empty()) {
    table("Nửa TEST (phần còn lại; chỉ dùng để báo cáo)", report.duplicates_test);
  }
}

int RunEvalSuggestions(const std::string& path, std::ostream& out, std::ostream& err) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    err << "Không mở được tệp đánh giá " << path << ".\n";
    return 2;
  }
  std::ostringstream content;
  content << file.rdbuf();
  Result<std::vector<EvalItem>> items = ParseEvalItems(content.str());
  if (!items.ok()) {
    err << "Tệp đánh giá " << path << " không hợp lệ. " << items.error().message << "\n";
    return 2;
  }
  Result<FieldLexicon> lexicon = LoadFieldLexicon();
  if (!lexicon.ok()) {
    err << lexicon.error().message << "\n";
    return 2;
  }
  const SuggestionEvalReport report = EvaluateSuggestions(
      *items, *lexicon, DefaultPetitionFields(), EvalCommuneUnits(), DefaultDuplicateThresholds());
  PrintSuggestionEvalReport(report, out);
  return 0;
}

}  // namespace doithoai::app
