"""The layering rules of DESIGN.md §2, checked on every run."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ["words_tui.domain", "words_tui.infrastructure", "words_tui.services", "words_tui.cli"]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint_imports, "--config", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_every_core_module_loads_no_front_end_framework() -> None:
    code = f"""
import importlib, pkgutil, sys
import words_tui
for package in {CORE!r}:
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        if ".migrations." in info.name:
            continue
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "ipywidgets", "matplotlib"))
print(",".join(loaded))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == ""


CAPABILITIES = ROOT / "words_tui" / "services"


def _imported_modules(path: Path) -> list[str]:
    """Every module `path` imports, absolute dotted names (relative imports are not used here)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_capabilities_use_each_other_only_through_their_public_surface() -> None:
    breaches = []
    for package in sorted(p for p in CAPABILITIES.iterdir() if (p / "__init__.py").exists()):
        for path in sorted(package.rglob("*.py")):
            for name in _imported_modules(path):
                parts = name.split(".")
                if parts[:2] != ["words_tui", "services"] or len(parts) < 4:
                    continue
                if parts[2] != package.name:
                    breaches.append(f"{path.relative_to(ROOT)} imports {name}")
    assert breaches == []


FRONT_ENDS = [ROOT / "words_tui" / name for name in ("tui", "notebook", "cli")]


def _front_end_files() -> list[Path]:
    return sorted(path for front_end in FRONT_ENDS for path in front_end.rglob("*.py"))


def test_front_ends_use_the_services_only_through_their_packages() -> None:
    breaches = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _front_end_files()
        for name in _imported_modules(path)
        if name.split(".")[:2] == ["words_tui", "services"] and len(name.split(".")) > 3
    ]
    assert breaches == []


def test_no_screen_imports_a_service_inside_a_method() -> None:
    """Screens reach services through `self.core`; types come in at the top of the module."""
    breaches = []
    for path in sorted((ROOT / "words_tui" / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.module
                    and node.module.startswith("words_tui.services")
                ):
                    breaches.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.module}")
    assert breaches == []


def test_every_package_says_what_lives_there() -> None:
    missing = [
        str(init.relative_to(ROOT))
        for init in (ROOT / "words_tui").rglob("__init__.py")
        if ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []
