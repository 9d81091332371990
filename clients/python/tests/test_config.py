"""The config objects and tuners: snake_case fields, canonical JSON, misspellings caught at once."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from tunelab import Experiment, ExperimentConfig
from tunelab.assessors import Medianstop
from tunelab.config import python_field
from tunelab.tuners import GPTuner, GridSearch, HyperoptTuner, Random, Tpe, Tuner


def test_seed_style_config_becomes_nni_canonical_json(tmp_path: Path) -> None:
    experiment = Experiment(HyperoptTuner("tpe"), "local")
    experiment.config.experiment_name = "test"
    experiment.config.trial_concurrency = 2
    experiment.config.max_trial_number = 5
    experiment.config.search_space = {"lr": {"_type": "choice", "_value": [0.1, 0.01]}}
    experiment.config.trial_command = "python3 mnist.py"
    experiment.config.trial_code_directory = tmp_path
    experiment.config.training_service.use_active_gpu = True
    assert experiment.config.json() == {
        "experimentName": "test", "searchSpace": {"lr": {"_type": "choice", "_value": [0.1, 0.01]}},
        "trialCommand": "python3 mnist.py", "trialCodeDirectory": str(tmp_path), "trialConcurrency": 2,
        "maxTrialNumber": 5, "tuner": {"name": "TPE", "classArgs": {"optimize_mode": "minimize"}},
        "trainingService": {"platform": "local", "useActiveGpu": True},
    }


def test_every_gpu_field_and_duration_has_its_nni_name() -> None:
    config = ExperimentConfig("local")
    config.trial_gpu_number = 1
    config.max_experiment_duration = timedelta(minutes=90)
    config.max_trial_duration = "10m"
    config.training_service.gpu_indices = [0, 2]
    config.training_service.max_trial_number_per_gpu = 2
    config.training_service.use_active_gpu = False
    out = config.json()
    assert (out["trialGpuNumber"], out["maxExperimentDuration"], out["maxTrialDuration"]) == (1, 5400, "10m")
    assert out["trainingService"] == {"platform": "local", "gpuIndices": [0, 2], "maxTrialNumberPerGpu": 2,
                                      "useActiveGpu": False}


def test_relative_paths_resolve_against_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = ExperimentConfig("local", search_space_file="space.json", experiment_working_directory="~/runs")
    out = config.json()
    assert out["trialCodeDirectory"] == str(tmp_path)  # NNI's default '.'
    assert out["searchSpaceFile"] == str(tmp_path / "space.json")
    assert out["experimentWorkingDirectory"] == os.path.expanduser("~/runs")


def test_tuner_by_name_and_class_args_on_the_config() -> None:
    experiment = Experiment("local")
    experiment.config.tuner.name = "TPE"
    experiment.config.tuner.class_args = {"optimize_mode": "maximize"}
    experiment.config.assessor = Medianstop(start_step=3)
    assert experiment.config.json()["tuner"] == {"name": "TPE", "classArgs": {"optimize_mode": "maximize"}}
    assert experiment.config.json()["assessor"] == {"name": "Medianstop", "classArgs": {"start_step": 3}}


def test_constructor_forms_of_nni() -> None:
    config = ExperimentConfig("local", trial_concurrency=3)
    assert Experiment(config).config is config
    assert Experiment(Random(seed=3), config).config.tuner.name == "Random"
    assert Experiment(tuner=GridSearch(), training_service="local").config.tuner.name == "GridSearch"
    assert Experiment(["local"]).config.training_service.platform == "local"
    loaded = ExperimentConfig(**{"trialConcurrency": 4, "TRAINING_SERVICE": {"platform": "local", "gpuIndices": "0"}})
    assert (loaded.trial_concurrency, loaded.training_service.gpu_indices) == (4, "0")


@pytest.mark.parametrize("tuner, name, args", [
    (HyperoptTuner("tpe"), "TPE", {"optimize_mode": "minimize"}),
    (HyperoptTuner("random_search", optimize_mode="maximize"), "Random", {"optimize_mode": "maximize"}),
    (HyperoptTuner("anneal"), "Anneal", {"optimize_mode": "minimize"}),
    (HyperoptTuner("anneal", parallel_optimize=True, constant_liar_type="max"), "Anneal",
     {"optimize_mode": "minimize", "parallel_optimize": True, "constant_liar_type": "max"}),
    (HyperoptTuner("tpe", parallel_optimize=True, constant_liar_type="mean"), "TPE",
     {"optimize_mode": "minimize", "tpe_args": {"constant_liar_type": "mean"}}),
    (Tpe(), "TPE", {}),
    (Tpe(optimize_mode="maximize", seed=1), "TPE", {"optimize_mode": "maximize", "seed": 1}),
    (GPTuner(utility="ucb"), "GP", {"utility": "ucb"}),
    (Tuner("Evolution", population_size=8), "Evolution", {"population_size": 8}),
])
def test_tuners_map_to_the_servers_names(tuner: Tuner, name: str, args: dict) -> None:
    section = Experiment(tuner, "local").config.json()["tuner"]
    assert section == {"name": name, "classArgs": args}


def test_unknown_hyperopt_algorithm_is_refused() -> None:
    with pytest.raises(ValueError, match="'tpe', 'random_search', 'anneal'"):
        HyperoptTuner("bayes")


@pytest.mark.parametrize("name, hint", [
    ("trial_concurency", "did you mean 'trial_concurrency'?"),
    ("trialConcurrency", "did you mean 'trial_concurrency'?"),
    ("max_trial_num", "did you mean 'max_trial_number'?"),
    ("search_spaces", "did you mean 'search_space'?"),
    ("gpu_indices", "belongs to training_service: experiment.config.training_service.gpu_indices"),
    ("use_active_gpu", "belongs to training_service"),
])
def test_misspelt_field_fails_at_once_and_names_the_right_one(name: str, hint: str) -> None:
    config = Experiment("local").config
    with pytest.raises(AttributeError, match=f"ExperimentConfig has no field '{name}'; .*{hint}"):
        setattr(config, name, 1)
    with pytest.raises(AttributeError, match=hint):
        getattr(config, name)


def test_misspelt_nested_fields_are_caught_too() -> None:
    config = Experiment("local").config
    with pytest.raises(AttributeError, match="did you mean 'use_active_gpu'"):
        config.training_service.use_activ_gpu = True
    with pytest.raises(AttributeError, match="belongs to the experiment config: experiment.config.trial_concurrency"):
        config.training_service.trial_concurrency = 2
    with pytest.raises(AttributeError, match="did you mean 'class_args'"):
        config.tuner.classargs = {}


def test_other_platforms_are_refused_at_once() -> None:
    with pytest.raises(ValueError, match="must be 'local', not 'remote'"):
        Experiment("remote")


def test_server_field_paths_read_as_python() -> None:
    assert python_field("trainingService.gpuIndices") == "training_service.gpu_indices"
    assert python_field("trialConcurrency") == "trial_concurrency"
    assert python_field("searchSpace.learningRate._value") == "search_space.learningRate._value"
    assert python_field("tuner.classArgs.optimize_mode") == "tuner.class_args.optimize_mode"
