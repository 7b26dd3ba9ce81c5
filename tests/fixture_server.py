"""A loopback web server for the tests and the demo: the static sample site
in tests/site plus endpoints that misbehave on purpose (redirect chains and
loops, slow and huge responses, error statuses, servers asking to come back
later, legacy encodings, compressed bodies, sitemaps and feeds).

    python tests/fixture_server.py --port 8765      # serve until Ctrl-C
"""
from __future__ import annotations

import argparse
import base64
import email.utils
import html
import functools
import gzip
import zlib
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SITE = Path(__file__).resolve().parent / "site"

REDIRECTS = {
    "/redirect/start": (301, "/redirect/middle"),
    "/redirect/middle": (302, "/redirect/end"),
    "/redirect/end": (307, "/articles/tide-pools.html"),
    "/redirect/loop-a": (302, "/redirect/loop-b"),
    "/redirect/loop-b": (302, "/redirect/loop-a"),
    "/redirect/to-file": (302, "file:///etc/passwd"),
    "/redirect/to-private": (302, "/private/staff.html"),
}


class QuietServer(ThreadingHTTPServer):
    """Clients that hang up early (a 404 body nobody reads) are normal."""

    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class Handler(SimpleHTTPRequestHandler):
    server_version = "RipTideFixture/1.0"
    # Names under /busy/ answered once already (per server process).
    busy_seen: "set[str]" = set()
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".pdf": "application/pdf", ".txt": "text/plain"}

    def log_message(self, format, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        if getattr(self.server, "requests", None) is not None:
            self.server.requests.append((time.monotonic(), path))
        delay = getattr(self.server, "crawl_delay", None)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/robots.txt":
            # A sitemap index for the site; a Crawl-delay when asked for.
            robots = (SITE / "robots.txt").read_text(encoding="utf-8") + f"Sitemap: {base}/sitemaps/index.xml\n"
            if delay is not None:
                robots += f"Crawl-delay: {delay}\n"
            return self._send(200, robots.encode(), "text/plain; charset=utf-8")
        if path.startswith(("/sitemaps/", "/feeds/")):
            return self._send_template(path, base)
        if path in REDIRECTS:
            status, location = REDIRECTS[path]
            return self._send(status, b"", Location=location)
        if path.startswith("/old/"):
            return self._send(301, b"", Location=f"/articles/{path[5:]}.html")
        if path == "/slow":
            time.sleep(float(query.get("seconds", ["3"])[0]))
            return self._send(200, b"<html><body><p>Finally here, after a long wait for the slow endpoint.</p></body></html>")
        if path.startswith("/busy/"):
            # /busy/<status>/<seconds>/<name>: the first request for a name
            # is answered <status> with Retry-After: <seconds>, later ones 200.
            # Seconds as "date+N" send the HTTP date N seconds after the
            # response's Date header (which send_response writes); "none"
            # sends no Retry-After.
            _, _, status, seconds, name = path.split("/", 4)
            if name not in Handler.busy_seen:
                Handler.busy_seen.add(name)
                if seconds.startswith("date+"):
                    seconds = email.utils.formatdate(int(time.time()) + int(seconds[5:]), usegmt=True)
                retry = {} if seconds == "none" else {"Retry_After": seconds}
                return self._send(int(status), b"<html><body><p>Busy, come back later.</p></body></html>", **retry)
            return self._send(200, b"<html><body><h1>Ready</h1><p>Served on the second asking, after the wait the server asked for.</p></body></html>")
        if path == "/cookie-check":
            # Redirects to itself, setting a cookie, until the cookie comes back.
            if "checked=yes" not in (self.headers.get("Cookie") or ""):
                return self._send(302, b"", Location="/cookie-check", Set_Cookie="checked=yes; Path=/; HttpOnly")
            return self._send(200, b"<html><head><title>Past the cookie check</title></head><body><article><h1>Past the cookie check</h1>"
                                   b"<p>The page a browser sees once its cookie has come back.</p></article></body></html>")
        if path == "/auth/basic":
            # Basic authorization as ada:lovelace, or 401.
            if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"ada:lovelace").decode():
                return self._send(401, b"<html><body><p>Who are you?</p></body></html>", WWW_Authenticate='Basic realm="harbour"')
            return self._send(200, b"<html><head><title>Harbour office</title></head><body><article><h1>Harbour office</h1>"
                                   b"<p>Welcome back to the members' area of the harbour office.</p></article></body></html>")
        if path == "/echo/headers":
            # The request's own headers (those a caller may add), as a page;
            # ?to=URL redirects there first.
            if "to" in query:
                return self._send(302, b"", Location=query["to"][0])
            shown = "".join(f"<li>{html.escape(name)}: {html.escape(self.headers.get(name))}</li>"
                            for name in ("Accept-Language", "Authorization", "Cookie", "X-Api-Key") if self.headers.get(name))
            return self._send(200, f"<html><body><article><h1>Your headers</h1><ul>{shown}</ul></article></body></html>".encode())
        if path == "/mislabelled":
            # A PDF said to be HTML: a misconfigured server.
            return self._send(200, (SITE / "files" / "survey.pdf").read_bytes(), "text/html")
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            return self._send(code, f"<html><body><h1>Status {code}</h1></body></html>".encode())
        if path == "/huge":
            mb = float(query.get("mb", ["20"])[0])
            para = b"<p>" + b"All work and no play makes a very long page indeed. " * 20 + b"</p>\n"
            body = b"<html><body>" + para * int(mb * 1024 * 1024 / len(para)) + b"</body></html>"
            return self._send(200, body)
        if path == "/encoding/header-latin1":
            body = "<html><body><p>Crème brûlée served at the café on the quay, à volonté.</p></body></html>".encode("latin-1")
            return self._send(200, body, "text/html; charset=iso-8859-1")
        if path == "/language/served":
            # The language only in the header, or (?lang=) in the markup too.
            lang = query.get("lang", [""])[0]
            html_tag = f'<html lang="{lang}">' if lang else "<html>"
            body = f"{html_tag}<body><p>Ein kurzer Satz ohne Sprachangabe im Dokument.</p></body></html>".encode()
            return self._send(200, body, Content_Language="de-DE")
        if path == "/language/served.txt":
            return self._send(200, "Ein kurzer Satz.".encode(), "text/plain; charset=utf-8", Content_Language="de")
        if path.startswith("/compressed/"):
            return self._send_compressed(path.rsplit("/", 1)[1])
        if path == "/encoding/no-content-type":
            body = b"<html><body><p>No content type header on this page at all.</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        return super().do_GET()


    def _send_compressed(self, coding: str) -> None:
        """A page gzip- or deflate-compressed, as servers send one only when
        the request's Accept-Encoding names the coding; "bomb" is 64 MB of
        spaces in 64 KB of gzip, "br" a coding that was not asked for."""
        page = ("<html><body><h1>Compressed tides</h1>"
                + "<p>The spring tide reaches the harbour wall twice a month, the neap tide never.</p>" * 40
                + "</body></html>").encode()
        accepted = self.headers.get("Accept-Encoding", "")
        if coding == "gzip" and "gzip" in accepted:
            return self._send(200, gzip.compress(page), Content_Encoding="gzip")
        if coding == "deflate" and "deflate" in accepted:
            return self._send(200, zlib.compress(page), Content_Encoding="deflate")
        if coding == "bomb":
            return self._send(200, _gzip_bomb(), Content_Encoding="gzip")
        if coding == "br":
            return self._send(200, b"\x1b\x03\x00\xf8\xa5\x07", Content_Encoding="br")
        return self._send(406, b"<html><body><p>Not Acceptable</p></body></html>")


    def _send_template(self, path: str, base: str) -> None:
        """A sitemap or feed of tests/site with its {base} filled in (they
        name absolute URLs); NAME.gz is that file gzip-compressed, served
        as a gzip file."""
        folder, _, name = path.strip("/").partition("/")
        template = SITE / folder / name.removesuffix(".gz")
        if "/" in name or not template.is_file():
            return self._send(404, b"<html><body><p>No such file.</p></body></html>")
        xml = template.read_text(encoding="utf-8").replace("{base}", base).encode()
        if name.endswith(".gz"):
            return self._send(200, gzip.compress(xml), "application/gzip")
        kind = {".rss": "application/rss+xml", ".atom": "application/atom+xml"}.get(template.suffix, "application/xml")
        return self._send(200, xml, kind)


@functools.lru_cache(maxsize=1)
def _gzip_bomb() -> bytes:
    return gzip.compress(b"<html><body><p>" + b" " * (64 << 20), compresslevel=9)


def start(port: int = 0, host: str = "127.0.0.1", crawl_delay: "float | None" = None) -> QuietServer:
    """Start the server in a daemon thread; returns it (``server_address`` has
    the port, ``requests`` the time and path of each GET). With
    ``crawl_delay`` its robots.txt asks for that many seconds between requests."""
    handler = functools.partial(Handler, directory=str(SITE))
    server = QuietServer((host, port), handler)
    server.crawl_delay = crawl_delay
    server.requests = []
    threading.Thread(target=server.serve_forever, name="fixture-server", daemon=True).start()
    return server


def spawn() -> "tuple[subprocess.Popen, str]":
    """Run the server in its own process (as a real site would be, and
    free of the test process's GIL); returns the process and its base URL."""
    proc = subprocess.Popen([sys.executable, "-u", __file__, "--port", "0"], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    base = line.strip().rsplit(" on ", 1)[1].rstrip("/")
    return proc, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=str(SITE))
    with QuietServer(("127.0.0.1", args.port), handler) as server:
        print(f"serving {SITE} on http://127.0.0.1:{server.server_address[1]}/", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
