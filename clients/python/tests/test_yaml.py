"""The package's small YAML reader: the YAML NNI configs use, read as PyYAML's safe_load reads it."""

from __future__ import annotations

import math

import pytest

from tunelab._yaml import YamlError, loads

NNI_V2_EXAMPLE = """
# nni/examples/trials/mnist-pytorch/config.yml, abridged
experimentName: MNIST            # a comment after a value
searchSpaceFile: search_space.json
trialCommand: python3 mnist.py --tag a#b
trialCodeDirectory: .
trialGpuNumber: 0
trialConcurrency: 2
maxExperimentDuration: 24h
maxTrialNumber: 100
tuner:
  name: TPE
  classArgs: {optimize_mode: maximize}
assessor:
  name: Curvefitting
  classArgs:
    epoch_num: 20
    threshold: 0.9
trainingService:
  platform: local
  useActiveGpu: false
  gpuIndices: [0, 1]
"""


def test_reads_an_nni_v2_config() -> None:
    assert loads(NNI_V2_EXAMPLE) == {
        "experimentName": "MNIST", "searchSpaceFile": "search_space.json",
        "trialCommand": "python3 mnist.py --tag a#b", "trialCodeDirectory": ".", "trialGpuNumber": 0,
        "trialConcurrency": 2, "maxExperimentDuration": "24h", "maxTrialNumber": 100,
        "tuner": {"name": "TPE", "classArgs": {"optimize_mode": "maximize"}},
        "assessor": {"name": "Curvefitting", "classArgs": {"epoch_num": 20, "threshold": 0.9}},
        "trainingService": {"platform": "local", "useActiveGpu": False, "gpuIndices": [0, 1]},
    }


def test_reads_nested_choices_and_sequences_at_the_keys_indentation() -> None:
    text = """
searchSpace:
  optimizer:
    _type: choice
    _value:
    - _name: sgd
      momentum: {_type: uniform, _value: [0, 1]}
    - _name: adam
  layers:
    - [1, 2]
    - - 3
      - 4
"""
    assert loads(text) == {"searchSpace": {
        "optimizer": {"_type": "choice", "_value": [
            {"_name": "sgd", "momentum": {"_type": "uniform", "_value": [0, 1]}}, {"_name": "adam"}]},
        "layers": [[1, 2], [3, 4]]}}


@pytest.mark.parametrize("text, value", [
    ("~", None), ("null", None), ("", None), ("true", True), ("yes", True), ("Off", False),
    ("42", 42), ("-7", -7), ("0x1f", 31), ("1_000", 1000), ("0.5", 0.5), ("1e-4", 1e-4), ("-.inf", -math.inf),
    ("1.2.3", "1.2.3"), ("24h", "24h"), ("'it''s'", "it's"), ('"tab\\tand \\u00e9"', "tab\tand \u00e9"),
    ('"# not a comment"', "# not a comment"), ("http://host:8080/x", "http://host:8080/x"),
])
def test_scalars_resolve_as_pyyaml_resolves_them(text: str, value: object) -> None:
    assert loads(f"key: {text}") == {"key": value}


def test_flow_collections_may_span_lines_and_json_is_yaml() -> None:
    assert loads("a: [1,\n  2, {b: c}]\n") == {"a": [1, 2, {"b": "c"}]}
    assert loads('{"a": [1, 2.5, null, true], "b": {"c": "d"}}') == {"a": [1, 2.5, None, True], "b": {"c": "d"}}


def test_block_scalars_keep_or_fold_lines() -> None:
    text = "script: |\n  one\n    two\n  three\nfolded: >-\n  a b\n  c\n\n  d\nafter: 1\n"
    assert loads(text) == {"script": "one\n  two\nthree\n", "folded": "a b c\nd", "after": 1}


def test_document_markers_and_empty_documents() -> None:
    assert loads("---\n- 1\n- two\n...\n") == [1, "two"]
    assert loads("# only a comment\n") is None


@pytest.mark.parametrize("text, message", [
    ("a: &anchor 1", "anchors and aliases"),
    ("a: !!str 1", "tags"),
    ("a: 1\n---\nb: 2", "several documents"),
    ("a:\n\t- 1", "tabs cannot indent"),
    ("a: [1, 2", "never closed"),
    ("a: 1\n  b: 2", "line 2: unexpected 'b: 2'; check the indentation"),
    ("cmd: echo a: b", "quote the value"),
])
def test_unsupported_or_broken_yaml_names_the_line_and_the_fix(text: str, message: str) -> None:
    with pytest.raises(YamlError, match=message):
        loads(text)
