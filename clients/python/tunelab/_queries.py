"""NNI's reading and changing methods of ``Experiment``, over one experiment's REST API. Private:
``Experiment`` inherits them; see :class:`tunelab.experiment.Experiment`.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

from ._api import ExperimentApi
from .config import python_field
from .errors import InvalidRequestError
from .results import TrialJob, TrialMetricData, TrialResult, epoch_millis


class ExperimentQueries:
    """The methods, under NNI's names and meanings; :meth:`_api` is the experiment they act on."""

    def _api(self) -> ExperimentApi:
        raise NotImplementedError

    def get_status(self) -> str:
        """The status: RUNNING, NO_MORE_TRIAL, TUNER_NO_MORE_TRIAL, DONE, STOPPING, STOPPED or ERROR."""
        return self._api().get()["status"]

    def get_experiment_profile(self) -> Dict[str, Any]:
        """The experiment as the server describes it, plus NNI's profile keys: ``params`` (the
        config), ``execDuration`` (seconds running), ``startTime``/``endTime`` (epoch ms),
        ``logDir`` (the experiment folder) and ``nextSequenceId``."""
        view = self._api().get()
        working = (view.get("config") or {}).get("experimentWorkingDirectory")
        return {**view, "params": view.get("config"), "execDuration": view.get("durationSeconds"),
                "startTime": epoch_millis(view.get("startedAt") or view.get("submittedAt")),
                "endTime": epoch_millis(view.get("endedAt")),
                "logDir": str(Path(working) / view["id"]) if working else None,
                "nextSequenceId": view.get("submittedTrials")}

    def list_trial_jobs(self, status: Optional[str] = None) -> List[TrialJob]:
        """Every trial (or those of ``status``, e.g. ``'RUNNING'``), by sequence id."""
        return [TrialJob.of(trial) for trial in self._api().trials(status=status)]

    def get_trial_job(self, trial_job_id: str) -> TrialJob:
        """One trial; raises :class:`~tunelab.errors.NotFoundError` for an unknown id."""
        return TrialJob.of(self._api().trial(trial_job_id))

    def get_job_statistics(self) -> List[Dict[str, Any]]:
        """Trials by status: ``[{"trialJobStatus": "SUCCEEDED", "trialJobNumber": 3}, ...]``."""
        return self._api().statistics()

    def get_job_metrics(self, trial_job_id: Optional[str] = None) -> Dict[str, List[TrialMetricData]]:
        """Metrics grouped by trial id, each list oldest first (intermediate, then final): of one
        trial, or of every trial that reported any."""
        api = self._api()
        if trial_job_id is not None:
            parameter_id = api.trial(trial_job_id).get("parameterId")
            metrics = api.trial_metrics(trial_job_id, "PERIODICAL") + api.trial_metrics(trial_job_id, "FINAL")
            return {trial_job_id: [TrialMetricData.of(metric, parameter_id) for metric in metrics]}
        parameter_ids = {trial["trialId"]: trial.get("parameterId") for trial in api.trials()}
        grouped: Dict[str, List[TrialMetricData]] = {}
        for metric in api.metrics():
            grouped.setdefault(metric["trialId"], []).append(
                TrialMetricData.of(metric, parameter_ids.get(metric["trialId"])))
        return grouped

    def export_data(self) -> List[TrialResult]:
        """Succeeded trials' parameters and final results (a number, or the reported dict)."""
        return [TrialResult(row["parameter"], row["value"], row["trialJobId"]) for row in self._api().export("json")]

    def import_data(self, data: List[Any]) -> int:
        """Imports earlier results to warm-start the tuner: ``[{"parameter": {...}, "value": 0.9}]``
        (NNI's import-data form) or :class:`~tunelab.results.TrialResult` objects. They count as
        no trial. Returns how many were imported."""
        rows = [{"parameter": row.parameter, "value": row.value} if isinstance(row, TrialResult) else row
                for row in data]
        return self._api().import_results(rows)

    def update_trial_concurrency(self, value: int) -> None:
        """Lets ``value`` trials run at once from now on; lowering it ends no running trial."""
        self._update("trialConcurrency", value)

    def update_max_trial_number(self, value: Optional[int]) -> None:
        """Changes how many trials may be submitted in all (None: no limit)."""
        self._update("maxTrialNumber", value)

    def update_max_experiment_duration(self, value: Union[str, int, timedelta, None]) -> None:
        """Changes the time budget: ``'30m'``, ``'2h'``, seconds, a ``timedelta``, or None for none."""
        if isinstance(value, timedelta):
            value = int(value.total_seconds())
        self._update("maxExperimentDuration", value)

    def update_search_space(self, value: Dict[str, Any]) -> None:
        """Replaces the search space; the tuner draws from the new one from its next trial on."""
        self._update("searchSpace", value)

    def kill_trial_job(self, trial_job_id: str) -> None:
        """Cancels a trial (SIGTERM to its processes, SIGKILL after the grace period); it ends as
        USER_CANCELED."""
        self._api().cancel(trial_job_id)

    def _update(self, field: str, value: Any) -> None:
        try:
            self._api().update({field: value})
        except InvalidRequestError as error:
            raise in_python_words(error) from None


def in_python_words(error: InvalidRequestError) -> InvalidRequestError:
    """The server's refusal with field names as Python code spells them (``trial_concurrency``)."""
    errors = [{**item, "field": python_field(item.get("field", ""))} for item in error.errors]
    if errors:
        lines = "\n".join(f"  config.{item['field']}: {item.get('message', '')}" if item["field"]
                          else f"  {item.get('message', '')}" for item in errors)
        detail = f"Tunelab refused the experiment config:\n{lines}"
    else:
        detail = error.detail
    return InvalidRequestError(error.status, error.title, detail, errors, error.problem)
