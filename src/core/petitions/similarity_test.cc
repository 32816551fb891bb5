#include "core/petitions/similarity.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace doithoai {
namespace {

PetitionId P(int64_t v) { return PetitionId{v}; }

void AddCorpus(SimilarityIndex& index) {
  index.Add(P(1),
            "Đề nghị sửa chữa đường liên thôn từ thôn 2 đi thôn 3 bị "
            "xuống cấp, nhiều ổ gà");
  index.Add(P(2), "Đề nghị cấp giấy chứng nhận quyền sử dụng đất (sổ đỏ) cho hộ gia đình");
  index.Add(P(3),
            "Tình trạng trộm cắp gà vịt ban đêm ở thôn Đông, đề nghị "
            "công an tuần tra");
  index.Add(P(4), "Rác thải đổ bừa bãi ven kênh gây ô nhiễm môi trường");
  index.Add(P(5), "Trường mầm non thiếu phòng học, đề nghị xây thêm lớp");
}

TEST(SimilarityIndexTest, ParaphraseRanksAboveUnrelated) {
  SimilarityIndex index;
  AddCorpus(index);
  const std::vector<SimilarHit> hits =
      index.Similar("đường liên thôn thôn 2 - thôn 3 xuống cấp nặng, ổ gà nhiều, xin sửa", 5, 0.0);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].id, P(1));
  EXPECT_GT(hits[0].score, 0.4);
  EXPECT_LE(hits[0].score, 1.0);
  for (size_t i = 1; i < hits.size(); ++i) {
    EXPECT_LT(hits[i].score, hits[0].score / 2) << hits[i].id.value;
    EXPECT_LE(hits[i].score, hits[i - 1].score);
  }
}

TEST(SimilarityIndexTest, IdenticalTextScoresOneAndRespectsKMinScoreExclude) {
  SimilarityIndex index;
  AddCorpus(index);
  index.Add(P(6), "Rác thải đổ bừa bãi ven kênh gây ô nhiễm môi trường");
  const std::vector<SimilarHit> to4 = index.SimilarTo(P(4), 3, 0.5);
  ASSERT_EQ(to4.size(), 1u);
  EXPECT_EQ(to4[0].id, P(6));
  EXPECT_NEAR(to4[0].score, 1.0, 1e-9);
  EXPECT_EQ(index.Similar("rác thải ô nhiễm", 1, 0.0).size(), 1u);
  EXPECT_TRUE(index.Similar("rác thải ô nhiễm", 0, 0.0).empty());
  const std::vector<SimilarHit> excl = index.Similar("rác thải ô nhiễm", 5, 0.1, P(4));
  ASSERT_FALSE(excl.empty());
  EXPECT_EQ(excl[0].id, P(6));
  for (const SimilarHit& hit : excl) EXPECT_NE(hit.id, P(4));
  EXPECT_TRUE(index.Similar("karaoke xyz qqq", 5, 0.01).empty());
  EXPECT_TRUE(index.SimilarTo(P(99), 5, 0.0).empty());
}

TEST(SimilarityIndexTest, RemoveAndReplace) {
  SimilarityIndex index;
  AddCorpus(index);
  EXPECT_EQ(index.size(), 5u);
  index.Remove(P(2));
  index.Remove(P(42));  // unknown: no-op
  EXPECT_EQ(index.size(), 4u);
  EXPECT_FALSE(index.Contains(P(2)));
  for (const SimilarHit& hit : index.Similar("cấp sổ đỏ giấy chứng nhận", 5, 0.0)) {
    EXPECT_NE(hit.id, P(2));
  }
  // Replacing an id's text: the old text no longer matches.
  index.Add(P(5), "Đề nghị cấp sổ đỏ cho gia đình tôi");
  EXPECT_EQ(index.size(), 4u);
  const std::vector<SimilarHit> hits = index.Similar("cấp sổ đỏ", 1, 0.1);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, P(5));
  EXPECT_TRUE(index.Similar("trường mầm non thiếu phòng học", 5, 0.3).empty());
  // A freed slot is reused without confusing ids.
  index.Add(P(7), "Trường mầm non thiếu phòng học");
  EXPECT_EQ(index.Similar("trường mầm non thiếu phòng học", 1, 0.3).at(0).id, P(7));
}

TEST(SimilarityIndexTest, GroupSingleLinkage) {
  SimilarityIndex index;
  AddCorpus(index);
  index.Add(P(10), "Đề nghị sửa đường liên thôn thôn 2 đi thôn 3 xuống cấp, nhiều ổ gà");
  index.Add(P(11),
            "Đường liên thôn thôn 2 đi thôn 3 xuống cấp nhiều ổ gà, đề "
            "nghị sửa chữa sớm");
  index.Add(P(12), "Rác thải đổ bừa bãi ven kênh, ô nhiễm môi trường nghiêm trọng");
  const std::vector<std::vector<PetitionId>> groups = index.Group(0.5);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<PetitionId>{P(1), P(10), P(11)}));
  EXPECT_EQ(groups[1], (std::vector<PetitionId>{P(4), P(12)}));
  // Everything links at a tiny threshold only through shared terms.
  EXPECT_TRUE(index.Group(0.999).empty());
}

TEST(SimilarityIndexTest, GroupMatchesBruteForce) {
  // Prefix filtering must not lose any pair: compare with SimilarTo on all
  // pairs.
  SimilarityIndex index;
  const char* kTexts[] = {
      "đường thôn 1 xuống cấp", "đường thôn 2 xuống cấp", "mương thôn 1 bồi lấp",
      "mương thôn 2 bồi lấp",   "sổ đỏ chưa cấp",         "chưa cấp sổ đỏ thôn 1",
      "trộm chó thôn 2",        "trộm gà thôn 1",         "đèn đường thôn 1 hỏng"};
  int64_t id = 1;
  for (const char* text : kTexts) index.Add(P(id++), text);
  for (double t : {0.2, 0.3, 0.4, 0.5, 0.6}) {
    // Connected components from the pairwise scores.
    std::vector<int> comp(10);
    for (int i = 1; i <= 9; ++i) comp[i] = i;
    for (int round = 0; round < 9; ++round) {
      for (int i = 1; i <= 9; ++i) {
        for (const SimilarHit& hit : index.SimilarTo(P(i), 9, t)) {
          const int m = std::min(comp[i], comp[hit.id.value]);
          comp[i] = comp[hit.id.value] = m;
        }
      }
    }
    size_t grouped = 0;
    for (const auto& group : index.Group(t)) {
      grouped += group.size();
      for (const PetitionId& member : group) {
        EXPECT_EQ(comp[member.value], comp[group.front().value]) << t;
      }
    }
    size_t expected = 0;
    for (int i = 1; i <= 9; ++i) {
      int size = 0;
      for (int j = 1; j <= 9; ++j) size += comp[j] == comp[i];
      if (size >= 2) ++expected;
    }
    EXPECT_EQ(grouped, expected) << t;
  }
}

TEST(SimilarityIndexTest, DeterministicWhateverTheInsertionOrder) {
  SimilarityIndex a;
  AddCorpus(a);
  SimilarityIndex b;
  b.Add(P(5), "Trường mầm non thiếu phòng học, đề nghị xây thêm lớp");
  b.Add(P(4), "Rác thải đổ bừa bãi ven kênh gây ô nhiễm môi trường");
  b.Add(P(3),
        "Tình trạng trộm cắp gà vịt ban đêm ở thôn Đông, đề nghị công an "
        "tuần tra");
  b.Add(P(2), "Đề nghị cấp giấy chứng nhận quyền sử dụng đất (sổ đỏ) cho hộ gia đình");
  b.Add(P(1),
        "Đề nghị sửa chữa đường liên thôn từ thôn 2 đi thôn 3 bị xuống "
        "cấp, nhiều ổ gà");
  const std::string query = "đề nghị sửa đường thôn";
  EXPECT_EQ(a.Similar(query, 5, 0.0), b.Similar(query, 5, 0.0));
  EXPECT_EQ(a.Group(0.1), b.Group(0.1));
}

TEST(SimilarityIndexTest, DifferentVillagesHalveTheScore) {
  SimilarityIndex index;
  AddCorpus(index);
  index.Add(P(20), "Mương tưới Thôn 5 bị bồi lấp, nước không vào ruộng");
  index.Add(P(21), "Mương tưới Thôn 7 bị bồi lấp, nước không vào ruộng");
  index.Add(P(22), "Mương tưới bị bồi lấp, nước không vào ruộng");
  const std::vector<SimilarHit> same = index.Similar("mương tưới Thôn 5 bồi lấp", 5, 0.0);
  ASSERT_FALSE(same.empty());
  EXPECT_EQ(same[0].id, P(20));
  double to21 = 0;
  double to22 = 0;
  for (const SimilarHit& hit : same) {
    if (hit.id == P(21)) to21 = hit.score;
    if (hit.id == P(22)) to22 = hit.score;
  }
  // No village named: no penalty; another village: the factor applies.
  EXPECT_GT(to22, 0.0);
  EXPECT_LT(to21, to22);
  SimilarityIndex plain;
  plain.Add(P(1), "Mương tưới bị bồi lấp");
  plain.Add(P(2), "Mương tưới bị bồi lấp");
  plain.Add(P(3), "karaoke ồn");
  plain.Add(P(4), "Mương tưới bị bồi lấp Thôn 7");
  const double unpenalised = plain.Similar("mương tưới bồi lấp Thôn 5", 5, 0.0)[0].score;
  EXPECT_GT(unpenalised, 0.0);
  for (const SimilarHit& hit : plain.Similar("mương tưới bồi lấp Thôn 5", 5, 0.0)) {
    if (hit.id == P(4)) {
      EXPECT_LT(hit.score, unpenalised * kVillageMismatchFactor + 1e-9);
    }
  }
  // Group agrees with SimilarTo: 20 and 21 stay apart at a threshold the
  // unpenalised pair would pass.
  const double s2021 = [&] {
    for (const SimilarHit& hit : index.SimilarTo(P(20), 10, 0.0)) {
      if (hit.id == P(21)) return hit.score;
    }
    return 0.0;
  }();
  for (const auto& group : index.Group(s2021 + 1e-6)) {
    const bool has20 = std::find(group.begin(), group.end(), P(20)) != group.end();
    const bool has21 = std::find(group.begin(), group.end(), P(21)) != group.end();
    EXPECT_FALSE(has20 && has21 && group.size() == 2);
  }
}

TEST(SimilarityIndexTest, SameVillageNumberCountsMoreThanAnyBigram) {
  // "thôn 9" is a number bigram (weight kSimilarityNumberBigramWeight).
  SimilarityIndex index;
  AddCorpus(index);
  index.Add(P(30), "Đèn đường Thôn 9 hỏng");
  index.Add(P(31), "Đèn đường Thôn 8 hỏng");
  const std::vector<SimilarHit> hits = index.Similar("đèn đường thôn 9 bị hỏng", 2, 0.0);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].id, P(30));
  EXPECT_EQ(hits[1].id, P(31));
  EXPECT_GT(hits[0].score, 2 * hits[1].score);
}

TEST(SimilarityIndexTest, ThresholdIsAProbability) {
  EXPECT_GT(kDuplicateThreshold, 0.0);
  EXPECT_LT(kDuplicateThreshold, 1.0);
}

}  // namespace
}  // namespace doithoai
