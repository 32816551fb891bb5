// SqlPetitionRepository, continued: the search index (SRCH-01/03) and
// the queries over it, Search and CountByStatus. Every query filters on
// commune_id.
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "adapters/storage/sql/petition_repository.h"
#include "adapters/storage/sql/petition_rows.h"
#include "core/text/vietnamese.h"

namespace doithoai::sql {

using petition_rows::LoadPetition;

namespace {

constexpr int kMaxPageSize = 1000;

// Lower case of the NFC form (full Unicode case mapping, root locale): the
// SRCH-03 "exact" comparison ignores case only.
std::string LowerNfc(std::string_view s) {
  Result<std::string> nfc = text::ToNfc(s);
  const std::string& in = nfc.ok() ? *nfc : std::string(s);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The folded words of a user's text ("Hoằng Trư" → hoang, tru). Words are
// split at every ASCII character other than a letter or digit, so no quote or
// operator of the FTS5 or regular-expression syntax survives.
std::vector<std::string> SearchWords(std::string_view q) {
  const std::string folded = text::Fold(q);
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (char ch : folded) {
    const unsigned char u = static_cast<unsigned char>(ch);
    const bool ascii_word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (u >= 0x80 || ascii_word) {
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// SQLite: the FTS5 query, every word a required prefix match
// ("hoang"* "tru"*).
std::string FtsQuery(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += '"' + word + "\"*";
  }
  return out;
}

// PostgreSQL: the same prefix match as a regular expression, the word at the
// start of the text or after a character that is not a letter or digit
// (words hold only [a-z0-9] and non-ASCII bytes, nothing to escape).
std::string WordPrefixRegex(const std::string& word) { return "(^|[^a-z0-9])" + word; }

// A bound value of a Search query.
using Param = std::variant<int64_t, std::string>;

void BindAll(Statement& stmt, const std::vector<Param>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const int64_t* n = std::get_if<int64_t>(&params[i])) {
      stmt.Bind(index, *n);
    } else {
      stmt.Bind(index, std::string_view(std::get<std::string>(params[i])));
    }
  }
}

}  // namespace

// Declared in petition_rows.h.
Status petition_rows::WriteSearchRow(Connection& c, const Petition& p, const SearchText& search) {
  if (c.engine() == Engine::kPostgres) {
    // An ordinary table with a pg_trgm index on `folded` (migration 0006).
    ASSIGN_OR_RETURN(Statement upsert,
                     c.Prepare("INSERT INTO petition_search (petition_id, commune_id, folded, "
                               "exact) VALUES (?1, ?2, ?3, ?4) "
                               "ON CONFLICT (commune_id, petition_id) DO UPDATE "
                               "SET folded = excluded.folded, exact = excluded.exact"));
    upsert.Bind(1, p.id.value).Bind(2, p.commune_id.value).Bind(3, search.folded);
    upsert.Bind(4, search.exact);
    return upsert.Run();
  }
  ASSIGN_OR_RETURN(Statement remove, c.Prepare("DELETE FROM petition_search WHERE rowid = ?"));
  remove.Bind(1, p.id.value);
  RETURN_IF_ERROR(remove.Run());
  ASSIGN_OR_RETURN(Statement insert, c.Prepare("INSERT INTO petition_search (rowid, folded, exact) "
                                               "VALUES (?1, ?2, ?3)"));
  insert.Bind(1, p.id.value).Bind(2, search.folded).Bind(3, search.exact);
  return insert.Run();
}

// Declared in petition_rows.h.
Result<int64_t> petition_rows::RebuildSearchIndex(Connection& c) {
  RETURN_IF_ERROR(c.Exec("DELETE FROM petition_search"));
  ASSIGN_OR_RETURN(Statement rows, c.Prepare("SELECT commune_id, id FROM petitions ORDER BY id"));
  std::vector<std::pair<CommuneId, PetitionId>> ids;
  while (true) {
    ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row) break;
    ids.emplace_back(CommuneId{rows.ColumnInt(0)}, PetitionId{rows.ColumnInt(1)});
  }
  for (const auto& [commune, id] : ids) {
    ASSIGN_OR_RETURN(Petition p, LoadPetition(c, commune, id));
    RETURN_IF_ERROR(WriteSearchRow(c, p, SearchTextOf(p)));
  }
  return static_cast<int64_t>(ids.size());
}

// Declared in petition_rows.h.
petition_rows::SearchText petition_rows::SearchTextOf(const Petition& p) {
  std::string joined = p.code;
  for (const PetitionItem& item : p.items) joined += "\n" + item.text;
  SearchText out;
  if (!p.identity_sealed) {
    const std::string who = p.submitter.name + "\n" + p.submitter.address;
    joined += "\n" + who;
    out.name = text::Fold(who);
  }
  out.folded = text::Fold(joined);
  out.exact = LowerNfc(joined);
  return out;
}

Result<PetitionPage> SqlPetitionRepository::Search(CommuneId commune, const PetitionQuery& query) {
  if (!text::IsValidUtf8(query.q)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Từ khóa tìm kiếm không hợp lệ (không phải UTF-8).");
  }
  const Engine engine = db_.engine();
  const std::vector<std::string> words = SearchWords(query.q);
  const bool match = !words.empty();
  // The SQL is assembled from the constant fragments below only; every value
  // is bound.
  std::string from = " FROM petitions p";
  std::string where = " WHERE p.commune_id = ?";
  std::vector<Param> params = {commune.value};
  if (match && engine == Engine::kSqlite) {
    // The full-text index drives the join (CROSS JOIN fixes the order):
    // otherwise SQLite walks every petition of the commune and runs the
    // MATCH once per row (measured: seconds at 20,000 petitions).
    from = " FROM petition_search CROSS JOIN petitions p ON petition_search.rowid = p.id";
    where = " WHERE petition_search MATCH ? AND p.commune_id = ?";
    params = {FtsQuery(words), commune.value};
  } else if (match) {
    // PostgreSQL: one regular expression per word over the folded text,
    // served by the pg_trgm GIN index (migration 0006).
    from =
        " FROM petition_search s JOIN petitions p ON p.commune_id = s.commune_id "
        "AND p.id = s.petition_id";
    where = " WHERE s.commune_id = ? AND p.commune_id = ?";
    params = {commune.value, commune.value};
    for (const std::string& word : words) {
      where += " AND s.folded ~ ?";
      params.push_back(WordPrefixRegex(word));
    }
  }
  if (query.status) {
    where += " AND p.status = ?";
    params.push_back(std::string(ItemStatusCode(*query.status)));
  }
  if (!query.field.empty()) {
    where += " AND p.field = ?";
    params.push_back(query.field);
  }
  if (query.village_id) {
    where += " AND p.village_id = ?";
    params.push_back(query.village_id->value);
  }
  if (query.unit_id) {
    where += " AND p.unit_id = ?";
    params.push_back(query.unit_id->value);
  }
  if (query.conference_id) {
    where += " AND p.conference_id = ?";
    params.push_back(query.conference_id->value);
  }
  if (query.petition_class) {
    where += " AND " + ContainsExpr(engine, "p.classes", "?");
    params.push_back("|" + std::string(PetitionClassCode(*query.petition_class)) + "|");
  }
  if (query.open_only) where += " AND p.open = 1";
  if (query.overdue_only) {
    where += " AND p.open = 1 AND p.deadline < ?";
    params.push_back(query.today.ToIsoString());
  }
  if (query.published_answer_only) where += " AND p.published_answer = 1";

  std::string order = " ORDER BY";
  std::vector<Param> page_params = params;
  if (match) {
    std::string_view typed = query.q;
    while (!typed.empty() && (typed.front() == ' ' || typed.front() == '\t'))
      typed.remove_prefix(1);
    while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\t')) typed.remove_suffix(1);
    const std::string exact = LowerNfc(typed);
    // SRCH-03: rows containing q as typed (ignoring case only) first. A
    // query typed without diacritics ranks nothing higher (its folded and
    // exact forms agree), so it skips reading every match's text.
    if (exact != text::Fold(typed)) {
      const char* exact_column = engine == Engine::kSqlite ? "petition_search.exact" : "s.exact";
      order += " (" + ContainsExpr(engine, exact_column, "?") + ") DESC,";
      page_params.push_back(exact);
    }
  }
  order += " p.received_at DESC, p.id DESC LIMIT ? OFFSET ?";
  page_params.push_back(static_cast<int64_t>(std::clamp(query.limit, 1, kMaxPageSize)));
  page_params.push_back(static_cast<int64_t>(std::max(query.offset, 0)));

  const std::string count_sql = "SELECT COUNT(*)" + from + where;
  // Two phases: the page's ids first (the sort carries ids and keys only,
  // not every match's JSON), then those rows.
  const std::string page_sql = "SELECT p.id" + from + where + order;
  return db_.Read<PetitionPage>([&](Connection& c) -> Result<PetitionPage> {
    PetitionPage page;
    ASSIGN_OR_RETURN(Statement count, c.Prepare(count_sql));
    BindAll(count, params);
    ASSIGN_OR_RETURN(bool counted, count.Step());
    page.total = counted ? count.ColumnInt(0) : 0;
    std::vector<int64_t> ids;
    {
      ASSIGN_OR_RETURN(Statement rows, c.Prepare(page_sql));
      BindAll(rows, page_params);
      while (true) {
        ASSIGN_OR_RETURN(bool row, rows.Step());
        if (!row) break;
        ids.push_back(rows.ColumnInt(0));
      }
    }
    for (int64_t id : ids) {
      ASSIGN_OR_RETURN(Petition petition, LoadPetition(c, commune, PetitionId{id}));
      page.items.push_back(std::move(petition));
    }
    return page;
  });
}

Result<std::vector<std::pair<ItemStatus, int64_t>>> SqlPetitionRepository::CountByStatus(
    CommuneId commune) {
  using Counts = std::vector<std::pair<ItemStatus, int64_t>>;
  return db_.Read<Counts>([commune](Connection& c) -> Result<Counts> {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT status, COUNT(*) FROM petitions "
                                               "WHERE commune_id = ? GROUP BY status"));
    stmt.Bind(1, commune.value);
    Counts out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      Result<ItemStatus> status = ParseItemStatus(stmt.ColumnText(0));
      if (!status.ok()) {
        return MakeError(
            ErrorCode::kInternal,
            "Trạng thái đơn lưu trong cơ sở dữ liệu không hợp lệ: " + stmt.ColumnText(0));
      }
      out.emplace_back(*status, stmt.ColumnInt(1));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return static_cast<int>(a.first) < static_cast<int>(b.first);
    });
    return out;
  });
}

}  // namespace doithoai::sql
