-- wrk: POST /api/v1/submissions as many county systems would. BENCH_TEMPLATES is a file of lines
-- "<bearer token>\t<JSON body>" (one per unit, written by the bench driver) whose body has the slots @KEY@,
-- @PERIOD@ and "@TRACKED@"; each request fills them with a key of its own, a year between BENCH_FIRST_YEAR and
-- BENCH_LAST_YEAR and a tracked value of 1000-1999 (see BenchSubmissions). Good: 202; held: 202 held for explanation.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local templates = {}
local first_year, last_year, run
local n = 0
good, held = 0, 0

function init(args)
  for line in io.lines(os.getenv("BENCH_TEMPLATES")) do
    local token, body = line:match("^([^\t]*)\t(.*)$")
    templates[#templates + 1] = { "Bearer " .. token, body }
  end
  first_year = tonumber(os.getenv("BENCH_FIRST_YEAR"))
  last_year = tonumber(os.getenv("BENCH_LAST_YEAR"))
  run = os.getenv("BENCH_RUN")
  -- each thread its own sequence: equal ones would send the same series at the same time and queue on its lock
  math.randomseed(os.time() * 1000 + thread_id * 7919)
end

function request()
  n = n + 1
  local template = templates[math.random(#templates)]
  local body = template[2]:gsub("@KEY@", run .. "-" .. thread_id .. "-" .. n, 1)
  body = body:gsub("@PERIOD@", tostring(math.random(first_year, last_year)), 1)
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
