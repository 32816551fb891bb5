// The commune (xã / phường / đặc khu) is the tenant of all data: every other
// record carries its CommuneId. Villages (thôn, tổ dân phố), organisational
// units (Văn phòng – Thống kê, Tài chính – Kế toán, …) and officials belong to
// exactly one commune. See docs/glossary.md for the legal terms.
#ifndef DOITHOAI_CORE_COMMUNES_COMMUNE_H_
#define DOITHOAI_CORE_COMMUNES_COMMUNE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/ids.h"
#include "core/common/result.h"

namespace doithoai {

// ADM-05: the commune-level unit types since 01/7/2025.
enum class CommuneType { kXa, kPhuong, kDacKhu };

// "xa" | "phuong" | "dac_khu" (the storage spelling).
std::string_view CommuneTypeCode(CommuneType type);
Result<CommuneType> ParseCommuneType(std::string_view code);
// The Vietnamese word used in titles: "xã", "phường", "đặc khu".
std::string_view CommuneTypeWord(CommuneType type);

struct Commune {
  CommuneId id;
  std::string slug;  // URL key, ASCII: "hoang-truong"
  std::string code;  // ADC-04: fixed-width string, leading zeros kept
  std::string name;  // NFC, without the type word: "Hoằng Trường"
  CommuneType type = CommuneType::kXa;
  std::string province_name;  // ADM-11: as printed at the time
  std::string address;
  bool remote_area = false;  // vùng sâu, vùng xa (longer legal deadlines)

  // "xã Hoằng Trường"
  std::string DisplayName() const;
  // "UBND xã Hoằng Trường"
  std::string PeoplesCommitteeName() const;
};

// Thôn / làng / bản / tổ dân phố.
struct Village {
  VillageId id;
  CommuneId commune_id;
  std::string name;  // "Thôn 1", "Thôn Trung Thành"
  int position = 0;  // display order
};

// Organisational unit that prepares answers (bộ phận, công chức chuyên môn).
struct Unit {
  UnitId id;
  CommuneId commune_id;
  std::string name;
  std::string short_name;
};

struct Official {
  OfficialId id;
  CommuneId commune_id;
  std::string full_name;
  std::string position;  // "Chủ tịch UBND xã", "Công chức Văn phòng – Thống kê"
  std::optional<UnitId> unit_id;
  std::string sort_given_name;  // SORT-05 override; empty = last word
};

// Checks the invariants of a new commune; field messages are Vietnamese.
Status ValidateCommune(const Commune& commune);

// True for a slug of lower-case ASCII letters, digits and single hyphens.
bool IsValidSlug(std::string_view slug);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMUNES_COMMUNE_H_
