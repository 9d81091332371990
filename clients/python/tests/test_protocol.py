"""The file protocol's pure parts: metric values, metric records, frames, parameter records, environment."""

from __future__ import annotations

import json
import math
import numbers
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Optional

import pytest

from tunelab import _protocol
from tunelab._protocol import TrialEnvironment

# NNI's documented FINAL frame (reference/nni.md §4.4), byte for byte.
NNI_FINAL_FRAME = (b'ME000096{"parameter_id": 7, "trial_job_id": "Xy3kQ", "type": "FINAL", '
                   b'"sequence": 0, "value": "0.9731"}\n')


class Float32Like:
    """Stands in for ``numpy.float32``: not a float subclass, registered as numbers.Real as numpy does."""

    def __init__(self, value: float) -> None:
        self._value = value

    def __float__(self) -> float:
        return self._value

    def __repr__(self) -> str:
        return f"Float32Like({self._value})"


numbers.Real.register(Float32Like)


def test_nni_documented_final_frame_is_reproduced_byte_for_byte() -> None:
    value = _protocol.encode_metric_value(0.9731, "report_final_result")
    payload = _protocol.metric_json(7, "Xy3kQ", "FINAL", 0, value)
    assert _protocol.encode_frame(payload) == NNI_FINAL_FRAME


@pytest.mark.parametrize("parameter_id", [7, "0-3_0_5", None])
def test_metric_record_matches_json_dumps_key_order_and_separators(parameter_id: object) -> None:
    record = _protocol.metric_json(parameter_id, "Xy3kQ", "PERIODICAL", 3, "0.8125")
    assert record == json.dumps({"parameter_id": parameter_id, "trial_job_id": "Xy3kQ",
                                 "type": "PERIODICAL", "sequence": 3, "value": "0.8125"})


@pytest.mark.parametrize("metric, text", [
    (3, "3"),
    (0.5, "0.5"),
    (1e-20, "1e-20"),
    (-0.0, "-0.0"),
    (math.nan, "NaN"),
    (math.inf, "Infinity"),
    (-math.inf, "-Infinity"),
    (Fraction(1, 4), "0.25"),
    (Float32Like(0.25), "0.25"),
    ({"default": 0.9, "loss": 0.1}, '{"default": 0.9, "loss": 0.1}'),
    ({"loss": 0.1, "default": 0.9}, '{"loss": 0.1, "default": 0.9}'),
    ({"default": math.nan, "best": -math.inf}, '{"default": NaN, "best": -Infinity}'),
    ({"default": Float32Like(0.5), "lr": Float32Like(0.25)}, '{"default": 0.5, "lr": 0.25}'),
    ({"default": 1, "note": "ok", "tags": [1, None, True]}, '{"default": 1, "note": "ok", "tags": [1, null, true]}'),
])
def test_metric_value_is_the_json_text_nni_writes(metric: object, text: str) -> None:
    assert _protocol.encode_metric_value(metric, "report_final_result") == text


def test_non_ascii_dict_keys_are_escaped_as_nni_does() -> None:
    # NNI's json_tricks keeps json's ensure_ascii=True: "é" is written as \u00e9.
    text = _protocol.encode_metric_value({"default": 1, "précision": 0.5}, "report_final_result")
    assert text == '{"default": 1, "pr\\u00e9cision": 0.5}'
    assert json.loads(text) == {"default": 1, "précision": 0.5}


@pytest.mark.parametrize("metric", ["0.9", None, True, [0.9], (0.9,), Decimal("0.9"), 1 + 2j, object()])
def test_metric_that_is_not_a_number_or_dict_is_refused_with_what_is_accepted(metric: object) -> None:
    with pytest.raises(TypeError, match=r"report_final_result\(\) accepts an int, a float or a dict"):
        _protocol.encode_metric_value(metric, "report_final_result")


def test_dict_without_default_is_refused() -> None:
    with pytest.raises(TypeError, match="without a 'default' key.*Keys given: \\['loss'\\]"):
        _protocol.encode_metric_value({"loss": 0.1}, "report_intermediate_result")


@pytest.mark.parametrize("default", ["0.9", None, False, [0.9]])
def test_dict_with_non_numeric_default_is_refused(default: object) -> None:
    with pytest.raises(TypeError, match=r"needs metric\['default'\] to be an int or a float"):
        _protocol.encode_metric_value({"default": default}, "report_final_result")


def test_dict_with_unserialisable_value_is_refused_with_the_type_named() -> None:
    with pytest.raises(TypeError, match="could not write the metric dict as JSON.*type object"):
        _protocol.encode_metric_value({"default": 1.0, "model": object()}, "report_final_result")


def test_frame_length_counts_utf8_bytes_including_the_newline() -> None:
    frame = _protocol.encode_frame('{"k": "é€𝄞"}')
    payload = '{"k": "é€𝄞"}\n'.encode("utf-8")
    assert len(payload) == 19  # 10 ASCII (newline included) + 2 + 3 + 4 bytes
    assert frame == b"ME000019" + payload


def test_frame_of_999999_payload_bytes_is_the_largest_allowed() -> None:
    assert _protocol.encode_frame("x" * 999_998)[:8] == b"ME999999"
    with pytest.raises(ValueError, match="1,000,000 bytes once encoded.*at most 999,999"):
        _protocol.encode_frame("x" * 999_999)


def test_multi_byte_characters_count_towards_the_size_limit() -> None:
    with pytest.raises(ValueError, match="1,000,000 bytes"):
        _protocol.encode_frame("é" * 499_999 + "x")  # 999,999 characters, 1,000,000 bytes with newline


def test_parameter_record_is_read_whole(tmp_path: Path) -> None:
    record = {"parameter_id": "0-3_0_5", "parameter_source": "algorithm",
              "parameters": {"lr": 0.1, "TRIAL_BUDGET": 3}, "parameter_index": 0}
    (tmp_path / "parameter.cfg").write_text(json.dumps(record), encoding="utf-8")
    assert _protocol.read_parameter_record(str(tmp_path)) == record


def test_missing_parameter_file_fails_at_once_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"parameter\.cfg does not exist\. Tunelab writes"):
        _protocol.read_parameter_record(str(tmp_path))


@pytest.mark.parametrize("content, message", [
    ("", "is not valid JSON"),
    ("{not json", "is not valid JSON"),
    ('{"lr": 0.1}', 'holds no parameter record'),
    ("[1, 2]", "holds no parameter record"),
])
def test_malformed_parameter_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "parameter.cfg").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        _protocol.read_parameter_record(str(tmp_path))


def test_metric_file_creates_the_nni_folder_and_appends(tmp_path: Path) -> None:
    metrics = _protocol.MetricFile(str(tmp_path))
    metrics.append(b"ME000003{}\n")
    metrics.close()
    metrics.append(b"ME000003[]\n")
    metrics.close()
    assert (tmp_path / ".nni" / "metrics").read_bytes() == b"ME000003{}\nME000003[]\n"


@pytest.mark.parametrize("platform, in_experiment", [
    ("local", True), ("remote", True), ("unittest", False), ("", False), (None, False),
])
def test_experiment_is_recognised_from_nni_platform(platform: Optional[str], in_experiment: bool) -> None:
    environ = {} if platform is None else {"NNI_PLATFORM": platform}
    assert TrialEnvironment.from_environ(environ).in_experiment is in_experiment


def test_environment_without_ids_gives_nni_standalone_placeholders() -> None:
    env = TrialEnvironment.from_environ({})
    assert (env.experiment_id, env.trial_id, env.trial_job_id, env.sequence_id) == \
        ("STANDALONE", "STANDALONE", None, 0)


def test_non_integer_sequence_id_is_refused() -> None:
    with pytest.raises(ValueError, match="NNI_TRIAL_SEQ_ID must be an integer, got 'abc'"):
        TrialEnvironment.from_environ({"NNI_TRIAL_SEQ_ID": "abc"})


def test_experiment_without_sys_dir_says_so() -> None:
    env = TrialEnvironment.from_environ({"NNI_PLATFORM": "local"})
    with pytest.raises(RuntimeError, match="NNI_SYS_DIR is not set"):
        env.require_sys_dir()
