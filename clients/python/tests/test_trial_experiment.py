"""The trial API inside an experiment: the trial folder and environment Tunelab's executor prepares."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import tunelab
from conftest import TrialFolder, parse_frames, trial_environment

CLIENT_ROOT = Path(__file__).resolve().parents[1]


def test_final_result_is_the_frame_nni_documents(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    tunelab.report_final_result(0.9731)
    assert trial.metrics_bytes() == (
        b'ME000096{"parameter_id": 7, "trial_job_id": "Xy3kQ", "type": "FINAL", '
        b'"sequence": 0, "value": "0.9731"}\n')


def test_parameters_are_the_records_parameters(trial: TrialFolder) -> None:
    assert tunelab.get_current_parameter() is None
    assert tunelab.get_next_parameter() == {"lr": 0.01, "batch_size": 64}
    assert tunelab.get_current_parameter() == {"lr": 0.01, "batch_size": 64}
    assert tunelab.get_current_parameter("lr") == 0.01
    with pytest.raises(KeyError):
        tunelab.get_current_parameter("momentum")


def test_ids_come_from_the_environment(trial: TrialFolder) -> None:
    assert tunelab.get_experiment_id() == "exp12345"
    assert tunelab.get_trial_id() == "Xy3kQ"
    assert tunelab.get_sequence_id() == 3


def test_intermediate_results_count_from_zero_and_final_uses_zero(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    for accuracy in (0.5, 0.6, 0.7):
        tunelab.report_intermediate_result(accuracy)
    tunelab.report_final_result(0.8)
    records = [frame.record for frame in trial.frames()]
    assert [(r["type"], r["sequence"], r["value"]) for r in records] == [
        ("PERIODICAL", 0, "0.5"), ("PERIODICAL", 1, "0.6"), ("PERIODICAL", 2, "0.7"), ("FINAL", 0, "0.8")]
    assert {(r["parameter_id"], r["trial_job_id"]) for r in records} == {(7, "Xy3kQ")}
    assert list(records[0]) == ["parameter_id", "trial_job_id", "type", "sequence", "value"]


def test_dict_metric_is_json_text_inside_the_record(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    tunelab.report_intermediate_result({"default": 0.8125, "loss": 0.4, "epoch": 3})
    (frame,) = trial.frames()
    assert frame.record["value"] == '{"default": 0.8125, "loss": 0.4, "epoch": 3}'
    assert frame.value == {"default": 0.8125, "loss": 0.4, "epoch": 3}


def test_nan_and_infinity_are_written_as_json_tokens(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    tunelab.report_intermediate_result(math.nan)
    tunelab.report_intermediate_result({"default": math.inf, "low": -math.inf})
    raw = trial.metrics_bytes()
    assert b'"value": "NaN"}' in raw
    assert b'"value": "{\\"default\\": Infinity, \\"low\\": -Infinity}"}' in raw
    first, second = trial.frames()
    assert math.isnan(first.value)
    assert second.value == {"default": math.inf, "low": -math.inf}


def test_non_ascii_key_round_trips_and_length_counts_bytes(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    tunelab.report_final_result({"default": 0.9, "точность": 0.9, "精度": 1})
    (frame,) = trial.frames()
    payload = frame.raw[8:]
    assert int(frame.raw[2:8]) == len(payload)
    assert payload.isascii()  # escaped as \uXXXX, byte for byte what NNI's SDK writes
    assert b'\\\\u0442\\\\u043e\\\\u0447' in payload
    assert frame.value == {"default": 0.9, "точность": 0.9, "精度": 1}


def test_string_and_null_parameter_ids_are_written_as_given(trial: TrialFolder) -> None:
    trial.write_parameters({"parameter_id": "0-3_0_5", "parameter_source": "algorithm",
                            "parameters": {"TRIAL_BUDGET": 3}, "parameter_index": 0})
    tunelab.get_next_parameter()
    tunelab.report_final_result(1)
    assert trial.frames()[0].record["parameter_id"] == "0-3_0_5"


def test_customized_trial_reports_null_parameter_id(trial: TrialFolder) -> None:
    trial.write_parameters({"parameter_id": None, "parameter_source": "customized",
                            "parameters": {"lr": 0.5}})
    assert tunelab.get_next_parameter() == {"lr": 0.5}
    tunelab.report_final_result(1)
    assert b'{"parameter_id": null, ' in trial.metrics_bytes()


def test_second_get_next_parameter_returns_none_and_keeps_the_first_record(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    with pytest.warns(RuntimeWarning, match="already called.*returns None"):
        assert tunelab.get_next_parameter() is None
    assert tunelab.get_current_parameter() == {"lr": 0.01, "batch_size": 64}
    tunelab.report_final_result(0.5)
    assert trial.frames()[0].record["parameter_id"] == 7


def test_report_before_get_next_parameter_is_an_error(trial: TrialFolder) -> None:
    with pytest.raises(RuntimeError, match=r"Call tunelab.get_next_parameter\(\) before report_final_result"):
        tunelab.report_final_result(0.5)
    assert trial.metrics_bytes() == b""


def test_missing_parameter_file_fails_at_once(trial: TrialFolder) -> None:
    (trial.path / "parameter.cfg").unlink()
    with pytest.raises(FileNotFoundError, match="parameter.cfg does not exist"):
        tunelab.get_next_parameter()
    assert trial.metrics_bytes() == b""  # no REQUEST_PARAMETER record, unlike NNI


def test_oversize_metric_is_refused_and_does_not_use_up_a_sequence(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    with pytest.raises(ValueError, match="at most 999,999"):
        tunelab.report_intermediate_result({"default": 1, "blob": "x" * 1_000_000})
    tunelab.report_intermediate_result(0.5)
    assert [f.record["sequence"] for f in trial.frames()] == [0]


def test_invalid_metric_writes_nothing(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    with pytest.raises(TypeError, match="accepts an int, a float or a dict"):
        tunelab.report_intermediate_result("0.5")  # type: ignore[arg-type]
    tunelab.report_intermediate_result(0.5)
    assert [f.record["sequence"] for f in trial.frames()] == [0]


def test_second_final_result_warns_and_is_still_written(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    tunelab.report_final_result(0.5)
    with pytest.warns(RuntimeWarning, match="keeps the first final result"):
        tunelab.report_final_result(0.6)
    assert [(f.record["type"], f.record["sequence"]) for f in trial.frames()] == [("FINAL", 0), ("FINAL", 0)]


def test_missing_nni_folder_is_created_and_existing_metrics_are_kept(trial: TrialFolder) -> None:
    trial.metrics_path.unlink()
    trial.metrics_path.parent.rmdir()
    tunelab.get_next_parameter()
    tunelab.report_intermediate_result(1)
    assert tunelab.trial._trial is not None
    tunelab.trial._trial.close()  # a restarted writer appends after what is there
    tunelab.report_intermediate_result(2)
    assert [f.value for f in trial.frames()] == [1, 2]


def test_concurrent_reports_get_distinct_sequences_in_file_order(trial: TrialFolder) -> None:
    tunelab.get_next_parameter()
    def report_500() -> None:
        for _ in range(500):
            tunelab.report_intermediate_result(0.5)

    threads = [threading.Thread(target=report_500) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [f.record["sequence"] for f in trial.frames()] == list(range(4000))


def test_unittest_platform_runs_standalone(trial: TrialFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNI_PLATFORM", "unittest")
    with pytest.warns(RuntimeWarning, match="running without an experiment"):
        assert tunelab.get_next_parameter() == {}
    tunelab.report_final_result(0.5)
    assert trial.metrics_bytes() == b""


TRIAL_SCRIPT = """
import tunelab
params = tunelab.get_next_parameter()
for epoch in range(3):
    tunelab.report_intermediate_result({"default": params["lr"] * epoch, "epoch": epoch})
tunelab.report_final_result(params["lr"] * 10)
print(tunelab.get_experiment_id(), tunelab.get_trial_id(), tunelab.get_sequence_id())
"""


def test_trial_process_launched_like_tunelab_writes_its_metrics(trial: TrialFolder) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NNI_")}
    env.update(trial_environment(trial.path), PYTHONPATH=str(CLIENT_ROOT))
    result = subprocess.run([sys.executable, "-c", TRIAL_SCRIPT], env=env, cwd=trial.path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "exp12345 Xy3kQ 3\n"
    frames = parse_frames(trial.metrics_bytes())
    assert [(f.record["type"], f.record["sequence"], f.value) for f in frames] == [
        ("PERIODICAL", 0, {"default": 0.0, "epoch": 0}),
        ("PERIODICAL", 1, {"default": 0.01, "epoch": 1}),
        ("PERIODICAL", 2, {"default": 0.02, "epoch": 2}),
        ("FINAL", 0, 0.1),
    ]
    assert json.loads((trial.path / "parameter.cfg").read_text())["parameter_id"] == 7
