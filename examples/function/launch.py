"""Minimise the Branin function with 40 trials, four at a time: a whole experiment in seconds.

Shows the second way to choose a tuner, by name on the config, and reading the results back.
Run it with a Tunelab server on port 8081, or let it start one (see this folder's README).
"""
import shlex
import sys
from pathlib import Path

from tunelab import Experiment

experiment = Experiment('local')
experiment.config.experiment_name = 'branin'
experiment.config.search_space = {
    "x": {"_type": "uniform", "_value": [-5, 10]},
    "y": {"_type": "uniform", "_value": [0, 15]},
}
# The trial runs with this very interpreter, so it finds the tunelab package installed here.
experiment.config.trial_command = f'{shlex.quote(sys.executable)} objective.py'
experiment.config.trial_code_directory = Path(__file__).parent
experiment.config.trial_concurrency = 4
experiment.config.max_trial_number = 40
experiment.config.tuner.name = 'Random'
experiment.config.tuner.class_args = {'seed': 7, 'optimize_mode': 'minimize'}

if experiment.run(8081):
    best = min(experiment.export_data(), key=lambda result: result.value)
    print(f"Best: branin({best.parameter['x']:.3f}, {best.parameter['y']:.3f}) = {best.value:.4f} "
          f"(trial {best.trialJobId}; the minimum is 0.3979)")
