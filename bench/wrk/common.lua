-- Shared by the ecsnet wrk scripts: per-thread status counting, an optional per-thread request cap
-- (MAX_REQUESTS total, split over WRK_THREADS threads), and a machine-readable summary line.
-- Loaded with dofile() from the operation scripts; wrk runs one Lua state per thread plus one for setup/done.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
   table.insert(threads, thread)
end

function init(args)
   non200 = 0
   ok = 0
   matched = 0     -- responses whose body matched MATCH (set by the operation script), if any
   responses = 0
   local max = tonumber(os.getenv("MAX_REQUESTS") or "")
   local n = tonumber(os.getenv("WRK_THREADS") or "1")
   cap = max and math.floor(max / n) or nil
end

function response(status, headers, body)
   responses = responses + 1
   if status == 200 then ok = ok + 1 else non200 = non200 + 1 end
   if MATCH and body and string.find(body, MATCH, 1, true) then matched = matched + 1 end
   if cap and responses >= cap then wrk.thread:stop() end
end

function done(summary, latency, requests)
   local t_ok, t_bad, t_matched = 0, 0, 0
   for _, thread in ipairs(threads) do
      t_ok = t_ok + (thread:get("ok") or 0)
      t_bad = t_bad + (thread:get("non200") or 0)
      t_matched = t_matched + (thread:get("matched") or 0)
   end
   local secs = summary.duration / 1e6
   io.write(string.format(
      "ECSNET_SUMMARY requests=%d duration_s=%.3f rps=%.1f ok=%d non200=%d matched=%d socket_errors=%d " ..
      "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f\n",
      summary.requests, secs, summary.requests / secs, t_ok, t_bad, t_matched,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000))
end
