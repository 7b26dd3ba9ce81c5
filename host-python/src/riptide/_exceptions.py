"""The exceptions RipTide raises.

    RipTideError                 base of everything below
    ├── InvalidURL               (also a ValueError) the URL cannot be used
    ├── InvalidSelector          (also a ValueError) a CSS selector option
    │                            does not parse
    ├── InvalidHeader            (also a ValueError) a request header cannot
    │                            be sent
    ├── PolicyError              refused before sending: robots.txt, private
    │                            address, scheme, crawl scope
    ├── FetchError               network failure: DNS, refused, reset, too large,
    │   │                        too many redirects
    │   └── FetchTimeout         a connect, first-byte, between-bytes or request
    │                            timeout expired
    ├── HTTPStatusError          the server answered with a non-2xx status
    ├── UnsupportedContent       the response is not HTML or text
    ├── LimitExceeded            the sandbox's time or memory limit was hit
    └── ComponentError           any other trap or engine failure (a bug)

Every error carries ``url`` when one is known.
"""
from __future__ import annotations

from typing import Optional

__all__ = [
    "ComponentError",
    "FetchError",
    "FetchTimeout",
    "HTTPStatusError",
    "InvalidHeader",
    "InvalidSelector",
    "InvalidURL",
    "LimitExceeded",
    "PolicyError",
    "RipTideError",
    "UnsupportedContent",
]


class RipTideError(Exception):
    """Base class of every RipTide error."""

    def __init__(self, message: str, *, url: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url

    def __reduce__(self):  # keep keyword-only fields through pickling
        return (_rebuild, (type(self), self.message, self.__dict__))


def _rebuild(cls, message, state):
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err


class InvalidURL(RipTideError, ValueError):
    """The URL is malformed, relative, or not http(s)."""


class InvalidSelector(RipTideError, ValueError):
    """``target_selector`` or one of ``exclude_selectors`` is not a CSS
    selector; the message quotes it and says why. Nothing was fetched."""


class InvalidHeader(RipTideError, ValueError):
    """A header of ``headers`` cannot be sent: not an HTTP name, a value
    with control characters or beyond ASCII, or one the client sets itself
    (``Host``, ``User-Agent``: use ``user_agent``)."""


class PolicyError(RipTideError):
    """The egress policy refused the request; nothing was sent.

    ``reason`` is one of ``"scheme"``, ``"private-address"``, ``"robots"``,
    ``"out-of-scope"``.
    """

    def __init__(self, message: str, *, url: Optional[str] = None, reason: str = "") -> None:
        super().__init__(message, url=url)
        self.reason = reason


class FetchError(RipTideError):
    """The request failed at the network level."""


class FetchTimeout(FetchError):
    """A connect, first-byte, between-bytes or whole-request timeout expired."""


class HTTPStatusError(RipTideError):
    """The final response had a status outside 200-299."""

    def __init__(self, message: str, *, url: Optional[str] = None, status: int = 0) -> None:
        super().__init__(message, url=url)
        self.status = status


class UnsupportedContent(RipTideError):
    """The response is neither HTML nor plain text (``content_type`` says what)."""

    def __init__(self, message: str, *, url: Optional[str] = None, content_type: str = "") -> None:
        super().__init__(message, url=url)
        self.content_type = content_type


class LimitExceeded(RipTideError):
    """The sandbox stopped the call: ``limit`` is ``"time"`` or ``"memory"``.

    The RipTide object stays usable: the next call gets a fresh instance.
    """

    def __init__(self, message: str, *, url: Optional[str] = None, limit: str = "") -> None:
        super().__init__(message, url=url)
        self.limit = limit


class ComponentError(RipTideError):
    """The engine trapped or failed for another reason (a bug in RipTide)."""
