"""The life-cycle diagram, drawn by Graphviz from the same definitions the machine runs on."""
from __future__ import annotations

import shutil
# Runs only the local `dot` binary, without a shell, on DOT text we generate.
import subprocess  # nosec B404
from functools import lru_cache

from workflows import diagram_dot


@lru_cache(maxsize=1)
def diagram_svg() -> bytes | None:
    """SVG of the state machine, or None when Graphviz is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    result = subprocess.run(  # nosec B603
        [dot, "-Tsvg"], input=diagram_dot().encode("utf-8"), capture_output=True, timeout=30, check=False
    )
    return result.stdout if result.returncode == 0 else None
