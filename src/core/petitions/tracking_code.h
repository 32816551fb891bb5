// Petition tracking codes (domain.md FB-01): issued at intake, typed by
// citizens on cheap phones and read aloud over the telephone.
//
// Canonical form: "HT-24-0042-K" =
//   prefix    2..4 upper-case ASCII letters naming the commune (CommunePrefix),
//   year2     two digits (2024 → "24"),
//   sequence  1..kMaxTrackingSequence, at least 4 digits, zero-padded to 4
//             (10000 → "10000"; never extra leading zeros),
//   check     one character of kTrackingCheckAlphabet.
//
// Check character. Let s = prefix + year + sequence + check (the "compact"
// form, no dashes) and give each character a value: digits 0..9 → 0..9,
// letters A..Z → 10..35 in data positions, and the check character its index
// in kTrackingCheckAlphabet (so digit characters keep their value). The check
// is chosen so that
//     kTrackingCheckOffset + Σ (i+1)·value(s[i])  ≡ 0  (mod 29).
// 29 is prime, every weight 1..16 is non-zero mod 29, consecutive weights
// differ by 1, and two different characters of one kind (26 letters, or 10
// digits, or 29 check characters) never share a value mod 29. A weighted
// mod-prime sum like ISBN-10; Luhn mod N was not used because it misses the
// transposition of the 0th and (N-1)th symbols (as Luhn mod 10 misses 09/90).
// Guarantees, tested exhaustively on a sample of codes ("detected" = the text
// is rejected, or parses back to the same code because only a recognised
// look-alike such as O for 0 was typed):
//  * in the formatted code, EVERY single-character substitution and EVERY
//    adjacent transposition (the dashes fix where the prefix ends);
//  * typed without separators, every adjacent transposition, and every
//    substitution of a letter by a letter or a digit by a digit (or any
//    change of the check character). A letter typed for the digit right
//    after the prefix ("HTT41234…" for "HT041234…") changes where the prefix
//    ends; no single check character from a look-alike-free alphabet can
//    catch all of those (36 characters, fewer than 36 check values).
// kTrackingCheckOffset is a fixed constant chosen so that the example shown
// to citizens, "HT-24-0042-K", is itself a valid code.
//
// Check alphabet: 0-9 and the letters without look-alikes. Left out: O (0),
// I and L (1), Z (2), S (5), B (8), U (V). When typed in the check position
// those are read as their twin: O→0, I/L→1, Z→2, S→5, B→8, U→V.
//
// This module is pure (no I/O, clock or randomness).
#ifndef DOITHOAI_CORE_PETITIONS_TRACKING_CODE_H_
#define DOITHOAI_CORE_PETITIONS_TRACKING_CODE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai {

// The 29 characters a check character may be (index = check value).
inline constexpr std::string_view kTrackingCheckAlphabet = "0123456789ACDEFGHJKMNPQRTVWXY";
inline constexpr int kTrackingCheckOffset = 16;
inline constexpr int64_t kMaxTrackingSequence = 999'999'999;
// Longer input (in bytes, before any clean-up) is rejected as malformed.
inline constexpr size_t kMaxTrackingCodeInputBytes = 40;

struct TrackingCode {
  std::string prefix;    // 2..4 of 'A'..'Z'
  int year2 = 0;         // 0..99
  int64_t sequence = 0;  // 1..kMaxTrackingSequence
  bool operator==(const TrackingCode&) const = default;
};

// The prefix for a commune slug (commune.h: lower-case ASCII letters, digits,
// single hyphens): the first letter of each hyphen-separated word, upper case,
// at most 4 ("hoang-truong" → "HT", "thi-tran-but-son" → "TTBS",
// "a-b-c-d-e" → "ABCD"). Prefixes are letters only, so that a prefix can never
// be confused with the year that follows it: a word that starts with a digit
// adds nothing ("phuong-1" → "PH" after padding). When fewer than 2 letters
// result, the letters after the first one of the first word that starts with
// a letter are appended ("quangtri" → "QU"; "x-7" → ""). Returns "" when the
// slug has no 2 usable letters. Prefixes are NOT unique ("hoang-truong" and
// "hai-trung" both give "HT"); whoever stores them must check uniqueness.
std::string CommunePrefix(std::string_view slug);

// OK, or kInvalidArgument (Vietnamese message) when a field is out of range.
Status ValidateTrackingCode(const TrackingCode& code);

// The check character of a valid code.
char TrackingCheckCharacter(const TrackingCode& code);

// "HT-24-0042-K". Precondition: ValidateTrackingCode(code).ok() (asserted).
std::string FormatTrackingCode(const TrackingCode& code);

// Parses what people type. Tolerated: lower case; surrounding or inner
// whitespace; missing or extra separators (space, tab, newline, '-', '.', '_',
// '/', en/em dash, full-width hyphen, ideographic space); full-width digits
// and letters; O for 0 and I/L for 1 in the sequence, and in the year too when
// a separator follows the prefix ("HT-O4-…"); in the check position the
// look-alikes listed above. The prefix is the text before the first separator
// when that is 2..4 letters, else the leading run of letters. Not tolerated: a
// sequence without its zero padding or with extra leading zeros, a first group
// of letters plus one digit ("HT2-4-…"), more than 40 bytes of input.
// Errors (kInvalidArgument):
//   "Mã theo dõi không đúng định dạng, ví dụ: HT-24-0042-K."   malformed
//   "Mã theo dõi không đúng (ký tự kiểm tra sai). Vui lòng kiểm tra lại."
//                                                    well-formed, bad check
// Never throws.
Result<TrackingCode> ParseTrackingCode(std::string_view text);

// How staff read a code aloud: parts separated by ", ", letters as the
// upper-case letters themselves, each digit as its Vietnamese word
// (không, một, hai, ba, bốn, năm, sáu, bảy, tám, chín), digits of one part
// separated by spaces. "HT-24-0042-K" → "H, T, hai bốn, không không bốn hai, K";
// a digit check character is read as its word: "…, bảy". Output is NFC.
// Precondition as for FormatTrackingCode.
std::string SpokenTrackingCode(const TrackingCode& code);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_TRACKING_CODE_H_
