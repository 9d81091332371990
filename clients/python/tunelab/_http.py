"""JSON over HTTP to a Tunelab server, with the server's problem details turned into exceptions.

Private: the Experiment client and the CLI use it. Standard library only (``urllib``).
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Mapping, Optional, Union

from .errors import ApiError, ServerUnavailableError, api_error

#: Seconds to wait for an answer; NNI's client waits 20 s too.
TIMEOUT = 20.0

Query = Mapping[str, Union[str, int, float, None]]


class Client:
    """Calls one Tunelab server. Thread-safe: it keeps no connection between calls."""

    def __init__(self, base_url: str, timeout: float = TIMEOUT) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def get(self, path: str, query: Optional[Query] = None) -> Any:
        """The decoded JSON answer to ``GET path`` (text for non-JSON answers)."""
        return self.request("GET", path, query=query)

    def post(self, path: str, body: Any = None) -> Any:
        return self.request("POST", path, body=body)

    def patch(self, path: str, body: Any) -> Any:
        return self.request("PATCH", path, body=body)

    def request(self, method: str, path: str, *, query: Optional[Query] = None, body: Any = None,
                text: Optional[str] = None, content_type: str = "application/json") -> Any:
        """Sends one request and returns the decoded JSON answer, or the text when it is not JSON.

        ``body`` is sent as JSON; ``text`` is sent as is with ``content_type``. Raises
        :class:`ServerUnavailableError` when nothing answers, :class:`ApiError` (a subclass per
        status) when the server refuses.
        """
        url = self.url(path, query)
        data: Optional[bytes] = None
        if text is not None:
            data = text.encode("utf-8")
        elif body is not None:
            data = json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/json, application/problem+json, */*")
        if data is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _decode(response.read(), response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as error:
            raise _problem(error) from None
        except urllib.error.URLError as error:
            raise ServerUnavailableError(
                f"No Tunelab server answers at {self.base_url} ({_reason(error.reason)}).") from None
        except (socket.timeout, TimeoutError):
            raise ServerUnavailableError(
                f"The Tunelab server at {self.base_url} did not answer {method} {path} within "
                f"{self.timeout:g} s.") from None
        except ConnectionError as error:
            raise ServerUnavailableError(
                f"The connection to the Tunelab server at {self.base_url} broke ({_reason(error)}).") from None

    def url(self, path: str, query: Optional[Query] = None) -> str:
        """The absolute URL of ``path`` with the query's non-None values."""
        url = self.base_url + path
        if query:
            pairs = {key: value for key, value in query.items() if value is not None}
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        return url


def quote(segment: str) -> str:
    """An id made safe for one path segment."""
    return urllib.parse.quote(str(segment), safe="")


def _decode(raw: bytes, content_type: str) -> Any:
    text = raw.decode("utf-8", errors="replace")
    if "json" in content_type:
        return json.loads(text) if text.strip() else None
    return text


def _problem(error: urllib.error.HTTPError) -> ApiError:
    """The exception for an error answer: the problem detail's message, never the raw page."""
    try:
        raw = error.read()
    except OSError:
        raw = b""
    problem: Dict[str, Any] = {}
    try:
        decoded = json.loads(raw.decode("utf-8")) if raw else {}
        if isinstance(decoded, dict):
            problem = decoded
    except ValueError:
        pass
    if not problem:
        # Not Tunelab's problem JSON (a proxy, another program on the port): say so briefly.
        problem = {"title": f"HTTP {error.code}",
                   "detail": f"The server answered HTTP {error.code} {error.reason} to {error.url}; "
                             "is this address a Tunelab server?"}
    return api_error(error.code, problem)


def _reason(reason: Any) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    return str(reason)
