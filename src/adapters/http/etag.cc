// ETag computation (FNV-1a 64) and If-None-Match matching.
#include "adapters/http/etag.h"

#include <cstdint>

namespace doithoai::http {
namespace {

// The opaque tag of an entity tag: `W/"x"` and `"x"` both give `x`. Unquoted
// input (sent by some broken clients) is returned trimmed as it is.
std::string_view OpaqueTag(std::string_view tag) {
  size_t begin = tag.find_first_not_of(" \t");
  if (begin == std::string_view::npos) {
    return {};
  }
  tag = tag.substr(begin, tag.find_last_not_of(" \t") + 1 - begin);
  if (tag.starts_with("W/")) {
    tag.remove_prefix(2);
  }
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
  }
  return tag;
}

}  // namespace

std::string StrongEtag(std::string_view body) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
  for (char c : body) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;  // FNV prime
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string etag(18, '"');
  for (int i = 16; i >= 1; --i) {
    etag[i] = kHex[hash & 0xF];
    hash >>= 4;
  }
  return etag;
}

bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag) {
  std::string_view wanted = OpaqueTag(etag);
  if (OpaqueTag(if_none_match) == "*") {
    return true;
  }
  size_t i = 0;
  while (i < if_none_match.size()) {
    // One list member ends at the first comma outside double quotes.
    size_t start = i;
    bool quoted = false;
    for (; i < if_none_match.size() && (quoted || if_none_match[i] != ','); ++i) {
      quoted = if_none_match[i] == '"' ? !quoted : quoted;
    }
    std::string_view member = OpaqueTag(if_none_match.substr(start, i - start));
    if (!member.empty() && member == wanted) {
      return true;
    }
    ++i;  // past ','
  }
  return false;
}

}  // namespace doithoai::http
