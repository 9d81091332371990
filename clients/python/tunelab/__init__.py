"""Tunelab's Python client: the trial SDK, the ``Experiment`` client and the ``tunelab`` CLI.

A trial script needs only ``import tunelab``: NNI's trial API under NNI's names
(``tunelab.get_next_parameter()``, ``tunelab.report_final_result()`` ...); see :mod:`tunelab.trial`.

A launching script uses ``from tunelab import Experiment`` (NNI's ``nni.experiment.Experiment``)
with tuners from :mod:`tunelab.tuners`; see :mod:`tunelab.experiment`. Those names load on first
use, so a trial's ``import tunelab`` stays as light as the trial SDK.
"""

from typing import Any

from .trial import (
    get_current_parameter,
    get_experiment_id,
    get_next_parameter,
    get_next_parameters,
    get_sequence_id,
    get_trial_id,
    report_final_result,
    report_intermediate_result,
)

__version__ = "0.1.0"

#: Names loaded on first use, and the module each comes from.
_LAZY = {
    "Experiment": "experiment",
    "ExperimentConfig": "config",
    "AlgorithmConfig": "config",
    "LocalConfig": "config",
    "TunelabError": "errors",
    "ServerUnavailableError": "errors",
    "ApiError": "errors",
    "InvalidRequestError": "errors",
    "NotFoundError": "errors",
    "ConflictError": "errors",
}

__all__ = [
    "get_next_parameter",
    "get_next_parameters",
    "get_current_parameter",
    "report_intermediate_result",
    "report_final_result",
    "get_experiment_id",
    "get_trial_id",
    "get_sequence_id",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tunelab' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
