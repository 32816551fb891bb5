// Contract tests for the documents of the ConferenceRepository port: drafts,
// the register (NUM-01/02), frozen issued documents and replacements (NUM-05).
// The Backend requirements and the fixture are those of
// conference_repository_contract.h.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CONFERENCE_DOCUMENT_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CONFERENCE_DOCUMENT_CONTRACT_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/storage/contract/conference_repository_contract.h"

namespace doithoai::contract {

template <typename Backend>
class ConferenceDocumentContract : public ConferenceRepositoryContract<Backend> {};

TYPED_TEST_SUITE_P(ConferenceDocumentContract);

TYPED_TEST_P(ConferenceDocumentContract, SaveDraftThenFind) {
  const CommuneId a = this->commune_a_;
  ConferenceId id = this->CreateSample(a, 2023);

  Result<StoredDocument> none = this->repo().FindDocument(a, id, ConferenceDocumentKind::kPlan);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  Result<std::vector<StoredDocument>> empty = this->repo().ListDocuments(a, id);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());

  AuditContext ctx = ConferenceAuditContext();
  ASSERT_TRUE(this->repo().SaveDraft(a, id, ConferenceDocumentKind::kPlan, "Bản nháp 1", ctx).ok());
  ctx.at += std::chrono::minutes(5);
  ASSERT_TRUE(this->repo().SaveDraft(a, id, ConferenceDocumentKind::kPlan, "Bản nháp 2", ctx).ok());
  ASSERT_TRUE(
      this->repo().SaveDraft(a, id, ConferenceDocumentKind::kProgramme, "Chương trình", ctx).ok());

  Result<StoredDocument> plan = this->repo().FindDocument(a, id, ConferenceDocumentKind::kPlan);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_TRUE(plan->id.valid());
  EXPECT_EQ(plan->commune_id, a);
  EXPECT_EQ(plan->conference_id, id);
  EXPECT_EQ(plan->kind, ConferenceDocumentKind::kPlan);
  EXPECT_EQ(plan->markup, "Bản nháp 2");
  EXPECT_FALSE(plan->issued);
  EXPECT_EQ(plan->number, 0);
  EXPECT_EQ(plan->updated_at, ctx.at);

  Result<std::vector<StoredDocument>> docs = this->repo().ListDocuments(a, id);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].kind, ConferenceDocumentKind::kPlan);
  EXPECT_EQ((*docs)[1].kind, ConferenceDocumentKind::kProgramme);

  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_GE(audit.size(), 3u);
  EXPECT_EQ(audit[0].action, "document.draft_save");
  EXPECT_EQ(audit[0].object_id, std::to_string(id.value));
  EXPECT_EQ(nlohmann::json::parse(audit[0].after)["kind"], "chuong-trinh");
  EXPECT_EQ(nlohmann::json::parse(audit[1].after)["kind"], "ke-hoach");
  // Saving a draft does not change the conference.
  EXPECT_EQ(this->MustFind(a, id).version, 1);
}

TYPED_TEST_P(ConferenceDocumentContract, IssueNumbersPerCommuneYearAndSymbol) {
  const CommuneId a = this->commune_a_;
  const CommuneId b = this->commune_b_;
  ConferenceId first = this->CreateSample(a, 2023);
  ConferenceId second = this->CreateSample(a, 2023);
  ConferenceId next_year = this->CreateSample(a, 2024);
  ConferenceId other_commune = this->CreateSample(b, 2023);
  ASSERT_TRUE(
      this->repo()
          .SaveDraft(a, first, ConferenceDocumentKind::kPlan, "nháp", ConferenceAuditContext())
          .ok());

  // NUM-01/NUM-02: 1, then 2 in the same (commune, year, symbol).
  Result<StoredDocument> one = this->IssuePlan(a, first, ContractDate(2023, 11, 20));
  ASSERT_TRUE(one.ok()) << one.error().message;
  EXPECT_EQ(one->number, 1);
  EXPECT_EQ(one->year, 2023);
  EXPECT_TRUE(one->issued);
  EXPECT_EQ(one->issued_on, ContractDate(2023, 11, 20));
  EXPECT_EQ(one->markup, "Số: 1\nKẾ HOẠCH");
  EXPECT_EQ(one->kind, ConferenceDocumentKind::kPlan);
  EXPECT_EQ(one->conference_id, first);
  Result<StoredDocument> two = this->IssuePlan(a, second, ContractDate(2023, 11, 25));
  ASSERT_TRUE(two.ok()) << two.error().message;
  EXPECT_EQ(two->number, 2);

  // Another symbol has its own sequence.
  Result<StoredDocument> programme =
      this->repo().Issue(a, first, ConferenceDocumentKind::kProgramme, ContractDate(2023, 11, 26),
                         RenderNumbered("CHƯƠNG TRÌNH"), MoveTo(ConferenceState::kProgrammeIssued),
                         ConferenceAuditContext());
  ASSERT_TRUE(programme.ok()) << programme.error().message;
  EXPECT_EQ(programme->number, 1);

  // A new year restarts at 1 (the register year is the year of issue).
  Result<StoredDocument> restarted = this->IssuePlan(a, next_year, ContractDate(2024, 1, 2));
  ASSERT_TRUE(restarted.ok()) << restarted.error().message;
  EXPECT_EQ(restarted->number, 1);
  EXPECT_EQ(restarted->year, 2024);

  // Another commune is another issuer.
  Result<StoredDocument> b_plan = this->IssuePlan(b, other_commune, ContractDate(2023, 11, 20));
  ASSERT_TRUE(b_plan.ok()) << b_plan.error().message;
  EXPECT_EQ(b_plan->number, 1);

  // The issued document replaced the draft: one plan row, issued.
  Result<StoredDocument> found = this->repo().FindDocument(a, first, ConferenceDocumentKind::kPlan);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, one->id);
  EXPECT_TRUE(found->issued);
  EXPECT_EQ(found->number, 1);
  EXPECT_EQ(found->year, 2023);
  EXPECT_EQ(found->issued_on, ContractDate(2023, 11, 20));
  EXPECT_EQ(found->markup, "Số: 1\nKẾ HOẠCH");
  Result<std::vector<StoredDocument>> docs = this->repo().ListDocuments(a, first);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_TRUE((*docs)[0].issued);
  EXPECT_TRUE((*docs)[1].issued);

  // The state change ran like an Update: version bump and its own audit row,
  // followed by the issue row.
  Conference conference = this->MustFind(a, first);
  EXPECT_EQ(conference.state, ConferenceState::kProgrammeIssued);
  EXPECT_EQ(conference.version, 3);
  std::vector<AuditEntry> audit = this->AuditOf(a);
  ASSERT_GE(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "document.issue");
  EXPECT_EQ(audit[0].object_id, std::to_string(next_year.value));
  EXPECT_EQ(
      nlohmann::json::parse(audit[0].after),
      nlohmann::json({{"kind", "ke-hoach"}, {"number", 1}, {"symbol", "KH-UBND"}, {"year", 2024}}));
  EXPECT_EQ(audit[1].action, "conference.state_change");
  EXPECT_EQ(nlohmann::json::parse(audit[1].before),
            nlohmann::json({{"version", 1}, {"state", "draft_plan"}}));
  EXPECT_EQ(nlohmann::json::parse(audit[1].after), nlohmann::json({{"state", "plan_issued"}}));
}

TYPED_TEST_P(ConferenceDocumentContract, IssuedDocumentIsFrozen) {
  const CommuneId a = this->commune_a_;
  ConferenceId id = this->CreateSample(a, 2023);
  ConferenceId other = this->CreateSample(a, 2023);
  ASSERT_TRUE(this->IssuePlan(a, id, ContractDate(2023, 11, 20)).ok());
  const Conference before = this->MustFind(a, id);
  const size_t audit_before = this->AuditOf(a).size();
  const std::string frozen =
      "Văn bản đã ban hành, không sửa được; muốn thay đổi phải ban hành văn bản mới hoặc văn bản "
      "đính chính.";

  // NUM-05: neither a second issue nor a new draft.
  Result<StoredDocument> twice = this->IssuePlan(a, id, ContractDate(2023, 11, 21));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(twice.error().message, frozen);
  Status draft = this->repo().SaveDraft(a, id, ConferenceDocumentKind::kPlan, "sửa lại",
                                        ConferenceAuditContext());
  ASSERT_FALSE(draft.ok());
  EXPECT_EQ(draft.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(draft.error().message, frozen);

  Result<StoredDocument> doc = this->repo().FindDocument(a, id, ConferenceDocumentKind::kPlan);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->markup, "Số: 1\nKẾ HOẠCH");
  EXPECT_EQ(doc->number, 1);
  EXPECT_EQ(doc->issued_on, ContractDate(2023, 11, 20));
  EXPECT_EQ(this->MustFind(a, id).version, before.version);
  EXPECT_EQ(this->AuditOf(a).size(), audit_before);
  // The refused issue consumed no number.
  Result<StoredDocument> next = this->IssuePlan(a, other, ContractDate(2023, 11, 22));
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(next->number, 2);
}

TYPED_TEST_P(ConferenceDocumentContract, FailedRenderOrChangeConsumesNoNumber) {
  const CommuneId a = this->commune_a_;
  ConferenceId id = this->CreateSample(a, 2023);
  ASSERT_TRUE(this->repo()
                  .SaveDraft(a, id, ConferenceDocumentKind::kPlan, "nháp", ConferenceAuditContext())
                  .ok());
  const size_t audit_before = this->AuditOf(a).size();
  int rendered_with = -1;

  Result<StoredDocument> render_failed = this->repo().Issue(
      a, id, ConferenceDocumentKind::kPlan, ContractDate(2023, 11, 20),
      [&rendered_with](int number) -> Result<std::string> {
        rendered_with = number;
        return MakeError(ErrorCode::kFailedPrecondition, "Chưa chọn người ký.");
      },
      MoveTo(ConferenceState::kPlanIssued), ConferenceAuditContext());
  ASSERT_FALSE(render_failed.ok());
  EXPECT_EQ(render_failed.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(render_failed.error().message, "Chưa chọn người ký.");
  EXPECT_EQ(rendered_with, 1);

  ConferenceChange failing_change{
      "conference.state_change", [](Conference&) -> Result<std::string> {
        return MakeError(ErrorCode::kFailedPrecondition, "Không chuyển được trạng thái.");
      }};
  Result<StoredDocument> change_failed =
      this->repo().Issue(a, id, ConferenceDocumentKind::kPlan, ContractDate(2023, 11, 20),
                         RenderNumbered("KẾ HOẠCH"), failing_change, ConferenceAuditContext());
  ASSERT_FALSE(change_failed.ok());
  EXPECT_EQ(change_failed.error().message, "Không chuyển được trạng thái.");

  // Nothing happened: the draft, the state, the version and the log are as
  // they were.
  Conference conference = this->MustFind(a, id);
  EXPECT_EQ(conference.state, ConferenceState::kDraftPlan);
  EXPECT_EQ(conference.version, 1);
  Result<StoredDocument> doc = this->repo().FindDocument(a, id, ConferenceDocumentKind::kPlan);
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->issued);
  EXPECT_EQ(doc->markup, "nháp");
  EXPECT_EQ(this->AuditOf(a).size(), audit_before);

  // The number was given back.
  Result<StoredDocument> issued = this->IssuePlan(a, id, ContractDate(2023, 11, 20));
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  EXPECT_EQ(issued->number, 1);
}

// NUM-05: a content error is fixed by a replacement of the same type with its
// own number; the replaced document stays as it was.
TYPED_TEST_P(ConferenceDocumentContract, ReplacementIsANewRevisionWithItsOwnNumber) {
  const CommuneId a = this->commune_a_;
  ConferenceId id = this->CreateSample(a, 2023);
  const auto kPlan = ConferenceDocumentKind::kPlan;
  // Nothing issued yet: nothing to replace.
  Result<StoredDocument> early =
      this->repo().StartReplacement(a, id, kPlan, "x", "lý do", ConferenceAuditContext());
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  Result<StoredDocument> first = this->IssuePlan(a, id, ContractDate(2023, 11, 20));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->revision, 1);
  EXPECT_FALSE(first->replaces.has_value());

  Result<StoredDocument> draft = this->repo().StartReplacement(
      a, id, kPlan, "thay thế", "Sai ngày họp", ConferenceAuditContext());
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  EXPECT_EQ(draft->revision, 2);
  EXPECT_EQ(draft->replaces, first->id);
  EXPECT_FALSE(draft->issued);
  EXPECT_EQ(this->AuditOf(a).front().action, "document.replacement_start");
  EXPECT_NE(this->AuditOf(a).front().after.find("Sai ngày họp"), std::string::npos);
  // The current document is the replacement draft; it can be edited, and a
  // second replacement cannot start while it is a draft.
  Result<StoredDocument> current = this->repo().FindDocument(a, id, kPlan);
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->revision, 2);
  ASSERT_TRUE(
      this->repo().SaveDraft(a, id, kPlan, "thay thế, đã sửa", ConferenceAuditContext()).ok());
  EXPECT_FALSE(
      this->repo().StartReplacement(a, id, kPlan, "y", "z", ConferenceAuditContext()).ok());

  Result<StoredDocument> second = this->IssuePlan(a, id, ContractDate(2023, 11, 25));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->number, 2);  // its own number in the same register
  EXPECT_EQ(second->revision, 2);
  EXPECT_EQ(second->replaces, first->id);
  Result<std::vector<StoredDocument>> all = this->repo().ListDocuments(a, id);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].revision, 1);
  EXPECT_EQ((*all)[0].markup, "Số: 1\nKẾ HOẠCH");  // the replaced one is unchanged
  EXPECT_EQ((*all)[1].revision, 2);
  EXPECT_TRUE((*all)[1].issued);
}

REGISTER_TYPED_TEST_SUITE_P(ConferenceDocumentContract, SaveDraftThenFind,
                            IssueNumbersPerCommuneYearAndSymbol, IssuedDocumentIsFrozen,
                            FailedRenderOrChangeConsumesNoNumber,
                            ReplacementIsANewRevisionWithItsOwnNumber);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_CONFERENCE_DOCUMENT_CONTRACT_H_
