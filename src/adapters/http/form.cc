// Form decoding: url-encoded pairs and multipart/form-data parts, with UTF-8
// validation and NFC normalisation of every text value.
#include "adapters/http/form.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "adapters/http/ascii.h"
#include "core/text/vietnamese.h"

namespace doithoai::http {
namespace {

constexpr char kNotUtf8Message[] = "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.";
constexpr char kBadEscapeMessage[] = "Dữ liệu biểu mẫu chứa mã thoát phần trăm không hợp lệ.";
constexpr char kTooManyPartsMessage[] = "Biểu mẫu có quá nhiều trường (tối đa 1000).";
constexpr char kBadMultipartMessage[] = "Dữ liệu biểu mẫu multipart không hợp lệ.";
constexpr char kNoBoundaryMessage[] = "Thiếu tham số boundary trong Content-Type của biểu mẫu.";
constexpr char kTruncatedMessage[] = "Dữ liệu biểu mẫu bị cắt cụt: thiếu ranh giới kết thúc.";
constexpr char kNoNameMessage[] = "Một phần của biểu mẫu thiếu tên trường.";
constexpr char kUnsupportedTypeMessage[] = "Kiểu nội dung của biểu mẫu không được hỗ trợ.";

Error Invalid(const char* message) { return MakeError(ErrorCode::kInvalidArgument, message); }

// The value of hex digit `c`, or -1.
// Decodes %XX escapes (and '+' as a space when `plus_is_space`).
Result<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      int hi = i + 2 < s.size() ? HexDigitValue(s[i + 1]) : -1;
      int lo = hi >= 0 ? HexDigitValue(s[i + 2]) : -1;
      if (lo < 0) {
        return Invalid(kBadEscapeMessage);
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

// TXT-01: every text value entering the program is UTF-8 and NFC.
Result<std::string> NormalizeText(std::string_view s) {
  if (!text::IsValidUtf8(s)) {
    return Invalid(kNotUtf8Message);
  }
  return text::ToNfc(s);
}

Status AddField(FormData& form, std::string_view name, std::string_view value) {
  ASSIGN_OR_RETURN(std::string nfc_name, NormalizeText(name));
  ASSIGN_OR_RETURN(std::string nfc_value, NormalizeText(value));
  form.fields.emplace(std::move(nfc_name), std::move(nfc_value));
  return OkStatus();
}

// A header value such as `form-data; name="a"; filename="b.txt"`: the lower-
// cased main value and its parameters (names lower-cased; first one wins).
struct HeaderValue {
  std::string value;
  std::map<std::string, std::string> params;
};

HeaderValue ParseHeaderValue(std::string_view s) {
  HeaderValue out;
  size_t i = s.find(';');
  out.value = ToLowerAscii(Trim(s.substr(0, i)));
  while (i < s.size()) {
    ++i;  // past ';'
    size_t name_end = s.find_first_of("=;", i);
    std::string name = ToLowerAscii(Trim(s.substr(i, name_end - i)));
    if (name_end == std::string_view::npos || s[name_end] == ';') {
      i = name_end;  // a parameter without a value: ignored
      continue;
    }
    i = std::min(s.find_first_not_of(" \t", name_end + 1), s.size());
    std::string value;
    if (i < s.size() && s[i] == '"') {
      // quoted-string; like Go's mime package, '\' escapes only '"' and '\'
      // so Windows paths in filenames survive.
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) {
          ++i;
        }
        value += s[i];
      }
      i = s.find(';', i);
    } else {
      size_t end = s.find(';', i);
      value = std::string(Trim(s.substr(i, end - i)));
      i = end;
    }
    if (!name.empty()) {
      out.params.emplace(std::move(name), std::move(value));
    }
  }
  return out;
}

// RFC 8187 ext-value "UTF-8'lang'percent-encoded"; nullopt if malformed or
// in another charset.
std::optional<std::string> DecodeExtValue(std::string_view s) {
  size_t first = s.find('\'');
  size_t second = first == std::string_view::npos ? first : s.find('\'', first + 1);
  if (second == std::string_view::npos || ToLowerAscii(s.substr(0, first)) != "utf-8") {
    return std::nullopt;
  }
  Result<std::string> decoded = PercentDecode(s.substr(second + 1), /*plus_is_space=*/false);
  return decoded.ok() ? std::optional(std::move(decoded).value()) : std::nullopt;
}

// Part headers: lower-cased names to values (first wins). Browsers never
// fold lines, so obsolete line folding is not supported.
Result<std::map<std::string, std::string>> ParsePartHeaders(std::string_view block) {
  std::map<std::string, std::string> headers;
  while (!block.empty()) {
    size_t eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Invalid(kBadMultipartMessage);
    }
    headers.emplace(ToLowerAscii(Trim(line.substr(0, colon))),
                    std::string(Trim(line.substr(colon + 1))));
  }
  return headers;
}

Status ParsePart(std::string_view part, FormData& form) {
  // A part without headers starts with the blank line at once.
  size_t end = part.starts_with("\r\n") ? 0 : part.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    return Invalid(kBadMultipartMessage);
  }
  std::string_view header_block = part.substr(0, end);
  std::string_view content = part.substr(end == 0 ? 2 : end + 4);
  ASSIGN_OR_RETURN(auto headers, ParsePartHeaders(header_block));
  HeaderValue disposition = ParseHeaderValue(headers["content-disposition"]);
  if (disposition.value != "form-data") {
    return Invalid(kBadMultipartMessage);
  }
  auto name_it = disposition.params.find("name");
  if (name_it == disposition.params.end()) {
    return Invalid(kNoNameMessage);
  }
  const std::string& name = name_it->second;
  if (name.empty()) {
    return OkStatus();  // like url-encoded pairs with an empty name
  }
  std::optional<std::string> filename;
  if (auto it = disposition.params.find("filename*"); it != disposition.params.end()) {
    filename = DecodeExtValue(it->second);
  }
  if (auto it = disposition.params.find("filename"); !filename && it != disposition.params.end()) {
    filename = it->second;
  }
  if (!filename) {
    return AddField(form, name, content);
  }
  if (filename->empty() && content.empty()) {
    return OkStatus();  // a file input with no file chosen
  }
  UploadedFile file;
  ASSIGN_OR_RETURN(file.field, NormalizeText(name));
  ASSIGN_OR_RETURN(file.filename, NormalizeText(*filename));
  auto type_it = headers.find("content-type");
  file.content_type = type_it != headers.end() && !type_it->second.empty()
                          ? type_it->second
                          : "application/octet-stream";
  file.data = std::string(content);
  form.files.push_back(std::move(file));
  return OkStatus();
}

// Checks what follows "--boundary" at `at`: "--" closes the body; optional
// whitespace then CRLF starts a part at `next`. False if neither.
bool DelimiterTail(std::string_view body, size_t at, bool& closing, size_t& next) {
  if (body.substr(at, 2) == "--") {
    closing = true;
    return true;
  }
  at = std::min(body.find_first_not_of(" \t", at), body.size());
  if (body.substr(at, 2) != "\r\n") {
    return false;
  }
  closing = false;
  next = at + 2;
  return true;
}

// Finds the next "\r\n--boundary" delimiter line at or after `from`.
size_t FindDelimiter(std::string_view body, std::string_view crlf_dash, size_t from, bool& closing,
                     size_t& next) {
  for (size_t f = body.find(crlf_dash, from); f != std::string_view::npos;
       f = body.find(crlf_dash, f + 1)) {
    if (DelimiterTail(body, f + crlf_dash.size(), closing, next)) {
      return f;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string FormData::Get(std::string_view name) const {
  auto it = fields.find(std::string(name));
  return it == fields.end() ? std::string() : it->second;
}

std::vector<std::string> FormData::GetAll(std::string_view name) const {
  std::vector<std::string> values;
  auto [begin, end] = fields.equal_range(std::string(name));
  for (auto it = begin; it != end; ++it) {
    values.push_back(it->second);
  }
  return values;
}

bool FormData::Has(std::string_view name) const { return fields.contains(std::string(name)); }

const UploadedFile* FormData::File(std::string_view name) const {
  for (const UploadedFile& file : files) {
    if (file.field == name) {
      return &file;
    }
  }
  return nullptr;
}

Result<FormData> ParseUrlEncoded(std::string_view body) {
  FormData form;
  size_t count = 0;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    if (++count > kMaxFormParts) {
      return MakeError(ErrorCode::kResourceExhausted, kTooManyPartsMessage);
    }
    size_t eq = pair.find('=');
    std::string_view raw_value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    ASSIGN_OR_RETURN(std::string name, PercentDecode(pair.substr(0, eq), true));
    ASSIGN_OR_RETURN(std::string value, PercentDecode(raw_value, true));
    if (!name.empty()) {
      RETURN_IF_ERROR(AddField(form, name, value));
    }
  }
  return form;
}

Result<FormData> ParseMultipart(std::string_view body, std::string_view content_type_header) {
  HeaderValue type = ParseHeaderValue(content_type_header);
  if (type.value != "multipart/form-data") {
    return Invalid(kUnsupportedTypeMessage);
  }
  const std::string& boundary = type.params["boundary"];
  if (boundary.empty() || boundary.size() > 70 ||
      boundary.find_first_of("\r\n") != std::string::npos) {
    return Invalid(kNoBoundaryMessage);
  }
  const std::string crlf_dash = "\r\n--" + boundary;
  const std::string_view dash = std::string_view(crlf_dash).substr(2);

  // The first delimiter opens the body, or follows a preamble and CRLF.
  bool closing = false;
  size_t next = 0;
  if (!body.starts_with(dash) || !DelimiterTail(body, dash.size(), closing, next)) {
    if (FindDelimiter(body, crlf_dash, 0, closing, next) == std::string_view::npos) {
      return Invalid(kBadMultipartMessage);
    }
  }
  FormData form;
  size_t parts = 0;
  while (!closing) {
    size_t start = next;
    size_t end = FindDelimiter(body, crlf_dash, start, closing, next);
    if (end == std::string_view::npos) {
      return Invalid(kTruncatedMessage);
    }
    if (++parts > kMaxFormParts) {
      return MakeError(ErrorCode::kResourceExhausted, kTooManyPartsMessage);
    }
    RETURN_IF_ERROR(ParsePart(body.substr(start, end - start), form));
  }
  return form;
}

Result<FormData> ParseForm(const HttpRequest& request) {
  std::string_view content_type = request.Header("content-type");
  std::string media_type = ParseHeaderValue(content_type).value;
  if (media_type == "application/x-www-form-urlencoded") {
    return ParseUrlEncoded(request.body);
  }
  if (media_type == "multipart/form-data") {
    return ParseMultipart(request.body, content_type);
  }
  if (content_type.empty() && request.body.empty()) {
    return FormData{};
  }
  return Invalid(kUnsupportedTypeMessage);
}

std::string UrlEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace doithoai::http
