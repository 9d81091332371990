"""The dashboard with 20,000 trials of 100 intermediate results each (2,000,000 points).

    python3 bench/dashboard/scale.py [trials] [steps]

Starts Tunelab (H2 in mixed mode, so this script can write to the same database), creates an
experiment whose one real trial ends at once, fills it with `trials` finished trials of `steps`
intermediate results each straight into the database (bench/dashboard/FillExperiment.java), then
measures:
  1. the time of every request the experiment page makes (page HTML, trials, charts' data), cold
     (the first request after the fill), warm on an unchanged database, and warm right after a
     write (H2 answers a repeated query from its result cache until the database changes, and on
     a server with a running experiment it changes several times a second);
  2. after a restart (a fresh server: cold JIT compiler, cold database cache), in headless Chromium
     driven by Selenium (Debian's chromium and chromium-driver):
     a. the experiment page: navigation start to data-ready (the module has drawn the table and
        subscribes to the change stream), cold (the browser's first load), warm, and warm after a
        write;
     b. the charts: the page opened at #charts (from navigation start), cold and warm, and a click
        on the Charts tab (from the click), warm: until each chart's data-rendered and until its
        last canvas drawing call; the trial page's chart;
     c. the latency from a metric appended to a running trial's .nni/metrics to its appearance in
        the trial's row of the experiment page and in #latest on the trial page: the experiment is
        given one more trial, a real process that sleeps, and this script writes its metrics;
     d. the server's memory (VmRSS of the java process, heap after a full GC) before and with 20
        experiment pages open (in 4 browsers: see 2e), then how long the server takes to stop;
     e. what one browser does with more than 6 pages of one server open.
A second small experiment with one sleeping trial is "the write": this script appends a metric to
its trial's file and waits until the server has stored it.
Targets (issue 5): page and table usable < 1.5 s, each chart < 1 s, metric to page < 1 s.
The browser part is skipped, with a message, without /usr/bin/chromium, /usr/bin/chromedriver
or the selenium package (pip install selenium). BENCH_KEEP=1 keeps the server's home folder;
BENCH_JVM_ARGS passes options to the server's JVM.
"""
import datetime
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _server import Server, free_port, jar  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TRIALS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
WARM = 5  # warm repetitions of each measurement
WRITES = 20  # metrics written to the running trial for the latency
PAGES = 20  # experiment pages held open for the memory measurement
BROWSERS = 4  # ... spread over this many browsers: each holds at most 6 connections to the server

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000",
         # Several windows of one headless browser: none of them may be throttled as hidden.
         "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
         "--disable-backgrounding-occluded-windows"]
# A page left for another keeps its change stream open in the back/forward cache, and Chromium
# opens at most 6 connections to one server, so the 7th page in a tab waits for one (2e). The
# measurements turn the cache off; 2e shows what happens with it.
NO_BFCACHE = "--disable-features=BackForwardCache"
CHARTS = ["finals", "parallel", "intermediates", "durations"]

# Runs in every page before its own scripts. Notes performance.now() (milliseconds since the
# navigation started) when the page says it is ready and when its change stream is open, and, per
# chart element, the time of the last drawing call on a canvas inside it: ECharts does not always
# fire 'finished' (so data-rendered never comes) for a large series drawn progressively.
PROBE = """
(() => {
  const marks = window.__bench = { drawn: {} };
  const look = () => {
    const root = document.documentElement;
    if (marks.ready === undefined && root && root.dataset.ready === 'true') marks.ready = performance.now();
    const live = document.getElementById('live');
    if (marks.live === undefined && live && live.dataset.state === 'open') marks.live = performance.now();
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ['data-ready', 'data-state'] });
  const charts = new WeakMap();
  const context = CanvasRenderingContext2D.prototype;
  for (const method of ['fill', 'stroke', 'fillRect', 'fillText', 'strokeText', 'drawImage']) {
    const original = context[method];
    context[method] = function (...args) {
      let chart = charts.get(this.canvas);
      if (chart === undefined) {
        chart = this.canvas.closest?.('[data-chart]')?.dataset.chart;
        if (chart) charts.set(this.canvas, chart);
      }
      if (chart) marks.drawn[chart] = performance.now();
      return original.apply(this, args);
    };
  }
})();
"""

READY = "window.__bench && window.__bench.ready !== undefined && window.__bench.live !== undefined"

# Every chart drawn, and each either has data-rendered or has not drawn for 2 s.
CHARTS_DONE = """(() => {
  const marks = window.__bench;
  const charts = [...document.querySelectorAll('[data-chart]')];
  if (!marks || !charts.every((e) => marks.drawn[e.dataset.chart] !== undefined)) return false;
  return charts.every((e) => e.dataset.rendered || performance.now() - marks.drawn[e.dataset.chart] > 2000);
})()"""

# Page timings: navigation timing, the probe's marks, and each fetch the page made.
TIMINGS = """
const n = performance.getEntriesByType('navigation')[0];
const paint = performance.getEntriesByName('first-contentful-paint')[0];
const rendered = {};
for (const e of document.querySelectorAll('[data-chart]')) {
  rendered[e.dataset.chart] = e.dataset.rendered ? Number(e.dataset.rendered) : null;
}
return {
  ready: window.__bench.ready ?? null, live: window.__bench.live ?? null, click: window.__bench.click ?? null,
  drawn: window.__bench.drawn, rendered,
  requestStart: n.requestStart, responseStart: n.responseStart, responseEnd: n.responseEnd,
  domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd, fcp: paint ? paint.startTime : null,
  htmlBytes: n.encodedBodySize, rows: document.querySelectorAll('#trials tbody tr').length,
  resources: performance.getEntriesByType('resource').map((r) => ({
    name: r.name, start: r.startTime, end: r.responseEnd, wait: r.responseStart - r.requestStart,
    bytes: r.encodedBodySize })),
};
"""

# Notes Date.now() the first time each text appears in the element `selector` finds.
WATCH = """
const selector = arguments[0];
const seen = window.__seen = {};
const look = () => {
  const element = document.querySelector(selector);
  if (!element) return;
  const text = element.textContent.trim();
  if (!(text in seen)) seen[text] = Date.now();
};
new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
look();
"""


def progress(what):
    print(f"[{time.strftime('%H:%M:%S')}] {what}", file=sys.stderr, flush=True)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def heap_mib(server, pid, collect):
    """Heap in use, from the actuator; after a full GC (jcmd GC.run) when `collect`."""
    if collect and shutil.which("jcmd"):
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    try:
        used = server.call("GET", "/actuator/metrics/jvm.memory.used?tag=area:heap")
        return used["measurements"][0]["value"] / 2**20
    except (OSError, KeyError, IndexError):
        return float("nan")


def spread(values, unit=" ms"):
    """Median with the range, e.g. '412 ms (380–455, n=5)'."""
    values = [round(v) for v in values if v is not None]
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]}{unit}"
    return f"{round(statistics.median(values))}{unit} ({min(values)}–{max(values)}, n={len(values)})"


def verdict(value, target, what):
    print(f"  {'met' if value < target else 'MISSED'}: {what} {value:.0f} ms, target < {target} ms")


class Tunelab:
    """The server, with H2 in mixed mode so that FillExperiment can write to its database."""

    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="tunelab-scale-")
        self.port = free_port()
        self.url = (f"jdbc:h2:file:{self.home}/db/tunelab;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE")
        self.process = None
        self.server = Server(f"http://127.0.0.1:{self.port}")

    def start(self):
        started = time.perf_counter()
        log = open(os.path.join(self.home, "server.log"), "a")
        self.process = subprocess.Popen(
            ["java", *os.environ.get("BENCH_JVM_ARGS", "").split(), "-jar", jar(), f"--server.port={self.port}",
             f"--tunelab.home={self.home}", f"--spring.datasource.url={self.url}"],
            stdout=log, stderr=subprocess.STDOUT)
        log.close()
        while True:
            try:
                self.server.call("GET", "/actuator/health")
                return time.perf_counter() - started
            except OSError:
                if self.process.poll() is not None or time.perf_counter() - started > 180:
                    raise RuntimeError(f"the server did not start; see {self.home}/server.log")
                time.sleep(0.1)

    def stop(self):
        """Seconds from SIGTERM to the process's exit."""
        stopping = time.perf_counter()
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        return time.perf_counter() - stopping


def running_trial(server, experiment, timeout=120):
    """The experiment's running trial, once there is one, and its parameter id."""
    deadline = time.monotonic() + timeout
    while True:
        listed = server.call("GET", f"/api/v1/experiments/{experiment}/trials?status=RUNNING&size=1")["items"]
        if listed:
            with open(os.path.join(listed[0]["directory"], "parameter.cfg")) as f:
                return listed[0], json.load(f)["parameter_id"]
        if time.monotonic() > deadline:
            raise TimeoutError(f"no trial of {experiment} runs")
        time.sleep(0.05)


def append_metric(trial, parameter_id, sequence, value):
    """Appends a PERIODICAL report to the trial's .nni/metrics as NNI's trial SDK writes it."""
    payload = (json.dumps({"parameter_id": parameter_id, "trial_job_id": trial["trialId"], "type": "PERIODICAL",
                           "sequence": sequence, "value": json.dumps(value)}) + "\n").encode()
    path = os.path.join(trial["directory"], ".nni", "metrics")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "ab") as f:
        f.write(b"ME%06d" % len(payload) + payload)


class Writer:
    """A small experiment whose one trial sleeps; write() has the server store a metric of it."""

    def __init__(self, server, code):
        self.server = server
        self.experiment = server.call("POST", "/api/v1/experiments", {
            "experimentName": "writer", "searchSpace": {"x": {"_type": "uniform", "_value": [0, 1]}},
            "trialCommand": "sleep 900", "trialCodeDirectory": code, "trialConcurrency": 1, "maxTrialNumber": 1,
            "tuner": {"name": "Random"}})["id"]
        self.trial, self.parameter_id = running_trial(server, self.experiment)
        self.count = 0

    def write(self):
        append_metric(self.trial, self.parameter_id, self.count, self.count / 1000)
        self.count += 1
        deadline = time.monotonic() + 5
        path = f"/api/v1/experiments/{self.experiment}/trials/{self.trial['trialId']}"
        while self.server.call("GET", path)["metricCount"] < self.count:
            if time.monotonic() > deadline:
                raise TimeoutError("the writer's metric was not stored within 5 s")
            time.sleep(0.02)

    def stop(self):
        self.server.call("POST", f"/api/v1/experiments/{self.experiment}/stop")


def main():
    load = os.getloadavg()
    print(f"Tunelab dashboard at scale: {TRIALS:,} trials × {STEPS} intermediate results = {TRIALS * STEPS:,} points")
    print(f"{datetime.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f} at the start (a shared machine: other work competes for the cores)")
    tunelab = Tunelab()
    code = tempfile.mkdtemp(prefix="tunelab-scale-code-")
    # The trial command sleeps as long as the file `hold` says: 0 for the first trial, so the
    # experiment ends at once; longer for the trial added for the latency measurement.
    with open(os.path.join(code, "hold"), "w") as f:
        f.write("0\n")
    experiment = None
    writer = None
    try:
        print(f"server started in {tunelab.start():.1f} s")
        server = tunelab.server
        experiment = server.call("POST", "/api/v1/experiments", {
            "experimentName": f"scale {TRIALS}x{STEPS}",
            "searchSpace": {"lr": {"_type": "loguniform", "_value": [1e-4, 1e-1]},
                            "batch_size": {"_type": "choice", "_value": [16, 32, 64, 128]},
                            "dropout": {"_type": "uniform", "_value": [0.1, 0.5]}},
            "trialCommand": 'sleep "$(cat hold)"', "trialCodeDirectory": code, "trialConcurrency": 1,
            "maxTrialNumber": 1, "tuner": {"name": "TPE", "classArgs": {"optimize_mode": "maximize"}}})["id"]
        server.wait_for(experiment, {"DONE"}, poll=0.2)
        fill(tunelab, experiment)
        print(f"server RSS after filling: {rss_mib(tunelab.process.pid):.0f} MiB")
        writer = Writer(server, code)
        requests(server.base, experiment, writer)
        writer.stop()
        writer = None
        print(f"server stopped in {tunelab.stop():.1f} s; restarted (same database) in {tunelab.start():.1f} s, "
              f"RSS {rss_mib(tunelab.process.pid):.0f} MiB")
        problem = browser_missing()
        if problem:
            print(f"\nbrowser measurements skipped: {problem}")
        else:
            writer = Writer(server, code)
            browser(tunelab, experiment, code, writer)
    finally:
        if tunelab.process is not None:
            for one in [experiment, writer and writer.experiment]:
                if one:
                    try:  # ends the sleeping trials
                        tunelab.server.call("POST", f"/api/v1/experiments/{one}/stop")
                    except OSError:
                        pass
            tunelab.stop()
        shutil.rmtree(code, ignore_errors=True)
        if os.environ.get("BENCH_KEEP"):
            print(f"kept {tunelab.home}")
        else:
            shutil.rmtree(tunelab.home, ignore_errors=True)


def fill(tunelab, experiment):
    progress("filling")
    h2 = glob.glob(os.path.expanduser("~/.m2/repository/com/h2database/h2/*/h2-*.jar"))
    h2 = max(h2, key=lambda path: [int(p) if p.isdigit() else p for p in os.path.basename(os.path.dirname(path)).split(".")])
    started = time.perf_counter()
    out = subprocess.run(["java", "-cp", h2, os.path.join(HERE, "FillExperiment.java"), tunelab.url, "tunelab", "",
                          experiment, str(TRIALS), str(STEPS)], check=True, capture_output=True, text=True)
    print(f"{out.stdout.strip()} ({time.perf_counter() - started:.1f} s with compiling and connecting)")


def requests(base, experiment, writer):
    progress("1: requests")

    def get(path):
        start = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=300) as response:
            body = response.read()
        return (time.perf_counter() - start) * 1000, len(body)

    def after_write(path):
        writer.write()
        return get(path)[0]

    print(f"\n1. Requests from this script: the first after the fill (cold); then {WARM} times each on an unchanged database"
          f" (warm), and {WARM} times each right after a write (another experiment's trial reported a metric)")
    print(f"{'request':<58} {'cold ms':>8} {'warm ms (range)':>18} {'after a write':>19} {'KiB':>6}")
    for path in [f"/experiments/{experiment}",
                 f"/api/v1/experiments/{experiment}",
                 f"/api/v1/experiments/{experiment}/trials?size=50&sort=-sequenceId",
                 f"/api/v1/experiments/{experiment}/trials?size=50&sort=-finalMetric",
                 f"/api/v1/experiments/{experiment}/trials/changes?after=0&limit=1",
                 f"/api/v1/experiments/{experiment}/charts/finals",
                 f"/api/v1/experiments/{experiment}/charts/finals?top=10",
                 f"/api/v1/experiments/{experiment}/charts/intermediates?points=300",
                 f"/api/v1/experiments/{experiment}/charts/durations",
                 f"/api/v1/experiments/{experiment}/metrics?after=0&limit=1000"]:
        name = path.replace(experiment, "{id}")
        try:
            cold, size = get(path)
            warm = [get(path)[0] for _ in range(WARM)]
            written = [after_write(path) for _ in range(WARM)]
            print(f"{name:<58} {cold:>8.0f} {statistics.median(warm):>6.0f} ({min(warm):>4.0f}–{max(warm):>4.0f}) "
                  f"{statistics.median(written):>6.0f} ({min(written):>4.0f}–{max(written):>5.0f}) {size / 1024:>6.0f}")
        except urllib.error.HTTPError as e:
            print(f"{name:<58} HTTP {e.code}")


def browser_missing():
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is missing (Debian: apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is missing (pip install selenium)"
    return None


class Chromium:
    """One headless Chromium with a fresh profile; every window runs PROBE before the page."""

    def __init__(self, bfcache=False, load_timeout=300):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        self.profile = tempfile.mkdtemp(prefix="tunelab-scale-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        if not bfcache:
            options.add_argument(NO_BFCACHE)
        options.add_argument(f"--user-data-dir={self.profile}")
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(load_timeout)
        self.probe()
        self.version = self.driver.capabilities.get("browserVersion", "?")

    def probe(self):
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})

    def new_window(self):
        self.driver.switch_to.new_window("window")
        self.probe()
        return self.driver.current_window_handle

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def wait(self, expression, timeout=120, what="the page"):
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(f"return {expression};")
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what}: no {expression} after {timeout} s")
            time.sleep(0.02)

    def open(self, url, until=READY, timeout=120):
        """Navigates (from about:blank, so a #hash is a new document too) and waits for `until`."""
        self.driver.get("about:blank")
        self.driver.get(url)
        self.wait(until, timeout, what=url)
        return self.js(TIMINGS)

    def quit(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


def resource(timings, part):
    """The first fetch of the page whose address contains `part`."""
    return next((r for r in timings["resources"] if part in r["name"]), None)


def short(url):
    return url.split("//", 1)[-1].split("/", 1)[-1][:64]


def browser(tunelab, experiment, code, writer):
    page = f"{tunelab.server.base}/experiments/{experiment}"
    chromium = Chromium()
    try:
        print(f"\n2. Chromium {chromium.version} (headless, Selenium, back/forward cache off), against the restarted server")
        experiment_page(chromium, page, writer)
        charts(chromium, page, tunelab.server, experiment)
        latency(chromium, tunelab.server, experiment, code, page)
    finally:
        chromium.quit()
    browsers = memory(tunelab, page)
    try:
        limits(page)
        writer.stop()  # the server leaves running trials running when it stops
        print(f"\nserver stopped {tunelab.stop():.1f} s after SIGTERM, with the {PAGES} pages of 2d open")
    finally:
        for one in browsers:
            one.quit()


def experiment_page(chromium, page, writer):
    progress("2a: experiment page")
    cold = chromium.open(page)
    warm = [chromium.open(page) for _ in range(WARM)]
    written = []
    for _ in range(WARM):
        writer.write()
        written.append(chromium.open(page))
    print(f"\n2a. Experiment page: navigation start to data-ready (table usable; target < 1500 ms), "
          f"{cold['rows']} rows shown, {cold['htmlBytes'] / 1024:.0f} KiB of HTML")
    print(f"{'ms since navigation start':<40} {'cold':>6}  {'warm, median (range)':<26} {'right after a write':<26}")
    for label, key in [("HTML: first byte (server time)", "responseStart"),
                       ("HTML: last byte", "responseEnd"),
                       ("first contentful paint", "fcp"),
                       ("DOMContentLoaded (module has run)", "domContentLoaded"),
                       ("data-ready: table usable", "ready"),
                       ("#live open: change stream connected", "live")]:
        print(f"{label:<40} {spread([cold[key]], ''):>6}  {spread([w[key] for w in warm]):<26} {spread([w[key] for w in written]):<26}")
    verdict(cold["ready"], 1500, "page usable, cold (fresh server, fresh browser)")
    verdict(statistics.median(w["ready"] for w in warm), 1500, "page usable, warm median")
    verdict(statistics.median(w["ready"] for w in written), 1500, "page usable right after a write, median")
    print("  fetches of the cold load (start → end, ms since navigation start):")
    for r in cold["resources"]:
        if "/stream" not in r["name"]:
            print(f"    {short(r['name']):<64} {r['start']:>6.0f} → {r['end']:>6.0f}  ({r['bytes'] / 1024:.0f} KiB)")


def charts(chromium, page, server, experiment):
    progress("2b: charts")
    cold = chromium.open(page + "#charts", CHARTS_DONE)
    warm = [chromium.open(page + "#charts", CHARTS_DONE) for _ in range(WARM)]
    clicked = []
    for _ in range(WARM):
        chromium.open(page)
        chromium.js("window.__bench.click = performance.now(); document.getElementById('tab-charts').click();")
        chromium.wait(CHARTS_DONE, what="charts after a click")
        clicked.append(chromium.js(TIMINGS))
    loads = [cold, *warm, *clicked]
    print(f"\n2b. Charts (target < 1000 ms each), until the last canvas drawing call in the chart: opened at #charts, "
          f"from navigation start; or from a click on the Charts tab")
    print(f"{'chart':<14} {'#charts cold':>12}  {'#charts warm, median (range)':<29} {'click, warm, median (range)':<29} "
          f"data-rendered")
    for name in CHARTS:
        missing = sum(1 for t in loads if t["rendered"][name] is None)
        late = [t["drawn"][name] - t["rendered"][name] for t in loads if t["rendered"][name] is not None]
        note = (f"missing in {missing} of {len(loads)} loads" if missing else "always set") + \
               (f"; last draw − data-rendered {spread(late)}" if late else "")
        print(f"{name:<14} {cold['drawn'][name]:>9.0f} ms  {spread([w['drawn'][name] for w in warm]):<29} "
              f"{spread([c['drawn'][name] - c['click'] for c in clicked]):<29} {note}")
    for name in CHARTS:
        verdict(statistics.median(c["drawn"][name] - c["click"] for c in clicked), 1000, f"chart {name}, click, warm median")
    for name in CHARTS:
        verdict(statistics.median(w["drawn"][name] for w in warm), 1000, f"chart {name}, #charts warm median, from navigation start")
    for name in CHARTS:
        verdict(cold["drawn"][name], 1000, f"chart {name}, #charts cold, from navigation start")
    print("  where the time goes, ms since navigation start, cold; warm median (#charts):")
    print(f"    {'data-ready (the tab is shown and the fetches start)':<54} {cold['ready']:>6.0f}; "
          f"{statistics.median(w['ready'] for w in warm):>6.0f}")
    for part in ["echarts.esm.min.js", "/charts/finals", "/charts/durations", "/charts/intermediates"]:
        c = resource(cold, part)
        ours = [r for r in (resource(w, part) for w in warm) if r]
        if c and ours:
            print(f"    {part + ' received':<54} {c['end']:>6.0f}; {statistics.median(r['end'] for r in ours):>6.0f}   "
                  f"(server {c['wait']:.0f}; {statistics.median(r['wait'] for r in ours):.0f} ms to the first byte, "
                  f"{c['bytes'] / 1024:.0f} KiB)")
    last = [max(r["end"] for r in w["resources"] if "/charts/" in r["name"] or "echarts" in r["name"]) for w in warm]
    print(f"    drawing, from the last fetch to each chart's last draw (warm): "
          + ", ".join(f"{name} {spread([w['drawn'][name] - l for w, l in zip(warm, last)])}" for name in CHARTS))

    best = server.call("GET", f"/api/v1/experiments/{experiment}")["bestTrial"]["trialId"]
    trial_page = f"{page}/trials/{best}"
    until = "document.querySelector('[data-chart=trial-intermediates]').dataset.rendered"
    loads = [chromium.open(trial_page, until) for _ in range(1 + WARM)]
    print(f"  trial page chart ({STEPS} intermediate results), navigation start to data-rendered: first "
          f"{loads[0]['rendered']['trial-intermediates']:.0f} ms, then {spread([t['rendered']['trial-intermediates'] for t in loads[1:]])}")
    chromium.driver.get("about:blank")


def latency(chromium, server, experiment, code, page):
    progress("2c: metric latency")
    with open(os.path.join(code, "hold"), "w") as f:
        f.write("600\n")
    started = time.perf_counter()
    view = server.call("PATCH", f"/api/v1/experiments/{experiment}", {"maxTrialNumber": TRIALS + 2})
    trial, parameter_id = running_trial(server, experiment)
    print(f"\n2c. Metric latency. A PATCH raising maxTrialNumber resumed the experiment (then {view['status']}); "
          f"its trial {trial['sequenceId']} ({trial['trialId']}) ran {time.perf_counter() - started:.2f} s after the PATCH")
    pages = {}
    for name, url, selector in [
        ("experiment page row", page, f"#trials tbody tr[data-trial=\"{trial['trialId']}\"] [data-col=metric]"),
        ("trial page #latest", f"{page}/trials/{trial['trialId']}", "#latest")]:
        handle = chromium.new_window()
        chromium.open(url, "window.__bench && window.__bench.live !== undefined")
        chromium.wait(f"document.querySelector('{selector}')", what=name)
        chromium.js(WATCH, selector)
        pages[name] = handle
    written = []
    for k in range(WRITES):
        value = round(0.2 + 0.0137 * k, 6)
        text = f"{value:.6g}"  # formatNumber's six significant digits
        append_metric(trial, parameter_id, k, value)
        at = time.time() * 1000
        written.append((text, at))
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            done = True
            for handle in pages.values():
                chromium.driver.switch_to.window(handle)
                done &= bool(chromium.js("return window.__seen[arguments[0]] !== undefined;", text))
            if done:
                break
            time.sleep(0.02)
        time.sleep(max(0.0, at / 1000 + 0.5 - time.time()))

    stored = {m["sequence"]: datetime.datetime.fromisoformat(m["reportedAt"].replace("Z", "+00:00")).timestamp() * 1000
              for m in server.call("GET", f"/api/v1/experiments/{experiment}/trials/{trial['trialId']}/metrics?limit=1000")["items"]}
    print(f"  {WRITES} PERIODICAL metrics appended to the trial's .nni/metrics, one every 0.5 s (or once both pages showed "
          f"the last); ms from the write to:")
    to_store = [stored[k] - at for k, (_, at) in enumerate(written) if k in stored]
    print(f"    {'stored by the server (reportedAt)':<36} median {statistics.median(to_store):>4.0f}, "
          f"min {min(to_store):>4.0f}, max {max(to_store):>4.0f}")
    shown_in = {}
    for name, handle in pages.items():
        chromium.driver.switch_to.window(handle)
        seen = chromium.js("return window.__seen;")
        shown = [seen[text] - at for text, at in written if text in seen]
        missing = len(written) - len(shown)
        shown_in[name] = shown
        print(f"    {'shown in the ' + name:<36} median {statistics.median(shown):>4.0f}, min {min(shown):>4.0f}, "
              f"max {max(shown):>4.0f}" + (f", {missing} never shown within 5 s" if missing else ""))
        fetched = [r["end"] - r["start"] for r in chromium.js(TIMINGS)["resources"]
                   if "/metrics?" in r["name"] or "/changes?" in r["name"] or r["name"].endswith(f"/trials/{trial['trialId']}")]
        print(f"    {'':<4}its catch-up fetches (changes, metrics, trial) took {spread(fetched)} each")
        chromium.driver.close()
    chromium.driver.switch_to.window(chromium.driver.window_handles[0])
    for name, shown in shown_in.items():
        verdict(max(shown), 1000, f"metric to the {name}, max of {len(shown)}")
    print("  budget: the server reads running trials' metric files every 200 ms (tunelab.trials.metrics-poll-interval:"
          " 0–200 ms, 100 on average: the 'stored' line); the change stream announces changes every 100 ms (0–100, 50 on"
          " average); the page then fetches what changed after its cursors (the experiment page: trial changes, then new"
          " metrics; the trial page: the trial, then its new metrics) and redraws: about 50–150 ms. Expected 50–450 ms.")

    # The same page while this experiment's trial writes: the database changes between loads.
    loads = []
    for k in range(WRITES, WRITES + WARM):
        append_metric(trial, parameter_id, k, 0.5)
        time.sleep(0.4)
        loads.append(chromium.open(page))
    print(f"  the experiment page while its trial reports (each load 0.4 s after a metric): HTML first byte "
          f"{spread([t['responseStart'] for t in loads])}, data-ready {spread([t['ready'] for t in loads])}")
    chromium.driver.get("about:blank")
    server.call("POST", f"/api/v1/experiments/{experiment}/stop")


def memory(tunelab, page):
    """Opens the pages and leaves them open: returns their browsers."""
    progress("2d: memory")
    pid = tunelab.process.pid
    before_rss = rss_mib(pid)
    before_heap = heap_mib(tunelab.server, pid, collect=True)
    browsers = []
    try:
        started = time.perf_counter()
        ready = []
        for i in range(PAGES):
            if i < BROWSERS:
                browsers.append(Chromium())
            else:
                browsers[i % BROWSERS].new_window()
            ready.append(browsers[i % BROWSERS].open(page)["ready"])
        opened = time.perf_counter() - started
        time.sleep(3)
        with_rss = rss_mib(pid)
        with_heap = heap_mib(tunelab.server, pid, collect=False)
        live_heap = heap_mib(tunelab.server, pid, collect=True)
    except BaseException:
        for one in browsers:
            one.quit()
        raise
    print(f"\n2d. Server memory with {PAGES} experiment pages open in {BROWSERS} browsers (each page ready and its stream "
          f"open; opened one after another in {opened:.1f} s, data-ready {spread(ready)})")
    print(f"  VmRSS of the java process: {before_rss:.0f} MiB before, {with_rss:.0f} MiB with the pages open "
          f"(JVM options: {os.environ.get('BENCH_JVM_ARGS') or 'none'}: the heap grows and shrinks with the collector,"
          " so RSS moves by more than the pages cost)")
    print(f"  heap in use after a full GC: {before_heap:.0f} MiB before, {live_heap:.0f} MiB with the pages open "
          f"({(live_heap - before_heap) / PAGES * 1024:+.0f} KiB a page); before that GC {with_heap:.0f} MiB")
    return browsers


def limits(page):
    """What one browser does when its pages hold more than 6 change streams to the server."""
    progress("2e: one browser's limits")
    from selenium.common.exceptions import TimeoutException
    wait = 15

    def loads(chromium, windows):
        times = []
        for i in range(8):
            if windows and i:
                chromium.new_window()
            try:
                times.append(f"{chromium.open(page, timeout=wait)['ready']:.0f}")
            except (TimeoutException, TimeoutError):
                times.append(f"not ready after {wait} s")
                break
        return ", ".join(times)

    print("\n2e. One browser, 8 experiment pages one after another (ms to data-ready):")
    chromium = Chromium(bfcache=True, load_timeout=wait)
    try:
        print(f"  in one tab, with Chromium's default back/forward cache: {loads(chromium, False)}")
    finally:
        chromium.quit()
    chromium = Chromium(load_timeout=wait)
    try:
        print(f"  each in a new window, every page left open: {loads(chromium, True)}")
    finally:
        chromium.quit()
    print("  Chromium opens at most 6 HTTP/1.1 connections to one host and port. Every dashboard tab of a browser"
          " shares one change stream through a SharedWorker, and a page in the back/forward cache lets go of it, so"
          " all 8 pages should load; a 'not ready' here means pages hold a connection each again."
          f" 2a–2d run without the cache, and 2d spreads its {PAGES} pages over {BROWSERS} browsers.")


if __name__ == "__main__":
    main()
