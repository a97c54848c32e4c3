"""The matcher ships compiled (setup.py), and the suite refuses to test a stale build."""

from __future__ import annotations

import os
import time
from pathlib import Path

import app.matching.engine
from tests.build import stale_extensions


def test_the_matcher_under_test_is_the_compiled_one() -> None:
    # TRIGGERMAP_PURE_PYTHON=1 installs without compiling (setup.py); otherwise the tests must
    # exercise the extension modules that the server imports.
    compiled = app.matching.engine.__file__.endswith(".so")
    assert compiled is not bool(os.environ.get("TRIGGERMAP_PURE_PYTHON"))


def test_an_extension_older_than_its_source_is_reported(tmp_path: Path) -> None:
    package = tmp_path / "app" / "matching"
    package.mkdir(parents=True)
    for name in ("fresh", "stale"):
        (package / f"{name}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    then = time.time() - 60
    os.utime(package / "stale.cpython-311-x86_64-linux-gnu.so", (then, then))
    (package / "fresh.py").write_text("")
    os.utime(package / "fresh.py", (then - 60, then - 60))
    (package / "stale.py").write_text("")
    assert stale_extensions(tmp_path / "app") == ["app/matching/stale.py"]
