-- wrk script for bench/pg.sh (issue #8): spreads wrk's threads over several
-- servers and, with MODE=submit, sends public petition submissions.
--
--   PORTS=8081,8082  one port per server on the URL's host; thread i talks
--                    only to server (i mod #PORTS) + 1, so `wrk -t2 -s bench/pg.lua`
--                    with two ports gives each server its own thread and half
--                    of the connections, and wrk merges the latency histogram
--                    and the non-2xx count of both. Unset: the URL's port only.
--   MODE=get         (default) the URL's path with wrk's -H headers.
--   MODE=submit      POST /api/v1/communes/{SLUG}/petitions with a unique
--                    form_token and a varied Vietnamese text per request (the
--                    generator of bench/submit.lua); done() prints
--                    "created: N" (201) and "replayed: N" (200).
--
-- Usage: PORTS=… MODE=… wrk -t2 -c32 -d10s -s bench/pg.lua http://127.0.0.1:PORT/path

local ports = {}
for p in string.gmatch(os.getenv("PORTS") or "", "%d+") do
  table.insert(ports, p)
end
local mode = os.getenv("MODE") or "get"
local slug = os.getenv("SLUG") or "hoang-truong"
local village_count = tonumber(os.getenv("VILLAGES") or "9")
local run_id = os.getenv("RUN_ID") or tostring(os.time())

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  if #ports > 0 then
    local port = ports[(next_id - 1) % #ports + 1]
    thread.addr = wrk.lookup(wrk.host, port)[1]
  end
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

if mode == "submit" then
  function request()
    counter = counter + 1
    local village = math.random(village_count)
    local body = string.format(
      '{"name":"%s %s %s","phone":"09%08d","village":"Thôn %d","address":"Xóm %d, Thôn %d",' ..
      '"text":"%s tại thôn %d %s. %s (lượt %d)","class":"%s","form_token":"pg-%s-%d-%d"}',
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
end
