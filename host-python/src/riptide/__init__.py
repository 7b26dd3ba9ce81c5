r"""RipTide: web content extraction and crawling in a WebAssembly sandbox.

    >>> from riptide import RipTide
    >>> doc = RipTide().extract_html("<article><h1>Hi</h1><p>Hello there.</p></article>")
    >>> doc.title
    'Hi'
    >>> doc.markdown
    '# Hi\n\nHello there.'
"""
from ._async import AsyncRipTide
from ._client import RipTide
from ._exceptions import (
    ComponentError,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidHeader,
    InvalidSelector,
    InvalidURL,
    LimitExceeded,
    PolicyError,
    RipTideError,
    UnsupportedContent,
)
from ._models import Document, Image, Link

__version__ = "0.1.0"

__all__ = [
    "AsyncRipTide",
    "ComponentError",
    "Document",
    "FetchError",
    "FetchTimeout",
    "HTTPStatusError",
    "Image",
    "InvalidHeader",
    "InvalidSelector",
    "InvalidURL",
    "LimitExceeded",
    "Link",
    "PolicyError",
    "RipTide",
    "RipTideError",
    "UnsupportedContent",
    "__version__",
]
