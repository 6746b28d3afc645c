-- wrk: trades of 1 t between accounts, each request with its own Idempotency-Key.
-- TOKENS names a file of lines "<holder id> <token>" (java bench/TradingBench.java tokens ...); SCENARIO is "many"
-- (random seller and buyer) or "hot" (the first account sells to random buyers). done() prints the benchmark's line.
local accounts = {}
local counts = {}

local function load()
  for line in io.lines(os.getenv("TOKENS")) do
    local id, token = line:match("^(%S+) (%S+)$")
    accounts[#accounts + 1] = { id = id, token = token }
  end
end

function setup(thread)
  counts[#counts + 1] = thread
end

function init(args)
  load()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  created, other = 0, 0
end

local function key()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff),
    math.random(0x8000, 0xbfff), math.random(0, 0xffffffffffff))
end

function request()
  local n = #accounts
  local seller = os.getenv("SCENARIO") == "hot" and 1 or math.random(1, n)
  local buyer = math.random(1, n - 1)
  if buyer >= seller then buyer = buyer + 1 end
  local body = '{"sellerId":"' .. accounts[seller].id .. '","buyerId":"' .. accounts[buyer].id
    .. '","rightType":"FOREST_CARBON_SINK","vintage":2024,"quantity":1}'
  return wrk.format("POST", "/api/v1/trades", { ["Authorization"] = "Bearer " .. accounts[seller].token,
    ["Content-Type"] = "application/json", ["Idempotency-Key"] = key() }, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local ok, failed = 0, 0
  for _, thread in ipairs(counts) do
    ok = ok + thread:get("created")
    failed = failed + thread:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("%s clients=%s: %.0f trades/s, requests p50 %.1f ms p99 %.1f ms, %d requests, statuses {201=%d}, failures %d\n",
    os.getenv("SCENARIO"), os.getenv("CLIENTS"), ok / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, ok, failed + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
