#!/usr/bin/env bash
# Throughput of `fieldtest run` against a zero-delay loopback endpoint, beside `hey` (Debian package) making
# the same number of chat-completion requests at the same concurrency to the same endpoint.
# Usage: bench/eval-throughput/run.sh [CALLS] [CONCURRENCY]        (defaults: 1000 calls, 16 at a time)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
calls=${1:-1000}; conc=${2:-16}; port=${PORT:-18089}
work=$(mktemp -d); trap 'kill $stub 2>/dev/null || true; rm -rf "$work"' EXIT
command -v hey >/dev/null || { echo "needs hey: apt-get install hey" >&2; exit 2; }
"$root/fieldtest" --version >/dev/null   # builds once if needed
"$root/fieldtest" stub-server --port "$port" --rules "$root/bench/eval-throughput/rules.yaml" >"$work/stub.log" 2>&1 &
stub=$!
for _ in $(seq 50); do grep -q base_url "$work/stub.log" 2>/dev/null && break; sleep 0.1; done
cases=$((calls / 4))
python3 - "$work" "$cases" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
with open(f"{work}/cases.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"c{i}", "vars": {"message": f"I was charged twice, order {i}"}, "expected": "billing"}) + "\n")
PY
cat > "$work/suite.yaml" <<YAML
prompt: "Classify: {{message}}"
dataset: cases.jsonl
repeat: 4
concurrency: $conc
targets: [{id: stub, type: openai, base_url: "http://127.0.0.1:$port/v1", model: bench}]
checks: [{type: contains, value: "{{expected}}"}]
YAML
body='{"model":"bench","messages":[{"role":"user","content":"Classify: I was charged twice, order 1"}]}'
hey -n 200 -c "$conc" -m POST -T application/json -d "$body" "http://127.0.0.1:$port/v1/chat/completions" >/dev/null   # warm the server
start=$(date +%s.%N)
"$root/fieldtest" run "$work/suite.yaml" --out "$work/run" --quiet >/dev/null
end=$(date +%s.%N)
ft_wall=$(python3 -c "print(f'{$end - $start:.3f}')")
ft_calls_ms=$(python3 -c "import json; print(json.load(open('$work/run/summary.json'))['wall_ms'])")
hey_out=$(hey -n "$calls" -c "$conc" -m POST -T application/json -d "$body" "http://127.0.0.1:$port/v1/chat/completions")
hey_total=$(echo "$hey_out" | sed -n 's/^[[:space:]]*Total:[[:space:]]*\([0-9.]*\) secs/\1/p')
python3 - "$calls" "$ft_wall" "$ft_calls_ms" "$hey_total" <<'PY'
import sys
calls, wall, calls_ms, hey = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print(f"calls                      {calls}")
print(f"fieldtest run, whole command (JVM start, load, calls, summary, report): {wall:.2f} s")
print(f"fieldtest run, calls only (summary.json wall_ms): {calls_ms/1000:.2f} s = {calls/(calls_ms/1000):.0f} calls/s")
print(f"hey, same requests:          {hey:.2f} s = {calls/hey:.0f} requests/s")
print(f"ratio fieldtest calls/s ÷ hey requests/s: {(calls/(calls_ms/1000))/(calls/hey):.2f}")
PY
