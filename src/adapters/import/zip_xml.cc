// ZipXmlArchive: libzip over a memory buffer, expat fed 64 KiB at a time, so
// memory use is bounded by the handler's own data, never by the part size.
#include "adapters/import/zip_xml.h"

#include <expat.h>
#include <zip.h>

#include <utility>
#include <vector>

namespace doithoai::import {

namespace {

constexpr char kNamespaceSeparator = ' ';  // never inside a URI or a name

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ParserFree {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

std::string MiB(size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (handler->failure().empty()) {
    handler->Start(LocalName(name), attrs);
  }
}

void XMLCALL OnEnd(void* data, const XML_Char* name) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (handler->failure().empty()) {
    handler->End(LocalName(name));
  }
}

void XMLCALL OnText(void* data, const XML_Char* text, int len) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (handler->failure().empty()) {
    handler->Text(std::string_view(text, static_cast<size_t>(len)));
  }
}

// Office files never carry a DTD; refusing it rules out entity expansion.
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<XmlHandler*>(data)->Fail("tệp có khai báo DTD, điều mà tệp Excel không bao giờ có");
}

}  // namespace

Error XlsxError(std::string_view detail) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Tệp Excel không hợp lệ hoặc quá lớn: " + std::string(detail));
}

void XmlHandler::Fail(std::string detail) {
  if (failure_.empty()) {
    failure_ = std::move(detail);
    if (parser_ != nullptr) {
      XML_StopParser(parser_, XML_FALSE);
    }
  }
}

std::string_view LocalName(const char* name) {
  std::string_view full(name);
  size_t separator = full.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

std::string_view AttrValue(const char** attrs, std::string_view local) {
  for (size_t i = 0; attrs[i] != nullptr && attrs[i + 1] != nullptr; i += 2) {
    if (LocalName(attrs[i]) == local) {
      return attrs[i + 1];
    }
  }
  return "";
}

Result<std::unique_ptr<ZipXmlArchive>> ZipXmlArchive::Open(std::string_view data,
                                                           const XlsxLimits& limits) {
  constexpr char kNotXlsx[] = "đây không phải tệp .xlsx (Excel 2007 trở lên) đọc được";
  if (!data.starts_with("PK")) {  // libzip would take an empty buffer for an empty archive
    return XlsxError(kNotXlsx);
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return MakeError(ErrorCode::kInternal, "Không đủ bộ nhớ để mở tệp Excel");
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  int code = zip_error_code_zip(&error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return XlsxError(code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS ? kNotXlsx
                                                                   : "không mở được tệp nén .xlsx");
  }
  std::unique_ptr<ZipXmlArchive> out(new ZipXmlArchive(archive, limits));
  if (zip_get_num_entries(archive, 0) > limits.max_entries) {
    return XlsxError("tệp nén có hơn " + std::to_string(limits.max_entries) + " tệp con");
  }
  return out;
}

ZipXmlArchive::~ZipXmlArchive() { zip_discard(zip_); }

bool ZipXmlArchive::Has(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

Status ZipXmlArchive::Parse(const std::string& name, XmlHandler& handler) {
  zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
  zip_stat_t stat;
  if (index < 0 || zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return XlsxError("thiếu phần " + name);
  }
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
    return XlsxError("không đọc được kích thước phần " + name);
  }
  if (stat.size > limits_.max_part_bytes) {
    return XlsxError("phần " + name + " lớn hơn " + MiB(limits_.max_part_bytes) + " khi giải nén");
  }
  if (stat.size > limits_.ratio_floor_bytes &&
      static_cast<double>(stat.size) > limits_.max_ratio * static_cast<double>(stat.comp_size)) {
    return XlsxError("phần " + name + " có tỉ lệ nén bất thường (có thể là “bom nén”)");
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
    return XlsxError("tệp được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại");
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0));
  if (file == nullptr) {
    return XlsxError("không giải nén được phần " + name);
  }
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(
      XML_ParserCreateNS(nullptr, kNamespaceSeparator));
  if (parser == nullptr) {
    return MakeError(ErrorCode::kInternal, "Không tạo được bộ đọc XML");
  }
  handler.parser_ = parser.get();
  XML_SetUserData(parser.get(), &handler);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser.get(), OnText);
  XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);

  std::vector<char> buffer(64 * 1024);  // on the heap: server threads have small stacks
  size_t total = 0;
  Status result = OkStatus();
  while (true) {
    zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      result = XlsxError("phần " + name + " bị hỏng, không giải nén được");
      break;
    }
    total += static_cast<size_t>(n);
    if (total > limits_.max_part_bytes) {
      result =
          XlsxError("phần " + name + " lớn hơn " + MiB(limits_.max_part_bytes) + " khi giải nén");
      break;
    }
    bool last = n == 0;
    if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (handler.failure().empty()) {
        result = XlsxError("phần " + name + " không phải XML hợp lệ (dòng " +
                           std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                           XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
      }
      break;
    }
    if (last || !handler.failure().empty()) {
      break;
    }
  }
  handler.parser_ = nullptr;
  if (!handler.failure().empty()) {
    return XlsxError(handler.failure());
  }
  return result;
}

}  // namespace doithoai::import
