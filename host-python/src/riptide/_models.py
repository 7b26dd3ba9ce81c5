"""Result types: frozen dataclasses, converted once from the WIT records."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from ._exceptions import RipTideError

__all__ = ["Document", "Image", "Link"]


@dataclass(frozen=True)
class Link:
    """A hyperlink of the page, resolved to an absolute URL."""

    url: str
    text: str = ""
    rel: Optional[str] = None
    internal: bool = False


@dataclass(frozen=True)
class Image:
    """An image of the main content."""

    url: str
    alt: Optional[str] = None


@dataclass(frozen=True)
class Document:
    """What RipTide extracted from one page.

    A failed URL of :meth:`RipTide.crawl` gives a Document too: ``ok`` is
    False, ``error`` holds the :class:`RipTideError` and the content fields
    are empty; ``status`` is the server's error status when there was one
    (0 when nothing was answered).
    """

    url: str
    final_url: str = ""
    status: int = 0
    title: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None
    site_name: Optional[str] = None
    description: Optional[str] = None
    canonical_url: Optional[str] = None
    text: str = ""
    markdown: str = ""
    html: str = ""
    links: List[Link] = field(default_factory=list)
    images: List[Image] = field(default_factory=list)
    word_count: int = 0
    error: Optional[RipTideError] = None
    depth: int = 0

    @property
    def ok(self) -> bool:
        """True when the page was fetched and extracted."""
        return self.error is None

    @property
    def lang(self) -> Optional[str]:
        """Alias of :attr:`language` (trafilatura's name)."""
        return self.language

    @property
    def excerpt(self) -> Optional[str]:
        """Alias of :attr:`description` (Readability's name)."""
        return self.description

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict; ``error`` becomes ``{"type", "message"}``."""
        out: Dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "error":
                value = None if value is None else {"type": type(value).__name__, "message": str(value)}
            elif f.name in ("links", "images"):
                value = [dataclasses.asdict(v) for v in value]
            out[f.name] = value
        out["ok"] = self.ok
        return out

    @classmethod
    def failed(cls, url: str, error: RipTideError, depth: int = 0) -> "Document":
        """The Document of a URL that failed. A server's error status keeps
        its status and the URL it came from (after redirects), so a crawl's
        404s can be told from its timeouts without the exception."""
        status = getattr(error, "status", 0) or 0
        final_url = (error.url or url) if status else url
        return cls(url=url, final_url=final_url, status=status, error=error, depth=depth)

    def __repr__(self) -> str:
        if not self.ok:
            return f"<Document {self.url!r} error={type(self.error).__name__}: {self.error}>"
        title = self.title if self.title is None or len(self.title) <= 60 else self.title[:57] + "..."
        return (f"<Document {self.final_url or self.url!r} status={self.status} title={title!r} "
                f"words={self.word_count} links={len(self.links)}>")
