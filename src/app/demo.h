// The demo commune (data/demo/hoang-truong.json): UBND xã Hoằng Trường from
// the seed plan, with its villages, units and officials, so every feature has
// the seed's world to work in.
#ifndef DOITHOAI_APP_DEMO_H_
#define DOITHOAI_APP_DEMO_H_

#include <string_view>

#include "core/communes/commune_repository.h"

namespace doithoai::app {

inline constexpr std::string_view kDemoSlug = "hoang-truong";

// Loads the demo commune unless a commune with its slug exists. Returns the
// commune's id and whether it was created now.
struct DemoResult {
  CommuneId id;
  bool created = false;
};
Result<DemoResult> LoadDemo(CommuneRepository& communes);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_DEMO_H_
