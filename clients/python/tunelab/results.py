"""What ``Experiment``'s read methods return: NNI's result classes, under NNI's attribute names.

``TrialJob.trialJobId``, ``TrialResult.value`` ... are spelt as NNI spells them, so NNI scripts that
read results keep working. Times are epoch milliseconds, as in NNI. The objects are immutable
snapshots of the moment they were read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional

__all__ = ["TrialJob", "TrialHyperParameters", "TrialMetricData", "TrialResult"]


@dataclass(frozen=True)
class TrialHyperParameters:
    """The parameter record a trial received (its ``parameter.cfg``)."""

    parameter_id: Optional[int]
    parameter_source: Optional[str]
    parameters: Dict[str, Any]
    parameter_index: int = 0


@dataclass(frozen=True)
class TrialMetricData:
    """One reported metric. ``data`` is the value as the trial reported it: a number, or a dict
    whose ``"default"`` is the number that counts (NNI's ``json.loads(json.loads(data))``)."""

    timestamp: Optional[int]
    trialJobId: str
    parameterId: Optional[str]
    type: str
    sequence: int
    data: Any

    @classmethod
    def of(cls, metric: Mapping[str, Any], parameter_id: Optional[int]) -> "TrialMetricData":
        """From the server's metric view."""
        return cls(epoch_millis(metric.get("reportedAt")), metric["trialId"],
                   None if parameter_id is None else str(parameter_id), metric["type"], metric["sequence"],
                   decode(metric.get("data")))


@dataclass(frozen=True)
class TrialJob:
    """A trial as NNI's ``list_trial_jobs()`` gives it, plus Tunelab's ``sequenceId``,
    ``message``, ``finalMetric`` (the number that counts) and ``parameters``.

    ``finalMetricData`` is set only for SUCCEEDED trials and ``stderrPath`` only for FAILED ones,
    as in NNI; ``startTime`` is the submission time until the trial runs.
    """

    trialJobId: str
    sequenceId: int
    status: str
    hyperParameters: List[TrialHyperParameters]
    logPath: Optional[str]
    startTime: Optional[int]
    endTime: Optional[int]
    finalMetricData: Optional[List[TrialMetricData]]
    stderrPath: Optional[str]
    message: Optional[str]
    finalMetric: Optional[float]
    parameters: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, trial: Mapping[str, Any]) -> "TrialJob":
        """From the server's trial view."""
        parameter_id = trial.get("parameterId")
        parameters = trial.get("parameters") or {}
        end = epoch_millis(trial.get("endedAt"))
        final = None
        if trial["status"] == "SUCCEEDED" and trial.get("finalMetricData") is not None:
            final = [TrialMetricData(end, trial["trialId"], None if parameter_id is None else str(parameter_id),
                                     "FINAL", 0, decode(trial["finalMetricData"]))]
        directory = trial.get("directory")
        return cls(
            trialJobId=trial["trialId"],
            sequenceId=trial["sequenceId"],
            status=trial["status"],
            hyperParameters=[TrialHyperParameters(parameter_id, trial.get("parameterSource"), parameters)],
            logPath=directory,
            startTime=epoch_millis(trial.get("startedAt") or trial.get("submittedAt")),
            endTime=end,
            finalMetricData=final,
            stderrPath=f"{directory}/stderr" if directory and trial["status"] == "FAILED" else None,
            message=trial.get("message"),
            finalMetric=trial.get("finalMetric"),
            parameters=parameters,
        )


@dataclass(frozen=True)
class TrialResult:
    """One succeeded trial's parameters and final result, as NNI's ``export_data()`` gives it."""

    parameter: Dict[str, Any]
    value: Any
    trialJobId: str


def decode(data: Optional[str]) -> Any:
    """A metric's JSON text as a Python value (``NaN`` and ``Infinity`` included)."""
    if data is None:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return data


_FRACTION = re.compile(r"\.(\d+)")


def epoch_millis(text: Optional[str]) -> Optional[int]:
    """An ISO-8601 instant (``2026-11-28T09:22:29.5953Z``) as epoch milliseconds; None stays None."""
    if not text:
        return None
    normalised = text.replace("Z", "+00:00")
    normalised = _FRACTION.sub(lambda m: "." + (m.group(1) + "000000")[:6], normalised, count=1)
    return int(datetime.fromisoformat(normalised).timestamp() * 1000)
