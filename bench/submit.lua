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

-- The generator, from the file beside this script.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local petition_body = dofile(here .. "petition_body.lua")

local tid = 0
local counter = 0
-- Globals, so that done() can read them from each thread (thread:get).
created = 0
replayed = 0

function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
  math.randomseed(tid * 7919 + 17)
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/communes/" .. slug .. "/petitions",
    { ["Content-Type"] = "application/json" },
    petition_body("bench", run_id, tid, counter, village_count))
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
