"""The `riptide` command: extract, spider, crawl."""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from typing import Iterable, Iterator, List, Optional, TextIO, Tuple

from . import __version__
from ._client import RipTide
from ._exceptions import RipTideError
from ._models import Document


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a TTY
    (or forced), at most every 0.1 s."""

    def __init__(self, label: str, total: Optional[int], enabled: bool, stream: TextIO = sys.stderr) -> None:
        self.label, self.total, self.enabled, self.stream = label, total, enabled, stream
        self.done = self.failed = 0
        self._last = 0.0
        self._start = time.monotonic()

    def update(self, doc: Document) -> None:
        self.done += 1
        self.failed += 0 if doc.ok else 1
        now = time.monotonic()
        if self.enabled and (now - self._last >= 0.1 or self.done == self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self._start, 1e-6)
        if self.total:
            width = 24
            filled = int(width * self.done / self.total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
        else:
            bar = f"{self.done} pages"
        self.stream.write(f"\r{self.label} {bar}  {self.failed} failed  {rate:.1f}/s ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


def _client(args: argparse.Namespace) -> RipTide:
    return RipTide(
        user_agent=args.user_agent, request_timeout=args.request_timeout, time_limit=args.time_limit,
        memory_limit_mb=args.memory_limit_mb, respect_robots=not args.ignore_robots,
        allow_private_network=args.allow_private_network, headers=args.header,
        max_redirects=args.max_redirects, max_retries=args.max_retries, focus=args.focus,
        include_comments=args.include_comments, include_images=args.include_images,
        include_tables=not args.no_tables, include_links=not args.no_links,
        include_html=args.include_html or getattr(args, "format", None) == "html",
        target_selector=args.target_selector, exclude_selectors=args.exclude_selector)


def _emit(docs: Iterable[Document], fmt: str, out: TextIO) -> int:
    """Write documents; returns how many failed."""
    failed = 0
    collected: List[dict] = []
    first = True
    for doc in docs:
        failed += 0 if doc.ok else 1
        if fmt == "json":
            collected.append(doc.to_dict())
            continue
        if fmt == "jsonl":
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        elif not doc.ok:
            print(f"riptide: {doc.url}: {doc.error}", file=sys.stderr)
        else:
            body = {"markdown": doc.markdown, "html": doc.html}.get(fmt, doc.text)
            if not first:
                out.write("\n\n")
            if fmt == "markdown" and doc.title:
                out.write(f"# {doc.title}\n\n")
            out.write(body.rstrip() + "\n")
            first = False
        out.flush()
    if fmt == "json":
        json.dump(collected if len(collected) != 1 else collected[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
    return failed


def _progress_enabled(args: argparse.Namespace) -> bool:
    if args.no_progress:
        return False
    return args.progress or sys.stderr.isatty()


def _tracked(docs: Iterable[Document], progress: Progress) -> Iterator[Document]:
    try:
        for doc in docs:
            progress.update(doc)
            yield doc
    finally:
        progress.close()


def cmd_extract(args: argparse.Namespace) -> int:
    rt = _client(args)
    target = args.target
    if target == "-":
        doc = rt.extract_html(sys.stdin.buffer.read(), url=args.url)
    elif os.path.isfile(target):
        with open(target, "rb") as f:
            doc = rt.extract_html(f.read(), url=args.url)
    else:
        doc = rt.extract(target)
    _emit([doc], args.format or "markdown", sys.stdout)
    return 0


def cmd_spider(args: argparse.Namespace) -> int:
    rt = _client(args)
    docs = rt.iter_spider(args.url, max_depth=args.max_depth, max_pages=args.max_pages,
                          same_host=not args.any_host, include=args.include, exclude=args.exclude,
                          concurrency=args.concurrency)
    progress = Progress("spider", args.max_pages, _progress_enabled(args))
    fmt = args.format or "urls"
    if fmt == "urls":
        for doc in _tracked(docs, progress):
            if doc.ok:
                print(doc.url, flush=True)
        return 0
    _emit(_tracked(docs, progress), fmt, sys.stdout)
    return 0


def cmd_listed(args: argparse.Namespace) -> int:
    """`sitemap` and `feed`: the URLs the client method of that name lists."""
    for url in getattr(_client(args), args.command)(args.url, max_urls=args.max_urls):
        print(url, flush=True)
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    rt = _client(args)
    urls = list(args.urls)
    if args.input:
        stream = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
        with stream:
            urls += [line.strip() for line in stream if line.strip() and not line.startswith("#")]
    if not urls:
        print("riptide crawl: no URLs given", file=sys.stderr)
        return 2
    progress = Progress("crawl", len(urls), _progress_enabled(args))
    failed = _emit(_tracked(rt.iter_crawl(urls, concurrency=args.concurrency), progress), args.format or "jsonl", sys.stdout)
    return 1 if failed == len(urls) else 0


def _number(kind, minimum, inclusive: bool = True):
    """An argparse type: a number of ``kind`` at least (or above) ``minimum``,
    so a bad count is a usage error, not a traceback from the library."""
    def parse(text: str):
        value = kind(text)
        if value < minimum or (value == minimum and not inclusive):
            raise argparse.ArgumentTypeError(f"must be {'>=' if inclusive else '>'} {minimum}, not {text}")
        return value
    parse.__name__ = kind.__name__  # argparse names the type in "invalid int value"
    return parse


def _header(text: str) -> Tuple[str, str]:
    """An argparse type: ``Name: value`` as curl's -H takes it."""
    name, colon, value = text.partition(":")
    if not colon or not name.strip():
        raise argparse.ArgumentTypeError(f"expected 'Name: value', not {text!r}")
    return name.strip(), value.strip()


# How documents are written (`_emit`).
DOCUMENT_FORMATS = ("json", "jsonl", "markdown", "text", "html")


def build_parser() -> argparse.ArgumentParser:
    seconds, at_least_one, at_least_zero = _number(float, 0, inclusive=False), _number(int, 1), _number(int, 0)
    common = argparse.ArgumentParser(add_help=False)
    g = common.add_argument_group("sandbox and network")
    g.add_argument("--user-agent", help="User-Agent header (and robots.txt product token)")
    g.add_argument("--request-timeout", type=seconds, default=30.0, metavar="S", help="per-request timeout in seconds (default 30)")
    g.add_argument("--time-limit", type=seconds, default=60.0, metavar="S", help="CPU/wall limit per engine call in seconds (default 60)")
    g.add_argument("--memory-limit-mb", type=at_least_one, default=512, metavar="MB", help="engine memory limit (default 512)")
    g.add_argument("--ignore-robots", action="store_true", help="do not fetch or obey robots.txt")
    g.add_argument("--allow-private-network", action="store_true", help="allow loopback, private and link-local addresses")
    g.add_argument("--max-redirects", type=at_least_zero, default=10, metavar="N", help="redirects followed (default 10)")
    g.add_argument("--max-retries", type=at_least_zero, default=2, metavar="N",
                   help="times a 408, 429, 502, 503 or 504 is asked again (default 2)")
    g.add_argument("-H", "--header", action="append", default=[], type=_header, metavar="'NAME: VALUE'",
                   help="send this request header too, as curl -H (repeatable)")
    x = common.add_argument_group("extraction")
    x.add_argument("--focus", choices=("balanced", "precision", "recall"), default="balanced")
    x.add_argument("--include-comments", action="store_true")
    x.add_argument("--include-images", action="store_true", help="images in the Markdown")
    x.add_argument("--no-tables", action="store_true")
    x.add_argument("--no-links", action="store_true", help="plain text instead of links in the Markdown")
    x.add_argument("--include-html", action="store_true", help="fill the html field (implied by --format html)")
    x.add_argument("--target-selector", metavar="CSS", help="the content is what this CSS selector matches")
    x.add_argument("--exclude-selector", action="append", default=[], metavar="CSS",
                   help="remove elements this CSS selector matches (repeatable)")
    p = common.add_argument_group("output")
    p.add_argument("--progress", action="store_true", help="always draw the progress bar")
    p.add_argument("--no-progress", action="store_true", help="never draw the progress bar")

    parser = argparse.ArgumentParser(prog="riptide", description="Web content extraction and crawling in a WebAssembly sandbox.")
    parser.add_argument("--version", action="version", version=f"riptide {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", parents=[common], help="extract one page (URL, file or - for stdin)")
    e.add_argument("target", help="URL, path to an HTML file, or - to read HTML from stdin")
    e.add_argument("--url", help="the page's URL when reading a file or stdin (resolves links)")
    e.add_argument("--format", choices=DOCUMENT_FORMATS)
    e.set_defaults(func=cmd_extract)

    s = sub.add_parser("spider", parents=[common], help="breadth-first crawl from a seed URL")
    s.add_argument("url")
    s.add_argument("--max-depth", type=at_least_zero, default=2)
    s.add_argument("--max-pages", type=at_least_zero, default=100)
    s.add_argument("--any-host", action="store_true", help="follow links to other hosts too")
    s.add_argument("--include", action="append", default=[], metavar="SUBSTRING", help="only URLs containing this (repeatable)")
    s.add_argument("--exclude", action="append", default=[], metavar="SUBSTRING", help="skip URLs containing this (repeatable)")
    s.add_argument("--concurrency", type=at_least_one, default=4)
    s.add_argument("--format", choices=("urls",) + DOCUMENT_FORMATS, help="default: one URL per line")
    s.set_defaults(func=cmd_spider)

    m = sub.add_parser("sitemap", parents=[common], help="the pages a site lists in its sitemaps, one per line")
    m.add_argument("url", help="a sitemap, or any page of the site (its robots.txt names the sitemaps, else /sitemap.xml)")
    m.add_argument("--max-urls", type=at_least_zero, default=10_000)
    m.set_defaults(func=cmd_listed)

    f = sub.add_parser("feed", parents=[common], help="the pages a site's RSS or Atom feeds link to, one per line")
    f.add_argument("url", help="a feed, or a page of the site (the feeds it declares are read, else /feed)")
    f.add_argument("--max-urls", type=at_least_zero, default=1_000)
    f.set_defaults(func=cmd_listed)

    c = sub.add_parser("crawl", parents=[common], help="fetch and extract many URLs")
    c.add_argument("urls", nargs="*")
    c.add_argument("-i", "--input", metavar="FILE", help="read URLs from FILE (one per line, - for stdin)")
    c.add_argument("--concurrency", type=at_least_one, default=8)
    c.add_argument("--format", choices=DOCUMENT_FORMATS, help="default: jsonl")
    c.set_defaults(func=cmd_crawl)
    return parser


def _interruptibly(command, args: argparse.Namespace) -> int:
    """Run a command in a worker thread, so that Ctrl-C stops the CLI at
    once: Python handles a signal in the main thread between bytecodes, and
    an engine call (a download that may take `--request-timeout`) holds the
    thread that made it until it returns. The abandoned call ends with the
    process."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["code"] = command(args)
        except BaseException as exc:  # handed to the main thread as it is
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="riptide-cli", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["code"]


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _interruptibly(args.func, args)
    except RipTideError as err:
        print(f"riptide: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
