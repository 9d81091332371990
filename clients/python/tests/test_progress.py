"""The progress line of ``run()``: what it says, and how often it speaks when not on a terminal."""

from __future__ import annotations

import io
from typing import Any, Dict, List

from tunelab._progress import Progress, describe, summary


def view(status: str = "RUNNING", done: int = 1, running: int = 2, best: Any = None, **config: Any) -> Dict[str, Any]:
    return {"id": "abc12345", "status": status, "durationSeconds": 75, "message": None,
            "trialCounts": {"SUCCEEDED": done, "RUNNING": running} if running else {"SUCCEEDED": done},
            "bestTrial": best, "config": {"maxTrialNumber": 5, **config}}


def test_line_shows_trials_against_the_budget_best_metric_and_time() -> None:
    best = {"trialId": "Xy3kQ", "sequenceId": 2, "value": 0.97312345}
    assert describe(view(best=best, maxExperimentDuration="10m")) == \
        "RUNNING        1/5 trials done  2 running  best 0.973123 (trial #2 Xy3kQ)  1:15 of 10m"
    assert describe(view(running=0, maxTrialNumber=None)) == "RUNNING        1 trials done  best -  1:15"


def test_summary_counts_trials_by_status() -> None:
    assert summary(view("DONE", done=1, running=0)) == \
        "Experiment abc12345 DONE after 1:15: 1 trial (1 succeeded), best -."


def test_off_a_terminal_lines_come_on_status_changes_and_at_most_every_five_seconds() -> None:
    stream = io.StringIO()
    now: List[float] = [0.0]
    progress = Progress(stream, live=False, clock=lambda: now[0])
    progress.update(view(done=1))
    now[0] = 1.0
    progress.update(view(done=2))   # too soon: quiet
    now[0] = 6.0
    progress.update(view(done=3))   # five seconds later: shown
    now[0] = 6.5
    progress.update(view("NO_MORE_TRIAL", done=4))   # a new status: shown at once
    progress.close(view("DONE", done=5, running=0))
    lines = stream.getvalue().splitlines()
    assert [line.split()[1:3] for line in lines[:3]] == [["RUNNING", "1/5"], ["RUNNING", "3/5"], ["NO_MORE_TRIAL", "4/5"]]
    assert lines[3].startswith("Experiment abc12345 DONE after 1:15: 5 trials")


def test_on_a_terminal_one_line_is_redrawn() -> None:
    stream = io.StringIO()
    progress = Progress(stream, live=True)
    progress.update(view(done=1))
    progress.update(view(done=1))
    progress.update(view(done=2))
    progress.close()
    assert stream.getvalue().count("\r[tunelab] RUNNING") == 2 and stream.getvalue().endswith("\n")
