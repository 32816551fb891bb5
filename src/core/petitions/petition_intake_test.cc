// CheckNewPetition (issue #5 §2): the happy path, text (TXT-01), name and
// address, village, id number, field, and every problem reported at once.
// Phone numbers and attached files are in petition_intake_files_test.cc.
#include "core/petitions/petition_intake.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/petitions/petition_intake_testing.h"

namespace doithoai {
namespace {

using intake_testing::Check;
using intake_testing::Errors;
using intake_testing::HasError;
using intake_testing::kDenunciationNeedsIdentity;
using intake_testing::kInvalidPhone;
using intake_testing::kJpegBytes;
using intake_testing::kPdfBytes;
using intake_testing::kPngBytes;
using intake_testing::OnlyError;
using intake_testing::ValidOnline;
using intake_testing::Villages;

// ---------------------------------------------------------------- happy path

TEST(CheckNewPetitionTest, ValidOnlinePetition) {
  NewPetition p = ValidOnline();
  p.id_number = "038123456789";
  p.items[0].field = "Dat dai - moi truong";
  p.items.push_back({"Tố cáo cán bộ thu tiền sai quy định.", PetitionClass::kDenunciation, ""});
  p.attachments.push_back({"scan.pdf", kPdfBytes});
  p.attachments.push_back({"ảnh.JPG", kJpegBytes});
  p.attachments.push_back({"photo", kPngBytes});  // no extension: the bytes decide

  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok()) << r.error().fields.size();
  const CheckedPetition& c = *r;
  EXPECT_EQ(c.submitter.name, "Nguyễn Thị Đào");
  EXPECT_EQ(c.submitter.phone, "0912345678");
  EXPECT_EQ(c.submitter.address, "Thôn 1, xã Hoằng Trường");
  EXPECT_EQ(c.submitter.village_id, VillageId{11});
  EXPECT_EQ(c.submitter.id_number, "038123456789");
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].number, 1);
  EXPECT_EQ(c.items[1].number, 2);
  EXPECT_EQ(c.items[0].status, ItemStatus::kReceived);
  EXPECT_EQ(c.items[1].status, ItemStatus::kReceived);
  EXPECT_EQ(c.items[0].petition_class, PetitionClass::kProposal);  // default
  EXPECT_EQ(c.items[1].petition_class, PetitionClass::kDenunciation);
  EXPECT_FALSE(c.items[0].class_confirmed);
  EXPECT_FALSE(c.items[1].class_confirmed);
  EXPECT_EQ(c.items[0].field, "dat-dai-moi-truong");
  EXPECT_EQ(c.items[1].field, "");
  EXPECT_EQ(c.items[0].text, "Đường liên thôn bị hỏng, đề nghị sửa chữa.");
  ASSERT_EQ(c.attachments.size(), 3u);
  ASSERT_EQ(c.media_types.size(), 3u);
  EXPECT_EQ(c.attachments[0].file_name, "scan.pdf");
  EXPECT_EQ(c.attachments[0].bytes, kPdfBytes);
  EXPECT_EQ(c.media_types[0], "application/pdf");
  EXPECT_EQ(c.attachments[1].file_name, "ảnh.JPG");
  EXPECT_EQ(c.media_types[1], "image/jpeg");
  EXPECT_EQ(c.attachments[2].file_name, "photo");
  EXPECT_EQ(c.media_types[2], "image/png");
}

TEST(CheckNewPetitionTest, OptionalFieldsMayBeEmpty) {
  NewPetition p = ValidOnline();
  p.address = "";
  p.village = "";
  p.id_number = "";
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->submitter.village_id.has_value());
  EXPECT_EQ(r->submitter.address, "");
  EXPECT_TRUE(r->attachments.empty());
  EXPECT_TRUE(r->media_types.empty());
}

TEST(CheckNewPetitionTest, EmptyFieldListFallsBackToDefaults) {
  NewPetition p = ValidOnline();
  p.items[0].field = "an-ninh-trat-tu";
  Result<CheckedPetition> r = CheckNewPetition(p, Villages(), {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->items[0].field, "an-ninh-trat-tu");
}

TEST(CheckNewPetitionTest, CustomFieldListIsUsed) {
  NewPetition p = ValidOnline();
  const std::vector<PetitionField> fields = {{"nuoc-sach", "nước sạch"}};
  p.items[0].field = "Nuoc sach";
  Result<CheckedPetition> r = CheckNewPetition(p, Villages(), fields);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->items[0].field, "nuoc-sach");
  p.items[0].field = "dat-dai-moi-truong";  // a default field the commune removed
  r = CheckNewPetition(p, Villages(), fields);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "field");
}

// ---------------------------------------------------------------- text (TXT-01)

TEST(CheckNewPetitionTest, NfdInputIsStoredAsNfc) {
  NewPetition p = ValidOnline();
  // "Nguyễn" and "Đường" decomposed (NFD): e + U+0302 + U+0303, u + U+031B + U+0300.
  p.name =
      "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 \xC4\x90"
      "a\xCC\x80o";
  p.address = "Tho\xCC\x82n 1";
  p.items[0].text = "\xC4\x90u\xCC\x9B\xC6\xA1\xCC\x80ng ho\xCC\x89ng";
  p.attachments.push_back({"a\xCC\x89nh.png", kPngBytes});
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->submitter.name, "Nguyễn Thị Đào");
  EXPECT_EQ(r->submitter.address, "Thôn 1");
  EXPECT_EQ(r->items[0].text, "Đường hỏng");
  EXPECT_EQ(r->attachments[0].file_name, "ảnh.png");
}

TEST(CheckNewPetitionTest, HostileAttachmentNamesKeepOnlyAPlainFileName) {
  // Issue #9 (hostile uploads): paths, control bytes and dot-only names.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"../../../../etc/passwd.png", "passwd.png"},
      {"..\\..\\windows\\a.png", "a.png"},
      {std::string("anh\0.php.png", 12), "anh.php.png"},
      {"anh\r\nX: 1.png", "anhX: 1.png"},
      {"..", "tep-dinh-kem"},
      {"...", "tep-dinh-kem"},
      {"a/..", "tep-dinh-kem"},
      {"", "tep-dinh-kem"},
  };
  for (const auto& [raw, clean] : cases) {
    NewPetition p = ValidOnline();
    p.attachments.push_back({raw, kPngBytes});
    Result<CheckedPetition> r = Check(p);
    ASSERT_TRUE(r.ok()) << raw;
    ASSERT_EQ(r->attachments.size(), 1u);
    EXPECT_EQ(r->attachments[0].file_name, clean) << raw;
  }
}

TEST(CheckNewPetitionTest, TrimsSurroundingWhitespace) {
  NewPetition p = ValidOnline();
  p.name = "  Nguyễn Văn An\t";
  p.address = "\u00A0Thôn 2 \n";
  p.village = " thôn 2 ";
  p.items[0].text = "\n  Nội dung  \r\n";
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->submitter.name, "Nguyễn Văn An");
  EXPECT_EQ(r->submitter.address, "Thôn 2");
  EXPECT_EQ(r->submitter.village_id, VillageId{12});
  EXPECT_EQ(r->items[0].text, "Nội dung");
}

TEST(CheckNewPetitionTest, EmptyTextRejected) {
  NewPetition p = ValidOnline();
  p.items[0].text = "   \n ";
  EXPECT_EQ(OnlyError(p, "text"), "Vui lòng nhập nội dung kiến nghị, phản ánh.");
}

TEST(CheckNewPetitionTest, NoItemsRejectedOnText) {
  NewPetition p = ValidOnline();
  p.items.clear();
  EXPECT_EQ(OnlyError(p, "text"), "Vui lòng nhập nội dung kiến nghị, phản ánh.");
}

TEST(CheckNewPetitionTest, TooManyItemsRejected) {
  NewPetition p = ValidOnline();
  p.items.assign(kMaxPetitionItems + 1, NewPetitionItem{"Nội dung", std::nullopt, ""});
  EXPECT_EQ(OnlyError(p, "text"), "Một đơn có tối đa 20 nội dung.");
  p.items.resize(kMaxPetitionItems);
  EXPECT_TRUE(Check(p).ok());
}

TEST(CheckNewPetitionTest, TextLimitCountsCodePointsAfterNfc) {
  NewPetition p = ValidOnline();
  // 5000 "ệ" in NFD are 15000 code points but 5000 after NFC: accepted.
  std::string nfd;
  for (size_t i = 0; i < kMaxPetitionTextChars; ++i) nfd += "e\xCC\xA3\xCC\x82";
  p.items[0].text = nfd;
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->items[0].text.size(), kMaxPetitionTextChars * 3);  // "ệ" is 3 bytes in NFC

  p.items[0].text = nfd + "a";
  EXPECT_EQ(OnlyError(p, "text"),
            "Nội dung dài quá 5000 ký tự; vui lòng tóm tắt hoặc gửi kèm tệp.");
}

TEST(CheckNewPetitionTest, HundredKilobyteTextRejected) {
  NewPetition p = ValidOnline();
  p.items[0].text = std::string(100 * 1024, 'a');
  EXPECT_EQ(OnlyError(p, "text"),
            "Nội dung dài quá 5000 ký tự; vui lòng tóm tắt hoặc gửi kèm tệp.");
}

TEST(CheckNewPetitionTest, InvalidUtf8RejectedOnEachField) {
  const std::string bad_inputs[] = {
      "\xC3\x28",          // invalid continuation byte
      "\xC0\xAF",          // overlong "/"
      "ab\xE0\x80\xAF",    // overlong 3-byte
      "\xED\xA0\x80",      // UTF-16 surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "x\xFF",
      "\xE1\xBB",  // truncated
  };
  for (const std::string& bad : bad_inputs) {
    {
      NewPetition p = ValidOnline();
      p.items[0].text = bad;
      EXPECT_EQ(OnlyError(p, "text"), "Nội dung chứa ký tự không hợp lệ (không phải UTF-8).");
    }
    {
      NewPetition p = ValidOnline();
      p.name = bad;
      EXPECT_EQ(OnlyError(p, "name"), "Họ tên chứa ký tự không hợp lệ (không phải UTF-8).");
    }
    {
      NewPetition p = ValidOnline();
      p.address = bad;
      EXPECT_EQ(OnlyError(p, "address"), "Địa chỉ chứa ký tự không hợp lệ (không phải UTF-8).");
    }
    {
      NewPetition p = ValidOnline();
      p.phone = bad;
      EXPECT_EQ(OnlyError(p, "phone"), "Số điện thoại chứa ký tự không hợp lệ (không phải UTF-8).");
    }
    {
      NewPetition p = ValidOnline();
      p.village = bad;
      EXPECT_EQ(OnlyError(p, "village"), "Thôn chứa ký tự không hợp lệ (không phải UTF-8).");
    }
    {
      NewPetition p = ValidOnline();
      p.id_number = bad;
      EXPECT_EQ(OnlyError(p, "id_number"),
                "Số CMND/CCCD chứa ký tự không hợp lệ (không phải UTF-8).");
    }
    {
      NewPetition p = ValidOnline();
      p.items[0].field = bad;
      EXPECT_EQ(OnlyError(p, "field"), "Lĩnh vực chứa ký tự không hợp lệ (không phải UTF-8).");
    }
    {
      NewPetition p = ValidOnline();
      p.attachments.push_back({"scan" + bad + ".pdf", kPdfBytes});
      EXPECT_EQ(OnlyError(p, "attachments"),
                "Tên tệp đính kèm chứa ký tự không hợp lệ (không phải UTF-8).");
    }
  }
}

TEST(CheckNewPetitionTest, SeveralItemsSayWhichItemIsWrong) {
  NewPetition p = ValidOnline();
  p.items.push_back({"", std::nullopt, ""});
  p.items.push_back({"Nội dung ba", std::nullopt, "không có"});
  std::vector<FieldError> errors = Errors(p);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0],
            (FieldError{"text", "Nội dung 2: Vui lòng nhập nội dung kiến nghị, phản ánh."}));
  EXPECT_EQ(errors[1].field, "field");
  EXPECT_EQ(
      errors[1].message.rfind("Nội dung 3: Lĩnh vực \"không có\" không có trong danh sách.", 0), 0u)
      << errors[1].message;
}

// ---------------------------------------------------------------- name, address

TEST(CheckNewPetitionTest, NameRequiredOnline) {
  NewPetition p = ValidOnline();
  p.name = "  ";
  EXPECT_EQ(OnlyError(p, "name"), "Vui lòng nhập họ tên người gửi.");
}

TEST(CheckNewPetitionTest, NameRequiredForWalkInConferenceAndForwarded) {
  for (PetitionChannel channel :
       {PetitionChannel::kWalkIn, PetitionChannel::kConference, PetitionChannel::kForwarded}) {
    NewPetition p = ValidOnline();
    p.channel = channel;
    p.name = "";
    EXPECT_EQ(OnlyError(p, "name"), "Vui lòng nhập họ tên người gửi.")
        << PetitionChannelCode(channel);
  }
}

TEST(CheckNewPetitionTest, AnonymousProposalAllowedFromVillageHeadOrLetter) {
  for (PetitionChannel channel : {PetitionChannel::kVillageHead, PetitionChannel::kLetter}) {
    NewPetition p = ValidOnline();
    p.channel = channel;
    p.name = "";
    p.phone = "";  // the phone is only required online
    p.address = "";
    p.items.push_back({"Phản ánh tiếng ồn", PetitionClass::kReport, ""});
    p.items.push_back({"Khiếu nại quyết định", PetitionClass::kComplaint, ""});
    Result<CheckedPetition> r = Check(p);
    EXPECT_TRUE(r.ok()) << PetitionChannelCode(channel);
  }
}

// CLS-03 / TC-06: an anonymous tố cáo is not handled; the name and address
// of the denouncer are required whatever the channel.
TEST(CheckNewPetitionTest, DenunciationNeedsNameAndAddress) {
  for (PetitionChannel channel : {PetitionChannel::kOnline, PetitionChannel::kWalkIn,
                                  PetitionChannel::kVillageHead, PetitionChannel::kLetter}) {
    NewPetition p = ValidOnline();
    p.channel = channel;
    p.items.push_back({"Tố cáo cán bộ", PetitionClass::kDenunciation, ""});
    p.address = "";
    EXPECT_EQ(OnlyError(p, "address"), kDenunciationNeedsIdentity) << PetitionChannelCode(channel);

    p.name = "";
    std::vector<FieldError> errors = Errors(p);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0], (FieldError{"name", kDenunciationNeedsIdentity}));
    EXPECT_EQ(errors[1], (FieldError{"address", kDenunciationNeedsIdentity}));

    p.address = "Thôn 2";
    EXPECT_EQ(OnlyError(p, "name"), kDenunciationNeedsIdentity);
  }
}

TEST(CheckNewPetitionTest, NameAndAddressLengthLimits) {
  NewPetition p = ValidOnline();
  std::string name;
  for (size_t i = 0; i < kMaxSubmitterNameChars; ++i) name += "Đ";
  p.name = name;
  std::string address;
  for (size_t i = 0; i < kMaxAddressChars; ++i) address += "ô";
  p.address = address;
  EXPECT_TRUE(Check(p).ok());

  p.name = name + "a";
  EXPECT_EQ(OnlyError(p, "name"), "Họ tên dài quá 100 ký tự.");
  p.name = "An";
  p.address = address + "a";
  EXPECT_EQ(OnlyError(p, "address"), "Địa chỉ dài quá 300 ký tự.");
}

// ---------------------------------------------------------------- village

TEST(CheckNewPetitionTest, VillageMatchedByFoldedName) {
  struct Row {
    const char* input;
    int64_t id;
  };
  const Row rows[] = {
      {"Thôn 1", 11},
      {"thôn 1", 11},
      {"THON 1", 11},
      {"  thon   2 ", 12},
      {"Thôn Trung Thành", 13},
      {"thon trung thanh", 13},
      {"Tho\xCC\x82n Trung Tha\xCC\x80nh", 13},  // NFD
      {"to dan pho dong hai", 14},
      {"Trung Thành", 13},  // without the type word
      {"Đông Hải", 14},
  };
  for (const Row& row : rows) {
    NewPetition p = ValidOnline();
    p.village = row.input;
    Result<CheckedPetition> r = Check(p);
    ASSERT_TRUE(r.ok()) << row.input;
    EXPECT_EQ(r->submitter.village_id, VillageId{row.id}) << row.input;
  }
}

TEST(CheckNewPetitionTest, VillageMatchedById) {
  NewPetition p = ValidOnline();
  p.village = "13";
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->submitter.village_id, VillageId{13});
}

TEST(CheckNewPetitionTest, UnknownVillageRejected) {
  for (const char* input : {"Thôn 9", "99", "1", "Trung", "Thôn", "xã khác"}) {
    NewPetition p = ValidOnline();
    p.village = input;
    EXPECT_EQ(OnlyError(p, "village"), std::string("Thôn không thuộc xã này: ") + input + ".");
  }
  NewPetition p = ValidOnline();
  p.village = "Thôn 1";
  EXPECT_FALSE(CheckNewPetition(p, {}, DefaultPetitionFields()).ok());
}

// ---------------------------------------------------------------- id number

TEST(CheckNewPetitionTest, IdNumberNineOrTwelveDigits) {
  for (const char* ok : {"123456789", "038123456789", " 0381 2345 6789 "}) {
    NewPetition p = ValidOnline();
    p.id_number = ok;
    Result<CheckedPetition> r = Check(p);
    ASSERT_TRUE(r.ok()) << ok;
    EXPECT_EQ(r->submitter.id_number.size() == 9 || r->submitter.id_number.size() == 12, true);
  }
  for (const char* bad : {"12345678", "1234567890", "0381234567890", "03812345678a", "abc"}) {
    NewPetition p = ValidOnline();
    p.id_number = bad;
    EXPECT_EQ(OnlyError(p, "id_number"), "Số CMND/CCCD phải gồm 9 hoặc 12 chữ số.") << bad;
  }
}

// ---------------------------------------------------------------- field

TEST(CheckNewPetitionTest, UnknownFieldRejectedOnField) {
  NewPetition p = ValidOnline();
  p.items[0].field = "thể thao";
  const std::string message = OnlyError(p, "field");
  EXPECT_EQ(message.rfind("Lĩnh vực \"thể thao\" không có trong danh sách.", 0), 0u) << message;
  EXPECT_NE(message.find("đất đai – môi trường"), std::string::npos);
}

// ---------------------------------------------------------------- all at once

TEST(CheckNewPetitionTest, ReportsAllProblemsAtOnce) {
  NewPetition p;
  p.channel = PetitionChannel::kOnline;
  p.name = "";
  p.phone = "abc";
  p.address = "";
  p.village = "Thôn 42";
  p.id_number = "123";
  p.items.push_back({"", PetitionClass::kDenunciation, "xyz"});
  p.attachments.push_back({"x.pdf", kPngBytes});
  std::vector<FieldError> errors = Errors(p);
  for (const char* field :
       {"name", "phone", "address", "village", "id_number", "text", "field", "attachments"}) {
    EXPECT_TRUE(HasError(errors, field)) << field;
  }
  EXPECT_EQ(errors.size(), 8u);
  EXPECT_EQ(errors[0], (FieldError{"name", kDenunciationNeedsIdentity}));
  EXPECT_EQ(errors[1], (FieldError{"phone", kInvalidPhone}));
}

}  // namespace
}  // namespace doithoai
