// In-memory stand-ins for the ports the conference day (conference_day.h)
// runs over: the commune, conference and petition repositories, the identity
// vault and the attachment store. They keep the port contracts that
// ConferenceDay relies on (one transaction per write: an `apply` error stores
// nothing; the version bumps on every write; a repeated petition form token
// returns the earlier petition; the document register numbers per commune,
// year and symbol) and record the audit actions so a test can tell whether
// anything was written. Test-only; no I/O.
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_DAY_TESTING_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_DAY_TESTING_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/communes/commune_repository.h"
#include "core/conferences/conference_repository.h"
#include "core/petitions/petition_ports.h"
#include "core/petitions/petition_repository.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::day_testing {

inline Error NotFound(std::string what) { return MakeError(ErrorCode::kNotFound, std::move(what)); }

class InMemoryCommunes : public CommuneRepository {
 public:
  Result<CommuneId> CreateCommune(const Commune& commune, const AuditContext&) override {
    Commune c = commune;
    c.id = CommuneId{static_cast<int64_t>(communes_.size()) + 1};
    communes_.push_back(c);
    return c.id;
  }
  Result<Commune> FindCommuneBySlug(std::string_view slug) override {
    for (const Commune& c : communes_) {
      if (c.slug == slug) return c;
    }
    return NotFound("Không tìm thấy xã.");
  }
  Result<Commune> FindCommune(CommuneId id) override {
    for (const Commune& c : communes_) {
      if (c.id == id) return c;
    }
    return NotFound("Không tìm thấy xã.");
  }
  Result<std::vector<Commune>> ListCommunes() override { return communes_; }

  Result<VillageId> AddVillage(const Village& village, const AuditContext&) override {
    return Append(villages_, village);
  }
  Result<std::vector<Village>> ListVillages(CommuneId commune) override {
    return Of(villages_, commune);
  }
  Result<UnitId> AddUnit(const Unit& unit, const AuditContext&) override {
    return Append(units_, unit);
  }
  Result<std::vector<Unit>> ListUnits(CommuneId commune) override { return Of(units_, commune); }
  Result<OfficialId> AddOfficial(const Official& official, const AuditContext&) override {
    return Append(officials_, official);
  }
  Result<std::vector<Official>> ListOfficials(CommuneId commune) override {
    return Of(officials_, commune);
  }
  Status UpdateVillage(CommuneId, const Village&, const AuditContext&) override {
    return MakeError(ErrorCode::kInternal, "not used by these tests");
  }
  Status UpdateUnit(CommuneId, const Unit&, const AuditContext&) override {
    return MakeError(ErrorCode::kInternal, "not used by these tests");
  }
  Status UpdateOfficial(CommuneId, const Official&, const AuditContext&) override {
    return MakeError(ErrorCode::kInternal, "not used by these tests");
  }
  Status ImportRoster(CommuneId, const std::vector<Village>&, const std::vector<Official>&,
                      const AuditContext&) override {
    return MakeError(ErrorCode::kInternal, "not used by these tests");
  }

 private:
  template <typename T>
  static std::vector<T> Of(const std::vector<T>& rows, CommuneId commune) {
    std::vector<T> out;
    for (const T& row : rows) {
      if (row.commune_id == commune) out.push_back(row);
    }
    return out;
  }
  // Stores `row` with the next id and returns that id.
  template <typename T>
  decltype(T::id) Append(std::vector<T>& rows, const T& row) {
    rows.push_back(row);
    rows.back().id = decltype(T::id){next_id_++};
    return rows.back().id;
  }
  std::vector<Commune> communes_;
  std::vector<Village> villages_;
  std::vector<Unit> units_;
  std::vector<Official> officials_;
  int64_t next_id_ = 1;
};

class InMemoryConferences : public ConferenceRepository {
 public:
  Result<ConferenceId> Create(const Conference& conference, const AuditContext&) override {
    Conference c = conference;
    c.id = ConferenceId{static_cast<int64_t>(conferences_.size()) + 1};
    c.version = 1;
    conferences_.push_back(c);
    audit_.push_back("conference.create");
    return c.id;
  }
  Result<Conference> Find(CommuneId commune, ConferenceId id) override {
    const Conference* c = Row(commune, id);
    if (c == nullptr) return NotFound("Không tìm thấy hội nghị.");
    return *c;
  }
  Result<std::vector<Conference>> List(CommuneId commune) override {
    std::vector<Conference> out;
    for (const Conference& c : conferences_) {
      if (c.commune_id == commune) out.push_back(c);
    }
    return out;
  }
  Result<Conference> Update(CommuneId commune, ConferenceId id,
                            std::optional<int64_t> expected_version, const ConferenceChange& change,
                            const AuditContext&) override {
    Conference* stored = Row(commune, id);
    if (stored == nullptr) return NotFound("Không tìm thấy hội nghị.");
    if (expected_version && *expected_version != stored->version) {
      return MakeError(ErrorCode::kFailedPrecondition, "Hội nghị vừa được người khác sửa.");
    }
    Conference next = *stored;
    ASSIGN_OR_RETURN(std::string summary, change.apply(next));
    (void)summary;
    next.id = stored->id;
    next.commune_id = stored->commune_id;
    next.version = stored->version + 1;
    *stored = next;
    audit_.push_back(change.action);
    return next;
  }
  Result<StoredDocument> FindDocument(CommuneId commune, ConferenceId id,
                                      ConferenceDocumentKind kind) override {
    if (Row(commune, id) == nullptr) return NotFound("Không tìm thấy hội nghị.");
    const StoredDocument* doc = Document(commune, id, kind);
    if (doc == nullptr) return NotFound("Chưa có văn bản.");
    return *doc;
  }
  Result<std::vector<StoredDocument>> ListDocuments(CommuneId commune, ConferenceId id) override {
    if (Row(commune, id) == nullptr) return NotFound("Không tìm thấy hội nghị.");
    std::vector<StoredDocument> out;
    for (const StoredDocument& d : documents_) {
      if (d.commune_id == commune && d.conference_id == id) out.push_back(d);
    }
    return out;
  }
  Result<StoredDocument> StartReplacement(CommuneId, ConferenceId, ConferenceDocumentKind,
                                          const std::string&, const std::string&,
                                          const AuditContext&) override {
    return MakeError(ErrorCode::kInternal, "not used by these tests");
  }
  Status SaveDraft(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                   const std::string& markup, const AuditContext&) override {
    if (Row(commune, id) == nullptr) return NotFound("Không tìm thấy hội nghị.");
    StoredDocument* doc = Document(commune, id, kind);
    if (doc != nullptr && doc->issued) {
      return MakeError(ErrorCode::kFailedPrecondition, "Văn bản đã ban hành.");
    }
    if (doc == nullptr) {
      StoredDocument d;
      d.id = DocumentId{static_cast<int64_t>(documents_.size()) + 1};
      d.commune_id = commune;
      d.conference_id = id;
      d.kind = kind;
      documents_.push_back(d);
      doc = &documents_.back();
    }
    doc->markup = markup;
    audit_.push_back("document.draft_save");
    return OkStatus();
  }
  // One transaction: the number is taken, the markup rendered and the
  // change applied, or nothing at all is stored.
  Result<StoredDocument> Issue(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                               Date issued_on,
                               const std::function<Result<std::string>(int number)>& render,
                               const ConferenceChange& conference_change,
                               const AuditContext&) override {
    Conference* stored = Row(commune, id);
    if (stored == nullptr) return NotFound("Không tìm thấy hội nghị.");
    StoredDocument* existing = Document(commune, id, kind);
    if (existing != nullptr && existing->issued) {
      return MakeError(ErrorCode::kFailedPrecondition, "Văn bản đã ban hành.");
    }
    const auto key = std::make_tuple(commune.value, issued_on.year(),
                                     std::string(ConferenceDocumentSymbol(kind)));
    const int number = register_[key] + 1;
    ASSIGN_OR_RETURN(std::string markup, render(number));
    Conference next = *stored;
    ASSIGN_OR_RETURN(std::string summary, conference_change.apply(next));
    (void)summary;
    next.version = stored->version + 1;
    *stored = next;
    register_[key] = number;
    StoredDocument doc;
    if (existing != nullptr) doc = *existing;
    doc.commune_id = commune;
    doc.conference_id = id;
    doc.kind = kind;
    doc.markup = markup;
    doc.issued = true;
    doc.year = issued_on.year();
    doc.number = number;
    doc.issued_on = issued_on;
    if (existing != nullptr) {
      *existing = doc;
    } else {
      doc.id = DocumentId{static_cast<int64_t>(documents_.size()) + 1};
      documents_.push_back(doc);
    }
    audit_.push_back(conference_change.action);
    audit_.push_back("document.issue");
    return doc;
  }

  // Every audit action written, in order.
  const std::vector<std::string>& audit() const { return audit_; }
  const std::vector<StoredDocument>& documents() const { return documents_; }

 private:
  Conference* Row(CommuneId commune, ConferenceId id) {
    for (Conference& c : conferences_) {
      if (c.id == id && c.commune_id == commune) return &c;
    }
    return nullptr;
  }
  StoredDocument* Document(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind) {
    for (StoredDocument& d : documents_) {
      if (d.commune_id == commune && d.conference_id == id && d.kind == kind) return &d;
    }
    return nullptr;
  }

  std::vector<Conference> conferences_;
  std::vector<StoredDocument> documents_;
  std::map<std::tuple<int64_t, int, std::string>, int> register_;
  std::vector<std::string> audit_;
};

class InMemoryPetitions : public PetitionRepository {
 public:
  Result<CreatedPetition> Create(std::string_view commune_slug, const Petition& petition,
                                 const AuditContext&) override {
    if (!petition.form_token.empty()) {
      for (const Petition& p : petitions_) {
        if (p.commune_id == petition.commune_id && p.form_token == petition.form_token) {
          return CreatedPetition{p, false};
        }
      }
    }
    Petition stored = petition;
    if (stored.identity_sealed) stored.submitter = Submitter{};
    int64_t sequence = 0;
    for (const Petition& p : petitions_) {
      if (p.commune_id == petition.commune_id && p.year == petition.year) {
        sequence = std::max(sequence, p.sequence);
      }
    }
    const TrackingCode code{CommunePrefix(commune_slug), stored.year % 100, sequence + 1};
    RETURN_IF_ERROR(ValidateTrackingCode(code));
    stored.code = FormatTrackingCode(code);
    stored.sequence = code.sequence;
    stored.id = PetitionId{static_cast<int64_t>(petitions_.size()) + 1};
    stored.version = 1;
    petitions_.push_back(stored);
    audit_.push_back("petition.create");
    return CreatedPetition{stored, true};
  }
  Result<std::vector<Petition>> CreateMany(std::string_view commune_slug,
                                           const std::vector<Petition>& petitions,
                                           const AuditContext& ctx) override {
    std::vector<Petition> out;
    for (const Petition& p : petitions) {
      ASSIGN_OR_RETURN(CreatedPetition created, Create(commune_slug, p, ctx));
      out.push_back(created.petition);
    }
    return out;
  }
  Result<Petition> Find(CommuneId commune, PetitionId id) override {
    for (const Petition& p : petitions_) {
      if (p.commune_id == commune && p.id == id) return p;
    }
    return NotFound("Không tìm thấy đơn.");
  }
  Result<Petition> FindByCode(CommuneId commune, std::string_view code) override {
    for (const Petition& p : petitions_) {
      if (p.commune_id == commune && p.code == code) return p;
    }
    return NotFound("Không tìm thấy đơn.");
  }
  Result<Petition> FindByCodeAnyCommune(std::string_view code) override {
    for (const Petition& p : petitions_) {
      if (p.code == code) return p;
    }
    return NotFound("Không tìm thấy đơn.");
  }
  Result<PetitionPage> Search(CommuneId commune, const PetitionQuery& query) override {
    PetitionPage page;
    for (const Petition& p : petitions_) {
      if (p.commune_id != commune) continue;
      if (query.conference_id && p.conference_id != query.conference_id) continue;
      page.items.push_back(p);
    }
    page.total = static_cast<int64_t>(page.items.size());
    return page;
  }
  Result<std::vector<std::pair<ItemStatus, int64_t>>> CountByStatus(CommuneId) override {
    return std::vector<std::pair<ItemStatus, int64_t>>{};
  }
  Result<Petition> Update(CommuneId commune, PetitionId id, std::optional<int64_t> expected_version,
                          const PetitionChange& change, const AuditContext&) override {
    for (Petition& stored : petitions_) {
      if (stored.commune_id != commune || stored.id != id) continue;
      if (expected_version && *expected_version != stored.version) {
        return MakeError(ErrorCode::kFailedPrecondition, "Đơn vừa được người khác cập nhật.");
      }
      Petition next = stored;
      ASSIGN_OR_RETURN(std::string summary, change.apply(next));
      (void)summary;
      next.id = stored.id;
      next.version = stored.version + 1;
      stored = next;
      audit_.push_back(change.action);
      return next;
    }
    return NotFound("Không tìm thấy đơn.");
  }
  Status RecordIdentityRead(CommuneId, PetitionId, const AuditContext&) override {
    audit_.push_back("petition.read_identity");
    return OkStatus();
  }
  Result<PetitionSettings> LoadSettings(CommuneId) override { return PetitionSettings{}; }
  Status SaveSettings(CommuneId, const PetitionSettings&, const AuditContext&) override {
    return OkStatus();
  }

  const std::vector<Petition>& petitions() const { return petitions_; }
  const std::vector<std::string>& audit() const { return audit_; }

 private:
  std::vector<Petition> petitions_;
  std::vector<std::string> audit_;
};

// Not encryption: reversible and visibly different, enough to see that the
// identity left the petition's clear fields (CONF-01).
class TestVault : public IdentityVault {
 public:
  Result<std::string> Seal(std::string_view plaintext) override {
    return "sealed:" + std::string(plaintext);
  }
  Result<std::string> Open(std::string_view sealed) override {
    if (sealed.substr(0, 7) != "sealed:") return MakeError(ErrorCode::kInternal, "bad seal");
    return std::string(sealed.substr(7));
  }
  std::string PhoneDigest(std::string_view phone) override {
    return "digest:" + std::string(phone);
  }
};

class InMemoryAttachments : public AttachmentStore {
 public:
  Result<std::string> Put(std::string_view bytes, bool seal) override {
    const std::string hash = (seal ? "s" : "p") + std::to_string(bytes_.size() + 1);
    bytes_[hash] = std::string(bytes);
    return hash;
  }
  Result<std::string> Get(std::string_view hash, bool) override {
    auto it = bytes_.find(std::string(hash));
    if (it == bytes_.end()) return NotFound("Không tìm thấy tệp.");
    return it->second;
  }

 private:
  std::map<std::string, std::string> bytes_;
};

}  // namespace doithoai::day_testing

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_DAY_TESTING_H_
