"""AsyncRipTide: the same calls awaited, against the loopback site."""
from __future__ import annotations

import asyncio
import re
import threading

import pytest

from riptide import AsyncRipTide, Document, HTTPStatusError, RipTide

ARTICLES = ["tide-pools", "lighthouse-keepers", "kelp-forests", "storm-surge", "seaweed-farming"]


def client(**kwargs) -> AsyncRipTide:
    return AsyncRipTide(allow_private_network=True, request_timeout=15.0, **kwargs)


def test_calls_are_awaited_side_by_side(base_url):
    urls = [f"{base_url}/articles/{a}.html" for a in ARTICLES]

    async def main():
        async with client(max_workers=4) as rt:
            ticks = 0

            async def ticker():
                nonlocal ticks
                while True:
                    await asyncio.sleep(0.001)
                    ticks += 1

            beat = asyncio.create_task(ticker())
            docs = await asyncio.gather(*(rt.extract(u) for u in urls))
            beat.cancel()
            html = await rt.extract_html("<article><h1>Hi</h1><p>Hello there, from the event loop.</p></article>")
            return docs, ticks, html

    docs, ticks, html = asyncio.run(main())
    expected = [RipTide(allow_private_network=True).extract(u).title for u in urls]
    assert [d.title for d in docs] == expected and all(isinstance(d, Document) for d in docs)
    assert ticks > 0, "the event loop ran while pages were fetched"
    assert html.title == "Hi"


def test_errors_and_crawls_come_back_as_from_the_sync_client(base_url):
    async def main():
        async with client() as rt:
            with pytest.raises(HTTPStatusError):
                await rt.extract(base_url + "/status/404")
            docs = await rt.crawl([f"{base_url}/articles/{ARTICLES[0]}.html", base_url + "/status/500"])
            urls = await rt.spider(base_url + "/", max_depth=1)
            listed = await rt.sitemap(base_url + "/", max_urls=2)
            announced = await rt.feed(base_url + "/")
            return docs, urls, listed, announced

    docs, urls, listed, announced = asyncio.run(main())
    sync = RipTide(allow_private_network=True)
    assert listed == sync.sitemap(base_url + "/", max_urls=2) and announced == sync.feed(base_url + "/")
    assert [d.ok for d in docs] == [True, False]
    assert urls == RipTide(allow_private_network=True).spider(base_url + "/", max_depth=1)


def test_async_iterators_stream_on_one_thread_and_can_stop_early(base_url):
    urls = [f"{base_url}/articles/{a}.html" for a in ARTICLES]

    async def main():
        async with client() as rt:
            with pytest.raises(ValueError):
                rt.iter_crawl(urls, concurrency=0)  # at the call, not the first step
            streamed = [d.url async for d in rt.iter_crawl(urls, concurrency=2)]
            first = None
            async for doc in rt.iter_spider(base_url + "/", max_depth=1):
                first = doc
                break  # the session is closed on its thread; the client goes on
            again = await rt.extract(urls[0])
            return streamed, first, again

    streamed, first, again = asyncio.run(main())
    assert streamed == urls
    assert first.url == base_url + "/" and first.depth == 0
    assert again.ok
    workers = [t.name for t in threading.enumerate() if re.fullmatch(r"riptide(-iter)?_\d+", t.name)]
    assert workers == [], "closing lets the worker threads go"
