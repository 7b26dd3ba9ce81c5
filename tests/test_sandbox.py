"""The sandbox: time and memory limits, recovery after a trap, threads."""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading

import pytest

from riptide import ComponentError, LimitExceeded, RipTide

PARAGRAPH = "<div><p>" + "Words that keep the parser busy for a while, " * 30 + "</p></div>\n"


def big_html(megabytes: float) -> str:
    return "<html><body>" + PARAGRAPH * int(megabytes * 1024 * 1024 / len(PARAGRAPH)) + "</body></html>"


def test_time_limit_then_next_call_works():
    rt = RipTide(time_limit=0.05)
    with pytest.raises(LimitExceeded) as err:
        rt.extract_html(big_html(8))
    assert err.value.limit == "time"
    assert "small" in rt.extract_html("<p>A small page that parses quickly.</p>").text


def test_memory_limit_then_next_call_works():
    rt = RipTide(memory_limit_mb=32)
    with pytest.raises(LimitExceeded) as err:
        rt.extract_html(big_html(12))
    assert err.value.limit == "memory"
    assert "still works" in rt.extract_html("<p>The same object still works afterwards.</p>").text


def test_hostile_nesting_is_flattened_not_parsed_for_minutes():
    # 100,000 nested <div>s (1 MB) took html5ever about a minute; past the
    # depth cap the tags are dropped and the text is kept.
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + "<p>Deep text, still found.</p>" + "</div>" * depth + "</body></html>"
    rt = RipTide(time_limit=20)
    assert rt.extract_html(page).text == "Deep text, still found."


def test_a_trap_inside_a_crawl_fails_only_that_url(base_url):
    rt = RipTide(allow_private_network=True, memory_limit_mb=40, max_body_bytes=64 * 1024 * 1024)
    urls = [base_url + "/articles/kelp-forests.html", base_url + "/huge?mb=24", base_url + "/articles/sea-glass.html"]
    docs = rt.crawl(urls, concurrency=8)
    assert [d.ok for d in docs] == [True, False, True]
    assert isinstance(docs[1].error, LimitExceeded) and docs[1].error.limit == "memory"
    assert docs[2].title == "Collecting sea glass responsibly"


def test_threads_each_get_their_own_instance():
    rt = RipTide()
    results = {}

    def work(n: int) -> None:
        results[n] = [rt.extract_html(f"<article><p>Thread {n} page {i}, with enough words to be a paragraph.</p></article>").text
                      for i in range(20)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n in range(4):
        assert results[n][19].startswith(f"Thread {n} page 19")


def test_a_broken_engine_is_a_component_error(tmp_path):
    bogus = tmp_path / "riptide.wasm"
    bogus.write_bytes(b"\0asm not really a component")
    code = ("import riptide\n"
            "try:\n    riptide.RipTide()\n"
            "except riptide.ComponentError as e:\n    print('ComponentError', e)\n")
    env = {**os.environ, "RIPTIDE_WASM": str(bogus), "RIPTIDE_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("ComponentError cannot load the RipTide engine"), out.stderr


def test_invalid_limits_are_rejected():
    with pytest.raises(ValueError):
        RipTide(time_limit=0)
    with pytest.raises(ValueError):
        RipTide(memory_limit_mb=-1)


# The client a forked child inherits (fork copies it; it is not pickled).
_INHERITED: "RipTide | None" = None


def _in_forked_child(base_url: str) -> list:
    outcome = []
    try:
        _INHERITED.extract(base_url + "/articles/tide-pools.html")
        outcome.append("fetched")
    except ComponentError as err:
        outcome.append("told" if "forked" in str(err) else str(err))
    try:
        _INHERITED.extract_html(big_html(8))
        outcome.append("no time limit")
    except LimitExceeded:
        outcome.append("time limit")
    return outcome


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() here")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Python 3.12+ warns about fork() with threads
def test_a_forked_child_keeps_its_time_limit_and_is_told_it_cannot_fetch(base_url):
    # multiprocessing forks by default on Linux before Python 3.14. The
    # epoch ticker thread does not survive fork(), nor do the threads of
    # wasmtime's HTTP client once the parent has fetched: the child would
    # have no time limit and hang on its first request.
    global _INHERITED
    _INHERITED = RipTide(allow_private_network=True, request_timeout=5.0, time_limit=0.05)
    _INHERITED.extract(base_url + "/articles/kelp-forests.html")
    with multiprocessing.get_context("fork").Pool(1) as pool:
        outcome = pool.apply_async(_in_forked_child, (base_url,)).get(timeout=60)
    assert outcome == ["told", "time limit"]
    assert _INHERITED.extract(base_url + "/docs/").ok, "the parent fetches on"
