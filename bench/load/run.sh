#!/usr/bin/env bash
# The load generator against its peers on one loopback endpoint: nginx (Debian) answering every
# POST /v1/chat/completions with the same small chat.completion body. One after another, each for the same
# number of seconds:
#   wrk (Debian)     as fast as it can (closed loop, 1 thread, 16 connections): requests/s and p50;
#   hey (Debian)     as fast as it can (closed loop, 16 workers): requests/s and p50;
#   JVM HTTP clients java.net.http and Apache HttpClient 5, closed loop, 4 threads: requests/s, CPU per request;
#   Gatling (Maven)  open model, constant arrivals, a ladder of rates: the highest rate it sustains;
#   fieldtest load   bench/load/suite.yaml, constant-rate steps: the highest rate it sustains;
#   wrk paced        with delay() to the same rate as a fieldtest step, for the p50 comparison.
# Prints the tables and writes them to bench/load/results/latest.md. docs/PERFORMANCE.md explains the method.
#
# Usage: bench/load/run.sh [SECONDS]     (default 10 s per measurement: about 4 minutes, 2 without fieldtest)
# Environment: GATLING_RATES="1000 2000 ..." (the ladder), P50_RATES="1000" (rates for the p50 comparison;
# fieldtest's sustained rate is added when it ran), FT_ARGS (extra options for `fieldtest load`), FIELDTEST
# (the command to run instead of ./fieldtest, e.g. an installed one).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$root/bench/load
secs=${1:-10}
gatling_rates=${GATLING_RATES:-2000 4000 6000 8000 10000 12000 16000 24000}
p50_rates=${P50_RATES:-1000}
fieldtest=${FIELDTEST:-$root/fieldtest}
conns=16                 # wrk's and hey's connections: enough to keep one nginx worker busy
warm_up=2                # seconds of each Gatling rung not measured, as fieldtest's warm_up in suite.yaml
export BENCH_BODY='{"model":"fixed","messages":[{"role":"user","content":"Say ok: one"}]}'   # what fieldtest sends for case c1

say() { printf '\n== %s\n' "$*" >&2; }
# Percent of all cpus busy over one second (from /proc/stat; the load average of this VM is not a guide).
cpu_busy() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(( 100 - 100 * (b[4] - a[4] + b[5] - a[5]) / (total > 0 ? total : 1) ))
}

# --- tools: install what is missing (Debian packages; we are root on the project's machines) -------------
missing=()
for pair in nginx:nginx wrk:wrk hey:hey curl:curl python3:python3; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  # Installing nginx may start Debian's own nginx service on port 80 (where no policy forbids it); it then
  # idles beside ours and costs nothing measurable. We leave it alone: it is the system's, not ours.
fi
. "$root/build-support/jdk.sh"              # JAVA_HOME: a JDK >= 21 (fieldtest's own rule)
. "$root/.mvn/wrapper/repository.sh"        # MVNW_REPOURL for ./mvnw, without naming a host here

# Gatling and nginx may hold thousands of sockets when Gatling falls behind; a low soft limit (often 1024)
# would turn that into "Too many open files" errors early.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d)
nginx_pid=
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build Gatling's simulation before anything is measured -------------------------------------------
say "building bench/load/gatling (first time: downloads Gatling into the local Maven repository)"
(cd "$root" && ./mvnw -q -B -ntp -f bench/load/gatling/pom.xml compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt) >&2
gatling_cp="$here/gatling/target/classes:$(cat "$here/gatling/target/classpath.txt")"
gatling_version=$(sed -n 's#.*<gatling.version>\(.*\)</gatling.version>.*#\1#p' "$here/gatling/pom.xml")

# fieldtest: the `load` command may not exist yet in this checkout; then its part is skipped, never faked.
# (./fieldtest builds itself first if its jar is older than the sources.)
have_fieldtest=yes
if ! (cd "$root" && "$fieldtest" load --help) >/dev/null 2>&1; then
  have_fieldtest=no
  say "SKIPPING fieldtest: './fieldtest load --help' failed (the load command is not in this build); peers only"
fi

# --- the endpoint -------------------------------------------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port/v1/chat/completions"
body='{"id":"chatcmpl-bench","object":"chat.completion","created":1763856000,"model":"fixed","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}'
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<EOF
# One worker: the generators get the other core (the machine has 2).
worker_processes 1;
worker_rlimit_nofile $(ulimit -n);
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  keepalive_requests 10000000;      # never close a keep-alive connection because of its request count
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:$port backlog=4096;
    location /v1/chat/completions {
      # "return" answers any method, POST included, without reading a file.
      default_type application/json;
      return 200 '$body';
    }
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null -X POST -d "$BENCH_BODY" "$url" && break; sleep 0.1; done
curl -sf -X POST -H 'Content-Type: application/json' -d "$BENCH_BODY" "$url" | python3 -c \
  'import json, sys; d = json.load(sys.stdin); assert d["choices"][0]["message"]["content"] == "ok"' \
  || { echo "nginx on $url did not answer" >&2; exit 1; }

{
  echo "date=$(date -u +%Y-%m-%d)"
  echo "cpus=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "nginx=$(dpkg-query -W -f '${Version}' nginx 2>/dev/null || nginx -v 2>&1)"
  echo "wrk=$(dpkg-query -W -f '${Version}' wrk 2>/dev/null || echo '?')"
  echo "hey=$(dpkg-query -W -f '${Version}' hey 2>/dev/null || echo '?')"
  echo "gatling=$gatling_version"
  echo "seconds=$secs"
  echo "body_bytes=${#body}"
  echo "cpu_busy_before=$(cpu_busy)"
} > "$work/meta.txt"
busy=$(sed -n 's/^cpu_busy_before=//p' "$work/meta.txt")
if [ "$busy" -gt 15 ]; then
  say "WARNING: the cpus were ${busy}% busy before the run: something else is running, numbers will be low"
fi

# --- wrk and hey at full speed --------------------------------------------------------------------------
say "wrk: 1 thread, $conns connections, ${secs}s"
wrk -t1 -c"$conns" -d1s -s "$here/wrk-post.lua" "$url" >/dev/null     # warm nginx up (and fill its caches)
wrk -t1 -c"$conns" -d"${secs}s" --latency -s "$here/wrk-post.lua" "$url" | tee "$work/wrk-max.txt" >&2

say "hey: $conns workers, ${secs}s"
hey -z "${secs}s" -c "$conns" -m POST -T application/json -d "$BENCH_BODY" "$url" > "$work/hey-max.txt"
grep -E 'Requests/sec|50% in' "$work/hey-max.txt" >&2

# --- the two HTTP clients a JVM tool could use, on the same endpoint (why the openai target uses Apache's) ---------
if [ -d "$root/cli/target/lib" ]; then
  say "HTTP clients: java.net.http and Apache HttpClient 5, 4 threads each, ${secs}s each"
  "$JAVA_HOME/bin/java" -cp "$root/cli/target/lib/*" "$here/clients/ClientPeers.java" "$url" "$BENCH_BODY" 4 "$secs" \
    2> "$work/clients.err" | tee "$work/clients.txt" >&2 || say "ClientPeers failed: see its output above"
fi

# --- Gatling: a ladder of constant arrival rates, one JVM per rung -------------------------------------
# A rung passes when Gatling achieved >= 95% of the rate with < 1% KO (ChatSimulation measures this
# itself). Gatling is noisy near its limit on 2 shared cores, so the ladder ends after two failed rungs in
# a row, not one, and the highest passing rung counts.
failed_in_row=0
for rate in $gatling_rates; do
  say "Gatling: $rate users/s for ${secs}s"
  # JVM options: those gatling-maven-plugin uses by default, plus what Java 25 asks for Gatling's internals.
  "$JAVA_HOME/bin/java" -server -Xmx1G -XX:+UseG1GC -XX:+ParallelRefProcEnabled -XX:MaxInlineLevel=20 \
    -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -Djava.util.prefs.userRoot="$work/prefs" \
    -Drate="$rate" -Dduration="$secs" -Dwarmup="$warm_up" -Dport="$port" -Dbody="$BENCH_BODY" \
    -cp "$gatling_cp" io.gatling.app.Gatling -s bench.ChatSimulation -rf "$work/gatling-results" -nr \
    > "$work/gatling-$rate.txt" 2>&1 || true
  line=$(grep '^BENCH ' "$work/gatling-$rate.txt" || echo "BENCH (no result: see Gatling's output)")
  echo "$line" >&2
  if python3 - "$rate" "$line" <<'PY'
import sys
rate, line = int(sys.argv[1]), sys.argv[2]
f = dict(kv.split("=") for kv in line.split()[1:] if "=" in kv)
ok, ko = int(f.get("ok", 0)), int(f.get("ko", 0))
sys.exit(0 if ok and float(f["achieved_rps"]) >= 0.95 * rate and ko / (ok + ko) < 0.01 else 1)
PY
  then failed_in_row=0
  else failed_in_row=$((failed_in_row + 1)); [ "$failed_in_row" -ge 2 ] && break
  fi
done

# --- fieldtest ------------------------------------------------------------------------------------------
ft_rate=
if [ "$have_fieldtest" = yes ]; then
  say "fieldtest load bench/load/suite.yaml (step length as the suite sets it: 10 s)"
  read -r -a ft_args <<< "${FT_ARGS-}"
  if (cd "$root" && BENCH_PORT=$port "$fieldtest" load "$here/suite.yaml" --out "$work/fieldtest" --quiet "${ft_args[@]}") >&2; then
    :
  else
    say "fieldtest load exited with $?; what its load.json holds (if anything) is still reported"
  fi
  if [ -f "$work/fieldtest/load.json" ]; then
    ft_rate=$(python3 "$here/report.py" fieldtest-rate "$work/fieldtest/load.json")
    echo "fieldtest sustained: ${ft_rate:-no step} req/s" >&2
  fi
fi

# --- wrk paced to the same rates as fieldtest steps, for the p50 comparison ------------------------------
# Each of C connections waits GAP ms (whole ms: delay()'s resolution) before each request; one round trip
# then takes about GAP + 0.2 ms here. wrk's p50 at a given rate grows with its connection count (measured:
# 0.11 ms with 6 connections, 0.29 ms with 20, both ~960 req/s; 0.09 ms with 8, 1.4 ms with 120, both
# 5,400-6,500 req/s), so wrk gets the fewest connections that carry the rate: the smallest GAP for which
# C = R * (GAP + 0.2) / 1000 rounds to within 5%. The rate wrk achieved is reported beside its p50.
for rate in $(printf '%s\n' $p50_rates ${ft_rate%.*} | sort -nu); do
  read -r gap c < <(python3 -c "
r = $rate
for gap in range(1, 1001):
    x = r * (gap + 0.2) / 1000
    if x >= 0.5 and abs(round(x) - x) <= 0.05 * x:
        print(gap, round(x)); break")
  say "wrk paced to ~$rate req/s: $c connections, ${gap} ms apart, ${secs}s"
  wrk -t1 -c"$c" -d"${secs}s" --latency -s "$here/wrk-paced.lua" "$url" -- "$gap" "$c" > "$work/wrk-rate-$rate.txt"
  grep -E 'Requests/sec|50%' "$work/wrk-rate-$rate.txt" >&2
done

# --- report -----------------------------------------------------------------------------------------------
grep -q . "$work/nginx/error.log" 2>/dev/null && { say "nginx error log (tail)"; tail -5 "$work/nginx/error.log" >&2; }
rm -rf "$here/results"; mkdir -p "$here/results"
say "results (also in bench/load/results/latest.md)"
python3 "$here/report.py" report "$work" "$here/results/latest.md"
cp -r "$work"/*.txt "$here/results/" 2>/dev/null || true          # raw outputs, for a second look
[ -f "$work/fieldtest/load.json" ] && cp "$work/fieldtest/load.json" "$here/results/fieldtest-load.json" || true
