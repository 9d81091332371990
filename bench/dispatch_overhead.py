"""How much time Tunelab adds per trial, against xargs running the same commands.

200 trials at concurrency 2, submitted over REST, timed from submission to DONE (the server's
own submittedAt/endedAt, so client polling does not count), against `xargs -P2 -n1 bash -c` for
the same 200 commands. Target: at most 1.1 times xargs for `sleep 0.1`.

Measured twice: on a freshly started server (its first experiment, while the JIT compiler still
works on the hot paths), and in the steady state of a server that has run 800 trials, which is
what a server that runs for weeks sees.

    python3 bench/dispatch_overhead.py [trials]
"""
import datetime
import os
import subprocess
import sys
import tempfile
import time

from _server import running_server

TRIALS = int(sys.argv[1]) if len(sys.argv) > 1 else 200


def xargs_seconds(command):
    start = time.perf_counter()
    subprocess.run(["xargs", "-P2", "-n1", "bash", "-c"], input=("'" + command + "'\n") * TRIALS,
                   text=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def parse(instant):
    return datetime.datetime.fromisoformat(instant.replace("Z", "+00:00"))


def tunelab_seconds(server, command, code):
    config = {
        "experimentName": f"bench {command}",
        "searchSpace": {"x": {"_type": "randint", "_value": [0, 1_000_000_000]}},
        "trialCommand": command,
        "trialCodeDirectory": code,
        "trialConcurrency": 2,
        "maxTrialNumber": TRIALS,
        "tuner": {"name": "Random", "classArgs": {"seed": 1}},
    }
    created = server.call("POST", "/api/v1/experiments", config)
    done = server.wait_for(created["id"], {"DONE", "ERROR", "STOPPED"})
    assert done["status"] == "DONE" and done["trialCounts"].get("SUCCEEDED") == TRIALS, done
    return (parse(done["endedAt"]) - parse(done["submittedAt"])).total_seconds()


def main():
    code = tempfile.mkdtemp(prefix="tunelab-bench-code-")
    print(f"{TRIALS} trials at concurrency 2 ({os.cpu_count()} CPUs)")
    print(f"{'server':<14} {'command':<10} {'xargs s':>8} {'Tunelab s':>10} {'ratio':>6} {'overhead/trial ms':>18}")
    with running_server() as (server, _):
        report(server, code, "fresh", "sleep 0.1")
        for _ in range(4):
            tunelab_seconds(server, "true", code)
        for command in ["sleep 0.1", "true"]:
            report(server, code, "steady state", command)


def report(server, code, label, command):
    baseline = xargs_seconds(command)
    measured = tunelab_seconds(server, command, code)
    per_trial = (measured - baseline) / TRIALS * 2 * 1000  # two slots run side by side
    print(f"{label:<14} {command:<10} {baseline:>8.2f} {measured:>10.2f} {measured / baseline:>6.3f} {per_trial:>18.1f}")


if __name__ == "__main__":
    main()
