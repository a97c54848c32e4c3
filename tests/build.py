"""The compiled matcher build (setup.py), as the test suite checks it."""

from __future__ import annotations

from pathlib import Path


def stale_extensions(package: Path) -> list[str]:
    """Compiled matcher modules (setup.py) older than their source: Python would import them
    instead of the edited ``.py``, so the tests would check yesterday's code."""
    stale = []
    for extension in package.rglob("*.so"):
        source = extension.with_name(extension.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > extension.stat().st_mtime:
            stale.append(str(source.relative_to(package.parent)))
    return sorted(stale)
