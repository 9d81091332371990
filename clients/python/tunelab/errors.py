"""The exceptions the Experiment client and the CLI raise. Every one is a :class:`TunelabError`.

A refusal by the server (an RFC 9457 problem detail) becomes an :class:`ApiError` whose message is
the server's ``detail``, and whose :attr:`ApiError.errors` lists each bad field; the HTTP status
picks the subclass (400 :class:`InvalidRequestError`, 404 :class:`NotFoundError`, 409
:class:`ConflictError`).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

__all__ = [
    "TunelabError",
    "ServerUnavailableError",
    "ApiError",
    "InvalidRequestError",
    "NotFoundError",
    "ConflictError",
]


class TunelabError(Exception):
    """Base class of everything the client raises on purpose; ``str()`` is a sentence for a person."""


class ServerUnavailableError(TunelabError):
    """No Tunelab server answers at the address given, and none could be started."""


class ApiError(TunelabError):
    """The server refused a request.

    Attributes:
        status: the HTTP status, such as 400.
        title: the problem's short title, such as ``"Invalid request"``.
        detail: the server's explanation; also the exception's message.
        errors: for invalid input, one ``{"field": ..., "message": ...}`` per bad field; else ``[]``.
        problem: the whole problem detail as the server sent it.
    """

    def __init__(self, status: int, title: str, detail: str, errors: Optional[List[Dict[str, str]]] = None,
                 problem: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.errors: List[Dict[str, str]] = list(errors or [])
        self.problem: Dict[str, Any] = dict(problem or {})


class InvalidRequestError(ApiError):
    """400: the request (a config, a value) is invalid; :attr:`errors` names each bad field."""


class NotFoundError(ApiError):
    """404: no experiment or trial has that id."""


class ConflictError(ApiError):
    """409: the experiment's current status does not allow the action."""


def api_error(status: int, problem: Dict[str, Any]) -> ApiError:
    """The exception for a problem detail the server answered with ``status``."""
    cls = {400: InvalidRequestError, 404: NotFoundError, 409: ConflictError}.get(status, ApiError)
    title = str(problem.get("title") or f"HTTP {status}")
    detail = str(problem.get("detail") or title)
    errors = problem.get("errors") if isinstance(problem.get("errors"), list) else []
    return cls(status, title, detail, errors, problem)
