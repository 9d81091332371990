"""Assessors (early stopping) to set as ``experiment.config.assessor``; the server runs them.

As with tuners, an argument left at ``None`` is not sent and the server's (NNI's) default applies::

    experiment.config.assessor = Medianstop(optimize_mode='maximize', start_step=5)
"""

from __future__ import annotations

from typing import Any, Optional

from .tuners import Tuner

__all__ = ["Assessor", "Medianstop", "Curvefitting", "MedianstopAssessor", "CurvefittingAssessor"]


class Assessor(Tuner):
    """A built-in assessor by ``name`` with its ``class_args`` (the same shape as a tuner's section)."""


class Medianstop(Assessor):
    """Stops a trial whose best result so far is worse than the median of completed trials' running
    averages at the same step (NNI's ``Medianstop``: ``optimize_mode``, ``start_step`` 0)."""

    def __init__(self, optimize_mode: Optional[str] = None, start_step: Optional[int] = None) -> None:
        super().__init__("Medianstop", optimize_mode=optimize_mode, start_step=start_step)


class Curvefitting(Assessor):
    """Stops a trial whose predicted final result is below ``threshold`` times the best (NNI's
    ``Curvefitting``: ``epoch_num`` required, ``start_step`` 6, ``threshold`` 0.95, ``gap`` 1)."""

    def __init__(self, epoch_num: int, start_step: Optional[int] = None, threshold: Optional[float] = None,
                 gap: Optional[int] = None, **class_args: Any) -> None:
        super().__init__("Curvefitting", epoch_num=epoch_num, start_step=start_step, threshold=threshold,
                         gap=gap, **class_args)


MedianstopAssessor = Medianstop
CurvefittingAssessor = Curvefitting
