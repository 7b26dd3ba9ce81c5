"""The only module that knows the WIT shapes: Python values to WIT records
and back. Records come from wasmtime as objects with kebab-case attributes;
a ``result<T, error>`` whose arms are a record and a variant arrives as the
bare payload, so a ``Variant`` means the error arm.
"""
from __future__ import annotations

import math
import numbers
import operator
from typing import Any, Iterable, List, Mapping, Optional, Tuple

from wasmtime.component import Record, Variant

from ._exceptions import (
    ComponentError,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidHeader,
    InvalidSelector,
    InvalidURL,
    PolicyError,
    RipTideError,
    UnsupportedContent,
)
from ._models import Document, Image, Link

FOCUS_VALUES = ("balanced", "precision", "recall")

U32_MAX = 2**32 - 1
U64_MAX = 2**64 - 1


def count(name: str, value: Any, minimum: int = 0, maximum: int = U32_MAX) -> int:
    """An integer option checked before it reaches a WIT ``u32``/``u64``:
    wasmtime wraps an out-of-range int silently (``max_pages=2**40`` would
    arrive as 0), so below ``minimum`` is an error and above the type's
    range means "as many as it holds". Floats and strings are refused, as
    ``range()`` refuses them."""
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}") from None
    if number < minimum:
        raise ValueError(f"{name} must be >= {minimum}, not {number}")
    return min(number, maximum)


# The WIT carries timeouts as u32 milliseconds.
MAX_SECONDS = U32_MAX / 1000


def seconds(name: str, value: Any) -> float:
    """A duration option: a real number above zero; past the longest the
    WIT can carry (about 49 days, infinity included) means that longest."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    number = float(value)
    if math.isnan(number) or number <= 0:
        raise ValueError(f"{name} must be > 0, not {value!r}")
    return min(number, MAX_SECONDS)


def _record(**fields: Any) -> Record:
    rec = Record()
    for name, value in fields.items():
        setattr(rec, name.replace("_", "-"), value)
    return rec


def strings(name: str, value: Any) -> List[str]:
    """A list-of-strings option; one string is a list of one (iterating
    it would give its characters)."""
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)
    except TypeError:
        raise TypeError(f"{name} must be a string or an iterable of strings, not {type(value).__name__}") from None
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must hold strings, not {type(item).__name__}")
    return items


def extract_options(*, focus: str, include_comments: bool, include_tables: bool,
                    include_images: bool, include_links: bool, collect_links: bool, include_html: bool,
                    target_selector: Optional[str], exclude_selectors: Iterable[str]) -> Record:
    if focus not in FOCUS_VALUES:
        raise ValueError(f"focus must be one of {FOCUS_VALUES}, not {focus!r}")
    if target_selector is not None and not isinstance(target_selector, str):
        raise TypeError(f"target_selector must be a string, not {type(target_selector).__name__}")
    return _record(focus=focus, include_comments=bool(include_comments),
                   include_tables=bool(include_tables), include_images=bool(include_images),
                   include_links=bool(include_links), collect_links=bool(collect_links),
                   include_html=bool(include_html), target_selector=target_selector,
                   exclude_selectors=strings("exclude_selectors", exclude_selectors))


def has_selectors(options: Record) -> bool:
    return bool(getattr(options, "target-selector") or getattr(options, "exclude-selectors"))


def _ms(duration: float) -> int:
    return max(1, min(int(duration * 1000), U32_MAX))


def header_pairs(headers: Any) -> List[Tuple[str, str]]:
    """``headers`` as (name, value) pairs: a mapping, or pairs as httpx
    takes them. Whether each can be sent is the engine's call
    (``invalid-header``)."""
    if headers is None:
        return []
    items = headers.items() if isinstance(headers, Mapping) else headers
    pairs = []
    try:
        for name, value in items:
            if not isinstance(name, str) or not isinstance(value, str):
                raise TypeError
            pairs.append((name, value))
    except (TypeError, ValueError):
        raise TypeError("headers must be a mapping of strings or (name, value) string pairs") from None
    return pairs


def fetch_options(*, user_agent: Optional[str], request_timeout: float, max_redirects: int,
                  max_retries: int, max_body_bytes: int, allow_private_network: bool, respect_robots: bool,
                  headers: Any = None) -> Record:
    timeout = _ms(request_timeout)
    return _record(user_agent=user_agent, connect_timeout_ms=timeout, first_byte_timeout_ms=timeout,
                   between_bytes_timeout_ms=timeout, request_timeout_ms=timeout,
                   max_redirects=count("max_redirects", max_redirects),
                   max_retries=count("max_retries", max_retries),
                   max_body_bytes=count("max_body_bytes", max_body_bytes, maximum=U64_MAX),
                   allow_private_network=bool(allow_private_network),
                   respect_robots=bool(respect_robots), headers=header_pairs(headers))


def spider_options(*, max_depth: int, max_pages: int, same_host: bool, include: Iterable[str],
                   exclude: Iterable[str], concurrency: int) -> Record:
    return _record(max_depth=count("max_depth", max_depth), max_pages=count("max_pages", max_pages),
                   same_host=bool(same_host),
                   include_patterns=strings("include", include), exclude_patterns=strings("exclude", exclude),
                   concurrency=count("concurrency", concurrency, minimum=1))


def _get(rec: Any, name: str) -> Any:
    return getattr(rec, name)


def document(rec: Any, depth: int = 0) -> Document:
    return Document(
        url=_get(rec, "url"),
        final_url=_get(rec, "final-url"),
        status=_get(rec, "status"),
        title=_get(rec, "title"),
        byline=_get(rec, "byline"),
        published=_get(rec, "published"),
        language=_get(rec, "language"),
        site_name=_get(rec, "site-name"),
        description=_get(rec, "description"),
        canonical_url=_get(rec, "canonical-url"),
        text=_get(rec, "text"),
        markdown=_get(rec, "markdown"),
        html=_get(rec, "html"),
        links=[Link(url=_get(l, "url"), text=_get(l, "text"), rel=_get(l, "rel"), internal=_get(l, "internal"))
               for l in _get(rec, "links")],
        images=[Image(url=_get(i, "url"), alt=_get(i, "alt")) for i in _get(rec, "images")],
        word_count=_get(rec, "word-count"),
        depth=depth,
    )


def error(variant: Variant, url: Optional[str] = None) -> RipTideError:
    """The WIT `error` variant as an exception instance."""
    tag, payload = variant.tag, variant.payload
    if tag == "invalid-url":
        return InvalidURL(f"invalid URL: {payload}", url=url)
    if tag == "policy":
        return PolicyError(_get(payload, "message"), url=_get(payload, "url") or url,
                           reason=_get(payload, "reason"))
    if tag == "http-status":
        status, where = _get(payload, "status"), _get(payload, "url")
        return HTTPStatusError(f"HTTP {status} for {where}", url=where or url, status=status)
    if tag == "fetch":
        return FetchError(f"fetch failed: {payload}", url=url)
    if tag == "timeout":
        return FetchTimeout(f"timed out: {payload}", url=url)
    if tag == "too-large":
        return FetchError(f"response body larger than {payload} bytes", url=url)
    if tag == "too-many-redirects":
        return FetchError(f"too many redirects: {payload}", url=url)
    if tag == "invalid-header":
        return InvalidHeader(f"invalid request header: {payload}", url=url)
    if tag == "invalid-selector":
        return InvalidSelector(f"invalid CSS selector {payload}", url=url)
    if tag == "unsupported-content":
        return UnsupportedContent(f"unsupported content type {payload!r}", url=url, content_type=payload)
    return ComponentError(f"engine error: {payload or tag}", url=url)


def is_error(value: Any) -> bool:
    return isinstance(value, Variant)


def outcome(value: Any, url: str, depth: int = 0) -> Document:
    """A `result<document, error>` as a Document (failed ones carry the error)."""
    if is_error(value):
        return Document.failed(url, error(value, url), depth)
    return document(value, depth)


def crawl_item(rec: Any) -> "tuple[int, Document]":
    """(index, Document) of a WIT `crawl-item`."""
    url, depth = _get(rec, "url"), _get(rec, "depth")
    return _get(rec, "index"), outcome(_get(rec, "outcome"), url, depth)
