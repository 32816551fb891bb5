// Writers of the JSON forms of the aggregates (conference_json.cc,
// petition_json.cc), the inverse of json_reader.h: optional values are null
// when absent, dates ISO "YYYY-MM-DD", ids plain numbers.
#ifndef DOITHOAI_ADAPTERS_JSON_JSON_WRITER_H_
#define DOITHOAI_ADAPTERS_JSON_JSON_WRITER_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/calendar/date.h"

namespace doithoai::json_writer {

template <typename IdT>
nlohmann::json OptionalId(const std::optional<IdT>& id) {
  return id ? nlohmann::json(id->value) : nlohmann::json(nullptr);
}

inline nlohmann::json OptionalDate(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->ToIsoString()) : nlohmann::json(nullptr);
}

// A JSON array of `to_json(item)` for each of `items`.
template <typename T, typename F>
nlohmann::json ListToJson(const std::vector<T>& items, F to_json) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace doithoai::json_writer

#endif  // DOITHOAI_ADAPTERS_JSON_JSON_WRITER_H_
