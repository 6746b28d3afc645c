-- wrk: GET the official GEP of a random county (codes from $CODES_FILE, one per line) with $TOKEN.
local codes = {}
for line in io.lines(os.getenv("CODES_FILE")) do
  codes[#codes + 1] = line
end
local token = os.getenv("TOKEN")
local year = os.getenv("YEAR")
math.randomseed(2260)

request = function()
  local code = codes[math.random(#codes)]
  return wrk.format("GET", "/api/v1/regions/" .. code .. "/gep?year=" .. year, { ["Authorization"] = "Bearer " .. token })
end
