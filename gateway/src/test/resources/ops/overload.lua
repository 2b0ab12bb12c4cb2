-- wrk script of the overload measurement (docs/operations.md, "Overload"): POSTs valid codes from a pool,
-- counts answers by status, and measures the latency of admitted (200) answers exactly.
--
-- wrk keeps one latency histogram for all answers, refusals included. To time admitted answers alone, each
-- request carries the next code of a pool of distinct subjects (s-bench-<i>) and records when it was sent;
-- an admitted answer names its subject, which finds the send time. A code is reused only after the whole
-- pool went out (seconds later), far beyond any answer's latency.
--
-- THINK_MS: pause of each connection between an answer and its next request, as a turnstile waits for the
-- next person. Offered rate = connections / (THINK_MS + latency): an open-ish load that does not speed up
-- when answers are refusals. 0 (default) is a closed loop that retries at once, ignoring Retry-After.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } hc_timespec;
  int clock_gettime(int clk_id, hc_timespec *tp);
]]
local ts = ffi.new("hc_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local codes_file = os.getenv("CODES") or "/tmp/hc-codes.txt"
local think_ms = tonumber(os.getenv("THINK_MS") or "0")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  codes, sent, admitted = {}, {}, {}
  for line in io.lines(codes_file) do
    codes[#codes + 1] = line
  end
  n = 0
  ok, shed, other = 0, 0, 0
end

function request()
  n = n + 1
  local i = n % #codes
  sent[i] = now_ms()
  return wrk.format("POST", "/v1/verify", {["Content-Type"] = "application/json"},
    '{"code":"' .. codes[i + 1] .. '"}')
end

if think_ms > 0 then
  function delay()
    return think_ms
  end
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
    local i = tonumber(body:match('"subject":"s%-bench%-(%d+)"'))
    if i and sent[i] then
      admitted[#admitted + 1] = now_ms() - sent[i]
    end
  elseif status == 503 then
    shed = shed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, s, o, lat = 0, 0, 0, {}
  for _, t in ipairs(threads) do
    a = a + t:get("ok"); s = s + t:get("shed"); o = o + t:get("other")
    for _, v in ipairs(t:get("admitted")) do lat[#lat + 1] = v end
  end
  table.sort(lat)
  local secs = summary.duration / 1e6
  io.write(string.format("answers %d in %.1f s: admitted(200) %d (%.0f/s), shed(503) %d (%.0f/s), other %d, socket errors %d\n",
    a + s + o, secs, a, a / secs, s, s / secs, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  local function q(p) return lat[math.max(1, math.ceil(#lat * p))] end
  if #lat > 0 then
    io.write(string.format("admitted latency ms (%d timed): p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f\n",
      #lat, q(0.5), q(0.99), q(0.999), lat[#lat]))
  end
  io.write(string.format("all answers latency ms: p50 %.1f  p99 %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
