// Form fields of the conference pages: parsing with Vietnamese messages that
// name the field, so a refused form says what to fix (and changes nothing).
#ifndef DOITHOAI_ADAPTERS_WEB_CONFERENCE_FORM_FIELDS_H_
#define DOITHOAI_ADAPTERS_WEB_CONFERENCE_FORM_FIELDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "adapters/http/form.h"
#include "core/calendar/date.h"
#include "core/common/result.h"
#include "core/conferences/conference.h"

namespace doithoai::web {

// kInvalidArgument with one FieldError on `field`.
Error FieldInvalid(const std::string& field, const std::string& message);
std::string Trim(const std::string& s);
// A whole number in [lo, hi]; `label` names the field in the message.
Result<int64_t> IntField(const http::FormData& form, const std::string& field, int64_t lo,
                         int64_t hi, const std::string& label);
// An amount in đồng: digits with optional '.', ',' or ' ' thousands separators.
Result<int64_t> MoneyField(const http::FormData& form, const std::string& field,
                           const std::string& label);
// An <input type=date> value (YYYY-MM-DD).
Result<Date> DateField(const http::FormData& form, const std::string& field,
                       const std::string& label);
// "07:30" → 450.
Result<int> ClockField(const http::FormData& form, const std::string& field);
// "07:30" → 450 for a value already read.
Result<int> ParseClock(const std::string& text, const std::string& field);
// One item per non-empty line, trimmed.
std::vector<std::string> Lines(const std::string& text);
std::string JoinLines(const std::vector<std::string>& items);
// The session fields of the create and add-session forms: session,
// session_date, start, duration_minutes, duration_label, venue, villages.
Result<ConferenceSession> SessionFromForm(const http::FormData& form);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_CONFERENCE_FORM_FIELDS_H_
