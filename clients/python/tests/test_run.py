"""``run()`` around the experiment: finding or starting a server, Ctrl-C, a missing server."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import live
import tunelab._server
import tunelab.experiment
from live import SPACE, LiveServer, free_port, trial_environment, write_trial
from tunelab import Experiment
from tunelab.errors import ServerUnavailableError

PROGRAM = """
import sys
from tunelab import Experiment
experiment = Experiment('local')
experiment.config.experiment_name = 'launched'
experiment.config.tuner.name = 'Random'
experiment.config.search_space = {space}
experiment.config.trial_command = 'python3 trial.py'
experiment.config.trial_code_directory = {folder!r}
experiment.config.trial_concurrency = 1
experiment.config.max_trial_number = {trials}
print('result', experiment.run({port}), flush=True)
"""


def program(folder: Path, port: int, trials: int) -> str:
    return PROGRAM.format(space=json.dumps(SPACE), folder=str(folder), port=port, trials=trials)


def test_run_starts_a_server_when_none_answers_and_stops_it_at_exit(tmp_path: Path) -> None:
    jar = live.find_jar()
    if jar is None:
        pytest.skip("no Tunelab jar in target/ to start")
    port = free_port()
    env = {**trial_environment(), "TUNELAB_SERVER_JAR": str(jar), "TUNELAB_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", program(write_trial(tmp_path / "code"), port, 1)], env=env,
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"No Tunelab server answers on port {port}; starting {jar}" in result.stdout
    assert "result True" in result.stdout
    assert f"Stopped the Tunelab server this program started on port {port}" in result.stdout
    assert (tmp_path / "home" / "logs" / f"server-{port}.log").is_file()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "the server should be gone"


def test_without_server_or_jar_run_fails_at_once_saying_how_to_start_one(
        no_server_variables: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tunelab._server, "search_roots", lambda: [tmp_path])
    port = free_port()
    with pytest.raises(ServerUnavailableError) as missing:
        Experiment("local").run(port)
    message = str(missing.value)
    assert f"No Tunelab server answers at http://127.0.0.1:{port} (connection refused)" in message
    assert "No server jar was found" in message and "./mvnw spring-boot:run" in message
    assert "TUNELAB_SERVER_JAR" in message


def test_tunelab_url_names_a_missing_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUNELAB_URL", f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ServerUnavailableError, match=r"named by \$TUNELAB_URL"):
        Experiment.connect()


def test_ctrl_c_stops_the_experiment_and_run_returns_false(server: LiveServer, tmp_path: Path) -> None:
    folder = write_trial(tmp_path, hold=True)
    process = subprocess.Popen([sys.executable, "-c", program(folder, server.port, 3)], env=trial_environment(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "started on the Tunelab server" in first, first + process.stderr.read()
        experiment_id = first.split()[1]
        server.wait_until(lambda: server.experiment(experiment_id)["trialCounts"].get("RUNNING"), "a running trial")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, out + err
    assert f"Ctrl-C: stopping experiment {experiment_id}" in out and "result False" in out
    view = server.experiment(experiment_id)
    assert view["status"] == "STOPPED" and view["trialCounts"] == {"USER_CANCELED": 1}


class FlakyApi:
    """Answers like a server that is restarting: away twice, then back."""

    def __init__(self) -> None:
        self.calls = 0

    def get(self) -> dict:
        self.calls += 1
        if self.calls <= 2:
            raise ServerUnavailableError("No Tunelab server answers at http://127.0.0.1:1 (connection refused).")
        return {"id": "abc", "status": "DONE", "trialCounts": {}, "config": {}}


def test_waiting_survives_a_server_restart(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tunelab.experiment, "POLL_INTERVAL", 0.01)
    experiment = Experiment("local")
    experiment.id, experiment.url = "abc", "http://127.0.0.1:1"
    api = FlakyApi()
    monkeypatch.setattr(experiment, "_api", lambda: api)
    assert experiment._wait_completion() is True
    assert api.calls == 3
    assert "Lost the Tunelab server at http://127.0.0.1:1; asking again" in capsys.readouterr().out
