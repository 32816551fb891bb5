#include "adapters/storage/files/file_attachment_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cctype>
#include <filesystem>
#include <memory>
#include <string>

#include "adapters/crypto/sodium_identity_vault.h"
#include "adapters/testing/temp_dir.h"

namespace doithoai::files {
namespace {

using doithoai::testing::ReadFile;
using doithoai::testing::TempDir;

class FileAttachmentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    auto vault = crypto::SodiumIdentityVault::FromKey(std::string(32, '\x42'));
    ASSERT_TRUE(vault.ok());
    vault_ = std::move(vault).value();
    // A root that does not exist yet: the first Put creates it.
    root_ = dir_.path() + "/attachments";
    store_ = std::make_unique<FileAttachmentStore>(root_, *vault_);
  }

  TempDir dir_{"attachment_store_test"};
  std::string root_;
  std::unique_ptr<crypto::SodiumIdentityVault> vault_;
  std::unique_ptr<FileAttachmentStore> store_;
};

// "%PDF-1.4" and a Vietnamese marker that must never reach the disk in clear.
const std::string kPdf = std::string("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n") +
                         "Đơn tố cáo: ông Nguyễn Văn Bí mật, thôn Đông\n" + std::string(3, '\0') +
                         "%%EOF\n";
// SHA-256 of "abc" (FIPS 180-2 test vector).
constexpr char kAbcSha256[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST_F(FileAttachmentStoreTest, PutThenGetRoundTripsUnderTheSha256) {
  Result<std::string> hash = store_->Put("abc", /*seal=*/false);
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(*hash, kAbcSha256);
  EXPECT_EQ(store_->PathOf(*hash), root_ + "/ba/78/" + kAbcSha256);
  EXPECT_EQ(ReadFile(root_ + "/ba/78/" + kAbcSha256), "abc");
  Result<std::string> bytes = store_->Get(*hash, /*sealed=*/false);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(*bytes, "abc");

  Result<std::string> pdf = store_->Put(kPdf, false);
  ASSERT_TRUE(pdf.ok());
  Result<std::string> pdf_back = store_->Get(*pdf, false);
  ASSERT_TRUE(pdf_back.ok());
  EXPECT_EQ(*pdf_back, kPdf);  // binary-safe (NUL bytes kept)
}

TEST_F(FileAttachmentStoreTest, FilesAndDirectoriesArePrivate) {
  Result<std::string> hash = store_->Put("abc", false);
  ASSERT_TRUE(hash.ok());
  struct stat st {};
  ASSERT_EQ(stat(store_->PathOf(*hash).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat((root_ + "/ba/78").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0077, 0u);
}

TEST_F(FileAttachmentStoreTest, PutIsIdempotentAndLeavesNoTemporaryFiles) {
  Result<std::string> first = store_->Put(kPdf, false);
  Result<std::string> second = store_->Put(kPdf, false);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root_)) {
    if (entry.is_regular_file()) {
      ++files;
      EXPECT_EQ(entry.path().filename().string(), *first);
    }
  }
  EXPECT_EQ(files, 1);
}

TEST_F(FileAttachmentStoreTest, PutRewritesAFileThatLostData) {
  Result<std::string> hash = store_->Put(kPdf, false);
  ASSERT_TRUE(hash.ok());
  std::ofstream(store_->PathOf(*hash), std::ios::trunc) << "%PDF";  // truncated by a crash
  EXPECT_FALSE(store_->Get(*hash, false).ok());
  ASSERT_TRUE(store_->Put(kPdf, false).ok());
  Result<std::string> back = store_->Get(*hash, false);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, kPdf);
}

// CONF-04: a denunciation's scan is stored encrypted.
TEST_F(FileAttachmentStoreTest, SealedBytesOnDiskAreCiphertext) {
  Result<std::string> hash = store_->Put(kPdf, /*seal=*/true);
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  const std::string on_disk = ReadFile(store_->PathOf(*hash));
  EXPECT_NE(on_disk, kPdf);
  EXPECT_EQ(on_disk.find("Bí mật"), std::string::npos);
  EXPECT_EQ(on_disk.find("%PDF"), std::string::npos);
  EXPECT_NE(*hash, *store_->Put(kPdf, false));  // the hash is of the stored (sealed) bytes

  Result<std::string> back = store_->Get(*hash, /*sealed=*/true);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, kPdf);

  // Read as if not sealed: the ciphertext, never the plaintext.
  Result<std::string> raw = store_->Get(*hash, /*sealed=*/false);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(*raw, on_disk);

  // Another key cannot open it.
  auto other = crypto::SodiumIdentityVault::FromKey(std::string(32, '\x43'));
  ASSERT_TRUE(other.ok());
  FileAttachmentStore other_store(root_, **other);
  Result<std::string> refused = other_store.Get(*hash, true);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInternal);
}

TEST_F(FileAttachmentStoreTest, GetRejectsAnythingButALowercaseSha256) {
  ASSERT_TRUE(store_->Put("abc", false).ok());
  std::string upper = kAbcSha256;
  for (char& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  const std::string bad[] = {
      "../../etc/passwd",
      "",
      "ba",
      upper,
      std::string(kAbcSha256) + "0",
      std::string(kAbcSha256).substr(0, 63),
      "../../../../../../../../../../../../../../../../../../../etc/passwd",
      std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f2") + "/../ab",
      std::string(kAbcSha256).substr(0, 63) + std::string(1, '\0')};
  for (const std::string& hash : bad) {
    Result<std::string> r = store_->Get(hash, false);
    ASSERT_FALSE(r.ok()) << hash;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << hash;
  }
}

TEST_F(FileAttachmentStoreTest, MissingIsNotFound) {
  Result<std::string> r = store_->Get(kAbcSha256, false);  // the root does not even exist yet
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->Put("abd", false).ok());
  r = store_->Get(kAbcSha256, false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST_F(FileAttachmentStoreTest, CorruptedFileIsDetected) {
  Result<std::string> hash = store_->Put("abc", false);
  ASSERT_TRUE(hash.ok());
  std::ofstream(store_->PathOf(*hash), std::ios::trunc) << "abd";  // same size, other bytes
  Result<std::string> r = store_->Get(*hash, false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_NE(r.error().message.find("bị hỏng"), std::string::npos);
  // Same size: Put trusts the file (it cannot tell without reading it back).
  ASSERT_TRUE(store_->Put("abc", false).ok());
}

TEST_F(FileAttachmentStoreTest, UnwritableRootIsUnavailable) {
  FileAttachmentStore store(dir_.path() + "/missing/parent/attachments", *vault_);
  Result<std::string> r = store.Put("abc", false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace doithoai::files
