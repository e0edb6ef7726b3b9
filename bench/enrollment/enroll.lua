-- wrk script: each request enrolls a new learner (random platform user id) in one course run, as course staff or
-- a service would; measures the write path of enrollment through whatever URL wrk is pointed at.
local course = os.getenv("COURSE_KEY")
local token = os.getenv("TOKEN")
local body = '{"mode":"audit"}'
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

local function uuid()
  local t = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (t:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

request = function()
  return wrk.format("PUT", "/api/enrollment/v1/courses/" .. course .. "/enrollments/" .. uuid(),
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors non2xx %d, p50 %.2f ms, p99 %.2f ms, rate %.1f/s\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
