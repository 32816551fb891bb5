// Tests for form decoding: url-encoded bodies and query strings, multipart
// bodies (fields, files, boundaries, limits) and Content-Type dispatch.
#include "adapters/http/form.h"

#include <gtest/gtest.h>

#include <string>

namespace doithoai::http {
namespace {

constexpr char kNotUtf8[] = "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.";
constexpr char kEAcuteDecomposed[] = "e\xCC\x81";  // e + U+0301
constexpr char kEAcuteComposed[] = "\xC3\xA9";     // U+00E9

TEST(UrlEncodeTest, KeepsUnreservedAndEscapesEveryOtherByte) {
  EXPECT_EQ(UrlEncode("aZ09-_.~"), "aZ09-_.~");
  EXPECT_EQ(UrlEncode("a b&c=đ"), "a%20b%26c%3D%C4%91");
  EXPECT_EQ(UrlEncode(""), "");
  Result<FormData> back = ParseUrlEncoded("x=" + UrlEncode("Thôn 2 & 3+"));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Get("x"), "Thôn 2 & 3+");
}

TEST(ParseUrlEncodedTest, DecodesPlusAndPercentEscapes) {
  Result<FormData> form = ParseUrlEncoded("a=1&b=x+y&c=%C4%91%C3%A0&d=%26%3D%2B");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("a"), "1");
  EXPECT_EQ(form->Get("b"), "x y");
  EXPECT_EQ(form->Get("c"), "đà");
  EXPECT_EQ(form->Get("d"), "&=+");
  EXPECT_TRUE(form->files.empty());
}

TEST(ParseUrlEncodedTest, KeepsRepeatedNamesInOrder) {
  Result<FormData> form = ParseUrlEncoded("tag=b&x=1&tag=a&tag=c");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("tag"), "b");
  EXPECT_EQ(form->GetAll("tag"), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_TRUE(form->GetAll("none").empty());
}

TEST(ParseUrlEncodedTest, SkipsEmptyNamesAndPairs) {
  Result<FormData> form = ParseUrlEncoded("&=x&&flag&a=b=c&");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->fields.size(), 2u);
  EXPECT_TRUE(form->Has("flag"));
  EXPECT_EQ(form->Get("flag"), "");
  EXPECT_EQ(form->Get("a"), "b=c");
  EXPECT_FALSE(form->Has("missing"));
  EXPECT_EQ(form->Get("missing"), "");
}

TEST(ParseUrlEncodedTest, EmptyInputIsAnEmptyForm) {
  Result<FormData> form = ParseUrlEncoded("");
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->fields.empty());
}

TEST(ParseUrlEncodedTest, RejectsMalformedEscapes) {
  for (const char* body : {"a=%", "a=%4", "a=%zz", "a=%G1", "%=1", "a=1&b=%%41"}) {
    Result<FormData> form = ParseUrlEncoded(body);
    ASSERT_FALSE(form.ok()) << body;
    EXPECT_EQ(form.error().code, ErrorCode::kInvalidArgument) << body;
  }
}

TEST(ParseUrlEncodedTest, RejectsTextThatIsNotUtf8) {
  for (const char* body : {"a=%FF", "%C0%AF=1", "a=%ED%A0%80"}) {
    Result<FormData> form = ParseUrlEncoded(body);
    ASSERT_FALSE(form.ok()) << body;
    EXPECT_EQ(form.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(form.error().message, kNotUtf8);
  }
}

TEST(ParseUrlEncodedTest, NormalisesNamesAndValuesToNfc) {
  Result<FormData> form = ParseUrlEncoded("caf%65%CC%81=e%CC%81");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get(std::string("caf") + kEAcuteComposed), kEAcuteComposed);
}

TEST(ParseUrlEncodedTest, LimitsTheNumberOfFields) {
  std::string body;
  for (size_t i = 0; i < kMaxFormParts; ++i) {
    body += "a=1&";
  }
  EXPECT_TRUE(ParseUrlEncoded(body).ok());
  Result<FormData> form = ParseUrlEncoded(body + "b=2");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().code, ErrorCode::kResourceExhausted);
}

// One multipart part with the given Content-Disposition parameters.
std::string Part(const std::string& disposition, const std::string& content,
                 const std::string& extra_headers = "") {
  return "--BOUND\r\nContent-Disposition: form-data; " + disposition + "\r\n" + extra_headers +
         "\r\n" + content + "\r\n";
}

constexpr char kType[] = "multipart/form-data; boundary=BOUND";
constexpr char kEnd[] = "--BOUND--\r\n";

TEST(ParseMultipartTest, ParsesFieldsAndFiles) {
  std::string data("\x00\xFF\r\n--BOUN binary", 16);
  std::string body =
      Part("name=\"title\"", "Kiến nghị") + Part("name=\"note\"", "line1\r\nline2") +
      Part("name=\"doc\"; filename=\"a.pdf\"", data, "Content-Type: application/pdf\r\n") + kEnd;
  Result<FormData> form = ParseMultipart(body, kType);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("title"), "Kiến nghị");
  EXPECT_EQ(form->Get("note"), "line1\r\nline2");
  ASSERT_EQ(form->files.size(), 1u);
  const UploadedFile* file = form->File("doc");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "a.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->data, data);
  EXPECT_FALSE(form->Has("doc"));
  EXPECT_EQ(form->File("title"), nullptr);
}

TEST(ParseMultipartTest, AcceptsQuotedBoundaryPreambleAndEpilogue) {
  std::string body =
      "preamble text\r\n--a b:c\r\nContent-Disposition: form-data; name=x\r\n\r\n"
      "1\r\n--a b:c--\r\nepilogue";
  Result<FormData> form = ParseMultipart(body, "Multipart/Form-Data; Boundary=\"a b:c\"");
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("x"), "1");
}

TEST(ParseMultipartTest, IgnoresBoundaryLookalikesInsideContent) {
  std::string body = Part("name=\"x\"", "a\r\n--BOUNDARY\r\n--BOUNDx\r\nb") + kEnd;
  Result<FormData> form = ParseMultipart(body, kType);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("x"), "a\r\n--BOUNDARY\r\n--BOUNDx\r\nb");
}

TEST(ParseMultipartTest, HandlesEmptyValuesAndBodies) {
  Result<FormData> form = ParseMultipart(Part("name=\"x\"", "") + kEnd, kType);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_TRUE(form->Has("x"));
  EXPECT_EQ(form->Get("x"), "");
  Result<FormData> none = ParseMultipart("--BOUND--", kType);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->fields.empty());
}

TEST(ParseMultipartTest, PrefersExtendedFilenameAndDecodesIt) {
  std::string body =
      Part("name=\"f\"; filename=\"fallback.txt\"; filename*=UTF-8''%C4%91%C6%A1n%20a.txt", "x") +
      kEnd;
  Result<FormData> form = ParseMultipart(body, kType);
  ASSERT_TRUE(form.ok()) << form.error().message;
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].filename, "đơn a.txt");
  EXPECT_EQ(form->files[0].content_type, "application/octet-stream");
}

TEST(ParseMultipartTest, KeepsEscapesSemicolonsAndBackslashesInFilenames) {
  std::string body = Part(R"(name="f"; filename="C:\dir\say \"hi\"; ok.txt")", "x") + kEnd;
  Result<FormData> form = ParseMultipart(body, kType);
  ASSERT_TRUE(form.ok()) << form.error().message;
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].filename, R"(C:\dir\say "hi"; ok.txt)");
}

TEST(ParseMultipartTest, DropsFileInputsLeftEmpty) {
  std::string body =
      Part("name=\"f\"; filename=\"\"", "", "Content-Type: application/octet-stream\r\n") + kEnd;
  Result<FormData> form = ParseMultipart(body, kType);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_TRUE(form->files.empty());
  EXPECT_TRUE(form->fields.empty());
}

TEST(ParseMultipartTest, NormalisesTextButNotFileContents) {
  std::string raw = std::string(kEAcuteDecomposed) + "\xFF";
  std::string body = Part("name=\"" + std::string(kEAcuteDecomposed) + "\"", kEAcuteDecomposed) +
                     Part("name=\"f\"; filename=\"" + std::string(kEAcuteDecomposed) + "\"", raw) +
                     kEnd;
  Result<FormData> form = ParseMultipart(body, kType);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get(kEAcuteComposed), kEAcuteComposed);
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].filename, kEAcuteComposed);
  EXPECT_EQ(form->files[0].data, raw);
}

TEST(ParseMultipartTest, RejectsTextFieldsThatAreNotUtf8) {
  Result<FormData> form = ParseMultipart(Part("name=\"x\"", "\xC3\x28") + kEnd, kType);
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(form.error().message, kNotUtf8);
}

TEST(ParseMultipartTest, RejectsMissingClosingBoundary) {
  for (const std::string& body :
       {Part("name=\"x\"", "1"),
        std::string("--BOUND\r\nContent-Disposition: form-data; name=x\r\n\r\n1"),
        std::string("no delimiter at all"), std::string()}) {
    Result<FormData> form = ParseMultipart(body, kType);
    ASSERT_FALSE(form.ok()) << body;
    EXPECT_EQ(form.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(ParseMultipartTest, RejectsMissingOrBadBoundaryParameter) {
  std::string body = Part("name=\"x\"", "1") + kEnd;
  for (const char* type : {"multipart/form-data", "multipart/form-data; boundary=",
                           "multipart/form-data; boundary=\"\"", "text/plain; boundary=BOUND"}) {
    Result<FormData> form = ParseMultipart(body, type);
    ASSERT_FALSE(form.ok()) << type;
    EXPECT_EQ(form.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(ParseMultipartTest, RejectsPartsWithoutNameOrDisposition) {
  std::string no_name = Part("filename=\"a\"", "1") + kEnd;
  std::string no_disposition = "--BOUND\r\nContent-Type: text/plain\r\n\r\n1\r\n--BOUND--";
  std::string no_headers_end = "--BOUND\r\nContent-Disposition: form-data; name=x\r\n--BOUND--";
  for (const std::string& body : {no_name, no_disposition, no_headers_end}) {
    Result<FormData> form = ParseMultipart(body, kType);
    ASSERT_FALSE(form.ok()) << body;
    EXPECT_EQ(form.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(ParseMultipartTest, LimitsTheNumberOfParts) {
  std::string body;
  for (size_t i = 0; i < kMaxFormParts; ++i) {
    body += Part("name=\"a\"", "1");
  }
  Result<FormData> at_limit = ParseMultipart(body + kEnd, kType);
  ASSERT_TRUE(at_limit.ok());
  EXPECT_EQ(at_limit->GetAll("a").size(), kMaxFormParts);
  Result<FormData> over = ParseMultipart(body + Part("name=\"b\"", "2") + kEnd, kType);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kResourceExhausted);
}

HttpRequest Post(std::string content_type, std::string body) {
  HttpRequest request;
  request.method = "POST";
  if (!content_type.empty()) {
    request.headers["content-type"] = std::move(content_type);
  }
  request.body = std::move(body);
  return request;
}

TEST(ParseFormTest, DispatchesOnContentType) {
  Result<FormData> url =
      ParseForm(Post("Application/X-WWW-Form-Urlencoded; charset=UTF-8", "a=%C4%91"));
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->Get("a"), "đ");
  Result<FormData> multi = ParseForm(Post(kType, Part("name=\"b\"", "2") + kEnd));
  ASSERT_TRUE(multi.ok());
  EXPECT_EQ(multi->Get("b"), "2");
}

TEST(ParseFormTest, RejectsOtherContentTypes) {
  for (const char* type : {"text/plain", "application/json", ""}) {
    Result<FormData> form = ParseForm(Post(type, "a=1"));
    ASSERT_FALSE(form.ok()) << type;
    EXPECT_EQ(form.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(ParseFormTest, EmptyRequestIsAnEmptyForm) {
  Result<FormData> form = ParseForm(Post("", ""));
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->fields.empty());
}

}  // namespace
}  // namespace doithoai::http
