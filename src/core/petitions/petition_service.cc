// Intake, reads and public tracking of the petition service (see
// petition_service.h); the workflow steps are in petition_workflow.cc.
#include "core/petitions/petition_service.h"

#include <algorithm>
#include <utility>

#include "core/audit/audit_json.h"
#include "core/petitions/identity_seal.h"
#include "core/petitions/petition_service_internal.h"
#include "core/petitions/tracking_code.h"

namespace doithoai {

namespace petition_internal {

Error Precondition(std::string message) {
  return MakeError(ErrorCode::kFailedPrecondition, std::move(message));
}

Result<PetitionItem*> ItemOf(Petition& petition, int number) {
  if (number < 1 || number > static_cast<int>(petition.items.size())) {
    return MakeFieldError(
        "item", "Đơn " + petition.code + " không có nội dung số " + std::to_string(number) + ".");
  }
  return &petition.items[static_cast<size_t>(number - 1)];
}

void Record(Petition& petition, const AuditContext& ctx, int item, std::string action,
            std::string_view from, std::string_view to, std::string note, std::string rule_id) {
  HistoryEntry entry;
  entry.at = ctx.at;
  entry.actor = ctx.actor_name.empty() ? "Hệ thống" : ctx.actor_name;
  entry.item = item;
  entry.action = std::move(action);
  entry.from_status = std::string(from);
  entry.to_status = std::string(to);
  entry.note = std::move(note);
  entry.rule_id = std::move(rule_id);
  petition.history.push_back(std::move(entry));
}

Result<std::string> Move(Petition& petition, PetitionItem& item, ItemStatus to,
                         const AuditContext& ctx, std::string action, std::string note) {
  const ItemStatus from = item.status;
  if (!CanTransition(from, to)) {
    return Precondition("Nội dung số " + std::to_string(item.number) + " đang ở trạng thái «" +
                        std::string(ItemStatusLabel(from)) + "», không thể chuyển sang «" +
                        std::string(ItemStatusLabel(to)) + "».");
  }
  item.status = to;
  Record(petition, ctx, item.number, std::move(action), ItemStatusCode(from), ItemStatusCode(to),
         std::move(note), item.rule_id);
  return JsonSummary({{"item", std::to_string(item.number)},
                      {"from", JsonQuote(ItemStatusCode(from))},
                      {"to", JsonQuote(ItemStatusCode(to))}});
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace petition_internal

using namespace petition_internal;  // NOLINT(build/namespaces): this module's helpers

Date PetitionService::Today() const { return VietnamDate(clock_.Now()); }

void PetitionService::Notify(std::string_view action, const Petition& petition) {
  for (PetitionObserver* observer : observers_) {
    (void)observer->PetitionChanged(action, petition);
  }
}

Result<PetitionSettings> PetitionService::Settings(CommuneId commune) {
  ASSIGN_OR_RETURN(PetitionSettings settings, repo_.LoadSettings(commune));
  if (settings.fields.empty()) settings.fields = DefaultPetitionFields();
  return settings;
}

Result<std::vector<PetitionField>> PetitionService::Fields(CommuneId commune) {
  ASSIGN_OR_RETURN(PetitionSettings settings, Settings(commune));
  return settings.fields;
}

Status PetitionService::SaveSettings(CommuneId commune, const PetitionSettings& settings,
                                     const AuditContext& ctx) {
  if (settings.due_soon_days < 0 || settings.due_soon_days > 30) {
    return MakeFieldError("due_soon_days", "Số ngày báo «sắp đến hạn» phải từ 0 đến 30.");
  }
  std::vector<std::string> codes;
  for (const PetitionField& field : settings.fields) {
    if (Blank(field.code) || Blank(field.label)) {
      return MakeFieldError("fields", "Mỗi lĩnh vực cần có mã và tên.");
    }
    if (std::find(codes.begin(), codes.end(), field.code) != codes.end()) {
      return MakeFieldError("fields", "Mã lĩnh vực «" + field.code + "» bị trùng.");
    }
    codes.push_back(field.code);
  }
  return repo_.SaveSettings(commune, settings, ctx);
}

Status PetitionService::Seal(Petition& petition) {
  if (petition.identity_sealed) return OkStatus();
  ASSIGN_OR_RETURN(std::string sealed, vault_.Seal(EncodeSubmitter(petition.submitter)));
  petition.sealed_identity = std::move(sealed);
  petition.identity_sealed = true;
  petition.submitter = Submitter{};
  petition.village_id.reset();  // CONF-02: the village alone may identify
  // CONF-04: the attachments (the đơn's handwriting) get the same seal.
  for (PetitionAttachment& attachment : petition.attachments) {
    if (attachment.sealed) continue;
    ASSIGN_OR_RETURN(std::string bytes, attachments_.Get(attachment.hash, false));
    ASSIGN_OR_RETURN(attachment.hash, attachments_.Put(bytes, true));
    attachment.sealed = true;
  }
  return OkStatus();
}

Status PetitionService::SetDeadline(PetitionItem& item, std::string step, Date start,
                                    bool remote_area) {
  item.step = std::move(step);
  item.step_start = start;
  Result<PetitionDeadlineRule> rule = RuleFor(rules_, item.petition_class, item.step, start);
  if (!rule.ok()) {
    if (rule.error().code != ErrorCode::kNotFound) return rule.error();
    item.rule_id.clear();
    item.deadline.reset();
    return OkStatus();
  }
  ASSIGN_OR_RETURN(Date deadline,
                   PetitionDeadline(calendar_, rules_, item.petition_class, item.step, start,
                                    DeadlineFactors{remote_area, item.complex}));
  for (DeadlineExtension& extension : item.extensions) {
    deadline = calendar_.Deadline(deadline, extension.days, rule->counting);
    extension.new_deadline = deadline;
  }
  item.rule_id = rule->id;
  item.deadline = deadline;
  return OkStatus();
}

Result<Petition> PetitionService::Prepare(const Commune& commune, const NewPetition& input,
                                          const std::vector<Village>& villages,
                                          const std::vector<PetitionField>& fields) {
  ASSIGN_OR_RETURN(CheckedPetition checked, CheckNewPetition(input, villages, fields));
  return Build(commune, input, checked);
}

Result<Petition> PetitionService::Build(const Commune& commune, const NewPetition& input,
                                        CheckedPetition& checked) {
  const Date today = Today();
  Petition petition;
  petition.commune_id = commune.id;
  petition.channel = input.channel;
  petition.submitter = std::move(checked.submitter);
  petition.village_id = petition.submitter.village_id;
  petition.conference_id = input.conference_id;
  petition.session_number = input.session_number;
  petition.form_token = input.form_token;
  petition.received_on = input.received_on.value_or(today);
  if (petition.received_on > today) {
    return MakeFieldError("received_on", "Ngày nhận đơn không được sau hôm nay.");
  }
  petition.received_at = clock_.Now();
  petition.year = petition.received_on.year();
  petition.items = std::move(checked.items);
  for (PetitionItem& item : petition.items) {
    RETURN_IF_ERROR(SetDeadline(item, std::string(DefaultStep(item.petition_class)),
                                petition.received_on, commune.remote_area));
  }
  if (!petition.submitter.phone.empty()) {
    petition.phone_digest = vault_.PhoneDigest(petition.submitter.phone);
  }
  return petition;
}

Result<CreatedPetition> PetitionService::Submit(const Commune& commune, const NewPetition& input,
                                                const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<Village> villages, communes_.ListVillages(commune.id));
  ASSIGN_OR_RETURN(std::vector<PetitionField> fields, Fields(commune.id));
  ASSIGN_OR_RETURN(CheckedPetition checked, CheckNewPetition(input, villages, fields));
  ASSIGN_OR_RETURN(Petition petition, Build(commune, input, checked));
  const bool seal = petition.HasDenunciation();
  for (size_t i = 0; i < checked.attachments.size(); ++i) {
    PetitionAttachment attachment;
    ASSIGN_OR_RETURN(attachment.hash, attachments_.Put(checked.attachments[i].bytes, seal));
    attachment.file_name = checked.attachments[i].file_name;
    attachment.media_type = checked.media_types[i];
    attachment.size = static_cast<int64_t>(checked.attachments[i].bytes.size());
    attachment.sealed = seal;
    petition.attachments.push_back(std::move(attachment));
  }
  if (seal) RETURN_IF_ERROR(Seal(petition));
  Record(petition, ctx, 0, "received", "", ItemStatusCode(ItemStatus::kReceived),
         std::string(PetitionChannelLabel(petition.channel)), "");
  RETURN_IF_ERROR(ValidatePetition(petition));
  ASSIGN_OR_RETURN(CreatedPetition created, repo_.Create(commune.slug, petition, ctx));
  if (created.created) {
    Notify("petition.create", created.petition);
  }
  return created;
}

Result<std::vector<Petition>> PetitionService::CheckMany(const Commune& commune,
                                                         const std::vector<NewPetition>& inputs,
                                                         const std::vector<int>& line_numbers,
                                                         const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<Village> villages, communes_.ListVillages(commune.id));
  ASSIGN_OR_RETURN(std::vector<PetitionField> fields, Fields(commune.id));
  std::vector<Petition> petitions;
  Error problems = MakeError(ErrorCode::kInvalidArgument, "");
  for (size_t i = 0; i < inputs.size(); ++i) {
    const int line = i < line_numbers.size() ? line_numbers[i] : static_cast<int>(i) + 1;
    Result<Petition> petition =
        inputs[i].attachments.empty()
            ? Prepare(commune, inputs[i], villages, fields)
            : Result<Petition>(
                  MakeError(ErrorCode::kInvalidArgument, "Nhập từ tệp không kèm tệp đính kèm."));
    if (!petition.ok()) {
      std::string message = "Dòng " + std::to_string(line) + ": ";
      if (petition.error().fields.empty()) {
        message += petition.error().message;
      } else {
        for (size_t f = 0; f < petition.error().fields.size(); ++f) {
          if (f > 0) message += " ";
          message += petition.error().fields[f].message;
        }
      }
      problems.fields.push_back(FieldError{"row" + std::to_string(line), message});
      continue;
    }
    if (petition->HasDenunciation()) RETURN_IF_ERROR(Seal(*petition));
    Record(*petition, ctx, 0, "received", "", ItemStatusCode(ItemStatus::kReceived),
           std::string(PetitionChannelLabel(petition->channel)) + " (nhập từ tệp)", "");
    petitions.push_back(std::move(*petition));
  }
  if (!problems.fields.empty()) {
    problems.message = "Không nhập đơn nào: " + std::to_string(problems.fields.size()) +
                       " dòng chưa hợp lệ. Sửa các dòng dưới đây rồi nhập lại cả tệp.";
    return problems;
  }
  if (petitions.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tệp không có dòng đơn nào.");
  }
  return petitions;
}

Result<std::vector<Petition>> PetitionService::SubmitMany(const Commune& commune,
                                                          const std::vector<NewPetition>& inputs,
                                                          const std::vector<int>& line_numbers,
                                                          const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<Petition> petitions, CheckMany(commune, inputs, line_numbers, ctx));
  ASSIGN_OR_RETURN(std::vector<Petition> stored, repo_.CreateMany(commune.slug, petitions, ctx));
  for (const Petition& p : stored) {
    Notify("petition.create", p);
  }
  return stored;
}

Result<Petition> PetitionService::FindByCode(CommuneId commune, std::string_view code) {
  ASSIGN_OR_RETURN(TrackingCode parsed, ParseTrackingCode(code));
  return repo_.FindByCode(commune, FormatTrackingCode(parsed));
}

Result<Submitter> PetitionService::ReadIdentity(const Actor& actor, CommuneId commune,
                                                PetitionId id, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Petition petition, repo_.Find(commune, id));
  if (!petition.identity_sealed) return petition.submitter;
  if (!actor.denunciation_handler || actor.commune_id != commune) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "Chỉ cán bộ được giao xử lý tố cáo mới xem được danh tính người tố cáo "
                     "(bảo mật người tố cáo, Luật Tố cáo).");
  }
  RETURN_IF_ERROR(repo_.RecordIdentityRead(commune, id, ctx));
  ASSIGN_OR_RETURN(std::string plain, vault_.Open(petition.sealed_identity));
  return DecodeSubmitter(plain);
}

Result<std::string> PetitionService::AttachmentBytes(const Actor& actor, CommuneId commune,
                                                     PetitionId id, std::string_view hash,
                                                     const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Petition petition, repo_.Find(commune, id));
  for (const PetitionAttachment& attachment : petition.attachments) {
    if (attachment.hash != hash) continue;
    if (attachment.sealed) {
      if (!actor.denunciation_handler || actor.commune_id != commune) {
        return MakeError(ErrorCode::kPermissionDenied,
                         "Tệp đính kèm của đơn tố cáo chỉ cán bộ được giao xử lý tố cáo mới xem "
                         "được.");
      }
      RETURN_IF_ERROR(repo_.RecordIdentityRead(commune, id, ctx));
    }
    return attachments_.Get(attachment.hash, attachment.sealed);
  }
  return MakeError(ErrorCode::kNotFound, "Không có tệp đính kèm này.");
}

Result<PetitionService::ViewContext> PetitionService::LoadViewContext(CommuneId commune) {
  ViewContext context;
  ASSIGN_OR_RETURN(context.commune, communes_.FindCommune(commune));
  ASSIGN_OR_RETURN(context.units, communes_.ListUnits(commune));
  ASSIGN_OR_RETURN(context.settings, Settings(commune));
  return context;
}

Result<PublicPetitionView> PetitionService::PublicView(const Petition& petition, bool detailed) {
  ASSIGN_OR_RETURN(ViewContext context, LoadViewContext(petition.commune_id));
  return BuildPublicView(petition, detailed, context);
}

PublicPetitionView PetitionService::BuildPublicView(const Petition& petition, bool detailed,
                                                    const ViewContext& context) {
  const Commune& commune = context.commune;
  const std::vector<Unit>& units = context.units;
  const PetitionSettings& settings = context.settings;
  const Date today = Today();
  PublicPetitionView view;
  view.code = petition.code;
  view.commune_slug = commune.slug;
  view.commune_name = commune.DisplayName();
  view.channel_label = PetitionChannelLabel(petition.channel);
  view.received_on = petition.received_on;
  view.status_label = ItemStatusLabel(Summarize(petition).status);
  view.detailed = detailed;
  for (const PetitionItem& item : petition.items) {
    const bool denunciation = item.petition_class == PetitionClass::kDenunciation;
    PublicItemView v;
    v.number = item.number;
    v.class_label = PetitionClassLabel(item.petition_class);
    for (const PetitionField& field : settings.fields) {
      if (field.code == item.field) v.field_label = field.label;
    }
    v.status_code = ItemStatusCode(item.status);
    v.status_label = ItemStatusLabel(item.status);
    for (const Unit& unit : units) {
      if (item.unit_id && unit.id == *item.unit_id) v.unit_name = unit.name;
    }
    v.deadline = item.deadline;
    const DeadlineState state = ItemDeadlineState(item, today, settings.due_soon_days);
    v.deadline_state = DeadlineStateCode(state);
    v.deadline_label = DeadlineStateLabel(state);
    if (!denunciation) {
      if (detailed) v.text = item.text;
      if (item.answer && (item.answer->published || detailed)) v.answer = item.answer;
      if (detailed) v.rating = item.rating;
      v.can_rate = detailed && item.answer && !item.rating &&
                   (item.status == ItemStatus::kAnswered || item.status == ItemStatus::kNotified ||
                    item.status == ItemStatus::kClosed);
    }
    if (v.answer) v.answer->answered_by.clear();  // officials act for the commune
    view.items.push_back(std::move(v));
  }
  if (detailed) {
    for (const HistoryEntry& entry : petition.history) {
      HistoryEntry public_entry = entry;
      public_entry.actor = entry.actor == kCitizenActor
                               ? std::string(kCitizenActor)
                               : "Cán bộ " + commune.PeoplesCommitteeName();
      public_entry.note.clear();  // staff notes stay inside
      view.history.push_back(std::move(public_entry));
    }
  }
  return view;
}

Result<Petition> PetitionService::CheckTracking(std::string_view code_text,
                                                std::string_view phone) {
  ASSIGN_OR_RETURN(TrackingCode parsed, ParseTrackingCode(code_text));
  Result<Petition> petition = repo_.FindByCodeAnyCommune(FormatTrackingCode(parsed));
  if (!petition.ok() && petition.error().code == ErrorCode::kNotFound) {
    return MakeError(ErrorCode::kNotFound, "Không tìm thấy đơn có mã " +
                                               FormatTrackingCode(parsed) +
                                               ". Vui lòng kiểm tra lại mã trên giấy biên nhận.");
  }
  if (!petition.ok() || phone.empty()) return petition;
  ASSIGN_OR_RETURN(std::string normalized, NormalizePhone(phone));
  if (petition->phone_digest.empty()) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "Đơn này không ghi số điện thoại; vui lòng liên hệ bộ phận tiếp công dân "
                     "của xã để xem chi tiết.");
  }
  if (vault_.PhoneDigest(normalized) != petition->phone_digest) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "Số điện thoại không khớp với số đã dùng khi gửi đơn.");
  }
  return petition;
}

Result<PublicPetitionView> PetitionService::Track(std::string_view code_text,
                                                  std::string_view phone) {
  ASSIGN_OR_RETURN(Petition petition, CheckTracking(code_text, phone));
  return PublicView(petition, !phone.empty());
}

Result<std::vector<PublicPetitionView>> PetitionService::PublishedAnswers(
    CommuneId commune, std::optional<ConferenceId> conference, int offset, int limit,
    int64_t* total) {
  PetitionQuery query;
  query.published_answer_only = true;
  query.conference_id = conference;
  query.offset = std::max(0, offset);
  query.limit = std::clamp(limit, 1, 100);
  ASSIGN_OR_RETURN(PetitionPage page, repo_.Search(commune, query));
  if (total != nullptr) *total = page.total;
  ASSIGN_OR_RETURN(ViewContext context, LoadViewContext(commune));
  std::vector<PublicPetitionView> views;
  for (const Petition& petition : page.items) {
    PublicPetitionView view = BuildPublicView(petition, false, context);
    // The public list shows the question too (it is what was answered),
    // except for tố cáo items, which are never listed.
    for (size_t i = 0; i < view.items.size(); ++i) {
      if (petition.items[i].petition_class != PetitionClass::kDenunciation && view.items[i].answer)
        view.items[i].text = petition.items[i].text;
    }
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace doithoai
