// MakeOpinionRows (Bảng 1 rows, DLG-11, masked per CONF-02/03) and the helpers
// the after-conference documents share: the Bảng 1 table, the DLG-10
// attendance per group and the session's start and end times.
#include "core/conferences/conference_record.h"

#include <array>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar/date.h"

namespace doithoai {

namespace {

bool IsPseudonymous(const Petition& petition) {
  return petition.HasDenunciation() || petition.identity_sealed;
}

// CONF-02: "Người tố cáo <code>". A sealed petition's DisplayName() is that
// pseudonym; for a tố cáo not (yet) sealed the same text is built here so the
// submitter's name can never reach a document.
std::string Pseudonym(const Petition& petition, const Opinion& opinion) {
  if (petition.identity_sealed) return petition.DisplayName();
  return "Người tố cáo " + (petition.code.empty() ? opinion.code : petition.code);
}

const Petition* FindPetition(const std::vector<Petition>& petitions, PetitionId id) {
  for (const Petition& petition : petitions) {
    if (petition.id == id) return &petition;
  }
  return nullptr;
}

std::string VillageName(const std::vector<Village>& villages, const std::optional<VillageId>& id) {
  if (!id) return "";
  for (const Village& village : villages) {
    if (village.id == *id) return village.name;
  }
  return "";
}

std::string UnitName(const std::vector<Unit>& units, const std::optional<UnitId>& id) {
  if (!id) return "";
  for (const Unit& unit : units) {
    if (unit.id == *id) return unit.name;
  }
  return "";
}

std::string FieldLabel(const std::vector<PetitionField>& fields, const std::string& code) {
  if (code.empty()) return "";
  for (const PetitionField& field : fields) {
    if (field.code == code) return field.label;
  }
  return code;
}

std::string AgendaContent(const Conference& conference, int index) {
  if (index < 1 || index > static_cast<int>(conference.agenda.size())) return "";
  return conference.agenda[index - 1].content;
}

// A local (UTC+7) moment: the date and the minute of the day.
struct LocalTime {
  Date date;
  int minute = 0;
};

LocalTime ToLocal(Timestamp t) {
  const auto local = t + std::chrono::hours(7);  // Việt Nam: UTC+7, no DST (clock.h)
  const auto day = std::chrono::floor<std::chrono::days>(local);
  return {Date(day),
          static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count())};
}

LocalTime PlannedAt(Date date, int minute) {
  const int days = minute >= 0 ? minute / (24 * 60) : 0;
  return {date.AddDays(days), minute - days * 24 * 60};
}

std::string LocalText(const LocalTime& t) {
  return FormatClock(t.minute) + ", " + FormatVietnameseDate(t.date);
}

// Whether a checked-in invitee counts for `session`: invited to it, or to
// every session and checked in on its day (or there is only one session).
bool AttendedSession(const Conference& conference, const Invitee& invitee,
                     const ConferenceSession& session) {
  if (!invitee.checked_in_at) return false;
  if (invitee.session == session.number) return true;
  if (invitee.session != 0) return false;
  return conference.sessions.size() <= 1 || VietnamDate(*invitee.checked_in_at) == session.date;
}

}  // namespace

std::vector<OpinionRow> MakeOpinionRows(const Conference& conference,
                                        const std::vector<Petition>& petitions,
                                        const std::vector<PetitionField>& fields,
                                        const std::vector<Unit>& units,
                                        const std::vector<Village>& villages) {
  // CONF-02: a speaker who made a tố cáo is named by its pseudonym in every
  // row, so their other opinions cannot tie the pseudonym to a name.
  std::map<int, std::string> masked_speakers;
  for (const Opinion& opinion : conference.opinions) {
    const Petition* petition = FindPetition(petitions, opinion.petition);
    if (petition == nullptr || opinion.speaker == 0 || !IsPseudonymous(*petition)) continue;
    masked_speakers.emplace(opinion.speaker, Pseudonym(*petition, opinion));
  }

  std::vector<OpinionRow> rows;
  for (const Opinion& opinion : conference.opinions) {
    const Petition* petition = FindPetition(petitions, opinion.petition);
    if (petition == nullptr) continue;
    const Speaker* speaker = conference.FindSpeaker(opinion.speaker);
    const bool denunciation = petition->HasDenunciation();

    std::string speaker_name;
    std::string village_name;
    if (IsPseudonymous(*petition)) {
      speaker_name = Pseudonym(*petition, opinion);  // village left empty (CONF-02)
    } else if (auto it = masked_speakers.find(opinion.speaker); it != masked_speakers.end()) {
      speaker_name = it->second;
    } else {
      speaker_name =
          speaker != nullptr && !speaker->name.empty() ? speaker->name : petition->DisplayName();
      village_name =
          VillageName(villages, speaker != nullptr && speaker->village ? speaker->village
                                                                       : petition->village_id);
    }
    int agenda_index = opinion.agenda_item;
    if (agenda_index == 0 && speaker != nullptr) agenda_index = speaker->agenda_item;

    for (const PetitionItem& item : petition->items) {
      OpinionRow row;
      row.number = static_cast<int>(rows.size()) + 1;
      row.opinion = opinion.number;
      row.session = opinion.session;
      row.code = petition->code.empty() ? opinion.code : petition->code;
      row.speaker_name = speaker_name;
      row.village_name = village_name;
      row.agenda_item = AgendaContent(conference, agenda_index);
      row.field_label = FieldLabel(fields, item.field);
      row.class_abbrev = std::string(PetitionClassSymbol(item.petition_class));
      row.denunciation = denunciation;
      row.answered_in_room = AnsweredInRoom(*petition, item);
      if (item.answer) row.answered_by = item.answer->answered_by;
      if (denunciation) {
        // CONF-03: the minutes and the notices record only the topic; the
        // formal denunciation is a separate, restricted record.
        row.content = "Ý kiến có nội dung tố cáo về lĩnh vực " +
                      (row.field_label.empty() ? std::string("chưa phân loại") : row.field_label) +
                      "; nội dung được ghi nhận riêng theo quy định bảo vệ người tố cáo.";
      } else {
        row.content = item.text;
        if (item.answer) row.answer = item.answer->text;
      }
      row.unit_name = UnitName(units, item.unit_id);
      row.deadline = item.internal_target ? item.internal_target : item.deadline;
      row.beyond_authority = item.status == ItemStatus::kForwarded;  // XLD-02
      row.forwarded_to = item.forwarded_to;
      row.status_label = std::string(ItemStatusLabel(item.status));
      row.open = IsOpen(item.status);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

Table OpinionTable(const std::vector<OpinionRow>& rows) {
  Table table;
  table.header = {"STT",
                  "Người kiến nghị (họ tên, thôn)",
                  "Nội dung",
                  "Lĩnh vực",
                  "Phân loại",
                  "Trả lời tại hội nghị",
                  "Đơn vị được giao",
                  "Thời hạn",
                  "Thẩm quyền",
                  "Ghi chú"};
  table.column_widths = {1, 3, 6, 3, 2, 5, 3, 2, 2, 3};
  for (const OpinionRow& row : rows) {
    std::string who = row.speaker_name;
    if (!row.village_name.empty()) who += ", " + row.village_name;
    std::string answered = "Không";
    if (row.answered_in_room) {
      answered = "Có";
      if (!row.answered_by.empty()) answered += "; " + row.answered_by;
      if (!row.answer.empty()) answered += "; " + row.answer;
    }
    std::string note = row.status_label;
    if (row.beyond_authority && !row.forwarded_to.empty()) {
      note += " (" + row.forwarded_to + ")";
    }
    table.rows.push_back({std::to_string(row.number), who, row.content,
                          row.field_label.empty() ? "chưa phân loại" : row.field_label,
                          row.class_abbrev, answered, row.unit_name,
                          row.deadline ? FormatDdMmYyyy(*row.deadline) : "",
                          row.beyond_authority ? "Vượt cấp xã" : "Xã", note});
  }
  return table;
}

std::vector<GroupAttendance> SessionAttendance(const Conference& conference,
                                               const ConferenceSession& session) {
  std::vector<GroupAttendance> out;
  for (ParticipantGroup group : kParticipantGroups) {
    std::optional<int> counted;
    for (const AttendanceCount& count : conference.attendance) {
      if (count.session == session.number && count.group == group) counted = count.count;
    }
    int count = 0;
    if (counted) {
      count = *counted;
    } else {
      for (const Invitee& invitee : conference.invitees) {
        if (invitee.group == group && AttendedSession(conference, invitee, session)) ++count;
      }
    }
    if (count > 0) out.push_back({group, count});
  }
  return out;
}

int AttendanceTotal(const Conference& conference) {
  int total = 0;
  for (const ConferenceSession& session : conference.sessions) {
    for (const GroupAttendance& group : SessionAttendance(conference, session)) {
      total += group.count;
    }
  }
  return total;
}

std::string SessionStartText(const ConferenceSession& session) {
  if (session.started_at) return LocalText(ToLocal(*session.started_at));
  return LocalText(PlannedAt(session.date, session.start_minute));
}

std::string SessionEndText(const ConferenceSession& session) {
  if (session.ended_at) return LocalText(ToLocal(*session.ended_at));
  if (session.started_at) {
    return LocalText(ToLocal(*session.started_at + std::chrono::minutes(session.duration_minutes)));
  }
  return LocalText(PlannedAt(session.date, session.start_minute + session.duration_minutes));
}

}  // namespace doithoai
