-- Shared by the ecsnet wrk scripts: per-thread status counting, an optional per-thread request cap
-- (MAX_REQUESTS total, split over WRK_THREADS threads), and a machine-readable summary line.
-- Loaded with dofile() from the operation scripts; wrk runs one Lua state per thread plus one for setup/done.

-- Wall-clock time via LuaJIT's FFI, so a run that a thread ends early (the request cap) still gets an honest rate:
-- wrk itself always divides by the full -d duration.
local ffi = require("ffi")
pcall(ffi.cdef, [[
typedef struct { long tv_sec; long tv_nsec; } ecsnet_timespec;
int clock_gettime(int clk_id, ecsnet_timespec *tp);
]])
local ts = ffi.new("ecsnet_timespec")
local function now_s()
   ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
   return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

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
   t_start = now_s()
   t_last = t_start
   local max = tonumber(os.getenv("MAX_REQUESTS") or "")
   local n = tonumber(os.getenv("WRK_THREADS") or "1")
   cap = max and math.floor(max / n) or nil
end

function response(status, headers, body)
   responses = responses + 1
   t_last = now_s()
   if status == 200 then ok = ok + 1 else non200 = non200 + 1 end
   if MATCH and body and string.find(body, MATCH, 1, true) then matched = matched + 1 end
   if cap and responses >= cap then wrk.thread:stop() end
end

function done(summary, latency, requests)
   local t_ok, t_bad, t_matched = 0, 0, 0
   local first, last = math.huge, 0
   for _, thread in ipairs(threads) do
      t_ok = t_ok + (thread:get("ok") or 0)
      t_bad = t_bad + (thread:get("non200") or 0)
      t_matched = t_matched + (thread:get("matched") or 0)
      first = math.min(first, thread:get("t_start") or math.huge)
      last = math.max(last, thread:get("t_last") or 0)
   end
   local secs = summary.duration / 1e6
   -- From the first thread's start to the last response: equals secs unless the request cap ended the run early.
   local active = (last > first) and math.min(last - first, secs) or secs
   io.write(string.format(
      "ECSNET_SUMMARY requests=%d duration_s=%.3f active_s=%.3f rps=%.1f ok=%d non200=%d matched=%d socket_errors=%d " ..
      "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f\n",
      summary.requests, secs, active, summary.requests / active, t_ok, t_bad, t_matched,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000))
end
