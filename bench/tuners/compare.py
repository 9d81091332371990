"""Tunelab's tuners side by side with Optuna's and hyperopt's, on the same problems and seeds.

    python3 bench/tuners/compare.py [--quick] [--tuners TPE,GP,...] [--out bench/tuners/results.md]

Installs optuna, hyperopt and scikit-learn into bench/tuners/.venv (first run only), builds
Tunelab's classes, then runs every tuner on:
  - Branin, Hartmann6, Rosenbrock-4D, Ackley-5D (closed form, minimised): 100 trials, 10 seeds;
  - SVC on load_digits and a random forest on load_breast_cancer (3-fold CV error): 40 trials,
    5 seeds;
and prints one table of mean and median best-so-far at 25/50/100 trials (25/40 for sklearn),
and the suggestion latency at 100, 1,000 and 10,000 completed trials. Tunelab's tuners run
in-process in Java (dev.tunelab.bench.TunerBench); for the sklearn problems Python evaluates and
the Java side answers ask/tell over a pipe. --quick runs 3 seeds and skips 10,000-trial latency.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
PACKAGES = ["optuna", "hyperopt", "scikit-learn"]


def ensure_venv():
    """Re-runs this script inside the benchmark's virtual environment, creating it if needed."""
    python = os.path.join(VENV, "bin", "python")
    if sys.prefix == VENV:
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", *PACKAGES], check=True)
    os.execv(python, [python, *sys.argv])


def java_classpath():
    target = os.path.join(REPOSITORY, "target")
    subprocess.run(["./mvnw", "-B", "-q", "-ntp", "-DskipTests", "compile", "dependency:build-classpath",
                    "-Dmdep.outputFile=target/classpath.txt", "-Dmdep.includeScope=compile"], cwd=REPOSITORY, check=True)
    out = os.path.join(target, "bench-tuners")
    sources = [os.path.join(HERE, "dev", "tunelab", "bench", f) for f in ("Problems.java", "TunerBench.java")]
    dependencies = open(os.path.join(target, "classpath.txt")).read().strip()
    classpath = os.path.join(target, "classes") + os.pathsep + dependencies
    subprocess.run(["javac", "-d", out, "-cp", classpath, *sources], check=True)
    return out + os.pathsep + classpath


# --- problems, identical to Problems.java --------------------------------------------------------

import math  # noqa: E402

def branin(x):
    a, b, c, r, s, t = 1, 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6, 10, 1 / (8 * math.pi)
    return a * (x[1] - b * x[0] ** 2 + c * x[0] - r) ** 2 + s * (1 - t) * math.cos(x[0]) + s

ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]

def hartmann6(x):
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))) for i in range(4))

def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))

def ackley(x):
    d = len(x)
    return (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / d))
            - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / d) + 20 + math.e)

FUNCTIONS = {
    "Branin": (branin, [(-5, 10), (0, 15)]),
    "Hartmann6": (hartmann6, [(0, 1)] * 6),
    "Rosenbrock-4D": (rosenbrock, [(-5, 10)] * 4),
    "Ackley-5D": (ackley, [(-32.768, 32.768)] * 5),
}


def sklearn_problems():
    from sklearn.datasets import load_breast_cancer, load_digits
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import cross_val_score
    from sklearn.svm import SVC
    digits = load_digits(return_X_y=True)
    cancer = load_breast_cancer(return_X_y=True)

    def svc(p):
        return 1 - cross_val_score(SVC(C=p["C"], gamma=p["gamma"]), *digits, cv=3).mean()

    def forest(p):
        model = RandomForestClassifier(n_estimators=int(p["n_estimators"]), max_depth=int(p["max_depth"]),
                                       min_samples_split=int(p["min_samples_split"]),
                                       max_features=p["max_features"], random_state=0, n_jobs=1)
        return 1 - cross_val_score(model, *cancer, cv=3).mean()

    return {
        "SVC-digits": (svc, {"C": {"_type": "loguniform", "_value": [1e-3, 1e3]},
                             "gamma": {"_type": "loguniform", "_value": [1e-5, 1e0]}}),
        "RF-breast-cancer": (forest, {"n_estimators": {"_type": "randint", "_value": [10, 101]},
                                      "max_depth": {"_type": "randint", "_value": [2, 21]},
                                      "min_samples_split": {"_type": "randint", "_value": [2, 21]},
                                      "max_features": {"_type": "uniform", "_value": [0.1, 1.0]}}),
    }


# --- the Python tuners ---------------------------------------------------------------------------

def optuna_run(objective, space, trials, seed, sampler):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    samplers = {"optuna-TPE": lambda: optuna.samplers.TPESampler(seed=seed),
                "optuna-Random": lambda: optuna.samplers.RandomSampler(seed=seed)}
    study = optuna.create_study(sampler=samplers[sampler]())

    def wrapped(trial):
        return objective({name: suggest(trial, name, spec) for name, spec in space.items()})

    study.optimize(wrapped, n_trials=trials)
    return running_best([t.value for t in study.trials])


def suggest(trial, name, spec):
    low, high = spec["_value"][0], spec["_value"][1]
    if spec["_type"] == "uniform":
        return trial.suggest_float(name, low, high)
    if spec["_type"] == "loguniform":
        return trial.suggest_float(name, low, high, log=True)
    if spec["_type"] == "randint":
        return trial.suggest_int(name, low, high - 1)
    raise ValueError(spec)


def hyperopt_run(objective, space, trials, seed):
    import numpy as np
    from hyperopt import Trials, fmin, hp, tpe
    hspace = {}
    for name, spec in space.items():
        low, high = spec["_value"][0], spec["_value"][1]
        if spec["_type"] == "uniform":
            hspace[name] = hp.uniform(name, low, high)
        elif spec["_type"] == "loguniform":
            hspace[name] = hp.loguniform(name, math.log(low), math.log(high))
        elif spec["_type"] == "randint":
            hspace[name] = hp.quniform(name, low, high - 1, 1)
    history = Trials()
    fmin(objective, hspace, algo=tpe.suggest, max_evals=trials, trials=history,
         rstate=np.random.default_rng(seed), show_progressbar=False)
    return running_best(history.losses())


def running_best(values):
    best, out = math.inf, []
    for v in values:
        best = min(best, v)
        out.append(best)
    return out


class JavaTuners:
    """TunerBench in serve mode: ask/tell over a pipe."""

    def __init__(self, classpath):
        self.process = subprocess.Popen(["java", "-cp", classpath, "dev.tunelab.bench.TunerBench", "serve"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def call(self, message):
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def run(self, tuner, objective, space, trials, seed):
        self.call({"tuner": tuner, "space": space, "seed": seed})
        values = []
        for _ in range(trials):
            parameters = self.call({"suggest": True})
            if not parameters:
                break
            value = objective(parameters)
            self.call({"tell": {"parameters": parameters, "value": value}})
            values.append(value)
        return running_best(values)


def optuna_latency(sizes):
    import optuna
    from optuna.distributions import FloatDistribution
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    import random
    out = {}
    distributions = {f"x{i}": FloatDistribution(0, 1) for i in range(6)}
    for size in sizes:
        rng = random.Random(size)
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=1))
        study.add_trials([optuna.trial.create_trial(params=p, distributions=distributions, value=hartmann6([p[f"x{i}"] for i in range(6)]))
                          for p in ({f"x{i}": rng.random() for i in range(6)} for _ in range(size))])
        times = []
        for _ in range(5 if size >= 10_000 else 20):
            start = time.perf_counter()
            trial = study.ask(distributions)
            times.append((time.perf_counter() - start) * 1000)
            study.tell(trial, hartmann6([trial.params[f"x{i}"] for i in range(6)]))
        out[size] = statistics.median(times)
    return out


# --- the run ---------------------------------------------------------------------------------------

def main():
    ensure_venv()
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--tuners", default="Random,TPE,Anneal,Evolution,GP,SMAC,CMAES")
    parser.add_argument("--out", default=os.path.join(HERE, "results.md"))
    args = parser.parse_args()
    seeds, sk_seeds = (3, 2) if args.quick else (10, 5)
    classpath = java_classpath()
    catalog = subprocess.run(["java", "-cp", classpath, "dev.tunelab.bench.TunerBench", "list"],
                             capture_output=True, text=True).stdout.split()
    tunelab = [t for t in args.tuners.split(",") if t in catalog]
    results = {}  # (problem, tuner) -> list of best-so-far curves

    started = time.time()
    out = subprocess.run(["java", "-cp", classpath, "dev.tunelab.bench.TunerBench", "functions",
                          ",".join(tunelab), "100", str(seeds)], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        row = json.loads(line)
        results.setdefault((row["problem"], row["tuner"]), []).append(row["best"])
    for problem, (function, bounds) in FUNCTIONS.items():
        space = {f"x{i}": {"_type": "uniform", "_value": list(b)} for i, b in enumerate(bounds)}
        objective = lambda p, f=function, n=len(bounds): f([p[f"x{i}"] for i in range(n)])
        for seed in range(seeds):
            for sampler in ("optuna-TPE", "optuna-Random"):
                results.setdefault((problem, sampler), []).append(optuna_run(objective, space, 100, seed, sampler))
            results.setdefault((problem, "hyperopt-TPE"), []).append(hyperopt_run(objective, space, 100, seed))
    print(f"closed-form problems done in {time.time() - started:.0f} s", file=sys.stderr)

    java = JavaTuners(classpath)
    for problem, (objective, space) in sklearn_problems().items():
        for seed in range(sk_seeds):
            for tuner in tunelab:
                results.setdefault((problem, tuner), []).append(java.run(tuner, objective, space, 40, seed))
            results.setdefault((problem, "optuna-TPE"), []).append(optuna_run(objective, space, 40, seed, "optuna-TPE"))
            results.setdefault((problem, "hyperopt-TPE"), []).append(hyperopt_run(objective, space, 40, seed))
    print(f"sklearn problems done in {time.time() - started:.0f} s", file=sys.stderr)

    sizes = [100, 1000] if args.quick else [100, 1000, 10000]
    latency = {}
    for tuner in tunelab:
        out = subprocess.run(["java", "-cp", classpath, "dev.tunelab.bench.TunerBench", "latency", tuner,
                              ",".join(map(str, sizes + ([300] if tuner == "GP" else [])))],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            row = json.loads(line)
            latency[(tuner, row["completed"])] = row["medianMs"]
    for size, ms in optuna_latency(sizes).items():
        latency[("optuna-TPE", size)] = ms

    report = table(results, latency, seeds, sk_seeds, sizes)
    print(report)
    with open(args.out, "w") as f:
        f.write(f"# Tuner benchmark ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs)\n\n"
                f"`python3 bench/tuners/compare.py{' --quick' if args.quick else ''}`\n\n{report}\n")


def table(results, latency, seeds, sk_seeds, sizes):
    lines = ["| problem | tuner | seeds | mean@25 | mean@50 | mean@100 (@40) | median@100 (@40) |",
             "|---|---|---|---|---|---|---|"]
    for (problem, tuner), curves in sorted(results.items()):
        def at(n, how):
            values = [c[min(n, len(c)) - 1] for c in curves if c]
            return f"{how(values):.4g}" if values else "-"
        last = 100 if problem in FUNCTIONS else 40
        lines.append(f"| {problem} | {tuner} | {len(curves)} | {at(25, statistics.mean)} | {at(50, statistics.mean)}"
                     f" | {at(last, statistics.mean)} | {at(last, statistics.median)} |")
    lines += ["", "| tuner | " + " | ".join(f"ms/suggestion at {s}" for s in sizes + [300]) + " |",
              "|---|" + "---|" * (len(sizes) + 1)]
    for tuner in sorted({t for t, _ in latency}):
        lines.append(f"| {tuner} | " + " | ".join(f"{latency[(tuner, s)]:.2f}" if (tuner, s) in latency else "-"
                                                  for s in sizes + [300]) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
