-- wrk script: POST /v1/verify, each request with the next code of a pool file (codes.tsv of the pool generator),
-- so no code is sent twice (unless the segment wraps, which is reported). Run with one thread (-t1).
--   wrk -t1 -c32 -d15s -s verify.lua http://127.0.0.1:18080/v1/verify -- CODES.tsv START COUNT [SCENE [any]]
-- Reads COUNT codes from line START on; answers that are not 200 with "decision":"pass" count as bad ("any": any
-- 200 counts as ok, for a pool of mixed codes: goodput-curve.sh).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file, start, count = args[1], tonumber(args[2] or "0"), tonumber(args[3] or "100000")
  local scene = args[4] or "venue"
  any = args[5] == "any"
  bodies, n, i = {}, 0, 0
  sent, ok, bad, wrapped = 0, 0, 0, 0
  local line_no = 0
  for line in io.lines(file) do
    if line:sub(1, 1) ~= "#" then
      if line_no >= start then
        n = n + 1
        bodies[n] = '{"code":"' .. line:match("([^\t]+)$") .. '","scene":"' .. scene .. '"}'
        if n >= count then break end
      end
      line_no = line_no + 1
    end
  end
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  i = i + 1
  if i > n then i, wrapped = 1, 1 end
  sent = sent + 1
  return wrk.format("POST", nil, headers, bodies[i])
end

function response(status, hdrs, body)
  if status == 200 and (any or body:find('"decision":"pass"', 1, true)) then
    ok = ok + 1
  else
    bad = bad + 1
    if bad <= 3 then io.stderr:write("unexpected answer " .. status .. ": " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    io.write(string.format("lua: sent=%d ok=%d bad=%d wrapped=%d pool=%d\n",
      t:get("sent"), t:get("ok"), t:get("bad"), t:get("wrapped"), t:get("n")))
  end
  io.write(string.format("lat: p50=%.0f p90=%.0f p99=%.0f p999=%.0f max=%.0f us; req=%d; rps=%.0f\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    summary.requests, summary.requests / (summary.duration / 1e6)))
end
