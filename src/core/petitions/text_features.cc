// Syllables and bigram terms of Vietnamese text (see text_features.h).
#include "core/petitions/text_features.h"

#include <algorithm>
#include <array>

#include "core/text/vietnamese.h"

namespace doithoai::textsim {

namespace {

// Sorted for binary search.
constexpr std::array<std::string_view, 20> kStopSyllables = {
    "cac", "cho", "cua", "cung", "duoc", "hay",  "hoac", "khi", "la",  "mot",
    "nay", "nen", "neu", "rat",  "se",   "theo", "tren", "va",  "voi", "xin"};

// Sorted for binary search.
constexpr std::array<std::string_view, 20> kGenericPetitionSyllables = {
    "a",  "ay",   "ba",  "bi",    "chung", "co",   "con", "cong", "da",   "dan",
    "de", "dinh", "gia", "khong", "mong",  "nghi", "nha", "toi",  "ubnd", "xa"};

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

struct Token {
  std::string text;
  bool joined = false;  // only spaces separate it from the previous token
};

std::vector<Token> Tokens(std::string_view raw) {
  const std::string folded = text::Fold(raw);
  std::vector<Token> tokens;
  size_t i = 0;
  bool only_spaces = false;  // since the previous token
  while (i < folded.size()) {
    if (!IsAsciiAlnum(folded[i])) {
      if (folded[i] != ' ') only_spaces = false;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() && IsAsciiAlnum(folded[j])) ++j;
    tokens.push_back(Token{folded.substr(i, j - i), only_spaces && !tokens.empty()});
    only_spaces = true;
    i = j;
  }
  return tokens;
}

}  // namespace

bool IsStopSyllable(std::string_view folded) {
  return std::binary_search(kStopSyllables.begin(), kStopSyllables.end(), folded);
}

std::vector<std::string> Syllables(std::string_view text) {
  std::vector<std::string> out;
  for (Token& token : Tokens(text)) {
    if (!IsStopSyllable(token.text)) out.push_back(std::move(token.text));
  }
  return out;
}

std::vector<std::string> Terms(std::string_view text) {
  const std::vector<Token> tokens = Tokens(text);
  std::vector<std::string> out;
  out.reserve(tokens.size() * 2);
  for (const Token& token : tokens) {
    if (!IsStopSyllable(token.text)) out.push_back(token.text);
  }
  for (size_t i = 1; i < tokens.size(); ++i) {
    // Stop syllables still form bigrams: "một cửa" folds to two of them.
    if (tokens[i].joined) {
      out.push_back(tokens[i - 1].text + ' ' + tokens[i].text);
    }
  }
  return out;
}

bool IsGenericPetitionSyllable(std::string_view folded) {
  return std::binary_search(kGenericPetitionSyllables.begin(), kGenericPetitionSyllables.end(),
                            folded);
}

std::vector<std::string> SimilarityTerms(std::string_view text) {
  std::vector<std::string> out = Terms(text);
  std::erase_if(out, [](const std::string& term) {
    return term.find(' ') == std::string::npos && IsGenericPetitionSyllable(term);
  });
  return out;
}

std::vector<std::string> VillageNumbers(std::string_view text) {
  const std::vector<Token> tokens = Tokens(text);
  std::vector<std::string> out;
  for (size_t i = 1; i < tokens.size(); ++i) {
    const std::string& word = tokens[i - 1].text;
    const std::string& number = tokens[i].text;
    if (!tokens[i].joined || (word != "thon" && word != "xom")) continue;
    if (std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out.push_back(number);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace doithoai::textsim
