// ZipXmlArchive: a zip archive held in memory (libzip) whose XML parts are
// parsed as streams (expat) through an XmlHandler, under the size and
// compression-ratio limits of XlsxLimits. The building block of the .xlsx
// reader; errors are kInvalidArgument with Vietnamese messages prefixed
// "Tệp Excel không hợp lệ hoặc quá lớn: ". Not thread-safe (one per read).
#ifndef DOITHOAI_ADAPTERS_IMPORT_ZIP_XML_H_
#define DOITHOAI_ADAPTERS_IMPORT_ZIP_XML_H_

#include <memory>
#include <string>
#include <string_view>

#include "adapters/import/xlsx_reader.h"
#include "core/common/result.h"

struct zip;
struct XML_ParserStruct;

namespace doithoai::import {

// kInvalidArgument "Tệp Excel không hợp lệ hoặc quá lớn: <detail>".
Error XlsxError(std::string_view detail);

// Receives the events of one XML part. Names are local names (namespace
// prefixes and URIs removed); `attrs` is expat's null-terminated list of
// name, value pairs, whose names are local names too after AttrValue.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;

  // Stops the parse; Parse returns XlsxError(detail).
  void Fail(std::string detail);
  const std::string& failure() const { return failure_; }

 private:
  friend class ZipXmlArchive;
  XML_ParserStruct* parser_ = nullptr;
  std::string failure_;
};

// The local part of an expat name ("uri name" → "name").
std::string_view LocalName(const char* name);
// The value of the attribute whose local name is `local`, or "".
std::string_view AttrValue(const char** attrs, std::string_view local);

class ZipXmlArchive {
 public:
  // Opens `data` (which must outlive the archive) as a zip archive.
  static Result<std::unique_ptr<ZipXmlArchive>> Open(std::string_view data,
                                                     const XlsxLimits& limits);
  ~ZipXmlArchive();
  ZipXmlArchive(const ZipXmlArchive&) = delete;
  ZipXmlArchive& operator=(const ZipXmlArchive&) = delete;

  // True when the archive has a part called `name` (ASCII case ignored, as
  // Open Packaging Conventions part names are).
  bool Has(const std::string& name) const;
  // Streams part `name` through `handler`. Refuses, before inflating, a part
  // whose declared size exceeds the limits, and stops reading at the limit
  // whatever the header claims. A DTD is an error.
  Status Parse(const std::string& name, XmlHandler& handler);

 private:
  ZipXmlArchive(zip* archive, const XlsxLimits& limits) : zip_(archive), limits_(limits) {}
  zip* zip_;
  XlsxLimits limits_;
};

}  // namespace doithoai::import

#endif  // DOITHOAI_ADAPTERS_IMPORT_ZIP_XML_H_
