"""The seed's program and the examples, run as a user runs them, against the live server.

The seed (how to launch an experiment from Python, NNI's documentation page) names port 8081; the
programs are pointed at the test server with ``TUNELAB_URL`` instead of being edited.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import pytest

from live import REPOSITORY, LiveServer, trial_environment

LAUNCH = REPOSITORY / "examples" / "launch"
FUNCTION = REPOSITORY / "examples" / "function"

#: The seed's program exactly as the seed document prints it (NNI's imports).
SEED_PROGRAM = '''from pathlib import Path
from nni.experiment import Experiment
from nni.algorithms.hpo.hyperopt_tuner import HyperoptTuner

tuner = HyperoptTuner('tpe')

search_space = {
    "dropout_rate": { "_type": "uniform", "_value": [0.5, 0.9] },
    "conv_size": { "_type": "choice", "_value": [2, 3, 5, 7] },
    "hidden_size": { "_type": "choice", "_value": [124, 512, 1024] },
    "batch_size": { "_type": "choice", "_value": [16, 32] },
    "learning_rate": { "_type": "choice", "_value": [0.0001, 0.001, 0.01, 0.1] }
}

experiment = Experiment(tuner, 'local')
experiment.config.experiment_name = 'test'
experiment.config.trial_concurrency = 2
experiment.config.max_trial_number = 5
experiment.config.search_space = search_space
experiment.config.trial_command = 'python3 mnist.py'
experiment.config.trial_code_directory = Path(__file__).parent
experiment.config.training_service.use_active_gpu = True

experiment.run(8081)
'''


def run_program(program: Path, server: LiveServer, timeout: float = 240) -> str:
    env: Dict[str, str] = {**trial_environment(), "TUNELAB_URL": server.url}
    result = subprocess.run([sys.executable, str(program)], env=env, cwd=str(program.parent),
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def started_id(output: str) -> str:
    match = re.search(r"Experiment (\w+) started", output)
    assert match, output
    return match.group(1)


def test_the_example_is_the_seed_with_only_its_imports_changed() -> None:
    expected = SEED_PROGRAM.replace("from nni.experiment import Experiment", "from tunelab import Experiment") \
        .replace("from nni.algorithms.hpo.hyperopt_tuner import HyperoptTuner", "from tunelab.tuners import HyperoptTuner")
    assert (LAUNCH / "launch.py").read_text() == expected


def test_seed_program_runs_with_tpe(server: LiveServer) -> None:
    pytest.importorskip("sklearn", reason="the seed's trial (examples/launch/mnist.py) needs scikit-learn")
    names = {tuner["name"] for tuner in server.call("GET", "/api/v1/tuners")["tuners"]}
    if "TPE" not in names:
        pytest.skip("HyperoptTuner('tpe') selects Tunelab's TPE, which this server's catalog does not have yet "
                    f"(it has {', '.join(sorted(names))})")
    output = run_program(LAUNCH / "launch.py", server)
    assert_five_digit_trials(server, started_id(output), output)


def test_seed_program_runs_with_hyperopts_random_search(server: LiveServer, tmp_path: Path) -> None:
    """The same program with the one tuner line changed, so the flow is proven while TPE is missing."""
    pytest.importorskip("sklearn", reason="the seed's trial (examples/launch/mnist.py) needs scikit-learn")
    shutil.copy(LAUNCH / "mnist.py", tmp_path)
    program = (LAUNCH / "launch.py").read_text().replace("HyperoptTuner('tpe')", "HyperoptTuner('random_search')")
    (tmp_path / "launch.py").write_text(program)
    output = run_program(tmp_path / "launch.py", server)
    assert_five_digit_trials(server, started_id(output), output)


def assert_five_digit_trials(server: LiveServer, experiment_id: str, output: str) -> None:
    view = server.experiment(experiment_id)
    assert view["status"] == "DONE" and view["name"] == "test", output
    assert view["trialCounts"] == {"SUCCEEDED": 5}, output
    assert view["config"]["trainingService"]["useActiveGpu"] is True
    assert f"Experiment {experiment_id} DONE" in output and "5/5 trials done" in output
    accuracies = [trial["finalMetric"] for trial in server.trials(experiment_id)]
    assert all(0 <= accuracy <= 1 for accuracy in accuracies)
    assert all(trial["metricCount"] == 7 for trial in server.trials(experiment_id))  # 6 epochs + final


def test_function_example_minimises_branin_in_seconds(server: LiveServer) -> None:
    output = run_program(FUNCTION / "launch.py", server)
    match = re.search(r"Best: branin\(([-\d.]+), ([-\d.]+)\) = ([\d.]+) \(trial (\w+); the minimum is 0.3979\)",
                      output)
    assert match, output
    view = server.experiment(started_id(output))
    assert view["trialCounts"] == {"SUCCEEDED": 40}
    assert view["bestTrial"]["trialId"] == match.group(4)
    assert float(match.group(3)) == pytest.approx(view["bestTrial"]["value"], abs=1e-4)
