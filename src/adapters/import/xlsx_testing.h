// Test helpers: builds small .xlsx (and other zip) files in memory with
// libzip, so tests need no binary fixtures. Header-only; for tests only.
#ifndef DOITHOAI_ADAPTERS_IMPORT_XLSX_TESTING_H_
#define DOITHOAI_ADAPTERS_IMPORT_XLSX_TESTING_H_

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace doithoai::import::xlsx_testing {

struct ZipPart {
  std::string name;
  std::string data;
  bool stored = false;  // no compression (else deflate)
};

// A zip archive holding `parts`, or "" if libzip fails.
inline std::string MakeZip(const std::vector<ZipPart>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (buffer == nullptr) {
    return "";
  }
  zip_source_keep(buffer);  // read the result after zip_close
  zip_error_init(&error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    zip_source_free(buffer);
    return "";
  }
  for (const ZipPart& part : parts) {
    zip_source_t* source = zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
    zip_int64_t index =
        source == nullptr ? -1 : zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(archive);
      zip_source_free(buffer);
      return "";
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return "";
  }
  std::string out;
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
    out.resize(stat.size);
    zip_int64_t n = zip_source_read(buffer, out.data(), out.size());
    out.resize(n < 0 ? 0 : static_cast<size_t>(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

inline std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

constexpr char kSpreadsheetNs[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char kRelationshipsNs[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// The parts of a minimal workbook with one sheet, xl/worksheets/sheet1.xml,
// whose <sheetData> holds `sheet_data`, and with `shared` as shared strings.
inline std::vector<ZipPart> XlsxParts(const std::string& sheet_data,
                                      const std::vector<std::string>& shared = {}) {
  std::string ns = kSpreadsheetNs;
  std::string rel = kRelationshipsNs;
  std::string strings;
  for (const std::string& s : shared) {
    strings += "<si><t xml:space=\"preserve\">" + XmlEscape(s) + "</t></si>";
  }
  return {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
       "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"},
      {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns +
                              "\" xmlns:r=\"" + rel +
                              "\"><sheets><sheet name=\"Danh sách\" sheetId=\"1\" "
                              "r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"" +
           rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
           "<Relationship Id=\"rId2\" Type=\"" + rel +
           "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" +
                                       ns + "\"><sheetData>" + sheet_data +
                                       "</sheetData></worksheet>"},
      {"xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + ns +
                                   "\" count=\"" + std::to_string(shared.size()) + "\">" + strings +
                                   "</sst>"},
  };
}

// A minimal .xlsx file; see XlsxParts.
inline std::string MakeXlsx(const std::string& sheet_data,
                            const std::vector<std::string>& shared = {}) {
  return MakeZip(XlsxParts(sheet_data, shared));
}

// A row of inline-string cells in columns A, B, …: the simplest sheet data.
inline std::string InlineRow(int row, const std::vector<std::string>& cells) {
  std::string out = "<row r=\"" + std::to_string(row) + "\">";
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].empty()) {
      continue;
    }
    std::string ref = std::string(1, static_cast<char>('A' + i)) + std::to_string(row);
    out += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + XmlEscape(cells[i]) + "</t></is></c>";
  }
  return out + "</row>";
}

}  // namespace doithoai::import::xlsx_testing

#endif  // DOITHOAI_ADAPTERS_IMPORT_XLSX_TESTING_H_
