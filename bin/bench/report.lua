-- wrk: the summary every benchmark script ends with, one line the bench driver reads:
-- BENCH {"requests":..,"good":..,"held":..,"errors":..,"durationUs":..,"p50Us":..,"p99Us":..}
-- A script that counts its own good answers (response()) keeps them in the globals good and held of each thread;
-- without that, every answer below 400 is good.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local good, held, counted = 0, 0, false
  for _, thread in ipairs(threads) do
    local g = thread:get("good")
    if g ~= nil then
      counted = true
      good = good + g
      held = held + (thread:get("held") or 0)
    end
  end
  local e = summary.errors
  if not counted then good = summary.requests - e.status end
  io.write(string.format(
    'BENCH {"requests":%d,"good":%d,"held":%d,"errors":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d}\n',
    summary.requests, good, held, e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
