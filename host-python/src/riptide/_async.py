"""`AsyncRipTide`: the same client for asyncio, as httpx pairs Client with
AsyncClient. Each call runs in a worker thread, so the event loop keeps
running while a page is fetched and extracted; engine calls release the
GIL, so several run at once.
"""
from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator, Callable, Iterable, Iterator, List, Optional, Sequence, TypeVar, Union

from ._client import RipTide
from ._models import Document

__all__ = ["AsyncRipTide"]

T = TypeVar("T")


class AsyncRipTide:
    """:class:`RipTide` for asyncio: every method is awaited (the ``iter_``
    ones are async iterators) and takes the same arguments.

    ``max_workers`` bounds the calls that run at once (default: as
    :class:`concurrent.futures.ThreadPoolExecutor` chooses). Use it as an
    async context manager, or call :meth:`aclose`, to let its threads go.
    """

    def __init__(self, *args: Any, max_workers: Optional[int] = None, **kwargs: Any) -> None:
        self._sync = RipTide(*args, **kwargs)
        self._workers = ThreadPoolExecutor(max_workers, thread_name_prefix="riptide")

    def __repr__(self) -> str:
        return f"Async{self._sync!r}"

    async def __aenter__(self) -> "AsyncRipTide":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Wait for the calls in flight, then let the worker threads go."""
        await _shut_down(self._workers)

    async def _run(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._workers, functools.partial(call, *args, **kwargs))

    async def engine_version(self) -> str:
        return await self._run(self._sync.engine_version)

    async def extract_html(self, html: Union[str, bytes], url: Optional[str] = None, **options: Any) -> Document:
        """See :meth:`RipTide.extract_html`."""
        return await self._run(self._sync.extract_html, html, url, **options)

    async def extract(self, url: str, **options: Any) -> Document:
        """See :meth:`RipTide.extract`."""
        return await self._run(self._sync.extract, url, **options)

    async def sitemap(self, url: str, max_urls: int = 10_000) -> List[str]:
        """See :meth:`RipTide.sitemap`."""
        return await self._run(self._sync.sitemap, url, max_urls)

    async def feed(self, url: str, max_urls: int = 1_000) -> List[str]:
        """See :meth:`RipTide.feed`."""
        return await self._run(self._sync.feed, url, max_urls)

    async def crawl(self, urls: Iterable[str], concurrency: int = 8, **options: Any) -> List[Document]:
        """See :meth:`RipTide.crawl`."""
        return await self._run(self._sync.crawl, list(urls), concurrency, **options)

    async def spider(self, url: str, max_depth: int = 2, max_pages: int = 100, **kwargs: Any) -> List[str]:
        """See :meth:`RipTide.spider`."""
        return await self._run(self._sync.spider, url, max_depth, max_pages, **kwargs)

    def iter_crawl(self, urls: Iterable[str], concurrency: int = 8, **options: Any) -> AsyncIterator[Document]:
        """See :meth:`RipTide.iter_crawl`; bad arguments raise here, at the call."""
        return _on_one_thread(self._sync.iter_crawl(urls, concurrency=concurrency, **options))

    def iter_spider(self, url: str, max_depth: int = 2, max_pages: int = 100, *, same_host: bool = True,
                    include: Sequence[str] = (), exclude: Sequence[str] = (), concurrency: int = 4,
                    **options: Any) -> AsyncIterator[Document]:
        """See :meth:`RipTide.iter_spider`; bad arguments raise here, at the call."""
        return _on_one_thread(self._sync.iter_spider(url, max_depth, max_pages, same_host=same_host, include=include,
                                                     exclude=exclude, concurrency=concurrency, **options))


async def _on_one_thread(items: Iterator[Document]) -> AsyncIterator[Document]:
    """Step a crawl's iterator on a thread of its own: its session lives in
    the engine instance of the thread that started it, and an instance is
    used by one thread only. The next batch is fetched when it is asked
    for, as with the iterator itself."""
    loop = asyncio.get_running_loop()
    thread = ThreadPoolExecutor(1, thread_name_prefix="riptide-iter")
    finished = object()
    try:
        while True:
            item: Any = await loop.run_in_executor(thread, next, items, finished)
            if item is finished:
                return
            yield item
    finally:
        # Closing ends the session, on the thread it belongs to.
        close = getattr(items, "close", None)
        if close is not None:
            await loop.run_in_executor(thread, close)
        await _shut_down(thread)


async def _shut_down(workers: ThreadPoolExecutor) -> None:
    """Shut a pool down and wait for its threads without blocking the loop."""
    await asyncio.get_running_loop().run_in_executor(None, functools.partial(workers.shutdown, wait=True))
