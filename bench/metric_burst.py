"""How soon a flood of metrics is stored and queryable.

One trial writes 100,000 intermediate results as fast as it can (Tunelab's SDK), then a final
one, and exits. Reported: how long the trial took to write them, and how long after it exited
(the exit time its wrapper recorded in .nni/state) every one of them could be read over REST.
The burst runs twice: on a freshly started server (cold JIT) and again on the same server.
Target: at most 2 s.

    python3 bench/metric_burst.py [metrics]
"""
import os
import sys
import tempfile
import time

from _server import REPOSITORY, running_server

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000

TRIAL = f"""
import time, tunelab
tunelab.get_next_parameter()
start = time.time()
for i in range({COUNT}):
    tunelab.report_intermediate_result(i / {COUNT})
tunelab.report_final_result(1.0)
print(f"wrote {COUNT} metrics in {{time.time() - start:.2f}} s")
"""


def main():
    code = tempfile.mkdtemp(prefix="tunelab-bench-code-")
    with open(os.path.join(code, "flood.py"), "w") as f:
        f.write(TRIAL)
    sdk = os.path.join(REPOSITORY, "clients", "python")
    with running_server() as (server, _):
        for run in ("fresh server", "second burst"):
            burst(server, code, sdk, run)


def burst(server, code, sdk, run):
    created = server.call("POST", "/api/v1/experiments", {
        "searchSpace": {"x": {"_type": "uniform", "_value": [0, 1]}},
        "trialCommand": f"PYTHONPATH={sdk} python3 flood.py",
        "trialCodeDirectory": code,
        "trialConcurrency": 1,
        "maxTrialNumber": 1,
        "tuner": {"name": "Random"},
    })
    experiment_id = created["id"]
    trial = None
    while trial is None or trial["metricCount"] < COUNT + 1:
        time.sleep(0.02)
        trial = server.call("GET", f"/api/v1/experiments/{experiment_id}/trials")["items"][0]
    stored_at = time.time()
    with open(os.path.join(trial["directory"], ".nni", "state")) as f:
        exited_at = int(f.read().split()[1]) / 1000
    with open(os.path.join(trial["directory"], "stdout")) as f:
        wrote = f.read().strip()
    last = server.call("GET", f"/api/v1/experiments/{experiment_id}/trials/{trial['trialId']}/metrics?after={COUNT - 2}")
    assert [m["sequence"] for m in last["items"]] == [COUNT - 1], last
    print(f"{run}: {wrote}; all {trial['metricCount']} stored and queryable"
          f" {stored_at - exited_at:.2f} s after the trial exited")

if __name__ == "__main__":
    main()
