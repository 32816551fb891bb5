// Vietnamese text handling: UTF-8 validation and NFC at the boundary (TXT-01,
// TXT-02), new-style tone placement for keys (TXT-04), diacritic-insensitive
// search keys (SRCH-01, with đ→d per TXT-03) and person-name sort keys under
// ICU `vi` collation (SORT-01/03/04/05). Pure functions, no I/O.
#include "core/text/vietnamese.h"

#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace doithoai::text {
namespace {

constexpr char kInvalidUtf8Message[] = "Dữ liệu không phải văn bản UTF-8 hợp lệ.";
constexpr char kNulMessage[] = "Văn bản chứa ký tự NUL (mã 0), không được phép.";

// Decodes the code point starting at s[*pos] and advances *pos past it.
// Returns -1 (and leaves *pos alone) on an overlong, a surrogate, a value above
// U+10FFFF, a stray continuation byte or a truncated sequence.
int32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t k = *pos;
  const unsigned char b0 = p[k];
  if (b0 < 0x80) {
    *pos = k + 1;
    return b0;
  }
  size_t len = 0;
  int32_t cp = 0;
  int32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return -1;  // continuation byte, 0xC0/0xC1 (always overlong) or 0xF5+
  }
  if (s.size() - k < len) {
    return -1;
  }
  for (size_t j = 1; j < len; ++j) {
    if ((p[k + j] & 0xC0) != 0x80) {
      return -1;
    }
    cp = (cp << 6) | (p[k + j] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return -1;
  }
  *pos = k + len;
  return cp;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// ICU takes int32_t lengths; inputs here are form fields and stored texts, far
// below 2 GiB, so clamping only guards against undefined behaviour.
icu::UnicodeString FromUtf8(std::string_view s) {
  const auto len = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), len));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// U+0300..U+036F, the block SRCH-01 strips after NFD.
bool IsCombiningDiacritic(UChar32 c) { return c >= 0x300 && c <= 0x36F; }

// The five Vietnamese tone marks in NFD: grave, acute, tilde, hook above, dot below.
bool IsToneMark(UChar32 c) {
  return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

bool IsWordChar(UChar32 c) { return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

UChar32 AsciiLower(UChar32 c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// TXT-04 on one NFD word [begin, end): when the word ends in "oa", "oe" or "uy"
// (not "quy") and the tone sits on the last vowel, the tone moves to the first
// vowel ("hoà" → "hòa", "thuỷ" → "thủy"). A final consonant ("hoàng",
// "thuyết") or a third vowel ("ngoài", "khuỷu") means the tone is already right.
void CanonicalizeWordTone(std::vector<UChar32>& cps, size_t begin, size_t end) {
  if (end - begin < 3 || !IsToneMark(cps[end - 1])) {
    return;
  }
  const UChar32 first = AsciiLower(cps[end - 3]);
  const UChar32 second = AsciiLower(cps[end - 2]);
  // In "quý", "quỷ" the u belongs to "qu"; the tone is already on the y.
  const bool after_q = end - begin >= 4 && AsciiLower(cps[end - 4]) == 'q';
  if ((first == 'o' && (second == 'a' || second == 'e')) ||
      (first == 'u' && second == 'y' && !after_q)) {
    std::swap(cps[end - 2], cps[end - 1]);  // [o, a, tone] → [o, tone, a]
  }
}

// NFC text with TXT-04 tone placement. Input may be in any normalisation form.
icu::UnicodeString CanonicalTonesIcu(const icu::UnicodeString& text) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) {
    return text;
  }
  const icu::UnicodeString decomposed = nfd->normalize(text, ec);
  std::vector<UChar32> cps(static_cast<size_t>(decomposed.countChar32()));
  decomposed.toUTF32(cps.data(), static_cast<int32_t>(cps.size()), ec);
  for (size_t i = 0; i < cps.size();) {
    if (!IsWordChar(cps[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < cps.size() && IsWordChar(cps[i])) {
      ++i;
    }
    CanonicalizeWordTone(cps, begin, i);
  }
  const icu::UnicodeString moved =
      icu::UnicodeString::fromUTF32(cps.data(), static_cast<int32_t>(cps.size()));
  icu::UnicodeString composed = nfc->normalize(moved, ec);
  return U_FAILURE(ec) ? text : composed;
}

// SRCH-01 fast path: what Fold makes of each code point of the Latin blocks
// U+0080..U+024F and U+1E00..U+1EFF (all Vietnamese letters, đ/Đ included).
// Entries are computed once by FoldWithIcu itself, so the table cannot drift
// from the reference. An entry is kept only if its output never composes with
// what precedes it under NFC, so concatenating per-character outputs equals
// folding the whole string; everything else is kSlow and sends the whole
// string to ICU.
enum FoldKind : uint8_t { kSlow, kText, kSpace };
struct FoldEntry {
  FoldKind kind = kSlow;
  uint8_t len = 0;
  char bytes[6] = {};
};
constexpr int32_t kLatinEnd = 0x250, kExtendedBegin = 0x1E00, kExtendedEnd = 0x1F00;
constexpr int32_t kLatinSize = kLatinEnd - 0x80;
using FoldTable = std::array<FoldEntry, kLatinSize + (kExtendedEnd - kExtendedBegin)>;

// Index of `c` in FoldTable, or -1 outside it.
int32_t FoldIndex(int32_t c) {
  if (c >= 0x80 && c < kLatinEnd) {
    return c - 0x80;
  }
  if (c >= kExtendedBegin && c < kExtendedEnd) {
    return kLatinSize + (c - kExtendedBegin);
  }
  return -1;
}

FoldEntry MakeFoldEntry(UChar32 c, const icu::Normalizer2& nfc) {
  FoldEntry entry;
  if (u_isUWhiteSpace(c)) {
    entry.kind = kSpace;
    return entry;
  }
  const std::string folded = internal::FoldWithIcu(ToUtf8(icu::UnicodeString(c)));
  if (folded.size() > sizeof(entry.bytes)) {
    return entry;
  }
  const icu::UnicodeString u = FromUtf8(folded);
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) {
    if (!nfc.hasBoundaryBefore(u.char32At(i))) {
      return entry;
    }
  }
  entry.kind = kText;
  entry.len = static_cast<uint8_t>(folded.size());
  std::memcpy(entry.bytes, folded.data(), folded.size());
  return entry;
}

const FoldTable& GetFoldTable() {
  static const FoldTable* const kTable = [] {
    auto* table = new FoldTable();  // all kSlow: Fold then always uses ICU
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
    for (UChar32 c = 0x80; U_SUCCESS(ec) && c < kExtendedEnd; ++c) {
      if (const int32_t index = FoldIndex(c); index >= 0) {
        (*table)[static_cast<size_t>(index)] = MakeFoldEntry(c, *nfc);
      }
    }
    return table;
  }();
  return *kTable;
}

// SORT-01: the `vi` collator at its default (tertiary) strength. Thread
// safety: the shared instance is created once (thread-safe static init) and
// never used directly; each thread collates with its own clone, so no locking
// and no reliance on ICU's guarantees for concurrent use of one object (clones
// are cheap: they share the immutable tailoring data). nullptr without ICU data.
const icu::Collator* ViCollator() {
  static const icu::Collator* const kBase = [] {
    UErrorCode ec = U_ZERO_ERROR;
    icu::Collator* collator = icu::Collator::createInstance(icu::Locale("vi"), ec);
    if (U_FAILURE(ec)) {
      delete collator;
      return static_cast<icu::Collator*>(nullptr);
    }
    return collator;
  }();
  thread_local const std::unique_ptr<icu::Collator> clone(kBase ? kBase->clone() : nullptr);
  return clone.get();
}

// The collation sort key of `s`, including ICU's trailing 0x00.
std::string SortKeyBytes(const icu::UnicodeString& s) {
  const icu::Collator* collator = ViCollator();
  if (collator == nullptr) {
    return ToUtf8(s) + '\0';  // no collation data: plain code point order
  }
  // Preflight for the length, then fill; the key ends with ICU's 0x00.
  std::string key(static_cast<size_t>(std::max(collator->getSortKey(s, nullptr, 0), 1)), '\0');
  collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  return key;
}

// Splits on Unicode White_Space; never returns empty words.
std::vector<icu::UnicodeString> SplitWords(const icu::UnicodeString& s) {
  std::vector<icu::UnicodeString> words;
  icu::UnicodeString word;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isUWhiteSpace(c)) {
      word.append(c);
    } else if (!word.isEmpty()) {
      words.push_back(std::exchange(word, icu::UnicodeString()));
    }
  }
  if (!word.isEmpty()) {
    words.push_back(word);
  }
  return words;
}

icu::UnicodeString JoinWords(const std::vector<icu::UnicodeString>& words) {
  icu::UnicodeString joined;
  for (const icu::UnicodeString& word : words) {
    if (!joined.isEmpty()) {
      joined.append(static_cast<UChar>(' '));
    }
    joined.append(word);
  }
  return joined;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
    } else if (DecodeUtf8(s, &pos) < 0) {
      return false;
    }
  }
  return true;
}

Result<std::string> ToNfc(std::string_view s) {
  if (!IsValidUtf8(s)) {
    return MakeError(ErrorCode::kInvalidArgument, kInvalidUtf8Message);
  }
  // TXT-01: U+0000 is valid UTF-8 but never text. SQLite would store it while
  // PostgreSQL refuses it, so it is refused here, at the one entry point for
  // text, and both engines behave alike (issue #9, hostile input).
  if (s.find('\0') != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidArgument, kNulMessage);
  }
  if (IsAscii(s)) {
    return std::string(s);  // TXT-02 fast path: ASCII is always NFC
  }
  if (s.size() > static_cast<size_t>(INT32_MAX)) {
    return MakeError(ErrorCode::kResourceExhausted, "Văn bản quá dài.");
  }
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
  if (U_SUCCESS(ec)) {
    nfc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr,
                       ec);
  }
  if (U_FAILURE(ec)) {
    return MakeError(ErrorCode::kInternal, "Không chuẩn hóa được văn bản Unicode.");
  }
  return out;
}

std::string CanonicalizeTones(std::string_view nfc) {
  if (IsAscii(nfc)) {
    return std::string(nfc);
  }
  return ToUtf8(CanonicalTonesIcu(FromUtf8(nfc)));
}

std::string Fold(std::string_view s) {
  // SRCH-01. TXT-04 needs no step here: it only moves tone marks, which are
  // stripped anyway ("hoà" and "hòa" both fold to "hoa").
  const FoldTable& table = GetFoldTable();
  // Each input code point yields at most 3x its bytes (table entries hold at
  // most 6 bytes for 2+ input bytes), so write into a buffer sized once.
  std::string out(s.size() * 3, '\0');
  char* const begin = out.data();
  char* dst = begin;
  bool pending_space = false;
  for (size_t pos = 0; pos < s.size();) {
    const auto byte = static_cast<unsigned char>(s[pos]);
    const char* bytes = nullptr;
    size_t len = 1;
    char lower = 0;
    if (byte < 0x80) {
      ++pos;
      if (byte == ' ' || (byte >= '\t' && byte <= '\r')) {
        pending_space = true;
        continue;
      }
      lower = static_cast<char>(AsciiLower(byte));
      bytes = &lower;
    } else {
      const int32_t c = DecodeUtf8(s, &pos);
      if (c < 0) {
        return internal::FoldWithIcu(s);  // invalid UTF-8: fold ICU's U+FFFDs
      }
      if (IsCombiningDiacritic(c)) {
        continue;  // NFD or mixed input
      }
      const int32_t index = FoldIndex(c);
      if (index < 0 || table[static_cast<size_t>(index)].kind == kSlow) {
        return internal::FoldWithIcu(s);
      }
      const FoldEntry& entry = table[static_cast<size_t>(index)];
      if (entry.kind == kSpace) {
        pending_space = true;
      }
      if (entry.kind == kSpace || entry.len == 0) {
        continue;
      }
      bytes = entry.bytes;
      len = entry.len;
    }
    if (pending_space && dst != begin) {
      *dst++ = ' ';
    }
    pending_space = false;
    std::memcpy(dst, bytes, len);
    dst += len;
  }
  out.resize(static_cast<size_t>(dst - begin));
  return out;
}

std::string GivenName(std::string_view full_name, std::string_view override_given) {
  const std::vector<icu::UnicodeString> given = SplitWords(FromUtf8(override_given));
  if (!given.empty()) {
    return ToUtf8(JoinWords(given));  // SORT-05
  }
  const std::vector<icu::UnicodeString> words = SplitWords(FromUtf8(full_name));
  return words.empty() ? std::string() : ToUtf8(words.back());
}

std::string NameSortKey(std::string_view full_name, std::string_view override_given) {
  // SORT-04: collate tone-canonical NFC text so "Hoà" and "Hòa" are one name.
  std::vector<icu::UnicodeString> rest = SplitWords(CanonicalTonesIcu(FromUtf8(full_name)));
  const std::vector<icu::UnicodeString> override_words =
      SplitWords(CanonicalTonesIcu(FromUtf8(override_given)));
  icu::UnicodeString given;
  if (!override_words.empty()) {
    // SORT-05: the given name is what the user said; the rest is the full name
    // without it when it occurs there as whole words.
    given = JoinWords(override_words);
    auto it = std::search(rest.begin(), rest.end(), override_words.begin(), override_words.end());
    if (it != rest.end()) {
      rest.erase(it, it + static_cast<std::ptrdiff_t>(override_words.size()));
    }
  } else if (!rest.empty()) {
    given = rest.back();  // SORT-03: the last word
    rest.pop_back();
  }
  // SORT-03: key(given) without its 0x00 terminator, 0x01 (below every
  // collation weight byte), then key(family + middle). memcmp then orders by
  // the given name first and breaks ties by the family and middle names.
  std::string key = SortKeyBytes(given);
  key.back() = '\x01';
  key += SortKeyBytes(JoinWords(rest));
  return key;
}

void SortNames(std::vector<std::string>& names) {
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(names.size());
  for (std::string& name : names) {
    std::string key = NameSortKey(name);
    keyed.emplace_back(std::move(key), std::move(name));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < names.size(); ++i) {
    names[i] = std::move(keyed[i].second);
  }
}

std::string HeaderKey(std::string_view nfc) {
  std::string key;
  for (char c : Fold(nfc)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key += c;
    } else if (!key.empty() && key.back() != '_') {
      key += '_';
    }
  }
  if (!key.empty() && key.back() == '_') {
    key.pop_back();
  }
  return key;
}

std::string QuoteForMessage(std::string_view value, int max_chars) {
  std::string out = "“";
  int chars = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(value[i]) & 0xC0) != 0x80;
    if (starts_char && ++chars > max_chars) {
      out += "…";
      break;
    }
    out += value[i];
  }
  return out + "”";
}

namespace internal {

std::string FoldWithIcu(std::string_view s) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) {
    return std::string(s);
  }
  // Invalid UTF-8 becomes U+FFFD here. NFD(NFC(x)) == NFD(x), so no NFC first.
  const icu::UnicodeString decomposed = nfd->normalize(FromUtf8(s), ec);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (IsCombiningDiacritic(c)) {
      continue;
    }
    if (c == 0x111 || c == 0x110) {
      c = c == 0x111 ? 'd' : 'D';  // TXT-03: đ/Đ have no decomposition
    }
    stripped.append(c);
  }
  stripped.foldCase(U_FOLD_CASE_DEFAULT);
  const icu::UnicodeString collapsed = JoinWords(SplitWords(stripped));
  // Keys are stored, so keep them NFC (TXT-01); this recomposes e.g. Hangul.
  const icu::UnicodeString composed = nfc->normalize(collapsed, ec);
  return ToUtf8(U_FAILURE(ec) ? collapsed : composed);
}

}  // namespace internal
}  // namespace doithoai::text
