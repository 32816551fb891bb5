// SqlConferenceRepository: the ConferenceRepository port on Database
// (schema in migrations/0005_conferences.sql). A conference is one row whose
// `data` is its JSON (adapters/json/conference_json.h). Constant SQL with
// bound parameters only; every write runs in one BEGIN IMMEDIATE transaction
// together with its audit rows.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_CONFERENCE_REPOSITORY_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_CONFERENCE_REPOSITORY_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/conferences/conference_repository.h"

namespace doithoai::sql {

class SqlConferenceRepository : public ConferenceRepository {
 public:
  // `db` must be migrated and must outlive the repository.
  explicit SqlConferenceRepository(Database& db) : db_(db) {}

  Result<ConferenceId> Create(const Conference& conference, const AuditContext& ctx) override;
  Result<Conference> Find(CommuneId commune, ConferenceId id) override;
  Result<std::vector<Conference>> List(CommuneId commune) override;
  Result<Conference> Update(CommuneId commune, ConferenceId id,
                            std::optional<int64_t> expected_version, const ConferenceChange& change,
                            const AuditContext& ctx) override;

  Result<StoredDocument> FindDocument(CommuneId commune, ConferenceId id,
                                      ConferenceDocumentKind kind) override;
  Result<std::vector<StoredDocument>> ListDocuments(CommuneId commune, ConferenceId id) override;
  Result<StoredDocument> StartReplacement(CommuneId commune, ConferenceId id,
                                          ConferenceDocumentKind kind, const std::string& markup,
                                          const std::string& reason,
                                          const AuditContext& ctx) override;
  Status SaveDraft(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                   const std::string& markup, const AuditContext& ctx) override;
  Result<StoredDocument> Issue(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                               Date issued_on,
                               const std::function<Result<std::string>(int number)>& render,
                               const ConferenceChange& conference_change,
                               const AuditContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_CONFERENCE_REPOSITORY_H_
