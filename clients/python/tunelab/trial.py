"""Tunelab's trial SDK: NNI's trial API (``nni.get_next_parameter`` ...) under the same names and meanings.

Inside an experiment (``NNI_PLATFORM`` set and not ``unittest``) the trial reads its parameters
from ``$NNI_SYS_DIR/parameter.cfg`` and appends metrics to ``$NNI_SYS_DIR/.nni/metrics`` exactly
as NNI's SDK does. Outside one it runs standalone for local debugging: ``get_next_parameter()``
returns ``{}`` and results are printed to stdout.

The environment is read on the first call, not at import. All functions are thread-safe.
"""

from __future__ import annotations

import json
import os
import threading
import warnings
from typing import Any, Optional

from . import _protocol
from ._protocol import Metric, ParameterRecord, TrialEnvironment

__all__ = [
    "get_next_parameter",
    "get_next_parameters",
    "get_current_parameter",
    "report_intermediate_result",
    "report_final_result",
    "get_experiment_id",
    "get_trial_id",
    "get_sequence_id",
]


class _Trial:
    """The state of this process's trial: its environment, parameter record and metric counters."""

    def __init__(self, env: TrialEnvironment) -> None:
        self.env = env
        self.lock = threading.Lock()
        self.record: Optional[ParameterRecord] = None
        self.next_sequence = 0
        self.final_reported = False
        self._metrics: Optional[_protocol.MetricFile] = None

    def send(self, metric_type: str, sequence: int, value_text: str, caller: str) -> None:
        """Writes one metric frame, or prints it when standalone. The caller holds ``lock``."""
        if not self.env.in_experiment:
            _print_standalone(metric_type, sequence, value_text)
            return
        if self.record is None:
            raise RuntimeError(f"Call tunelab.get_next_parameter() before {caller}(): the metric "
                               "must carry the parameter_id of the parameters this trial runs.")
        payload = _protocol.metric_json(self.record.get("parameter_id"), self.env.trial_job_id,
                                        metric_type, sequence, value_text)
        frame = _protocol.encode_frame(payload)
        if self._metrics is None:
            self._metrics = _protocol.MetricFile(self.env.require_sys_dir())
        self._metrics.append(frame)

    def close(self) -> None:
        """Closes the metrics file (tests use this; a trial never needs to)."""
        if self._metrics is not None:
            self._metrics.close()


_trial: Optional[_Trial] = None
_trial_lock = threading.Lock()


def _current() -> _Trial:
    global _trial
    trial = _trial
    if trial is None:
        with _trial_lock:
            if _trial is None:
                _trial = _Trial(TrialEnvironment.from_environ(os.environ))
            trial = _trial
    return trial


def _print_standalone(metric_type: str, sequence: int, value_text: str) -> None:
    if value_text.startswith("{"):
        # The wire form escapes non-ASCII (as NNI's does); a person reads the characters better.
        value_text = json.dumps(json.loads(value_text), ensure_ascii=False)
    if metric_type == "FINAL":
        print(f"[tunelab] final result: {value_text}", flush=True)
    else:
        print(f"[tunelab] intermediate result #{sequence}: {value_text}", flush=True)


def get_next_parameter() -> Any:
    """Returns the hyper-parameters the tuner chose for this trial (``record["parameters"]``).

    Call it once, before reporting. Inside an experiment it reads ``$NNI_SYS_DIR/parameter.cfg``
    and raises FileNotFoundError at once if the file is missing; a second call returns ``None``
    (as NNI's does; a trial gets one parameter set) and warns, and reports keep using the first
    record's ``parameter_id``. Standalone it returns ``{}`` on every call and warns, as NNI's does.
    """
    trial = _current()
    with trial.lock:
        if not trial.env.in_experiment:
            warnings.warn("tunelab: running without an experiment (NNI_PLATFORM is not set), so "
                          "get_next_parameter() returns {} and results are printed.",
                          RuntimeWarning, stacklevel=2)
            trial.record = {"parameter_id": None, "parameters": {}}
            return trial.record["parameters"]
        if trial.record is not None:
            warnings.warn("tunelab.get_next_parameter() was already called: a trial receives one "
                          "parameter set, so this call returns None. Use get_current_parameter().",
                          RuntimeWarning, stacklevel=2)
            return None
        trial.record = _protocol.read_parameter_record(trial.env.require_sys_dir())
        return trial.record["parameters"]


def get_next_parameters() -> Any:
    """Alias of :func:`get_next_parameter`, as in NNI."""
    return get_next_parameter()


def get_current_parameter(tag: Optional[str] = None) -> Any:
    """Returns the parameters the last :func:`get_next_parameter` gave, or ``parameters[tag]``.

    Returns ``None`` before :func:`get_next_parameter` was called; raises KeyError for an unknown tag.
    """
    record = _current().record
    if record is None:
        return None
    if tag is None:
        return record["parameters"]
    return record["parameters"][tag]


def report_intermediate_result(metric: Metric) -> None:
    """Reports a per-epoch (or per-step) result: a metric of type ``PERIODICAL``.

    ``metric`` is a number or a dict whose ``"default"`` is the number that counts (other keys
    are shown in the dashboard). Sequence numbers run 0, 1, 2 ... per process; a report that
    raises does not use one up. Raises TypeError for other metrics, ValueError when the encoded
    metric reaches 1,000,000 bytes, RuntimeError when called inside an experiment before
    :func:`get_next_parameter`. The frame is flushed to the operating system before this returns.
    """
    value_text = _protocol.encode_metric_value(metric, "report_intermediate_result")
    trial = _current()
    with trial.lock:
        sequence = trial.next_sequence
        trial.send("PERIODICAL", sequence, value_text, "report_intermediate_result")
        trial.next_sequence = sequence + 1


def report_final_result(metric: Metric) -> None:
    """Reports the trial's result, the one the tuner learns from: type ``FINAL``, sequence 0.

    Accepts and raises as :func:`report_intermediate_result`. Call it once: the server keeps the
    first final result, so a second call warns (and is written anyway, as NNI does).
    """
    value_text = _protocol.encode_metric_value(metric, "report_final_result")
    trial = _current()
    with trial.lock:
        if trial.final_reported:
            warnings.warn("tunelab.report_final_result() was already called; Tunelab keeps the "
                          "first final result of a trial and ignores this one.",
                          RuntimeWarning, stacklevel=2)
        trial.send("FINAL", 0, value_text, "report_final_result")
        trial.final_reported = True


def get_experiment_id() -> str:
    """The experiment id (``NNI_EXP_ID``), or ``"STANDALONE"`` outside an experiment."""
    return _current().env.experiment_id


def get_trial_id() -> str:
    """This trial's id (``NNI_TRIAL_JOB_ID``, "ID" in the dashboard), or ``"STANDALONE"``."""
    return _current().env.trial_id


def get_sequence_id() -> int:
    """This trial's sequence number (``NNI_TRIAL_SEQ_ID``, "Trial No."), or 0 when not set."""
    return _current().env.sequence_id
