"""The dashboard with 20,000 trials of 100 intermediate results each (2,000,000 points).

    python3 bench/dashboard/scale.py [trials] [steps]

Starts Tunelab (H2 in mixed mode, so this script can write to the same database), creates an
experiment, fills it straight into the database with bench/dashboard/FillExperiment.java, then
measures:
  - the server time of every request the experiment page makes (page HTML, first trials page,
    each chart's data), cold and warm;
  - in headless Chromium (Debian's chromium through playwright-core, installed into
    bench/dashboard/node_modules on first run): time until the experiment page and the trials
    table are usable, time to render each chart, and the latency from a metric written by a
    running trial to its appearance on the trial page;
  - the server's memory with 20 experiment pages open (20 live event streams).
Targets (issue 5): page and table usable < 1.5 s, each chart < 1 s, metric to page < 1 s.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _server import REPOSITORY, Server, free_port, jar  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TRIALS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 100


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def timed_get(base, path, times=3):
    """Milliseconds of each of `times` GETs (the first is cold)."""
    out = []
    for _ in range(times):
        start = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=120) as response:
            body = response.read()
        out.append((time.perf_counter() - start) * 1000)
    return out, len(body)


def main():
    home = tempfile.mkdtemp(prefix="tunelab-scale-")
    port = free_port()
    url = f"jdbc:h2:file:{home}/db/tunelab;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
    log = open(os.path.join(home, "server.log"), "w")
    server_process = subprocess.Popen(["java", "-jar", jar(), f"--server.port={port}", f"--tunelab.home={home}",
                                       f"--spring.datasource.url={url}"], stdout=log, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}")
    try:
        for _ in range(600):
            try:
                server.call("GET", "/actuator/health")
                break
            except OSError:
                time.sleep(0.1)
        code = tempfile.mkdtemp(prefix="tunelab-scale-code-")
        created = server.call("POST", "/api/v1/experiments", {
            "experimentName": f"scale {TRIALS}x{STEPS}",
            "searchSpace": {"lr": {"_type": "loguniform", "_value": [1e-4, 1e-1]},
                            "batch_size": {"_type": "choice", "_value": [16, 32, 64, 128]},
                            "dropout": {"_type": "uniform", "_value": [0.1, 0.5]}},
            "trialCommand": "sleep 1", "trialCodeDirectory": code, "trialConcurrency": 1, "maxTrialNumber": 1,
            "tuner": {"name": "TPE", "classArgs": {"optimize_mode": "maximize"}}})
        experiment = created["id"]
        server.wait_for(experiment, {"DONE"}, poll=0.2)
        h2 = sorted(glob.glob(os.path.expanduser("~/.m2/repository/com/h2database/h2/*/h2-*.jar")))[-1]
        subprocess.run(["java", "-cp", h2, os.path.join(HERE, "FillExperiment.java"), url, "tunelab", "", experiment,
                        str(TRIALS), str(STEPS)], check=True)
        base = server.base
        print(f"server RSS after filling: {rss_mib(server_process.pid):.0f} MiB")
        print(f"{'request':<58} {'cold ms':>9} {'warm ms':>9} {'KiB':>8}")
        for path in [f"/experiments/{experiment}",
                     f"/api/v1/experiments/{experiment}",
                     f"/api/v1/experiments/{experiment}/trials?size=50&sort=-finalMetric",
                     f"/api/v1/experiments/{experiment}/trials/changes?after=0&limit=1",
                     f"/api/v1/experiments/{experiment}/charts/finals",
                     f"/api/v1/experiments/{experiment}/charts/finals?top=10",
                     f"/api/v1/experiments/{experiment}/charts/intermediates",
                     f"/api/v1/experiments/{experiment}/charts/durations",
                     f"/api/v1/experiments/{experiment}/metrics?after=0&limit=1000"]:
            try:
                times, size = timed_get(base, path)
                print(f"{path.replace(experiment, '{id}'):<58} {times[0]:>9.0f} {min(times[1:]):>9.0f} {size / 1024:>8.0f}")
            except urllib.error.HTTPError as e:
                print(f"{path.replace(experiment, '{id}'):<58} HTTP {e.code}")
        browser(base, experiment, server, code)
        streams = [threading.Thread(target=hold_stream, args=(base, experiment), daemon=True) for _ in range(20)]
        for stream in streams:
            stream.start()
        time.sleep(3)
        print(f"server RSS with 20 open experiment streams: {rss_mib(server_process.pid):.0f} MiB")
    finally:
        stopping = time.perf_counter()
        server_process.terminate()
        server_process.wait(60)
        print(f"server stopped {time.perf_counter() - stopping:.1f} s after SIGTERM, with 20 streams open")


def hold_stream(base, experiment):
    try:
        with urllib.request.urlopen(f"{base}/api/v1/experiments/{experiment}/stream", timeout=60) as response:
            response.read()
    except Exception:
        pass


def browser(base, experiment, server, code):
    """Chromium timings through playwright-core (bench/dashboard/browser.mjs)."""
    if not os.path.exists("/usr/bin/chromium"):
        print("browser timings skipped: /usr/bin/chromium is missing (apt-get install chromium)")
        return
    if not os.path.exists(os.path.join(HERE, "node_modules", "playwright-core")):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "playwright-core@1.65"], cwd=HERE, check=True)
    out = subprocess.run(["node", os.path.join(HERE, "browser.mjs"), base, experiment], capture_output=True, text=True)
    print(out.stdout.strip() or out.stderr.strip())


if __name__ == "__main__":
    main()
