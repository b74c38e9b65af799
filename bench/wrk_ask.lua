-- wrk script: POST /api/ask, cycling through questions.
--
--   wrk -t2 -c16 -d5s --latency -s bench/wrk_ask.lua http://127.0.0.1:8000/api/ask [-- BODIES]
--
-- BODIES is a file of JSON request bodies, one a line (bench.speed writes one from the
-- question sets); without it the fixed list below is used.

local bodies = {
  '{"question": "Can I delete my account?"}',
  '{"question": "Do you sell my personal information?"}',
  '{"question": "What data do you collect about me?"}',
  '{"question": "Who do you share my data with?"}',
  '{"question": "How do I opt out of marketing emails?"}',
  '{"question": "Do you use cookies?"}',
  '{"question": "How is my data kept secure?"}',
  '{"question": "Is the app meant for children?"}',
  '{"question": "hello"}',
  '{"question": "What is the weather like tomorrow?"}',
}
local i = 0

-- Each request is formatted once, here, and sent as it is: formatting it anew for every request cost wrk
-- CPU time that the server under test, on the same machine, then did not get.
local requests = {}

function init(args)
  if args[1] then
    local loaded = {}
    for line in io.lines(args[1]) do
      if line ~= "" then
        loaded[#loaded + 1] = line
      end
    end
    if #loaded > 0 then
      bodies = loaded
    end
  end
  for k, body in ipairs(bodies) do
    requests[k] = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
  end
end

function request()
  i = i % #requests + 1
  return requests[i]
end
