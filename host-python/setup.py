"""Build hook: compile the guest to a WASI component and ship it inside the
package, so the wheel is pure Python (py3-none-any) and users need no Rust.

Set RIPTIDE_WASM=/path/to/riptide.wasm to package a prebuilt component.
"""
import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET = "wasm32-wasip2"
ENGINE = HERE / "src" / "riptide" / "_engine" / "riptide.wasm"


def build_component() -> Path:
    prebuilt = os.environ.get("RIPTIDE_WASM")
    if prebuilt:
        return Path(prebuilt)
    if not (REPO / "guest" / "Cargo.toml").is_file():
        raise SystemExit("riptide: guest/ not found; set RIPTIDE_WASM to a built riptide.wasm")
    installed = subprocess.run(["rustup", "target", "list", "--installed"], capture_output=True, text=True)
    if installed.returncode == 0 and TARGET not in installed.stdout.split():
        subprocess.run(["rustup", "target", "add", TARGET], check=True)
    target_dir = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    subprocess.run(
        ["cargo", "build", "--release", "--locked", "--target", TARGET, "-p", "riptide-guest"],
        cwd=REPO, check=True, env={**os.environ, "CARGO_TARGET_DIR": str(target_dir)},
    )
    return target_dir / TARGET / "release" / "riptide_guest.wasm"


class BuildPyWithComponent(build_py):
    def run(self):
        wasm = build_component()
        ENGINE.parent.mkdir(parents=True, exist_ok=True)
        if wasm.resolve() != ENGINE.resolve():
            shutil.copyfile(wasm, ENGINE)
        super().run()


setup(cmdclass={"build_py": BuildPyWithComponent})
