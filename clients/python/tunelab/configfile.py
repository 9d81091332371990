"""Experiment config files (NNI v2 YAML or JSON, or v1 converted) as the server should receive them.

What ``tunelab create --config exp.yml`` sends, and how it differs from the file:

- Relative paths resolve against the config file's folder, as nnictl resolves them (the server
  would resolve them against its own working directory): ``trialCodeDirectory`` (default ``.``,
  so a config without it runs trials in its own folder), ``searchSpaceFile``,
  ``experimentWorkingDirectory``, ``trainingService.trialCodeDirectory`` and the algorithms'
  ``codeDirectory``; ``~`` is the home directory.
- An NNI v1 config is converted to v2, with a warning listing what changed.

The file is read with the package's own small YAML reader (standard library only); YAML features
configs do not use (anchors, tags, several documents) are refused with the line, never guessed.
JSON files (``.json``) are read as JSON.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Mapping, MutableMapping, Tuple, Union

from . import _nni_v1, _yaml
from .errors import TunelabError

__all__ = ["load", "read_data", "resolve_paths", "search_space"]

_TOP_PATHS = ("trialcodedirectory", "searchspacefile", "experimentworkingdirectory")


def load(path: Union[str, "os.PathLike[str]"]) -> Tuple[Dict[str, Any], List[str]]:
    """The config in ``path`` ready to send, and warnings for a person (v1 conversion).

    Raises :class:`~tunelab.errors.TunelabError` naming the file (and line) when it cannot be read
    or is not a mapping, or when a v1 setting cannot be converted.
    """
    file = Path(path).expanduser()
    data = read_data(file)
    if not isinstance(data, dict):
        raise TunelabError(f"{file} must hold a mapping of config fields (experimentName: ..., "
                           f"trialCommand: ...), not {type(data).__name__}.")
    warnings: List[str] = []
    if _nni_v1.is_v1(data):
        try:
            data, notes = _nni_v1.convert(data)
        except ValueError as error:
            raise TunelabError(f"{file} is an NNI v1 config that Tunelab cannot run: {error}.") from None
        warnings.append(f"{file} is an NNI v1 config; it was converted to v2 (maxTrialNum is now maxTrialNumber, "
                        f"trial.command trialCommand, and so on)" + (": " + "; ".join(notes) if notes else "") +
                        ". Update the file to v2 to silence this warning.")
    resolve_paths(data, file.resolve().parent)
    return data, warnings


def read_data(file: Path) -> Any:
    """A JSON or YAML file's content (JSON when the name ends in ``.json``; NNI reads both)."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise TunelabError(f"Cannot read {file}: {error.strerror or error}.") from None
    try:
        if file.suffix.lower() == ".json":
            return json.loads(text)
        return _yaml.loads(text)
    except ValueError as error:
        raise TunelabError(f"{file} is not valid {'JSON' if file.suffix.lower() == '.json' else 'YAML'}: "
                           f"{error}.") from None


def resolve_paths(config: MutableMapping[str, Any], base: Path) -> None:
    """Makes the config's path fields absolute against ``base``, in place; a missing
    ``trialCodeDirectory`` becomes ``base`` itself (NNI's default ``.``)."""
    has_code_directory = False
    for key in list(config):
        loose = _loose(key)
        if loose in _TOP_PATHS and isinstance(config[key], str):
            config[key] = _absolute(config[key], base)
        has_code_directory |= loose == "trialcodedirectory" and config[key] is not None
        if loose in ("tuner", "assessor", "advisor") and isinstance(config[key], MutableMapping):
            _resolve_key(config[key], "codedirectory", base)
        if loose == "trainingservice" and isinstance(config[key], MutableMapping):
            has_code_directory |= _resolve_key(config[key], "trialcodedirectory", base)
    if not has_code_directory:
        config["trialCodeDirectory"] = str(base)


def _resolve_key(section: MutableMapping[str, Any], loose_name: str, base: Path) -> bool:
    for key, value in section.items():
        if _loose(key) == loose_name and isinstance(value, str):
            section[key] = _absolute(value, base)
            return True
    return False


def _absolute(text: str, base: Path) -> str:
    return os.path.normpath(base / os.path.expanduser(text))


def _loose(key: str) -> str:
    return key.replace("_", "").lower()


def search_space(value: Union[str, "os.PathLike[str]", Mapping[str, Any]]) -> Dict[str, Any]:
    """A search space given inline (a dict, or JSON text) or as a JSON/YAML file's path."""
    if isinstance(value, Mapping):
        return dict(value)
    text = os.fspath(value)
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError as error:
            raise TunelabError(f"The search space is not valid JSON: {error}.") from None
    data = read_data(Path(text).expanduser())
    if not isinstance(data, dict):
        raise TunelabError(f"{text} must hold a search space: a mapping of parameter names to "
                           "{_type: ..., _value: [...]}.")
    return data
