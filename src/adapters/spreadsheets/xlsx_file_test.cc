#include "adapters/spreadsheets/xlsx_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace doithoai::spreadsheets {
namespace {

TEST(TempFileTest, PrivateFileNamedByPrefixRemovedAtTheEnd) {
  std::string path;
  {
    TempFile file("doithoai-xlsx-test");
    ASSERT_TRUE(file.ok());
    path = file.path();
    EXPECT_NE(path.find("/doithoai-xlsx-test-"), std::string::npos) << path;
    const auto perms = std::filesystem::status(path).permissions();
    EXPECT_EQ(perms & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(TempFileTest, UnwritableDirectoryIsNotOk) {
  ASSERT_EQ(setenv("TMPDIR", "/nonexistent/doithoai-xlsx-test", 1), 0);
  TempFile file("doithoai-xlsx-test");
  unsetenv("TMPDIR");
  EXPECT_FALSE(file.ok());
}

TEST(ReadWorkbookBackTest, ReturnsTheBytesOrNamesWhatWasLost) {
  TempFile file("doithoai-xlsx-test");
  ASSERT_TRUE(file.ok());
  {
    std::ofstream out(file.path(), std::ios::binary);
    out << std::string("PK\0\x03", 4) << "rest";
  }
  Result<std::string> bytes = ReadWorkbookBack(file, "thử");
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, std::string("PK\0\x03", 4) + "rest");

  ASSERT_EQ(unlink(file.path().c_str()), 0);
  Result<std::string> lost = ReadWorkbookBack(file, "thử");
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(lost.error().message, "Không đọc lại được tệp Excel thử vừa tạo.");
}

}  // namespace
}  // namespace doithoai::spreadsheets
