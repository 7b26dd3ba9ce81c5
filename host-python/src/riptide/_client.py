"""`RipTide`: the public entry point."""
from __future__ import annotations

from typing import Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _convert
from ._decoding import decode_html
from ._exceptions import ComponentError, LimitExceeded, RipTideError
from ._models import Document
from ._runtime import CRAWL, EXTRACT, Instance, Sandbox, before_fetching

__all__ = ["RipTide"]


class RipTide:
    """Extract and crawl web pages with an engine that runs in a WebAssembly
    sandbox: it can reach the web only through HTTP requests that pass its
    egress policy, and each call is bounded in time and memory.

    ``headers`` (a mapping or ``(name, value)`` pairs) go with every
    request; those carrying credentials (``Authorization``, ``Cookie``)
    only to the origin of the URL asked for. One that cannot be sent
    raises :class:`InvalidHeader` here.

    One object may be shared by threads: each thread gets its own sandboxed
    instance. Calls never raise for a single bad page inside `crawl`; the
    failed URL's Document carries the error instead.
    """

    def __init__(
        self,
        user_agent: Optional[str] = None,
        request_timeout: float = 30.0,
        time_limit: float = 60.0,
        memory_limit_mb: int = 512,
        respect_robots: bool = True,
        allow_private_network: bool = False,
        *,
        headers: Union[Mapping[str, str], Iterable[Tuple[str, str]], None] = None,
        max_redirects: int = 10,
        max_retries: int = 2,
        max_body_bytes: int = 10 * 1024 * 1024,
        focus: str = "balanced",
        include_comments: bool = False,
        include_tables: bool = True,
        include_images: bool = False,
        include_links: bool = True,
        collect_links: bool = True,
        include_html: bool = False,
        target_selector: Optional[str] = None,
        exclude_selectors: Sequence[str] = (),
    ) -> None:
        self.user_agent = user_agent
        self.request_timeout = _convert.seconds("request_timeout", request_timeout)
        self.time_limit = _convert.seconds("time_limit", time_limit)
        # A wasm32 memory holds at most 4 GiB: more is no limit at all.
        self.memory_limit_mb = _convert.count("memory_limit_mb", memory_limit_mb, minimum=1, maximum=4096)
        self.respect_robots = bool(respect_robots)
        self.allow_private_network = bool(allow_private_network)
        self._fetch = _convert.fetch_options(
            user_agent=user_agent, request_timeout=self.request_timeout, max_redirects=max_redirects,
            max_retries=max_retries,
            max_body_bytes=max_body_bytes, allow_private_network=allow_private_network,
            respect_robots=respect_robots, headers=headers)
        self._extract_defaults = dict(focus=focus, include_comments=include_comments,
                                      include_tables=include_tables, include_images=include_images,
                                      include_links=include_links, collect_links=collect_links,
                                      include_html=include_html, target_selector=target_selector, exclude_selectors=exclude_selectors)
        self._sandbox = Sandbox(time_limit=self.time_limit, memory_limit_mb=self.memory_limit_mb)
        self._checked_selectors: set = set()
        self._extract = self._checked(_convert.extract_options(**self._extract_defaults),
                                      headers=bool(self._fetch.headers))

    def __repr__(self) -> str:
        return (f"RipTide(time_limit={self.time_limit:g}, memory_limit_mb={self.memory_limit_mb}, "
                f"respect_robots={self.respect_robots}, allow_private_network={self.allow_private_network})")

    def _options(self, overrides: dict):
        if not overrides:
            return self._extract
        unknown = set(overrides) - set(self._extract_defaults)
        if unknown:
            raise TypeError(f"unknown extraction option(s): {', '.join(sorted(unknown))}")
        return self._checked(_convert.extract_options(**{**self._extract_defaults, **overrides}))

    def _checked(self, options, headers: bool = False):
        """``options`` once the engine has checked them with the fetch
        options: a bad selector or header raises :class:`InvalidSelector` or
        :class:`InvalidHeader` here, on the caller's line, not on the first
        ``next()`` of a crawl. The engine's rules are the ones that count,
        so it is asked (microseconds, nothing fetched), once per set of
        selectors and once for the headers."""
        key = (getattr(options, "target-selector"), tuple(getattr(options, "exclude-selectors")))
        if headers or (_convert.has_selectors(options) and key not in self._checked_selectors):
            result = self._sandbox.call(CRAWL, "check-options", self._fetch, options)
            if _convert.is_error(result):
                raise _convert.error(result)
            self._checked_selectors.add(key)
        return options

    def engine_version(self) -> str:
        """Version of the sandboxed engine (one cheap call into the component)."""
        return self._sandbox.call(EXTRACT, "engine-version")

    # -- single pages -------------------------------------------------------

    def extract_html(self, html: Union[str, bytes], url: Optional[str] = None, **options) -> Document:
        """Extract a page you already have. Nothing is fetched.

        ``html`` may be bytes: they are read as a browser reads a saved
        page (byte-order mark, UTF-8, the page's ``<meta charset>``, then
        Windows-1252).

        ``options`` override the constructor's extraction options
        (``focus``, ``include_comments``, ``include_tables``,
        ``include_images``, ``include_links``, ``collect_links``,
        ``include_html``, ``target_selector``, ``exclude_selectors``).
        ``include_html`` fills ``Document.html`` with the content as an
        HTML fragment (the Markdown, rendered; nothing of the page raw).

        ``target_selector`` is a CSS selector naming the content
        (``"article.post"``): its matches are the content instead of the
        region the extractor would choose (scripts, hidden elements and
        widgets inside them still go; nothing matched, no text).
        ``exclude_selectors`` name elements removed before anything is
        judged. A selector that does not parse raises
        :class:`InvalidSelector`.
        """
        result = self._sandbox.call(EXTRACT, "extract-html", decode_html(html), url, self._options(options), url=url)
        if _convert.is_error(result):
            raise _convert.error(result, url)
        return _convert.document(result)

    def extract(self, url: str, **options) -> Document:
        """Fetch ``url`` and extract it; raises a :class:`RipTideError` on failure."""
        before_fetching(url)
        result = self._sandbox.call(CRAWL, "fetch-document", str(url), self._fetch, self._options(options), url=url)
        if _convert.is_error(result):
            raise _convert.error(result, url)
        return _convert.document(result)

    def sitemap(self, url: str, max_urls: int = 10_000) -> List[str]:
        """The pages a site lists in its sitemaps, in the order listed, each
        once, at most ``max_urls``. ``url`` is a sitemap (``…/sitemap.xml``,
        ``.xml.gz``) or any page of the site: then the sitemaps its
        robots.txt names are read, else ``/sitemap.xml``; sitemap indexes are
        followed. Raises the first file's error when no page could be listed.
        """
        return self._listed("sitemap", url, max_urls)

    def feed(self, url: str, max_urls: int = 1_000) -> List[str]:
        """The pages a site's feeds (RSS, Atom) link to, in their order, each
        once, at most ``max_urls``: its latest posts. ``url`` is a feed, or a
        page of the site: then the feeds it declares with ``<link
        rel="alternate">`` are read, else ``/feed``. Raises the page's error,
        or the first feed's when no page could be listed.
        """
        return self._listed("feed", url, max_urls)

    def _listed(self, export: str, url: str, max_urls: int) -> List[str]:
        """The URLs a discovery export (`sitemap`, `feed`) lists for ``url``."""
        max_urls = _convert.count("max_urls", max_urls)
        before_fetching(url)
        result = self._sandbox.call(CRAWL, export, str(url), max_urls, self._fetch, url=url)
        if _convert.is_error(result):
            raise _convert.error(result, url)
        return list(result)

    # -- many pages ---------------------------------------------------------

    def crawl(self, urls: Iterable[str], concurrency: int = 8, **options) -> List[Document]:
        """Fetch and extract many URLs, ``concurrency`` requests at a time.

        Returns one Document per URL, in input order; a failed URL gives a
        Document with ``ok == False`` and the error in ``.error``.
        """
        return list(self.iter_crawl(urls, concurrency=concurrency, **options))

    def iter_crawl(self, urls: Iterable[str], concurrency: int = 8, **options) -> Iterator[Document]:
        """Like :meth:`crawl`, yielding Documents in input order as batches finish."""
        # Checked here, not on the first next(): a bad argument is the
        # caller's line in the traceback.
        concurrency = _convert.count("concurrency", concurrency, minimum=1)
        return self._iter_crawl([str(u) for u in urls], concurrency, self._options(options))

    def _iter_crawl(self, pending: List[str], concurrency: int, extract) -> Iterator[Document]:
        done = 0
        while done < len(pending):
            try:
                for doc in self._crawl_session(pending[done:], concurrency, extract):
                    done += 1
                    yield doc
            except (LimitExceeded, ComponentError):
                # The batch in flight took the instance down. Retry its URLs
                # one by one so only the culprit fails, then carry on.
                for url in pending[done:done + concurrency]:
                    done += 1
                    yield self._crawl_one(url, extract)

    def _crawl_one(self, url: str, extract) -> Document:
        try:
            for doc in self._crawl_session([url], 1, extract):
                return doc
        except RipTideError as err:
            return Document.failed(url, err)
        return Document.failed(url, ComponentError("no result", url=url))

    def _crawl_session(self, urls: Sequence[str], concurrency: int, extract) -> Iterator[Document]:
        before_fetching()
        inst = self._sandbox.instance()
        create = inst.func(CRAWL, "[static]crawl-session.crawl")
        session = self._sandbox.run(inst, lambda: create(inst.store, list(urls), concurrency, self._fetch, extract))
        if _convert.is_error(session):
            raise _convert.error(session)
        yield from self._drain(inst, session)

    def spider(self, url: str, max_depth: int = 2, max_pages: int = 100, *, same_host: bool = True,
               include: Sequence[str] = (), exclude: Sequence[str] = (), concurrency: int = 4) -> List[str]:
        """Breadth-first crawl from ``url``; returns the URLs of the HTML pages
        fetched, in discovery order, the seed first.

        ``max_depth`` counts links from the seed (depth 0). With ``same_host``
        only the seed's host is followed. ``include``/``exclude`` are
        substrings a URL must / must not contain. robots.txt is obeyed
        unless ``respect_robots=False``.
        """
        # Only the URLs are returned: the engine follows the links without
        # handing every page's link list over.
        return [d.url for d in self.iter_spider(url, max_depth=max_depth, max_pages=max_pages,
                                                same_host=same_host, include=include, exclude=exclude,
                                                concurrency=concurrency, collect_links=False) if d.ok]

    def iter_spider(self, url: str, max_depth: int = 2, max_pages: int = 100, *, same_host: bool = True,
                    include: Sequence[str] = (), exclude: Sequence[str] = (), concurrency: int = 4,
                    **options) -> Iterator[Document]:
        """Like :meth:`spider`, yielding a Document per fetched page (failed
        ones too, with ``ok == False``) as batches finish. When the seed
        itself fails, its error is raised instead."""
        spider = _convert.spider_options(max_depth=max_depth, max_pages=max_pages, same_host=same_host,
                                         include=include, exclude=exclude, concurrency=concurrency)
        return self._iter_spider(str(url), spider, self._options(options))

    def _iter_spider(self, url: str, spider, extract) -> Iterator[Document]:
        before_fetching(url)
        inst = self._sandbox.instance()
        create = inst.func(CRAWL, "[static]crawl-session.spider")
        result = self._sandbox.run(inst, lambda: create(inst.store, url, spider, self._fetch, extract), url=url)
        if _convert.is_error(result):
            raise _convert.error(result, url)
        for doc in self._drain(inst, result):
            if doc.depth == 0 and doc.error is not None:
                raise doc.error
            yield doc

    def _drain(self, inst: Instance, session) -> Iterator[Document]:
        """Pull batches from a crawl-session until it reports none left."""
        next_batch = inst.func(CRAWL, "[method]crawl-session.next-batch")
        try:
            while True:
                items = self._sandbox.run(inst, lambda: next_batch(inst.store, session))
                if not items:
                    return
                for item in items:
                    yield _convert.crawl_item(item)[1]
        finally:
            if self._sandbox.is_current(inst):
                try:
                    session.drop(inst.store)
                except Exception:
                    pass
