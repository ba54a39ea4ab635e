-- wrk script: every request asks for a different deep listing page (/news/page/FIRST..LAST), so each
-- one misses Gazette's page cache until the range wraps. Measures the uncached cost of a listing.
-- Usage: wrk ... -s misses.lua http://host:port -- THREADS [FIRST] [LAST]
local count = 0

function setup(thread)
  thread:set("tid", count)
  count = count + 1
end

function init(args)
  n = 0
  threads = tonumber(args[1] or "2")
  first = tonumber(args[2] or "2001")
  last = tonumber(args[3] or "4999")
end

function request()
  local page = first + ((n * threads + tid) % (last - first + 1))
  n = n + 1
  return wrk.format("GET", "/news/page/" .. page)
end
