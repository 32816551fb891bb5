// Loads the shipped starter lexicon for field and unit suggestions,
// data/petitions/field_lexicon.json (issue #6 §2), embedded in the binary.
// The core stays free of JSON and I/O (core/petitions/suggestions.h).
#ifndef DOITHOAI_APP_SUGGESTION_DATA_H_
#define DOITHOAI_APP_SUGGESTION_DATA_H_

#include <string_view>

#include "core/common/result.h"
#include "core/petitions/suggestions.h"

namespace doithoai::app {

inline constexpr char kFieldLexiconFile[] = "data/petitions/field_lexicon.json";

// Parses the file's JSON text: {"fields": {code: [phrase, …]}, "units":
// {name fragment: {"fields": [code, …], "words": [phrase, …]}}}; "units" and
// keys starting with "_" are optional. Phrases are folded (text::Fold) here, so
// the file may also be written with diacritics. Never throws;
// kInvalidArgument in Vietnamese naming the bad entry.
Result<FieldLexicon> ParseFieldLexicon(std::string_view json_text);

// The embedded file; kInternal if it is missing from the binary.
Result<FieldLexicon> LoadFieldLexicon();

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_SUGGESTION_DATA_H_
