// Shared inputs and helpers of the petition intake tests
// (petition_intake_test.cc, petition_intake_files_test.cc): file bytes, the
// documented messages, a commune's villages, a valid online petition, and
// the field errors of a failed CheckNewPetition.
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_INTAKE_TESTING_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_INTAKE_TESTING_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/petitions/petition_intake.h"

namespace doithoai::intake_testing {

inline const std::string kPngBytes = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(40, '\x01');
inline const std::string kJpegBytes = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(40, '\x02');
inline const std::string kPdfBytes = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";

inline const char kInvalidInput[] =
    "Thông tin gửi lên chưa hợp lệ; vui lòng sửa các ô được đánh dấu.";
inline const char kInvalidPhone[] = "Số điện thoại không hợp lệ. Ví dụ: 0912 345 678.";
inline const char kDenunciationNeedsIdentity[] =
    "Đơn tố cáo phải ghi rõ họ tên và địa chỉ người tố cáo (Luật Tố cáo Điều 23).";

inline std::vector<Village> Villages() {
  return {
      {VillageId{11}, CommuneId{1}, "Thôn 1", 1},
      {VillageId{12}, CommuneId{1}, "Thôn 2", 2},
      {VillageId{13}, CommuneId{1}, "Thôn Trung Thành", 3},
      {VillageId{14}, CommuneId{1}, "Tổ dân phố Đông Hải", 4},
  };
}

// A complete, valid online petition.
inline NewPetition ValidOnline() {
  NewPetition p;
  p.channel = PetitionChannel::kOnline;
  p.name = "Nguyễn Thị Đào";
  p.phone = "0912 345 678";
  p.address = "Thôn 1, xã Hoằng Trường";
  p.village = "Thôn 1";
  p.items.push_back({"Đường liên thôn bị hỏng, đề nghị sửa chữa.", std::nullopt, ""});
  return p;
}

inline Result<CheckedPetition> Check(const NewPetition& p) {
  return CheckNewPetition(p, Villages(), DefaultPetitionFields());
}

// The field errors of a failed check (and that it failed as documented).
inline std::vector<FieldError> Errors(const NewPetition& p) {
  Result<CheckedPetition> r = Check(p);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {};
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message, kInvalidInput);
  return r.error().fields;
}

// The single error on `field`; fails the test unless there is exactly one
// error in total.
inline std::string OnlyError(const NewPetition& p, const std::string& field) {
  std::vector<FieldError> errors = Errors(p);
  EXPECT_EQ(errors.size(), 1u);
  if (errors.size() != 1) {
    for (const FieldError& e : errors) ADD_FAILURE() << e.field << ": " << e.message;
    return "";
  }
  EXPECT_EQ(errors[0].field, field);
  return errors[0].message;
}

inline bool HasError(const std::vector<FieldError>& errors, const std::string& field) {
  for (const FieldError& e : errors) {
    if (e.field == field) return true;
  }
  return false;
}

}  // namespace doithoai::intake_testing

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_INTAKE_TESTING_H_
