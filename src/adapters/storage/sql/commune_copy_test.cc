// `doithoai copy --commune` (issue #8 §5): one commune's PC file merged into
// a province database that already holds another commune, and one commune
// copied out into a new file. The commune keeps its data and codes, its
// accounts and the ids that point at them are renumbered, denouncers'
// identities and sealed attachments are re-sealed under the target's key
// (CONF-01/04), the audit chain stays intact, and every refusal changes
// nothing.
#include "adapters/storage/sql/commune_copy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "adapters/crypto/sodium_identity_vault.h"
#include "adapters/json/conference_json.h"
#include "adapters/storage/contract/conference_repository_contract.h"
#include "adapters/storage/contract/petition_contract_fixture.h"
#include "adapters/storage/files/file_attachment_store.h"
#include "adapters/storage/sql/account_store.h"
#include "adapters/storage/sql/audit_log.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sql/conference_repository.h"
#include "adapters/storage/sql/petition_repository.h"
#include "adapters/storage/sql/sql_testing.h"
#include "core/petitions/identity_seal.h"

namespace doithoai::sql {
namespace {

namespace fs = std::filesystem;

AuditContext Ctx() {
  AuditContext ctx;
  ctx.actor_name = "test";
  ctx.at = Timestamp(std::chrono::milliseconds(1767225600000));
  return ctx;
}

std::unique_ptr<crypto::SodiumIdentityVault> Vault(char fill) {
  auto vault = crypto::SodiumIdentityVault::FromKey(std::string(32, fill));
  EXPECT_TRUE(vault.ok());
  return std::move(vault).value();
}

// A private, fresh directory for one store.
std::string TempDir(const std::string& name) {
  std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(test.begin(), test.end(), '/', '_');  // "Name/postgresql"
  const fs::path dir = fs::temp_directory_path() /
                       ("commune-copy-" + name + "-" + std::to_string(::getpid()) + "-" + test);
  fs::remove_all(dir);
  return dir.string();
}

struct SeededCommune {
  CommuneId id;
  AccountId secretary;
  std::string sealed_code;   // the denunciation's tracking code
  std::string photo;         // bytes of its sealed attachment
  std::string receipt_hash;  // an unsealed attachment of another petition
};

// A commune with a village, two accounts (secretary and chair, who signed a
// conference's minutes), five petitions, one denunciation with a sealed
// identity, phone digest and sealed photo, and one petition with an unsealed
// attachment, as a commune PC holds them.
SeededCommune Seed(Database& db, const std::string& slug, const std::string& code,
                   const std::string& user_prefix, IdentityVault& vault, AttachmentStore& files) {
  SeededCommune out;
  SqlCommuneRepository communes(db);
  Commune commune;
  commune.slug = slug;
  commune.code = code;
  commune.name = "Xã " + slug;
  Result<CommuneId> id = communes.CreateCommune(commune, Ctx());
  EXPECT_TRUE(id.ok()) << id.error().message;
  out.id = *id;
  Village village;
  village.commune_id = out.id;
  village.name = "Thôn Đông";
  EXPECT_TRUE(communes.AddVillage(village, Ctx()).ok());
  SqlAccountRepository accounts(db);
  std::vector<AccountId> signers;
  for (const char* role : {"thuky", "chutich"}) {
    Account a;
    a.commune_id = out.id;
    a.username = user_prefix + role;
    a.display_name = role;
    a.role = std::string(role) == "thuky" ? Role::kSecretary : Role::kChairman;
    a.password_hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
    Result<AccountId> created = accounts.Create(a, Ctx());
    EXPECT_TRUE(created.ok()) << created.error().message;
    signers.push_back(*created);
  }
  out.secretary = signers[0];
  Conference conference =
      contract::SampleConference(out.id, 2025, contract::ContractDate(2025, 12, 8));
  conference.minutes.secretary = SignOff{signers[0].value, "thuky", Ctx().at};
  conference.minutes.chair = SignOff{signers[1].value, "chutich", Ctx().at};
  Result<ConferenceId> conf = SqlConferenceRepository(db).Create(conference, Ctx());
  EXPECT_TRUE(conf.ok()) << conf.error().message;
  SqlPetitionRepository petitions(db);
  for (int i = 0; i < 5; ++i) {
    Petition p = contract::SamplePetition(
        out.id, 2026, "Đường liên thôn Đông hỏng nặng, lần " + std::to_string(i), i);
    p.submitter.name = "Lê Thị Hoà " + std::to_string(i);
    p.submitter.phone = "091234567" + std::to_string(i);
    p.phone_digest = vault.PhoneDigest(p.submitter.phone);
    if (i == 4) {
      Result<std::string> hash = files.Put("receipt bytes", false);
      EXPECT_TRUE(hash.ok());
      out.receipt_hash = *hash;
      p.attachments.push_back({*hash, "bien-nhan.pdf", "application/pdf", 13, false});
    }
    EXPECT_TRUE(petitions.Create(slug, p, Ctx()).ok());
  }
  Petition denounced = contract::SamplePetition(out.id, 2026, "Tố cáo cán bộ địa chính", 9);
  Submitter who;
  who.name = "Người Tố Cáo";
  who.phone = "0987654321";
  Result<std::string> sealed = vault.Seal(EncodeSubmitter(who));
  EXPECT_TRUE(sealed.ok());
  denounced.identity_sealed = true;
  denounced.submitter = Submitter{};  // stored only sealed (CONF-01)
  denounced.sealed_identity = *sealed;
  denounced.phone_digest = vault.PhoneDigest(who.phone);
  out.photo = "photo of the land register";
  Result<std::string> photo = files.Put(out.photo, true);
  EXPECT_TRUE(photo.ok());
  denounced.attachments.push_back(
      {*photo, "anh.jpg", "image/jpeg", static_cast<int64_t>(out.photo.size()), true});
  Result<CreatedPetition> created = petitions.Create(slug, denounced, Ctx());
  EXPECT_TRUE(created.ok()) << created.error().message;
  out.sealed_code = created->petition.code;
  return out;
}

int64_t Count(Database& db, const std::string& sql) {
  Result<int64_t> n = db.Read<int64_t>([&](Connection& c) -> Result<int64_t> {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
    return stmt.RunReturningInt();
  });
  EXPECT_TRUE(n.ok()) << sql << ": " << n.error().message;
  return n.ok() ? *n : -1;
}

// Row counts of every table, to show that a refusal changed nothing.
std::vector<int64_t> Counts(Database& db) {
  std::vector<int64_t> out;
  for (const CommuneTablePlan& plan : CommuneCopyPlan()) {
    if (plan.table == "copy_progress") continue;  // the copy's bookkeeping, made on first use
    out.push_back(Count(db, "SELECT count(*) FROM " + plan.table));
  }
  return out;
}

// Source: a commune PC's file with its own key and files. Target: a database
// on the engine of the parameter, with its own key and files.
class CommuneCopyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      SkipUnlessPostgres();
      if (IsSkipped()) return;
      auto created = postgres::PgTestDatabase::Create();
      ASSERT_TRUE(created.ok()) << created.error().message;
      pg_ = std::move(created).value();
      target_ = OpenMigrated(pg_->url());
    } else {
      target_ = OpenMigrated(":memory:");
    }
    ASSERT_NE(target_, nullptr);
    source_ = OpenMigrated(":memory:");
    from_files_ = std::make_unique<files::FileAttachmentStore>(TempDir("from"), *from_vault_);
    to_files_ = std::make_unique<files::FileAttachmentStore>(TempDir("to"), *to_vault_);
    seeded_ = Seed(*source_, "hoang-truong", "16000", "ht.", *from_vault_, *from_files_);
  }

  CommuneCopyOptions Options(const std::string& slug = "hoang-truong") {
    CommuneCopyOptions options;
    options.slug = slug;
    options.from_vault = from_vault_.get();
    options.to_vault = to_vault_.get();
    options.from_files = from_files_.get();
    options.to_files = to_files_.get();
    options.audit = Ctx();
    options.audit.actor_name = "cli";
    return options;
  }

  // The province already serves another commune (id 1, as the PC's commune).
  void SeedOtherCommune() {
    other_files_ = std::make_unique<files::FileAttachmentStore>(TempDir("other"), *to_vault_);
    other_ = Seed(*target_, "xuan-lap", "16100", "xl.", *to_vault_, *other_files_);
  }

  std::unique_ptr<crypto::SodiumIdentityVault> from_vault_ = Vault('a');
  std::unique_ptr<crypto::SodiumIdentityVault> to_vault_ = Vault('b');
  std::unique_ptr<postgres::PgTestDatabase> pg_;  // dropped after target_ closes
  std::unique_ptr<Database> target_;
  std::unique_ptr<Database> source_;
  std::unique_ptr<files::FileAttachmentStore> from_files_;
  std::unique_ptr<files::FileAttachmentStore> to_files_;
  std::unique_ptr<files::FileAttachmentStore> other_files_;
  SeededCommune seeded_;
  SeededCommune other_;
};

// What every successful copy must show in the target for the commune.
void ExpectCommuneWorks(Database& target, const SeededCommune& seeded,
                        const CommuneCopyReport& report, IdentityVault& to_vault,
                        AttachmentStore& to_files) {
  const CommuneId id{report.target_id};
  Result<Commune> commune = SqlCommuneRepository(target).FindCommuneBySlug("hoang-truong");
  ASSERT_TRUE(commune.ok()) << commune.error().message;
  EXPECT_EQ(commune->id, id);
  SqlPetitionRepository petitions(target);
  PetitionQuery query;
  query.q = "duong lien thon dong";  // SRCH-01: folded, đ → d
  Result<PetitionPage> found = petitions.Search(id, query);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->total, 5);
  EXPECT_EQ(report.search_rows, 6);
  // CONF-01: the denouncer's identity opens with the target's key only, and
  // the tracking check's phone digest is the target's.
  Result<Petition> denounced = petitions.FindByCodeAnyCommune(seeded.sealed_code);
  ASSERT_TRUE(denounced.ok()) << denounced.error().message;
  EXPECT_EQ(denounced->commune_id, id);
  Result<std::string> plain = to_vault.Open(denounced->sealed_identity);
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  Result<Submitter> who = DecodeSubmitter(*plain);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->name, "Người Tố Cáo");
  EXPECT_EQ(denounced->phone_digest, to_vault.PhoneDigest("0987654321"));
  // CONF-04: the sealed photo is in the target's store under the target's key.
  ASSERT_EQ(denounced->attachments.size(), 1u);
  Result<std::string> photo = to_files.Get(denounced->attachments[0].hash, true);
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(*photo, seeded.photo);
  EXPECT_TRUE(to_files.Get(seeded.receipt_hash, false).ok());
  EXPECT_EQ(report.attachments, 2);
  EXPECT_EQ(report.resealed, 6);
  // DLG-10: the minutes' signers are the commune's renumbered accounts.
  Result<std::vector<Conference>> conferences = SqlConferenceRepository(target).List(id);
  ASSERT_TRUE(conferences.ok() && conferences->size() == 1u);
  const Conference& conference = conferences->front();
  ASSERT_TRUE(conference.minutes.secretary.has_value());
  Result<Account> secretary = SqlAccountRepository(target).FindByUsername("ht.thuky");
  ASSERT_TRUE(secretary.ok()) << secretary.error().message;
  EXPECT_EQ(conference.minutes.secretary->account_id, secretary->id.value);
  EXPECT_EQ(secretary->commune_id, id);
  // The audit chain holds the commune's entries and the import, intact.
  Result<AuditVerifyReport> chain = VerifyAuditChain(target);
  ASSERT_TRUE(chain.ok());
  EXPECT_FALSE(chain->first_broken_id.has_value()) << chain->problem;
  Result<std::vector<AuditEntry>> recent = ListAudit(target, id, 1);
  ASSERT_TRUE(recent.ok() && !recent->empty());
  EXPECT_EQ(recent->front().action, "commune.import");
}

TEST_P(CommuneCopyTest, ACommuneMovesIntoANewDatabaseWithItsIdentitiesResealed) {
  std::vector<std::string> seen;
  Result<CommuneCopyReport> report = CopyCommune(
      *source_, *target_, Options(), [&](const TableCopy& t) { seen.push_back(t.table); });
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->target_id, seeded_.id.value);  // free in a new database: kept
  EXPECT_NE(std::find(seen.begin(), seen.end(), "petitions"), seen.end());
  ExpectCommuneWorks(*target_, seeded_, *report, *to_vault_, *to_files_);
  // Every copied table holds exactly the source's rows for it.
  EXPECT_EQ(Count(*target_, "SELECT count(*) FROM petitions"), 6);
  EXPECT_EQ(Count(*target_, "SELECT count(*) FROM accounts"), 2);
  // New rows get ids after the copied ones (identity sequences moved).
  Village village;
  village.commune_id = CommuneId{report->target_id};
  village.name = "Thôn Mới";
  EXPECT_TRUE(SqlCommuneRepository(*target_).AddVillage(village, Ctx()).ok());
}

TEST_P(CommuneCopyTest, RunningTheSameCopyAgainIsDoneAndAChangedSourceIsRefused) {
  ASSERT_TRUE(CopyCommune(*source_, *target_, Options()).ok());
  const std::vector<int64_t> before = Counts(*target_);
  Result<CommuneCopyReport> again = CopyCommune(*source_, *target_, Options());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->skipped);
  Village village;
  village.commune_id = seeded_.id;
  village.name = "Thôn Sau";
  ASSERT_TRUE(SqlCommuneRepository(*source_).AddVillage(village, Ctx()).ok());
  Result<CommuneCopyReport> changed = CopyCommune(*source_, *target_, Options());
  ASSERT_FALSE(changed.ok());
  EXPECT_NE(changed.error().message.find("nguồn đã thay đổi"), std::string::npos);
  EXPECT_EQ(Counts(*target_), before);
}

TEST_P(CommuneCopyTest, AnUnknownCommuneOrAWrongSourceKeyChangesNothing) {
  const std::vector<int64_t> before = Counts(*target_);
  Result<CommuneCopyReport> unknown = CopyCommune(*source_, *target_, Options("khong-co"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("hoang-truong"), std::string::npos);
  auto wrong = Vault('c');
  CommuneCopyOptions options = Options();
  options.from_vault = wrong.get();
  Result<CommuneCopyReport> refused = CopyCommune(*source_, *target_, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find(seeded_.sealed_code), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Counts(*target_), before);
}

TEST_P(CommuneCopyTest, APlanEntryForEveryTableOfTheSchema) {
  Result<std::vector<std::string>> tables = SchemaTables(*target_);
  ASSERT_TRUE(tables.ok()) << tables.error().message;
  std::vector<std::string> planned;
  for (const CommuneTablePlan& plan : CommuneCopyPlan()) {
    if (plan.table == "copy_progress") continue;  // created by the first copy
    planned.push_back(plan.table);
    if (plan.scope == CommuneScope::kNotCopied) {
      EXPECT_FALSE(plan.why.empty()) << plan.table;
    }
  }
  std::sort(planned.begin(), planned.end());
  std::vector<std::string> actual = *tables;
  actual.erase(std::remove(actual.begin(), actual.end(), "copy_progress"), actual.end());
  EXPECT_EQ(actual, planned);
}

TEST_P(CommuneCopyTest, ASecondCommuneJoinsAProvinceThatHoldsAnother) {
  SeedOtherCommune();
  const int64_t other_petitions =
      Count(*target_,
            "SELECT count(*) FROM petitions WHERE commune_id = " + std::to_string(other_.id.value));
  Result<CommuneCopyReport> report = CopyCommune(*source_, *target_, Options());
  if (GetParam() == "sqlite") {
    // A SQLite file holds one commune: its ids are not keyed by commune.
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.error().message.find("một tệp SQLite chỉ nhận một xã"), std::string::npos);
    return;
  }
  ASSERT_TRUE(report.ok()) << report.error().message;
  // Both started as commune 1 on their own PCs: the newcomer gets the next id
  // and new account ids, its petitions keep their ids next to the other's.
  EXPECT_EQ(other_.id.value, seeded_.id.value);
  EXPECT_NE(report->target_id, other_.id.value);
  ExpectCommuneWorks(*target_, seeded_, *report, *to_vault_, *to_files_);
  EXPECT_EQ(Count(*target_, "SELECT count(*) FROM petitions WHERE commune_id = " +
                                std::to_string(other_.id.value)),
            other_petitions);
  EXPECT_EQ(Count(*target_, "SELECT count(*) FROM accounts"), 4);
  // The other commune is untouched: its search finds its own five only.
  PetitionQuery query;
  query.q = "duong lien thon dong";
  Result<PetitionPage> found = SqlPetitionRepository(*target_).Search(other_.id, query);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->total, 5);
}

TEST_P(CommuneCopyTest, AClashWithTheProvinceIsRefusedAndChangesNothing) {
  if (GetParam() == "sqlite") GTEST_SKIP() << "a SQLite target holds one commune";
  SeedOtherCommune();
  // Another PC's commune whose tracking prefix ("HT", FB-01) is taken.
  auto clash = OpenMigrated(":memory:");
  files::FileAttachmentStore clash_files(TempDir("clash"), *from_vault_);
  Seed(*clash, "hoang-thinh", "16200", "ht2.", *from_vault_, clash_files);
  ASSERT_TRUE(CopyCommune(*source_, *target_, Options()).ok());
  const std::vector<int64_t> before = Counts(*target_);
  CommuneCopyOptions options = Options("hoang-thinh");
  options.from_files = &clash_files;
  Result<CommuneCopyReport> prefix = CopyCommune(*clash, *target_, options);
  ASSERT_FALSE(prefix.ok());
  EXPECT_NE(prefix.error().message.find("FB-01"), std::string::npos) << prefix.error().message;
  // The same commune from another file: its slug is taken.
  auto twin = OpenMigrated(":memory:");
  files::FileAttachmentStore twin_files(TempDir("twin"), *from_vault_);
  Seed(*twin, "hoang-truong", "16000", "tw.", *from_vault_, twin_files);
  options = Options();
  options.from_files = &twin_files;
  Result<CommuneCopyReport> slug = CopyCommune(*twin, *target_, options);
  ASSERT_FALSE(slug.ok());
  EXPECT_NE(slug.error().message.find("hoang-truong"), std::string::npos);
  EXPECT_EQ(Counts(*target_), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, CommuneCopyTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace doithoai::sql
