// Phone numbers (NormalizePhone and the phone of a petition) and attached
// files (SniffMediaType, count, size, type and name of attachments) of the
// petition intake.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/petitions/petition_intake.h"
#include "core/petitions/petition_intake_testing.h"

namespace doithoai {
namespace {

using intake_testing::Check;
using intake_testing::kInvalidPhone;
using intake_testing::kJpegBytes;
using intake_testing::kPdfBytes;
using intake_testing::kPngBytes;
using intake_testing::OnlyError;
using intake_testing::ValidOnline;

// ---------------------------------------------------------------- phones

TEST(NormalizePhoneTest, AcceptsWhatPeopleWrite) {
  struct Row {
    const char* input;
    const char* expected;
  };
  const Row rows[] = {
      {"0912345678", "0912345678"},
      {"0912 345 678", "0912345678"},
      {"0912.345.678", "0912345678"},
      {"0912-345-678", "0912345678"},
      {"(091) 234-5678", "0912345678"},
      {"+84 912.345.678", "0912345678"},
      {"+84912345678", "0912345678"},
      {"84912345678", "0912345678"},
      {"84-912-345-678", "0912345678"},
      {"0312345678", "0312345678"},
      {"0512345678", "0512345678"},
      {"0712345678", "0712345678"},
      {"0812345678", "0812345678"},
      {"0987654321", "0987654321"},
      {"  0912345678\t", "0912345678"},
      // Landlines: 11 digits starting 02.
      {"024 3825 1234", "02438251234"},
      {"0237.3860.123", "02373860123"},
      {"+84 24 3825 1234", "02438251234"},
  };
  for (const Row& row : rows) {
    Result<std::string> r = NormalizePhone(row.input);
    ASSERT_TRUE(r.ok()) << row.input;
    EXPECT_EQ(*r, row.expected) << row.input;
  }
}

TEST(NormalizePhoneTest, RejectsOthersWithFieldError) {
  const char* inputs[] = {
      "",
      "091234567",     // 9 digits
      "09123456789",   // 11 digits but a mobile prefix
      "091234567890",  // too long
      "abc",
      "0912abc678",
      "0112345678",  // 01x is no longer a mobile prefix
      "0412345678",  // 04 is not a mobile prefix
      "0612345678",  // 06 is not a mobile prefix
      "1912345678",  // no leading 0
      "02438251234 5",
      "0243825123",  // landline needs 11 digits
      "+1 202 555 0100",
      "+0912345678",   // "+" must be followed by 84
      "+84 91234567",  // too short after the country code
      "0912+345678",
      "84",
      "+",
      "0912_345_678",
      "０９１２３４５６７８",  // full-width digits are not accepted here
  };
  for (const char* input : inputs) {
    Result<std::string> r = NormalizePhone(input);
    ASSERT_FALSE(r.ok()) << input;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, kInvalidPhone);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0], (FieldError{"phone", kInvalidPhone}));
  }
}

// ---------------------------------------------------------------- sniffing

TEST(SniffMediaTypeTest, RecognisesMagicNumbers) {
  EXPECT_EQ(SniffMediaType(kJpegBytes), "image/jpeg");
  EXPECT_EQ(SniffMediaType(std::string("\xFF\xD8\xFF", 3)), "image/jpeg");
  EXPECT_EQ(SniffMediaType(kPngBytes), "image/png");
  EXPECT_EQ(SniffMediaType(std::string("\x89PNG\r\n\x1A\n", 8)), "image/png");
  EXPECT_EQ(SniffMediaType(kPdfBytes), "application/pdf");
  EXPECT_EQ(SniffMediaType("%PDF-"), "application/pdf");
}

TEST(SniffMediaTypeTest, RejectsEverythingElse) {
  EXPECT_EQ(SniffMediaType(""), "");
  EXPECT_EQ(SniffMediaType(std::string("\xFF\xD8", 2)), "");           // truncated JPEG
  EXPECT_EQ(SniffMediaType(std::string("\x89PNG\r\n\x1A", 7)), "");    // truncated PNG
  EXPECT_EQ(SniffMediaType(std::string("\x89PNG\r\n\x1A\r", 8)), "");  // wrong last byte
  EXPECT_EQ(SniffMediaType("%PDF"), "");
  EXPECT_EQ(SniffMediaType("%pdf-1.4"), "");
  EXPECT_EQ(SniffMediaType(" %PDF-1.4"), "");
  EXPECT_EQ(SniffMediaType("GIF89a"), "");
  EXPECT_EQ(SniffMediaType("PK\x03\x04"), "");  // docx / zip
  EXPECT_EQ(SniffMediaType("<html><script>"), "");
  EXPECT_EQ(SniffMediaType(std::string(16, '\0')), "");
}

// ---------------------------------------------------------------- phone

TEST(CheckNewPetitionTest, PhoneRequiredOnlineOnly) {
  NewPetition p = ValidOnline();
  p.phone = " ";
  EXPECT_EQ(OnlyError(p, "phone"), "Vui lòng nhập số điện thoại để nhận thông báo kết quả.");
  p.channel = PetitionChannel::kWalkIn;
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->submitter.phone, "");
}

TEST(CheckNewPetitionTest, PhoneGivenMustBeValid) {
  NewPetition p = ValidOnline();
  p.channel = PetitionChannel::kWalkIn;
  p.phone = "091234567";
  EXPECT_EQ(OnlyError(p, "phone"), kInvalidPhone);
  p.phone = "+84 912.345.678";
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->submitter.phone, "0912345678");
}

// ---------------------------------------------------------------- attachments

TEST(CheckNewPetitionTest, TooManyAttachments) {
  NewPetition p = ValidOnline();
  p.attachments.assign(kMaxAttachments, NewAttachment{"a.png", kPngBytes});
  EXPECT_TRUE(Check(p).ok());
  p.attachments.push_back({"b.png", kPngBytes});
  EXPECT_EQ(OnlyError(p, "attachments"), "Chỉ được đính kèm tối đa 5 tệp.");
}

TEST(CheckNewPetitionTest, AttachmentSizeLimit) {
  NewPetition p = ValidOnline();
  std::string exact = kPdfBytes;
  exact.resize(kMaxAttachmentBytes, ' ');
  p.attachments.push_back({"to.pdf", exact});
  EXPECT_TRUE(Check(p).ok());
  p.attachments[0].bytes.push_back(' ');  // 5 MB + 1 byte
  EXPECT_EQ(OnlyError(p, "attachments"), "Tệp to.pdf lớn hơn 5 MB.");
}

TEST(CheckNewPetitionTest, AttachmentTypeFromBytes) {
  NewPetition p = ValidOnline();
  p.attachments.push_back({"virus.exe", "MZ\x90\x00"});
  EXPECT_EQ(OnlyError(p, "attachments"), "Tệp virus.exe không phải ảnh JPEG/PNG hoặc PDF.");
  p.attachments[0] = {"empty.pdf", ""};
  EXPECT_EQ(OnlyError(p, "attachments"), "Tệp empty.pdf không phải ảnh JPEG/PNG hoặc PDF.");
  p.attachments[0] = {"page.html", "<html>"};
  EXPECT_EQ(OnlyError(p, "attachments"), "Tệp page.html không phải ảnh JPEG/PNG hoặc PDF.");
}

TEST(CheckNewPetitionTest, ExtensionMustAgreeWithBytes) {
  struct Row {
    const char* name;
    std::string bytes;
    const char* message;
  };
  const Row rows[] = {
      {"don.pdf", kPngBytes, "Tệp don.pdf có đuôi .pdf nhưng nội dung là ảnh PNG."},
      {"anh.JPG", kPdfBytes, "Tệp anh.JPG có đuôi .JPG nhưng nội dung là tệp PDF."},
      {"anh.png", kJpegBytes, "Tệp anh.png có đuôi .png nhưng nội dung là ảnh JPEG."},
      {"anh.jpeg", kPngBytes, "Tệp anh.jpeg có đuôi .jpeg nhưng nội dung là ảnh PNG."},
  };
  for (const Row& row : rows) {
    NewPetition p = ValidOnline();
    p.attachments.push_back({row.name, row.bytes});
    EXPECT_EQ(OnlyError(p, "attachments"), row.message);
  }
  // Agreeing names, in any case, and other extensions are accepted.
  NewPetition p = ValidOnline();
  p.attachments = {{"a.JPEG", kJpegBytes},
                   {"b.jpg", kJpegBytes},
                   {"c.PNG", kPngBytes},
                   {"d.Pdf", kPdfBytes},
                   {"e.scan", kPdfBytes}};
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->media_types, (std::vector<std::string>{"image/jpeg", "image/jpeg", "image/png",
                                                      "application/pdf", "application/pdf"}));
}

TEST(CheckNewPetitionTest, FileNamePathStrippedAndDefaulted) {
  NewPetition p = ValidOnline();
  p.attachments = {{"C:\\Users\\An\\Desktop\\đơn.pdf", kPdfBytes},
                   {"../../etc/passwd.png", kPngBytes},
                   {"", kJpegBytes},
                   {"thu-muc/  ", kJpegBytes},
                   {"a\nb\x01.png", kPngBytes}};
  Result<CheckedPetition> r = Check(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->attachments[0].file_name, "đơn.pdf");
  EXPECT_EQ(r->attachments[1].file_name, "passwd.png");
  EXPECT_EQ(r->attachments[2].file_name, "tep-dinh-kem");
  EXPECT_EQ(r->attachments[3].file_name, "tep-dinh-kem");
  EXPECT_EQ(r->attachments[4].file_name, "ab.png");
}

}  // namespace
}  // namespace doithoai
