"""The ``tunelab`` command end to end against the live server (in-process, through ``main``)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import List, Tuple

import pytest

from live import REPOSITORY, SPACE, LiveServer, free_port, write_trial
from tunelab.cli import main

pytestmark = pytest.mark.usefixtures("no_server_variables")


def tunelab(server: LiveServer, *args: str) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([*args, "--port", str(server.port)], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def ok(server: LiveServer, *args: str) -> str:
    code, out, err = tunelab(server, *args)
    assert code == 0, err
    return out


def create(server: LiveServer, config: Path) -> str:
    out = ok(server, "create", "--config", str(config))
    match = re.match(r"Experiment (\w+) created: (RUNNING|NO_MORE_TRIAL|DONE)\n", out)
    assert match, out
    return match.group(1)


def yaml_config(folder: Path, trials: int, concurrency: int = 2, extra: str = "") -> Path:
    """An NNI v2 YAML config in ``folder/conf`` whose relative paths point at ``folder/code``."""
    write_trial(folder / "code")
    (folder / "conf").mkdir()
    (folder / "conf" / "space.json").write_text(json.dumps(SPACE))
    config = folder / "conf" / "exp.yml"
    config.write_text(f"""
experimentName: cli   # NNI v2, relative paths from this file
searchSpaceFile: space.json
trialCommand: python3 trial.py
trialCodeDirectory: ../code
trialConcurrency: {concurrency}
maxTrialNumber: {trials}
tuner:
  name: Random
  classArgs: {{seed: 3}}
trainingService:
  platform: local
{extra}""")
    return config


def test_create_status_list_trials_logs_and_results(server: LiveServer, tmp_path: Path) -> None:
    experiment = create(server, yaml_config(tmp_path, trials=3))
    view = server.wait_for(experiment, {"DONE"})
    assert view["config"]["trialCodeDirectory"] == str(tmp_path / "code")

    status = ok(server, "status", experiment)
    assert re.search(rf"Experiment +{experiment} \(cli\)\nStatus +DONE\n", status)
    assert "3/3 done, 3 submitted (SUCCEEDED 3)" in status and "Tuner        Random {\"seed\": 3}" in status
    assert json.loads(ok(server, "status", experiment, "--json"))["trialCounts"] == {"SUCCEEDED": 3}
    assert re.search(rf"{experiment} +cli +DONE +3 ", ok(server, "list"))
    assert experiment in [item["id"] for item in json.loads(ok(server, "list", "--json"))]

    listing = ok(server, "trial", "ls", experiment)
    assert listing.splitlines()[0].split() == ["TRIAL", "#", "STATUS", "FINAL", "LATEST", "DURATION", "PARAMETERS"]
    trials = json.loads(ok(server, "trial", "ls", experiment, "--json"))
    assert len(trials) == 3 and all(f"{t['trialId']}  {t['sequenceId']}  SUCCEEDED" in listing for t in trials)
    ranked = sorted(trials, key=lambda t: t["finalMetric"], reverse=True)
    assert [t["trialId"] for t in json.loads(ok(server, "trial", "ls", experiment, "--head", "2", "--json"))] == \
        [t["trialId"] for t in ranked[:2]]
    assert [t["trialId"] for t in json.loads(ok(server, "trial", "ls", experiment, "--tail", "2", "--json"))] == \
        [t["trialId"] for t in ranked[1:]]

    first = trials[0]
    assert ok(server, "log", "trial", experiment, first["trialId"]) == f"trial done {first['parameters']['x']}\n"
    assert ok(server, "log", "trial", experiment, first["trialId"], "--stderr") == "to stderr\n"
    assert ok(server, "log", "trial", experiment, first["trialId"], "--path").strip() == first["directory"]

    exported_csv = tmp_path / "out.csv"
    assert "Exported 3 trials" in ok(server, "export", experiment, "--format", "csv", "-o", str(exported_csv))
    rows = list(csv.DictReader(exported_csv.open()))
    assert {row["trialJobId"] for row in rows} == {t["trialId"] for t in trials}
    exported_json = tmp_path / "out.json"
    ok(server, "export", experiment, "--format", "json", "-o", str(exported_json))
    assert len(json.loads(exported_json.read_text())) == 3

    second = create(server, yaml_config(tmp_path / "again", trials=1))
    assert ok(server, "import", second, "-f", str(exported_json)) == f"Imported 3 results into experiment {second}.\n"


def test_change_kill_stop_resume_a_running_experiment(server: LiveServer, tmp_path: Path) -> None:
    config = yaml_config(tmp_path, trials=2, concurrency=1)
    (tmp_path / "code" / "hold").write_text("")
    experiment = create(server, config)
    server.wait_until(lambda: server.experiment(experiment)["trialCounts"].get("RUNNING") == 1, "a running trial")

    assert ok(server, "update", "concurrency", experiment, "2") == \
        f"Experiment {experiment}: trialConcurrency is now 2.\n"
    assert ok(server, "update", "trialnum", experiment, "4").endswith("maxTrialNumber is now 4.\n")
    assert ok(server, "update", "duration", experiment, "2h").endswith('maxExperimentDuration is now "2h".\n')
    space = tmp_path / "new-space.yml"
    space.write_text("x: {_type: uniform, _value: [0.5, 1]}\n")
    assert ok(server, "update", "searchspace", experiment, str(space)).endswith("searchSpace changed.\n")
    assert server.experiment(experiment)["config"]["searchSpace"] == {"x": {"_type": "uniform", "_value": [0.5, 1]}}
    server.wait_until(lambda: server.experiment(experiment)["trialCounts"].get("RUNNING") == 2, "two running trials")

    running = [t["trialId"] for t in server.trials(experiment) if t["status"] == "RUNNING"]
    assert "will end as USER_CANCELED" in ok(server, "trial", "kill", experiment, running[0])
    server.wait_until(lambda: any(t["status"] == "USER_CANCELED" for t in server.trials(experiment)), "the cancel")

    top = ok(server, "top", "-n", "1")
    assert re.search(rf"{experiment} +cli +(RUNNING|NO_MORE_TRIAL)", top)
    assert experiment in [view["id"] for view in json.loads(ok(server, "top", "-n", "1", "--json"))]

    assert ok(server, "stop", experiment) == f"Experiment {experiment} is STOPPED.\n"
    (tmp_path / "code" / "hold").unlink()
    ok(server, "update", "trialnum", experiment, "5")
    assert re.match(rf"Experiment {experiment} resumed: (RUNNING|NO_MORE_TRIAL)\.\n", ok(server, "resume", experiment))
    done = server.wait_for(experiment, {"DONE"})
    # The trials the stop ended gave their budget back, so new ones ran and succeeded.
    assert done["trialCounts"].get("SUCCEEDED", 0) >= 1


def test_quickstart_example_runs_from_its_config(server: LiveServer) -> None:
    experiment = create(server, REPOSITORY / "examples" / "quickstart" / "config.yml")
    ok(server, "update", "trialnum", experiment, "2")  # the example's twelve trials take a while
    view = server.wait_for(experiment, {"DONE"})
    assert view["trialCounts"] == {"SUCCEEDED": view["submittedTrials"]}
    assert view["bestTrial"]["value"] > 0.5


def test_nni_v1_config_is_converted_with_a_warning(server: LiveServer, tmp_path: Path) -> None:
    write_trial(tmp_path)
    (tmp_path / "space.json").write_text(json.dumps(SPACE))
    config = tmp_path / "v1.yml"
    config.write_text("authorName: someone\nexperimentName: v1\ntrialConcurrency: 1\nmaxTrialNum: 1\n"
                      "trainingServicePlatform: local\nsearchSpacePath: space.json\n"
                      "tuner: {builtinTunerName: Random}\ntrial: {command: python3 trial.py, codeDir: ., gpuNum: 0}\n")
    code, out, err = tunelab(server, "create", "--config", str(config))
    assert code == 0, err
    assert "tunelab: warning: " in err and "NNI v1 config; it was converted to v2" in err
    experiment = re.match(r"Experiment (\w+) created", out).group(1)  # type: ignore[union-attr]
    assert server.wait_for(experiment, {"DONE"})["trialCounts"] == {"SUCCEEDED": 1}


def test_errors_carry_the_servers_message_and_exit_1(server: LiveServer, tmp_path: Path) -> None:
    code, out, err = tunelab(server, "status", "nope")
    assert (code, out, err) == (1, "", "tunelab: error: No experiment has the id 'nope'\n")

    bad = yaml_config(tmp_path, trials=1, extra="maxExperimentDuration: soon\n")
    code, out, err = tunelab(server, "create", "--config", str(bad))
    assert code == 1
    assert err.startswith("tunelab: error: Tunelab refused the request:\n  maxExperimentDuration: ")

    code, _, err = tunelab(server, "update", "trialnum", "nope", "many")
    assert (code, err) == (1, "tunelab: error: 'many' is not a whole number; trialnum takes one "
                              "(or 'none' for no limit).\n")


def test_no_server_says_how_to_start_one() -> None:
    out, err = io.StringIO(), io.StringIO()
    port = free_port()
    assert main(["list", "--port", str(port)], out=out, err=err) == 1
    assert f"No Tunelab server answers at http://127.0.0.1:{port} (connection refused)" in err.getvalue()
    assert "./mvnw spring-boot:run" in err.getvalue()


def test_url_option_and_environment_name_the_server(server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    assert main(["list", "--url", server.url, "--json"], out=out, err=io.StringIO()) == 0
    monkeypatch.setenv("TUNELAB_URL", server.url)
    again = io.StringIO()
    assert main(["list", "--json"], out=again, err=io.StringIO()) == 0
    assert json.loads(out.getvalue()) == json.loads(again.getvalue())


def test_every_command_takes_port_url_and_json() -> None:
    from tunelab.cli import parser

    commands: List[List[str]] = [["create", "-c", "x"], ["list"], ["status", "i"], ["stop", "i"], ["resume", "i"],
                                 ["update", "concurrency", "i", "1"], ["trial", "ls", "i"], ["trial", "kill", "i", "t"],
                                 ["export", "i"], ["import", "i", "-f", "x"], ["log", "trial", "i", "t"], ["top"]]
    for command in commands:
        args = parser().parse_args([*command, "--port", "9", "--url", "http://h:1", "--json"])
        assert (args.port, args.url, args.json) == (9, "http://h:1", True), command
