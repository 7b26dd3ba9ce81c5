"""Shared fixtures: the loopback fixture server and RipTide clients."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture_server  # noqa: E402
from riptide import RipTide  # noqa: E402


@pytest.fixture(scope="session")
def base_url():
    proc, base = fixture_server.spawn()
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def rt():
    """A client allowed to reach the loopback server."""
    return RipTide(allow_private_network=True, request_timeout=15.0)
