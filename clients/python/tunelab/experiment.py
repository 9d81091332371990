"""``Experiment``: launch and manage a Tunelab experiment from Python, with NNI's API.

The seed's program works with only its imports changed::

    from tunelab import Experiment
    from tunelab.tuners import HyperoptTuner

    experiment = Experiment(HyperoptTuner('tpe'), 'local')
    experiment.config.trial_command = 'python3 mnist.py'
    ...
    experiment.run(8081)

The server. ``start(port)`` and ``run(port)`` use the Tunelab server on ``http://127.0.0.1:<port>``
(``$TUNELAB_URL``, when set, names the server instead and wins over the port, so scripts that
hard-code a port run against any server). When nothing answers, they start the server jar
(``$TUNELAB_SERVER_JAR`` or the repository's ``target/tunelab-*.jar``) and stop it again when
:meth:`Experiment.stop` is called or the program exits; an experiment still running then is
stopped first. A server that was already running is left running, and so are its experiments.

Unlike NNI, experiments live on the server, not in this process: several programs can watch or
change the same experiment, and ``connect()`` works from anywhere.
"""

from __future__ import annotations

import atexit
import os
import sys
import time
import types
from typing import Any, Callable, Dict, Optional, TextIO, Union

from . import _api
from ._api import ExperimentApi
from ._http import Client
from ._progress import Progress
from ._queries import ExperimentQueries, in_python_words
from ._server import LocalServer, find_jar, how_to_start, is_tunelab
from .config import ExperimentConfig
from .errors import InvalidRequestError, ServerUnavailableError, TunelabError

__all__ = ["Experiment", "DEFAULT_PORT", "POLL_INTERVAL"]

DEFAULT_PORT = 8081
#: How often ``run()`` asks for the status: it notices the end of an experiment within this time
#: plus one request (NNI polls every 10 s).
POLL_INTERVAL = 0.5
#: How long ``run()`` keeps asking a server that stopped answering (a restarted server picks its
#: experiments up again) before it gives up.
RECONNECT_TIMEOUT = 60.0
URL_VARIABLE = "TUNELAB_URL"
_FINAL = ("DONE", "STOPPED", "ERROR")


class _ClassOrInstanceMethod:
    """A method callable on the class (NNI's ``Experiment.resume(id)``) or on an instance."""

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __get__(self, instance: Any, owner: type) -> Callable[..., Any]:
        return types.MethodType(self.func, owner if instance is None else instance)


class Experiment(ExperimentQueries):
    """An experiment on a Tunelab server: configure it, start or run it, read and change it.

    Construct it as NNI does: ``Experiment(tuner, 'local')``, ``Experiment('local')`` (then set
    ``experiment.config.tuner.name``), ``Experiment(config)`` or ``Experiment(tuner, config)``.
    ``experiment.config`` is an :class:`~tunelab.config.ExperimentConfig`. Until ``start()`` the
    experiment exists only here; :attr:`id` is None.

    The reading and changing methods (``get_status()``, ``update_trial_concurrency()`` ...) come
    from :class:`~tunelab._queries.ExperimentQueries`. Methods that talk to the server raise
    :class:`~tunelab.errors.ServerUnavailableError` when it does not answer and an
    :class:`~tunelab.errors.ApiError` carrying the server's message when it refuses; before
    ``start()`` they raise :class:`~tunelab.errors.TunelabError`.
    """

    def __init__(self, tuner: Any = None, config_or_platform: Any = None, *,
                 training_service: Any = None, config: Optional[ExperimentConfig] = None) -> None:
        if tuner is not None and not hasattr(tuner, "algorithm_config"):
            # Experiment('local') or Experiment(config): the first argument is no tuner.
            tuner, config_or_platform = None, tuner if config_or_platform is None else config_or_platform
        target = config if config is not None else config_or_platform
        if target is None:
            target = training_service if training_service is not None else "local"
        self.config: ExperimentConfig = target if isinstance(target, ExperimentConfig) else ExperimentConfig(target)
        if tuner is not None:
            self.config.tuner = tuner
        self.id: Optional[str] = None
        self.port: Optional[int] = None
        self.url: Optional[str] = None
        self._client: Optional[Client] = None
        self._server: Optional[LocalServer] = None
        #: Where progress and notices go; None: sys.stdout at the time of writing.
        self._output: Optional[TextIO] = None

    # ----- lifecycle

    def start(self, port: int = DEFAULT_PORT, debug: bool = False) -> None:
        """Submits the experiment and returns at once; trials start on the server.

        Uses the server on ``port`` or starts one (see the module's docstring). Prints the
        experiment's id and the dashboard URL. ``debug`` sets the config's ``debug``. Raises
        :class:`~tunelab.errors.InvalidRequestError` listing every bad field, in snake_case, when
        the server refuses the config; :class:`~tunelab.errors.TunelabError` when called twice.
        """
        if self.id is not None:
            raise TunelabError(f"This Experiment already started as {self.id}; create another Experiment "
                               "to run the config again, or call resume().")
        self._use_server(port, start_if_missing=True)
        body = self.config.json()
        if debug:
            body["debug"] = True
        try:
            view = self._client_or_fail().post(_api.BASE, body)
        except InvalidRequestError as error:
            raise in_python_words(error) from None
        self.id = view["id"]
        self._say(f"Experiment {self.id} started on the Tunelab server at {self.url}")
        self._say(self._where_to_watch())

    def run(self, port: int = DEFAULT_PORT, wait_completion: bool = True, debug: bool = False) -> Optional[bool]:
        """Starts the experiment and, with ``wait_completion``, waits for it to end.

        While waiting it shows progress (trials done against the budget, the best metric) and
        notices the end within about half a second. Returns True when the experiment ends DONE
        (or is STOPPED by someone else), False when it ends in ERROR or on Ctrl-C, which stops the
        experiment (and a server ``run`` started). Without ``wait_completion`` it returns None at once.
        """
        if not wait_completion:
            self.start(port, debug)
            return None
        return self._wait_or_stop(lambda: self.start(port, debug))

    def stop(self) -> None:
        """Stops the experiment (its trials get SIGTERM, then SIGKILL after the grace period) and
        then the server, if this object started it. Safe to call twice, and before ``start()``."""
        if self.id is not None and self._client is not None:
            try:
                view = self._api().stop()
                self._say(f"Experiment {self.id} is {view['status']}.")
            except ServerUnavailableError:
                pass
        self._stop_own_server()

    @classmethod
    def connect(cls, port: int = DEFAULT_PORT, experiment_id: Optional[str] = None) -> "Experiment":
        """Attaches to an experiment on the server at ``port``: ``experiment_id``, or the newest one.

        Starts no server. Raises :class:`~tunelab.errors.NotFoundError` for an unknown id and
        :class:`~tunelab.errors.TunelabError` when the server has no experiment at all.
        """
        experiment = cls()
        experiment._use_server(port, start_if_missing=False)
        experiment._attach(experiment_id)
        view = experiment._api().get()
        experiment._say(f"Connected to experiment {experiment.id} ({view['status']}) at {experiment.url}")
        return experiment

    @_ClassOrInstanceMethod
    def resume(self_or_cls: Any, experiment_id: Optional[str] = None, port: int = DEFAULT_PORT,
               wait_completion: bool = True, debug: bool = False) -> Union[bool, "Experiment", None]:
        """Resumes a STOPPED, DONE or ERROR experiment from its stored history.

        ``Experiment.resume(experiment_id, port)`` as in NNI (starting a server when none answers),
        or ``experiment.resume()`` for this one. With ``wait_completion`` it then waits as
        :meth:`run` does and returns its result; without, it returns the experiment. ``debug`` is
        accepted for NNI compatibility and ignored: a resumed experiment keeps its config.
        """
        experiment = _attached(self_or_cls, experiment_id, port, start_if_missing=True)
        view = experiment._api().resume()
        experiment._say(f"Experiment {experiment.id} resumed ({view['status']}) on {experiment.url}")
        experiment._say(experiment._where_to_watch())
        if not wait_completion:
            return experiment
        return experiment._wait_or_stop(lambda: None)

    @_ClassOrInstanceMethod
    def view(self_or_cls: Any, experiment_id: Optional[str] = None, port: int = DEFAULT_PORT,
             non_blocking: bool = False) -> Optional["Experiment"]:
        """Shows where to watch an experiment, starting a server for it when none answers.

        Tunelab's server keeps every experiment, so viewing changes nothing (NNI starts a read-only
        manager). With ``non_blocking`` it returns the experiment at once; otherwise it waits for
        Ctrl-C and then stops the server if it started one (never the experiment).
        """
        experiment = _attached(self_or_cls, experiment_id, port, start_if_missing=True)
        experiment._say(experiment._where_to_watch())
        if non_blocking:
            return experiment
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
        experiment._stop_own_server()
        return None

    # ----- internals

    def _api(self) -> ExperimentApi:
        if self.id is None:
            raise TunelabError("This experiment has not started yet; call start() or run() first, or attach "
                               "to one with Experiment.connect(port, experiment_id).")
        return ExperimentApi(self._client_or_fail(), self.id)

    def _client_or_fail(self) -> Client:
        if self._client is None:
            raise TunelabError("This experiment is not attached to a server yet.")
        return self._client

    def _use_server(self, port: int, start_if_missing: bool) -> None:
        """Points this object at ``$TUNELAB_URL`` or the server on ``port``, starting one if allowed."""
        if self._client is not None:
            return
        named = os.environ.get(URL_VARIABLE)
        url = named.rstrip("/") if named else f"http://127.0.0.1:{port}"
        client = Client(url)
        try:
            is_tunelab(client)
        except ServerUnavailableError as error:
            if named:
                raise ServerUnavailableError(f"{error} It is named by ${URL_VARIABLE}; start that server or "
                                             f"unset the variable.") from None
            if not start_if_missing:
                raise ServerUnavailableError(f"{error} {how_to_start(port)}") from None
            jar = find_jar()
            if jar is None:
                raise ServerUnavailableError(f"{error} No server jar was found to start one. "
                                             f"{how_to_start(port)}") from None
            self._say(f"No Tunelab server answers on port {port}; starting {jar} ...")
            self._server = LocalServer.start(port, jar)
            self._say(f"Tunelab server started on port {port} (log: {self._server.log_path}).")
            atexit.register(self._stop_own_server_at_exit)
        self._client = client
        self.port = port
        self.url = url

    def _attach(self, experiment_id: Optional[str]) -> None:
        client = self._client_or_fail()
        self.id = experiment_id or _api.newest_experiment_id(client)
        if self.id is None:
            raise TunelabError(f"The Tunelab server at {self.url} has no experiments yet.")
        self.config = ExperimentConfig.from_json(ExperimentApi(client, self.id).get()["config"])

    def _wait_or_stop(self, begin: Callable[[], None]) -> bool:
        """Runs ``begin``, then waits for the end; Ctrl-C at any point stops what was started."""
        try:
            begin()
            return self._wait_completion()
        except KeyboardInterrupt:
            self._say(f"\nCtrl-C: stopping experiment {self.id} ..." if self.id else "\nCtrl-C: stopping ...")
            self.stop()
            return False

    def _wait_completion(self) -> bool:
        """Polls every :data:`POLL_INTERVAL` until DONE/STOPPED (True) or ERROR (False)."""
        api = self._api()
        progress = Progress(self._output or sys.stdout)
        ended = False
        try:
            while True:
                view = self._get_patiently(api, progress)
                if view["status"] in _FINAL:
                    ended = True
                    progress.update(view)
                    progress.close(view)
                    return view["status"] != "ERROR"
                progress.update(view)
                time.sleep(POLL_INTERVAL)
        finally:
            if not ended:
                progress.close()

    def _get_patiently(self, api: ExperimentApi, progress: Progress) -> Dict[str, Any]:
        """The experiment, asked again for up to :data:`RECONNECT_TIMEOUT` while the server is away."""
        deadline: Optional[float] = None
        while True:
            try:
                return api.get()
            except ServerUnavailableError:
                if deadline is None:
                    deadline = time.monotonic() + RECONNECT_TIMEOUT
                    progress.close()
                    self._say(f"Lost the Tunelab server at {self.url}; asking again for {RECONNECT_TIMEOUT:g} s ...")
                elif time.monotonic() > deadline or (self._server and self._server.process.poll() is not None):
                    raise
                time.sleep(POLL_INTERVAL)

    def _where_to_watch(self) -> str:
        return _api.where_to_watch(self._client_or_fail(), self._api().id)

    def _stop_own_server_at_exit(self) -> None:
        """At exit, a server this object started stops, after the experiment if it still runs."""
        if self._server is None:
            return
        try:
            if self.id is not None and self._api().get()["status"] not in _FINAL:
                self._say(f"Stopping experiment {self.id} before the server this program started ...")
                self._api().stop()
        except TunelabError:
            pass
        self._stop_own_server()

    def _stop_own_server(self) -> None:
        if self._server is not None:
            server, self._server = self._server, None
            server.stop()
            self._say(f"Stopped the Tunelab server this program started on port {server.port}.")

    def _say(self, line: str) -> None:
        output = self._output or sys.stdout
        output.write(line + "\n")
        output.flush()

    def __repr__(self) -> str:
        where = f" on {self.url}" if self.url else ""
        return f"<Experiment {self.id or '(not started)'}{where}>"


def _attached(self: Any, experiment_id: Optional[str], port: int, start_if_missing: bool) -> Experiment:
    """For resume/view: ``self`` (an Experiment), or, when ``self`` is the class, a new one attached to the id."""
    if isinstance(self, Experiment):
        if experiment_id is not None and experiment_id != self.id:
            raise TunelabError(f"This Experiment is {self.id}; call Experiment.resume('{experiment_id}') "
                               "on the class to resume another one.")
        self._use_server(self.port or port, start_if_missing)
        if self.id is None:
            raise TunelabError("This experiment has not started yet; call start() or run() first.")
        return self
    if experiment_id is None:
        raise TunelabError("Name the experiment: Experiment.resume(experiment_id, port=...).")
    experiment = self()
    experiment._use_server(port, start_if_missing)
    experiment._attach(experiment_id)
    return experiment
