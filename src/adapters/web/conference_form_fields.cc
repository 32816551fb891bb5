#include "adapters/web/conference_form_fields.h"

#include <charconv>

namespace doithoai::web {

Error FieldInvalid(const std::string& field, const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, message, {{field, message}}};
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A whole number in [lo, hi]; `label` names the field in the message.
Result<int64_t> IntField(const http::FormData& form, const std::string& field, int64_t lo,
                         int64_t hi, const std::string& label) {
  const std::string text = Trim(form.Get(field));
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
    return FieldInvalid(
        field, label + " phải là số từ " + std::to_string(lo) + " đến " + std::to_string(hi) + ".");
  }
  return v;
}

// An amount in đồng: digits with optional '.' or ',' thousands separators.
Result<int64_t> MoneyField(const http::FormData& form, const std::string& field,
                           const std::string& label) {
  std::string digits;
  for (char ch : Trim(form.Get(field))) {
    if (ch == '.' || ch == ',' || ch == ' ') continue;
    digits += ch;
  }
  http::FormData one;
  one.fields.emplace(field, digits);
  return IntField(one, field, 0, 1'000'000'000'000, label);
}

Result<Date> DateField(const http::FormData& form, const std::string& field,
                       const std::string& label) {
  Result<Date> d = Date::Parse(Trim(form.Get(field)));
  if (!d.ok()) return FieldInvalid(field, label + " không hợp lệ (cần dạng ngày/tháng/năm).");
  return d;
}

Result<int> ClockField(const http::FormData& form, const std::string& field) {
  return ParseClock(form.Get(field), field);
}

Result<int> ParseClock(const std::string& text, const std::string& field) {
  const std::string t = Trim(text);
  int h = 0;
  int m = 0;
  if (t.size() != 5 || t[2] != ':' ||
      std::from_chars(t.data(), t.data() + 2, h).ec != std::errc() ||
      std::from_chars(t.data() + 3, t.data() + 5, m).ec != std::errc() || h > 23 || m > 59) {
    return FieldInvalid(field, "Giờ bắt đầu không hợp lệ (cần dạng 07:30).");
  }
  return h * 60 + m;
}

// One item per non-empty line.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + "\n";
  return out;
}

Result<ConferenceSession> SessionFromForm(const http::FormData& form) {
  ConferenceSession s;
  if (form.Has("session")) {
    ASSIGN_OR_RETURN(int64_t n, IntField(form, "session", 0, 99, "Số phiên"));
    s.number = static_cast<int>(n);
  }
  ASSIGN_OR_RETURN(s.date, DateField(form, "session_date", "Ngày họp"));
  ASSIGN_OR_RETURN(s.start_minute, ClockField(form, "start"));
  ASSIGN_OR_RETURN(int64_t minutes, IntField(form, "duration_minutes", 30, 720, "Thời lượng"));
  s.duration_minutes = static_cast<int>(minutes);
  s.duration_label = Trim(form.Get("duration_label"));
  s.venue = Trim(form.Get("venue"));
  for (const std::string& v : form.GetAll("villages")) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (ec != std::errc() || end != v.data() + v.size()) {
      return FieldInvalid("villages", "Thôn đã chọn không hợp lệ.");
    }
    s.villages.push_back(VillageId{id});
  }
  return s;
}

}  // namespace doithoai::web
