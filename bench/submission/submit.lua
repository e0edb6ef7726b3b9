-- wrk script: each request submits a numerical answer to one of ITEMS problems (random), as the learner whose
-- Keycloak token is TOKEN, through whatever URL wrk is pointed at (the gateway exchanges the token).
local course = os.getenv("COURSE_KEY")
local org_run = course:sub(#"course-v1:" + 1)
local token = os.getenv("TOKEN")
local items = tonumber(os.getenv("ITEMS") or "200")
-- pacing: each connection waits DELAY_MS before its next request, so CONNECTIONS / (DELAY_MS + latency) sets the rate
local pause = tonumber(os.getenv("DELAY_MS") or "0")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

request = function()
  local item = "block-v1:" .. org_run .. "+type@problem+block@p" .. math.random(0, items - 1)
  local body = '{"answer":{"value":' .. math.random(3, 5) .. '}}'
  return wrk.format("POST", "/api/submission/v1/courses/" .. course .. "/items/" .. item .. "/submissions",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

delay = function()
  return pause
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors non2xx %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, rate %.1f/s\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
