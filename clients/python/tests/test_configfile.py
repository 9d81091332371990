"""Config files as ``tunelab create`` sends them: paths against the file's folder, v1 converted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tunelab import configfile
from tunelab.errors import TunelabError

REPOSITORY = Path(__file__).resolve().parents[3]


def test_relative_paths_resolve_against_the_config_files_folder(tmp_path: Path) -> None:
    (tmp_path / "exp").mkdir()
    file = tmp_path / "exp" / "config.yml"
    file.write_text("searchSpaceFile: space.json\ntrialCodeDirectory: ../code\ntrialCommand: python3 t.py\n"
                    "experimentWorkingDirectory: runs\ntrialConcurrency: 1\n")
    config, warnings = configfile.load(file)
    assert warnings == []
    assert config["searchSpaceFile"] == str(tmp_path / "exp" / "space.json")
    assert config["trialCodeDirectory"] == str(tmp_path / "code")
    assert config["experimentWorkingDirectory"] == str(tmp_path / "exp" / "runs")


def test_missing_code_directory_means_the_config_files_folder(tmp_path: Path) -> None:
    file = tmp_path / "config.yaml"
    file.write_text("trialCommand: python3 t.py\ntrialConcurrency: 1\n")
    assert configfile.load(file)[0]["trialCodeDirectory"] == str(tmp_path)


def test_absolute_paths_and_json_files_are_kept(tmp_path: Path) -> None:
    file = tmp_path / "config.json"
    file.write_text('{"trialCodeDirectory": "/srv/code", "trainingService": {"platform": "local"}}')
    assert configfile.load(file)[0]["trialCodeDirectory"] == "/srv/code"


def test_quickstart_example_runs_trials_in_its_own_folder() -> None:
    config, _ = configfile.load(REPOSITORY / "examples" / "quickstart" / "config.yml")
    assert config["trialCodeDirectory"] == str(REPOSITORY / "examples" / "quickstart")
    assert (Path(config["trialCodeDirectory"]) / "train.py").is_file()


NNI_V1 = """
authorName: default
experimentName: example_mnist
trialConcurrency: 1
maxExecDuration: 1h
maxTrialNum: 10
trainingServicePlatform: local
searchSpacePath: search_space.json
useAnnotation: false
tuner:
  builtinTunerName: TPE
  classArgs:
    optimize_mode: maximize
assessor:
  builtinAssessorName: Medianstop
trial:
  command: python3 mnist.py
  codeDir: .
  gpuNum: 0
localConfig:
  gpuIndices: "0,1"
  useActiveGpu: true
"""


def test_nni_v1_config_is_converted_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "config_v1.yml"
    file.write_text(NNI_V1)
    config, warnings = configfile.load(file)
    assert config == {
        "experimentName": "example_mnist", "trialConcurrency": 1, "maxExperimentDuration": "1h",
        "maxTrialNumber": 10, "searchSpaceFile": str(tmp_path / "search_space.json"), "useAnnotation": False,
        "tuner": {"name": "TPE", "classArgs": {"optimize_mode": "maximize"}}, "assessor": {"name": "Medianstop"},
        "trialCommand": "python3 mnist.py", "trialCodeDirectory": str(tmp_path), "trialGpuNumber": 0,
        "trainingService": {"platform": "local", "gpuIndices": "0,1", "useActiveGpu": True},
    }
    (warning,) = warnings
    assert "is an NNI v1 config; it was converted to v2" in warning and "authorName" in warning


def test_v1_remote_platform_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "config.yml"
    file.write_text(NNI_V1.replace("trainingServicePlatform: local", "trainingServicePlatform: remote"))
    with pytest.raises(TunelabError, match="v1 config that Tunelab cannot run: trainingServicePlatform: 'remote'"):
        configfile.load(file)


def test_unreadable_or_invalid_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(TunelabError, match="Cannot read .*missing.yml"):
        configfile.load(tmp_path / "missing.yml")
    broken = tmp_path / "broken.yml"
    broken.write_text("a: [1, 2\n")
    with pytest.raises(TunelabError, match="broken.yml is not valid YAML: line 1"):
        configfile.load(broken)
    listed = tmp_path / "list.yml"
    listed.write_text("- 1\n")
    with pytest.raises(TunelabError, match="must hold a mapping of config fields"):
        configfile.load(listed)


def test_search_space_from_a_file_or_inline_json(tmp_path: Path) -> None:
    (tmp_path / "space.yml").write_text("x: {_type: choice, _value: [1, 2]}\n")
    assert configfile.search_space(str(tmp_path / "space.yml")) == {"x": {"_type": "choice", "_value": [1, 2]}}
    assert configfile.search_space('{"x": {"_type": "randint", "_value": [0, 3]}}') == {
        "x": {"_type": "randint", "_value": [0, 3]}}
