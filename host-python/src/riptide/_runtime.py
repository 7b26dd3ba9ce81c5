"""The sandbox: one wasmtime Engine and compiled component per process, one
Store and instance per (RipTide object, thread), limits on every call.

- Time: epoch interruption. A daemon thread bumps the engine's epoch every
  ``TICK_SECONDS``; each call gets a deadline of ``time_limit`` worth of
  ticks. (A call blocked waiting on the network is interrupted when it next
  runs wasm; the request timeouts bound that wait.)
- Memory: store limits cap linear memory; the guest's allocator traps in a
  function named ``riptide_memory_limit_exceeded`` when it hits the cap.
- Capabilities: the WASI context is empty (no files, env, args, stdio);
  only wasi:http is linked for outgoing requests.
- A trap poisons the instance, so it is dropped; the next call on that
  thread instantiates afresh (~2 ms).
- fork(): threads do not survive it. A forked child starts its own epoch
  ticker (or no time limit would fire there); its HTTP requests cannot be
  saved, see `before_fetching`.
"""
from __future__ import annotations

import hashlib
import os
import platform
import tempfile
import threading
from importlib import resources
from importlib.metadata import version as _dist_version
from pathlib import Path
from typing import Any, Callable, Dict, Optional

import wasmtime
from wasmtime import component

from . import _lifting
from ._exceptions import ComponentError, LimitExceeded, RipTideError

TICK_SECONDS = 0.01
EXTRACT = "riptide:engine/extract@0.1.0"
CRAWL = "riptide:engine/crawl@0.1.0"
_MEMORY_TRAP_NAME = "riptide_memory_limit_exceeded"


_lifting.install()


def _engine_config() -> wasmtime.Config:
    config = wasmtime.Config()
    config.epoch_interruption = True
    return config


def wasm_path() -> Path:
    override = os.environ.get("RIPTIDE_WASM")
    if override:
        return Path(override)
    return Path(str(resources.files("riptide") / "_engine" / "riptide.wasm"))


def cache_dir() -> Path:
    explicit = os.environ.get("RIPTIDE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "riptide"


def _load_component(engine: wasmtime.Engine, path: Path) -> component.Component:
    """Compile the component, or load the machine code compiled earlier.

    The cache key covers the wasm bytes, the wasmtime version and the CPU,
    so an upgrade of either never loads stale code.
    """
    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()[:24]
    name = f"riptide-{key}-wasmtime{_dist_version('wasmtime')}-{platform.machine()}.cwasm"
    cached = cache_dir() / name
    if cached.is_file():
        try:
            return component.Component.deserialize_file(engine, str(cached))
        except Exception:  # corrupt or incompatible: recompile below
            pass
    compiled = component.Component(engine, data)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(compiled.serialize())
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache only costs start-up time
    return compiled


class _Shared:
    """Process-wide: engine, compiled component, linker, epoch ticker."""

    _instance: Optional["_Shared"] = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self.engine = wasmtime.Engine(_engine_config())
        path = wasm_path()
        try:
            self.component = _load_component(self.engine, path)
            self.linker = component.Linker(self.engine)
            self.linker.add_wasip2()
            self.linker.add_wasi_http()
        except (OSError, wasmtime.WasmtimeError) as exc:
            raise ComponentError(f"cannot load the RipTide engine from {path}: {exc}") from exc
        self._start_ticker()

    def _start_ticker(self) -> None:
        threading.Thread(target=self._tick, name="riptide-epoch", daemon=True).start()

    @classmethod
    def _after_fork_in_child(cls) -> None:
        # The parent's ticker thread did not come along: without one of its
        # own the child's calls would never reach their deadline.
        cls._lock = threading.Lock()
        if cls._instance is not None:
            cls._instance._start_ticker()

    def _tick(self) -> None:
        stop = threading.Event()
        while not stop.wait(TICK_SECONDS):
            self.engine.increment_epoch()

    @classmethod
    def get(cls) -> "_Shared":
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = _Shared()
        return cls._instance


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_Shared._after_fork_in_child)

# The process whose wasmtime has sent HTTP requests. wasmtime runs its HTTP
# client on threads it starts at the first request, and threads do not
# survive fork(): a forked child's requests would wait forever, deaf to
# their timeouts. So such a child is told, not left hanging.
_fetched_in: Optional[int] = None


def before_fetching(url: Optional[str] = None) -> None:
    """Call before an engine call that fetches."""
    global _fetched_in
    pid = os.getpid()
    if _fetched_in is not None and _fetched_in != pid:
        raise ComponentError(
            "this process was forked after its parent fetched with RipTide, and wasmtime's HTTP client does "
            "not survive fork(): start workers with multiprocessing's 'spawn' or 'forkserver' method, or fetch "
            "in the parent only after forking (extract_html works either way)", url=url)
    _fetched_in = pid


class Instance:
    """One Store and instance; used by one thread only."""

    def __init__(self, shared: _Shared, memory_limit_bytes: int) -> None:
        self.store = wasmtime.Store(shared.engine)
        self.store.set_wasi(wasmtime.WasiConfig())  # nothing: no files, env, args or stdio
        self.store.set_wasi_http()
        self.store.set_limits(memory_size=memory_limit_bytes)
        self.store.set_epoch_deadline(1 << 62)
        self.instance = shared.linker.instantiate(self.store, shared.component)
        self._funcs: Dict[str, component.Func] = {}

    def func(self, interface: str, name: str) -> component.Func:
        key = f"{interface}#{name}"
        f = self._funcs.get(key)
        if f is None:
            iface = self.instance.get_export_index(self.store, interface)
            index = self.instance.get_export_index(self.store, name, iface)
            if index is None:
                raise ComponentError(f"the component does not export {key}")
            f = self.instance.get_func(self.store, index)
            assert f is not None
            self._funcs[key] = f
        return f


class Sandbox:
    """Instances per thread with the limits of one RipTide object."""

    def __init__(self, *, time_limit: float, memory_limit_mb: int) -> None:
        # Checked by RipTide (`_convert.seconds`, `_convert.count`).
        self.time_limit = float(time_limit)
        self.memory_limit_mb = int(memory_limit_mb)
        self._shared = _Shared.get()
        self._local = threading.local()

    def instance(self) -> Instance:
        inst = getattr(self._local, "instance", None)
        if inst is None:
            inst = Instance(self._shared, self.memory_limit_mb * 1024 * 1024)
            self._local.instance = inst
        return inst

    def call(self, interface: str, name: str, *args: Any, url: Optional[str] = None) -> Any:
        """Call an export under the limits; a trap becomes a RipTideError and
        retires this thread's instance."""
        inst = self.instance()
        return self.run(inst, lambda: inst.func(interface, name)(inst.store, *args), url=url)

    def run(self, inst: Instance, thunk: Callable[[], Any], *, url: Optional[str] = None) -> Any:
        inst.store.set_epoch_deadline(max(1, int(self.time_limit / TICK_SECONDS)))
        try:
            return thunk()
        except RipTideError:
            raise
        except (wasmtime.Trap, wasmtime.WasmtimeError) as exc:
            if getattr(self._local, "instance", None) is inst:
                self._local.instance = None
            raise self._translate(exc, url) from exc
        finally:
            if getattr(self._local, "instance", None) is inst:
                inst.store.set_epoch_deadline(1 << 62)

    def is_current(self, inst: Instance) -> bool:
        return getattr(self._local, "instance", None) is inst

    def _translate(self, exc: Exception, url: Optional[str]) -> RipTideError:
        text = str(exc)
        # wasmtime puts the trap reason after the backtrace ("Caused by: ...").
        cause = text.rsplit("Caused by:", 1)[1].strip() if "Caused by:" in text else text.strip()
        cause = cause.splitlines()[0] if cause else type(exc).__name__
        if getattr(exc, "trap_code", None) == wasmtime.TrapCode.INTERRUPT or "wasm trap: interrupt" in text:
            return LimitExceeded(f"time limit of {self.time_limit:g} s exceeded", url=url, limit="time")
        if _MEMORY_TRAP_NAME in text:
            return LimitExceeded(f"memory limit of {self.memory_limit_mb} MB exceeded", url=url, limit="memory")
        return ComponentError(f"engine trapped: {cause}", url=url)
