-- wrk: POST /api/v1/submissions as many county systems would. BENCH_TEMPLATES is a file of lines
-- "<bearer token>\t<years>\t<JSON body>" (one per unit, written by the bench driver: the years its code was in
-- use, comma-separated) whose body has the slots @KEY@, @PERIOD@ and "@TRACKED@"; each request fills them with a
-- key of its own, one of the unit's years and a tracked value of 1000-1999 (see BenchSubmissions).
-- Good: 202; held: 202 held for explanation.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local templates = {}
local run
local n = 0
good, held = 0, 0

function init(args)
  for line in io.lines(os.getenv("BENCH_TEMPLATES")) do
    local token, list, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    local years = {}
    for year in list:gmatch("[^,]+") do years[#years + 1] = year end
    templates[#templates + 1] = { "Bearer " .. token, body, years }
  end
  run = os.getenv("BENCH_RUN")
  -- each thread its own sequence: equal ones would send the same series at the same time and queue on its lock
  math.randomseed(os.time() * 1000 + thread_id * 7919)
end

function request()
  n = n + 1
  local template = templates[math.random(#templates)]
  local body = template[2]:gsub("@KEY@", run .. "-" .. thread_id .. "-" .. n, 1)
  local years = template[3]
  body = body:gsub("@PERIOD@", years[math.random(#years)], 1)
  body = body:gsub('"@TRACKED@"', tostring(1000 + n % 1000), 1)
  return wrk.format("POST", "/api/v1/submissions",
    { ["Content-Type"] = "application/json", ["Authorization"] = template[1] }, body)
end

function response(status, headers, body)
  if status == 202 then
    good = good + 1
    if body:find("NEEDS_EXPLANATION", 1, true) then held = held + 1 end
  end
end
