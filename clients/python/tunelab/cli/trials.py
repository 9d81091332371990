"""``tunelab trial ls | kill`` and ``tunelab log trial``: one experiment's trials."""

from __future__ import annotations

import argparse
from typing import Any, Dict, List, Mapping, Sequence

from ._output import Context, metric, table

LOG_FILES = ("stdout", "stderr", "trial.log")


def trial_ls(ctx: Context, args: argparse.Namespace) -> None:
    """All trials by sequence id; ``--head N``/``--tail N``: the N with the highest/lowest final
    metric (trials without one left out), highest first, as nnictl lists them."""
    api = ctx.api(args.id)
    if args.head is not None or args.tail is not None:
        count = args.head if args.head is not None else args.tail
        ranked = [trial for trial in api.trials(status=args.status, sort="-finalMetric" if args.head is not None
                                                else "finalMetric", limit=count)
                  if trial.get("finalMetric") is not None]
        trials = ranked if args.head is not None else list(reversed(ranked))
    else:
        trials = list(api.trials(status=args.status))
    ctx.emit(trials, lambda: trials_table(trials) if trials else "No trials yet.")


def trials_table(trials: Sequence[Mapping[str, Any]]) -> str:
    return table(["TRIAL", "#", "STATUS", "FINAL", "LATEST", "DURATION", "PARAMETERS"],
                 [[trial["trialId"], trial["sequenceId"], trial["status"], metric(trial.get("finalMetric")),
                   metric(trial.get("latestMetric")), _seconds(trial.get("durationMillis")),
                   trial.get("parameters")] for trial in trials])


def trial_kill(ctx: Context, args: argparse.Namespace) -> None:
    trial_id = args.trial
    view = ctx.api(args.id).cancel(trial_id)
    ctx.emit(view, lambda: f"Trial {trial_id} of experiment {args.id} was {view['status']}; "
                           "it is being canceled and will end as USER_CANCELED."
             if view["status"] in ("RUNNING", "WAITING") else f"Trial {trial_id} is {view['status']}.")


def log_trial(ctx: Context, args: argparse.Namespace) -> None:
    """Prints a whole log file of a trial (``--path``: the trial's folder instead)."""
    trial_id = args.trial
    api = ctx.api(args.id)
    if args.path:
        trial = api.trial(trial_id)
        ctx.emit({"directory": trial["directory"]}, lambda: trial["directory"])
        return
    file = "stderr" if args.stderr else args.file
    offset = 0
    chunks: List[str] = []
    while True:
        chunk: Dict[str, Any] = api.log(trial_id, file, offset)
        chunks.append(chunk["text"])
        if not ctx.as_json:
            ctx.out.write(chunk["text"])
        if chunk["next"] >= chunk["size"] or chunk["next"] == offset:
            break
        offset = chunk["next"]
    if ctx.as_json:
        ctx.emit({"file": file, "text": "".join(chunks)}, lambda: "")
    ctx.out.flush()


def _seconds(millis: Any) -> str:
    return "-" if millis is None else f"{millis / 1000:.1f}s"
