"""The experiment config as Python objects: NNI's v2 ``ExperimentConfig`` with snake_case fields.

``experiment.config.trial_concurrency = 2`` sets what YAML calls ``trialConcurrency``. Only the
fields listed on each class exist: setting or reading a misspelt one raises ``AttributeError`` at
once, naming the field meant (``trial_concurency`` -> ``trial_concurrency``), or where the field
lives (``config.gpu_indices`` -> ``config.training_service.gpu_indices``).

:meth:`ExperimentConfig.json` gives the canonical JSON that the server receives: camelCase keys,
unset (None) fields left out, paths absolute (relative paths resolve against the working
directory, ``~`` is the home directory, as NNI's Python API does).
"""

from __future__ import annotations

import difflib
import math
import os
from datetime import timedelta
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

__all__ = ["ExperimentConfig", "AlgorithmConfig", "LocalConfig", "python_field"]

PathLike = Union[str, "os.PathLike[str]"]
Duration = Union[str, int, float, timedelta]


def _loose(name: str) -> str:
    """NNI's key matching: case-insensitive and ignoring underscores."""
    return name.replace("_", "").lower()


def camel(name: str) -> str:
    """``trial_gpu_number`` -> ``trialGpuNumber``."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


class _ConfigObject:
    """Strict attributes: only the annotated fields exist, and a misspelt one fails at once."""

    _label = "config"
    #: Names that are no field here, and the sentence that says where they live.
    _elsewhere: Dict[str, str] = {}
    #: Fields given as paths: made absolute in :meth:`json`.
    _paths: Tuple[str, ...] = ()

    def __init__(self, **fields: Any) -> None:
        for name, value in self._defaults().items():
            object.__setattr__(self, name, value)
        for key, value in fields.items():
            setattr(self, self._field_for_key(key), value)

    @classmethod
    def fields(cls) -> List[str]:
        """The field names, in declaration order."""
        cached = cls.__dict__.get("_field_names")
        if cached is None:
            cached = []
            for klass in reversed(cls.__mro__):
                cached += [name for name in getattr(klass, "__annotations__", {})
                           if not name.startswith("_") and name not in cached]
            setattr(cls, "_field_names", cached)
        return list(cached)

    @classmethod
    def _defaults(cls) -> Dict[str, Any]:
        return {name: None for name in cls.fields()}

    @classmethod
    def _field_for_key(cls, key: str) -> str:
        """The field a key names, matched as NNI matches keys (``trialConcurrency`` works)."""
        for name in cls.fields():
            if _loose(name) == _loose(key):
                return name
        raise AttributeError(cls._unknown(key))

    @classmethod
    def _unknown(cls, name: str) -> str:
        """The sentence for a field that does not exist: where it lives, or the name meant."""
        elsewhere = {_loose(key): place for key, place in cls._elsewhere.items()}
        if _loose(name) in elsewhere:
            return f"{cls._label} has no field '{name}'; {elsewhere[_loose(name)]}"
        fields = {_loose(field): field for field in cls.fields()}
        if _loose(name) in fields:
            return f"{cls._label} has no field '{name}'; did you mean '{fields[_loose(name)]}'?"
        close = difflib.get_close_matches(_loose(name), list(fields), n=1, cutoff=0.6)
        if close:
            return f"{cls._label} has no field '{name}'; did you mean '{fields[close[0]]}'?"
        return f"{cls._label} has no field '{name}'. Its fields: {', '.join(fields.values())}."

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self.fields():
            raise AttributeError(self._unknown(name))
        object.__setattr__(self, name, self._coerce(name, value))

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes that do not exist.
        if name.startswith("__"):
            raise AttributeError(name)
        raise AttributeError(self._unknown(name))

    def _coerce(self, name: str, value: Any) -> Any:
        return value

    def json(self) -> Dict[str, Any]:
        """The canonical JSON: camelCase keys, None left out, paths absolute."""
        out: Dict[str, Any] = {}
        for name in self.fields():
            value = getattr(self, name)
            if value is None or (isinstance(value, AlgorithmConfig) and value.is_unset()):
                continue
            if isinstance(value, _ConfigObject):
                value = value.json()
            elif name in self._paths:
                value = os.path.abspath(os.path.expanduser(os.fspath(value)))
            else:
                value = _plain(value)
            out[camel(name)] = value
        return out

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields()
                          if getattr(self, name) is not None)
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.json() == other.json()  # type: ignore[attr-defined]


class AlgorithmConfig(_ConfigObject):
    """A tuner or an assessor: a built-in ``name`` (``TPE``, ``Random``, ...) and its ``class_args``."""

    _label = "the tuner/assessor config"
    _paths = ("code_directory",)

    name: Optional[str]
    class_args: Dict[str, Any]
    class_name: Optional[str]
    code_directory: Optional[PathLike]

    @classmethod
    def _defaults(cls) -> Dict[str, Any]:
        return {**super()._defaults(), "class_args": {}}

    def is_unset(self) -> bool:
        """Whether nothing was chosen yet (the placeholder ``Experiment('local')`` starts with)."""
        return self.name is None and self.class_name is None and not self.class_args

    def json(self) -> Dict[str, Any]:
        out = super().json()
        out.setdefault("classArgs", {})
        return out


class LocalConfig(_ConfigObject):
    """``training_service``: trials run as processes on the server's machine (NNI's ``local``)."""

    _label = "training_service"
    _paths = ("trial_code_directory",)

    platform: str
    use_active_gpu: Optional[bool]
    max_trial_number_per_gpu: Optional[int]
    gpu_indices: Optional[Union[List[int], int, str]]
    reuse_mode: Optional[bool]
    trial_command: Optional[str]
    trial_code_directory: Optional[PathLike]
    trial_gpu_number: Optional[int]
    debug: Optional[bool]
    nni_manager_ip: Optional[str]

    @classmethod
    def _defaults(cls) -> Dict[str, Any]:
        return {**super()._defaults(), "platform": "local"}

    def _coerce(self, name: str, value: Any) -> Any:
        if name == "platform" and value != "local":
            raise ValueError(_platform_message(value))
        return value


_TRAINING_SERVICE_FIELDS = ("use_active_gpu", "max_trial_number_per_gpu", "gpu_indices", "reuse_mode", "platform")
LocalConfig._elsewhere = {name: f"it belongs to the experiment config: experiment.config.{name}."
                          for name in ("trial_concurrency", "max_trial_number", "max_experiment_duration",
                                       "search_space", "search_space_file", "tuner", "assessor",
                                       "experiment_name", "max_trial_duration")}


class ExperimentConfig(_ConfigObject):
    """NNI's v2 experiment config. See the README's field table for each field's meaning.

    ``ExperimentConfig('local', trial_concurrency=2)`` or ``ExperimentConfig(**yaml_dict)``: keys
    match case-insensitively and ignoring underscores, as in NNI.
    """

    _label = "ExperimentConfig"
    _paths = ("trial_code_directory", "search_space_file", "experiment_working_directory")
    _elsewhere = {**{name: f"it belongs to training_service: experiment.config.training_service.{name}."
                     for name in _TRAINING_SERVICE_FIELDS},
                  "shared_storage": "Tunelab does not need it: trials run on the server's machine and read "
                                    "trial_code_directory in place."}

    experiment_name: Optional[str]
    experiment_type: Optional[str]
    search_space_file: Optional[PathLike]
    search_space: Optional[Dict[str, Any]]
    trial_command: Optional[str]
    trial_code_directory: Optional[PathLike]
    trial_concurrency: Optional[int]
    trial_gpu_number: Optional[int]
    max_experiment_duration: Optional[Duration]
    max_trial_number: Optional[int]
    max_trial_duration: Optional[Duration]
    nni_manager_ip: Optional[str]
    use_annotation: Optional[bool]
    debug: Optional[bool]
    log_level: Optional[str]
    experiment_working_directory: Optional[PathLike]
    tuner_gpu_indices: Optional[Union[List[int], int, str]]
    tuner: Optional[AlgorithmConfig]
    assessor: Optional[AlgorithmConfig]
    advisor: Optional[AlgorithmConfig]
    training_service: LocalConfig

    def __init__(self, training_service: Any = "local", **fields: Any) -> None:
        super().__init__(training_service=training_service, **fields)

    @classmethod
    def _defaults(cls) -> Dict[str, Any]:
        return {**super()._defaults(), "trial_code_directory": ".", "tuner": AlgorithmConfig(),
                "assessor": AlgorithmConfig(), "training_service": LocalConfig()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ExperimentConfig":
        """The config from the server's canonical JSON; keys this client does not know are skipped."""
        known = {_loose(name) for name in cls.fields()}
        return cls(**{key: value for key, value in data.items() if _loose(key) in known})

    def _coerce(self, name: str, value: Any) -> Any:
        if name in ("tuner", "assessor", "advisor"):
            return _algorithm(value, name)
        if name == "training_service":
            return _training_service(value)
        if name in ("max_experiment_duration", "max_trial_duration") and isinstance(value, timedelta):
            return math.ceil(value.total_seconds())
        return value


def _algorithm(value: Any, field: str) -> Optional[AlgorithmConfig]:
    if value is None:
        return AlgorithmConfig() if field in ("tuner", "assessor") else None
    if isinstance(value, AlgorithmConfig):
        return value
    if hasattr(value, "algorithm_config"):
        return value.algorithm_config()
    if isinstance(value, Mapping):
        return AlgorithmConfig(**value)
    if isinstance(value, str):
        return AlgorithmConfig(name=value)
    raise TypeError(f"{field} must be a tuner such as tunelab.tuners.Tpe(), a name such as 'TPE', "
                    f"or a dict {{'name': ..., 'class_args': {{...}}}}; got {type(value).__name__}")


def _training_service(value: Any) -> LocalConfig:
    if isinstance(value, LocalConfig):
        return value
    if isinstance(value, Mapping):
        return LocalConfig(**value)
    if isinstance(value, (list, tuple)):
        if len(value) == 1:
            return _training_service(value[0])
        raise ValueError("Tunelab runs trials on one training service, 'local'; hybrid lists are not supported.")
    if value == "local":
        return LocalConfig()
    raise ValueError(_platform_message(value))


def _platform_message(value: Any) -> str:
    return (f"Tunelab runs trials on the server's own machine: training_service must be 'local', "
            f"not {value!r}.")


def _plain(value: Any) -> Any:
    """Values as JSON can carry them: paths as strings, tuples as lists."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, timedelta):
        return math.ceil(value.total_seconds())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _camel_fields() -> Dict[str, str]:
    classes: Iterable[type] = (ExperimentConfig, AlgorithmConfig, LocalConfig)
    return {camel(name): name for klass in classes for name in klass.fields()}  # type: ignore[attr-defined]


def python_field(field: str) -> str:
    """A field path in the server's words (``trainingService.gpuIndices``) in Python's
    (``training_service.gpu_indices``); names inside a search space or class_args stay as they are."""
    names = _camel_fields()
    parts = field.split(".")
    out: List[str] = []
    for index, part in enumerate(parts):
        inside_user_data = index > 0 and parts[index - 1] in ("searchSpace", "classArgs")
        out.append(part if inside_user_data or part not in names else names[part])
        if inside_user_data:
            out += parts[index + 1:]
            break
    return ".".join(out)
