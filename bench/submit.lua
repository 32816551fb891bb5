-- wrk script: public petition submissions, POST /api/v1/communes/{slug}/petitions
-- (issue #5). Every request carries its own form_token (run id, thread id and
-- a counter), so each one must create a petition (201), and a varied
-- Vietnamese text. At the end it prints "created: N" (the 201 responses of
-- all threads) and "replayed: N" (200: a token already used), which
-- bench/petitions.sh compares with the number of petitions stored.
--
-- Usage: wrk -s bench/submit.lua http://127.0.0.1:PORT
--        (SLUG=hoang-truong by default; VILLAGES=9 demo villages "Thôn 1".."Thôn 9")

local slug = os.getenv("SLUG") or "hoang-truong"
local village_count = tonumber(os.getenv("VILLAGES") or "9")
local run_id = os.getenv("RUN_ID") or tostring(os.time())

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

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

local tid = 0
local counter = 0
-- Globals, so that done() can read them from each thread (thread:get).
created = 0
replayed = 0

function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
  math.randomseed(tid * 7919 + 17)
end

local function pick(list)
  return list[math.random(#list)]
end

function request()
  counter = counter + 1
  local village = math.random(village_count)
  local body = string.format(
    '{"name":"%s %s %s","phone":"09%08d","village":"Thôn %d","address":"Xóm %d, Thôn %d",' ..
    '"text":"%s tại thôn %d %s. %s (lượt %d)","class":"%s","form_token":"bench-%s-%d-%d"}',
    pick(families), pick(middles), pick(givens), math.random(0, 99999999), village,
    math.random(12), village, pick(subjects), village, pick(problems), pick(requests), counter,
    pick(classes), run_id, tid, counter)
  return wrk.format("POST", "/api/v1/communes/" .. slug .. "/petitions",
    { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    replayed = replayed + 1
  end
end

function done(summary, latency, requests)
  local c, r = 0, 0
  for _, thread in ipairs(threads) do
    c = c + (tonumber(thread:get("created")) or 0)
    r = r + (tonumber(thread:get("replayed")) or 0)
  end
  io.write(string.format("created: %d\nreplayed: %d\n", c, r))
end
