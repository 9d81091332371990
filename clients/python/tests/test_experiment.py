"""Every ``Experiment`` method end to end against a live Tunelab server."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from live import SPACE, LiveServer, write_trial
from tunelab import Experiment, ExperimentConfig
from tunelab.errors import ConflictError, InvalidRequestError, NotFoundError
from tunelab.results import TrialJob, TrialMetricData, TrialResult
from tunelab.tuners import GridSearch, Random

pytestmark = pytest.mark.usefixtures("no_server_variables")


def configured(folder: Path, name: str, trials: int, concurrency: int = 2) -> Experiment:
    experiment = Experiment(Random(seed=11), "local")
    experiment.config.experiment_name = name
    experiment.config.search_space = SPACE
    experiment.config.trial_command = "python3 trial.py"
    experiment.config.trial_code_directory = folder
    experiment.config.trial_concurrency = concurrency
    experiment.config.max_trial_number = trials
    return experiment


def test_run_waits_for_done_and_every_reading_method_answers(
        server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    experiment = configured(write_trial(tmp_path), "readings", trials=3)

    assert experiment.run(port=server.port) is True

    out = capsys.readouterr().out
    assert f"Experiment {experiment.id} started on the Tunelab server at {server.url}" in out
    assert f"Dashboard: {server.url}/experiments/{experiment.id}" in out  # where to watch it
    assert "3/3 trials done" in out and f"Experiment {experiment.id} DONE" in out
    assert experiment.get_status() == "DONE"

    jobs = experiment.list_trial_jobs()
    assert [job.sequenceId for job in jobs] == [0, 1, 2] and {job.status for job in jobs} == {"SUCCEEDED"}
    first = experiment.get_trial_job(jobs[0].trialJobId)
    assert isinstance(first, TrialJob) and first == jobs[0]
    x = first.hyperParameters[0].parameters["x"]
    assert first.hyperParameters[0].parameter_source == "algorithm"
    assert first.finalMetricData[0].data == {"default": x, "half": x / 2}
    assert first.finalMetric == x and first.logPath and first.startTime <= first.endTime
    assert experiment.list_trial_jobs(status="FAILED") == []

    assert experiment.get_job_statistics() == [{"trialJobStatus": "SUCCEEDED", "trialJobNumber": 3}]
    everything = experiment.get_job_metrics()
    assert set(everything) == {job.trialJobId for job in jobs}
    one = experiment.get_job_metrics(first.trialJobId)[first.trialJobId]
    assert [(m.type, m.sequence, m.data) for m in one] == [("PERIODICAL", 0, x / 2),
                                                         ("FINAL", 0, {"default": x, "half": x / 2})]
    assert isinstance(one[0], TrialMetricData) and one[0].parameterId == str(first.hyperParameters[0].parameter_id)
    assert sorted(m.type for m in everything[first.trialJobId]) == ["FINAL", "PERIODICAL"]

    exported = experiment.export_data()
    assert all(isinstance(result, TrialResult) for result in exported)
    assert {(r.trialJobId, r.parameter["x"], r.value["default"]) for r in exported} == {
        (job.trialJobId, job.parameters["x"], job.finalMetric) for job in jobs}  # value: as reported

    profile = experiment.get_experiment_profile()
    assert profile["id"] == experiment.id and profile["params"]["trialConcurrency"] == 2
    assert profile["params"]["trialCodeDirectory"] == str(tmp_path)
    assert profile["nextSequenceId"] == 3 and profile["endTime"] >= profile["startTime"]
    assert profile["logDir"].endswith(experiment.id) and profile["execDuration"] >= 0

    viewer = Experiment.view(experiment.id, port=server.port, non_blocking=True)
    assert viewer is not None and viewer.id == experiment.id and viewer.get_status() == "DONE"
    assert experiment.view(non_blocking=True) is experiment
    assert capsys.readouterr().out.count(f"Dashboard: {server.url}/experiments/{experiment.id}") == 2


def test_a_running_experiment_is_changed_stopped_and_resumed(
        server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_trial(tmp_path, hold=True)
    experiment = configured(folder, "changes", trials=3, concurrency=1)
    experiment.start(server.port)
    server.wait_until(lambda: len(experiment.list_trial_jobs(status="RUNNING")) == 1, "the first trial")

    experiment.update_trial_concurrency(2)
    server.wait_until(lambda: len(experiment.list_trial_jobs(status="RUNNING")) == 2, "a second trial")
    experiment.update_max_trial_number(5)
    experiment.update_max_experiment_duration("1h")
    experiment.update_search_space({"x": {"_type": "uniform", "_value": [0.25, 0.5]}})
    params = experiment.get_experiment_profile()["params"]
    assert (params["trialConcurrency"], params["maxTrialNumber"], params["maxExperimentDuration"]) == (2, 5, "1h")
    assert params["searchSpace"] == {"x": {"_type": "uniform", "_value": [0.25, 0.5]}}

    victim = experiment.list_trial_jobs(status="RUNNING")[0].trialJobId
    experiment.kill_trial_job(victim)
    server.wait_until(lambda: experiment.get_trial_job(victim).status == "USER_CANCELED", "the cancel")
    assert experiment.import_data([{"parameter": {"x": 0.5}, "value": 0.5},
                                   TrialResult({"x": 0.25}, {"default": 0.25}, "old")]) == 2

    assert Experiment.connect(server.port, experiment.id).id == experiment.id
    assert Experiment.connect(server.port).id == experiment.id  # the newest
    experiment.stop()
    assert experiment.get_status() == "STOPPED"
    assert experiment.resume(wait_completion=False) is experiment
    assert experiment.get_status() in ("RUNNING", "NO_MORE_TRIAL")
    with pytest.raises(ConflictError, match="only STOPPED, DONE or ERROR experiments can be resumed"):
        experiment.resume(wait_completion=False)
    experiment.stop()

    (folder / "hold").unlink()
    # Trials the stops ended do not count against maxTrialNumber, so resuming runs new ones.
    assert Experiment.resume(experiment.id, port=server.port) is True  # NNI's form: resumes and waits
    assert experiment.get_status() == "DONE"
    succeeded = [s for s in experiment.get_job_statistics() if s["trialJobStatus"] == "SUCCEEDED"]
    assert succeeded and succeeded[0]["trialJobNumber"] >= 1
    out = capsys.readouterr().out
    assert f"Experiment {experiment.id} resumed" in out and f"Experiment {experiment.id} DONE" in out


def test_run_returns_false_when_the_experiment_ends_in_error(server: LiveServer, tmp_path: Path) -> None:
    experiment = configured(tmp_path, "failing", trials=10)
    experiment.config.trial_command = "exit 3"
    assert experiment.run(server.port) is False
    assert experiment.get_status() == "ERROR"


def test_server_refusals_are_exceptions_in_python_words(server: LiveServer, tmp_path: Path) -> None:
    experiment = configured(tmp_path, "refused", trials=1)
    experiment.config.trial_concurrency = 0
    experiment.config.tuner = GridSearch()
    experiment.config.search_space = {"x": {"_type": "uniform", "_value": [1, 0]}}
    with pytest.raises(InvalidRequestError) as refused:
        experiment.start(server.port)
    message = str(refused.value)
    assert message.startswith("Tunelab refused the experiment config:\n")
    assert "config.trial_concurrency: must be at least 1, not 0" in message
    assert "config.search_space.x" in message and "HTTP Error" not in message
    assert {error["field"] for error in refused.value.errors} >= {"trial_concurrency"}
    assert experiment.id is None

    with pytest.raises(NotFoundError, match="No experiment has the id 'nope'"):
        Experiment.connect(server.port, "nope")


def test_non_finite_metrics_survive_the_round_trip(server: LiveServer, tmp_path: Path) -> None:
    (tmp_path / "trial.py").write_text("import tunelab\ntunelab.get_next_parameter()\n"
                                       "tunelab.report_intermediate_result(float('nan'))\n"
                                       "tunelab.report_final_result(float('inf'))\n")
    experiment = configured(tmp_path, "nan", trials=1, concurrency=1)
    assert experiment.run(server.port)
    (trial,) = experiment.get_job_metrics().values()
    assert math.isnan(trial[0].data) and trial[1].data == math.inf


def test_methods_before_start_say_what_to_do() -> None:
    with pytest.raises(Exception, match=r"has not started yet; call start\(\) or run\(\) first"):
        Experiment("local").get_status()


def test_config_from_the_server_is_a_config_object(server: LiveServer, tmp_path: Path) -> None:
    experiment = configured(write_trial(tmp_path), "config", trials=1, concurrency=1)
    experiment.run(server.port)
    connected = Experiment.connect(server.port, experiment.id)
    assert isinstance(connected.config, ExperimentConfig)
    assert connected.config.trial_command == "python3 trial.py" and connected.config.tuner.name == "Random"


def test_gpu_fields_reach_the_scheduler(server: LiveServer, tmp_path: Path) -> None:
    """The server's nvidia-smi is a fake with two idle H100s (see live.py)."""
    (tmp_path / "trial.py").write_text("import os, tunelab\ntunelab.get_next_parameter()\n"
                                       "print('CUDA_VISIBLE_DEVICES=' + os.environ['CUDA_VISIBLE_DEVICES'])\n"
                                       "tunelab.report_final_result(1)\n")
    experiment = configured(tmp_path, "gpus", trials=2)
    experiment.config.trial_gpu_number = 1
    experiment.config.training_service.gpu_indices = [1]
    experiment.config.training_service.max_trial_number_per_gpu = 2
    experiment.config.training_service.use_active_gpu = False
    assert experiment.run(server.port)
    service = experiment.get_experiment_profile()["params"]["trainingService"]
    assert (service["gpuIndices"], service["maxTrialNumberPerGpu"], service["useActiveGpu"]) == ([1], 2, False)
    for job in experiment.list_trial_jobs():
        assert (Path(job.logPath) / "stdout").read_text() == "CUDA_VISIBLE_DEVICES=1\n"
