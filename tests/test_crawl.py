"""crawl / iter_crawl / spider / iter_spider against the loopback site."""
from __future__ import annotations

import pytest

import fixture_server

from riptide import HTTPStatusError, InvalidURL, PolicyError, RipTide, UnsupportedContent

ARTICLES = ["tide-pools", "lighthouse-keepers", "kelp-forests", "storm-surge", "seaweed-farming"]


def test_crawl_keeps_input_order_and_isolates_failures(rt, base_url):
    urls = [f"{base_url}/articles/{a}.html" for a in ARTICLES]
    urls.insert(2, base_url + "/status/404")
    urls.insert(4, "definitely not a url")
    urls.append(base_url + "/files/survey.pdf")
    docs = rt.crawl(urls, concurrency=3)
    assert [d.url for d in docs] == urls
    assert [d.ok for d in docs] == [True, True, False, True, False, True, True, False]
    assert isinstance(docs[2].error, HTTPStatusError) and docs[2].error.status == 404
    assert (docs[2].status, docs[4].status, docs[7].status) == (404, 0, 0), "a failed Document keeps a server's error status"
    assert isinstance(docs[4].error, InvalidURL)
    assert isinstance(docs[7].error, UnsupportedContent)
    assert docs[0].title == "What lives in a tide pool"


def test_iter_crawl_streams(rt, base_url):
    urls = [f"{base_url}/articles/{a}.html" for a in ARTICLES]
    stream = rt.iter_crawl(urls, concurrency=2)
    first = next(stream)
    assert first.url == urls[0] and first.ok
    rest = list(stream)
    assert [d.url for d in rest] == urls[1:]


def test_iter_crawl_can_stop_early_and_client_stays_usable(rt, base_url):
    urls = [f"{base_url}/articles/{a}.html" for a in ARTICLES]
    for doc in rt.iter_crawl(urls, concurrency=1):
        break
    assert rt.extract(base_url + "/about.html").ok


def test_spider_breadth_first_with_depth_and_robots(rt, base_url):
    urls = rt.spider(base_url + "/", max_depth=1, max_pages=100)
    assert urls[0] == base_url + "/"
    assert base_url + "/articles/" in urls and base_url + "/docs/" in urls
    assert not any("/private/" in u for u in urls), "robots.txt disallows /private/"
    assert not any(u.endswith(".pdf") for u in urls)
    assert not any("social.example" in u for u in urls), "other hosts are out of scope"
    assert base_url + "/docs/guide/install.html" not in urls  # depth 3
    assert len(urls) == len(set(urls))
    fetched = list(rt.iter_spider(base_url + "/", max_depth=5, max_pages=100))
    # Every page of the site answers: a failure here is the fetch's, not the order's.
    assert [(d.url, d.error) for d in fetched if not d.ok] == []
    deeper = [d.url for d in fetched]
    assert base_url + "/docs/guide/config/deep/sync.html" in deeper
    assert deeper[: len(urls)] == urls, "discovery order is stable and breadth first"
    # the old address redirects to a page found directly: listed once
    assert base_url + "/old/tide-pools" not in deeper


def test_spider_max_pages_and_patterns(rt, base_url):
    assert len(rt.spider(base_url + "/", max_depth=5, max_pages=4)) == 4
    docs_only = rt.spider(base_url + "/docs/", max_depth=5, max_pages=100, include=["/docs/"], exclude=["/reference/"])
    assert docs_only and all("/docs/" in u and "/reference/" not in u for u in docs_only)
    assert base_url + "/docs/guide/config/deep/sync.html" in docs_only
    # One string is one pattern, not its characters ("/", "d", "o"... would match anything).
    assert rt.spider(base_url + "/docs/", max_depth=5, max_pages=100, include="/docs/", exclude="/reference/") == docs_only
    assert rt.spider(base_url + "/", max_depth=0) == [base_url + "/"]


def test_a_crawl_delay_spaces_the_requests_to_its_site(rt):
    # A second server whose robots.txt asks for half a second between
    # requests; a spider or a crawl is one session, paced within itself.
    server = fixture_server.start(crawl_delay=0.5)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"

        def paced(run):
            del server.requests[:]
            run()
            pages = [t for t, path in server.requests if path != "/robots.txt"]
            return [round(b - a, 2) for a, b in zip(pages, pages[1:])]

        urls = []
        spider_gaps = paced(lambda: urls.extend(rt.spider(base + "/", max_depth=1, max_pages=4, concurrency=4)))
        docs = []
        crawl_gaps = paced(lambda: docs.extend(rt.crawl([base + "/articles/", base + "/docs/", base + "/about.html"], concurrency=4)))
        # (A request whose connection was reset is sent again, in its turn too.)
        assert len(urls) == 4 and len(spider_gaps) >= 3
        assert all(d.ok for d in docs) and len(crawl_gaps) >= 2
        # Every gap is the delay, less the two clocks' disagreement.
        assert min(spider_gaps + crawl_gaps) >= 0.45, (spider_gaps, crawl_gaps)
    finally:
        server.shutdown()


def test_a_client_remembers_robots_and_its_crawl_delay_between_calls():
    # One extract after another: robots.txt is asked for once, and its
    # Crawl-delay spaces the calls as it spaces the requests of one crawl.
    server = fixture_server.start(crawl_delay=0.5)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        rt = RipTide(allow_private_network=True, request_timeout=15.0)
        titles = [rt.extract(f"{base}/articles/{name}.html").title for name in ARTICLES[:3]]
        assert all(titles)
        assert [path for _, path in server.requests if path == "/robots.txt"] == ["/robots.txt"]
        pages = [t for t, path in server.requests if path != "/robots.txt"]
        gaps = [round(b - a, 2) for a, b in zip(pages, pages[1:])]
        assert len(gaps) == 2 and min(gaps) >= 0.45, gaps
        # Another client keeps its own memory.
        RipTide(allow_private_network=True).extract(f"{base}/articles/{ARTICLES[0]}.html")
        assert [path for _, path in server.requests].count("/robots.txt") == 2
    finally:
        server.shutdown()


def test_spider_without_robots_reaches_private(base_url):
    rt = RipTide(allow_private_network=True, respect_robots=False)
    assert base_url + "/private/staff.html" in rt.spider(base_url + "/", max_depth=1)


def test_iter_spider_yields_documents_with_depth(rt, base_url):
    docs = list(rt.iter_spider(base_url + "/docs/", max_depth=2, max_pages=50))
    assert docs[0].depth == 0 and docs[0].title
    assert max(d.depth for d in docs) == 2
    assert all(d.ok for d in docs)


def test_a_spider_not_collecting_links_still_follows_them(rt, base_url):
    lean = RipTide(allow_private_network=True, request_timeout=15.0, collect_links=False)
    docs = list(lean.iter_spider(base_url + "/docs/", max_depth=2, max_pages=50))
    assert [d.url for d in docs] == rt.spider(base_url + "/docs/", max_depth=2, max_pages=50)
    assert len(docs) > 1 and all(d.links == [] for d in docs)


def test_counts_are_checked_when_called(rt, base_url):
    urls = [base_url + "/articles/tide-pools.html"]
    with pytest.raises(ValueError, match="concurrency"):
        rt.crawl(urls, concurrency=0)
    with pytest.raises(ValueError, match="concurrency"):
        rt.iter_crawl(urls, concurrency=-1)  # before the first next()
    with pytest.raises(ValueError, match="max_depth"):
        rt.iter_spider(base_url + "/", max_depth=-1)
    with pytest.raises(TypeError, match="max_pages"):
        rt.spider(base_url + "/", max_pages=2.5)
    with pytest.raises(ValueError, match="max_redirects"):
        RipTide(max_redirects=-1)
    # Past the WIT u32 means "as many as it holds"; wasmtime would wrap
    # 2**40 to 0 and the spider would fetch nothing.
    assert rt.spider(base_url + "/", max_depth=1, max_pages=2**40) == rt.spider(base_url + "/", max_depth=1)
    assert [d.ok for d in rt.crawl(urls, concurrency=2**40)] == [True]


def test_sitemap_lists_the_pages_a_site_names(rt, base_url):
    # robots.txt names an index of two sitemaps, one gzip-compressed.
    pages = [base_url + p for p in ("/articles/tide-pools.html", "/articles/kelp-forests.html",
                                    "/articles/storm-surge.html", "/docs/")]
    assert rt.sitemap(base_url + "/articles/") == pages, "in the order listed, each once, no images"
    assert rt.sitemap(base_url + "/", max_urls=2) == pages[:2]
    assert rt.sitemap(base_url + "/sitemaps/docs.xml.gz") == [pages[3], pages[1]]
    with pytest.raises(HTTPStatusError) as missing:
        rt.sitemap(base_url + "/sitemaps/missing.xml")
    assert missing.value.status == 404
    with pytest.raises(PolicyError):
        RipTide().sitemap(base_url + "/")
    with pytest.raises(ValueError):
        rt.sitemap(base_url + "/", max_urls=-1)


def test_feed_lists_the_pages_a_site_announces(rt, base_url):
    # The home page declares an RSS and an Atom feed.
    pages = [base_url + p for p in ("/articles/kelp-forests.html", "/articles/storm-surge.html", "/docs/")]
    # (the RSS feed tags its storm-surge link with utm_ parameters: dropped)
    assert rt.feed(base_url + "/") == pages, "in their order, each once, not the feeds' own links"
    assert rt.feed(base_url + "/feeds/docs.atom") == [pages[2], pages[0]]
    assert rt.feed(base_url + "/", max_urls=1) == pages[:1]
    with pytest.raises(HTTPStatusError):  # no feed declared, and no /feed
        rt.feed(base_url + "/about.html")


def test_spider_errors(base_url, rt):
    with pytest.raises(InvalidURL):
        rt.spider("nope")
    with pytest.raises(PolicyError):
        RipTide().spider(base_url + "/")  # private address refused before anything is sent
    with pytest.raises(PolicyError):
        list(RipTide().iter_spider(base_url + "/"))
