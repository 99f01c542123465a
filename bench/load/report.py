#!/usr/bin/env python3
"""Reads what bench/load/run.sh recorded and prints the comparison (Markdown).

    report.py fieldtest-rate LOAD_JSON        prints fieldtest's highest sustained rate (or nothing)
    report.py report WORKDIR [OUT_MD]         prints the tables; also writes them to OUT_MD

WORKDIR holds: meta.txt (key=value lines), wrk-max.txt, hey-max.txt, gatling-<R>.txt (one per rung of the
ladder, each with Gatling's console output and the simulation's BENCH line), wrk-rate-<R>.txt (wrk paced to
R req/s), clients.txt (the CLIENT lines of clients/ClientPeers.java) and fieldtest/load.json when `fieldtest
load` ran. Try the fieldtest parser on the hand-written
sample with `report.py fieldtest-rate bench/load/sample-load.json` (2000).
"""
import glob
import json
import os
import re
import sys

# fieldtest's rule for a sustained step (docs/load-json.md), and the same thresholds for Gatling's ladder.
MIN_ACHIEVED_SHARE = 0.95
MAX_ERROR_RATE = 0.01
P50_GOAL_MS = 0.2


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return None


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(text):
    """wrk's summary: 'Requests/sec: N' and, with --latency, '50%  59.00us'."""
    if not text:
        return None
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    total = re.search(r"^\s+(\d+) requests in", text, re.M)
    if not rps:
        return None
    n_err = int(errors.group(1)) if errors else 0
    if socket:
        n_err += sum(int(g) for g in socket.groups())
    return {"rps": float(rps.group(1)), "p50_ms": ms(*p50.groups()) if p50 else None,
            "requests": int(total.group(1)) if total else None, "errors": n_err}


def parse_hey(text):
    """hey's summary: 'Requests/sec: N', '50% in 0.0002 secs', status codes and an error distribution."""
    if not text:
        return None
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"50% in ([\d.]+) secs", text)
    codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", text))
    errors = sum(n for c, n in codes.items() if c != 200)
    failed = text.split("Error distribution:", 1)
    if len(failed) == 2:   # requests that got no response at all, one line per distinct error
        errors += sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]", failed[1], re.M))
    if not rps:
        return None
    return {"rps": float(rps.group(1)), "p50_ms": float(p50.group(1)) * 1000 if p50 else None,
            "requests": sum(codes.values()), "errors": errors}


def parse_gatling(workdir):
    """One rung per gatling-<R>.txt: the simulation's own BENCH line (see ChatSimulation)."""
    rungs = []
    for path in glob.glob(os.path.join(workdir, "gatling-*.txt")):
        m = re.search(r"^BENCH (.*)$", read(path), re.M)
        rate = int(re.search(r"gatling-(\d+)\.txt$", path).group(1))
        if not m:
            rungs.append({"rate": rate, "passed": False, "note": "no BENCH line (crashed?)"})
            continue
        f = dict(kv.split("=") for kv in m.group(1).split())
        ok, ko = int(f["ok"]), int(f["ko"])
        achieved = float(f["achieved_rps"])
        error_rate = ko / (ok + ko) if ok + ko else 1.0
        rungs.append({"rate": rate, "achieved_rps": achieved, "share": achieved / rate, "ok": ok, "ko": ko,
                      "error_rate": error_rate, "late_share": float(f["late_share"]), "window_s": float(f["window_s"]),
                      "passed": achieved >= MIN_ACHIEVED_SHARE * rate and error_rate < MAX_ERROR_RATE})
    return sorted(rungs, key=lambda r: r["rate"])


def parse_clients(text):
    """The CLIENT lines of ClientPeers.java: one dict per HTTP client."""
    rows = []
    for line in (text or "").splitlines():
        if line.startswith("CLIENT "):
            f = dict(kv.split("=", 1) for kv in line.split()[1:])
            rows.append({"name": f["name"].replace("_", " "), "threads": int(f["threads"]), "rps": float(f["rps"]),
                         "cpu_us": float(f["cpu_us_per_request"]), "errors": int(f["errors"])})
    return rows


def fieldtest_steps(load_json):
    """The first target's open steps, each with whether it counts as sustained."""
    doc = json.loads(read(load_json))
    steps = []
    for s in doc["targets"][0]["steps"]:
        if s.get("offered_rps") is None:
            continue   # a closed step has no offered rate
        share = s.get("achieved_share")
        err = s.get("error_rate")
        sustained = bool(s.get("valid")) and share is not None and share >= MIN_ACHIEVED_SHARE \
            and err is not None and err < MAX_ERROR_RATE
        lat = s.get("latency_ms") or {}
        steps.append({"offered": s["offered_rps"], "achieved": s.get("achieved_rps"), "share": share, "error_rate": err,
                      "late_share": s.get("late_send_share"), "valid": s.get("valid"), "sustained": sustained,
                      "service_p50": (lat.get("service") or {}).get("p50"),
                      "corrected_p50": (lat.get("corrected") or {}).get("p50"),
                      "invalid_reason": s.get("invalid_reason")})
    return steps


def fieldtest_rate(load_json):
    rates = [s["offered"] for s in fieldtest_steps(load_json) if s["sustained"]]
    return max(rates) if rates else None


def num(x, digits=0):
    if x is None:
        return "—"
    return f"{x:,.{digits}f}"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "—"


def report(workdir, out_md=None):
    meta = dict(line.split("=", 1) for line in (read(os.path.join(workdir, "meta.txt")) or "").splitlines() if "=" in line)
    wrk = parse_wrk(read(os.path.join(workdir, "wrk-max.txt")))
    hey = parse_hey(read(os.path.join(workdir, "hey-max.txt")))
    rungs = parse_gatling(workdir)
    passed = [r for r in rungs if r["passed"]]
    gatling = max(passed, key=lambda r: r["rate"]) if passed else None
    ft_json = os.path.join(workdir, "fieldtest", "load.json")
    steps = fieldtest_steps(ft_json) if os.path.exists(ft_json) else None
    ft_rate = max((s["offered"] for s in steps if s["sustained"]), default=None) if steps else None
    paced = {}
    for path in glob.glob(os.path.join(workdir, "wrk-rate-*.txt")):
        paced[int(re.search(r"wrk-rate-(\d+)\.txt$", path).group(1))] = parse_wrk(read(path))

    out = []
    p = out.append
    p(f"# bench/load — {meta.get('date', '?')}")
    p("")
    p(f"Machine: {meta.get('cpus', '?')} cpus, {meta.get('cpu', '?')}; {meta.get('java', '?')}. "
      f"Endpoint: nginx {meta.get('nginx', '?')}, 1 worker, 127.0.0.1, fixed {meta.get('body_bytes', '?')}-byte chat.completion body. "
      f"wrk {meta.get('wrk', '?')}, hey {meta.get('hey', '?')}, Gatling {meta.get('gatling', '?')}. "
      f"Each measurement {meta.get('seconds', '?')} s, one tool at a time. CPUs busy before the run: {meta.get('cpu_busy_before', '?')}%.")
    p("")
    p("| tool | how it loads | highest rate (req/s) | p50 at that rate (ms) |")
    p("|---|---|---:|---:|")
    p(f"| wrk | closed loop, 1 thread, 16 connections, as fast as it can | {num(wrk and wrk['rps'])} | {num(wrk and wrk['p50_ms'], 3)} |")
    p(f"| hey | closed loop, 16 workers, as fast as it can | {num(hey and hey['rps'])} | {num(hey and hey['p50_ms'], 1)} |")
    p(f"| Gatling | open model, constant arrivals; highest rung with ≥ 95% achieved and < 1% KO | "
      f"{num(gatling and gatling['rate'])} | — |")
    if steps is None:
        p("| fieldtest | open loop, constant; highest valid step with ≥ 95% achieved and < 1% errors | not run | — |")
    else:
        st = next((s for s in steps if s["offered"] == ft_rate), None)
        p(f"| fieldtest | open loop, constant; highest valid step with ≥ 95% achieved and < 1% errors | "
          f"{num(ft_rate)} | {num(st['service_p50'], 3) + ' (service)' if st else '—'} |")
    p("")
    if ft_rate:
        p("| ratio | value | goal |")
        p("|---|---:|---|")
        p(f"| fieldtest ÷ wrk | {ratio(ft_rate, wrk and wrk['rps'])} | ≥ 0.5 |")
        p(f"| fieldtest ÷ hey | {ratio(ft_rate, hey and hey['rps'])} | |")
        p(f"| fieldtest ÷ Gatling | {ratio(ft_rate, gatling and gatling['rate'])} | ≥ 1 |")
        p("")
    else:
        p("fieldtest: no figures (`fieldtest load` did not run or sustained no step), so no ratios.")
        p("")

    p("## p50 at the same rate: fieldtest service latency minus wrk paced with delay()")
    p("")
    p("| rate (req/s) | wrk achieved (req/s) | wrk p50 (ms) | fieldtest service p50 (ms) | fieldtest corrected p50 (ms) | fieldtest − wrk (ms) | goal |")
    p("|---:|---:|---:|---:|---:|---:|---|")
    for rate in sorted(paced):
        w = paced[rate]
        st = next((s for s in steps or [] if s["offered"] == rate), None)
        diff = st["service_p50"] - w["p50_ms"] if st and st["service_p50"] is not None and w and w["p50_ms"] is not None else None
        p(f"| {num(rate)} | {num(w and w['rps'])} | {num(w and w['p50_ms'], 3)} | {num(st and st['service_p50'], 3)} | "
          f"{num(st and st['corrected_p50'], 3)} | {num(diff, 3)} | < {P50_GOAL_MS} |")
    p("")

    clients = parse_clients(read(os.path.join(workdir, "clients.txt")))
    if clients:
        p("## HTTP clients for the JVM (closed loop, platform threads, as fast as they can)")
        p("")
        p("| client | threads | requests/s | CPU per request (µs) | errors |")
        p("|---|---:|---:|---:|---:|")
        for c in clients:
            p(f"| {c['name']} | {c['threads']} | {num(c['rps'])} | {c['cpu_us']:.1f} | {c['errors']:,} |")
        p("")

    p("## Gatling ladder")
    p("")
    p("| offered (users/s) | achieved (req/s) | share | KO | started > 1 ms behind plan | sustained |")
    p("|---:|---:|---:|---:|---:|---|")
    for r in rungs:
        if "achieved_rps" not in r:
            p(f"| {num(r['rate'])} | — | — | — | — | no ({r['note']}) |")
            continue
        p(f"| {num(r['rate'])} | {num(r['achieved_rps'])} | {r['share']:.3f} | {r['ko']:,} | {r['late_share']:.1%} | "
          f"{'yes' if r['passed'] else 'no'} |")
    p("")
    if steps is not None:
        doc = json.loads(read(ft_json))
        p("## fieldtest steps (load.json)")
        p("")
        p(f"Status: {doc.get('status')}" + (f" ({doc.get('abort_reason')})" if doc.get("abort_reason") else "") +
          f"; fieldtest {doc.get('fieldtest_version')}; load.json's own max_sustained_rps: {doc['targets'][0].get('max_sustained_rps')}.")
        p("")
        p("| offered (req/s) | achieved (req/s) | share | error rate | late sends | valid | service p50 (ms) | corrected p50 (ms) | sustained |")
        p("|---:|---:|---:|---:|---:|---|---:|---:|---|")
        for s in steps:
            p(f"| {num(s['offered'])} | {num(s['achieved'])} | {num(s['share'], 3)} | {num(s['error_rate'], 4)} | "
              f"{num(s['late_share'] * 100 if s['late_share'] is not None else None, 2)}% | {'yes' if s['valid'] else 'no'} | "
              f"{num(s['service_p50'], 3)} | {num(s['corrected_p50'], 3)} | {'yes' if s['sustained'] else 'no'} |")
        p("")
    text = "\n".join(out)
    print(text)
    if out_md:
        with open(out_md, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "fieldtest-rate":
        r = fieldtest_rate(sys.argv[2])
        print("" if r is None else f"{r:g}")
    elif len(sys.argv) >= 3 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        sys.exit(__doc__)
