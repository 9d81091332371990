"""The ``tunelab`` command, modelled on NNI's ``nnictl``, over Tunelab's REST API.

Every command takes ``--port`` (default 8081) or ``--url``, and ``--json`` for machine-readable
output. Exit status: 0 on success, 1 when the server refuses or cannot be reached (the message says
why), 2 for a command line argparse rejects, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, List, Optional, TextIO

from .._server import how_to_start
from ..errors import ApiError, ServerUnavailableError, TunelabError
from . import experiments, results, trials
from ._output import Context

__all__ = ["main", "parser"]

Command = Callable[[Context, argparse.Namespace], None]


def parser() -> argparse.ArgumentParser:
    """The argument parser; each subcommand stores its function as ``command``."""
    common = argparse.ArgumentParser(add_help=False)
    where = common.add_argument_group("server")
    where.add_argument("--port", type=int, help="the Tunelab server's port on this machine (default 8081)")
    where.add_argument("--url", help="the Tunelab server's URL, such as http://127.0.0.1:8081 "
                                     "(default: $TUNELAB_URL, else the port)")
    common.add_argument("--json", action="store_true", help="print JSON instead of text")

    root = argparse.ArgumentParser(prog="tunelab", description="Run and manage Tunelab experiments.")
    commands = root.add_subparsers(dest="name", metavar="COMMAND")
    commands.required = True

    def add(name: str, command: Command, help_text: str, into: "argparse._SubParsersAction" = commands
            ) -> argparse.ArgumentParser:
        sub = into.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(command=command)
        return sub

    sub = add("create", experiments.create, "create an experiment from an NNI config file (v2 YAML; v1 is converted)")
    sub.add_argument("--config", "-c", required=True, help="the config file, YAML or JSON")
    sub = add("list", experiments.list_experiments, "list experiments, newest first")
    sub.add_argument("--limit", type=int, default=50, help="show at most this many (default 50)")
    sub.add_argument("--all", action="store_true", help="show every experiment")
    for name, command, help_text in (("status", experiments.status, "show an experiment's status and progress"),
                                     ("stop", experiments.stop, "stop an experiment and its trials"),
                                     ("resume", experiments.resume, "resume a stopped, done or failed experiment")):
        add(name, command, help_text).add_argument("id", help="the experiment's id")
    sub = add("update", experiments.update, "change concurrency, trial number, duration or search space")
    sub.add_argument("what", choices=list(experiments.UPDATES))
    sub.add_argument("id", help="the experiment's id")
    sub.add_argument("value", help="the new value: a number, a duration such as 2h, 'none' for no limit, "
                                   "or for searchspace a JSON/YAML file (or inline JSON)")
    _trial_commands(commands, add)
    sub = add("export", results.export, "export succeeded trials' parameters and final metrics")
    sub.add_argument("id", help="the experiment's id")
    sub.add_argument("--format", "--type", "-t", choices=("csv", "json"), default="json",
                     help="csv or json (default json)")
    sub.add_argument("--output", "-o", "--filename", help="the file to write (default: standard output)")
    sub = add("import", results.import_results, "import earlier results to warm-start the tuner")
    sub.add_argument("id", help="the experiment's id")
    sub.add_argument("--filename", "-f", required=True, help='a JSON file: [{"parameter": {...}, "value": 0.9}]')
    logs = commands.add_parser("log", help="show a trial's log").add_subparsers(dest="what", metavar="WHAT")
    logs.required = True
    sub = add("trial", trials.log_trial, "print a trial's stdout (or --stderr, --file trial.log)", logs)
    _trial_arguments(sub)
    sub.add_argument("--stderr", action="store_true", help="print stderr instead of stdout")
    sub.add_argument("--file", choices=trials.LOG_FILES, default="stdout", help="the file to print")
    sub.add_argument("--path", action="store_true", help="print the trial's folder instead")
    sub = add("top", experiments.top, "show running experiments, refreshed until Ctrl-C")
    sub.add_argument("--interval", "-t", type=float, default=3.0, help="seconds between refreshes (default 3)")
    sub.add_argument("--iterations", "-n", type=int, help="stop after this many refreshes")
    return root


def _trial_commands(commands: "argparse._SubParsersAction", add: Callable[..., argparse.ArgumentParser]) -> None:
    group = commands.add_parser("trial", help="list or kill trials").add_subparsers(dest="what", metavar="WHAT")
    group.required = True
    sub = add("ls", trials.trial_ls, "list an experiment's trials", group)
    sub.add_argument("id", help="the experiment's id")
    ranking = sub.add_mutually_exclusive_group()
    ranking.add_argument("--head", type=int, metavar="N", help="the N trials with the highest final metric")
    ranking.add_argument("--tail", type=int, metavar="N", help="the N trials with the lowest final metric")
    sub.add_argument("--status", help="only trials of these statuses, such as RUNNING,WAITING")
    _trial_arguments(add("kill", trials.trial_kill, "cancel a running trial", group))


def _trial_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("id", help="the experiment's id")
    sub.add_argument("trial", help="the trial's id")


def main(argv: Optional[List[str]] = None, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    """Runs one command; returns the exit status (see the module's docstring)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = parser().parse_args(argv)
    ctx = Context.of(args.url, args.port, args.json, out, err)
    try:
        args.command(ctx, args)
    except ServerUnavailableError as error:
        hint = "" if args.url else " " + how_to_start(ctx.port, can_start=False)
        err.write(f"tunelab: error: {error}{hint}\n")
        return 1
    except ApiError as error:
        if error.errors:
            err.write("tunelab: error: Tunelab refused the request:\n")
            for item in error.errors:
                err.write(f"  {item.get('field') or '(body)'}: {item.get('message')}\n")
        else:
            err.write(f"tunelab: error: {error}\n")
        return 1
    except TunelabError as error:
        err.write(f"tunelab: error: {error}\n")
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
