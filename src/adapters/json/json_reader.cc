#include "adapters/json/json_reader.h"

#include <chrono>
#include <limits>

namespace doithoai::json_reader {

using nlohmann::json;

Path Path::Key(std::string_view key) const {
  return {document, keys.empty() ? std::string(key) : keys + "." + std::string(key)};
}

Path Path::Index(std::size_t i) const { return {document, keys + "[" + std::to_string(i) + "]"}; }

Error Invalid(const Path& path, const std::string& problem) {
  const std::string where = path.keys.empty() ? "$" : path.keys;
  Error error = MakeError(ErrorCode::kInvalidArgument, "Dữ liệu " + std::string(path.document) +
                                                           " không hợp lệ ở trường \"" + where +
                                                           "\": " + problem);
  error.fields.push_back(FieldError{where, problem});
  return error;
}

Status ReadString(const json& v, const Path& path, std::string& out) {
  if (!v.is_string()) return Invalid(path, "Phải là chuỗi văn bản.");
  out = v.get<std::string>();
  return OkStatus();
}

Status ReadBool(const json& v, const Path& path, bool& out) {
  if (!v.is_boolean()) return Invalid(path, "Phải là true hoặc false.");
  out = v.get<bool>();
  return OkStatus();
}

Status ReadInt64(const json& v, const Path& path, int64_t& out) {
  if (!v.is_number_integer() ||
      (v.is_number_unsigned() &&
       v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))) {
    return Invalid(path, "Phải là số nguyên.");
  }
  out = v.get<int64_t>();
  return OkStatus();
}

Status ReadInt(const json& v, const Path& path, int& out) {
  int64_t wide = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, wide));
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
    return Invalid(path, "Số quá lớn.");
  }
  out = static_cast<int>(wide);
  return OkStatus();
}

Status ReadDouble(const json& v, const Path& path, double& out) {
  if (!v.is_number()) return Invalid(path, "Phải là số.");
  out = v.get<double>();
  return OkStatus();
}

Status ReadDate(const json& v, const Path& path, Date& out) {
  if (!v.is_string()) return Invalid(path, "Phải là ngày dạng YYYY-MM-DD.");
  Result<Date> date = Date::Parse(v.get<std::string>());
  if (!date.ok()) {
    return Invalid(path, "Phải là ngày dạng YYYY-MM-DD (" + date.error().message + ").");
  }
  out = *date;
  return OkStatus();
}

Status ReadTimestamp(const json& v, const Path& path, Timestamp& out) {
  int64_t ms = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, ms));
  out = Timestamp(std::chrono::milliseconds(ms));
  return OkStatus();
}

ObjectReader::ObjectReader(const json& object, Path path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) status_ = Invalid(path_, "Phải là đối tượng.");
}

}  // namespace doithoai::json_reader
