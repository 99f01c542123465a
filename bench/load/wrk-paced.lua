-- wrk paced to about R requests/s (Debian's wrk has no -R): each connection waits GAP ms before every
-- request (wrk's delay() hook), so C connections send about C * 1000 / (GAP + latency) requests/s.
-- delay() counts in whole milliseconds, so run.sh picks GAP and C together (see there).
-- The first request of the k-th connection waits k * GAP / C ms instead, spreading the connections over
-- the gap rather than sending C requests at once every GAP ms.
-- Usage: wrk -t1 -cC ... -s wrk-paced.lua URL -- GAP C
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"

local gap, conns, calls = 20, 1, 0

function init(args)
  gap = tonumber(args[1])
  conns = tonumber(args[2])
end

function delay()
  calls = calls + 1
  if calls <= conns then
    return math.floor((calls - 1) * gap / conns)
  end
  return gap
end
