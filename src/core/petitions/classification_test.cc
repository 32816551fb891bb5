#include "core/petitions/classification.h"

#include <gtest/gtest.h>

#include <iterator>
#include <set>

namespace doithoai {
namespace {

// domain.md §2.2 classes, §7 Bảng 1 symbols.
TEST(PetitionClassTest, CodesLabelsAndSymbols) {
  struct Row {
    PetitionClass petition_class;
    const char* code;
    const char* label;
    const char* symbol;
  };
  const Row rows[] = {
      {PetitionClass::kComplaint, "complaint", "Khiếu nại", "KN"},
      {PetitionClass::kDenunciation, "denunciation", "Tố cáo", "TC"},
      {PetitionClass::kProposal, "proposal", "Kiến nghị", "KNg"},
      {PetitionClass::kReport, "report", "Phản ánh", "PA"},
  };
  ASSERT_EQ(std::size(rows), kAllPetitionClasses.size());
  for (const Row& row : rows) {
    EXPECT_EQ(PetitionClassCode(row.petition_class), row.code);
    EXPECT_EQ(PetitionClassLabel(row.petition_class), row.label);
    EXPECT_EQ(PetitionClassSymbol(row.petition_class), row.symbol);
  }
}

TEST(PetitionClassTest, ParsesCodesLabelsAndSymbolsRoundTrip) {
  for (PetitionClass c : kAllPetitionClasses) {
    EXPECT_EQ(ParsePetitionClass(PetitionClassCode(c)).value(), c);
    EXPECT_EQ(ParsePetitionClass(PetitionClassLabel(c)).value(), c);
    EXPECT_EQ(ParsePetitionClass(PetitionClassSymbol(c)).value(), c);
  }
}

TEST(PetitionClassTest, ParsesFoldedAndOddlyWrittenInput) {
  struct Row {
    const char* input;
    PetitionClass expected;
  };
  const Row rows[] = {
      {"khieu nai", PetitionClass::kComplaint},
      {"KHIẾU NẠI", PetitionClass::kComplaint},
      {"  Complaint ", PetitionClass::kComplaint},
      {"tố cáo", PetitionClass::kDenunciation},
      {"to cao", PetitionClass::kDenunciation},
      {"kiến nghị", PetitionClass::kProposal},
      {"kng", PetitionClass::kProposal},
      {"kn", PetitionClass::kComplaint},
      {"phan anh", PetitionClass::kReport},
      {"Phản  ánh", PetitionClass::kReport},
      {"pa", PetitionClass::kReport},
  };
  for (const Row& row : rows) {
    Result<PetitionClass> parsed = ParsePetitionClass(row.input);
    ASSERT_TRUE(parsed.ok()) << row.input;
    EXPECT_EQ(*parsed, row.expected) << row.input;
  }
}

TEST(PetitionClassTest, RejectsUnknownWithVietnameseMessage) {
  for (const char* input : {"", "   ", "khiếu", "đề nghị", "kiến nghị, phản ánh"}) {
    Result<PetitionClass> parsed = ParsePetitionClass(input);
    ASSERT_FALSE(parsed.ok()) << input;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(parsed.error().message.find("Khiếu nại, Tố cáo, Kiến nghị, Phản ánh"),
              std::string::npos);
  }
}

// domain.md §7 Bảng 2: nine defaults, labels verbatim, "khác" last.
TEST(PetitionFieldTest, DefaultsMatchTheDomainList) {
  const std::vector<PetitionField>& fields = DefaultPetitionFields();
  const char* labels[] = {
      "đất đai – môi trường",
      "xây dựng – giao thông – thủy lợi (hạ tầng)",
      "chế độ chính sách – an sinh xã hội",
      "kinh tế – sản xuất – nông nghiệp",
      "văn hóa – giáo dục – y tế",
      "an ninh – trật tự",
      "thủ tục hành chính – cải cách hành chính",
      "tổ chức, hoạt động của cán bộ, chính quyền, đoàn thể",
      "khác",
  };
  ASSERT_EQ(fields.size(), std::size(labels));
  std::set<std::string> codes;
  for (size_t i = 0; i < fields.size(); ++i) {
    EXPECT_EQ(fields[i].label, labels[i]);
    EXPECT_TRUE(codes.insert(fields[i].code).second) << fields[i].code;
    for (char c : fields[i].code) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << fields[i].code;
    }
    // Every default is found by its own code and label.
    EXPECT_EQ(MatchField(fields, fields[i].code).value(), fields[i].code);
    EXPECT_EQ(MatchField(fields, fields[i].label).value(), fields[i].code);
  }
  EXPECT_EQ(fields.front().code, "dat-dai-moi-truong");
  EXPECT_EQ(fields.back().code, "khac");
}

TEST(PetitionFieldTest, MatchFieldTable) {
  struct Row {
    const char* input;
    const char* code;
  };
  const Row rows[] = {
      {"dat-dai-moi-truong", "dat-dai-moi-truong"},
      {"DAT-DAI-MOI-TRUONG", "dat-dai-moi-truong"},
      {"Đất đai – Môi trường", "dat-dai-moi-truong"},
      {"dat dai - moi truong", "dat-dai-moi-truong"},
      {"đất đai-môi trường", "dat-dai-moi-truong"},
      {"  an ninh – trật tự  ", "an-ninh-trat-tu"},
      {"AN NINH - TRAT TU", "an-ninh-trat-tu"},
      {"văn hoá – giáo dục – y tế", "van-hoa-giao-duc-y-te"},  // old tone placement
      {"xay dung - giao thong - thuy loi (ha tang)", "xay-dung-giao-thong-thuy-loi"},
      {"Tổ chức, hoạt động của cán bộ, chính quyền, đoàn thể", "to-chuc-can-bo-chinh-quyen"},
      {"Khác", "khac"},
      {"khac", "khac"},
  };
  for (const Row& row : rows) {
    Result<std::string> code = MatchField(DefaultPetitionFields(), row.input);
    ASSERT_TRUE(code.ok()) << row.input << ": " << code.error().message;
    EXPECT_EQ(*code, row.code) << row.input;
  }
}

TEST(PetitionFieldTest, MatchFieldRejectsUnknownListingValidLabels) {
  for (const char* input : {"đất đai", "giao thông", "", "  "}) {
    Result<std::string> code = MatchField(DefaultPetitionFields(), input);
    ASSERT_FALSE(code.ok()) << input;
    EXPECT_EQ(code.error().code, ErrorCode::kInvalidArgument);
    const std::string& message = code.error().message;
    EXPECT_NE(message.find("Các lĩnh vực hợp lệ: đất đai – môi trường; "), std::string::npos)
        << message;
    EXPECT_NE(message.find("; khác."), std::string::npos) << message;
    ASSERT_EQ(code.error().fields.size(), 1u);
    EXPECT_EQ(code.error().fields[0].field, "field");
  }
  EXPECT_NE(MatchField(DefaultPetitionFields(), "giao thông")
                .error()
                .message.find("Lĩnh vực \"giao thông\" không có trong danh sách."),
            std::string::npos);
  EXPECT_EQ(MatchField(DefaultPetitionFields(), "").error().message.rfind("Chưa ghi lĩnh vực.", 0),
            0u);
}

TEST(PetitionFieldTest, MatchFieldUsesTheCommuneList) {
  const std::vector<PetitionField> custom = {{"nuoc-sach", "nước sạch"}, {"khac", "khác"}};
  EXPECT_EQ(MatchField(custom, "Nuoc sach").value(), "nuoc-sach");
  Result<std::string> missing = MatchField(custom, "an ninh – trật tự");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("Các lĩnh vực hợp lệ: nước sạch; khác."),
            std::string::npos);
}

}  // namespace
}  // namespace doithoai
