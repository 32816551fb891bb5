# Sourced by the bench scripts: write_seed_csv COUNT FILE writes COUNT rows
# (at most 10,000, one import file) of the `doithoai petitions import` format
# with a fixed seed: names, villages Thôn 1–9, texts from a vocabulary of
# commune matters, the default fields, three channels.
write_seed_csv() {
  awk -v n="$1" 'BEGIN {
    srand(20231);
    split("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Trịnh", fam, " ");
    split("Văn Thị Đức Ngọc Minh Thu", mid, " ");
    split("An Bình Hoa Hùng Lan Mai Nam Phương Sơn Yến", giv, " ");
    ns = split("Đoạn đường bê tông liên thôn|Kênh mương nội đồng|Việc cấp giấy chứng nhận quyền sử dụng đất|Hệ thống điện chiếu sáng|Rác thải sinh hoạt|Việc bình xét hộ nghèo|Thẻ bảo hiểm y tế cho người cao tuổi|Trường mầm non|Loa truyền thanh|Cống thoát nước|Đường điện hạ thế|Trạm y tế xã|Nhà văn hóa thôn|Giếng nước sạch|Cầu tạm qua kênh", subj, "|");
    np = split("xuống cấp nghiêm trọng, đi lại khó khăn|bị bồi lấp, ruộng bị ngập úng khi mưa lớn|kéo dài nhiều năm chưa được giải quyết|không được thu gom thường xuyên, gây ô nhiễm|bình xét chưa công khai, chưa đúng đối tượng|hư hỏng đã lâu nhưng chưa được sửa chữa|thường xuyên mất điện vào buổi tối|thiếu giáo viên và phòng học", prob, "|");
    nr = split("Đề nghị UBND xã sửa chữa sớm.|Đề nghị xã kiểm tra và trả lời bằng văn bản.|Đề nghị đưa vào kế hoạch năm sau.|Mong chính quyền sớm quan tâm giải quyết.|Đề nghị xã báo cáo huyện xem xét.", req, "|");
    nf = split("dat-dai-moi-truong xay-dung-giao-thong-thuy-loi chinh-sach-an-sinh-xa-hoi kinh-te-san-xuat-nong-nghiep van-hoa-giao-duc-y-te an-ninh-trat-tu thu-tuc-hanh-chinh to-chuc-can-bo-chinh-quyen khac", fld, " ");
    split("trưởng thôn|trưởng thôn|trưởng thôn|đơn thư|trực tiếp", chan, "|");
    print "name,phone,village,address,text,channel,field";
    for (i = 1; i <= n; i++) {
      v = int(rand() * 9) + 1;
      printf "%s %s %s,09%08d,Thôn %d,\"Xóm %d, Thôn %d\",\"%s tại thôn %d %s. %s (số %d)\",%s,%s\n",
        fam[int(rand() * 10) + 1], mid[int(rand() * 6) + 1], giv[int(rand() * 10) + 1],
        int(rand() * 100000000), v, int(rand() * 12) + 1, v,
        subj[int(rand() * ns) + 1], v, prob[int(rand() * np) + 1], req[int(rand() * nr) + 1], i,
        chan[int(rand() * 5) + 1], (rand() < 0.2 ? "" : fld[int(rand() * nf) + 1]);
    }
  }' >"$2"
}
