// Cases (vụ việc): the title rule (see petition_case.h).
#include "core/petitions/petition_case.h"

#include <string>
#include <string_view>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

constexpr int kMaxTitleChars = 200;

bool IsSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Code points of valid UTF-8: every byte that is not a continuation byte.
int CodePoints(std::string_view s) {
  int n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

Result<std::string> CleanCaseTitle(std::string_view title) {
  Result<std::string> nfc = text::ToNfc(title);
  if (!nfc.ok()) return MakeFieldError("title", "Tên vụ việc chứa ký tự không hợp lệ.");
  const std::string trimmed(Trim(*nfc));
  if (trimmed.empty()) return MakeFieldError("title", "Vui lòng nhập tên vụ việc.");
  if (CodePoints(trimmed) > kMaxTitleChars) {
    return MakeFieldError(
        "title", "Tên vụ việc không được dài quá " + std::to_string(kMaxTitleChars) + " ký tự.");
  }
  return trimmed;
}

}  // namespace doithoai
