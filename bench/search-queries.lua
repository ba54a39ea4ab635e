-- wrk script for bench/search.sh: cycles through the request paths in a file (one a line, from
-- bench/search-queries.py), each thread starting at a different place, and prints p50/p95/p99
-- (wrk's own --latency table has no p95).
-- Usage: wrk -t2 -c8 -d20s -s bench/search-queries.lua http://127.0.0.1:PORT -- QUERIES_FILE THREADS
local count = 0

function setup(thread)
  thread:set("tid", count)
  count = count + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  threads = tonumber(args[2] or "2")
  n = 0
end

function request()
  -- Thread t asks for paths t, t+threads, t+2*threads, ... so together they cover the whole list.
  local path = paths[((n * threads + tid) % #paths) + 1]
  n = n + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local function ms(us) return us / 1000 end
  io.write(string.format("search-latency requests=%d non2xx=%d errors=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f mean=%.2f\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    ms(latency:percentile(50)), ms(latency:percentile(95)), ms(latency:percentile(99)),
    ms(latency.max), ms(latency.mean)))
end
