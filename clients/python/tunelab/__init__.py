"""Tunelab's Python client.

The trial SDK is re-exported here, so a trial script needs only ``import tunelab``; it has NNI's
trial API under NNI's names (``tunelab.get_next_parameter()``, ``tunelab.report_final_result()``
...). See :mod:`tunelab.trial` for the contract.
"""

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

__all__ = [
    "get_next_parameter",
    "get_next_parameters",
    "get_current_parameter",
    "report_intermediate_result",
    "report_final_result",
    "get_experiment_id",
    "get_trial_id",
    "get_sequence_id",
]
