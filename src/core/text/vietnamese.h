// Vietnamese text handling (domain.md §6): UTF-8 validation, NFC at the
// boundary (TXT-01), canonical tone placement (TXT-04), diacritic-insensitive
// search keys with đ→d (SRCH-01) and person-name sort keys (SORT-01..05,
// ICU `vi` collation). Pure functions; thread-safe.
#ifndef DOITHOAI_CORE_TEXT_VIETNAMESE_H_
#define DOITHOAI_CORE_TEXT_VIETNAMESE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace doithoai::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool IsValidUtf8(std::string_view s);

// NFC form of `s`; kInvalidArgument (Vietnamese message) if `s` is not UTF-8
// or contains U+0000 (never text; PostgreSQL cannot store it).
Result<std::string> ToNfc(std::string_view s);

// TXT-04: moves the tone mark to the new-style position ("hoà" → "hòa",
// "Uỷ" → "Ủy", "thuỷ" → "thủy"). Input and output are NFC.
std::string CanonicalizeTones(std::string_view nfc);

// SRCH-01: the search key. NFC; canonical tones; strip marks; đ→d; lower
// case; collapse whitespace (trimmed). fold("Nguyễn Thị Đào") == "nguyen thi dao".
std::string Fold(std::string_view s);

// SORT-03: the given name (last word) of a full name; `override_given` wins
// when not empty (SORT-05).
std::string GivenName(std::string_view full_name, std::string_view override_given = "");

// SORT-03/SORT-04: a byte string whose memcmp order is "given name, then the
// family and middle names" under ICU `vi` collation of tone-canonical text.
std::string NameSortKey(std::string_view full_name, std::string_view override_given = "");

// Sorts full names in place by NameSortKey.
void SortNames(std::vector<std::string>& names);

// The key of a table header cell (the importers match columns by it): its
// Fold with every run of characters other than a–z and 0–9 as one '_', none
// at either end ("Điện thoại (*)" → "dien_thoai").
std::string HeaderKey(std::string_view nfc);

// `value` in curly quotes for a message, cut after `max_chars` code points
// with "…" (“Thôn Đông”, “Một đoạn rất dài…”).
std::string QuoteForMessage(std::string_view value, int max_chars);

namespace internal {

// SRCH-01 reference implementation of Fold done entirely with ICU. Fold uses a
// table-driven fast path and falls back to this; exposed so tests can check
// that both agree.
std::string FoldWithIcu(std::string_view s);

}  // namespace internal

}  // namespace doithoai::text

#endif  // DOITHOAI_CORE_TEXT_VIETNAMESE_H_
