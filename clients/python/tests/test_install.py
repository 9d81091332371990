"""``pip install ./clients/python`` gives the package and the ``tunelab`` command, with no dependency."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from live import CLIENT_ROOT, LiveServer

NO_INDEX = ("Could not find a version that satisfies the requirement", "No matching distribution",
            "Failed to establish a new connection", "Temporary failure in name resolution")


def test_pip_install_gives_the_tunelab_command(server: LiveServer, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    # A copy, so the build's leftovers (build/, *.egg-info) stay out of the checkout.
    source = shutil.copytree(CLIENT_ROOT, tmp_path / "client", ignore=shutil.ignore_patterns(
        "build", "dist", "*.egg-info", "__pycache__", ".*cache"))
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(source)],
                             capture_output=True, text=True, timeout=300)
    if install.returncode != 0 and any(sign in install.stdout + install.stderr for sign in NO_INDEX):
        pytest.skip("pip could not fetch the build backend (setuptools) from an index: " + install.stderr[-300:])
    assert install.returncode == 0, install.stdout + install.stderr

    listed = subprocess.run([str(bin_dir / "tunelab"), "list", "--port", str(server.port)],
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(("ID", "No experiments yet."))
    freeze = subprocess.run([str(bin_dir / "python"), "-m", "pip", "list", "--format=freeze"],
                            capture_output=True, text=True, timeout=60).stdout
    assert {line.split("==")[0] for line in freeze.split()} <= {"tunelab", "pip", "setuptools", "wheel"}
    sdk = subprocess.run([str(bin_dir / "python"), "-c", "import tunelab, tunelab.cli, tunelab.tuners; "
                          "print(tunelab.Experiment.__name__, tunelab.get_trial_id())"],
                         capture_output=True, text=True, timeout=60, cwd=str(tmp_path))
    assert sdk.stdout == "Experiment STANDALONE\n", sdk.stderr
