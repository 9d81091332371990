"""Shared fixtures: a live Tunelab server (see ``live.py``), a trial folder laid out as Tunelab's
local executor lays it, and a frame parser.

The parser is written from NNI's description of the format, independently of ``tunelab._protocol``,
so a bug in the SDK's framing cannot hide behind the same bug in the test.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import live
import tunelab.trial

TRIAL_ENV_VARS = ("NNI_PLATFORM", "NNI_EXP_ID", "NNI_TRIAL_JOB_ID", "NNI_SYS_DIR", "NNI_OUTPUT_DIR",
                  "NNI_TRIAL_SEQ_ID", "NNI_CODE_DIR", "NNI_TRIAL_COMMAND_CHANNEL", "MULTI_PHASE",
                  "REUSE_MODE")


@pytest.fixture(scope="session")
def server() -> Iterator[live.LiveServer]:
    """The Tunelab jar of this repository, started once for the session on a free port."""
    try:
        started = live.start_server()
    except FileNotFoundError as missing:
        pytest.skip(f"The live tests need the Tunelab server jar: {missing}.")
    yield started
    live.stop_server(started)


@pytest.fixture
def no_server_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keeps TUNELAB_URL and friends of the developer's shell out of the test."""
    for name in ("TUNELAB_URL", "TUNELAB_SERVER_JAR", "TUNELAB_HOME"):
        monkeypatch.delenv(name, raising=False)


@dataclass(frozen=True)
class Frame:
    raw: bytes
    record: Dict[str, Any]

    @property
    def value(self) -> Any:
        """The metric's value, decoded from the JSON text inside the record."""
        return json.loads(self.record["value"])


def parse_frames(data: bytes) -> List[Frame]:
    """Splits ``.nni/metrics`` into frames; fails the test on any malformed or partial frame."""
    frames = []
    offset = 0
    while offset < len(data):
        assert data[offset:offset + 2] == b"ME", f"no frame marker at byte {offset}"
        digits = data[offset + 2:offset + 8]
        assert len(digits) == 6 and digits.isdigit(), f"bad length field {digits!r} at byte {offset}"
        end = offset + 8 + int(digits)
        assert end <= len(data), f"partial frame at byte {offset}"
        payload = data[offset + 8:end]
        assert payload.endswith(b"\n") and payload.count(b"\n") == 1, "payload must end in one newline"
        frames.append(Frame(data[offset:end], json.loads(payload.decode("utf-8"))))
        offset = end
    return frames


@dataclass
class TrialFolder:
    path: Path

    @property
    def metrics_path(self) -> Path:
        return self.path / ".nni" / "metrics"

    def write_parameters(self, record: Dict[str, Any]) -> None:
        (self.path / "parameter.cfg").write_text(json.dumps(record), encoding="utf-8")

    def metrics_bytes(self) -> bytes:
        return self.metrics_path.read_bytes()

    def frames(self) -> List[Frame]:
        return parse_frames(self.metrics_bytes())


@pytest.fixture
def fresh_sdk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Makes the SDK read the environment again on its next call, and closes its file afterwards."""
    monkeypatch.setattr(tunelab.trial, "_trial", None)
    yield
    if tunelab.trial._trial is not None:
        tunelab.trial._trial.close()


@pytest.fixture
def standalone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_sdk: None) -> Path:
    """No NNI variables, a fresh SDK state, and an empty working directory (returned)."""
    for name in TRIAL_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def trial(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_sdk: None) -> TrialFolder:
    """A trial folder with ``parameter.cfg`` (parameter_id 7) and an empty ``.nni/metrics``,
    the environment Tunelab gives a trial, and a fresh SDK state."""
    folder = TrialFolder(tmp_path / "trials" / "Xy3kQ")
    (folder.path / ".nni").mkdir(parents=True)
    folder.metrics_path.write_bytes(b"")
    folder.write_parameters({"parameter_id": 7, "parameter_source": "algorithm",
                             "parameters": {"lr": 0.01, "batch_size": 64}, "parameter_index": 0})
    for name in TRIAL_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    for name, value in trial_environment(folder.path).items():
        monkeypatch.setenv(name, value)
    return folder


def trial_environment(folder: Path) -> Dict[str, str]:
    """The variables Tunelab's local executor sets for trial ``Xy3kQ`` of experiment ``exp12345``."""
    return {"NNI_PLATFORM": "local", "NNI_EXP_ID": "exp12345", "NNI_TRIAL_JOB_ID": "Xy3kQ",
            "NNI_SYS_DIR": str(folder), "NNI_OUTPUT_DIR": str(folder), "NNI_TRIAL_SEQ_ID": "3",
            "NNI_CODE_DIR": os.getcwd()}
