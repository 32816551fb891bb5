#include "core/text/number_words.h"

#include <array>
#include <string_view>

namespace doithoai::text {
namespace {

constexpr std::array<std::string_view, 10> kDigits = {"không", "một", "hai", "ba",  "bốn",
                                                      "năm",   "sáu", "bảy", "tám", "chín"};

void Append(std::string& out, std::string_view word) {
  if (!out.empty()) {
    out += ' ';
  }
  out += word;
}

// Reads a group 0..999. `full` when a higher group precedes it: the hundreds
// digit is then always read ("không trăm") and a zero tens digit before a
// non-zero unit becomes "linh".
void AppendGroup(std::string& out, int group, bool full) {
  const int hundreds = group / 100;
  const int tens = group / 10 % 10;
  const int units = group % 10;
  const bool hundreds_read = full || hundreds > 0;
  if (hundreds_read) {
    Append(out, kDigits[hundreds]);
    Append(out, "trăm");
  }
  if (tens == 0) {
    if (units == 0) {
      return;
    }
    if (hundreds_read) {
      Append(out, "linh");
    }
    Append(out, kDigits[units]);
    return;
  }
  if (tens == 1) {
    Append(out, "mười");
    if (units == 5) {
      Append(out, "lăm");
    } else if (units != 0) {
      Append(out, kDigits[units]);
    }
    return;
  }
  Append(out, kDigits[tens]);
  Append(out, "mươi");
  switch (units) {
    case 0:
      break;
    case 1:
      Append(out, "mốt");
      break;
    case 4:
      Append(out, "tư");
      break;
    case 5:
      Append(out, "lăm");
      break;
    default:
      Append(out, kDigits[units]);
  }
}

// Reads 1..999'999'999 (groups of units, nghìn, triệu). `full` as above.
void AppendBelowBillion(std::string& out, uint64_t n, bool full) {
  static constexpr std::array<std::string_view, 3> kUnits = {"triệu", "nghìn", ""};
  static constexpr std::array<uint64_t, 3> kScales = {1'000'000, 1'000, 1};
  bool higher = full;
  for (size_t i = 0; i < kScales.size(); ++i) {
    const int group = static_cast<int>(n / kScales[i] % 1000);
    if (group == 0) {
      continue;
    }
    AppendGroup(out, group, higher);
    if (!kUnits[i].empty()) {
      Append(out, kUnits[i]);
    }
    higher = true;
  }
}

// Reads n ≥ 1: the count of tỷ is read recursively (10^12 → "một nghìn tỷ").
void AppendPositive(std::string& out, uint64_t n, bool full) {
  constexpr uint64_t kBillion = 1'000'000'000;
  if (n >= kBillion) {
    AppendPositive(out, n / kBillion, full);
    Append(out, "tỷ");
    if (n % kBillion != 0) {
      AppendBelowBillion(out, n % kBillion, /*full=*/true);
    }
    return;
  }
  AppendBelowBillion(out, n, full);
}

}  // namespace

std::string VietnameseNumberWords(int64_t n) {
  if (n == 0) {
    return std::string(kDigits[0]);
  }
  std::string out;
  uint64_t magnitude = static_cast<uint64_t>(n);
  if (n < 0) {
    out = "âm";
    magnitude = ~magnitude + 1;  // also right for INT64_MIN
  }
  AppendPositive(out, magnitude, /*full=*/false);
  return out;
}

std::string VietnameseAmountInWords(int64_t vnd) {
  std::string words = VietnameseNumberWords(vnd);
  // Every reading starts with an ASCII letter or with "â" of "âm".
  static constexpr std::string_view kSmallA = "â";
  if (words.starts_with(kSmallA)) {
    words.replace(0, kSmallA.size(), "Â");
  } else if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') {
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  }
  words += " đồng";
  return words;
}

}  // namespace doithoai::text
