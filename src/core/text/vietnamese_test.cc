// Tests for Vietnamese text handling: UTF-8 validation, NFC (TXT-01/02), tone
// placement (TXT-04), search folding (SRCH-01, TXT-03) and name sorting
// (SORT-01/03/04/05).
#include "core/text/vietnamese.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace doithoai::text {
namespace {

// UTF-8 encoding of one code point (test helper; `cp` must be a scalar value).
std::string Utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// --- IsValidUtf8 ---

TEST(IsValidUtf8Test, AcceptsAsciiAndMultiByteText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("hello"));
  EXPECT_TRUE(IsValidUtf8("Nguyễn Thị Đào"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last scalar
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000, just after surrogates
}

TEST(IsValidUtf8Test, RejectsOverlongEncodings) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));
}

TEST(IsValidUtf8Test, RejectsSurrogates) {
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));  // U+DFFF
}

TEST(IsValidUtf8Test, RejectsTruncatedSequences) {
  EXPECT_FALSE(IsValidUtf8("\xE1\xBA"));
  EXPECT_FALSE(IsValidUtf8("ab\xC3"));
  EXPECT_FALSE(
      IsValidUtf8("\xE1\xBA"
                  "a"));
}

TEST(IsValidUtf8Test, RejectsCodePointsAboveU10FFFF) {
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
}

TEST(IsValidUtf8Test, RejectsStrayContinuationBytes) {
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("a\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

// --- ToNfc (TXT-01, TXT-02) ---

TEST(ToNfcTest, ReturnsAsciiUnchanged) {
  Result<std::string> nfc = ToNfc("Hello, world 123");
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(*nfc, "Hello, world 123");
}

TEST(ToNfcTest, RefusesNulInAsciiAndInVietnameseText) {
  // TXT-01 / issue #9: U+0000 is refused on every engine, wherever it stands.
  for (std::string_view s : {std::string_view("Th\0n 6", 6), std::string_view("Thon\0", 5),
                             std::string_view("\0", 1), std::string_view("Th\xC3\xB4n\0 6", 8)}) {
    Result<std::string> nfc = ToNfc(s);
    ASSERT_FALSE(nfc.ok()) << s.size();
    EXPECT_EQ(nfc.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(nfc.error().message.find("NUL"), std::string::npos);
  }
}

TEST(ToNfcTest, ComposesNfdInput) {
  // TXT-02: e + dot below + circumflex → U+1EC7 ệ.
  Result<std::string> nfc = ToNfc("e\xCC\xA3\xCC\x82");
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(*nfc, "\xE1\xBB\x87");
}

TEST(ToNfcTest, ComposesNfdInputWithMarksInEitherOrder) {
  // TXT-02: e + circumflex + dot below is canonically the same letter.
  Result<std::string> nfc = ToNfc("e\xCC\x82\xCC\xA3");
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(*nfc, "\xE1\xBB\x87");
}

TEST(ToNfcTest, ComposesMixedFormInput) {
  // TXT-02: precomposed ê (U+00EA) + combining dot below → ệ.
  Result<std::string> nfc = ToNfc("\xC3\xAA\xCC\xA3");
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(*nfc, "ệ");
}

TEST(ToNfcTest, KeepsNfcInputUnchanged) {
  Result<std::string> nfc = ToNfc("Nguyễn Thị Đào, Uỷ ban nhân dân");
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(*nfc, "Nguyễn Thị Đào, Uỷ ban nhân dân");
}

TEST(ToNfcTest, RejectsInvalidUtf8WithVietnameseMessage) {
  Result<std::string> nfc = ToNfc("ab\xC0\xAF");
  ASSERT_FALSE(nfc.ok());
  EXPECT_EQ(nfc.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(nfc.error().message, "Dữ liệu không phải văn bản UTF-8 hợp lệ.");
  EXPECT_FALSE(ToNfc("\xED\xA0\x80").ok());
  EXPECT_FALSE(ToNfc("\xE1\xBA").ok());
}

// --- CanonicalizeTones (TXT-04) ---

TEST(CanonicalizeTonesTest, MovesToneFromOaToFirstVowel) {
  EXPECT_EQ(CanonicalizeTones("hoà"), "hòa");
  EXPECT_EQ(CanonicalizeTones("hoá"), "hóa");
  EXPECT_EQ(CanonicalizeTones("Thanh Hoá"), "Thanh Hóa");
}

TEST(CanonicalizeTonesTest, MovesToneFromUyToFirstVowel) {
  EXPECT_EQ(CanonicalizeTones("Uỷ ban"), "Ủy ban");
  EXPECT_EQ(CanonicalizeTones("thuỷ lợi"), "thủy lợi");
  EXPECT_EQ(CanonicalizeTones("tuỳ"), "tùy");
}

TEST(CanonicalizeTonesTest, MovesToneFromOeToFirstVowel) {
  EXPECT_EQ(CanonicalizeTones("khoẻ"), "khỏe");
}

TEST(CanonicalizeTonesTest, PreservesUpperCase) {
  EXPECT_EQ(CanonicalizeTones("HOÀ"), "HÒA");
  EXPECT_EQ(CanonicalizeTones("UỶ BAN"), "ỦY BAN");
}

TEST(CanonicalizeTonesTest, KeepsNewStyleUnchanged) {
  EXPECT_EQ(CanonicalizeTones("hòa"), "hòa");
  EXPECT_EQ(CanonicalizeTones("Ủy ban"), "Ủy ban");
  EXPECT_EQ(CanonicalizeTones("khỏe"), "khỏe");
}

TEST(CanonicalizeTonesTest, KeepsToneBeforeFinalConsonant) {
  EXPECT_EQ(CanonicalizeTones("hoàng"), "hoàng");
  EXPECT_EQ(CanonicalizeTones("toán"), "toán");
  EXPECT_EQ(CanonicalizeTones("thuyết"), "thuyết");
  EXPECT_EQ(CanonicalizeTones("khuyến"), "khuyến");
}

TEST(CanonicalizeTonesTest, KeepsToneInThreeVowelClusters) {
  EXPECT_EQ(CanonicalizeTones("ngoài"), "ngoài");
  EXPECT_EQ(CanonicalizeTones("khuỷu"), "khuỷu");
}

TEST(CanonicalizeTonesTest, KeepsQuyUnchanged) {
  EXPECT_EQ(CanonicalizeTones("quý"), "quý");
  EXPECT_EQ(CanonicalizeTones("Quỳnh"), "Quỳnh");
  EXPECT_EQ(CanonicalizeTones("QUỶ"), "QUỶ");
}

TEST(CanonicalizeTonesTest, HandlesNfdInputAndReturnsNfc) {
  // "hoa" + combining grave on the a (NFD "hoà").
  EXPECT_EQ(CanonicalizeTones("hoa\xCC\x80"), "hòa");
  // "thuy" + combining hook above (NFD "thuỷ").
  EXPECT_EQ(CanonicalizeTones("thuy\xCC\x89"), "thủy");
}

TEST(CanonicalizeTonesTest, CanonicalisesEveryWordAndKeepsPunctuation) {
  EXPECT_EQ(CanonicalizeTones("Hoà bình, hoà hợp; sức khoẻ!"), "Hòa bình, hòa hợp; sức khỏe!");
}

TEST(CanonicalizeTonesTest, ReturnsAsciiUnchanged) {
  EXPECT_EQ(CanonicalizeTones("hoa  quy\t"), "hoa  quy\t");
}

// --- Fold (SRCH-01, TXT-03) ---

TEST(FoldTest, StripsDiacriticsAndLowerCases) {
  EXPECT_EQ(Fold("Nguyễn Thị Đào"), "nguyen thi dao");
  EXPECT_EQ(Fold("HOẰNG TRƯỜNG"), "hoang truong");
}

TEST(FoldTest, MapsDStrokeToD) {
  // TXT-03: đ and Đ have no decomposition, so they need an explicit mapping.
  EXPECT_EQ(Fold("đ"), "d");
  EXPECT_EQ(Fold("Đ"), "d");
  EXPECT_EQ(Fold("Đỗ Đức"), "do duc");
}

TEST(FoldTest, IgnoresTonePlacementStyle) {
  // TXT-04 + SRCH-01: old and new style fold to the same key.
  EXPECT_EQ(Fold("Ủy ban"), "uy ban");
  EXPECT_EQ(Fold("Uỷ ban"), "uy ban");
  EXPECT_EQ(Fold("hoà"), Fold("hòa"));
  EXPECT_EQ(Fold("khoẻ"), Fold("khỏe"));
  EXPECT_EQ(Fold("thuỷ"), Fold("thủy"));
}

TEST(FoldTest, FoldsNfdInputLikeNfcInput) {
  // TXT-02: NFD "Nguyễn Thị Đào".
  const std::string nfd =
      "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 \xC4\x90"
      "a\xCC\x80o";
  EXPECT_EQ(Fold(nfd), Fold("Nguyễn Thị Đào"));
  EXPECT_EQ(Fold("\xC3\xAA\xCC\xA3"), Fold("ệ"));  // mixed form
}

TEST(FoldTest, CollapsesAndTrimsWhitespace) {
  EXPECT_EQ(Fold("  Đường   làng\t\n"), "duong lang");
  EXPECT_EQ(Fold("a\xC2\xA0\xC2\xA0"
                 "b"),
            "a b");  // no-break spaces
  EXPECT_EQ(Fold("a\xE3\x80\x80"
                 "b"),
            "a b");  // ideographic space (ICU path)
  EXPECT_EQ(Fold(" \t\n "), "");
  EXPECT_EQ(Fold(""), "");
}

TEST(FoldTest, KeepsPunctuationAndDigits) {
  EXPECT_EQ(Fold("Số 12/3, Ấp Bắc!"), "so 12/3, ap bac!");
}

TEST(FoldTest, UsesFullCaseFoldingOutsideVietnamese) {
  EXPECT_EQ(Fold("Straße"), "strasse");
  EXPECT_EQ(Fold("ΣΊΣΥΦΟΣ"), "σισυφοσ");  // ICU fallback: Greek
  EXPECT_EQ(Fold("Москва́"), "москва");    // ICU fallback: Cyrillic with a stress mark
}

TEST(FoldTest, KeepsNonLatinScriptsComposed) {
  EXPECT_EQ(Fold("한국"), "한국");  // Hangul stays composed (NFC key)
  EXPECT_EQ(Fold("Hà Nội 河内"), "ha noi 河内");
}

TEST(FoldTest, DoesNotCrashOnInvalidUtf8) {
  EXPECT_EQ(Fold("Đ\xC0\xAF"
                 "a"),
            "d\xEF\xBF\xBD\xEF\xBF\xBD"
            "a");  // U+FFFD each
  EXPECT_EQ(Fold("\xE1\xBA"), "\xEF\xBF\xBD");
  EXPECT_FALSE(Fold("x\xED\xA0\x80y").empty());
}

TEST(FoldTest, FastPathMatchesIcuForEveryTableCodePoint) {
  // The table-driven fast path must agree with the ICU reference, alone and
  // next to NFD marks, spaces and ASCII.
  std::vector<char32_t> cps;
  for (char32_t c = 0; c < 0x250; ++c) {
    cps.push_back(c);
  }
  for (char32_t c = 0x1E00; c < 0x1F00; ++c) {
    cps.push_back(c);
  }
  for (char32_t c : cps) {
    const std::string s = Utf8(c);
    ASSERT_EQ(Fold(s), internal::FoldWithIcu(s)) << "U+" << std::hex << static_cast<int>(c);
    const std::string in_context = " A" + s + "\xCC\x81" + s + "z  ";
    ASSERT_EQ(Fold(in_context), internal::FoldWithIcu(in_context))
        << "U+" << std::hex << static_cast<int>(c);
  }
}

TEST(FoldTest, FastPathMatchesIcuForVietnameseSentences) {
  for (const char* s :
       {"Nguyễn Thị Đào", "  Uỷ ban nhân dân xã Hoà Bình  ", "HOẰNG TRƯỜNG\t\n",
        "Người ấy đã về quê ngoại ở Thừa Thiên Huế.", "Mọi người đều có quyền tự do ngôn luận."}) {
    EXPECT_EQ(Fold(s), internal::FoldWithIcu(s)) << s;
  }
}

// --- GivenName (SORT-03, SORT-05) ---

TEST(GivenNameTest, ReturnsLastWord) {
  EXPECT_EQ(GivenName("Nguyễn Văn Đức"), "Đức");
  EXPECT_EQ(GivenName("  Trần   Thị Dung  "), "Dung");
  EXPECT_EQ(GivenName("Anh"), "Anh");
  EXPECT_EQ(GivenName(""), "");
}

TEST(GivenNameTest, OverrideWins) {
  // SORT-05: Ê Đê names put the given name first.
  EXPECT_EQ(GivenName("H'Hen Niê", "H'Hen"), "H'Hen");
  EXPECT_EQ(GivenName("H'Hen Niê", "  "), "Niê");
}

// --- NameSortKey / SortNames (SORT-01, SORT-03, SORT-04, SORT-05) ---

TEST(SortNamesTest, SortsByGivenNameUnderVietnameseCollation) {
  // SORT-01/SORT-03: the verified vector; every rotation of the input sorts
  // to the same order.
  const std::vector<std::string> expected = {"Hoàng Văn Anh", "Bùi Thị Ảnh",   "Phạm Thị Ánh",
                                             "Đỗ Thị Ân",     "Vũ Văn Ẩn",     "Trần Thị Dung",
                                             "Lê Văn Dũng",   "Nguyễn Văn Đức"};
  std::vector<std::string> input = {"Nguyễn Văn Đức", "Hoàng Văn Anh", "Trần Thị Dung",
                                    "Bùi Thị Ảnh",    "Lê Văn Dũng",   "Phạm Thị Ánh",
                                    "Vũ Văn Ẩn",      "Đỗ Thị Ân"};
  for (size_t i = 0; i < input.size(); ++i) {
    std::vector<std::string> names = input;
    std::rotate(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names.end());
    SortNames(names);
    EXPECT_EQ(names, expected);
  }
  std::vector<std::string> reversed(expected.rbegin(), expected.rend());
  SortNames(reversed);
  EXPECT_EQ(reversed, expected);
}

TEST(SortNamesTest, BreaksTiesOnCanonicalGivenNameByFamilyName) {
  // SORT-04: "Hoà" and "Hòa" are the same given name.
  std::vector<std::string> names = {"Trần Văn Hoà", "Nguyễn Thị Hòa", "Lê Thị Hoà"};
  SortNames(names);
  EXPECT_EQ(names, (std::vector<std::string>{"Lê Thị Hoà", "Nguyễn Thị Hòa", "Trần Văn Hoà"}));
}

TEST(SortNamesTest, OrdersTonesAndVowelLettersTheVietnameseWay) {
  const std::vector<std::string> expected = {"ma", "mà", "mả", "mã", "má", "mạ", "mă", "mâ"};
  std::vector<std::string> names(expected.rbegin(), expected.rend());
  SortNames(names);
  EXPECT_EQ(names, expected);
}

TEST(SortNamesTest, OrdersDStrokeAfterD) {
  std::vector<std::string> names = {"Đào", "Dương", "Em", "Cúc"};
  SortNames(names);
  EXPECT_EQ(names, (std::vector<std::string>{"Cúc", "Dương", "Đào", "Em"}));
}

TEST(NameSortKeyTest, SameKeyForOldAndNewTonePlacement) {
  EXPECT_EQ(NameSortKey("Nguyễn Thị Hoà"), NameSortKey("Nguyễn Thị Hòa"));
  EXPECT_EQ(NameSortKey("Lê Thuỷ"), NameSortKey("Lê Thủy"));
}

TEST(NameSortKeyTest, SameKeyForNfdAndNfcInput) {
  EXPECT_EQ(NameSortKey("Le\xCC\x82 Thi\xCC\xA3 A\xCC\x81nh"), NameSortKey("Lê Thị Ánh"));
}

TEST(NameSortKeyTest, GivenNameDominatesFamilyName) {
  // "Anh" < "Bình" decides, although "Vũ" > "An".
  EXPECT_LT(NameSortKey("Vũ Anh"), NameSortKey("An Bình"));
  // A given name that is a prefix of another sorts first.
  EXPECT_LT(NameSortKey("Vũ An"), NameSortKey("An Anh"));
}

TEST(NameSortKeyTest, OverrideSortsByTheGivenNameItNames) {
  // SORT-05: "H'Hen Niê" has given name "H'Hen" (first word).
  EXPECT_LT(NameSortKey("H'Hen Niê", "H'Hen"), NameSortKey("Y Kông Êban", "Kông"));
  EXPECT_GT(NameSortKey("H'Hen Niê"), NameSortKey("Y Kông Êban"));  // "Niê" > "Êban"
  EXPECT_EQ(NameSortKey("H'Hen Niê", "H'Hen"), NameSortKey("Niê H'Hen"));
}

TEST(NameSortKeyTest, HandlesEmptyAndInvalidInput) {
  EXPECT_LT(NameSortKey(""), NameSortKey("An"));
  EXPECT_FALSE(NameSortKey("Lê \xC0").empty());
}

TEST(ConcurrencyTest, FoldAndSortKeysAgreeAcrossThreads) {
  // The fold table and the collator are shared lazily initialised state.
  const std::string expected_fold = Fold("Uỷ ban nhân dân xã Hoà Bình");
  const std::string expected_key = NameSortKey("Nguyễn Thị Hoà");
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        mismatches[t] += Fold("Uỷ ban nhân dân xã Hoà Bình") != expected_fold;
        mismatches[t] += NameSortKey("Nguyễn Thị Hoà") != expected_key;
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(HeaderKeyTest, FoldsAndJoinsWordsWithOneUnderscore) {
  EXPECT_EQ(HeaderKey("Điện thoại (*)"), "dien_thoai");
  EXPECT_EQ(HeaderKey("  Họ và tên  "), "ho_va_ten");
  EXPECT_EQ(HeaderKey("Số CCCD/CMND"), "so_cccd_cmnd");
  EXPECT_EQ(HeaderKey("STT"), "stt");
  EXPECT_EQ(HeaderKey("(*)"), "");
  EXPECT_EQ(HeaderKey(""), "");
}

TEST(QuoteForMessageTest, QuotesAndCutsAtCodePoints) {
  EXPECT_EQ(QuoteForMessage("Thôn Đông", 40), "“Thôn Đông”");
  EXPECT_EQ(QuoteForMessage("", 40), "“”");
  // Cut after 3 code points, never inside a multi-byte one.
  EXPECT_EQ(QuoteForMessage("Đường", 3), "“Đườ…”");
  EXPECT_EQ(QuoteForMessage("abc", 3), "“abc”");
}

}  // namespace
}  // namespace doithoai::text
