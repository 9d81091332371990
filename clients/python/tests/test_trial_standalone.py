"""The trial API outside an experiment: what a user sees when debugging a trial script locally."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import tunelab


def test_parameters_are_empty_on_every_call_with_a_warning(standalone: Path) -> None:
    with pytest.warns(RuntimeWarning, match=r"NNI_PLATFORM is not set.*returns \{\}"):
        assert tunelab.get_next_parameter() == {}
        assert tunelab.get_next_parameter() == {}
    assert tunelab.get_current_parameter() == {}


def test_ids_are_nni_placeholders(standalone: Path) -> None:
    assert tunelab.get_experiment_id() == "STANDALONE"
    assert tunelab.get_trial_id() == "STANDALONE"
    assert tunelab.get_sequence_id() == 0


def test_results_are_printed_one_line_each(standalone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tunelab.report_intermediate_result(0.5)
    tunelab.report_intermediate_result({"default": 0.81, "précision": math.nan})
    tunelab.report_final_result(0.93)
    assert capsys.readouterr().out.splitlines() == [
        "[tunelab] intermediate result #0: 0.5",
        '[tunelab] intermediate result #1: {"default": 0.81, "précision": NaN}',
        "[tunelab] final result: 0.93",
    ]


def test_reports_need_no_get_next_parameter_and_write_no_file(standalone: Path) -> None:
    tunelab.report_final_result(1)
    assert list(standalone.iterdir()) == []


def test_invalid_metric_is_refused_as_inside_an_experiment(standalone: Path) -> None:
    with pytest.raises(TypeError, match="accepts an int, a float or a dict"):
        tunelab.report_final_result([0.9])  # type: ignore[arg-type]
