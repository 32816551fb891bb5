// `doithoai eval suggestions FILE`: measures field/unit suggestions and
// duplicate detection (issue #6 §1–2) on a labelled JSON-lines file such as
// eval/petitions.jsonl, with the shipped lexicon (suggestion_data.h) and the
// demo commune's units (EvalCommuneUnits). See core/petitions/suggestion_eval.h
// for the method.
#ifndef DOITHOAI_APP_EVAL_COMMAND_H_
#define DOITHOAI_APP_EVAL_COMMAND_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/petitions/suggestion_eval.h"

namespace doithoai::app {

// One item per non-blank line: an object with "id" (string or integer),
// "text", "field" (a field code; strings), optional "unit" (short name) and
// "dup_group" (strings; other keys are ignored). kInvalidArgument in
// Vietnamese naming the bad line ("Dòng 3: …").
Result<std::vector<EvalItem>> ParseEvalItems(std::string_view jsonl);

// Prints the report as a readable table.
void PrintSuggestionEvalReport(const SuggestionEvalReport& report, std::ostream& out);

// CLI: reads `path`, evaluates and prints to `out`; returns 0, or 2 with a
// Vietnamese message on `err` for a missing or bad file.
int RunEvalSuggestions(const std::string& path, std::ostream& out, std::ostream& err);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_EVAL_COMMAND_H_
