"""NNI's v1 (pre-2.0) experiment config converted to v2, as nnictl converts it. Private.

v1 configs have ``trial: {command, codeDir, gpuNum}``, ``maxTrialNum``, ``maxExecDuration``,
``searchSpacePath``, ``trainingServicePlatform``, ``tuner.builtinTunerName`` and ``localConfig``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Tuple

#: Top-level keys that exist only in v1 configs.
V1_KEYS = {"authorname", "maxexecduration", "maxtrialnum", "trainingserviceplatform", "searchspacepath",
           "trial", "localconfig", "multithread", "logdir", "logcollection", "versioncheck", "remoteconfig",
           "machinelist"}
_RENAMES = {"experimentname": "experimentName", "trialconcurrency": "trialConcurrency",
            "maxexecduration": "maxExperimentDuration", "maxtrialnum": "maxTrialNumber",
            "searchspacepath": "searchSpaceFile", "useannotation": "useAnnotation", "logdir": "experimentWorkingDirectory",
            "loglevel": "logLevel", "debug": "debug", "nnimanagerip": "nniManagerIp"}
_DROPPED = {"authorname", "multithread", "logcollection", "versioncheck"}
_TRIAL = {"command": "trialCommand", "codedir": "trialCodeDirectory", "gpunum": "trialGpuNumber"}
_LOCAL = {"gpuindices": "gpuIndices", "maxtrialnumpergpu": "maxTrialNumberPerGpu", "useactivegpu": "useActiveGpu"}


def _loose(key: str) -> str:
    return key.replace("_", "").lower()


def is_v1(config: Mapping[str, Any]) -> bool:
    """Whether the config uses v1 keys (``trial:``, ``maxTrialNum``, ``trainingServicePlatform`` ...)."""
    keys = {_loose(key) for key in config}
    tuner = next((value for key, value in config.items() if _loose(key) in ("tuner", "advisor")), None)
    v1_tuner = isinstance(tuner, Mapping) and any(_loose(k).startswith("builtin") for k in tuner)
    return bool(keys & V1_KEYS) or v1_tuner


def convert(config: Mapping[str, Any]) -> Tuple[Dict[str, Any], List[str]]:
    """The v2 form of a v1 config, and one note per change that is not a plain rename.

    Raises ValueError for v1 settings Tunelab cannot run (another platform, remote machines).
    """
    out: Dict[str, Any] = {}
    notes: List[str] = []
    service: Dict[str, Any] = {"platform": "local"}
    for key, value in config.items():
        loose = _loose(key)
        if loose in _RENAMES:
            out[_RENAMES[loose]] = value
        elif loose in _DROPPED:
            notes.append(f"{key} has no v2 equivalent and was dropped")
        elif loose == "trainingserviceplatform":
            if value != "local":
                raise ValueError(f"trainingServicePlatform: '{value}' is not supported; Tunelab runs trials "
                                 "locally (local)")
        elif loose == "trial":
            for trial_key, trial_value in (value or {}).items():
                target = _TRIAL.get(_loose(trial_key))
                if target is None:
                    notes.append(f"trial.{trial_key} has no v2 equivalent and was dropped")
                else:
                    out[target] = trial_value
        elif loose == "localconfig":
            for local_key, local_value in (value or {}).items():
                target = _LOCAL.get(_loose(local_key))
                if target is None:
                    notes.append(f"localConfig.{local_key} has no v2 equivalent and was dropped")
                else:
                    service[target] = local_value
        elif loose in ("tuner", "advisor", "assessor"):
            out["tuner" if loose == "advisor" else loose] = _algorithm(key, value or {}, out, notes)
        elif loose in ("remoteconfig", "machinelist"):
            raise ValueError(f"{key}: remote machines are not supported; Tunelab runs trials locally")
        else:
            out[key] = value
    out["trainingService"] = service
    return out, notes


def _algorithm(section: str, value: Mapping[str, Any], out: Dict[str, Any], notes: List[str]) -> Dict[str, Any]:
    algorithm: Dict[str, Any] = {}
    for key, item in value.items():
        loose = _loose(key)
        if loose in ("builtintunername", "builtinassessorname", "builtinadvisorname"):
            algorithm["name"] = item
        elif loose == "classargs":
            algorithm["classArgs"] = item
        elif loose == "gpuindices" and section != "assessor":
            out["tunerGpuIndices"] = item
        elif loose in ("codedir", "classfilename", "classname"):
            raise ValueError(f"{section}.{key}: custom algorithm classes are not supported; use a built-in name")
        else:
            notes.append(f"{section}.{key} has no v2 equivalent and was dropped")
    return algorithm
