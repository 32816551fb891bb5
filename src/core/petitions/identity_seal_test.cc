#include "core/petitions/identity_seal.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <utility>

namespace doithoai {
namespace {

// A vault whose seal names its key, so a seal made under another key does not
// open (not encryption: enough to tell the keys apart).
class KeyedVault : public IdentityVault {
 public:
  explicit KeyedVault(std::string key) : key_(std::move(key)) {}
  Result<std::string> Seal(std::string_view plaintext) override {
    return key_ + "|" + std::string(plaintext);
  }
  Result<std::string> Open(std::string_view sealed) override {
    if (sealed.substr(0, key_.size() + 1) != key_ + "|") {
      return MakeError(ErrorCode::kInternal, "sai khóa");
    }
    return std::string(sealed.substr(key_.size() + 1));
  }
  std::string PhoneDigest(std::string_view phone) override {
    return key_ + ":" + std::string(phone);
  }

 private:
  std::string key_;
};

// Stores like FileAttachmentStore: sealed bytes under the hash of what is
// stored, so re-sealing gives a new hash.
class Store : public AttachmentStore {
 public:
  explicit Store(IdentityVault& vault) : vault_(vault) {}
  Result<std::string> Put(std::string_view bytes, bool seal) override {
    std::string stored(bytes);
    if (seal) {
      ASSIGN_OR_RETURN(stored, vault_.Seal(bytes));
    }
    const std::string hash = "h" + std::to_string(std::hash<std::string>()(stored));
    files_[hash] = stored;
    return hash;
  }
  Result<std::string> Get(std::string_view hash, bool sealed) override {
    auto it = files_.find(std::string(hash));
    if (it == files_.end()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp.");
    if (sealed) return vault_.Open(it->second);
    return it->second;
  }
  bool Has(const std::string& hash) const { return files_.count(hash) == 1; }

 private:
  IdentityVault& vault_;
  std::map<std::string, std::string> files_;
};

Submitter Someone() {
  Submitter s;
  s.name = "Nguyễn Văn: Tố";  // a colon in a field is data, not a separator
  s.phone = "0987654321";
  s.address = "Thôn Đông";
  s.village_id = VillageId{7};
  s.id_number = "038012345678";
  return s;
}

TEST(IdentitySealTest, TheSealedFormRoundTripsAndGarbageIsAnErrorNotACrash) {
  Result<Submitter> back = DecodeSubmitter(EncodeSubmitter(Someone()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->name, "Nguyễn Văn: Tố");
  EXPECT_EQ(back->phone, "0987654321");
  EXPECT_EQ(back->village_id, VillageId{7});
  EXPECT_EQ(back->id_number, "038012345678");
  for (const char* bad : {"", "3:abc", "1:a1:b1:c1:x0:", "99999999999999999999:a", "x:1:2",
                          "1:a1:b1:c20:99999999999999999999990:"}) {
    Result<Submitter> r = DecodeSubmitter(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kInternal) << bad;
    }
  }
}

class MoveSealsTest : public ::testing::Test {
 protected:
  // A denunciation sealed under the source's key with a sealed photo, and
  // a clear attachment.
  Petition Denunciation() {
    Petition p;
    p.code = "HT-26-0009-K";
    p.identity_sealed = true;
    p.sealed_identity = *from_vault_.Seal(EncodeSubmitter(Someone()));
    p.phone_digest = from_vault_.PhoneDigest("0987654321");
    p.attachments.push_back(
        {*from_files_.Put("ảnh sổ địa chính", true), "anh.jpg", "image/jpeg", 10, true});
    p.attachments.push_back(
        {*from_files_.Put("biên nhận", false), "bn.pdf", "application/pdf", 9, false});
    return p;
  }
  KeyedVault from_vault_{"xa"};
  KeyedVault to_vault_{"tinh"};
  Store from_files_{from_vault_};
  Store to_files_{to_vault_};
};

TEST_F(MoveSealsTest, ADenunciationEndsUpUnderTheTargetsKeyOnly) {
  Petition p = Denunciation();
  const std::string clear_hash = p.attachments[1].hash;
  const std::string sealed_hash = p.attachments[0].hash;
  Result<SealMoveCount> moved =
      MoveSeals(p, SealMove{from_vault_, to_vault_, from_files_, to_files_});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_TRUE(moved->rekeyed);
  EXPECT_EQ(moved->attachments, 2);
  // CONF-01: only the target's key opens the identity now.
  EXPECT_FALSE(from_vault_.Open(p.sealed_identity).ok());
  Result<std::string> plain = to_vault_.Open(p.sealed_identity);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(DecodeSubmitter(*plain)->name, "Nguyễn Văn: Tố");
  EXPECT_EQ(p.phone_digest, to_vault_.PhoneDigest("0987654321"));
  // CONF-04: the photo was sealed again (a new hash) in the target's store;
  // the clear file kept its hash.
  EXPECT_NE(p.attachments[0].hash, sealed_hash);
  EXPECT_EQ(*to_files_.Get(p.attachments[0].hash, true), "ảnh sổ địa chính");
  EXPECT_EQ(p.attachments[1].hash, clear_hash);
  EXPECT_TRUE(to_files_.Has(clear_hash));
}

TEST_F(MoveSealsTest, AClearPetitionGetsTheTargetsPhoneDigest) {
  Petition p;
  p.code = "HT-26-0001-K";
  p.submitter = Someone();
  p.phone_digest = from_vault_.PhoneDigest(p.submitter.phone);
  Result<SealMoveCount> moved =
      MoveSeals(p, SealMove{from_vault_, to_vault_, from_files_, to_files_});
  ASSERT_TRUE(moved.ok());
  EXPECT_TRUE(moved->rekeyed);
  EXPECT_EQ(p.phone_digest, to_vault_.PhoneDigest("0987654321"));
  // Without a phone there is no digest to move.
  Petition quiet;
  quiet.code = "HT-26-0002-K";
  moved = MoveSeals(quiet, SealMove{from_vault_, to_vault_, from_files_, to_files_});
  ASSERT_TRUE(moved.ok());
  EXPECT_FALSE(moved->rekeyed);
  EXPECT_EQ(quiet.phone_digest, "");
}

TEST_F(MoveSealsTest, WithTheSameKeyTheStoredBytesAreCopiedAsTheyAre) {
  Petition p = Denunciation();
  const Petition before = p;
  Store same_key_files{from_vault_};
  Result<SealMoveCount> moved =
      MoveSeals(p, SealMove{from_vault_, from_vault_, from_files_, same_key_files});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_FALSE(moved->rekeyed);
  EXPECT_EQ(p.sealed_identity, before.sealed_identity);
  EXPECT_EQ(p.phone_digest, before.phone_digest);
  ASSERT_EQ(p.attachments.size(), 2u);
  for (size_t i = 0; i < p.attachments.size(); ++i) {
    EXPECT_EQ(p.attachments[i].hash, before.attachments[i].hash);
    EXPECT_TRUE(same_key_files.Has(p.attachments[i].hash));
  }
}

TEST_F(MoveSealsTest, TheWrongSourceKeyOrAMissingFileIsRefusedNamingThePetition) {
  Petition p = Denunciation();
  KeyedVault wrong{"khac"};
  Result<SealMoveCount> moved = MoveSeals(p, SealMove{wrong, to_vault_, from_files_, to_files_});
  ASSERT_FALSE(moved.ok());
  EXPECT_NE(moved.error().message.find("HT-26-0009-K"), std::string::npos);
  EXPECT_NE(moved.error().message.find("--from-key"), std::string::npos);
  Petition lost = Denunciation();
  lost.attachments[1].hash = "h-missing";
  moved = MoveSeals(lost, SealMove{from_vault_, to_vault_, from_files_, to_files_});
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, ErrorCode::kNotFound);
  EXPECT_NE(moved.error().message.find("HT-26-0009-K"), std::string::npos);
}

}  // namespace
}  // namespace doithoai
