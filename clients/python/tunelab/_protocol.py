"""NNI's trial file protocol, as Tunelab's local executor speaks it. Private: use ``tunelab.trial``.

A trial launched by Tunelab finds its parameter record in ``$NNI_SYS_DIR/parameter.cfg`` and
appends its metrics to ``$NNI_SYS_DIR/.nni/metrics`` as frames::

    b"ME" + b"%06d" % len(payload) + payload      # payload = UTF-8 JSON + b"\\n"

Every byte written here is the byte NNI's own SDK writes (NNI 3.0,
``nni/runtime/trial_command_channel/local_legacy.py`` and ``nni/trial.py``), so the server cannot
tell a Tunelab trial from an ``import nni`` trial.
"""

from __future__ import annotations

import json
import math
import numbers
import os
from dataclasses import dataclass
from typing import IO, Any, Dict, Mapping, Optional, Union

PARAMETER_FILE_NAME = "parameter.cfg"
METRICS_DIR_NAME = ".nni"
METRICS_FILE_NAME = "metrics"
#: Exclusive limit on a frame's payload (JSON + newline) in bytes; the length field has 6 digits.
MAX_PAYLOAD_BYTES = 1_000_000
#: What NNI returns for the experiment id and trial id outside an experiment.
STANDALONE_ID = "STANDALONE"

ParameterRecord = Dict[str, Any]
Metric = Union[int, float, Dict[str, Any]]


@dataclass(frozen=True)
class TrialEnvironment:
    """The ``NNI_*`` variables a trial is started with, read once.

    ``platform`` and ``trial_job_id`` are the raw values (``None`` when unset): the metric JSON
    carries ``trial_job_id`` verbatim, as NNI's does.
    """

    platform: Optional[str]
    experiment_id: str
    trial_job_id: Optional[str]
    sys_dir: Optional[str]
    sequence_id: int

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "TrialEnvironment":
        """Reads the variables NNI's SDK reads; raises ValueError if ``NNI_TRIAL_SEQ_ID`` is not an integer."""
        return cls(
            platform=environ.get("NNI_PLATFORM") or None,
            experiment_id=environ.get("NNI_EXP_ID") or STANDALONE_ID,
            trial_job_id=environ.get("NNI_TRIAL_JOB_ID"),
            sys_dir=environ.get("NNI_SYS_DIR") or None,
            sequence_id=_parse_sequence_id(environ.get("NNI_TRIAL_SEQ_ID")),
        )

    @property
    def in_experiment(self) -> bool:
        """True when an experiment launched this process (NNI_PLATFORM set and not ``unittest``)."""
        return self.platform is not None and self.platform != "unittest"

    @property
    def trial_id(self) -> str:
        """The trial id, or ``STANDALONE`` outside an experiment."""
        return self.trial_job_id or STANDALONE_ID

    def require_sys_dir(self) -> str:
        """The trial folder; raises RuntimeError when an experiment forgot to say where it is."""
        if self.sys_dir is None:
            raise RuntimeError(
                f"NNI_PLATFORM is {self.platform!r} but NNI_SYS_DIR is not set, so tunelab cannot "
                "find parameter.cfg or .nni/metrics. Unset NNI_PLATFORM to debug the trial locally."
            )
        return self.sys_dir


def _parse_sequence_id(raw: Optional[str]) -> int:
    if raw is None:
        return 0  # NNI 3.0's value when the variable is absent
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"NNI_TRIAL_SEQ_ID must be an integer, got {raw!r}.") from None


def read_parameter_record(sys_dir: str) -> ParameterRecord:
    """Reads ``<sys_dir>/parameter.cfg`` and returns the whole record (``parameters``, ``parameter_id`` ...).

    Tunelab writes the file before it starts the trial, so a missing file fails at once with
    FileNotFoundError (NNI's SDK would instead ask for parameters and poll every 3 s forever).
    An empty or malformed file raises ValueError.
    """
    path = os.path.join(sys_dir, PARAMETER_FILE_NAME)
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} does not exist. Tunelab writes parameter.cfg before it starts a trial, so this "
            "process was not launched by Tunelab for this folder (check NNI_SYS_DIR), or the file "
            "was deleted. Unset NNI_PLATFORM to debug the trial locally."
        ) from None
    return _parse_parameter_record(text, path)


def _parse_parameter_record(text: str, path: str) -> ParameterRecord:
    try:
        record = json.loads(text)
    except ValueError as error:
        raise ValueError(f"{path} is not valid JSON ({error}); expected a parameter record "
                         '{"parameter_id": ..., "parameters": {...}}.') from None
    if not isinstance(record, dict) or "parameters" not in record:
        raise ValueError(f"{path} holds no parameter record: expected a JSON object with a "
                         f'"parameters" key, got {text[:200]!r}.')
    return record


def encode_metric_value(metric: object, caller: str) -> str:
    """Checks a reported metric and returns the JSON text NNI stores as the metric's ``value``.

    Accepts a real number (``int``, ``float``, or anything registered as ``numbers.Real``, such as
    numpy scalars; ``bool`` is refused) or a ``dict`` whose ``"default"`` is such a number; the
    dict's other values must be JSON-serialisable (numbers.Real values are converted).
    ``NaN`` and ``±Infinity`` are written as ``NaN``/``Infinity``/``-Infinity``, as NNI does.
    Raises TypeError naming ``caller`` and what is accepted otherwise.
    """
    if _is_number(metric):
        return _number_text(metric)
    if isinstance(metric, dict):
        _check_default(metric, caller)
        try:
            return json.dumps(metric, default=_jsonable_number)
        except TypeError as error:
            raise TypeError(f"{caller}() could not write the metric dict as JSON: {error}") from None
    raise TypeError(
        f"{caller}() accepts an int, a float or a dict with a numeric 'default' key "
        f"(e.g. {{'default': 0.93, 'loss': 0.21}}), got {type(metric).__name__}: {metric!r:.80}. "
        "Convert tensors and arrays with .item() or float()."
    )


def _is_number(value: object) -> bool:
    kind = type(value)
    if kind is float or kind is int:
        return True
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _number_text(value: Any) -> str:
    """The JSON text ``json.dumps`` gives for the number, after converting numpy-like scalars."""
    if isinstance(value, numbers.Integral):
        return int.__repr__(int(value))
    number = float(value)
    if math.isfinite(number):
        return float.__repr__(number)
    if number != number:
        return "NaN"
    return "Infinity" if number > 0 else "-Infinity"


def _check_default(metric: Dict[Any, Any], caller: str) -> None:
    if "default" not in metric:
        raise TypeError(
            f"{caller}() got a dict without a 'default' key; the tuner optimises metric['default'], "
            f"so add it, e.g. {{'default': 0.93, 'loss': 0.21}}. Keys given: {list(metric)[:10]}."
        )
    if not _is_number(metric["default"]):
        default = metric["default"]
        raise TypeError(f"{caller}() needs metric['default'] to be an int or a float, got "
                        f"{type(default).__name__}: {default!r:.80}.")


def _jsonable_number(value: object) -> Union[int, float]:
    """``json.dumps`` fallback: numpy-like scalars become Python numbers; anything else is refused."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"a value of type {type(value).__name__} ({value!r:.80}) is not JSON-serialisable; "
                    "use numbers, strings, lists, dicts, booleans or None")


def metric_json(parameter_id: Any, trial_job_id: Optional[str], metric_type: str,
                sequence: int, value_text: str) -> str:
    """The metric record NNI writes: same keys, key order and separators (``", "``, ``": "``).

    ``metric_type`` is ``PERIODICAL`` (intermediate results, ``sequence`` 0, 1, 2 ...) or
    ``FINAL`` (``sequence`` 0); ``value_text`` comes from :func:`encode_metric_value`.
    """
    return json.dumps({
        "parameter_id": parameter_id,
        "trial_job_id": trial_job_id,
        "type": metric_type,
        "sequence": sequence,
        "value": value_text,
    })


def encode_frame(payload_json: str) -> bytes:
    """Frames one metric record: ``ME`` + 6-digit byte length + UTF-8 JSON + newline.

    The length counts the bytes of JSON + newline. Raises ValueError when that is 1,000,000 bytes
    or more, the most six digits can say (NNI's SDK asserts the same limit).
    """
    payload = (payload_json + "\n").encode("utf-8")
    if len(payload) >= MAX_PAYLOAD_BYTES:
        raise ValueError(
            f"The metric is {len(payload):,} bytes once encoded, but a metric frame holds at most "
            f"{MAX_PAYLOAD_BYTES - 1:,}; report fewer or shorter extra keys."
        )
    return b"ME%06d%b" % (len(payload), payload)


class MetricFile:
    """Appends frames to ``<sys_dir>/.nni/metrics``: opened once (binary append), one write + flush per frame.

    Not thread-safe on its own: the caller serialises ``append`` so that frames stay in sequence
    order. No ``touch`` after a write (NNI runs one per metric): Tunelab polls the file size.
    """

    def __init__(self, sys_dir: str) -> None:
        self.path = os.path.join(sys_dir, METRICS_DIR_NAME, METRICS_FILE_NAME)
        self._file: Optional[IO[bytes]] = None

    def append(self, frame: bytes) -> None:
        """Appends one whole frame and flushes it to the operating system before returning."""
        file = self._file
        if file is None:
            file = self._file = self._open()
        file.write(frame)
        file.flush()

    def _open(self) -> IO[bytes]:
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        return open(self.path, "ab")

    def close(self) -> None:
        """Closes the file; a later ``append`` opens it again."""
        if self._file is not None:
            self._file.close()
            self._file = None
