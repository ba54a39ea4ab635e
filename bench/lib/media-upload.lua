-- wrk script for bench/media-upload.sh: each request uploads the same photograph with a few
-- different bytes after its end (readers ignore them, re-encoding drops them), so every upload
-- is a new file and is checked, decoded, scaled into its renditions and stored, never found as
-- a duplicate. Carries the signed-in session (GAZETTE_COOKIE); the form token is in the path.
-- Prints throughput, p50/p95/p99 and the answers by kind (302 to ?uploaded is a success).
local photo_path = os.getenv("GAZETTE_PHOTO")
local boundary = "----gazette-bench-upload"
local photo
counter = 0
id = 0
local threads = {}

setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  local f = assert(io.open(photo_path, "rb"))
  photo = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Cookie"] = os.getenv("GAZETTE_COOKIE")
  wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
end

uploaded, reused, refused = 0, 0, 0

request = function()
  counter = counter + 1
  local name = string.format("bench-%d-%d.jpg", id, counter)
  local body = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"altText\"\r\n\r\nA benchmark photograph.\r\n"
    .. "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"file\"; filename=\"" .. name .. "\"\r\n"
    .. "Content-Type: image/jpeg\r\n\r\n"
    .. photo .. string.format("bench %d %d %d", id, counter, os.time())
    .. "\r\n--" .. boundary .. "--\r\n"
  return wrk.format(nil, nil, nil, body)
end

response = function(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status == 302 and location:find("uploaded", 1, true) then
    uploaded = uploaded + 1
  elseif status == 302 and location:find("reused", 1, true) then
    reused = reused + 1
  else
    refused = refused + 1
  end
end

done = function(summary, latency, requests)
  local u, r, x = 0, 0, 0
  for _, thread in ipairs(threads) do
    u = u + (thread:get("uploaded") or 0)
    r = r + (thread:get("reused") or 0)
    x = x + (thread:get("refused") or 0)
  end
  io.write(string.format(
    "uploads=%d errors=%d p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f max_ms=%.0f uploads_per_s=%.2f new=%d reused=%d other=%d\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1000000), u, r, x))
end
