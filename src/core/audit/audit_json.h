// Small JSON texts for audit rows' "before"/"after" summaries, built in the
// core without a JSON library: {"from":"received","to":"assigned"}.
#ifndef DOITHOAI_CORE_AUDIT_AUDIT_JSON_H_
#define DOITHOAI_CORE_AUDIT_AUDIT_JSON_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace doithoai {

// A JSON string literal of `s` (control characters dropped).
std::string JsonQuote(std::string_view s);
// {"key":value,…} from already-encoded JSON values.
std::string JsonSummary(std::initializer_list<std::pair<std::string_view, std::string>> fields);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_AUDIT_AUDIT_JSON_H_
