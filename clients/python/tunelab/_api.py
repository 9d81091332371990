"""The REST calls about one experiment, shared by ``Experiment`` and the CLI. Private.

Every list the server pages is read to its end here, so callers get whole lists. Raises what
:class:`tunelab._http.Client` raises.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional

from ._http import Client, quote

BASE = "/api/v1/experiments"
#: The largest page the server gives.
PAGE = 1000
METRIC_PAGE = 10_000


def where_to_watch(client: Client, experiment_id: str) -> str:
    """A line naming the experiment's dashboard page."""
    return f"Dashboard: {client.base_url}/experiments/{quote(experiment_id)}"


def newest_experiment_id(client: Client) -> Optional[str]:
    """The id of the experiment submitted last, or None when the server has none."""
    page = client.get(BASE, {"page": 0, "size": 1})
    return page["items"][0]["id"] if page["items"] else None


def experiments(client: Client, limit: Optional[int] = None) -> List[Dict[str, Any]]:
    """Experiment summaries, newest first: all of them, or the newest ``limit``."""
    found: List[Dict[str, Any]] = []
    page = 0
    while limit is None or len(found) < limit:
        answer = client.get(BASE, {"page": page, "size": PAGE if limit is None else min(PAGE, limit)})
        found += answer["items"]
        if not answer["items"] or len(found) >= answer["total"]:
            break
        page += 1
    return found if limit is None else found[:limit]


class ExperimentApi:
    """One experiment's endpoints on one server."""

    def __init__(self, client: Client, experiment_id: str) -> None:
        self.client = client
        self.id = experiment_id
        self.path = f"{BASE}/{quote(experiment_id)}"

    def get(self) -> Dict[str, Any]:
        """The experiment: status, config, trialCounts, bestTrial, durationSeconds ..."""
        return self.client.get(self.path)

    def trials(self, status: Optional[str] = None, sort: Optional[str] = None,
               limit: Optional[int] = None) -> Iterator[Dict[str, Any]]:
        """Trial views (all pages), by sequence id unless ``sort`` (``-finalMetric`` ...) is given;
        ``status`` is a comma-separated list of statuses; at most ``limit`` when given."""
        page = 0
        given = 0
        size = PAGE if limit is None else max(1, min(PAGE, limit))
        while True:
            answer = self.client.get(f"{self.path}/trials", {"page": page, "size": size, "status": status,
                                                             "sort": sort})
            for trial in answer["items"]:
                yield trial
                given += 1
                if limit is not None and given >= limit:
                    return
            if not answer["items"] or (page + 1) * size >= answer["total"]:
                return
            page += 1

    def trial(self, trial_id: str) -> Dict[str, Any]:
        return self.client.get(f"{self.path}/trials/{quote(trial_id)}")

    def cancel(self, trial_id: str) -> Dict[str, Any]:
        return self.client.post(f"{self.path}/trials/{quote(trial_id)}/cancel")

    def statistics(self) -> List[Dict[str, Any]]:
        return self.client.get(f"{self.path}/statistics")

    def metrics(self) -> Iterator[Dict[str, Any]]:
        """Every stored metric of the experiment, oldest first (read with the server's cursor)."""
        after = 0
        while True:
            answer = self.client.get(f"{self.path}/metrics", {"after": after, "limit": METRIC_PAGE})
            yield from answer["items"]
            if len(answer["items"]) < METRIC_PAGE:
                return
            after = answer["next"]

    def trial_metrics(self, trial_id: str, metric_type: str) -> List[Dict[str, Any]]:
        """One trial's metrics of one type (``PERIODICAL`` or ``FINAL``) in sequence order."""
        found: List[Dict[str, Any]] = []
        after = -1
        while True:
            answer = self.client.get(f"{self.path}/trials/{quote(trial_id)}/metrics",
                                     {"type": metric_type, "after": after, "limit": METRIC_PAGE})
            found += answer["items"]
            if len(answer["items"]) < METRIC_PAGE:
                return found
            after = answer["next"]

    def log(self, trial_id: str, file: str, offset: int = 0, limit: int = 1 << 20) -> Dict[str, Any]:
        """A range of a trial's ``stdout``, ``stderr`` or ``trial.log``: text, next, size."""
        return self.client.get(f"{self.path}/trials/{quote(trial_id)}/log",
                               {"file": file, "offset": offset, "limit": limit})

    def export(self, fmt: str) -> Any:
        """Succeeded trials' parameters and final metrics: a list for ``json``, text for ``csv``."""
        return self.client.get(f"{self.path}/export", {"format": fmt})

    def import_results(self, results: List[Dict[str, Any]]) -> int:
        """Imports ``[{"parameter": {...}, "value": ...}]``; returns how many were imported."""
        return int(self.client.post(f"{self.path}/import", results)["imported"])

    def update(self, changes: Dict[str, Any]) -> Dict[str, Any]:
        """Changes trialConcurrency, maxTrialNumber, maxExperimentDuration or searchSpace."""
        return self.client.patch(self.path, changes)

    def stop(self) -> Dict[str, Any]:
        return self.client.post(f"{self.path}/stop")

    def resume(self) -> Dict[str, Any]:
        return self.client.post(f"{self.path}/resume")
