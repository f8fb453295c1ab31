-- Reads and writes mixed: nine reads of a list, a node or a search for every write (a new
-- measure). The bearer token and a measure id come from the environment (run.sh sets them).
local token = os.getenv("NWA_TOKEN")
local measure = os.getenv("NWA_MEASURE")
local n = 0

request = function()
  n = n + 1
  local i = n % 10
  if i == 0 then
    local body = '{"title":"Lasttest-Angebot ' .. n .. '","region":"05562","status":"planned","level":"operational"}'
    return wrk.format("POST", "/api/v1/measures",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  elseif i < 4 then
    return wrk.format("GET", "/api/v1/measures?region=05562&limit=50")
  elseif i < 7 then
    return wrk.format("GET", "/api/v1/measures/" .. measure)
  else
    return wrk.format("GET", "/api/v1/search?q=sprachkurs&region=05562")
  end
end

-- Count answers by status so that errors cannot hide in the throughput figure.
local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, %.0f req/s, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status))
end
