-- wrk script for bench/admin-list-http.sh: every request carries the signed-in back-office
-- session (GAZETTE_COOKIE, "name=value"), and the summary prints p50/p95/p99 (wrk's own
-- --latency table has no p95).
wrk.headers["Cookie"] = os.getenv("GAZETTE_COOKIE")

local statuses = {}

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1000000)))
end
