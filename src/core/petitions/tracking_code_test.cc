#include "core/petitions/tracking_code.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace doithoai {
namespace {

constexpr char kMalformed[] = "Mã theo dõi không đúng định dạng, ví dụ: HT-24-0042-K.";
constexpr char kBadCheck[] = "Mã theo dõi không đúng (ký tự kiểm tra sai). Vui lòng kiểm tra lại.";
constexpr std::string_view kAlnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// The formatted code without its dashes: "HT240042K".
std::string Compact(const TrackingCode& code) {
  std::string out;
  for (char c : FormatTrackingCode(code)) {
    if (c != '-') out += c;
  }
  return out;
}

// A deterministic sample: fixed edge cases plus codes from a fixed LCG.
std::vector<TrackingCode> SampleCodes() {
  std::vector<TrackingCode> codes;
  // Prefixes ending in a look-alike followed by an 8 in the year are where a
  // swap "ABI8" → "AB8I" would cancel out if the year were corrected.
  for (const char* prefix : {"HT", "QU", "OIL", "ZSBU", "TTBS", "AZ", "ABI", "ABCL", "HTO"}) {
    for (int year : {0, 1, 24, 80, 87, 99}) {
      for (int64_t seq : {int64_t{1}, int64_t{42}, int64_t{1001}, int64_t{9999}, int64_t{10000},
                          int64_t{123456}, kMaxTrackingSequence}) {
        codes.push_back({prefix, year, seq});
      }
    }
  }
  uint64_t state = 12345;
  const auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int i = 0; i < 300; ++i) {
    TrackingCode code;
    const size_t len = 2 + next() % 3;
    for (size_t j = 0; j < len; ++j) code.prefix += static_cast<char>('A' + next() % 26);
    code.year2 = static_cast<int>(next() % 100);
    code.sequence = 1 + static_cast<int64_t>(next() % (i % 2 == 0 ? 20000 : 999'999'999));
    codes.push_back(code);
  }
  return codes;
}

// A code whose check character is `check`, found by counting up sequences.
TrackingCode CodeWithCheck(char check, std::string prefix = "HT", int year = 24) {
  for (int64_t seq = 1;; ++seq) {
    TrackingCode code{prefix, year, seq};
    if (TrackingCheckCharacter(code) == check) return code;
  }
}

TEST(TrackingCodeTest, CheckAlphabetHasNoLookAlikes) {
  EXPECT_EQ(kTrackingCheckAlphabet.size(), 29u);
  EXPECT_EQ(std::set<char>(kTrackingCheckAlphabet.begin(), kTrackingCheckAlphabet.end()).size(),
            29u);
  for (char c : std::string_view("OILZSBU")) {
    EXPECT_EQ(kTrackingCheckAlphabet.find(c), std::string_view::npos) << c;
  }
}

TEST(TrackingCodeTest, DocumentedExampleIsValid) {
  const TrackingCode code{"HT", 24, 42};
  EXPECT_EQ(FormatTrackingCode(code), "HT-24-0042-K");
  EXPECT_EQ(TrackingCheckCharacter(code), 'K');
  EXPECT_EQ(SpokenTrackingCode(code), "H, T, hai bốn, không không bốn hai, K");
  const Result<TrackingCode> parsed = ParseTrackingCode("HT-24-0042-K");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, code);
}

TEST(TrackingCodeTest, FormatPadsAndSeparates) {
  EXPECT_EQ(FormatTrackingCode({"HT", 0, 1}).substr(0, 11), "HT-00-0001-");
  EXPECT_EQ(FormatTrackingCode({"ABC", 99, 9999}).substr(0, 12), "ABC-99-9999-");
  EXPECT_EQ(FormatTrackingCode({"ABCD", 24, 10000}).substr(0, 14), "ABCD-24-10000-");
  EXPECT_EQ(FormatTrackingCode({"HT", 24, 123456}).substr(0, 13), "HT-24-123456-");
  EXPECT_EQ(FormatTrackingCode({"HT", 24, kMaxTrackingSequence}).size(), 2u + 1 + 2 + 1 + 9 + 2);
}

TEST(TrackingCodeTest, RoundTripsInEveryTypedShape) {
  for (const TrackingCode& code : SampleCodes()) {
    const std::string formatted = FormatTrackingCode(code);
    std::string lower;
    for (char c : formatted) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    std::string spaced;
    for (char c : formatted) spaced += (c == '-') ? ' ' : c;
    for (const std::string& text :
         {formatted, lower, Compact(code), spaced, " \t" + lower + "\n"}) {
      const Result<TrackingCode> parsed = ParseTrackingCode(text);
      ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
      EXPECT_EQ(*parsed, code) << text;
    }
  }
}

TEST(TrackingCodeTest, ParsingToleratesWhatPeopleType) {
  const TrackingCode ht{"HT", 24, 42};  // HT-24-0042-K
  const TrackingCode ones = {"HT", 11, 1001};
  const std::string ones_check(1, TrackingCheckCharacter(ones));
  const TrackingCode zero_year = {"HT", 4, 42};
  const std::string zero_year_check(1, TrackingCheckCharacter(zero_year));
  const std::vector<std::pair<std::string, TrackingCode>> cases = {
      {"ht-24-0042-k", ht},
      {"  HT 24 0042 K \r\n", ht},
      {"HT240042K", ht},
      {"HT2400 42K", ht},
      {"HT.24.0042.K", ht},
      {"HT_24_0042_K", ht},
      {"HT/24/0042/K", ht},
      {"HT--24--0042--K", ht},
      {"-HT-24-0042-K-", ht},
      {"H-T-2-4-0-0-4-2-K", ht},
      {"hT 24-0042.k", ht},
      {"HT-24-OO42-K", ht},              // O for 0
      {"HT-24-0o42-K", ht},              // lower-case o for 0
      {"ＨＴ－２４－００４２－Ｋ", ht},  // full width
      {"ｈｔ24 0042ｋ", ht},             // full-width lower case
      {"HT–24–0042–K", ht},              // en dashes
      {"HT\xE3\x80\x80"
       "24 0042 K",
       ht},                                // ideographic space
      {"HT-II-I00I-" + ones_check, ones},  // I for 1
      {"HT-lL-1OOl-" + ones_check, ones},  // l/L for 1, O for 0
      {"HT24 0042K", ht},
      {"H T 2 4 0 0 4 2 K", ht},
      {"HT240O42K", ht},  // O in the sequence, no dashes
      {"HT-O4-0042-" + zero_year_check, zero_year},
  };
  for (const auto& [text, want] : cases) {
    const Result<TrackingCode> parsed = ParseTrackingCode(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, want) << text;
  }
}

TEST(TrackingCodeTest, CheckPositionReadsLookAlikesAsTheirTwins) {
  const std::vector<std::pair<char, char>> twins = {{'O', '0'}, {'I', '1'}, {'L', '1'}, {'Z', '2'},
                                                    {'S', '5'}, {'B', '8'}, {'U', 'V'}};
  for (const auto& [typed, real] : twins) {
    const TrackingCode code = CodeWithCheck(real);
    std::string text = FormatTrackingCode(code);
    ASSERT_EQ(text.back(), real);
    text.back() = typed;
    const Result<TrackingCode> parsed = ParseTrackingCode(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, code) << text;
  }
}

TEST(TrackingCodeTest, RejectsWrongCheckCharacter) {
  for (char forged : kTrackingCheckAlphabet) {
    if (forged == 'K') continue;
    const std::string text = std::string("HT-24-0042-") + forged;
    const Result<TrackingCode> parsed = ParseTrackingCode(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().message, kBadCheck) << text;
  }
  // A well-formed code with a digit typo is a check error, not a format error.
  const Result<TrackingCode> typo = ParseTrackingCode("HT-24-0043-K");
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.error().message, kBadCheck);
}

TEST(TrackingCodeTest, RejectsMalformedInput) {
  const std::string valid = "HT-24-0042-K";
  const std::vector<std::string> cases = {
      "",
      "   ",
      "-- . _",
      "HT",
      "K",
      "HT-24-K",
      "H-24-0042-K",         // 1-letter prefix
      "HTABC-24-0042-K",     // 5-letter prefix
      "24-0042-K",           // no prefix
      "HT-24-042-K",         // sequence without padding
      "HT-24-00042-K",       // extra leading zero
      "HT-24-0000-K",        // sequence 0
      "HT-24-1234567890-K",  // sequence too long
      "HT-2A-0042-K",        // letter in the year
      "HT-24-00X2-K",        // letter in the sequence
      "HT-24-0042-",         // check missing is read as a short sequence
      "HT#24-0042-K",        // unknown punctuation
      "HT-24-0042-K!",
      "HT+24-0042-K",
      "HT2-4-0042-K",  // first group of letters and one digit
      "HTO40042K",     // no dashes: the year is not corrected
      "HTI8-0042-K",
      "Mã HT-24-0042-K",  // non-ASCII text
      "HT-24-0042-Ḱ",     // accented check letter
      "HT-24-0042-\xC3",  // truncated UTF-8
      "\xFF\xFE"
      "HT240042K",                        // invalid UTF-8 bytes
      "HT-24-0042-K\xEF\xBC",             // truncated full-width form
      "HT-24-0042-K\xED\xA0\x80",         // UTF-8 encoded surrogate
      std::string("HT-24\0-0042-K", 13),  // NUL byte
      valid + std::string(29, ' '),       // 41 bytes
      std::string(1000, 'A'),
  };
  for (const std::string& text : cases) {
    const Result<TrackingCode> parsed = ParseTrackingCode(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument) << text;
    EXPECT_EQ(parsed.error().message, kMalformed) << text;
  }
  // 40 bytes is still accepted.
  EXPECT_TRUE(ParseTrackingCode(valid + std::string(28, ' ')).ok());
}

// Every single-character substitution of the formatted code (letters, digits;
// dashes fix the structure) is detected: the changed text is rejected, or it
// parses back to the same code (a recognised look-alike such as O for 0).
TEST(TrackingCodeTest, DetectsEverySingleSubstitution) {
  int rejected = 0;
  for (const TrackingCode& code : SampleCodes()) {
    const std::string original = FormatTrackingCode(code);
    std::string lower = original;
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    for (size_t i = 0; i < original.size(); ++i) {
      if (original[i] == '-') continue;
      for (char c : std::string(kAlnum) + "abcdefghijklmnopqrstuvwxyz") {
        for (const std::string& base : {original, lower}) {
          if (c == base[i]) continue;
          std::string changed = base;
          changed[i] = c;
          const Result<TrackingCode> parsed = ParseTrackingCode(changed);
          if (parsed.ok()) {
            EXPECT_EQ(*parsed, code) << original << " → " << changed;
          } else {
            ++rejected;
          }
        }
      }
    }
  }
  EXPECT_GT(rejected, 100000);
}

// Without dashes the same holds for substitutions that keep a letter a letter
// and a digit a digit (see the header for why a letter for a digit next to the
// prefix cannot always be caught there).
TEST(TrackingCodeTest, DetectsSameClassSubstitutionsWithoutDashes) {
  for (const TrackingCode& code : SampleCodes()) {
    const std::string original = Compact(code);
    const size_t p = code.prefix.size();
    for (size_t i = 0; i < original.size(); ++i) {
      const std::string_view alphabet = i < p                     ? kAlnum.substr(10)
                                        : i + 1 < original.size() ? kAlnum.substr(0, 10)
                                                                  : kAlnum;
      for (char c : alphabet) {
        if (c == original[i]) continue;
        std::string changed = original;
        changed[i] = c;
        const Result<TrackingCode> parsed = ParseTrackingCode(changed);
        if (parsed.ok()) {
          EXPECT_EQ(*parsed, code) << original << " → " << changed;
        }
      }
    }
  }
}

TEST(TrackingCodeTest, SubstitutionsWithinAnAlphabetAreAlwaysRejected) {
  // No look-alike rule applies between two digits, two prefix letters or two
  // check characters, so these must all fail.
  for (const TrackingCode& code : SampleCodes()) {
    const std::string original = Compact(code);
    const size_t p = code.prefix.size();
    for (size_t i = 0; i < original.size(); ++i) {
      const std::string_view alphabet = i < p                     ? kAlnum.substr(10)
                                        : i + 1 < original.size() ? kAlnum.substr(0, 10)
                                                                  : kTrackingCheckAlphabet;
      for (char c : alphabet) {
        if (c == original[i]) continue;
        std::string changed = original;
        changed[i] = c;
        EXPECT_FALSE(ParseTrackingCode(changed).ok()) << original << " → " << changed;
      }
    }
  }
}

TEST(TrackingCodeTest, DetectsEveryAdjacentTransposition) {
  for (const TrackingCode& code : SampleCodes()) {
    for (const std::string& original : {Compact(code), FormatTrackingCode(code)}) {
      for (size_t i = 0; i + 1 < original.size(); ++i) {
        if (original[i] == original[i + 1]) continue;
        std::string changed = original;
        std::swap(changed[i], changed[i + 1]);
        const Result<TrackingCode> parsed = ParseTrackingCode(changed);
        if (parsed.ok()) {
          // Only moving a dash may keep the code (dashes are ignored).
          EXPECT_TRUE(original[i] == '-' || original[i + 1] == '-') << original << " → " << changed;
          EXPECT_EQ(*parsed, code) << original << " → " << changed;
        }
      }
    }
  }
}

TEST(TrackingCodeTest, SpokenForm) {
  const std::string ttbs = SpokenTrackingCode({"TTBS", 99, 10000});
  EXPECT_TRUE(
      std::string_view(ttbs).starts_with("T, T, B, S, chín chín, một không không không không, "))
      << ttbs;
  const TrackingCode digit_check = CodeWithCheck('7');
  ASSERT_EQ(FormatTrackingCode(digit_check).back(), '7');
  EXPECT_TRUE(std::string_view(SpokenTrackingCode(digit_check)).ends_with(", bảy"))
      << SpokenTrackingCode(digit_check);
  const TrackingCode letter_check = CodeWithCheck('Y', "QU", 0);
  const std::string seq = FormatTrackingCode(letter_check).substr(6, 4);
  const char* kWords[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
  std::string seq_words;
  for (char c : seq) seq_words += std::string(seq_words.empty() ? "" : " ") + kWords[c - '0'];
  EXPECT_EQ(SpokenTrackingCode(letter_check), "Q, U, không không, " + seq_words + ", Y");
  const TrackingCode six_digits{"HT", 0, 123456};
  EXPECT_EQ(SpokenTrackingCode(six_digits),
            std::string("H, T, không không, một hai ba bốn năm sáu, ") +
                FormatTrackingCode(six_digits).back());
}

TEST(TrackingCodeTest, ValidateRejectsOutOfRangeFields) {
  EXPECT_TRUE(ValidateTrackingCode({"HT", 24, 42}).ok());
  EXPECT_TRUE(ValidateTrackingCode({"ABCD", 0, kMaxTrackingSequence}).ok());
  for (const TrackingCode& bad : std::vector<TrackingCode>{{"H", 24, 42},
                                                           {"ABCDE", 24, 42},
                                                           {"ht", 24, 42},
                                                           {"H1", 24, 42},
                                                           {"", 24, 42},
                                                           {"HT", -1, 42},
                                                           {"HT", 100, 42},
                                                           {"HT", 24, 0},
                                                           {"HT", 24, -5},
                                                           {"HT", 24, kMaxTrackingSequence + 1}}) {
    const Status status = ValidateTrackingCode(bad);
    ASSERT_FALSE(status.ok()) << bad.prefix << " " << bad.year2 << " " << bad.sequence;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(status.error().message.empty());
  }
}

TEST(CommunePrefixTest, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"hoang-truong", "HT"},
      {"hai-trung", "HT"},  // prefixes are not unique
      {"thi-tran-but-son", "TTBS"},
      {"a-b-c-d-e", "ABCD"},  // at most 4
      {"quangtri", "QU"},     // one word: padded with its second letter
      {"x", ""},              // cannot make 2 letters
      {"xy", "XY"},
      {"phuong-1", "PH"},  // digit words add nothing
      {"1-phuong", "PH"},
      {"phuong-12-ba-dinh", "PBD"},
      {"a-7", ""},
      {"7", ""},
      {"", ""},
      {"-", ""},
      {"Hoang-Truong", "HT"},
      {"hoang--truong", "HT"},
      {"-hoang-", "HO"},
      {"dac-khu-con-dao", "DKCD"},
  };
  for (const auto& [slug, want] : cases) {
    EXPECT_EQ(CommunePrefix(slug), want) << slug;
    if (!want.empty()) {
      EXPECT_TRUE(ValidateTrackingCode({CommunePrefix(slug), 24, 1}).ok()) << slug;
    }
  }
}

}  // namespace
}  // namespace doithoai
