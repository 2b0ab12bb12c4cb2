-- wrk script of the overload measurement (docs/operations.md, "Overload"): POSTs valid codes from a pool,
-- counts answers by status, and reports latency of admitted (200) and shed (503) answers separately.
--
-- wrk has one latency histogram for all answers. Every admitted answer waits at least the colour delay,
-- while a refusal is answered at once, so admitted answers are exactly the slowest fraction f of all
-- answers: admitted quantile q = overall quantile 1 - f * (1 - q). The script prints that, and the
-- measurement cross-checks it with the server's own histogram (hc_verify_duration_seconds).
local codes_file = os.getenv("CODES") or "/tmp/hc-codes.txt"
-- THINK_MS: pause of each connection between an answer and its next request, as a turnstile waits for the
-- next person. Offered rate = connections / (THINK_MS + latency): an open-ish load that does not speed up
-- when answers are refusals. 0 (default) is a closed loop that retries at once, ignoring Retry-After.
local think_ms = tonumber(os.getenv("THINK_MS") or "0")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  for line in io.lines(codes_file) do
    codes[#codes + 1] = line
  end
  n = 0
  ok, shed, other = 0, 0, 0
end

function request()
  n = n + 1
  local body = '{"code":"' .. codes[(n % #codes) + 1] .. '"}'
  return wrk.format("POST", "/v1/verify", {["Content-Type"] = "application/json"}, body)
end

if think_ms > 0 then
  function delay()
    return think_ms
  end
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 503 then
    shed = shed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, s, o = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("ok"); s = s + t:get("shed"); o = o + t:get("other")
  end
  local total = a + s + o
  local f = a / total
  local secs = summary.duration / 1e6
  io.write(string.format("answers %d in %.1f s: admitted(200) %d (%.0f/s), shed(503) %d (%.0f/s), other %d, errors %d\n",
    total, secs, a, a / secs, s, s / secs, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  local function at(q) return latency:percentile(q) / 1000 end
  if a > 0 then
    io.write(string.format("admitted latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
      at(100 * (1 - f * 0.5)), at(100 * (1 - f * 0.01)), at(100 * (1 - f * 0.001)), latency.max / 1000))
  end
  if s > 0 then
    io.write(string.format("shed latency ms:     p50 %.2f  p99 %.2f\n",
      at(100 * (1 - f) * 0.5), at(100 * (1 - f) * 0.99)))
  end
end
