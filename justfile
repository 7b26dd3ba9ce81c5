# RipTide tasks. Run them through ./dev, which installs `just` itself.
set shell := ["bash", "-euo", "pipefail", "-c"]

py := justfile_directory() + "/.venv/bin/python"
export CARGO_TARGET_DIR := justfile_directory() + "/target"
# The shared evaluation harness and data (outside the repository).
shared := env_var_or_default("RIPTIDE_SHARED", justfile_directory() + "/../shared")

default: test

# The wasm32-wasip2 target and the virtualenv.
setup:
    rustup target list --installed | grep -qx wasm32-wasip2 || rustup target add wasm32-wasip2
    test -x {{py}} || python3 -m venv .venv
    {{py}} -m pip install --quiet --disable-pip-version-check --upgrade pip

# Build the component (target/wasm32-wasip2/release/riptide_guest.wasm).
build: setup
    cargo build --release --locked --target wasm32-wasip2 -p riptide-guest

# Install the Python package into .venv (its build step compiles the guest).
install: build
    {{py}} -m pip install --quiet --disable-pip-version-check "./host-python[test]"

# Every test: Rust unit tests natively, then the Python suite over loopback.
test: install
    cargo test --locked -p riptide-guest
    {{py}} -m pytest -q tests

# Serve the sample site on loopback, then spider it and extract a page with the CLI.
demo: install
    #!/usr/bin/env bash
    set -euo pipefail
    port=$({{py}} -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    {{py}} tests/fixture_server.py --port "$port" > /dev/null &
    server=$!
    trap 'kill $server' EXIT
    for _ in $(seq 50); do {{py}} -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.1)" 2>/dev/null && break; sleep 0.1; done
    site="http://127.0.0.1:$port"
    echo "== riptide spider $site/ --max-depth 2   (sample site on loopback)"
    .venv/bin/riptide spider "$site/" --max-depth 2 --allow-private-network --progress
    echo
    echo "== riptide extract $site/articles/kelp-forests.html --format markdown"
    .venv/bin/riptide extract "$site/articles/kelp-forests.html" --allow-private-network --format markdown
    echo
    echo "== riptide crawl (3 URLs, one of them missing) --format text"
    .venv/bin/riptide crawl "$site/articles/sea-glass.html" "$site/missing.html" "$site/docs/guide/install.html" --allow-private-network --format text --progress
    echo
    echo "== riptide sitemap $site/   (robots.txt names an index of two sitemaps)"
    .venv/bin/riptide sitemap "$site/" --allow-private-network
    echo
    echo "== riptide feed $site/   (the home page declares an RSS and an Atom feed)"
    .venv/bin/riptide feed "$site/" --allow-private-network

# Speed: construction (cold / cached), call overhead, ms/page vs trafilatura, threads.
bench pages="200": install
    {{py}} -m pip install --quiet --disable-pip-version-check "./host-python[bench]"
    {{py}} bench/bench.py --data "{{shared}}/eval-data/wcxb-dev" --pages {{pages}}

# Accuracy: the shared harness on the dev data, RipTide beside trafilatura.
# `just eval --limit 300` for a quick loop.
eval *args: install
    {{py}} -m pip install --quiet --disable-pip-version-check "./host-python[bench]"
    {{py}} bench/eval.py --shared "{{shared}}" {{args}}
