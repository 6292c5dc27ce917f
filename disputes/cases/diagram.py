"""The life-cycle diagram, drawn by Graphviz from the same definitions the machine runs on."""
from __future__ import annotations

import shutil
import subprocess  # nosec B404 - runs only the local `dot` binary on our own DOT text
from functools import lru_cache

from workflows import diagram_dot


@lru_cache(maxsize=1)
def diagram_svg() -> bytes | None:
    """SVG of the state machine, or None when Graphviz is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    result = subprocess.run(  # nosec B603 - fixed executable, no shell, our own input
        [dot, "-Tsvg"], input=diagram_dot().encode("utf-8"), capture_output=True, timeout=30, check=False
    )
    return result.stdout if result.returncode == 0 else None
