"""extract_html and extract: content, Markdown, metadata, links, errors."""
from __future__ import annotations

import codecs
import dataclasses
import doctest
import html as html_lib
import pickle
import re
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from riptide import (
    Document,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidHeader,
    InvalidSelector,
    InvalidURL,
    PolicyError,
    RipTide,
    RipTideError,
    UnsupportedContent,
)

ARTICLE = "/articles/tide-pools.html"


def test_extract_article_keeps_content_and_drops_boilerplate(rt, base_url):
    doc = rt.extract(base_url + ARTICLE)
    assert doc.ok and doc.status == 200
    assert doc.url == doc.final_url == base_url + ARTICLE
    assert doc.title == "What lives in a tide pool"
    assert doc.byline == "Marina Okafor"
    assert doc.published.startswith("2024-03-14")
    assert doc.language == "en-GB"
    assert doc.site_name == "Tidewater Gazette"
    assert doc.canonical_url == base_url + ARTICLE
    assert doc.description.startswith("Tide pools are small worlds")
    assert "anemones, crabs, snails and algae" in doc.text
    assert "Check the tide tables before you set out." in doc.text
    for boilerplate in ("We use cookies", "Sign up for our newsletter", "Copyright 2025",
                        "Share on Social", "Related stories", "Lovely piece", "Search"):
        assert boilerplate not in doc.text, boilerplate
    assert doc.word_count == len([w for w in doc.text.split() if any(c.isalnum() for c in w)])


def test_markdown_structure(rt, base_url):
    md = rt.extract(base_url + ARTICLE).markdown
    assert "## What the experts say" in md
    assert "> We keep coming back because no two visits are ever the same." in md
    assert "- Check the tide tables before you set out.\n- Bring a waterproof layer." in md
    assert f"[field guide]({base_url}/docs/)" in md
    assert "<" not in md
    docs = rt.extract(base_url + "/docs/guide/install.html").markdown
    assert "```bash\npip install tide-recorder\ntide-recorder --setup\n```" in docs
    assert "`tide-recorder --version`" in docs
    table = rt.extract(base_url + "/docs/reference/species.html").markdown
    assert "| Code | Species | Zone |\n| --- | --- | --- |" in table
    assert "| PAVU | Patella vulgata (common limpet) | upper \\| middle |" in table


def test_links_are_absolute_deduplicated_and_flagged(rt, base_url):
    doc = rt.extract(base_url + ARTICLE)
    urls = [l.url for l in doc.links]
    assert len(urls) == len(set(urls))
    assert base_url + "/articles/" in urls
    assert all(u.startswith("http") and "#" not in u for u in urls)
    external = [l for l in doc.links if l.url.startswith("https://social.example/")]
    assert external and not external[0].internal
    assert all(l.internal for l in doc.links if l.url.startswith(base_url))


def test_extract_html_needs_no_network():
    rt = RipTide()  # private network not allowed: proves nothing is fetched
    html = ("<html><head><title>Notes</title></head><body><nav><a href='/'>Home</a></nav><article><h2>Heading</h2>"
            "<p>A paragraph that is long enough to be content, with a <a href='/x'>link</a> inside it.</p>"
            "<img src='/i.png' alt='Picture'></article></body></html>")
    doc = rt.extract_html(html, url="http://127.0.0.1/page")
    assert doc.status == 0 and doc.url == "http://127.0.0.1/page"
    assert "Home" not in doc.text and "## Heading" in doc.markdown
    assert doc.images[0].url == "http://127.0.0.1/i.png" and doc.images[0].alt == "Picture"
    with_images = rt.extract_html(html, url="http://127.0.0.1/page", include_images=True, include_links=False)
    assert "![Picture](http://127.0.0.1/i.png)" in with_images.markdown
    assert "[link]" not in with_images.markdown and "link inside" in with_images.markdown


def test_the_link_list_is_left_empty_when_not_collected():
    html = ("<html><body><nav><a href='/'>Home</a></nav><article><h1>Tides</h1>"
            "<p>A paragraph long enough to be content, about tides and <a href='/moon'>the moon</a> that pulls them.</p>"
            "</article></body></html>")
    rt = RipTide(collect_links=False)
    doc = rt.extract_html(html, url="http://127.0.0.1/tides")
    assert doc.links == [] and "[the moon](http://127.0.0.1/moon)" in doc.markdown
    # A per-call option overrides the constructor.
    collected = rt.extract_html(html, url="http://127.0.0.1/tides", collect_links=True)
    assert {l.url for l in collected.links} == {"http://127.0.0.1/", "http://127.0.0.1/moon"}
    assert (collected.text, collected.markdown) == (doc.text, doc.markdown)


def test_the_package_docstring_example_runs():
    import riptide

    assert doctest.testmod(riptide).failed == 0


def test_results_cross_the_boundary_intact():
    """Every kind of value the component returns (multi-byte and empty strings,
    absent and present options, flags, nested records) arrives as written."""
    rt = RipTide()
    html = ("<html lang='ja'><head><title>日本語のページ — Ünïcödé</title></head><body><article><h1>日本語のページ — Ünïcödé</h1>"
            "<p>Ein längerer Absatz über Gezeiten 🌊, Strömungen und 日本の海, lang genug um Inhalt zu sein.</p>"
            "<p><a href='/a' rel='nofollow'>Ströme</a> <a href='https://other.example/b'></a></p></article></body></html>")
    doc = rt.extract_html(html, url="http://127.0.0.1/seite")
    assert doc.title == "日本語のページ — Ünïcödé" and doc.language == "ja" and doc.byline is None
    assert "Gezeiten 🌊, Strömungen und 日本の海" in doc.text
    links = {l.url: l for l in doc.links}
    assert links["http://127.0.0.1/a"].text == "Ströme" and links["http://127.0.0.1/a"].rel == "nofollow"
    assert links["http://127.0.0.1/a"].internal
    empty = links["https://other.example/b"]
    assert empty.text == "" and empty.rel is None and not empty.internal


def test_extract_html_accepts_bytes_in_legacy_encodings():
    rt = RipTide()
    doc = rt.extract_html("<meta charset='windows-1252'><p>Caf\u00e9 cr\u00e8me on the quay, every morning at dawn.</p>".encode("cp1252"))
    assert "Café crème" in doc.text
    assert "Café crème" in rt.extract_html(bytearray("<p>Café crème on the quay, every morning at dawn.</p>".encode())).text
    # Labels read as browsers read them: "iso-8859-1" is Windows-1252 (its curly
    # quotes are C1 controls in Latin-1), "gb2312" is GB18030, and a
    # byte-order mark beats any label.
    said = "<p>\u201cIt\u2019s the tide,\u201d she said, and the harbour emptied before noon.</p>"
    assert "\u201cIt\u2019s the tide,\u201d" in rt.extract_html(("<meta charset=iso-8859-1>" + said).encode("cp1252")).text
    assert "It\u2019s the tide" in rt.extract_html(codecs.BOM_UTF16_LE + ("<meta charset=iso-8859-1>" + said).encode("utf-16-le")).text
    hanzi = "<p>\u9555\u6d77\u5cb8\u7684\u6f6e\u6c50\u6bcf\u5929\u6da8\u843d\u4e24\u6b21\uff0c\u6e14\u8239\u968f\u6f6e\u51fa\u6d77\u3002</p>"
    assert "\u9555\u6d77\u5cb8" in rt.extract_html(("<meta charset=gb2312>" + hanzi).encode("gb18030")).text
    kana = "<p>\u6f6e\u304c\u6e80\u3061\u308b\u3068\u3001\u6e2f\u306e\u8239\u306f\u4e00\u6589\u306b\u51fa\u822a\u3057\u307e\u3059\u3002\u2460</p>"
    assert "\u6f6e\u304c\u6e80\u3061\u308b" in rt.extract_html(('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">' + kana).encode("cp932")).text
    # A label naming no text encoding is no label: Windows-1252.
    for label in ("base64", "zlib", "no-such-charset"):
        page = f"<meta charset={label}><p>Café crème on the quay, every morning at dawn.</p>".encode("cp1252")
        assert "Café crème" in rt.extract_html(page).text
    for not_a_page in (None, 5, ["<p>x</p>"]):
        with pytest.raises(TypeError, match="html must be str or bytes"):
            rt.extract_html(not_a_page)


def test_doubly_decoded_text_is_repaired_written_out_or_as_references():
    # UTF-8 read as Windows-1252 and saved again; one CMS escapes the result.
    written = "<p>The harbourâ€™s cafÃ© opens at dawn â€” every morning, all year round.</p>"
    escaped = "<p>The harbour&acirc;&euro;&trade;s caf&Atilde;&copy; opens at dawn &acirc;&euro;&#148; every morning, all year round.</p>"
    for page in (written, escaped):
        assert RipTide().extract_html(page).text == "The harbour’s café opens at dawn — every morning, all year round."


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError):
        RipTide().extract_html("<p>x</p>", colour="blue")
    with pytest.raises(ValueError):
        RipTide().extract_html("<p>x</p>", focus="sideways")


def test_the_constructor_checks_its_limits():
    for bad in (0, -1.5, float("nan")):
        with pytest.raises(ValueError, match="time_limit"):
            RipTide(time_limit=bad)
    with pytest.raises(TypeError, match="request_timeout"):
        RipTide(request_timeout="30")
    with pytest.raises(ValueError, match="memory_limit_mb"):
        RipTide(memory_limit_mb=0)
    # No limit to speak of is the most the sandbox and the WIT can carry,
    # not an OverflowError on the first call.
    unbounded = RipTide(time_limit=float("inf"), request_timeout=float("inf"), memory_limit_mb=2**40)
    assert unbounded.memory_limit_mb == 4096
    assert unbounded.extract_html("<p>Still bounded, and still working.</p>").text == "Still bounded, and still working."


def test_css_selectors_name_the_content_and_what_to_leave_out(rt, base_url):
    url = base_url + ARTICLE
    # The related-stories list is link-heavy chrome; named, it is the content, links and all.
    related = rt.extract(url, target_selector="section.related-posts")
    assert related.text.splitlines() == ["Related stories", "- The last lighthouse keepers",
                                         "- Kelp forests are moving north", "- How storm surge floods a harbour"]
    assert f"[Kelp forests are moving north]({base_url}/articles/kelp-forests.html)" in related.markdown
    assert related.title == "What lives in a tide pool"  # metadata is the page's
    # Two selectors in one: both matches, in page order, nothing between them.
    both = rt.extract(url, target_selector="blockquote, #comments")
    assert both.text.startswith("We keep coming back") and "Lovely piece" in both.text
    assert "anemones" not in both.text
    # Excluded elements go before the content is chosen; one string is one selector.
    trimmed = rt.extract(url, exclude_selectors="blockquote")
    assert "anemones, crabs, snails and algae" in trimmed.text and "no two visits" not in trimmed.text
    assert "no two visits" not in RipTide(allow_private_network=True, exclude_selectors=["blockquote", "ul"]).extract(url).text
    # A selector that matches nothing: no content, not a guess.
    assert rt.extract(url, target_selector="div.recipe").text == ""


def test_a_bad_css_selector_raises_at_the_call(rt, base_url):
    for call in (lambda: rt.extract_html("<p>x</p>", target_selector="article >"),
                 lambda: rt.extract(base_url + ARTICLE, exclude_selectors=["p", "div[]"]),
                 lambda: rt.iter_crawl([base_url + ARTICLE], target_selector="::"),  # before the first next()
                 lambda: RipTide(exclude_selectors=["a:nth-child(x)"])):
        with pytest.raises(InvalidSelector) as caught:
            call()
        assert isinstance(caught.value, ValueError) and "invalid CSS selector" in str(caught.value)
    with pytest.raises(InvalidSelector, match='"article >": dangling combinator'):
        rt.extract_html("<p>x</p>", target_selector="article >")
    with pytest.raises(TypeError, match="target_selector"):
        rt.extract_html("<p>x</p>", target_selector=["article"])


def test_html_is_the_content_as_safe_markup_when_asked_for(rt, base_url):
    url = base_url + ARTICLE
    assert rt.extract(url).html == ""
    doc = rt.extract(url, include_html=True)
    assert "<h2>What the experts say</h2>" in doc.html
    assert "<blockquote>\n<p>We keep coming back because no two visits are ever the same.</p>\n</blockquote>" in doc.html
    assert f'<a href="{base_url}/docs/">field guide</a>' in doc.html
    assert "Sign up for our newsletter" not in doc.html and "<script" not in doc.html
    # Nothing of the page runs: its markup is text, a script link is no link.
    sentence = "The harbour wall was rebuilt after the storm of 1953, stone by stone, by the town's own masons. "
    page = (f"<article><h1>The wall</h1><p>{sentence * 3}<a href='javascript:alert(1)'>Read the story</a> "
            f"or <a href='/history'>the history</a>.</p><p>{sentence}&lt;script&gt;alert(2)&lt;/script&gt;</p></article>")
    html = rt.extract_html(page, url="https://harbour.example/wall", include_html=True).html
    assert "masons. Read the story or " in html and '<a href="https://harbour.example/history">' in html
    assert "javascript:" not in html and "<script" not in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_focus_options_change_the_cut(rt, base_url):
    html = open(__file__.replace("test_extract.py", "site/articles/index.html"), encoding="utf-8").read()
    recall = rt.extract_html(html, url=base_url + "/articles/", focus="recall")
    precision = rt.extract_html(html, url=base_url + "/articles/", focus="precision")
    assert len(precision.text) <= len(recall.text)


def test_comments_come_after_the_article_when_asked_for(rt):
    # WordPress's shape: the comment list follows the article as its sibling.
    body = "<p>The tide tables for the harbour, with the spring and neap tides of each month.</p>" * 8
    page = ("<html><body><div id='primary'><article><h1>Harbour tides</h1>"
            f"<div class='entry-content'>{body}</div></article>"
            "<div id='comments' class='comments-area'><h2>One thought on Harbour tides</h2>"
            "<ol class='comment-list'><li class='comment'><div class='comment-content'>"
            "<p>Could you add the tides for the outer mole next season, please?</p></div></li></ol>"
            "</div></div></body></html>")
    assert "outer mole" not in rt.extract_html(page).text
    for asked in (rt.extract_html(page, include_comments=True), RipTide(include_comments=True).extract_html(page)):
        assert asked.text.index("The tide tables") < asked.text.index("Could you add the tides for the outer mole")
        assert "outer mole" in asked.markdown


def test_the_introduction_before_the_body_opens_the_text(rt):
    # A standfirst beside the headline, outside the body the region is cut
    # from; the byline and the disclosure beside it stay out.
    body = "<p>The body of the story, told at length, with commas, clauses and full stops.</p>" * 12
    page = ("<html><body><div class='hero'><h1>Gulls at the harbour</h1>"
            "<p class='standfirst'>Why the harbour's gulls have learnt to open bins, and what the town does now.</p>"
            "<p>By Ann Writer, updated 4 December 2025</p>"
            "<p>We may earn a commission when you buy through links on this page.</p></div>"
            f"<div class='story-body'>{body}</div></body></html>")
    text = rt.extract_html(page, url="https://example.org/gulls").text
    assert text.startswith("Why the harbour's gulls have learnt to open bins"), text[:200]
    assert "Ann Writer" not in text and "commission" not in text
    assert "Why the harbour" not in rt.extract_html(page, url="https://example.org/gulls", focus="precision").text


def test_the_byline_names_the_writer_not_a_placeholder_or_a_job(rt):
    # A template's unfilled author key, then a byline with the writer's job
    # and a reviewer after the name: the name alone is the byline.
    body = "<p>How mesh networks hand your laptop from one node to the next, with care.</p>" * 6
    page = ('<html><head><meta name="author" content="page.head.extra.author"></head><body><article>'
            '<h1>Mesh networks explained</h1><div class="byline">By <a href="/a/tim">Tim Enwall</a><br>'
            '<span class="author-title">Senior Networking Reporter</span>. Reviewed by Ann Lee</div>'
            f"{body}</article></body></html>")
    assert rt.extract_html(page, url="https://example.org/mesh").byline == "Tim Enwall"


def test_a_social_teaser_is_not_the_title_and_a_link_is_not_the_author(rt):
    # The og:title is a slogan for feeds, the <title> names the page; the
    # author's page link reads "View more posts" and the byline opens with
    # the article's kind: the title is the page's, the author the writer.
    body = "<p>Which list sizes keep readers opening the weekly email, measured over a year.</p>" * 6
    page = ('<html><head><title>Email Marketing Tools | Mailbird</title><meta property="og:site_name" content="Mailbird">'
            '<meta property="og:title" content="We are really good at this"></head><body><article>'
            '<div class="byline"><span class="kind">Guide</span> <span>by</span> <a href="/authors/ada">Ada Obi</a></div>'
            f'{body}<a rel="author" href="/authors/ada">View more posts</a></article></body></html>')
    doc = rt.extract_html(page, url="https://example.org/email-tools")
    assert (doc.title, doc.byline) == ("Email Marketing Tools", "Ada Obi")


def test_the_url_slug_picks_the_headline_over_a_rewritten_title(rt):
    page = ("<html><head><title>Which Social Media Marketing Certification is Best? | Example</title></head>"
            "<body><h1>Social Media Marketing Certifications and Certificates</h1><p>Compare the courses.</p></body></html>")
    by_slug = rt.extract_html(page, url="https://example.com/marketing/certifications-and-certificates")
    assert by_slug.title == "Social Media Marketing Certifications and Certificates"
    assert rt.extract_html(page, url="https://example.com/p/48213").title == "Which Social Media Marketing Certification is Best?"
    assert rt.extract_html(page).title == "Which Social Media Marketing Certification is Best?"


def test_non_utf8_pages(rt, base_url):
    assert "le café du port reste ouvert" in rt.extract(base_url + "/legacy/harbour.html").text
    assert rt.extract(base_url + "/legacy/harbour.html").language == "fr"
    assert "Crème brûlée" in rt.extract(base_url + "/encoding/header-latin1").text
    assert "No content type header" in rt.extract(base_url + "/encoding/no-content-type").text


def test_language_from_markup_then_header_then_text(rt, base_url):
    # The markup outranks the server's Content-Language, which outranks
    # what the (too short) text reads like.
    assert rt.extract(base_url + "/language/served").language == "de-DE"
    assert rt.extract(base_url + "/language/served?lang=fr").language == "fr"
    assert rt.extract(base_url + "/language/served.txt").language == "de"
    assert rt.extract_html("<p>東京は日本の首都です。多くの人が住んでいます。</p>").language == "ja"


def test_plain_text_passes_through(rt, base_url):
    doc = rt.extract(base_url + "/notes.txt")
    assert doc.text.startswith("Field notes") and "westerly wind" in doc.text
    # As HTML, the text as a browser shows it: one preformatted block.
    html = rt.extract(base_url + "/notes.txt", include_html=True).html
    assert html.startswith("<pre>Field notes") and html.endswith("</pre>\n") and "westerly wind" in html


def test_a_meta_refresh_redirect_is_followed(rt, base_url):
    # A static host's redirect stub: a page whose head sends the reader on.
    doc = rt.extract(base_url + "/legacy/moved.html")
    assert doc.url == base_url + "/legacy/moved.html"
    assert doc.final_url == base_url + "/articles/tide-pools.html"
    assert doc.title == "What lives in a tide pool" and "Redirecting" not in doc.text


def test_a_server_asking_to_come_back_soon_is_asked_again(rt, base_url):
    started = time.monotonic()
    doc = rt.extract(base_url + "/busy/429/1/extract")
    assert doc.title == "Ready" and time.monotonic() - started >= 0.9  # after the Retry-After
    assert rt.extract(base_url + "/busy/503/1/unavailable").status == 200
    # Retry-After as an HTTP date, read against the response's Date.
    started = time.monotonic()
    assert rt.extract(base_url + "/busy/503/date+2/dated").status == 200
    assert time.monotonic() - started >= 0.9
    # A gateway down for a moment, no Retry-After: asked again after a backoff.
    assert rt.extract(base_url + "/busy/502/none/gateway").status == 200
    with pytest.raises(HTTPStatusError, match="HTTP 504"):
        RipTide(allow_private_network=True, max_retries=0).extract(base_url + "/busy/504/none/no-retries")
    # Too long a wait: the status is the answer.
    with pytest.raises(HTTPStatusError) as busy:
        rt.extract(base_url + "/busy/429/3600/hour")
    assert busy.value.status == 429


def test_credentials_in_the_url_are_sent_as_basic_authorization(rt, base_url):
    host = base_url.removeprefix("http://")
    assert rt.extract(f"http://ada:lovelace@{host}/auth/basic").title == "Harbour office"
    for url in (base_url + "/auth/basic", f"http://ada:wrong@{host}/auth/basic"):
        with pytest.raises(HTTPStatusError) as refused:
            rt.extract(url)
        assert refused.value.status == 401


def test_a_cookie_check_redirect_is_passed(rt, base_url):
    doc = rt.extract(base_url + "/cookie-check")
    assert doc.title == "Past the cookie check" and doc.final_url == base_url + "/cookie-check"


def test_callers_headers_are_sent_and_credentials_stay_on_the_origin_asked(base_url):
    headers = {"Accept-Language": "de-CH", "Authorization": "Bearer t0ken", "Cookie": "consent=yes", "X-Api-Key": "k1"}
    rt = RipTide(allow_private_network=True, headers=headers)
    shown = rt.extract(base_url + "/echo/headers").text
    for name, value in headers.items():
        assert f"{name}: {value}" in shown, shown
    # Pairs as httpx takes them; redirected to another origin (localhost is
    # not 127.0.0.1), the token and the caller's cookie stay behind.
    rt = RipTide(allow_private_network=True, headers=list(headers.items()))
    elsewhere = base_url.replace("127.0.0.1", "localhost") + "/echo/headers"
    doc = rt.extract(base_url + "/echo/headers?to=" + elsewhere)
    assert doc.final_url == elsewhere
    assert "Accept-Language: de-CH" in doc.text and "X-Api-Key: k1" in doc.text
    assert "t0ken" not in doc.text and "consent" not in doc.text


def test_a_header_that_cannot_be_sent_raises_where_it_is_given():
    for bad, why in (({"Host": "example.org"}, "Host is set by the client"),
                     ({"User-Agent": "Bot/1"}, "use the user-agent option"),
                     ({"X-Note": "one\r\nHost: evil.example"}, "control character"),
                     ([("Bad Name", "1")], "not a header name")):
        with pytest.raises(InvalidHeader, match=why) as caught:
            RipTide(headers=bad)
        assert isinstance(caught.value, ValueError)
    for bad in ({"X-Count": 3}, ["X-Alone"], 42):
        with pytest.raises(TypeError, match="headers"):
            RipTide(headers=bad)


def test_redirect_chain_is_followed(rt, base_url):
    doc = rt.extract(base_url + "/redirect/start")
    assert doc.url == base_url + "/redirect/start"
    assert doc.final_url == base_url + ARTICLE
    assert doc.title == "What lives in a tide pool"


def test_errors_are_typed(rt, base_url):
    with pytest.raises(HTTPStatusError) as e404:
        rt.extract(base_url + "/status/404")
    assert e404.value.status == 404 and e404.value.url.endswith("/status/404")
    with pytest.raises(HTTPStatusError) as e500:
        rt.extract(base_url + "/status/500")
    assert e500.value.status == 500
    with pytest.raises(FetchError, match="redirect loop"):
        rt.extract(base_url + "/redirect/loop-a")
    with pytest.raises(UnsupportedContent) as pdf:
        rt.extract(base_url + "/files/survey.pdf")
    assert pdf.value.content_type == "application/pdf"
    with pytest.raises(UnsupportedContent) as mislabelled:
        rt.extract(base_url + "/mislabelled")
    assert mislabelled.value.content_type == "application/pdf", "a PDF said to be HTML is still a PDF"
    with pytest.raises(InvalidURL):
        rt.extract("not a url")
    with pytest.raises(ValueError):  # InvalidURL is a ValueError too
        rt.extract_html("<p>x</p>", url="::nonsense")
    with pytest.raises(FetchError):  # nothing listens on the discard port
        rt.extract("http://127.0.0.1:9/")


def test_timeouts(base_url):
    quick = RipTide(allow_private_network=True, request_timeout=0.5)
    with pytest.raises(FetchTimeout):
        quick.extract(base_url + "/slow?seconds=3")
    assert quick.extract(base_url + ARTICLE).ok  # the client is still fine


def test_body_size_cap(base_url):
    small = RipTide(allow_private_network=True, max_body_bytes=1_000_000)
    with pytest.raises(FetchError, match="larger than 1000000"):
        small.extract(base_url + "/huge?mb=2")


def test_compressed_bodies_are_asked_for_and_inflated(rt, base_url):
    # The server compresses only what the request's Accept-Encoding names.
    for coding in ("gzip", "deflate"):
        doc = rt.extract(base_url + "/compressed/" + coding)
        assert doc.title == "Compressed tides" and "spring tide reaches the harbour wall" in doc.text
    # 64 MB of inflated spaces stop at the size cap; a coding not asked for is refused.
    with pytest.raises(FetchError, match="larger than 1000000"):
        RipTide(allow_private_network=True, max_body_bytes=1_000_000).extract(base_url + "/compressed/bomb")
    with pytest.raises(FetchError, match="not asked for"):
        rt.extract(base_url + "/compressed/br")


def test_policy_refuses_private_addresses_by_default(base_url):
    default = RipTide()
    with pytest.raises(PolicyError) as err:
        default.extract(base_url + ARTICLE)
    assert err.value.reason == "private-address"
    for url in ("http://localhost/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.1/"):
        with pytest.raises(PolicyError):
            default.extract(url)


def test_policy_robots_and_scheme(rt, base_url):
    with pytest.raises(PolicyError) as robots:
        rt.extract(base_url + "/private/staff.html")
    assert robots.value.reason == "robots"
    with pytest.raises(PolicyError) as hop:  # a redirect hop is checked again
        rt.extract(base_url + "/redirect/to-private")
    assert hop.value.reason == "robots"
    with pytest.raises(PolicyError) as scheme:
        rt.extract(base_url + "/redirect/to-file")
    assert scheme.value.reason == "scheme"
    ignoring = RipTide(allow_private_network=True, respect_robots=False)
    assert "disallowed for crawlers" in ignoring.extract(base_url + "/private/staff.html").text


def test_document_model(rt, base_url):
    doc = rt.extract(base_url + ARTICLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "x"  # type: ignore[misc]
    d = doc.to_dict()
    assert d["ok"] is True and d["error"] is None and d["links"][0]["url"].startswith("http")
    assert "What lives in a tide pool" in repr(doc)
    failed = Document.failed("http://x.test/", HTTPStatusError("HTTP 404", url="http://x.test/", status=404))
    assert not failed.ok and failed.to_dict()["error"] == {"type": "HTTPStatusError", "message": "HTTP 404"}
    assert "HTTPStatusError" in repr(failed)
    again = pickle.loads(pickle.dumps(failed.error))
    assert isinstance(again, HTTPStatusError) and again.status == 404


def test_exception_hierarchy():
    from riptide import ComponentError, LimitExceeded
    for cls in (InvalidURL, PolicyError, FetchError, FetchTimeout, HTTPStatusError, UnsupportedContent,
                LimitExceeded, ComponentError):
        assert issubclass(cls, RipTideError)
    assert issubclass(FetchTimeout, FetchError) and issubclass(InvalidURL, ValueError)


TRICKY_INLINE = (
    "<html><body><article><h1>Board games of the year</h1>"
    "<p>The best board games of the year, chosen by our editors after a long season of play at the club.</p>"
    "<p><em>Chosen by Victoria<br></em>This game lives up to its title: <strong>a dream</strong> <strong>to play</strong>.</p>"
    "<p>Its rules cite <a href='https://en.wikipedia.org/wiki/Louis_Renault_(jurist)'>Louis Renault</a> and "
    "<a href='https://example.com/rules (draft)'>the draft rules</a>, which still read well.</p>"
    "<p>A warming gift.<br>~~~~~~~~<br>Embed it with &amp;lt;script&amp;gt; in ~5 minutes, R&amp;D &amp; more * 2_3.</p>"
    "<p>Press <kbd>Ctrl</kbd><kbd>Tab</kbd> to switch, then <b>Save</b><i><b>now</b></i>.</p>"
    "<ul><li><ul><li>A reply whose thread was left out</li></ul></li></ul>"
    "<p>1. Not a list, # not a heading, - not an item.</p>"
    "<p><b>Is it sold in your state?</b>The policies vary, was<s>$761.98</s> last week.</p>"
    "<p>It should taste <strong><em>astringent</em></strong><em>. Now, stir in sugar</em>.</p>"
    "<p>Goals that are <strong><em>s</em></strong>pecific, <b>Us$</b><b>11.99</b> a month.</p>"
    "<p>Extra Features<em>(15% weighting)</em> and <em>A Loaf Of Wax (Live)</em>Broadside.</p>"
    "<p>Read <em>the <a href='https://example.com/list'>full list</a></em>now, please.</p>"
    "<p>Read <em>the <a href='https://example.com/list'>full list</a></em><b>today</b>, please.</p>"
    "<p>A tip by <em>Mira “</em><a href='https://example.com/m'><em>Coach Mira</em></a><em>” Simon</em>, educator.</p>"
    "<p>About <em>Beta ~</em>five units, <b><s>struck</s></b>then, Coach!<a href='https://example.com/c'>Read on</a> "
    "and Rust<strong>’<br>Beta</strong> too.</p><p>A note<b>, first line<br>second line.</b>Then the rest of it.</p>"
    "<h3>Part #</h3><p>President.<br>----------<br>Share your story.</p>"
    "</article></body></html>"
)


def _shown(text):
    """Every character but spaces, list markers and table pipes, which the
    plain text and rendered Markdown write differently."""
    text = re.sub(r"(?m)^\s*(?:-|\d+\.)\s", " ", text)
    return re.sub(r"\s|\|", "", text)


@pytest.mark.parametrize(
    "page, links",
    [("tricky", True), ("tricky", False), (ARTICLE, True), ("/docs/guide/install.html", True), ("/docs/reference/species.html", True)],
)
def test_markdown_renders_back_to_the_text(rt, page, links):
    """A CommonMark reader (GFM tables and strikethrough on) sees the plain
    text in the Markdown, character for character: no text turned into
    syntax, no syntax left as text, nothing run together or lost."""
    if page == "tricky":
        html, url = TRICKY_INLINE, "https://games.example/best"
    else:
        html, url = (Path(__file__).parent / "site" / page.lstrip("/")).read_text(), "http://127.0.0.1" + page
    doc = rt.extract_html(html, url=url, include_links=links)
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(doc.markdown)
    # Inline tags join their text as written; block tags part it.
    rendered = re.sub(r"</?(strong|em|a|code|s|del)\b[^>]*>", "", rendered)
    shown = html_lib.unescape(re.sub(r"<li>", "\n- ", re.sub(r"<(?!li>)[^>]+>", "\n", rendered)))
    assert _shown(shown) == _shown(doc.text), doc.markdown
