// Readers of JSON values into C++ fields, shared by the JSON forms of the
// aggregates (conference_json.cc, petition_json.cc). A reader has the shape
//
//   Status Read(const nlohmann::json& value, const Path& path, T& out);
//
// and fails with Invalid(path, problem): kInvalidArgument with a Vietnamese
// message naming the document and the key path ("Dữ liệu đơn không hợp lệ ở
// trường \"items[0].deadline\": …") and one FieldError for that path. Every
// access is type-checked first, so nothing here throws.
#ifndef DOITHOAI_ADAPTERS_JSON_JSON_READER_H_
#define DOITHOAI_ADAPTERS_JSON_JSON_READER_H_

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar/date.h"
#include "core/common/clock.h"
#include "core/common/result.h"

namespace doithoai::json_reader {

// Where a value stands: the document, as messages name it ("hội nghị",
// "đơn"), and the key path inside it ("" for the document itself).
struct Path {
  std::string_view document;
  std::string keys;

  Path Key(std::string_view key) const;  // "a" → "a.key"; "" → "key"
  Path Index(std::size_t i) const;       // "a" → "a[i]"
};

// Whether `object` is an object whose `key` holds a string, looked up
// without copying the value: copying a hostile, deeply nested value recurses
// once per level and overflows the stack (`json::value(key, default)` copies).
inline bool HasString(const nlohmann::json& object, const std::string& key) {
  if (!object.is_object()) return false;
  auto it = object.find(key);
  return it != object.end() && it->is_string();
}

// kInvalidArgument for the value at `path` ("$" for the document itself);
// `problem` is a Vietnamese sentence.
Error Invalid(const Path& path, const std::string& problem);

Status ReadString(const nlohmann::json& v, const Path& path, std::string& out);
Status ReadBool(const nlohmann::json& v, const Path& path, bool& out);
Status ReadInt64(const nlohmann::json& v, const Path& path, int64_t& out);
Status ReadInt(const nlohmann::json& v, const Path& path, int& out);
Status ReadDouble(const nlohmann::json& v, const Path& path, double& out);
// An ISO "YYYY-MM-DD" string.
Status ReadDate(const nlohmann::json& v, const Path& path, Date& out);
// Milliseconds since the Unix epoch.
Status ReadTimestamp(const nlohmann::json& v, const Path& path, Timestamp& out);

// An id (a struct with an int64_t `value`): a non-negative integer.
template <typename IdT>
Status ReadId(const nlohmann::json& v, const Path& path, IdT& out) {
  int64_t value = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, value));
  if (value < 0) return Invalid(path, "Mã số không được âm.");
  out = IdT{value};
  return OkStatus();
}

// A reader for an enum stored as its code: any string `parse` accepts.
template <typename E>
auto EnumReader(Result<E> (*parse)(std::string_view)) {
  return [parse](const nlohmann::json& v, const Path& path, E& out) -> Status {
    std::string code;
    RETURN_IF_ERROR(ReadString(v, path, code));
    Result<E> value = parse(code);
    if (!value.ok()) return Invalid(path, value.error().message);
    out = *value;
    return OkStatus();
  };
}

// A reader for an enum stored as its code, accepting only the code (where
// the core parser also accepts labels).
template <typename E>
auto EnumReader(Result<E> (*parse)(std::string_view), std::string_view (*code_of)(E)) {
  return [parse, code_of](const nlohmann::json& v, const Path& path, E& out) -> Status {
    std::string code;
    RETURN_IF_ERROR(ReadString(v, path, code));
    Result<E> value = parse(code);
    if (!value.ok()) return Invalid(path, value.error().message);
    if (code_of(*value) != code) return Invalid(path, "Mã không hợp lệ: \"" + code + "\".");
    out = *value;
    return OkStatus();
  };
}

// A reader for std::optional<T>: null is nullopt.
template <typename T, typename F>
auto OptionalReader(F read) {
  return [read](const nlohmann::json& v, const Path& path, std::optional<T>& out) -> Status {
    if (v.is_null()) {
      out.reset();
      return OkStatus();
    }
    T value{};
    RETURN_IF_ERROR(read(v, path, value));
    out = std::move(value);
    return OkStatus();
  };
}

// A reader for a JSON array of T, element paths "key[i]".
template <typename T, typename F>
auto ListReader(F read) {
  return [read](const nlohmann::json& v, const Path& path, std::vector<T>& out) -> Status {
    if (!v.is_array()) return Invalid(path, "Phải là danh sách.");
    std::vector<T> items;
    items.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      T item{};
      RETURN_IF_ERROR(read(v[i], path.Index(i), item));
      items.push_back(std::move(item));
    }
    out = std::move(items);
    return OkStatus();
  };
}

// Reads the keys of one JSON object into fields, stopping at the first error.
// A missing key leaves the field as it is.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& object, Path path);

  template <typename T, typename F>
  ObjectReader& Read(const char* key, T& out, F read) {
    if (!status_.ok()) return *this;
    auto it = object_.find(key);
    if (it == object_.end()) return *this;
    status_ = read(*it, path_.Key(key), out);
    return *this;
  }

  Status status() const { return status_; }

 private:
  const nlohmann::json& object_;
  Path path_;
  Status status_;
};

}  // namespace doithoai::json_reader

#endif  // DOITHOAI_ADAPTERS_JSON_JSON_READER_H_
