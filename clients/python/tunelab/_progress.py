"""The progress line ``Experiment.run()`` shows while it waits. Private.

On a terminal one line is redrawn in place; elsewhere (a log file, CI output) a line is printed
when the status changes, and otherwise at most every :data:`QUIET_INTERVAL` seconds when trials
finished or the best metric changed, so long experiments do not flood a log.
"""

from __future__ import annotations

import shutil
import time
from typing import Any, Callable, Dict, Mapping, Optional, TextIO, Tuple

FINISHED = ("SUCCEEDED", "FAILED", "USER_CANCELED", "SYS_CANCELED", "EARLY_STOPPED")
ACTIVE = ("RUNNING", "WAITING")
#: Seconds between progress lines when the output is not a terminal and the status stays.
QUIET_INTERVAL = 5.0


def describe(view: Mapping[str, Any]) -> str:
    """One line: status, trials done against the budget, running trials, best metric, time."""
    counts: Dict[str, int] = view.get("trialCounts") or {}
    config: Mapping[str, Any] = view.get("config") or {}
    done = sum(counts.get(status, 0) for status in FINISHED)
    active = sum(counts.get(status, 0) for status in ACTIVE)
    budget = config.get("maxTrialNumber")
    parts = [f"{view.get('status', '?'):<13}",
             f"{done}/{budget} trials done" if budget else f"{done} trials done"]
    if active:
        parts.append(f"{active} running")
    parts.append(f"best {best_text(view)}")
    elapsed = clock(view.get("durationSeconds") or 0)
    limit = config.get("maxExperimentDuration")
    parts.append(f"{elapsed} of {clock(limit) if isinstance(limit, (int, float)) else limit}" if limit else elapsed)
    return "  ".join(parts)


def best_text(view: Mapping[str, Any]) -> str:
    best = view.get("bestTrial")
    if not best:
        return "-"
    return f"{best['value']:.6g} (trial #{best['sequenceId']} {best['trialId']})"


def clock(seconds: float) -> str:
    """``75`` -> ``1:15``, ``3700`` -> ``1:01:40``."""
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def summary(view: Mapping[str, Any]) -> str:
    """The closing sentence once the experiment has ended."""
    counts: Dict[str, int] = view.get("trialCounts") or {}
    total = sum(counts.values())
    by_status = ", ".join(f"{count} {status.lower().replace('_', ' ')}" for status, count in sorted(counts.items()))
    text = (f"Experiment {view['id']} {view['status']} after {clock(view.get('durationSeconds') or 0)}: "
            f"{total} trial{'' if total == 1 else 's'}" + (f" ({by_status})" if by_status else "") +
            f", best {best_text(view)}.")
    if view.get("message"):
        text += f" {view['message']}"
    return text


class Progress:
    """Shows :func:`describe` of each view given to :meth:`update` on ``stream``."""

    def __init__(self, stream: TextIO, live: Optional[bool] = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.live = _isatty(stream) if live is None else live
        self.clock = clock
        self._last: Optional[Tuple[Any, ...]] = None
        self._last_at = 0.0
        self._line = ""

    def update(self, view: Mapping[str, Any]) -> None:
        line = "[tunelab] " + describe(view)
        if self.live:
            line = line[:shutil.get_terminal_size((120, 24)).columns - 1]
            if line != self._line:
                self.stream.write("\r" + line + "\x1b[K")
                self.stream.flush()
                self._line = line
            return
        counts: Dict[str, int] = view.get("trialCounts") or {}
        key = (view.get("status"), sum(counts.get(status, 0) for status in FINISHED), best_text(view))
        now = self.clock()
        status_changed = self._last is None or key[0] != self._last[0]
        if status_changed or (key != self._last and now - self._last_at >= QUIET_INTERVAL):
            self.stream.write(line + "\n")
            self.stream.flush()
            self._last = key
            self._last_at = now

    def close(self, view: Optional[Mapping[str, Any]] = None) -> None:
        """Ends the live line, then prints the summary of ``view`` when given."""
        if self.live and self._line:
            self.stream.write("\n")
            self._line = ""
        if view is not None:
            self.stream.write(summary(view) + "\n")
        self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
