"""A real Tunelab server for the client's tests: the jar built in this repository, on a free port,
with a fresh home folder, started once per test session.

Trials it runs use this interpreter (its folder leads PATH, so ``python3`` is this Python) and find
this checkout's ``tunelab`` package through PYTHONPATH. Its ``nvidia-smi`` is a fake that replays
the repository's recorded H100 output for two idle GPUs, so GPU configs are scheduled for real.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, Optional

CLIENT_ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = CLIENT_ROOT.parents[1]

#: A trial that reports half its x, then waits while a file named ``hold`` is in its folder, then
#: reports ``{"default": x, "half": x / 2}`` and prints a line on stdout and on stderr.
TRIAL = """
import os, sys, time
import tunelab
params = tunelab.get_next_parameter()
tunelab.report_intermediate_result(params["x"] / 2)
deadline = time.time() + 120
while os.path.exists("hold") and time.time() < deadline:
    time.sleep(0.05)
tunelab.report_final_result({"default": params["x"], "half": params["x"] / 2})
print("trial done", params["x"])
print("to stderr", file=sys.stderr)
"""
SPACE = {"x": {"_type": "uniform", "_value": [0, 1]}}
FAKE_NVIDIA_SMI = """#!/bin/bash
case "$*" in
  *--query-gpu=*) cat "$(dirname "$0")/gpus.csv" ;;
  *--query-compute-apps=*) ;;
  *) echo "fake nvidia-smi: unsupported arguments: $*" >&2; exit 2 ;;
esac
"""


def find_jar() -> Optional[Path]:
    jars = [jar for jar in (REPOSITORY / "target").glob("tunelab-*.jar") if not jar.name.endswith("-plain.jar")]
    return max(jars, key=lambda jar: jar.stat().st_mtime) if jars else None


def build_jar() -> Optional[Path]:
    """Builds the jar (offline first, the way CI's local repository allows) when there is none."""
    for offline in (["-o"], []):
        result = subprocess.run(["./mvnw", "-B", "-q", "-ntp", *offline, "-DskipTests", "package"],
                                cwd=REPOSITORY, capture_output=True, text=True)
        if result.returncode == 0 and find_jar():
            return find_jar()
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def trial_environment() -> Dict[str, str]:
    """The environment for processes that run trials: this Python first, this checkout importable."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NNI_", "TUNELAB_"))}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLIENT_ROOT), env.get("PYTHONPATH")]))
    return env


@dataclass
class LiveServer:
    """A started server; ``call`` is a bare HTTP client, independent of the code under test."""

    port: int
    home: Path
    process: "subprocess.Popen[bytes]"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def experiment(self, experiment_id: str) -> Dict[str, Any]:
        return self.call("GET", f"/api/v1/experiments/{experiment_id}")

    def trials(self, experiment_id: str) -> list:
        return self.call("GET", f"/api/v1/experiments/{experiment_id}/trials?size=1000")["items"]

    def wait_for(self, experiment_id: str, statuses: Iterable[str], timeout: float = 90) -> Dict[str, Any]:
        """Polls until the experiment has one of ``statuses``; fails the test after ``timeout``."""
        wanted = set(statuses)
        deadline = time.monotonic() + timeout
        while True:
            view = self.experiment(experiment_id)
            if view["status"] in wanted:
                return view
            assert time.monotonic() < deadline, f"experiment stayed {view['status']}, wanted {wanted}"
            time.sleep(0.1)

    def wait_until(self, condition: Any, what: str, timeout: float = 90) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            time.sleep(0.1)


def start_server() -> LiveServer:
    jar = find_jar() or build_jar()
    if jar is None:
        raise FileNotFoundError("no Tunelab jar in target/, and `./mvnw -DskipTests package` could not build one")
    home = Path(tempfile.mkdtemp(prefix="tunelab-pytest-"))
    nvidia_smi = fake_nvidia_smi(home / "gpus", count=2)
    port = free_port()
    log = open(home / "server.log", "wb")
    process = subprocess.Popen(
        ["java", "-jar", str(jar), f"--server.port={port}", f"--tunelab.home={home}",
         "--tunelab.trials.max-failures-before-any-success=3", "--tunelab.trials.kill-grace=2s",
         f"--tunelab.gpus.nvidia-smi={nvidia_smi}"],
        stdout=log, stderr=subprocess.STDOUT, env=trial_environment(), cwd=str(home))
    log.close()
    server = LiveServer(port, home, process)
    deadline = time.monotonic() + 180
    while True:
        try:
            if server.call("GET", "/actuator/health").get("status") == "UP":
                return server
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop_server(server)
            raise RuntimeError(f"the Tunelab server did not start; see {home / 'server.log'}:\n"
                               + (home / "server.log").read_text(errors="replace")[-3000:])
        time.sleep(0.1)


def fake_nvidia_smi(folder: Path, count: int) -> Path:
    """An nvidia-smi printing ``count`` idle H100s, from the output recorded in the repository."""
    recorded = REPOSITORY / "src" / "test" / "resources" / "nvidia-smi" / "h100-80gb" / "query-gpu-idle-noheader-nounits.csv"
    columns = recorded.read_text().strip().split(", ")
    folder.mkdir(parents=True)
    rows = [", ".join([str(index), f"GPU-00000000-0000-0000-0000-00000000000{index}", *columns[2:]])
            for index in range(count)]
    (folder / "gpus.csv").write_text("\n".join(rows) + "\n")
    command = folder / "nvidia-smi"
    command.write_text(FAKE_NVIDIA_SMI)
    command.chmod(0o755)
    return command


def stop_server(server: LiveServer) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    shutil.rmtree(server.home, ignore_errors=True)


def write_trial(folder: Path, hold: bool = False) -> Path:
    """Writes :data:`TRIAL` as ``trial.py`` in ``folder`` (and the ``hold`` file when asked)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "trial.py").write_text(TRIAL)
    if hold:
        (folder / "hold").write_text("")
    return folder
