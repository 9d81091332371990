"""Finding a Tunelab server on a port, or starting one from the built jar. Private.

``Experiment.run()`` and ``start()`` use the server that answers on the port; when nothing answers
they start ``java -jar <jar> --server.port=PORT``, where the jar is ``$TUNELAB_SERVER_JAR`` or the
``target/tunelab-*.jar`` built in a Tunelab repository found above this package or above the
working directory. The server runs in its own session, so Ctrl-C in the terminal reaches the
Python program (which stops the experiment) and not the server.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import List, Optional

from ._http import Client
from .errors import ServerUnavailableError, TunelabError

#: How long a started server may take to answer (a cold JVM on a busy 2-core machine: about 10 s).
START_TIMEOUT = 120.0
JAR_VARIABLE = "TUNELAB_SERVER_JAR"


def is_tunelab(client: Client) -> bool:
    """Whether a Tunelab server answers at the client's address.

    Raises :class:`ServerUnavailableError` when nothing answers and :class:`TunelabError` when
    something that is not Tunelab holds the port.
    """
    try:
        answer = client.get("/api/v1/tuners")
    except ServerUnavailableError:
        raise
    except TunelabError:
        answer = None
    if not (isinstance(answer, dict) and "tuners" in answer):
        raise TunelabError(f"Something answers at {client.base_url}, but it is not a Tunelab server; "
                           "choose another port.")
    return True


def find_jar() -> Optional[Path]:
    """The server jar to start: ``$TUNELAB_SERVER_JAR``, else the newest one built in a repository
    found by walking up from this package and from the working directory; None when there is none.

    Raises :class:`TunelabError` when ``$TUNELAB_SERVER_JAR`` names a file that does not exist.
    """
    named = os.environ.get(JAR_VARIABLE)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise TunelabError(f"{JAR_VARIABLE} names {path}, which is not a file; point it at the "
                               "jar that `./mvnw package` builds (target/tunelab-<version>.jar).")
        return path
    for root in search_roots():
        for folder in (root, *root.parents):
            jars = [jar for jar in (folder / "target").glob("tunelab-*.jar")
                    if not jar.name.endswith(("-plain.jar", "-sources.jar", "-javadoc.jar"))]
            if jars:
                return max(jars, key=lambda jar: jar.stat().st_mtime)
    return None


def search_roots() -> List[Path]:
    """Where :func:`find_jar` starts walking up: this package's folder, then the working directory."""
    return [Path(__file__).resolve().parent, Path.cwd()]


def how_to_start(port: int, can_start: bool = True) -> str:
    """What to tell a person when no server answers on ``port``; ``can_start``: whether the caller
    would have started a jar, had it found one."""
    text = (f"Start one in the Tunelab repository with `./mvnw spring-boot:run"
            f"{'' if port == 8081 else f' -Dspring-boot.run.arguments=--server.port={port}'}` "
            f"(or `java -jar target/tunelab-*.jar --server.port={port}` after `./mvnw package`)")
    return text + (f", or set {JAR_VARIABLE} to the jar so that it can be started for you." if can_start else ".")


class LocalServer:
    """A server this process started; :meth:`stop` ends it (and is safe to call twice)."""

    def __init__(self, process: "subprocess.Popen[bytes]", port: int, log_path: Path) -> None:
        self.process = process
        self.port = port
        self.log_path = log_path

    @classmethod
    def start(cls, port: int, jar: Path) -> "LocalServer":
        """Starts the jar on ``port`` (bound to 127.0.0.1) and returns once it answers.

        The log goes to ``<tunelab home>/logs/server-<port>.log``. Raises :class:`TunelabError`
        naming the log's last lines when the server exits or does not answer in time.
        """
        java = _java()
        log_path = _home() / "logs" / f"server-{port}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [java, "-jar", str(jar), f"--server.port={port}"], stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True)
        server = cls(process, port, log_path)
        server._wait_until_ready()
        return server

    def _wait_until_ready(self) -> None:
        client = Client(f"http://127.0.0.1:{self.port}", timeout=5)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise TunelabError(f"The Tunelab server started on port {self.port} exited with code "
                                   f"{self.process.returncode}. Its log ({self.log_path}) ends with:\n"
                                   f"{_tail(self.log_path)}")
            try:
                health = client.get("/actuator/health")
                if isinstance(health, dict) and health.get("status") == "UP":
                    return
            except TunelabError:
                pass
            time.sleep(0.1)
        self.stop()
        raise TunelabError(f"The Tunelab server started on port {self.port} did not answer within "
                           f"{START_TIMEOUT:g} s; see its log {self.log_path}.")

    def stop(self, timeout: float = 30.0) -> None:
        """Stops the server (SIGTERM, then SIGKILL after ``timeout`` seconds) and waits for it."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    candidate = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not candidate or not Path(candidate).exists():
        raise TunelabError("Java 17 or newer is needed to start the Tunelab server, and `java` is not on "
                           "the PATH (nor in $JAVA_HOME/bin).")
    return candidate


def _home() -> Path:
    return Path(os.environ.get("TUNELAB_HOME") or Path.home() / ".tunelab").expanduser()


def _tail(path: Path, lines: int = 15) -> str:
    try:
        with open(path, "rb") as log:
            log.seek(0, os.SEEK_END)
            log.seek(max(0, log.tell() - 8192))
            return "\n".join(log.read().decode("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return "(the log could not be read)"
