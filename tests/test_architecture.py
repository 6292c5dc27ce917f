"""The layering of docs/architecture.md, checked on every import in the code.

A feature folder of ``disputes/`` may import ``workflows/``, ``casebase/``, ``models/``, the shared
modules and the features below it, never a feature above it or beside it. ``workflows/`` and
``casebase/`` import neither each other nor the app. Imports inside functions count too: they are
the usual way a back-up arrow hides.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "disputes"

# Lowest first. A feature may import only features of a lower layer.
LAYERS = (
    ("auth", "notifications"),
    ("api",),
    ("cases",),
    ("evidence", "case_documents", "library", "alerts", "inspection"),
    ("assessments", "dashboard"),
    ("intake", "portal", "publication"),
    ("admin", "home", "holidays"),
    # Background jobs run other features' work (notifications, deadlines, warnings, the library, documents),
    # so they sit above them all and no feature imports them; cli.py enqueues.
    ("jobs",),
)
LAYER_OF = {feature: depth for depth, features in enumerate(LAYERS) for feature in features}
# The composition root builds the app from every feature; the shared modules serve them all.
COMPOSITION_ROOT = {"__init__.py", "cli.py", "seeding.py", "demo_data.py", "backup.py"}
# models/ (the domain's tables) and documents/ (the framework-free PDF renderer) serve every feature.
SHARED_PACKAGES = {"models", "documents", "translations"}


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "." * node.level + (node.module or "")))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def _feature_of(path: Path) -> str | None:
    parts = path.relative_to(APP).parts
    return parts[0] if len(parts) > 1 else None


def _target_feature(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "disputes" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYER_OF or (APP / parts[1]).is_dir() else None


def _app_files():
    return sorted(p for p in APP.rglob("*.py") if "translations" not in p.parts)


def test_every_feature_folder_has_a_layer():
    folders = {p.name for p in APP.iterdir() if p.is_dir() and (p / "__init__.py").exists()} - SHARED_PACKAGES
    assert folders - set(LAYER_OF) == set(), "place the new feature in LAYERS (and in docs/architecture.md)"
    assert set(LAYER_OF) - folders == set(), "remove the feature that no longer exists from LAYERS"


def test_no_feature_imports_a_feature_above_or_beside_it():
    arrows = []
    for path in _app_files():
        source = _feature_of(path)
        if source is None or source in SHARED_PACKAGES:
            continue
        for line, module in _imports(path):
            target = _target_feature(module)
            if target is None or target == source or target in SHARED_PACKAGES:
                continue
            if LAYER_OF[target] >= LAYER_OF[source]:
                arrows.append(f"{path.relative_to(ROOT)}:{line} ({source}) imports {module} ({target})")
    assert arrows == []


def test_shared_modules_import_no_feature():
    arrows = []
    for path in sorted(APP.glob("*.py")):
        if path.name in COMPOSITION_ROOT:
            continue
        for line, module in _imports(path):
            target = _target_feature(module)
            if target is not None and target not in SHARED_PACKAGES:
                arrows.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert arrows == []


def test_models_import_no_feature():
    arrows = [f"{path.relative_to(ROOT)}:{line} imports {module}"
              for path in sorted((APP / "models").glob("*.py"))
              for line, module in _imports(path)
              if _target_feature(module) not in (None, "models")]
    assert arrows == []


@pytest.mark.parametrize("package, forbidden", [
    ("workflows", ("disputes", "flask", "sqlalchemy", "casebase")),
    ("casebase", ("disputes", "flask", "sqlalchemy", "workflows")),
    ("glossary", ("disputes", "flask", "sqlalchemy", "workflows", "casebase")),
    ("places", ("disputes", "flask", "sqlalchemy", "workflows", "casebase", "glossary")),
])
def test_the_framework_free_packages_stay_free(package, forbidden):
    arrows = [f"{path.relative_to(ROOT)}:{line} imports {module}"
              for path in sorted((ROOT / package).rglob("*.py"))
              for line, module in _imports(path)
              if module.split(".")[0] in forbidden]
    assert arrows == []


def test_the_layers_have_no_cycle_between_feature_folders():
    """Implied by the layer rule, but said on its own: a cycle is what the layers exist to prevent."""
    graph: dict[str, set[str]] = {feature: set() for feature in LAYER_OF}
    for path in _app_files():
        source = _feature_of(path)
        if source in LAYER_OF:
            graph[source] |= {t for _line, m in _imports(path) if (t := _target_feature(m)) in LAYER_OF and t != source}
    seen, on_path = set(), []

    def visit(node):
        if node in on_path:
            raise AssertionError("cycle: " + " -> ".join(on_path[on_path.index(node):] + [node]))
        if node in seen:
            return
        seen.add(node)
        on_path.append(node)
        for nxt in sorted(graph[node]):
            visit(nxt)
        on_path.pop()

    for feature in sorted(graph):
        visit(feature)
