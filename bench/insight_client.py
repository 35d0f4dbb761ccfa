#!/usr/bin/env python3
"""The insight benchmark's client (run by bench/insight): signed-in readers of the insight pages and
one raw tickets export through the real job. Prints one JSON object of figures on stdout.

  insight_client.py reads  --base URL --user U --password P --game CODE --readers 4 --seconds 20 --warmup 5
  insight_client.py export --base URL --user U --password P --games ID,ID --from D --to D --tickets N
"""
import argparse
import datetime
import json
import multiprocessing
import re
import sys
import threading
import time

import requests

FORM_TOKEN = re.compile(r'name="_csrf"\s+value="([^"]+)"')
PAGE_TOKEN = re.compile(r'<meta name="_csrf" content="([^"]+)"')


def sign_in(base, user, password):
    """A session signed in through the real form, as a browser: CSRF token and session cookie."""
    s = requests.Session()
    form = s.get(base + "/login", timeout=30)
    token = FORM_TOKEN.search(form.text).group(1)
    answer = s.post(base + "/login", data={"username": user, "password": password, "_csrf": token},
                    allow_redirects=False, timeout=30)
    if answer.status_code != 302 or "error" in answer.headers.get("Location", ""):
        raise SystemExit(f"sign-in of {user} refused: {answer.status_code} {answer.headers.get('Location')}")
    page = s.get(base + "/console/insight", timeout=60)
    s.csrf = PAGE_TOKEN.search(page.text).group(1)
    return s


def percentile(sorted_ms, p):
    if not sorted_ms:
        return None
    k = min(len(sorted_ms) - 1, max(0, int(round(p / 100.0 * len(sorted_ms) + 0.5)) - 1))
    return round(sorted_ms[k], 1)


def heap(base):
    """The node's heap in use and its limit, in bytes, from its own metrics."""
    used = limit = 0.0
    try:
        for line in requests.get(base + "/actuator/prometheus", timeout=10).text.splitlines():
            if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line:
                used += float(line.rsplit(" ", 1)[1])
            elif line.startswith("jvm_memory_max_bytes{") and 'area="heap"' in line:
                value = float(line.rsplit(" ", 1)[1])
                if value > 0:
                    limit += value
    except requests.RequestException:
        pass
    return used, limit


def reader(url, params, cookies, measured_from, stop, answers):
    """One reader's closed loop (in a process of its own): its latencies once the warm-up is over."""
    session = requests.Session()
    session.cookies.update(cookies)
    latencies, errors = [], 0
    while True:
        t0 = time.monotonic()
        if t0 >= stop:
            break
        try:
            ok = session.get(url, params=params, timeout=120).status_code == 200
        except requests.RequestException:
            ok = False
        t1 = time.monotonic()
        if t0 >= measured_from:
            if ok:
                latencies.append((t1 - t0) * 1000)
            else:
                errors += 1
    answers.put((latencies, errors))


def reads(args):
    today = datetime.date.today()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1))
    month_from, month_to = last_month.replace(day=1), last_month
    year_from, year_to = today - datetime.timedelta(days=364), today
    scenarios = [
        ("dashboard, one game, one month", "/console/insight",
         {"game": args.game, "period": "month", "date": month_from.isoformat()}),
        ("dashboard, one game, a year", "/console/insight",
         {"game": args.game, "period": "custom", "from": year_from.isoformat(), "to": year_to.isoformat()}),
        ("agent KPIs, 200 agents, one month", "/console/insight/agents",
         {"from": month_from.isoformat(), "to": month_to.isoformat()}),
    ]
    # each reader is a process of its own, signed in with its own session: threads of one Python
    # process take turns on the interpreter, and four of them reading pages of 100-400 KB measured
    # the client's own queue (a year's dashboard read 2.9 times a second by threads, 11.7 by processes)
    sessions = [sign_in(args.base, args.user, args.password) for _ in range(args.readers)]
    results = []
    for name, path, params in scenarios:
        first = sessions[0].get(args.base + path, params=params, timeout=120)
        if first.status_code != 200:
            raise SystemExit(f"{path} {params}: {first.status_code}")
        check = {"bytes": len(first.content)}
        if path.endswith("/agents"):
            check["agentRows"] = first.text.count('data-testid="agent-kpi-row"')
        start = time.monotonic()
        measured_from = start + args.warmup
        stop = measured_from + args.seconds
        answers = multiprocessing.Queue()
        readers = [multiprocessing.Process(target=reader, args=(args.base + path, params, dict(s.cookies),
                                                                  measured_from, stop, answers))
                   for s in sessions]
        for r in readers:
            r.start()
        latencies, errors = [], [0]
        for _ in readers:
            measured, failed = answers.get()
            latencies.extend(measured)
            errors[0] += failed
        for r in readers:
            r.join()
        latencies.sort()
        figure = {"scenario": name, "path": path, "params": params, "readers": args.readers,
                  "requests": len(latencies), "errors": errors[0],
                  "perSecond": round(len(latencies) / args.seconds, 1),
                  "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
                  "p99": percentile(latencies, 99), "max": round(latencies[-1], 1) if latencies else None}
        figure.update(check)
        print(f"  {name}: {figure['requests']} requests, p50 {figure['p50']} ms, p95 {figure['p95']} ms, "
              f"p99 {figure['p99']} ms", file=sys.stderr)
        results.append(figure)
    print(json.dumps({"reads": results}))


def export(args):
    s = sign_in(args.base, args.user, args.password)
    peak = [0.0, 0.0]
    done = threading.Event()

    def watch():
        while not done.is_set():
            used, limit = heap(args.base)
            peak[0] = max(peak[0], used)
            peak[1] = max(peak[1], limit)
            time.sleep(0.2)

    before, limit = heap(args.base)
    watcher = threading.Thread(target=watch, daemon=True)
    t0 = time.monotonic()
    answer = s.post(args.base + "/console/insight/exports",
                    data={"games": args.games.split(","), "from": getattr(args, "from"), "to": args.to,
                          "_csrf": s.csrf}, allow_redirects=False, timeout=60)
    if answer.status_code != 302:
        raise SystemExit(f"export refused: {answer.status_code}")
    watcher.start()
    page = s.get(args.base + "/console/insight/exports", timeout=60).text
    ids = re.findall(r"/console/insight/exports/([0-9a-f-]{36})", page)
    if not ids:
        raise SystemExit("the exports page lists no export")
    job = ids[0]
    status = {}
    while time.monotonic() - t0 < args.max_seconds:
        status = s.get(args.base + "/console/insight/exports/" + job, timeout=60).json()
        if status.get("finished"):
            break
        time.sleep(0.2)
    seconds = time.monotonic() - t0
    done.set()
    watcher.join()
    rows = status.get("done") or 0
    figure = {"state": "failed" if status.get("failed") else ("done" if status.get("finished") else "unfinished"), "rows": rows, "seconds": round(seconds, 1),
              "rowsPerSecond": round(rows / seconds) if seconds else None,
              "heapBeforeMb": round(before / 2 ** 20), "heapPeakMb": round(peak[0] / 2 ** 20),
              "heapMaxMb": round(max(limit, peak[1]) / 2 ** 20), "status": status}
    print(f"  export: {figure['state']} {rows} rows in {figure['seconds']} s = {figure['rowsPerSecond']} rows/s, "
          f"heap peak {figure['heapPeakMb']} MB of {figure['heapMaxMb']} MB", file=sys.stderr)
    print(json.dumps({"export": figure}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["reads", "export"])
    parser.add_argument("--base", default="http://127.0.0.1:18090")
    parser.add_argument("--user", default="insightlead")
    parser.add_argument("--password", default="playerdesk")
    parser.add_argument("--game", default="demo")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--games", default="")
    parser.add_argument("--from", default="")
    parser.add_argument("--to", default="")
    parser.add_argument("--max-seconds", type=int, default=900)
    parser.add_argument("--tickets", type=int, default=0)
    args = parser.parse_args()
    reads(args) if args.what == "reads" else export(args)


if __name__ == "__main__":
    main()
