-- wrk script for the STREAM benchmark: every request is a correct answer by one of the bench learners (tokens, one
-- per line, in TOKENS_FILE) to a problem that learner has not answered yet, so each submission changes a grade.
-- Thread t of T takes learners t, t+T, t+2T, ... in turn and moves every learner one problem further per round,
-- starting at problem OFFSET. Pacing: each connection waits DELAY_MS before its next request.
local course = os.getenv("COURSE_KEY")
local org_run = course:sub(#"course-v1:" + 1)
local offset = tonumber(os.getenv("OFFSET") or "0")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter - 1)
  threads[#threads + 1] = thread
end

local mine, n = {}, 0
function init(args)
  for i = id + 1, #tokens, tonumber(os.getenv("THREADS") or "2") do mine[#mine + 1] = tokens[i] end
end

request = function()
  local learner = (n % #mine) + 1
  local problem = offset + math.floor(n / #mine)
  n = n + 1
  local item = "block-v1:" .. org_run .. "+type@problem+block@p" .. problem
  return wrk.format("POST", "/api/submission/v1/courses/" .. course .. "/items/" .. item .. "/submissions",
    { ["Authorization"] = "Bearer " .. mine[learner], ["Content-Type"] = "application/json" },
    '{"answer":{"value":4}}')
end

delay = function()
  return pause
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors non2xx %d, socket %d, p50 %.2f ms, p99 %.2f ms, rate %.1f/s\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
