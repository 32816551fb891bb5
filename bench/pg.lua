-- wrk script for bench/pg.sh (issue #8) and bench/petitions.sh: spreads wrk's
-- threads over several servers and, with MODE=submit, sends public petition
-- submissions.
--
--   PORTS=8081,8082  one port per server on the URL's host; thread i talks
--                    only to server (i mod #PORTS) + 1, so `wrk -t2 -s bench/pg.lua`
--                    with two ports gives each server its own thread and half
--                    of the connections, and wrk merges the latency histogram
--                    and the non-2xx count of both. Unset: the URL's port only.
--   MODE=get         (default) the URL's path with wrk's -H headers.
--   MODE=submit      POST /api/v1/communes/{SLUG}/petitions with a unique
--                    form_token and a varied Vietnamese text per request (the
--                    generator in bench/petition_body.lua); done() prints
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

if mode == "submit" then
  function request()
    counter = counter + 1
    return wrk.format("POST", "/api/v1/communes/" .. slug .. "/petitions",
      { ["Content-Type"] = "application/json" },
      petition_body("pg", run_id, tid, counter, village_count))
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
