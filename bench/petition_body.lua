-- The petition generator of bench/pg.lua (MODE=submit): a
-- varied Vietnamese public submission (name, phone, village, text, class) as
-- the JSON body of POST /api/v1/communes/{slug}/petitions, with a form_token
-- made of the caller's prefix, run id, wrk thread id and counter, so every
-- request creates a petition. Load it with
--   local petition_body = dofile(<this directory> .. "petition_body.lua")
-- and seed math.random per thread first (init()).

local families = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Trịnh" }
local middles = { "Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu" }
local givens = { "An", "Bình", "Hoa", "Hùng", "Lan", "Mai", "Nam", "Phương", "Sơn", "Yến" }
local subjects = {
  "Đoạn đường bê tông", "Kênh mương nội đồng", "Việc cấp sổ đỏ", "Hệ thống điện chiếu sáng",
  "Rác thải sinh hoạt", "Việc bình xét hộ nghèo", "Thẻ bảo hiểm y tế", "Trường mầm non",
  "Loa truyền thanh", "Cống thoát nước",
}
local problems = {
  "xuống cấp nghiêm trọng", "bị bồi lấp, ruộng bị ngập úng", "kéo dài chưa được giải quyết",
  "không được thu gom thường xuyên", "bình xét chưa công khai", "hư hỏng đã lâu",
}
local requests = {
  "Đề nghị UBND xã sửa chữa sớm.", "Đề nghị xã kiểm tra và trả lời.",
  "Đề nghị đưa vào kế hoạch năm sau.", "Mong chính quyền sớm quan tâm.",
}
local classes = { "proposal", "proposal", "report", "complaint" }

local function pick(list)
  return list[math.random(#list)]
end

-- token_prefix: "bench" or "pg"; villages: how many "Thôn N" the commune has.
return function(token_prefix, run_id, tid, counter, villages)
  local village = math.random(villages)
  return string.format(
    '{"name":"%s %s %s","phone":"09%08d","village":"Thôn %d","address":"Xóm %d, Thôn %d",' ..
    '"text":"%s tại thôn %d %s. %s (lượt %d)","class":"%s","form_token":"%s-%s-%d-%d"}',
    pick(families), pick(middles), pick(givens), math.random(0, 99999999), village,
    math.random(12), village, pick(subjects), village, pick(problems), pick(requests), counter,
    pick(classes), token_prefix, run_id, tid, counter)
end
