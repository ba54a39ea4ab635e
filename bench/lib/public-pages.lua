-- wrk script for bench/subscribers.sh: a reader's public pages, and p50/p95/p99 at the end (wrk's
-- own --latency table has no p95). With FIRST and LAST, every request asks for a different listing
-- page (/news/page/FIRST..LAST), so each misses the page cache until the range wraps (as
-- misses.lua); without, it asks for PATH again and again (a cached page).
-- Usage: PAGES_LABEL=name wrk ... -s public-pages.lua http://host:port -- PATH [FIRST LAST]
local count = 0

function setup(thread)
  thread:set("tid", count)
  count = count + 1
end

function init(args)
  n = 0
  path = args[1] or "/news"
  first = tonumber(args[2] or "0")
  last = tonumber(args[3] or "0")
end

function request()
  n = n + 1
  if first > 0 then
    -- Each thread starts at its own place in the range.
    local page = first + ((n + tid * 7919) % (last - first + 1))
    return wrk.format("GET", "/news/page/" .. page)
  end
  return wrk.format("GET", path)
end

local statuses = {}

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("%s requests=%d errors=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f\n",
    os.getenv("PAGES_LABEL") or "pages", summary.requests, summary.errors.status + summary.errors.connect
      + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1000000)))
end
