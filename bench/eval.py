#!/usr/bin/env python3
"""Run the shared evaluation harness for RipTide and trafilatura on the
dev data and print the tables side by side (figures saved in
bench-results/)."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(harness: Path, data: Path, extractor: str, out: Path, extra: list[str]) -> None:
    cmd = [sys.executable, str(harness), "--data", str(data), "--extractor", extractor,
           "--json", str(out), "--bootstrap", "0", *extra]
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="pages of wcxb-dev (0 = all)")
    ap.add_argument("--extractors", default="riptide,trafilatura")
    ap.add_argument("--skip-readability", action="store_true")
    args = ap.parse_args()

    harness = args.shared / "eval" / "evaluate.py"
    results = ROOT / "bench-results"
    results.mkdir(exist_ok=True)
    outputs = []
    datasets = [("wcxb-dev", ["--limit", str(args.limit)] if args.limit else [])]
    if not args.skip_readability:
        datasets.append(("readability-dev", []))
    for dataset, extra in datasets:
        for extractor in args.extractors.split(","):
            out = results / f"{dataset}-{extractor}.json"
            run(harness, args.shared / "eval-data" / dataset, extractor, out, ["--per-type", *extra])
            outputs.append(str(out))
    subprocess.run([sys.executable, str(args.shared / "eval" / "tables.py"), *outputs], check=True)


if __name__ == "__main__":
    main()
