// Numbering, validation and plain-text export for the Decree 30 document
// model (see document.h).
#include "core/documents/document.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

namespace doithoai {
namespace {

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      return false;
    }
  }
  return true;
}

// Appends `text` as one output line (no trailing newline handling in text).
void AddLine(std::string& out, std::string_view text) {
  out.append(text);
  out.push_back('\n');
}

// A chart value for text: "3", "1.500" (thousands grouped with '.'), "2,5"
// (at most two decimals after ','), as the chart itself prints them.
std::string ChartValueText(double value) {
  if (!std::isfinite(value)) return "0";
  const long long hundredths = std::llround(std::fabs(value) * 100);
  const std::string digits = std::to_string(hundredths / 100);
  std::string out = value < 0 && hundredths != 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  if (const long long fraction = hundredths % 100; fraction != 0) {
    out += ',';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
  }
  return out;
}

// The problem with a chart's data, or "" when it can be drawn as given.
std::string ChartProblem(const Chart& chart) {
  bool sized = chart.values.size() == chart.series.size();
  for (const auto& row : chart.values) sized = sized && row.size() == chart.labels.size();
  if (!sized) return "Biểu đồ có số liệu không khớp với số nhóm cột và số loại cột.";
  for (const auto& row : chart.values) {
    for (double value : row) {
      if (!std::isfinite(value) || value < 0) return "Số liệu của biểu đồ phải là số không âm.";
    }
  }
  return "";
}

void AddSignature(std::string& out, const SignatureBlock& signature) {
  for (std::string_view line :
       {std::string_view(signature.authority), std::string_view(signature.position),
        std::string_view(signature.signer_name)}) {
    if (!line.empty()) {
      AddLine(out, line);
    }
  }
}

}  // namespace

std::string RomanNumeral(int value) {
  if (value < 1 || value > 3999) {
    return "";
  }
  static constexpr std::array<std::pair<int, const char*>, 13> kTable = {{
      {1000, "M"},
      {900, "CM"},
      {500, "D"},
      {400, "CD"},
      {100, "C"},
      {90, "XC"},
      {50, "L"},
      {40, "XL"},
      {10, "X"},
      {9, "IX"},
      {5, "V"},
      {4, "IV"},
      {1, "I"},
  }};
  std::string out;
  for (const auto& [amount, symbol] : kTable) {
    while (value >= amount) {
      out += symbol;
      value -= amount;
    }
  }
  return out;
}

std::string VietnameseLetter(int index) {
  // FMT-24: a, b, c, d, đ, e, g, h, i, k, … (the Vietnamese alphabet without
  // the vowels with diacritics).
  static constexpr std::array<const char*, 23> kLetters = {"a", "b", "c", "d", "đ", "e", "g", "h",
                                                           "i", "k", "l", "m", "n", "o", "p", "q",
                                                           "r", "s", "t", "u", "v", "x", "y"};
  if (index < 1 || index > static_cast<int>(kLetters.size())) {
    return "";
  }
  return kLetters[static_cast<std::size_t>(index - 1)];
}

std::vector<std::string> HeadingNumbers(const std::vector<Block>& body) {
  std::vector<std::string> labels;
  labels.reserve(body.size());
  int muc = 0;
  int khoan = 0;
  int diem = 0;
  for (const Block& block : body) {
    const auto* heading = std::get_if<Heading>(&block);
    if (heading == nullptr) {
      labels.emplace_back();
      continue;
    }
    switch (heading->level) {
      case 1:
        ++muc;
        khoan = 0;
        diem = 0;
        labels.push_back(RomanNumeral(muc) + ".");
        break;
      case 2:
        ++khoan;
        diem = 0;
        labels.push_back(std::to_string(khoan) + ".");
        break;
      case 3:
        ++diem;
        labels.push_back(VietnameseLetter(diem) + ")");
        break;
      default:
        labels.emplace_back();  // rejected by Validate
        break;
    }
  }
  return labels;
}

Status Validate(const Document& doc) {
  std::vector<FieldError> fields;
  if (IsBlank(doc.header.issuing_body)) {
    fields.push_back({"issuing_body", "Chưa nhập tên cơ quan, tổ chức ban hành văn bản."});
  }
  if (IsBlank(doc.title)) {
    fields.push_back({"title", "Chưa nhập tên loại văn bản."});
  }
  if (IsBlank(doc.signature.signer_name)) {
    fields.push_back({"signer_name", "Chưa nhập họ tên người ký."});
  }
  // Mẫu 1.9 (DLG-10): the THƯ KÝ signing on the left is named too.
  if (doc.left_signature && IsBlank(doc.left_signature->signer_name)) {
    fields.push_back({"signer_name", "Chưa nhập họ tên người ký bên trái (thư ký)."});
  }
  if (doc.recipients.empty()) {
    fields.push_back({"recipients", "Chưa nhập nơi nhận văn bản."});
  }
  for (const Block& block : doc.body) {
    if (const auto* heading = std::get_if<Heading>(&block)) {
      if (heading->level < 1 || heading->level > 3) {
        fields.push_back({"body", "Cấp đề mục phải từ 1 đến 3."});
        break;
      }
    } else if (const auto* table = std::get_if<Table>(&block)) {
      bool ragged = table->header.empty();
      for (const auto& row : table->rows) {
        ragged = ragged || row.size() != table->header.size();
      }
      if (!table->column_widths.empty() && table->column_widths.size() != table->header.size()) {
        ragged = true;
      }
      for (int width : table->column_widths) {
        ragged = ragged || width <= 0;
      }
      if (ragged) {
        fields.push_back({"body", "Bảng có số cột không khớp với dòng tiêu đề."});
        break;
      }
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
      if (std::string problem = ChartProblem(*chart); !problem.empty()) {
        fields.push_back({"body", std::move(problem)});
        break;
      }
    }
  }
  if (fields.empty()) {
    return OkStatus();
  }
  Error error = MakeError(ErrorCode::kInvalidArgument, "Văn bản chưa đủ thông tin bắt buộc.");
  error.fields = std::move(fields);
  return error;
}

std::string PlainText(const Document& doc) {
  std::string out;
  const DocumentHeader& header = doc.header;
  for (std::string_view line :
       {std::string_view(header.parent_body), std::string_view(header.issuing_body),
        std::string_view(header.number)}) {
    if (!line.empty()) {
      AddLine(out, line);
    }
  }
  AddLine(out, kQuocHieu);
  AddLine(out, kTieuNgu);
  if (!header.place_date.empty()) {
    AddLine(out, header.place_date);
  }
  AddLine(out, doc.title);
  if (!doc.subject.empty()) {
    AddLine(out, doc.subject);
  }
  const std::vector<std::string> numbers = HeadingNumbers(doc.body);
  for (std::size_t i = 0; i < doc.body.size(); ++i) {
    const Block& block = doc.body[i];
    if (const auto* heading = std::get_if<Heading>(&block)) {
      std::string line = numbers[i].empty() ? heading->text : numbers[i] + " " + heading->text;
      if (!heading->run_in.empty()) {
        line += " " + heading->run_in;
      }
      AddLine(out, line);
    } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      AddLine(out, paragraph->text);
    } else if (const auto* bullet = std::get_if<Bullet>(&block)) {
      AddLine(out, "- " + bullet->text);
    } else if (const auto* table = std::get_if<Table>(&block)) {
      auto add_row = [&out](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
          line += (c == 0 ? "" : " | ") + cells[c];
        }
        AddLine(out, line);
      };
      add_row(table->header);
      for (const auto& row : table->rows) {
        add_row(row);
      }
    } else if (const auto* qr = std::get_if<QrCode>(&block)) {
      if (!qr->caption.empty()) AddLine(out, qr->caption);
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
      // "Đất đai – môi trường: 3 | 1": one line per label, values in series order.
      if (!chart->title.empty()) AddLine(out, chart->title);
      for (std::size_t l = 0; l < chart->labels.size(); ++l) {
        std::string line = chart->labels[l] + ":";
        for (std::size_t s = 0; s < chart->series.size(); ++s) {
          const bool present = s < chart->values.size() && l < chart->values[s].size();
          line += (s == 0 ? " " : " | ") + ChartValueText(present ? chart->values[s][l] : 0);
        }
        AddLine(out, line);
      }
    }
  }
  AddLine(out, kNoiNhanLabel);
  for (const std::string& line : doc.recipients) {
    AddLine(out, line);
  }
  if (doc.left_signature) {
    AddSignature(out, *doc.left_signature);  // Mẫu 1.9: THƯ KÝ, left
  }
  AddSignature(out, doc.signature);
  return out;
}

std::vector<double> ColumnFractions(const Table& table) {
  std::vector<int> weights = table.column_widths;
  if (weights.size() != table.header.size()) {
    weights.assign(table.header.size(), 1);
  }
  double total = 0;
  for (int w : weights) {
    total += std::max(w, 1);
  }
  std::vector<double> fractions;
  for (int w : weights) {
    fractions.push_back(std::max(w, 1) / std::max(total, 1.0));
  }
  return fractions;
}

}  // namespace doithoai
