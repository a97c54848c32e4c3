"""Builds the matcher (``app/matching``) as C extensions with mypyc; everything else is plain.

pyproject.toml holds the project's metadata; this file only adds the compiled modules. mypyc
(part of mypy, pinned in ``[build-system]``) turns the matcher's type-annotated Python into C,
which roughly halves the time of a text match. The ``.py`` files stay the source of truth:
``pip install`` (and ``make install``) writes a ``.so`` beside each of them, and Python imports
the ``.so`` first. ``TRIGGERMAP_PURE_PYTHON=1`` installs without compiling (slower, same
answers). After editing a matcher module, reinstall (``make install-dev`` does so by itself):
a stale ``.so`` would still be imported, and the test suite refuses to run on one. Compiled
code calls compiled functions and native classes directly, so a test that monkeypatches one of
them sees nothing: test through inputs and outputs instead.
"""

import os
from pathlib import Path

from setuptools import setup

# The response dataclasses stay interpreted: orjson serialises them through their __dict__,
# which a compiled (native) class does not have.
INTERPRETED = {"app/matching/outcome.py"}


def compiled_modules() -> list[str]:
    sources = Path("app/matching").rglob("*.py")
    return sorted(str(path) for path in sources if path.as_posix() not in INTERPRETED)


if os.environ.get("TRIGGERMAP_PURE_PYTHON"):
    # an earlier compiled build would still be imported first: remove it
    for built in [*Path("app/matching").rglob("*.so"), *Path().glob("*__mypyc*.so")]:
        built.unlink()
    setup()
else:
    from mypyc.build import mypycify

    # No config file: the project's mypy settings load the pydantic plugin, which the build
    # environment does not have (and the matcher does not use).
    options = ["--config-file=", "--ignore-missing-imports"]
    setup(ext_modules=mypycify([*options, *compiled_modules()], opt_level="3"))
