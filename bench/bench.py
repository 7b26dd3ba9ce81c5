#!/usr/bin/env python3
"""RipTide speed, measured beside trafilatura in the same run.

Prints: RipTide() construction cold (empty compiled-code cache) and cached;
the overhead of a trivial call into the component; extract_html ms/page on
the first N pages of a WCXB-style data set next to trafilatura's
bare_extraction on the same pages; two threads versus one; the same without
the link list (`collect_links=False`); two processes versus one on the same
pages, the ceiling the threads are measured against.
"""
from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CONSTRUCT = ("import time; t0 = time.perf_counter(); import riptide; t1 = time.perf_counter(); "
             "riptide.RipTide(); t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")


def construction(cache_dir: str) -> tuple[float, float]:
    env = {**os.environ, "RIPTIDE_CACHE_DIR": cache_dir}
    out = subprocess.run([sys.executable, "-c", CONSTRUCT], env=env, capture_output=True, text=True, check=True)
    imp, ctor = map(float, out.stdout.split())
    return imp, ctor


def load_pages(data: Path, n: int) -> list[tuple[str, str]]:
    import json
    pages = []
    for gt in sorted((data / "ground-truth").glob("*.json"))[:n]:
        url = json.loads(gt.read_text(encoding="utf-8")).get("url")
        raw = gzip.decompress((data / "html" / f"{gt.stem}.html.gz").read_bytes())
        pages.append((raw.decode("utf-8", errors="replace"), url))
    return pages


def per_page_ms(fn, pages) -> list[float]:
    fn(*pages[0])  # warm-up, like the harness
    times = []
    for html, url in pages:
        t = time.perf_counter()
        fn(html, url)
        times.append((time.perf_counter() - t) * 1000)
    return times


THREAD_RUNS = 3


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def machine_scaling(runs: int = THREAD_RUNS, n: int = 5_000_000) -> float:
    """What two CPUs give on this machine: two processes of pure Python
    arithmetic (no shared lock) against the same work in one. A shared or
    throttled host shows here, and bounds the two-thread figure."""
    import multiprocessing

    ratios = []
    with multiprocessing.Pool(2) as pool:
        pool.map(_spin, [1, 1])
        for _ in range(runs):
            t = time.perf_counter()
            _spin(n)
            _spin(n)
            one = time.perf_counter() - t
            t = time.perf_counter()
            pool.map(_spin, [n, n])
            ratios.append(one / (time.perf_counter() - t))
    return statistics.median(ratios)


def _extract_share(data: Path, n_pages: int, share: int, shares: int, ready, done) -> None:
    """One process of `process_scaling`: its share of the pages, timed
    from the common start."""
    from riptide import RipTide

    pages = load_pages(data, n_pages)[share::shares]
    rt = RipTide()
    rt.extract_html(pages[0][0], url=pages[0][1])
    ready.wait()
    for h, u in pages:
        rt.extract_html(h, url=u)
    done.put(share)


def process_scaling(data: Path, n_pages: int, runs: int = THREAD_RUNS) -> float:
    """The same extraction in two processes against one: what this machine
    gives this work with no lock shared between the two (memory and caches
    still are). The two-thread figure cannot beat it."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")  # wasmtime's threads do not survive fork

    def wall(shares: int) -> float:
        ready, done = ctx.Barrier(shares + 1), ctx.Queue()
        procs = [ctx.Process(target=_extract_share, args=(data, n_pages, k, shares, ready, done)) for k in range(shares)]
        # Timed to the last page, not to the processes' exit.
        elapsed = _released_together(procs, ready, lambda: [done.get() for _ in procs])
        for proc in procs:
            proc.join()
        return elapsed

    return statistics.median(wall(1) / wall(2) for _ in range(runs))


def threaded_wall(fn, pages, threads: int, prepare) -> float:
    """Wall time of `threads` threads sharing `pages`; each thread runs
    `prepare` (its own engine instance) before the clock starts."""
    chunks = [pages[i::threads] for i in range(threads)]
    ready = threading.Barrier(threads + 1)

    def work(chunk):
        prepare()
        ready.wait()
        for h, u in chunk:
            fn(h, u)

    workers = [threading.Thread(target=work, args=(c,)) for c in chunks]
    return _released_together(workers, ready, lambda: [w.join() for w in workers])


def _released_together(workers, ready, wait_done) -> float:
    """Start `workers` (threads or processes), release them together at
    the `ready` barrier once each has prepared, and time until `wait_done`
    returns."""
    for w in workers:
        w.start()
    ready.wait()
    t = time.perf_counter()
    wait_done()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--pages", type=int, default=200)
    args = ap.parse_args()

    from riptide import RipTide

    with tempfile.TemporaryDirectory() as cache:
        imp, cold = construction(cache)
        cached = statistics.median(construction(cache)[1] for _ in range(5))

    rt = RipTide()
    rt.engine_version()
    n = 20000
    t = time.perf_counter()
    for _ in range(n):
        rt.engine_version()
    trivial_ms = (time.perf_counter() - t) / n * 1000

    pages = load_pages(args.data, args.pages)
    rip = per_page_ms(lambda h, u: rt.extract_html(h, url=u), pages)
    try:
        import trafilatura
        traf = per_page_ms(lambda h, u: trafilatura.bare_extraction(h, url=u, with_metadata=True, include_comments=False), pages)
    except ImportError:
        traf = None

    lean = RipTide(collect_links=False)
    rip_lean = per_page_ms(lambda h, u: lean.extract_html(h, url=u), pages)

    # Interleaved and repeated: this machine's speed drifts between runs.
    def scaling(client):
        walls = {1: [], 2: []}
        for _ in range(THREAD_RUNS):
            for threads in (1, 2):
                walls[threads].append(threaded_wall(lambda h, u: client.extract_html(h, url=u), pages, threads, client.engine_version))
        return statistics.median(walls[1]), statistics.median(walls[2])

    one, two = scaling(rt)
    lean_one, lean_two = scaling(lean)
    control = machine_scaling()
    processes = process_scaling(args.data, args.pages)

    mean = statistics.mean
    print(f"RipTide benchmark ({len(pages)} pages of {args.data.name}, {os.cpu_count()} CPUs)\n")
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| `import riptide` | {imp * 1000:.1f} ms | |")
    print(f"| `RipTide()` cold (empty cache: compile) | {cold * 1000:.1f} ms | |")
    print(f"| `RipTide()` cached (median of 5 processes) | {cached * 1000:.1f} ms | ≤ 50 ms |")
    print(f"| trivial call (`engine_version()`) | {trivial_ms:.4f} ms | ≤ 0.1 ms |")
    print(f"| 2 threads vs 1 (extract_html, same pages, median of {THREAD_RUNS}) | {one / two:.2f}x ({one:.2f} s → {two:.2f} s) | ≥ 1.8x |")
    print(f"| 2 threads vs 1, `collect_links=False` (median of {THREAD_RUNS}) | {lean_one / lean_two:.2f}x ({lean_one:.2f} s → {lean_two:.2f} s) | |")
    print(f"| 2 processes vs 1 (extract_html, same pages, median of {THREAD_RUNS}: the ceiling for threads) | {processes:.2f}x | |")
    print(f"| 2 processes vs 1 (pure Python arithmetic: what this machine's two CPUs give) | {control:.2f}x | |")
    print()
    print("| extractor | mean ms/page | median | p95 | ratio to trafilatura (mean) |")
    print("|---|---|---|---|---|")

    def row(name, ts):
        p95 = sorted(ts)[int(0.95 * (len(ts) - 1))]
        ratio = f"{mean(ts) / mean(traf):.2f}" if traf else "n/a"
        print(f"| {name} | {mean(ts):.1f} | {statistics.median(ts):.1f} | {p95:.1f} | {ratio} |")

    row("riptide extract_html (sandboxed)", rip)
    row("riptide extract_html, collect_links=False", rip_lean)
    if traf:
        row("trafilatura bare_extraction", traf)


if __name__ == "__main__":
    main()
