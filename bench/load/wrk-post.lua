-- wrk: POST the chat-completions request in BENCH_BODY (set by run.sh) as fast as each connection can.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
