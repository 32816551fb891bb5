#include "core/petitions/tracking_code.h"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace doithoai {
namespace {

constexpr int kModulus = 29;
static_assert(kTrackingCheckAlphabet.size() == kModulus);

constexpr char kMalformedMessage[] = "Mã theo dõi không đúng định dạng, ví dụ: HT-24-0042-K.";
constexpr char kBadCheckMessage[] =
    "Mã theo dõi không đúng (ký tự kiểm tra sai). Vui lòng kiểm tra lại.";

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Value of a data character (prefix letter or year/sequence digit).
int DataValue(char c) { return IsDigit(c) ? c - '0' : 10 + (c - 'A'); }

// The prefix, year and sequence without separators: "HT240042".
std::string CompactBody(const TrackingCode& code) {
  std::string out = code.prefix;
  out += static_cast<char>('0' + code.year2 / 10);
  out += static_cast<char>('0' + code.year2 % 10);
  std::string seq = std::to_string(code.sequence);
  if (seq.size() < 4) out.append(4 - seq.size(), '0');
  out += seq;
  return out;
}

// The check character for a compact body (see the header for the scheme).
char CheckFor(std::string_view body) {
  int sum = kTrackingCheckOffset;
  for (size_t i = 0; i < body.size(); ++i) {
    sum = (sum + static_cast<int>(i + 1) * DataValue(body[i])) % kModulus;
  }
  // Solve sum + w * v ≡ 0 (mod 29) for v, with w = body.size() + 1 ≤ 28.
  const int w = static_cast<int>(body.size() + 1) % kModulus;
  assert(w != 0);
  int inverse = 1;
  while ((w * inverse) % kModulus != 1) ++inverse;
  const int v = ((kModulus - sum) % kModulus) * inverse % kModulus;
  return kTrackingCheckAlphabet[v];
}

// Look-alikes read in the check position (header: "Check alphabet").
char CanonicalCheckChar(char c) {
  switch (c) {
    case 'O':
      return '0';
    case 'I':
    case 'L':
      return '1';
    case 'Z':
      return '2';
    case 'S':
      return '5';
    case 'B':
      return '8';
    case 'U':
      return 'V';
    default:
      return c;
  }
}

// Look-alikes read in the year and sequence; 0 when `c` is no digit.
char CanonicalDigit(char c) {
  if (IsDigit(c)) return c;
  if (c == 'O') return '0';
  if (c == 'I' || c == 'L') return '1';
  return 0;
}

// Upper-case ASCII letters and digits of `text` with separators dropped and
// full-width forms folded; false when any other character is present.
// `first_group` is the number of characters before the first separator that
// follows a character (0 when there is none).
bool Clean(std::string_view text, std::string& out, size_t& first_group) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  first_group = 0;
  const auto separator = [&] {
    if (first_group == 0) first_group = out.size();
  };
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (IsUpper(c) || IsDigit(c)) {
      out += c;
      ++i;
    } else if (IsLower(c)) {
      out += static_cast<char>(c - 'a' + 'A');
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
               c == '-' || c == '.' || c == '_' || c == '/') {
      separator();
      ++i;
    } else if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC &&
               byte(i + 2) >= 0x90 && byte(i + 2) <= 0x99) {  // U+FF10..FF19 ０..９
      out += static_cast<char>('0' + (byte(i + 2) - 0x90));
      i += 3;
    } else if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC &&
               byte(i + 2) >= 0xA1 && byte(i + 2) <= 0xBA) {  // U+FF21..FF3A Ａ..Ｚ
      out += static_cast<char>('A' + (byte(i + 2) - 0xA1));
      i += 3;
    } else if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBD &&
               byte(i + 2) >= 0x81 && byte(i + 2) <= 0x9A) {  // U+FF41..FF5A ａ..ｚ
      out += static_cast<char>('A' + (byte(i + 2) - 0x81));
      i += 3;
    } else if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC &&
               byte(i + 2) == 0x8D) {  // U+FF0D full-width hyphen
      separator();
      i += 3;
    } else if (i + 2 < text.size() && byte(i) == 0xE2 && byte(i + 1) == 0x80 &&
               (byte(i + 2) == 0x93 || byte(i + 2) == 0x94)) {  // en dash, em dash
      separator();
      i += 3;
    } else if (i + 2 < text.size() && byte(i) == 0xE3 && byte(i + 1) == 0x80 &&
               byte(i + 2) == 0x80) {  // U+3000 ideographic space
      separator();
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

const char* DigitWord(char d) {
  static constexpr const char* kWords[] = {"không", "một", "hai", "ba",  "bốn",
                                           "năm",   "sáu", "bảy", "tám", "chín"};
  return kWords[d - '0'];
}

}  // namespace

std::string CommunePrefix(std::string_view slug) {
  std::string prefix;
  std::string_view first_word;  // first word that starts with a letter
  size_t start = 0;
  while (start <= slug.size()) {
    size_t end = slug.find('-', start);
    if (end == std::string_view::npos) end = slug.size();
    const std::string_view word = slug.substr(start, end - start);
    if (!word.empty() && (IsLower(word[0]) || IsUpper(word[0]))) {
      if (first_word.empty()) first_word = word;
      if (prefix.size() < 4) {
        prefix += IsLower(word[0]) ? static_cast<char>(word[0] - 'a' + 'A') : word[0];
      }
    }
    start = end + 1;
  }
  for (size_t i = 1; prefix.size() < 2 && i < first_word.size(); ++i) {
    const char c = first_word[i];
    if (IsLower(c)) prefix += static_cast<char>(c - 'a' + 'A');
    if (IsUpper(c)) prefix += c;
  }
  if (prefix.size() < 2) return "";
  return prefix;
}

Status ValidateTrackingCode(const TrackingCode& code) {
  if (code.prefix.size() < 2 || code.prefix.size() > 4) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tiền tố mã theo dõi phải có từ 2 đến 4 chữ cái.");
  }
  for (char c : code.prefix) {
    if (!IsUpper(c)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Tiền tố mã theo dõi chỉ gồm chữ cái in hoa không dấu (A–Z).");
    }
  }
  if (code.year2 < 0 || code.year2 > 99) {
    return MakeError(ErrorCode::kInvalidArgument, "Năm trong mã theo dõi phải từ 00 đến 99.");
  }
  if (code.sequence < 1 || code.sequence > kMaxTrackingSequence) {
    return MakeError(ErrorCode::kInvalidArgument, "Số thứ tự trong mã theo dõi không hợp lệ.");
  }
  return OkStatus();
}

char TrackingCheckCharacter(const TrackingCode& code) {
  assert(ValidateTrackingCode(code).ok());
  return CheckFor(CompactBody(code));
}

std::string FormatTrackingCode(const TrackingCode& code) {
  assert(ValidateTrackingCode(code).ok());
  const std::string body = CompactBody(code);
  const size_t p = code.prefix.size();
  std::string out = body.substr(0, p);
  out += '-';
  out += body.substr(p, 2);
  out += '-';
  out += body.substr(p + 2);
  out += '-';
  out += CheckFor(body);
  return out;
}

Result<TrackingCode> ParseTrackingCode(std::string_view text) {
  const Error malformed = MakeError(ErrorCode::kInvalidArgument, kMalformedMessage);
  if (text.size() > kMaxTrackingCodeInputBytes) return malformed;
  std::string compact;
  size_t first_group = 0;
  if (!Clean(text, compact, first_group)) return malformed;
  // Shortest: 2 letters, 2 year digits, 4 sequence digits, 1 check.
  if (compact.size() < 9) return malformed;
  const char check = CanonicalCheckChar(compact.back());
  const std::string_view body = std::string_view(compact).substr(0, compact.size() - 1);

  // Exactly one reading per input, so that no typo can select a second one.
  // `letters` is the leading run of letters. A first group (text before the
  // first separator) of 2..4 characters that are all letters, possibly fewer
  // than `letters` ("HT-O4-…"), is the prefix; O, I and L in the year and
  // sequence then stand for 0 and 1. A first group of letters plus one digit
  // ("HT2-4…", or "HT0-24-…" where a T was mistyped) is malformed. Otherwise
  // the prefix is the run of letters and only the sequence is corrected:
  // correcting the year too would let a swapped "ABI8…" pass as "AB81…".
  size_t letters = 0;
  while (letters < body.size() && IsUpper(body[letters])) ++letters;
  size_t p = letters;
  size_t first_corrected = letters + 2;
  if (first_group >= 2 && first_group <= 4) {
    if (first_group <= letters) {
      p = first_group;
      first_corrected = p;
    } else if (first_group == letters + 1) {
      return malformed;
    }
  }
  if (p < 2 || p > 4 || body.size() < p + 6) return malformed;
  TrackingCode code;
  code.prefix = std::string(body.substr(0, p));
  for (char c : code.prefix) {
    if (!IsUpper(c)) return malformed;
  }
  std::string digits;
  for (size_t i = p; i < body.size(); ++i) {
    const char d = i >= first_corrected ? CanonicalDigit(body[i]) : body[i];
    if (!IsDigit(d)) return malformed;
    digits += d;
  }
  const std::string_view seq = std::string_view(digits).substr(2);
  if (seq.size() > 9 || (seq.size() > 4 && seq[0] == '0')) return malformed;
  code.year2 = (digits[0] - '0') * 10 + (digits[1] - '0');
  for (char c : seq) code.sequence = code.sequence * 10 + (c - '0');
  if (!ValidateTrackingCode(code).ok()) return malformed;
  if (CheckFor(CompactBody(code)) != check) {
    return MakeError(ErrorCode::kInvalidArgument, kBadCheckMessage);
  }
  return code;
}

std::string SpokenTrackingCode(const TrackingCode& code) {
  assert(ValidateTrackingCode(code).ok());
  const std::string body = CompactBody(code);
  const size_t p = code.prefix.size();
  std::string out;
  for (size_t i = 0; i < p; ++i) {
    out += body[i];
    out += ", ";
  }
  const auto digits = [&out](std::string_view part) {
    for (size_t i = 0; i < part.size(); ++i) {
      if (i > 0) out += ' ';
      out += DigitWord(part[i]);
    }
  };
  digits(std::string_view(body).substr(p, 2));
  out += ", ";
  digits(std::string_view(body).substr(p + 2));
  out += ", ";
  const char check = CheckFor(body);
  if (IsDigit(check)) {
    out += DigitWord(check);
  } else {
    out += check;
  }
  return out;
}

}  // namespace doithoai
