"""Starts a Tunelab server from the built jar for a benchmark, on a free port with a fresh home."""
import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def jar():
    """The built jar, building it first when there is none."""
    jars = [j for j in glob.glob(os.path.join(REPOSITORY, "target", "tunelab-*.jar")) if not j.endswith("-plain.jar")]
    if not jars:
        subprocess.run(["./mvnw", "-B", "-q", "-ntp", "-DskipTests", "package"], cwd=REPOSITORY, check=True)
        return jar()
    return jars[0]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, content_type="application/json"):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", content_type)
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"null")

    def wait_for(self, experiment_id, statuses, poll=0.2, timeout=600):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            experiment = self.call("GET", f"/api/v1/experiments/{experiment_id}")
            if experiment["status"] in statuses:
                return experiment
            time.sleep(poll)
        raise TimeoutError(f"experiment {experiment_id} did not reach {statuses}")


@contextlib.contextmanager
def running_server(*extra_args):
    home = tempfile.mkdtemp(prefix="tunelab-bench-")
    port = free_port()
    log = open(os.path.join(home, "server.log"), "w")
    process = subprocess.Popen(
        ["java", *os.environ.get("BENCH_JVM_ARGS", "").split(), "-jar", jar(), f"--server.port={port}", f"--tunelab.home={home}", *extra_args],
        stdout=log, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}")
    try:
        for _ in range(600):
            try:
                server.call("GET", "/actuator/health")
                break
            except OSError:
                time.sleep(0.1)
        yield server, home
    finally:
        process.terminate()
        process.wait(30)
        log.close()
        shutil.rmtree(home, ignore_errors=True)
