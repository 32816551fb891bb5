// Tokenising Vietnamese petition text for similarity and suggestions (issue
// #6 §1–2). Pure and deterministic; thread-safe.
//
// The unit is the folded syllable (SRCH-01: NFC, canonical tones, no marks,
// đ→d, lower case), so "Hoà", "hòa" and "HOA" are the same term. Vietnamese
// words are mostly two syllables ("đường làng", "sổ đỏ"), so the terms used
// for matching are the syllables plus the bigrams of adjacent syllables.
#ifndef DOITHOAI_CORE_PETITIONS_TEXT_FEATURES_H_
#define DOITHOAI_CORE_PETITIONS_TEXT_FEATURES_H_

#include <string>
#include <string_view>
#include <vector>

namespace doithoai::textsim {

// True for a folded stop syllable: a function word that carries no topic
// ("các", "cho", "của", "cũng", "được", "hay", "hoặc", "khi", "là", "một",
// "này", "nên", "nếu", "rất", "sẽ", "theo", "trên", "và", "với", "xin").
// Folded function words that collide with content words are kept on purpose:
// "o" (ô nhiễm), "de" (đê), "den" (đèn), "do" (sổ đỏ, đo đạc), "toi" (tội
// phạm), "co" (người có công), "em" (trẻ em), "trong" (trồng rừng), "da" (da
// cam), "van" (văn hóa), "vi" (vi phạm), "ma" (ma túy), "thi" (thi công),
// "dang" (đăng ký), "nhung" (nhũng nhiễu).
bool IsStopSyllable(std::string_view folded);

// The folded syllables of `text` (text::Fold, then split on anything not
// [a-z0-9]), without stop syllables, in text order.
std::vector<std::string> Syllables(std::string_view text);

// Syllables plus the bigrams "a b" of syllables adjacent in the text,
// separated only by spaces (not by punctuation). Bigrams keep stop syllables:
// "một cửa" (one-stop desk) folds to "mot cua", two stop syllables.
// Syllables first, then bigrams, each in text order (repeats kept: they are
// term frequencies).
std::vector<std::string> Terms(std::string_view text);

// True for a folded syllable too generic in petitions to tell two issues apart
// ("đề nghị", "UBND", "xã", "công dân", "gia đình", "tôi", "nhà", "bà con",
// "mong", "không", "có", "đã", "bị", "ạ"…). Used by SimilarityTerms only, not
// by Syllables/Terms (suggestions keep them). Measured on the DEV half of
// eval/petitions.jsonl (see similarity.h).
bool IsGenericPetitionSyllable(std::string_view folded);

// Terms for duplicate detection: Terms(text) without the generic petition
// syllables as unigrams (their bigrams stay: "cống" in "cống Đồng Mới" still
// counts through "cong dong").
std::vector<std::string> SimilarityTerms(std::string_view text);

// The village numbers a text names: the digits right after "thôn" or "xóm"
// ("Thôn 3", "thon 4", "xóm 2"), sorted, without repeats.
std::vector<std::string> VillageNumbers(std::string_view text);

}  // namespace doithoai::textsim

#endif  // DOITHOAI_CORE_PETITIONS_TEXT_FEATURES_H_
