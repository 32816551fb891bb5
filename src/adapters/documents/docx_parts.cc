// See docx_parts.h. Everything here is format plumbing; the Decree 30 layout
// (which text goes where, in which size) lives in docx_renderer.cc.
#include "adapters/documents/docx_parts.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <utility>

#include "core/text/xml_escape.h"

namespace doithoai::docx {
namespace {

constexpr std::time_t kZipMtime = 315576000;  // 1980-01-01 12:00 UTC, DOS epoch
// rId1..rId4 are styles, settings and the two headers; media follow.
constexpr std::size_t kFirstMediaRel = 5;

constexpr std::string_view kXmlDecl =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kNsR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kNsWp =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr std::string_view kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr std::string_view kNsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr std::string_view kNsAsvg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
// The a:ext uri under which Office 2016+ looks for an svgBlip.
constexpr std::string_view kSvgBlipExtUri = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";

void AppendEscaped(std::string& out, std::string_view text) { text::AppendXmlEscaped(out, text); }

std::string S(std::string_view text) { return std::string(text); }

// "media/image<index + 1>.<extension>", relative to word/.
std::string MediaName(std::size_t index, const MediaPart& part) {
  return "media/image" + std::to_string(index + 1) + "." + part.extension;
}

// FMT-04: Arabic page number, 14 pt, centred in the top margin.
std::string PageNumberHeaderXml() {
  const std::string size = "<w:rPr><w:sz w:val=\"" + std::to_string(kSizePageNumber) +
                           "\"/><w:szCs w:val=\"" + std::to_string(kSizePageNumber) +
                           "\"/></w:rPr>";
  return S(kXmlDecl) + "<w:hdr xmlns:w=\"" + S(kNsW) +
         "\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r>" + size +
         "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + size +
         "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>" + size +
         "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>" + size + "<w:t>2</w:t></w:r><w:r>" +
         size + "<w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
}

// FMT-03: Times New Roman for every script; 14 pt body (FMT-05); Vietnamese.
std::string StylesXml() {
  return S(kXmlDecl) + "<w:styles xmlns:w=\"" + S(kNsW) +
         "\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
         "w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
         "<w:color w:val=\"000000\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
         "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "</w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
         "<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
         "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style></w:styles>";
}

std::string CorePropertiesXml(const PackageInfo& info) {
  return S(kXmlDecl) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         Escaped(info.title) + "</dc:title><dc:subject>" + Escaped(info.subject) +
         "</dc:subject><dc:creator>" + Escaped(info.creator) +
         "</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>";
}

// (type, target) pairs numbered rId1, rId2, … in order.
std::string RelationshipsXml(const std::vector<std::pair<std::string, std::string>>& targets) {
  std::string out =
      S(kXmlDecl) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < targets.size(); ++i) {
    out += "<Relationship Id=\"rId" + std::to_string(i + 1) + "\" Type=\"" + targets[i].first +
           "\" Target=\"" + targets[i].second + "\"/>";
  }
  return out + "</Relationships>";
}

std::string ContentTypesXml(bool has_png, bool has_svg) {
  constexpr std::string_view kOd =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  std::string types = S(kXmlDecl) +
                      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                      "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                      "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                      "ContentType=\"application/xml\"/>";
  if (has_png) {
    types += "<Default Extension=\"png\" ContentType=\"image/png\"/>";
  }
  if (has_svg) {
    types += "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>";
  }
  for (auto [part, type] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"/word/document.xml", "document.main+xml"},
           {"/word/styles.xml", "styles+xml"},
           {"/word/settings.xml", "settings+xml"},
           {"/word/header1.xml", "header+xml"},
           {"/word/header2.xml", "header+xml"}}) {
    types += "<Override PartName=\"" + S(part) + "\" ContentType=\"" + S(kOd) + S(type) + "\"/>";
  }
  return types +
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
}

struct SourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
struct ArchiveDeleter {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

Error ZipError(std::string_view what, zip_error_t* error) {
  return MakeError(ErrorCode::kInternal, "Không tạo được tệp .docx (" + S(what) + ": " +
                                             zip_error_strerror(error) + ").");
}

// Reads the whole of `src` (a buffer source) into a string.
Result<std::string> ReadSource(zip_source_t* src) {
  if (zip_source_open(src) < 0) {
    return ZipError("read", zip_source_error(src));
  }
  std::string out;
  zip_int64_t size = -1;
  if (zip_source_seek(src, 0, SEEK_END) == 0) {
    size = zip_source_tell(src);
  }
  if (size >= 0 && zip_source_seek(src, 0, SEEK_SET) == 0) {
    out.resize(static_cast<std::size_t>(size));
    if (zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) != size) {
      size = -1;
    }
  }
  if (size < 0) {
    Error e = ZipError("read", zip_source_error(src));
    zip_source_close(src);
    return e;
  }
  zip_source_close(src);
  return out;
}

// Packs `parts` (name, bytes) into a zip held in memory.
Result<std::string> Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceDeleter> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  if (buffer == nullptr) {
    Error e = ZipError("buffer", &error);
    zip_error_fini(&error);
    return e;
  }
  std::unique_ptr<zip_t, ArchiveDeleter> archive(
      zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
  if (archive == nullptr) {
    Error e = ZipError("open", &error);
    zip_error_fini(&error);
    return e;
  }
  zip_error_fini(&error);
  zip_source_keep(buffer.get());  // the archive now shares it; keep our reference
  for (const auto& [name, bytes] : parts) {
    zip_source_t* entry = zip_source_buffer(archive.get(), bytes.data(), bytes.size(), 0);
    if (entry == nullptr) {
      return ZipError(name, zip_get_error(archive.get()));
    }
    const zip_int64_t index = zip_file_add(archive.get(), name.c_str(), entry, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(entry);
      return ZipError(name, zip_get_error(archive.get()));
    }
    const auto entry_index = static_cast<zip_uint64_t>(index);
    // A fixed timestamp keeps the output byte-for-byte reproducible.
    if (zip_file_set_mtime(archive.get(), entry_index, kZipMtime, 0) < 0) {
      return ZipError(name, zip_get_error(archive.get()));
    }
    // PNG data is already deflated; storing it saves time and nothing else.
    if (name.ends_with(".png") &&
        zip_set_file_compression(archive.get(), entry_index, ZIP_CM_STORE, 0) < 0) {
      return ZipError(name, zip_get_error(archive.get()));
    }
  }
  if (zip_close(archive.get()) < 0) {
    return ZipError("close", zip_get_error(archive.get()));
  }
  archive.release();  // zip_close freed it
  return ReadSource(buffer.get());
}

}  // namespace

std::string Escaped(std::string_view text) {
  std::string out;
  AppendEscaped(out, text);
  return out;
}

int EstimateWidth(std::string_view text, int half_points, bool capitals) {
  const auto points = std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  return static_cast<int>(points) * half_points * 10 * (capitals ? 70 : 45) / 100;
}

std::string RunXml(std::string_view text, const RunStyle& style) {
  std::string out = "<w:r><w:rPr>";
  if (style.bold) {
    out += "<w:b/><w:bCs/>";
  }
  if (style.italic) {
    out += "<w:i/><w:iCs/>";
  }
  out += "<w:sz w:val=\"" + std::to_string(style.size) + "\"/><w:szCs w:val=\"" +
         std::to_string(style.size) + "\"/></w:rPr>";
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\n\t", start);
    std::string_view piece = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!piece.empty()) {
      out += "<w:t xml:space=\"preserve\">" + Escaped(piece) + "</w:t>";
    }
    if (end == std::string_view::npos) {
      break;
    }
    out += text[end] == '\n' ? "<w:br/>" : "<w:tab/>";
    start = end + 1;
  }
  return out + "</w:r>";
}

std::string ParaXml(const ParaStyle& style, const std::string& runs, int mark_size) {
  std::string out = "<w:p><w:pPr><w:spacing w:before=\"" + std::to_string(style.before) +
                    "\" w:after=\"" + std::to_string(style.after) + "\" w:line=\"" +
                    std::to_string(style.line) + "\" w:lineRule=\"auto\"/>";
  out += "<w:ind w:left=\"" + std::to_string(style.indent_left) + "\" w:right=\"" +
         std::to_string(style.indent_right) + "\" w:firstLine=\"" +
         std::to_string(style.first_line) + "\"/>";
  out += "<w:jc w:val=\"" + S(style.align) + "\"/>";
  if (mark_size > 0) {
    out += "<w:rPr><w:sz w:val=\"" + std::to_string(mark_size) + "\"/></w:rPr>";
  }
  return out + "</w:pPr>" + runs + "</w:p>";
}

std::string Centered(std::string_view text, const RunStyle& style) {
  return ParaXml({.align = "center"}, RunXml(text, style), style.size);
}

std::string RuleXml(int width, int container) {
  const int indent = std::max(0, (container - std::min(width, container)) / 2);
  return "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
         "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
         "w:lineRule=\"exact\"/><w:ind w:left=\"" +
         std::to_string(indent) + "\" w:right=\"" + std::to_string(indent) +
         "\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>";
}

std::string TableXml(const std::vector<int>& widths,
                     const std::vector<std::vector<std::string>>& cells, bool borders,
                     bool header_row) {
  const std::string_view border = borders ? "single" : "nil";
  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextWidth) +
                    "\" w:type=\"dxa\"/><w:tblBorders>";
  for (std::string_view side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    out += "<w:" + S(side) + " w:val=\"" + S(border) +
           "\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }
  const std::string margin = std::to_string(borders ? 85 : 0);
  out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"" + margin +
         "\" w:type=\"dxa\"/><w:right w:w=\"" + margin +
         "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int w : widths) {
    out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  }
  out += "</w:tblGrid>";
  for (std::size_t r = 0; r < cells.size(); ++r) {
    out += (header_row && r == 0) ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) +
             "\" w:type=\"dxa\"/></w:tcPr>" + (cells[r][c].empty() ? "<w:p/>" : cells[r][c]) +
             "</w:tc>";
    }
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

std::string MediaRelId(std::size_t index) { return "rId" + std::to_string(kFirstMediaRel + index); }

namespace {

// One inline picture `cx` × `cy` EMU showing media part `media_index`, and
// when `svg_index` is set the SVG part attached as an Office 2016 svgBlip.
std::string InlinePictureXml(std::size_t media_index, const std::size_t* svg_index, long long cx,
                             long long cy, const std::string& frame_name, int drawing_id,
                             std::string_view description) {
  const std::string width = std::to_string(cx);
  const std::string height = std::to_string(cy);
  const std::string id = std::to_string(drawing_id);
  const std::string name = "image" + std::to_string(media_index + 1) + ".png";
  std::string blip = "<a:blip r:embed=\"" + MediaRelId(media_index) + "\"";
  if (svg_index == nullptr) {
    blip += "/>";
  } else {
    blip += "><a:extLst><a:ext uri=\"" + S(kSvgBlipExtUri) + "\"><asvg:svgBlip xmlns:asvg=\"" +
            S(kNsAsvg) + "\" r:embed=\"" + MediaRelId(*svg_index) +
            "\"/></a:ext></a:extLst></a:blip>";
  }
  const std::string drawing =
      "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent "
      "cx=\"" +
      width + "\" cy=\"" + height +
      "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"" + id + "\" name=\"" +
      frame_name + " " + id + "\" descr=\"" + Escaped(description) +
      "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"" + S(kNsA) +
      "\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic xmlns:a=\"" + S(kNsA) +
      "\"><a:graphicData uri=\"" + S(kNsPic) + "\"><pic:pic xmlns:pic=\"" + S(kNsPic) +
      "\"><pic:nvPicPr><pic:cNvPr id=\"" + id + "\" name=\"" + name +
      "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>" + blip +
      "<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
      "y=\"0\"/><a:ext cx=\"" +
      width + "\" cy=\"" + height +
      "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
      "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
  return ParaXml({.align = "center", .before = 120}, drawing);
}

}  // namespace

std::string PictureParagraphXml(std::size_t media_index, int drawing_id, int size_mm,
                                std::string_view description) {
  const long long emu = static_cast<long long>(size_mm) * kEmuPerMm;
  return InlinePictureXml(media_index, nullptr, emu, emu, "QR", drawing_id, description);
}

std::string SvgPictureParagraphXml(std::size_t png_index, std::size_t svg_index, int drawing_id,
                                   int width_mm, int height_mm, std::string_view description) {
  return InlinePictureXml(png_index, &svg_index, static_cast<long long>(width_mm) * kEmuPerMm,
                          static_cast<long long>(height_mm) * kEmuPerMm, "Chart", drawing_id,
                          description);
}

std::string SectionPropertiesXml() {
  std::string out =
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
      "<w:headerReference w:type=\"first\" r:id=\"rId4\"/><w:type w:val=\"nextPage\"/>";
  out += "<w:pgSz w:w=\"" + std::to_string(kPageWidth) + "\" w:h=\"" + std::to_string(kPageHeight) +
         "\"/>";
  out += "<w:pgMar w:top=\"" + std::to_string(kMarginTop) + "\" w:right=\"" +
         std::to_string(kMarginRight) + "\" w:bottom=\"" + std::to_string(kMarginBottom) +
         "\" w:left=\"" + std::to_string(kMarginLeft) + "\" w:header=\"" +
         std::to_string(kHeaderDistance) + "\" w:footer=\"" + std::to_string(kHeaderDistance) +
         "\" w:gutter=\"0\"/>";
  // FMT-04: numbering restarts with each document; no number on its page 1
  // (the "first" header is empty).
  return out + "<w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>";
}

std::string DocumentNamespaces() {
  return "xmlns:w=\"" + S(kNsW) + "\" xmlns:r=\"" + S(kNsR) + "\" xmlns:wp=\"" + S(kNsWp) + "\"";
}

Result<std::string> Package(const std::string& document_xml, const PackageInfo& info,
                            const std::vector<MediaPart>& media) {
  const std::string rel = S(kNsR) + "/";
  auto has = [&media](std::string_view extension) {
    return std::any_of(media.begin(), media.end(),
                       [extension](const MediaPart& part) { return part.extension == extension; });
  };
  std::vector<std::pair<std::string, std::string>> document_rels = {
      {rel + "styles", "styles.xml"},
      {rel + "settings", "settings.xml"},
      {rel + "header", "header1.xml"},
      {rel + "header", "header2.xml"}};
  for (std::size_t i = 0; i < media.size(); ++i) {
    document_rels.emplace_back(rel + "image", MediaName(i, media[i]));
  }
  const std::string settings =
      S(kXmlDecl) + "<w:settings xmlns:w=\"" + S(kNsW) +
      "\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
      "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
      "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", ContentTypesXml(has("png"), has("svg"))},
      {"_rels/.rels", RelationshipsXml({{rel + "officeDocument", "word/document.xml"},
                                        {"http://schemas.openxmlformats.org/package/2006/"
                                         "relationships/metadata/core-properties",
                                         "docProps/core.xml"}})},
      {"word/_rels/document.xml.rels", RelationshipsXml(document_rels)},
      {"word/document.xml", document_xml},
      {"word/styles.xml", StylesXml()},
      {"word/settings.xml", settings},
      {"word/header1.xml", PageNumberHeaderXml()},
      {"word/header2.xml", S(kXmlDecl) + "<w:hdr xmlns:w=\"" + S(kNsW) + "\"><w:p/></w:hdr>"},
      {"docProps/core.xml", CorePropertiesXml(info)},
  };
  for (std::size_t i = 0; i < media.size(); ++i) {
    parts.emplace_back("word/" + MediaName(i, media[i]), media[i].bytes);
  }
  return Zip(parts);
}

}  // namespace doithoai::docx
