// Form decoding for the HTTP adapter: application/x-www-form-urlencoded
// bodies and query strings, and multipart/form-data (RFC 7578) bodies. Text
// (field names, values, file names) is checked to be UTF-8 and NFC-normalised
// here, at the boundary (TXT-01); uploaded file contents stay raw bytes.
// Pure functions; thread-safe. Error messages are Vietnamese.
#ifndef DOITHOAI_ADAPTERS_HTTP_FORM_H_
#define DOITHOAI_ADAPTERS_HTTP_FORM_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.h"
#include "core/common/result.h"

namespace doithoai::http {

// At most this many fields (url-encoded pairs) or parts (multipart) per form;
// more is kResourceExhausted.
inline constexpr size_t kMaxFormParts = 1000;

struct UploadedFile {
  std::string field;         // the form field name (NFC)
  std::string filename;      // as sent by the browser (NFC); may contain a path
  std::string content_type;  // the part's Content-Type, or application/octet-stream
  std::string data;          // raw bytes, not validated
};

struct FormData {
  // Text fields in the order they were sent (equal names keep their order).
  std::multimap<std::string, std::string> fields;
  std::vector<UploadedFile> files;

  // The first value of field `name`, or "" when absent.
  std::string Get(std::string_view name) const;
  // Every value of field `name`, in order.
  std::vector<std::string> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const;
  // The first file uploaded under field `name`, or nullptr.
  const UploadedFile* File(std::string_view name) const;
};

// Decodes "a=1&b=x+y&c=%C4%91" ('+' is a space; %XX escapes). Pairs with an
// empty name are skipped; "a" alone means a = "". Malformed escapes or text
// that is not UTF-8 → kInvalidArgument. Also used for query strings.
Result<FormData> ParseUrlEncoded(std::string_view body);

// The inverse for one name or value: unreserved characters (A–Z a–z 0–9
// - _ . ~) stay, every other byte becomes %XX (a space is %20).
std::string UrlEncode(std::string_view text);

// Decodes a multipart/form-data `body`; `content_type_header` is the full
// Content-Type value carrying the boundary. Parts with a filename parameter
// (filename*=UTF-8''... preferred) become files, others text fields. A file
// input left empty by the browser (filename="" and no data) is dropped.
// Missing boundary or closing delimiter, parts without a name, or non-UTF-8
// text → kInvalidArgument; more than kMaxFormParts parts → kResourceExhausted.
Result<FormData> ParseMultipart(std::string_view body, std::string_view content_type_header);

// Dispatches on the request's Content-Type (url-encoded or multipart); any
// other type → kInvalidArgument. A request with neither body nor Content-Type
// yields an empty form.
Result<FormData> ParseForm(const HttpRequest& request);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_FORM_H_
