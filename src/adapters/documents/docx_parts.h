// WordprocessingML building blocks for docx_renderer.cc: page geometry
// (FMT-01/02/04), runs, paragraphs, rules, tables, inline pictures, section
// properties and the .docx package (parts, relationships, content types,
// zip). Units: twips (1/20 pt; 1 mm ≈ 56.7) for lengths, half-points (w:sz)
// for font sizes, EMU (36000 per mm) for drawings.
#ifndef DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_PARTS_H_
#define DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_PARTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace doithoai::docx {

// FMT-01: A4 portrait. FMT-02: the minimum of each margin range
// (top 20 mm, bottom 20 mm, left 30 mm, right 15 mm).
inline constexpr int kPageWidth = 11906;
inline constexpr int kPageHeight = 16838;
inline constexpr int kMarginTop = 1134;
inline constexpr int kMarginBottom = 1134;
inline constexpr int kMarginLeft = 1701;
inline constexpr int kMarginRight = 850;
inline constexpr int kHeaderDistance = 567;  // FMT-04: page number sits in the top margin
inline constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;  // 9355
inline constexpr int kSizeBody = 28;                                        // FMT-05: 14 pt
inline constexpr int kSizePageNumber = 28;                                  // FMT-04: 14 pt
inline constexpr int kEmuPerMm = 36000;

struct RunStyle {
  int size = kSizeBody;
  bool bold = false;
  bool italic = false;
};

struct ParaStyle {
  std::string_view align = "both";  // FMT-05: justified
  int first_line = 0;
  int before = 0;
  int after = 0;
  int line = 240;  // auto line spacing, 240 = single
  int indent_left = 0;
  int indent_right = 0;
};

// XML text and attribute values; drops the C0 controls XML 1.0 forbids.
std::string Escaped(std::string_view text);

// Rough rendered width of `text` in twips: code points × em × average advance
// (0.70 em for bold capitals, 0.45 em for mixed case). Used for rule lengths.
int EstimateWidth(std::string_view text, int half_points, bool capitals);

// One run; '\n' becomes <w:br/>, '\t' <w:tab/>.
std::string RunXml(std::string_view text, const RunStyle& style);

// One paragraph holding `runs`; `mark_size` > 0 sets the paragraph mark size.
std::string ParaXml(const ParaStyle& style, const std::string& runs, int mark_size = 0);

std::string Centered(std::string_view text, const RunStyle& style);

// A solid rule (§3.2, FMT-21) `width` twips long, centred in `container`: an
// empty 1-pt paragraph with a bottom border, narrowed by equal indents.
std::string RuleXml(int width, int container);

// `cells[r][c]` holds the paragraphs of one cell. Borderless tables carry the
// header and signature blocks; bordered ones are body tables.
std::string TableXml(const std::vector<int>& widths,
                     const std::vector<std::vector<std::string>>& cells, bool borders,
                     bool header_row);

// One picture part of the package, word/media/image<index + 1>.<extension>
// ("png" or "svg"), where index is its position in the list given to Package.
struct MediaPart {
  std::string extension;
  std::string bytes;
};

// The relationship id of the `index`-th (0-based) media part in
// word/_rels/document.xml.rels.
std::string MediaRelId(std::size_t index);

// A centred paragraph holding one inline picture `size_mm` square that shows
// media part `media_index`. `drawing_id` must be unique in the document.
std::string PictureParagraphXml(std::size_t media_index, int drawing_id, int size_mm,
                                std::string_view description);

// A centred paragraph holding one inline picture `width_mm` × `height_mm`
// that shows the PNG media part `png_index`, with the SVG part `svg_index`
// attached through the Office 2016 extension (a:extLst/asvg:svgBlip): Word
// 2016 and later draw the SVG, older Word and LibreOffice the PNG.
std::string SvgPictureParagraphXml(std::size_t png_index, std::size_t svg_index, int drawing_id,
                                   int width_mm, int height_mm, std::string_view description);

// Section properties: A4, FMT-02 margins, FMT-04 page number header from the
// second page (titlePg with an empty first-page header), numbering restarting
// at 1, each section on a new page.
std::string SectionPropertiesXml();

// The namespace declarations of <w:document> (w, r, wp).
std::string DocumentNamespaces();

struct PackageInfo {
  std::string title;    // dc:title
  std::string subject;  // dc:subject
  std::string creator;  // dc:creator
};

// Packs a whole .docx in memory: `document_xml` as word/document.xml, the
// FMT-03/05 styles, settings, the page-number headers, core properties from
// `info`, and each part of `media` as word/media/image<i>.<extension> (with
// its content type). Byte-for-byte reproducible. Fails with kInternal when
// libzip fails.
Result<std::string> Package(const std::string& document_xml, const PackageInfo& info,
                            const std::vector<MediaPart>& media);

}  // namespace doithoai::docx

#endif  // DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_PARTS_H_
