"""The tuner and assessor classes against the server's catalog (``GET /api/v1/tuners``)."""

from __future__ import annotations

import inspect
from typing import Dict, List, Set

from live import LiveServer
from tunelab import assessors, tuners

TUNERS: List[type] = [tuners.Tpe, tuners.Random, tuners.GridSearch, tuners.Batch, tuners.Anneal, tuners.Evolution,
                      tuners.Gp, tuners.Smac, tuners.Cmaes]
ASSESSORS: List[type] = [assessors.Medianstop, assessors.Curvefitting]


def catalog(server: LiveServer, kind: str) -> Dict[str, Set[str]]:
    """Each algorithm's name and aliases, with the classArgs it takes."""
    found: Dict[str, Set[str]] = {}
    for algorithm in server.call("GET", "/api/v1/tuners")[kind]:
        for name in [algorithm["name"], *algorithm["aliases"]]:
            found[name] = {argument["name"] for argument in algorithm["classArgs"]}
    return found


def arguments(cls: type) -> Set[str]:
    return {name for name, parameter in inspect.signature(cls).parameters.items()
            if parameter.kind is not inspect.Parameter.VAR_KEYWORD}


def name_of(cls: type) -> str:
    return cls(epoch_num=1).name if cls is assessors.Curvefitting else cls().name


def test_every_class_names_a_server_algorithm_with_arguments_it_takes(server: LiveServer) -> None:
    for kind, classes in (("tuners", TUNERS), ("assessors", ASSESSORS)):
        known = catalog(server, kind)
        for cls in classes:
            name = name_of(cls)
            if name in known:  # the others land with the model-based tuners and assessors
                assert arguments(cls) <= known[name], f"{cls.__name__} sends arguments {name} does not take"


def test_every_server_tuner_has_a_class(server: LiveServer) -> None:
    names = {name_of(cls) for cls in TUNERS}
    listed = {algorithm["name"] for algorithm in server.call("GET", "/api/v1/tuners")["tuners"]}
    assert listed <= names, f"tunelab.tuners has no class for {sorted(listed - names)}"


def test_hyperopt_algorithms_select_server_tuners_when_present(server: LiveServer) -> None:
    known = catalog(server, "tuners")
    for algorithm, name in tuners.HYPEROPT_ALGORITHMS.items():
        if name in known:
            assert set(tuners.HyperoptTuner(algorithm, parallel_optimize=name != "Random").class_args) <= known[name]
