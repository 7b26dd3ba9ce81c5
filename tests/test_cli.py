"""The `riptide` command, run as a real subprocess."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import fixture_server

SITE = Path(__file__).resolve().parent / "site"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "riptide", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_extract_url_as_json(base_url):
    out = run("extract", base_url + "/articles/kelp-forests.html", "--allow-private-network", "--format", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["title"] == "Kelp forests are moving north" and doc["ok"] is True


def test_extract_file_and_stdin():
    out = run("extract", str(SITE / "articles" / "salt-marsh.html"), "--format", "text")
    assert out.returncode == 0 and "managed realignment" in out.stdout
    out = run("extract", "-", "--format", "markdown", stdin="<h1>T</h1><article><h2>Part</h2><p>Some words here, enough for a paragraph of text.</p></article>")
    assert out.returncode == 0 and "## Part" in out.stdout


def test_extract_error_exit_code(base_url):
    out = run("extract", base_url + "/status/404", "--allow-private-network")
    assert out.returncode == 1 and "HTTPStatusError" in out.stderr
    out = run("extract", base_url + "/")
    assert out.returncode == 1 and "PolicyError" in out.stderr


def test_css_selector_options(base_url):
    page = str(SITE / "articles" / "tide-pools.html")
    out = run("extract", page, "--format", "text", "--target-selector", ".related-posts", "--exclude-selector", "h3")
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "- The last lighthouse keepers", out.stderr
    out = run("extract", page, "--exclude-selector", "p[")
    assert out.returncode == 1 and "InvalidSelector" in out.stderr and "Traceback" not in out.stderr


def test_request_headers_as_curl_takes_them(base_url):
    out = run("extract", base_url + "/echo/headers", "--allow-private-network", "--format", "text",
              "-H", "Accept-Language: fr", "--header", "X-Api-Key:k2")
    assert out.returncode == 0 and "Accept-Language: fr" in out.stdout and "X-Api-Key: k2" in out.stdout, out.stderr
    out = run("extract", base_url + "/busy/502/none/cli-no-retries", "--allow-private-network", "--max-retries", "0")
    assert out.returncode == 1 and "HTTP 502" in out.stderr
    out = run("extract", base_url + "/echo/headers", "-H", "no colon here")
    assert out.returncode == 2 and "expected 'Name: value'" in out.stderr
    out = run("extract", base_url + "/echo/headers", "-H", "Host: evil.example")
    assert out.returncode == 1 and "InvalidHeader" in out.stderr and "Traceback" not in out.stderr


def test_html_format():
    out = run("extract", str(SITE / "articles" / "tide-pools.html"), "--format", "html")
    assert out.returncode == 0 and "<h2>What the experts say</h2>" in out.stdout, out.stderr
    out = run("extract", str(SITE / "articles" / "tide-pools.html"), "--format", "json", "--include-html")
    assert "<h2>What the experts say</h2>" in json.loads(out.stdout)["html"]


def test_version():
    import riptide

    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"riptide {riptide.__version__}"


def test_a_bad_count_is_a_usage_error(base_url):
    for args in (("crawl", base_url + "/", "--concurrency", "0"), ("spider", base_url + "/", "--max-depth", "-1"),
                 ("extract", base_url + "/", "--time-limit", "0")):
        out = run(*args)
        assert out.returncode == 2 and "error: argument" in out.stderr and "Traceback" not in out.stderr, out.stderr


def test_sitemap_lists_urls(base_url):
    out = run("sitemap", base_url + "/", "--allow-private-network", "--max-urls", "3")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [base_url + "/articles/tide-pools.html", base_url + "/articles/kelp-forests.html",
                                  base_url + "/articles/storm-surge.html"]


def test_feed_lists_urls(base_url):
    out = run("feed", base_url + "/", "--allow-private-network")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [base_url + "/articles/kelp-forests.html", base_url + "/articles/storm-surge.html",
                                  base_url + "/docs/"]


def test_spider_lists_urls_with_progress(base_url):
    out = run("spider", base_url + "/", "--allow-private-network", "--max-depth", "1", "--progress")
    assert out.returncode == 0, out.stderr
    urls = out.stdout.split()
    assert urls[0] == base_url + "/" and base_url + "/docs/" in urls
    assert "spider [" in out.stderr and f"{len(urls)}/100" in out.stderr


def test_crawl_from_file_as_jsonl(base_url, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{base_url}/articles/storm-surge.html\n# a comment\n{base_url}/status/404\n")
    out = run("crawl", "-i", str(listing), "--allow-private-network", "--format", "jsonl", "--progress")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(l) for l in out.stdout.splitlines()]
    assert [l["ok"] for l in lines] == [True, False]
    assert lines[1]["error"]["type"] == "HTTPStatusError"
    assert "2/2" in out.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
def test_ctrl_c_stops_a_download_in_flight():
    # The CLI must not sit out a slow download (up to --request-timeout)
    # after Ctrl-C: the call runs off the main thread, which takes the signal.
    server = fixture_server.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/slow?seconds=20"
        # A job started in the background of a shell ignores SIGINT, and
        # so would the CLI, inheriting it: give it the default, as a terminal does.
        cli = subprocess.Popen([sys.executable, "-m", "riptide", "extract", url, "--allow-private-network"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 30
        while not any(path == "/slow" for _, path in server.requests) and time.monotonic() < deadline:
            time.sleep(0.05)
        asked = time.monotonic()
        cli.send_signal(signal.SIGINT)
        cli.communicate(timeout=30)
        assert cli.returncode == 130
        assert time.monotonic() - asked < 10, "stopped long before the 20 s download would end"
    finally:
        server.shutdown()
