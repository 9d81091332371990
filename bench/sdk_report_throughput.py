"""Prints how many metric reports per second the trial SDK writes to .nni/metrics.

    python3 bench/sdk_report_throughput.py [reports]

It lays out a trial folder in a temporary directory as Tunelab's executor does, sets the NNI_*
variables, then times report_intermediate_result with a float and with a small dict.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clients" / "python"))


def prepare_trial(folder: Path) -> None:
    (folder / ".nni").mkdir(parents=True)
    (folder / ".nni" / "metrics").write_bytes(b"")
    (folder / "parameter.cfg").write_text(json.dumps(
        {"parameter_id": 7, "parameter_source": "algorithm", "parameters": {"lr": 0.01},
         "parameter_index": 0}))
    os.environ.update(NNI_PLATFORM="local", NNI_EXP_ID="bench001", NNI_TRIAL_JOB_ID="Xy3kQ",
                      NNI_SYS_DIR=str(folder), NNI_OUTPUT_DIR=str(folder), NNI_TRIAL_SEQ_ID="0")


def rate(label: str, reports: int, report: Callable[[int], None]) -> None:
    start = time.perf_counter()
    for step in range(reports):
        report(step)
    seconds = time.perf_counter() - start
    print(f"{label:<28} {reports:>9,} reports  {seconds:6.3f} s  {reports / seconds:>10,.0f} reports/s  "
          f"{seconds / reports * 1e6:5.2f} us/report")


def main() -> None:
    reports = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "trials" / "Xy3kQ"
        prepare_trial(folder)
        import tunelab

        tunelab.get_next_parameter()
        print(f"python {sys.version.split()[0]}, metrics file {folder / '.nni' / 'metrics'}")
        rate("float metric", reports, lambda step: tunelab.report_intermediate_result(step * 1e-6))
        rate("dict metric (3 keys)", reports,
             lambda step: tunelab.report_intermediate_result({"default": 0.5, "loss": 0.25, "epoch": step}))
        size = (folder / ".nni" / "metrics").stat().st_size
        print(f"metrics file: {size:,} bytes for {2 * reports:,} frames")


if __name__ == "__main__":
    main()
