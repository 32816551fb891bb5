// Result<T>: a value or an Error, shaped like std::expected<T, Error> so it can
// become an alias once the toolchain has <expected>. Every fallible function in
// core/ and adapters/ returns one (style.md §3). Asserts are for bugs only.
#ifndef DOITHOAI_CORE_COMMON_RESULT_H_
#define DOITHOAI_CORE_COMMON_RESULT_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace doithoai {

// A subset of abseil's canonical codes, with abseil's meanings.
enum class ErrorCode {
  kInvalidArgument,  // bad input; re-render the form with `fields`
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,  // the thing is in the wrong state
  kPermissionDenied,
  kUnauthenticated,
  kResourceExhausted,  // a size or rate limit was exceeded
  kUnavailable,        // retry later (database locked, disk full)
  kInternal,
};

// One invalid form field: `field` is the form name, `message` is Vietnamese
// text ready for the user.
struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

// `message` is for people (Vietnamese when it is shown to users); `fields`
// lists per-field problems for kInvalidArgument.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;
};

inline Error MakeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message), {}};
}

// kInvalidArgument whose message is also the one FieldError of `field`.
inline Error MakeFieldError(std::string field, std::string message) {
  Error error{ErrorCode::kInvalidArgument, message, {}};
  error.fields.push_back(FieldError{std::move(field), std::move(message)});
  return error;
}

// The name of a code as used in the JSON API ("invalid_argument", ...).
const char* ErrorCodeName(ErrorCode code);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(data_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(data_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(data_));
  }
  // The outcome without the value.
  Result<void> status() const;

 private:
  std::variant<T, Error> data_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& {
    assert(!ok_);
    return error_;
  }
  Error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

template <typename T>
Result<void> Result<T>::status() const {
  if (ok()) {
    return Result<void>();
  }
  return error();
}

inline Status OkStatus() { return Status(); }

}  // namespace doithoai

#define DOITHOAI_CONCAT_INNER_(a, b) a##b
#define DOITHOAI_CONCAT_(a, b) DOITHOAI_CONCAT_INNER_(a, b)

// Returns the error of `expr` (a Result or Status) from the enclosing function.
#define RETURN_IF_ERROR(expr)                     \
  do {                                            \
    auto doithoai_status_ = (expr);               \
    if (!doithoai_status_.ok()) {                 \
      return std::move(doithoai_status_).error(); \
    }                                             \
  } while (false)

// `ASSIGN_OR_RETURN(T x, expr);` binds the value of `expr` or returns its error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(DOITHOAI_CONCAT_(doithoai_result_, __LINE__), lhs, expr)
// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` is a declaration.
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) {                             \
    return std::move(tmp).error();             \
  }                                            \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)

#endif  // DOITHOAI_CORE_COMMON_RESULT_H_
