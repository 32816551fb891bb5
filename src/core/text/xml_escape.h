// XML character data and attribute values for the document writers (the
// DOCX parts, the SVG charts): the five XML escapes, and the control
// characters that XML 1.0 forbids dropped (tab, line feed and carriage
// return stay).
#ifndef DOITHOAI_CORE_TEXT_XML_ESCAPE_H_
#define DOITHOAI_CORE_TEXT_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace doithoai::text {

void AppendXmlEscaped(std::string& out, std::string_view text);

}  // namespace doithoai::text

#endif  // DOITHOAI_CORE_TEXT_XML_ESCAPE_H_
