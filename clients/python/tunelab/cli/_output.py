"""What every command shares: the server it talks to, and printing tables or JSON. Private."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Mapping, Optional, Sequence, TextIO

from .._api import ExperimentApi
from .._http import Client
from ..results import epoch_millis

DEFAULT_PORT = 8081


@dataclass
class Context:
    """The server address and output choices of one command."""

    client: Client
    port: int
    as_json: bool
    out: TextIO
    err: TextIO

    @classmethod
    def of(cls, url: Optional[str], port: Optional[int], as_json: bool, out: TextIO, err: TextIO) -> "Context":
        """``--url``, else ``--port``, else ``$TUNELAB_URL``, else port 8081 on this machine."""
        named = url or (None if port is not None else os.environ.get("TUNELAB_URL"))
        port = port if port is not None else DEFAULT_PORT
        return cls(Client(named or f"http://127.0.0.1:{port}"), port, as_json, out, err)

    def api(self, experiment_id: str) -> ExperimentApi:
        return ExperimentApi(self.client, experiment_id)

    def emit(self, data: Any, text: Callable[[], str]) -> None:
        """Prints ``data`` as JSON with ``--json``, else the text ``text()`` makes."""
        if self.as_json:
            self.out.write(json.dumps(data, indent=2, allow_nan=True) + "\n")
        else:
            self.out.write(text().rstrip("\n") + "\n")
        self.out.flush()

    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def warn(self, line: str) -> None:
        self.err.write(f"tunelab: warning: {line}\n")
        self.err.flush()


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], wrap_last: bool = True) -> str:
    """A plain-text table; the last column is cut to fit the terminal when ``wrap_last``."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max([len(header)] + [len(row[i]) for row in cells]) for i, header in enumerate(headers)]
    if wrap_last and headers:
        room = shutil.get_terminal_size((120, 24)).columns - sum(widths[:-1]) - 2 * (len(headers) - 1)
        widths[-1] = max(len(headers[-1]), min(widths[-1], room))
    lines = ["  ".join(header.ljust(widths[i]) for i, header in enumerate(headers)).rstrip()]
    for row in cells:
        fitted = [value if len(value) <= widths[i] else value[:max(1, widths[i] - 1)] + "…"
                  for i, value in enumerate(row)]
        lines.append("  ".join(value.ljust(widths[i]) for i, value in enumerate(fitted)).rstrip())
    return "\n".join(lines)


def fields(pairs: Sequence[Sequence[Any]]) -> str:
    """``Label   value`` lines; pairs whose value is None are left out."""
    shown = [(label, _cell(value)) for label, value in pairs if value is not None]
    width = max((len(label) for label, _ in shown), default=0)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in shown)


def local_time(text: Optional[str]) -> str:
    """An ISO instant from the server as local time, ``2026-11-28 10:22:29``; ``-`` for none."""
    millis = epoch_millis(text)
    if millis is None:
        return "-"
    return datetime.fromtimestamp(millis / 1000).strftime("%Y-%m-%d %H:%M:%S")


def metric(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.6g}"


def compact(value: Any) -> str:
    """Parameters and the like as short JSON on one line."""
    return json.dumps(value, separators=(", ", ": "), allow_nan=True)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, (dict, list)):
        return compact(value)
    return str(value)


def counts_text(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{status} {count}" for status, count in sorted(counts.items())) or "none yet"
