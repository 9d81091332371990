"""Tuners to hand to ``Experiment(tuner, 'local')`` or to set as ``experiment.config.tuner``.

A tuner here is only a choice: the server runs the algorithm. Each class names one of the server's
built-in tuners (``GET /api/v1/tuners`` lists them with their arguments) and carries the
``class_args`` given to it; an argument left at ``None`` is not sent, so the server's default (NNI's
default) applies. NNI's class names work too (``HyperoptTuner('tpe')``, ``GPTuner`` ...), and
:class:`Tuner` names any tuner by its name::

    Experiment(Tpe(optimize_mode='maximize', seed=7), 'local')
    Experiment(HyperoptTuner('tpe'), 'local')              # NNI's spelling: Tunelab's TPE
    Experiment(Tuner('TPE', optimize_mode='maximize'), 'local')
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, Optional

from .config import AlgorithmConfig

__all__ = ["Tuner", "Tpe", "Random", "GridSearch", "Batch", "Anneal", "Evolution", "Gp", "Smac", "Cmaes",
           "HyperoptTuner", "TpeTuner", "RandomTuner", "GridSearchTuner", "BatchTuner", "EvolutionTuner",
           "GPTuner", "SMACTuner"]


class Tuner:
    """A built-in tuner by ``name`` (case-insensitive on the server) with its ``class_args``.

    Arguments whose value is None are left out, so the server's defaults apply.
    """

    def __init__(self, name: str, **class_args: Any) -> None:
        self.name = name
        self.class_args: Dict[str, Any] = {key: value for key, value in class_args.items() if value is not None}

    def algorithm_config(self) -> AlgorithmConfig:
        """The ``tuner`` section of the experiment config (a copy: changing it leaves this tuner alone)."""
        return AlgorithmConfig(name=self.name, class_args=dict(self.class_args))

    def __repr__(self) -> str:
        args = ", ".join(f"{key}={value!r}" for key, value in self.class_args.items())
        return f"{type(self).__name__}({args})" if type(self) is not Tuner else f"Tuner({self.name!r}, {args})"


class Tpe(Tuner):
    """Tree-structured Parzen Estimator (NNI's ``TPE``; ``optimize_mode`` defaults to ``'minimize'``).
    ``tpe_args`` takes NNI's keys ``constant_liar_type``, ``n_startup_jobs``, ``n_ei_candidates``,
    ``linear_forgetting``, ``prior_weight`` and ``gamma``; ``GET /api/v1/tuners`` lists Tunelab's
    defaults."""

    def __init__(self, optimize_mode: Optional[str] = None, seed: Optional[int] = None,
                 tpe_args: Optional[Dict[str, Any]] = None) -> None:
        super().__init__("TPE", optimize_mode=optimize_mode, seed=seed, tpe_args=tpe_args)


class Random(Tuner):
    """Random search without repeats (NNI's ``Random``); ``seed`` makes it reproducible."""

    def __init__(self, seed: Optional[int] = None, optimize_mode: Optional[str] = None) -> None:
        super().__init__("Random", seed=seed, optimize_mode=optimize_mode)


class GridSearch(Tuner):
    """Every combination of choices; numeric ranges refined coarse to fine (NNI's ``GridSearch``)."""

    def __init__(self, optimize_mode: Optional[str] = None) -> None:
        super().__init__("GridSearch", optimize_mode=optimize_mode)


class Batch(Tuner):
    """Runs each parameter set of the single choice ``combine_params`` once (NNI's ``BatchTuner``)."""

    def __init__(self, optimize_mode: Optional[str] = None) -> None:
        super().__init__("Batch", optimize_mode=optimize_mode)


class Anneal(Tuner):
    """Simulated annealing over the prior (NNI's ``Anneal``; ``optimize_mode`` defaults to
    ``'minimize'``). With ``parallel_optimize``, running trials are given the ``min``, ``max`` or
    ``mean`` of the values so far (``constant_liar_type``)."""

    def __init__(self, optimize_mode: Optional[str] = None, seed: Optional[int] = None,
                 parallel_optimize: Optional[bool] = None, constant_liar_type: Optional[str] = None) -> None:
        super().__init__("Anneal", optimize_mode=optimize_mode, seed=seed, parallel_optimize=parallel_optimize,
                         constant_liar_type=constant_liar_type)


class Evolution(Tuner):
    """Naive evolution (NNI's ``Evolution``): ``optimize_mode``, ``population_size`` (32)."""

    def __init__(self, optimize_mode: Optional[str] = None, population_size: Optional[int] = None) -> None:
        super().__init__("Evolution", optimize_mode=optimize_mode, population_size=population_size)


class Gp(Tuner):
    """Gaussian-process Bayesian optimisation (NNI's ``GP``). NNI's defaults: ``utility='ei'``,
    ``kappa=5``, ``xi=0``, ``nu=2.5``, ``alpha=1e-6``, ``cold_start_num=10``,
    ``selection_num_warm_up=100000``, ``selection_num_starting_points=250``."""

    def __init__(self, optimize_mode: Optional[str] = None, utility: Optional[str] = None,
                 kappa: Optional[float] = None, xi: Optional[float] = None, nu: Optional[float] = None,
                 alpha: Optional[float] = None, cold_start_num: Optional[int] = None,
                 selection_num_warm_up: Optional[int] = None,
                 selection_num_starting_points: Optional[int] = None) -> None:
        super().__init__("GP", optimize_mode=optimize_mode, utility=utility, kappa=kappa, xi=xi, nu=nu,
                         alpha=alpha, cold_start_num=cold_start_num, selection_num_warm_up=selection_num_warm_up,
                         selection_num_starting_points=selection_num_starting_points)


class Smac(Tuner):
    """Random-forest SMBO (NNI's ``SMAC``): ``optimize_mode``, ``config_dedup`` (False)."""

    def __init__(self, optimize_mode: Optional[str] = None, config_dedup: Optional[bool] = None) -> None:
        super().__init__("SMAC", optimize_mode=optimize_mode, config_dedup=config_dedup)


class Cmaes(Tuner):
    """CMA-ES for continuous spaces (a Tunelab addition; not in NNI)."""

    def __init__(self, optimize_mode: Optional[str] = None, seed: Optional[int] = None, **class_args: Any) -> None:
        super().__init__("CMAES", optimize_mode=optimize_mode, seed=seed, **class_args)


#: HyperoptTuner's algorithm names and the Tunelab tuner each one selects.
HYPEROPT_ALGORITHMS = {"tpe": "TPE", "random_search": "Random", "anneal": "Anneal"}
_LIARS = {"min": "best", "max": "worst", "mean": "mean"}


class HyperoptTuner(Tuner):
    """NNI's ``HyperoptTuner(algorithm_name, optimize_mode='minimize', parallel_optimize=False,
    constant_liar_type='min')``, mapped onto Tunelab's own tuners: ``'tpe'`` is ``TPE``,
    ``'random_search'`` is ``Random``, ``'anneal'`` is ``Anneal``.

    ``optimize_mode`` is always sent (NNI's default is ``'minimize'``). With ``parallel_optimize``,
    Anneal gets both arguments as they are, and TPE's constant liar follows ``constant_liar_type``
    (hyperopt's ``min``/``max``/``mean`` are TPE's ``best``/``worst``/``mean``); without it, Tunelab's
    TPE keeps its default liar, which makes parallel trials explore. Random search ignores both.
    """

    def __init__(self, algorithm_name: str, optimize_mode: str = "minimize", parallel_optimize: bool = False,
                 constant_liar_type: str = "min") -> None:
        name = HYPEROPT_ALGORITHMS.get(algorithm_name)
        if name is None:
            raise ValueError(f"HyperoptTuner's algorithm_name must be one of "
                             f"{', '.join(repr(key) for key in HYPEROPT_ALGORITHMS)}, not {algorithm_name!r}.")
        if constant_liar_type not in _LIARS:
            raise ValueError(f"constant_liar_type must be 'min', 'max' or 'mean', not {constant_liar_type!r}.")
        liar: Dict[str, Any] = {}
        if parallel_optimize:
            if name == "TPE":
                liar = {"tpe_args": {"constant_liar_type": _LIARS[constant_liar_type]}}
            elif name == "Anneal":
                liar = {"parallel_optimize": True, "constant_liar_type": constant_liar_type}
            else:
                warnings.warn(f"parallel_optimize has no effect on Tunelab's {name} tuner; it is ignored.",
                              stacklevel=2)
        super().__init__(name, optimize_mode=optimize_mode, **liar)
        self.algorithm_name = algorithm_name


# NNI's class names, for scripts moving over.
TpeTuner = Tpe
RandomTuner = Random
GridSearchTuner = GridSearch
BatchTuner = Batch
EvolutionTuner = Evolution
GPTuner = Gp
SMACTuner = Smac
