// Amounts written out in Vietnamese words, as on the "Bằng chữ: …" line of
// budget estimates and settlements (dự toán, quyết toán; domain.md DLG-14).
// Standard reading rules: "mười" for 10, "mươi" for 20..90, "mốt" for a 1
// after "mươi" (21 "hai mươi mốt", but 11 "mười một"), "lăm" for a 5 after
// "mười"/"mươi" (15 "mười lăm", 25 "hai mươi lăm", but 105 "một trăm linh
// năm"), "tư" for a 4 after "mươi" (24 "hai mươi tư", but 14 "mười bốn"),
// "linh" for a zero tens digit, "không trăm" inside a group that follows a
// higher group (1'000'005 "một triệu không trăm linh năm"); groups that are
// all zeros are left out. Units nghìn, triệu, tỷ; above 10^9 the count of tỷ
// is itself read (10^12 "một nghìn tỷ"). Pure functions; output is NFC.
#ifndef DOITHOAI_CORE_TEXT_NUMBER_WORDS_H_
#define DOITHOAI_CORE_TEXT_NUMBER_WORDS_H_

#include <cstdint>
#include <string>

namespace doithoai::text {

// Lower case: 0 → "không", 21 → "hai mươi mốt", -5 → "âm năm".
std::string VietnameseNumberWords(int64_t n);

// First letter capitalised, " đồng" appended: 5'200'000 → "Năm triệu hai
// trăm nghìn đồng", 0 → "Không đồng", -500 → "Âm năm trăm đồng".
std::string VietnameseAmountInWords(int64_t vnd);

}  // namespace doithoai::text

#endif  // DOITHOAI_CORE_TEXT_NUMBER_WORDS_H_
