// Test fixture: the seed plan (/work/shared/seed/000_7414d4dbb2642779.txt),
// the Kế hoạch of UBND xã Hoằng Trường for its 2023 dialogue conference,
// typed into the Document model. It proves the model and the renderers carry
// a real plan; a later conference module will generate this from data.
// Body text is the seed's verbatim, re-joined across the PDF line breaks
// (double spaces left by the extraction are collapsed to one). The seed lacks
// its header block, so the number and date are illustrative.
#ifndef DOITHOAI_CORE_DOCUMENTS_SEED_PLAN_FIXTURE_H_
#define DOITHOAI_CORE_DOCUMENTS_SEED_PLAN_FIXTURE_H_

#include <string>
#include <utility>

#include "core/documents/document.h"

namespace doithoai {

inline Document SeedPlanDocument() {
  Document doc;
  doc.header.parent_body = "UBND HUYỆN HOẰNG HÓA";  // FMT-11: pre-07/2025 parent line
  doc.header.issuing_body = "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG";
  doc.header.number = "Số: 05/KH-UBND";
  doc.header.place_date = "Hoằng Trường, ngày 08 tháng 12 năm 2023";
  doc.title = "KẾ HOẠCH";
  doc.subject = "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023";

  auto h1 = [&doc](std::string text) { doc.body.emplace_back(Heading{1, std::move(text), ""}); };
  auto h2 = [&doc](std::string text, std::string run_in = "") {
    doc.body.emplace_back(Heading{2, std::move(text), std::move(run_in)});
  };
  auto p = [&doc](std::string text) { doc.body.emplace_back(Paragraph{std::move(text)}); };
  auto b = [&doc](std::string text) { doc.body.emplace_back(Bullet{std::move(text)}); };

  p("Để tăng cường sự gần gũi giữa chính quyền với nhân dân, nâng cao trách nhiệm của người "
    "đứng đầu trong quá trình thực hiện nhiệm vụ, góp phần mở rộng hình thức dân chủ và tạo sự "
    "đồng thuận cao trong xã hội. Đồng thời, tiếp tục duy trì và đổi mới việc tổ chức định kỳ "
    "các buổi tiếp xúc, đối thoại với nhân dân trên địa bàn xã trong năm 2023 và các năm tiếp "
    "theo. Uỷ ban nhân dân xã Hoằng Trường xây dựng Kế hoạch thực hiện như sau:");

  h1("MỤC ĐÍCH, YÊU CẦU");
  b("Tiếp tục đẩy mạnh phát huy dân chủ ở chính quyền xã để kịp thời nắm bắt tâm tư, nguyện "
    "vọng của nhân dân, nhanh chóng giải quyết thỏa đáng những kiến nghị, yêu cầu chưa được giải "
    "quyết của người dân, qua đó, hạn chế việc người dân khiếu nại, tố cáo vượt cấp;");
  b("Thông qua các buổi tiếp xúc, đối thoại với nhân dân để nâng cao năng lực, phong cách ứng "
    "xử, trình độ chuyên môn, tinh thần, thái độ phục vụ trong thực thi công vụ của cán bộ, công "
    "chức;");
  b("Thực hiện đối thoại, tiếp xúc với nhân dân cần nghiên cứu, lựa chọn những vấn đề nổi cộm "
    "mà dư luận đang quan tâm cần tháo gỡ, giải quyết kịp thời. Trong và sau tiếp xúc, đối thoại "
    "các vấn đề nêu ra phải được giải quyết kịp thời, đúng quy định của pháp luật để tạo niềm tin "
    "trong nhân dân.");

  h1("NGUYÊN TẮC, NỘI DUNG TIẾP XÚC, ĐỐI THOẠI");
  h2("Nguyên tắc tiếp xúc, đối thoại");
  b("Thực hiện hiệu quả các phương châm như: \"nghe dân nói – nói dân hiểu – làm dân tin\"; "
    "\"dân biết – dân bàn – dân làm – dân kiểm tra\" để nhân dân tham gia góp ý xây dựng chính "
    "quyền;");
  b("Đảm bảo dân chủ, công khai, tôn trọng lẫn nhau; chấp hành nghiêm đường lối chủ trương, "
    "chính sách của Đảng, pháp luật của Nhà nước; không được lợi dụng buổi tiếp xúc, đối thoại "
    "để thực hiện ý đồ xấu.");
  h2("Nội dung tiếp xúc, đối thoại");
  b("Những vấn đề phát sinh khi thực hiện những chủ trương của Đảng, chính sách, pháp luật của "
    "Nhà nước;");
  b("Các vấn đề về phát triển kinh tế, văn hóa, xã hội, an ninh trật tự ở địa phương;");
  b("Mối quan hệ giữa Đảng bộ, chính quyền, các ngành, đoàn thể với nhân dân; những khó khăn, "
    "bức xúc trong quá trình giải quyết thủ tục hành chính của người dân;");
  b("Những dư luận xã hội mà người dân quan tâm, thắc mắc cần tháo gỡ, giải quyết kịp thời.");

  h1("CÁC BƯỚC TỔ CHỨC BUỔI TIẾP XÚC, ĐỐI THOẠI VỚI NHÂN DÂN.");
  h2("Công tác chuẩn bị");
  b("Xây dựng Kế hoạch tiếp xúc, đối thoại với nhân dân, cần nêu rõ mục đích, yêu cầu, nội "
    "dung, thành phần tham dự, thời gian, địa điểm và phân công tổ chức thực hiện;");
  b("Chuẩn bị chương trình, nội dung và tài liệu phục vụ buổi tiếp xúc, đối thoại;");
  b("Chọn nhân sự tham gia tiếp xúc, đối thoại, thư ký và bộ phận giúp việc; giao nhiệm vụ cụ "
    "thể cho từng cá nhân, từng bộ phận đảm nhiệm trong các giai đoạn: chuẩn bị, thực hiện và xử "
    "lý công việc sau buổi tiếp xúc, đối thoại;");
  b("Chọn địa điểm tiếp xúc, đối thoại phải đảm bảo trang trọng, an toàn về an ninh, trật tự, "
    "có đủ điều kiện cần thiết phục vụ cho việc tiếp xúc, đối thoại;");
  b("Khi tiếp xúc, đối thoại với nhân dân thì cán bộ, công chức phải mặc trang phục lịch sự, "
    "giản dị, phù hợp, đeo thẻ công chức theo quy định, phải có thái độ hòa nhã, thân thiện, "
    "lắng nghe ý kiến đóng góp của nhân dân;");
  b("Khi công tác chuẩn bị đã hoàn chỉnh, chậm nhất trước 07 ngày khi tổ chức buổi tiếp xúc, "
    "đối thoại thì UBND xã phải gửi giấy mời và thông báo rộng rãi trên hệ thống đài truyền "
    "thanh để nhân dân biết tham dự.");
  h2("Thành phần tham dự");
  b("Đối với UBND xã gồm: Thường trực Đảng ủy- Hội đồng nhân dân, UBND, UB MTTQ Việt Nam, "
    "trưởng các đoàn thể và các công chức; Chủ tịch UBND xã là chủ tọa của buổi tiếp xúc, đối "
    "thoại.");
  b("Đối với các đơn vị thôn thành phần gồm: Bí thư chi bộ, Trưởng thôn, Ban công tác Mặt trận "
    "thôn.");
  b("Tùy tình hình thực tế và nội dung của buổi tiếp xúc, đối thoại mà Uỷ ban nhân dân xã có "
    "thể mời đại diện cơ quan trên địa bàn hoặc đại diện cơ quan trực tiếp có liên quan tham dự "
    "buổi tiếp xúc, đối thoại; Đại diện nhân dân trên địa bàn xã.");
  h2("Thời gian, Địa điểm tổ chức");
  p("3.1. Thời gian: ½ ngày, ngày 08 tháng 12 năm 2023.");
  p("3.2. Địa điểm: Tại Hội trường công sở xã Hoằng Trường.");

  h1("KINH PHÍ THỰC HIỆN");
  p("Nguồn kinh phí được cân đối trong kinh phí hoạt động năm 2023 của UBND xã.");

  h1("TỔ CHỨC THỰC HIỆN");
  h2("Văn phòng UBND xã:");
  b("Giúp Lãnh đạo UBND xã cụ thể hóa Kế hoạch này thành chương trình chi tiết từng hội nghị "
    "tuyên truyền, đối thoại.");
  b("Phối hợp với Công chức Tài chính – Ngân sách lập dự trù kinh phí; chuẩn bị các điều kiện "
    "cần thiết để tổ chức các đợt tuyên truyền, đối thoại; lập các thủ tục thanh toán chi phí tổ "
    "chức các hội nghị theo quy định.");
  h2("Công chức Tài chính – Ngân sách:",
     "Có trách nhiệm đảm bảo kinh phí phục vụ các hội nghị; hướng dẫn và thanh quyết toán theo "
     "quy định.");
  p("Trên đây là Kế hoạch tổ chức buổi tiếp xúc, đối thoại với nhân dân trên địa bàn xã Hoằng "
    "Trường trong năm 2023.");

  doc.signature = {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thanh Cảnh"};  // FMT-32
  doc.recipients = {"- UBND huyện (b/c);",      "- TV ĐU – TT HĐND xã (b/c);",
                    "- Chủ tịch, PCT UBND xã;", "- Thôn trưởng 9 thôn;",
                    "- Đài Truyền thanh xã;",   "- Lưu: VT."};
  return doc;
}

}  // namespace doithoai

#endif  // DOITHOAI_CORE_DOCUMENTS_SEED_PLAN_FIXTURE_H_
