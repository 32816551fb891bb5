#include "app/eval_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace doithoai::app {
namespace {

class EvalCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "doithoai_eval_XXXXXX";
    const int fd = mkstemp(pattern.data());
    ASSERT_GE(fd, 0);
    close(fd);
    path_ = pattern;
  }
  void TearDown() override { std::remove(path_.c_str()); }
  void Write(const std::string& content) { std::ofstream(path_, std::ios::binary) << content; }
  std::string path_;
};

constexpr char kGood[] =
    R"({"id": "e1", "text": "Đề nghị cấp sổ đỏ cho hộ ông An ở thôn 1", "field": "dat-dai-moi-truong", "unit": "ĐC-XD", "dup_group": "g01", "class": "proposal"})"
    "\n"
    R"({"id": "e2", "text": "Đề nghị cấp sổ đỏ cho hộ ông An thôn 1", "field": "dat-dai-moi-truong", "unit": "ĐC-XD", "dup_group": "g01"})"
    "\n\n"
    R"({"id": 3, "text": "Trộm cắp gà vịt ban đêm, đề nghị công an tuần tra", "field": "an ninh – trật tự", "unit": "CA", "dup_group": ""})"
    "\n";

TEST_F(EvalCommandTest, PrintsTheTable) {
  Write(kGood);
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunEvalSuggestions(path_, out, err), 0) << err.str();
  EXPECT_TRUE(err.str().empty());
  const std::string text = out.str();
  EXPECT_NE(text.find("Số mục: 3"), std::string::npos) << text;
  EXPECT_NE(text.find("Ngày đầu"), std::string::npos);
  EXPECT_NE(text.find("kiểm định chéo 5 phần"), std::string::npos);
  EXPECT_NE(text.find("100.0%"), std::string::npos);  // day-one field top-1 on this set
  EXPECT_NE(text.find("kDuplicateThreshold"), std::string::npos);
  EXPECT_NE(text.find("precision"), std::string::npos);
}

TEST_F(EvalCommandTest, ParsesItems) {
  const Result<std::vector<EvalItem>> items = ParseEvalItems(kGood);
  ASSERT_TRUE(items.ok()) << items.error().message;
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ((*items)[0].id, "e1");
  EXPECT_EQ((*items)[0].unit_short, "ĐC-XD");
  EXPECT_EQ((*items)[0].dup_group, "g01");
  EXPECT_EQ((*items)[2].id, "3");
  EXPECT_EQ((*items)[2].field, "an-ninh-trat-tu");  // label matched to the code
}

TEST_F(EvalCommandTest, BadLineIsNamed) {
  Write(std::string(kGood) + "{\"id\": \"e4\", \"text\": \"x\"}\n");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunEvalSuggestions(path_, out, err), 2);
  EXPECT_NE(err.str().find("Dòng 5"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("\"field\""), std::string::npos) << err.str();
  EXPECT_TRUE(out.str().empty());

  Write("{\"id\": \"e1\", \"text\": \"a\", \"field\": \"khac\"}\nnot json\n");
  std::ostringstream err2;
  EXPECT_EQ(RunEvalSuggestions(path_, out, err2), 2);
  EXPECT_NE(err2.str().find("Dòng 2: không phải đối tượng JSON."), std::string::npos) << err2.str();

  Write("{\"id\": \"e1\", \"text\": \"a\", \"field\": \"không có\"}\n");
  std::ostringstream err3;
  EXPECT_EQ(RunEvalSuggestions(path_, out, err3), 2);
  EXPECT_NE(err3.str().find("Dòng 1"), std::string::npos) << err3.str();
}

TEST_F(EvalCommandTest, MissingOrEmptyFile) {
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunEvalSuggestions(path_ + ".missing", out, err), 2);
  EXPECT_NE(err.str().find("Không mở được tệp đánh giá"), std::string::npos);
  Write("\n\n");
  std::ostringstream err2;
  EXPECT_EQ(RunEvalSuggestions(path_, out, err2), 2);
  EXPECT_NE(err2.str().find("không có mục nào"), std::string::npos) << err2.str();
}

}  // namespace
}  // namespace doithoai::app
