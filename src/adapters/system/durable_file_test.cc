#include "adapters/system/durable_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

#include "adapters/testing/temp_dir.h"

namespace doithoai::durable {
namespace {

using doithoai::testing::ReadFile;
using doithoai::testing::TempDir;

// The names in `dir`.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

TEST(ParentDirectoryTest, DirectoryPartOfAPath) {
  EXPECT_EQ(ParentDirectory("/var/lib/doithoai/key"), "/var/lib/doithoai");
  EXPECT_EQ(ParentDirectory("/key"), "/");
  EXPECT_EQ(ParentDirectory("key"), ".");
  EXPECT_EQ(ParentDirectory("data/key"), "data");
}

TEST(WriteFileTest, ReplaceWritesAndReplacesWithMode0600AndNoTemporaryName) {
  TempDir dir("durable_file_test");
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/a.bin";
  ASSERT_EQ(WriteFile(path, "first", Placement::kReplace), 0);
  EXPECT_EQ(ReadFile(path), "first");
  ASSERT_EQ(WriteFile(path, std::string("second\0bytes", 12), Placement::kReplace), 0);
  EXPECT_EQ(ReadFile(path), std::string("second\0bytes", 12));
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"a.bin"});
  EXPECT_EQ(SyncDirectory(dir.path()), 0);
}

TEST(WriteFileTest, CreateOnlyNeverReplacesAnExistingFile) {
  TempDir dir("durable_file_test");
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/key";
  ASSERT_EQ(WriteFile(path, "winner\n", Placement::kCreateOnly), 0);
  EXPECT_EQ(WriteFile(path, "loser\n", Placement::kCreateOnly), EEXIST);
  EXPECT_EQ(ReadFile(path), "winner\n");
  // Neither attempt leaves its temporary name behind.
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"key"});
}

TEST(WriteFileTest, MissingDirectoryIsAnError) {
  TempDir dir("durable_file_test");
  ASSERT_FALSE(dir.path().empty());
  EXPECT_EQ(WriteFile(dir.path() + "/nowhere/f", "x", Placement::kReplace), ENOENT);
  EXPECT_EQ(SyncDirectory(dir.path() + "/nowhere"), ENOENT);
}

}  // namespace
}  // namespace doithoai::durable
