#!/usr/bin/env python3
"""Measures one envplane artifact (stdlib only; driven by native/measure.sh).

For each run: takes t0 (monotonic ns) immediately before starting the process, polls
POST /graphql {"query":"{ __typename }"} every ~2 ms until it answers 200 with data, reads VmRSS
from /proc/<pid>/status, optionally seeds data, sends N GraphQL requests sequentially over one
keep-alive connection, reads VmRSS again, stops the process (SIGTERM, then SIGKILL).
Only 127.0.0.1. Prints one JSON object per run on stdout.
"""
import argparse, http.client, json, os, signal, subprocess, sys, time

def rss_kib(pid, field="VmRSS"):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return None

TOKEN = None  # the bearer token every request carries (--token)

def post(conn, query):
    body = json.dumps({"query": query})
    conn.request("POST", "/graphql", body=body,
                 headers={"Content-Type": "application/json", "Accept": "application/json",
                          "Authorization": f"Bearer {TOKEN}"})
    resp = conn.getresponse()
    data = resp.read()
    return resp.status, data

def stop(proc, grace=15):
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)

def one_run(a, run_no, log):
    env = dict(os.environ)
    for kv in a.env:
        k, _, v = kv.partition("=")
        env[k] = v
    ready_query = "{ __typename }"
    deadline_s = a.start_timeout
    t0 = time.monotonic_ns()
    proc = subprocess.Popen(a.cmd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        first_ms = None
        polls = 0
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"process exited with {proc.returncode} before answering (log: {log.name})")
            if (time.monotonic_ns() - t0) / 1e9 > deadline_s:
                raise RuntimeError(f"no GraphQL answer within {deadline_s} s (log: {log.name})")
            polls += 1
            try:
                c = http.client.HTTPConnection("127.0.0.1", a.port, timeout=2)
                status, data = post(c, ready_query)
                c.close()
                if status == 200 and b'"__typename"' in data and b'"errors"' not in data:
                    first_ms = (time.monotonic_ns() - t0) / 1e6
                    break
            except (ConnectionError, OSError, http.client.HTTPException):
                pass
            time.sleep(0.002)
        rss_start = rss_kib(proc.pid)

        conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=10)
        seeded = 0
        for q in a.seed:  # an error answer (e.g. the name exists already) is fine; a hang is not
            try:
                status, data = post(conn, q)
                seeded += status == 200 and b'"errors"' not in data
            except (OSError, http.client.HTTPException) as e:
                sys.stderr.write(f"seeding stopped: {e!r}\n")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=10)
                break
        errors = 0
        t1 = time.monotonic_ns()
        for _ in range(a.requests):
            try:
                status, data = post(conn, a.query)
            except (OSError, http.client.HTTPException) as e:
                status, data = None, repr(e).encode()
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=10)
            if status != 200 or b'"errors"' in data:
                errors += 1
                if errors == 1:
                    sys.stderr.write(f"first failing answer: {status} {data[:400]!r}\n")
                if errors >= 20:
                    raise RuntimeError(f"{errors} failed requests, giving up (log: {log.name})")
        loop_s = (time.monotonic_ns() - t1) / 1e9
        conn.close()
        rss_after = rss_kib(proc.pid)
        rss_anon, rss_file = rss_kib(proc.pid, "RssAnon"), rss_kib(proc.pid, "RssFile")
        return {
            "run": run_no, "first_response_ms": round(first_ms, 1), "polls": polls,
            "rss_start_kib": rss_start, "rss_after_kib": rss_after, "rss_anon_kib": rss_anon, "rss_file_kib": rss_file,
            "requests": a.requests, "request_errors": errors, "seeded": seeded,
            "requests_per_s": round(a.requests / loop_s, 1) if loop_s > 0 else None,
        }
    finally:
        stop(proc)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--requests", type=int, default=1000)
    p.add_argument("--query", required=True)
    p.add_argument("--seed", action="append", default=[])
    p.add_argument("--env", action="append", default=[])
    p.add_argument("--log", required=True)
    p.add_argument("--start-timeout", type=float, default=120)
    p.add_argument("--token", required=True)
    p.add_argument("cmd", nargs="+")
    a = p.parse_args()
    global TOKEN
    TOKEN = a.token
    with open(a.log, "w") as log:
        for i in range(1, a.runs + 1):
            log.write(f"===== run {i}: {' '.join(a.cmd)}\n")
            log.flush()
            r = one_run(a, i, log)
            print(json.dumps(r), flush=True)
            if r["request_errors"]:
                sys.exit(f"{r['request_errors']} of {a.requests} requests failed")
            a.seed = []  # seed once

if __name__ == "__main__":
    main()
