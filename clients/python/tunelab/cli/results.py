"""``tunelab export`` and ``tunelab import``: results out of and into an experiment."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .. import configfile
from ..errors import TunelabError
from ._output import Context


def export(ctx: Context, args: argparse.Namespace) -> None:
    """Writes succeeded trials' parameters and final metrics as CSV or JSON to ``-o`` or stdout."""
    data = ctx.api(args.id).export(args.format)
    text = data if isinstance(data, str) else json.dumps(data, indent=2, allow_nan=True) + "\n"
    if args.output is None:
        ctx.out.write(text)
        ctx.out.flush()
        return
    path = Path(args.output).expanduser()
    path.write_text(text, encoding="utf-8")
    rows = len(data) if isinstance(data, list) else max(0, len(text.splitlines()) - 1)
    ctx.emit({"file": str(path), "trials": rows},
             lambda: f"Exported {rows} trial{'s' if rows != 1 else ''} of experiment {args.id} to {path}.")


def import_results(ctx: Context, args: argparse.Namespace) -> None:
    """Imports ``[{"parameter": {...}, "value": ...}]`` from a JSON (or YAML) file, such as an export."""
    data: Any = configfile.read_data(Path(args.filename).expanduser())
    if not isinstance(data, list):
        raise TunelabError(f"{args.filename} must hold a list of {{\"parameter\": {{...}}, \"value\": number}}, "
                           "as `tunelab export --format json` writes it.")
    imported = ctx.api(args.id).import_results(data)
    ctx.emit({"imported": imported},
             lambda: f"Imported {imported} result{'s' if imported != 1 else ''} into experiment {args.id}.")
