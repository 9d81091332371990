"""``tunelab create | list | status | stop | resume | update | top``: experiments as a whole."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any, Dict, Mapping

from .. import _api, configfile
from .._progress import FINISHED, best_text, clock, describe
from ..errors import TunelabError
from ._output import Context, compact, counts_text, fields, local_time, table

#: ``tunelab update <what>`` and the config field each one changes.
UPDATES = {"concurrency": "trialConcurrency", "trialnum": "maxTrialNumber",
           "duration": "maxExperimentDuration", "searchspace": "searchSpace"}
_ACTIVE = ("INITIALIZED", "RUNNING", "NO_MORE_TRIAL", "TUNER_NO_MORE_TRIAL", "STOPPING")


def create(ctx: Context, args: argparse.Namespace) -> None:
    config, warnings = configfile.load(args.config)
    for warning in warnings:
        ctx.warn(warning)
    view = ctx.client.post(_api.BASE, config)
    ctx.emit(view, lambda: (
        f"Experiment {view['id']} created: {view['status']}\n"
        f"See its progress with `tunelab status {view['id']}{_address(ctx)}`\n"
        f"{_api.where_to_watch(ctx.client, view['id'])}"))


def list_experiments(ctx: Context, args: argparse.Namespace) -> None:
    items = _api.experiments(ctx.client, None if args.all else args.limit)
    ctx.emit(items, lambda: table(
        ["ID", "NAME", "STATUS", "TRIALS", "STARTED", "ENDED"],
        [[item["id"], item.get("name"), item["status"], item.get("submittedTrials"),
          local_time(item.get("startedAt")), local_time(item.get("endedAt"))] for item in items],
        wrap_last=False) if items else "No experiments yet.")


def status(ctx: Context, args: argparse.Namespace) -> None:
    view = ctx.api(args.id).get()
    ctx.emit(view, lambda: status_text(view))


def status_text(view: Mapping[str, Any]) -> str:
    config = view.get("config") or {}
    counts: Dict[str, int] = view.get("trialCounts") or {}
    done = sum(counts.get(name, 0) for name in FINISHED)
    budget = config.get("maxTrialNumber")
    tuner = config.get("tuner") or {}
    limit = config.get("maxExperimentDuration")
    return fields([
        ("Experiment", f"{view['id']}" + (f" ({view['name']})" if view.get("name") else "")),
        ("Status", view["status"]),
        ("Message", view.get("message")),
        ("Trials", f"{done}{'/' + str(budget) if budget else ''} done, {view.get('submittedTrials', 0)} submitted "
                   f"({counts_text(counts)})"),
        ("Best", f"{best_text(view)}, {view.get('optimizeMode')}"),
        ("Time", clock(view.get("durationSeconds") or 0) + (f" of {limit}" if limit else "")),
        ("Concurrency", config.get("trialConcurrency")),
        ("Tuner", f"{tuner.get('name')} {compact(tuner.get('classArgs') or {})}" if tuner else None),
        ("Command", config.get("trialCommand")),
        ("Directory", config.get("trialCodeDirectory")),
        ("Submitted", local_time(view.get("submittedAt"))),
        ("Ended", local_time(view.get("endedAt")) if view.get("endedAt") else None),
    ])


def stop(ctx: Context, args: argparse.Namespace) -> None:
    view = ctx.api(args.id).stop()
    ctx.emit(view, lambda: f"Experiment {view['id']} is {view['status']}.")


def resume(ctx: Context, args: argparse.Namespace) -> None:
    view = ctx.api(args.id).resume()
    ctx.emit(view, lambda: f"Experiment {view['id']} resumed: {view['status']}.")


def update(ctx: Context, args: argparse.Namespace) -> None:
    field = UPDATES[args.what]
    value = _update_value(args.what, args.value)
    view = ctx.api(args.id).update({field: value})
    shown = "changed" if args.what == "searchspace" else f"is now {json.dumps(view['config'].get(field))}"
    ctx.emit(view, lambda: f"Experiment {view['id']}: {field} {shown}.")


def _update_value(what: str, raw: str) -> Any:
    if what == "searchspace":
        return configfile.search_space(raw)
    if raw.lower() in ("none", "null", "unlimited"):
        return None
    if what == "duration":
        return int(raw) if raw.isdigit() else raw
    try:
        return int(raw)
    except ValueError:
        raise TunelabError(f"'{raw}' is not a whole number; {what} takes one (or 'none' for no limit).") from None


def top(ctx: Context, args: argparse.Namespace) -> None:
    """Redraws the running experiments every ``--interval`` seconds until Ctrl-C (or ``-n`` times)."""
    iteration = 0
    try:
        while args.iterations is None or iteration < args.iterations:
            if iteration:
                time.sleep(args.interval)
            iteration += 1
            _top_once(ctx)
    except KeyboardInterrupt:
        pass


def _top_once(ctx: Context) -> None:
    views = [ctx.api(item["id"]).get() for item in _api.experiments(ctx.client, 200)
             if item["status"] in _ACTIVE]
    if ctx.as_json:
        ctx.say(json.dumps(views, allow_nan=True))
        return
    if ctx.out.isatty():
        ctx.out.write("\x1b[H\x1b[2J")
    ctx.say(f"Tunelab at {ctx.client.base_url}, {time.strftime('%H:%M:%S')}: "
            f"{len(views)} experiment{'s' if len(views) != 1 else ''} running")
    if views:
        ctx.say(table(["ID", "NAME", "PROGRESS"], [[view["id"], view.get("name"), describe(view)]
                                                   for view in views]))


def _address(ctx: Context) -> str:
    """The option that names this server again in a suggested command ("" for the default)."""
    if ctx.client.base_url == f"http://127.0.0.1:{ctx.port}":
        return "" if ctx.port == 8081 else f" --port {ctx.port}"
    return f" --url {ctx.client.base_url}"
