"""How quickly the Python client acts on a warm server. Prints numbers; asserts nothing.

1. ``tunelab create --config exp.yml`` to the first trial running: from the moment the command is
   launched (a new Python process, as a user types it) to the first trial's ``startedAt``.
   Target: under 1 s.
2. ``Experiment.run()`` noticing the end: from the experiment's ``endedAt`` on the server to
   ``run()`` returning. Target: under 1 s (NNI polls every 10 s).

Both use the server's timestamps and this machine's clock, which are the same clock. The server is
started from the built jar on a free port with a fresh home and warmed up with a few experiments
first. Usage: ``python3 bench/client_latency.py [repetitions]`` (default 10).
"""
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime

from _server import REPOSITORY, running_server

sys.path.insert(0, os.path.join(REPOSITORY, "clients", "python"))
from tunelab import Experiment  # noqa: E402

CONFIG = """experimentName: latency
searchSpace: {{x: {{_type: uniform, _value: [0, 1]}}}}
trialCommand: {command}
trialConcurrency: 1
maxTrialNumber: 1
tuner: {{name: Random}}
"""


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def create_to_first_trial(server, folder, repetitions):
    config = os.path.join(folder, "exp.yml")
    with open(config, "w") as file:
        file.write(CONFIG.format(command="sleep 30"))
    env = {**os.environ, "PYTHONPATH": os.path.join(REPOSITORY, "clients", "python")}
    latencies, command_times = [], []
    for _ in range(repetitions):
        launched = time.time()
        out = subprocess.run([sys.executable, "-m", "tunelab", "create", "--config", config, "--url", server.base],
                             env=env, capture_output=True, text=True, check=True).stdout
        command_times.append(time.time() - launched)
        experiment = out.split()[1]
        while True:
            trials = server.call("GET", f"/api/v1/experiments/{experiment}/trials")["items"]
            if trials and trials[0]["startedAt"]:
                latencies.append(instant(trials[0]["startedAt"]) - launched)
                break
            time.sleep(0.01)
        server.call("POST", f"/api/v1/experiments/{experiment}/stop")
    return latencies, command_times


def run_notices_the_end(server, folder, repetitions):
    port = int(server.base.rsplit(":", 1)[1])
    latencies = []
    for _ in range(repetitions):
        experiment = Experiment("local")
        experiment._output = io.StringIO()  # keep the progress lines out of the report
        experiment.config.tuner.name = "Random"
        experiment.config.search_space = {"x": {"_type": "uniform", "_value": [0, 1]}}
        # A random length, so the end falls anywhere between two polls.
        experiment.config.trial_command = "sleep 0.$((RANDOM % 900 + 100))"
        experiment.config.trial_code_directory = folder
        experiment.config.trial_concurrency = 1
        experiment.config.max_trial_number = 1
        assert experiment.run(port)
        returned = time.time()
        ended = server.call("GET", f"/api/v1/experiments/{experiment.id}")["endedAt"]
        latencies.append(returned - instant(ended))
    return latencies


def report(name, values):
    values_ms = sorted(v * 1000 for v in values)
    print(f"{name}: median {statistics.median(values_ms):.0f} ms, mean {statistics.mean(values_ms):.0f} ms, "
          f"max {values_ms[-1]:.0f} ms, min {values_ms[0]:.0f} ms ({len(values_ms)} runs)")


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    os.environ.pop("TUNELAB_URL", None)
    with running_server() as (server, _home), tempfile.TemporaryDirectory() as folder:
        create_to_first_trial(server, folder, 5)  # warm-up: JIT, connection pools, page cache
        run_notices_the_end(server, folder, 2)
        latencies, command_times = create_to_first_trial(server, folder, repetitions)
        report("tunelab create -> first trial running", latencies)
        report("  of which the tunelab command itself (process start to exit)", command_times)
        report("Experiment.run() noticing the end (server endedAt -> run() returns)",
               run_notices_the_end(server, folder, repetitions))


if __name__ == "__main__":
    main()
