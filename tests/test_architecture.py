"""The domain never imports Qt (docs/architecture.md#the-layers).

Every module under frontdesk/ outside frontdesk/ui/ is read with ``ast`` (not
imported): none may import PySide6 or shiboken6, and none may import
frontdesk.ui, except the command line, which starts the window from inside a
function.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import frontdesk

PACKAGE = Path(frontdesk.__file__).resolve().parent
QT = ("PySide6", "shiboken6")
# Modules that may import frontdesk.ui, and only inside a function: the entry
# points that open the window or render it, and the benchmark (its window cases, loaded when they run).
STARTS_THE_WINDOW = {"frontdesk.cli", "frontdesk.bench"}


@dataclass(frozen=True)
class Import:
    module: str
    line: int
    in_function: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool = False) -> list[Import]:
    """Every module ``source`` imports, with relative imports resolved and
    ``importlib.import_module("...")`` / ``__import__("...")`` with a literal
    name counted too."""
    tree = ast.parse(source)
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend(Import(alias.name, node.lineno, in_function) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append(Import(target, node.lineno, in_function))
            found.extend(Import(f"{target}.{alias.name}", node.lineno, in_function) for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__"):
                found.append(Import(node.args[0].value, node.lineno, in_function))
        inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(tree, False)
    return found


def is_under(module: str, top: str) -> bool:
    return module == top or module.startswith(top + ".")


def domain_modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if is_under(module_name(path), "frontdesk.ui"):
            continue
        out.append((module_name(path), path))
    return out


def test_the_scanner_sees_every_way_of_importing() -> None:
    source = """
import os
import PySide6.QtCore
from shiboken6 import isValid
from PySide6 import QtWidgets as W
from .. import ui
from ..ui.app import run
from . import service

def later():
    import importlib
    importlib.import_module("PySide6.QtGui")
    __import__("frontdesk.ui.main_window")
"""
    got = {(i.module, i.in_function) for i in imports_of(source, "frontdesk.intake.preview")}
    assert ("PySide6.QtCore", False) in got
    assert ("shiboken6", False) in got
    assert ("PySide6.QtWidgets", False) in got
    assert ("frontdesk.ui", False) in got
    assert ("frontdesk.ui.app", False) in got
    assert ("frontdesk.intake.service", False) in got
    assert ("PySide6.QtGui", True) in got
    assert ("frontdesk.ui.main_window", True) in got
    assert ("os", False) in got
    # In a package's __init__, "." is the package itself.
    assert ("frontdesk.billing.fees", False) in {
        (i.module, i.in_function) for i in imports_of("from . import fees", "frontdesk.billing", is_package=True)}


def test_the_domain_is_all_there() -> None:
    names = {name for name, _path in domain_modules()}
    assert {"frontdesk.cli", "frontdesk.demo", "frontdesk.intake.service", "frontdesk.customers",
            "frontdesk.followup.service"} <= names
    assert not any(is_under(n, "frontdesk.ui") for n in names)
    assert names >= STARTS_THE_WINDOW  # the exception must not outlive its module


@pytest.mark.parametrize("name,path", domain_modules(), ids=[name for name, _path in domain_modules()])
def test_no_domain_module_imports_qt_or_the_ui(name: str, path: Path) -> None:
    found = imports_of(path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py")
    qt = [i for i in found if any(is_under(i.module, top) for top in QT)]
    assert not qt, f"{path}: imports Qt: " + ", ".join(f"{i.module} (line {i.line})" for i in qt)
    ui = [i for i in found if is_under(i.module, "frontdesk.ui")]
    if name in STARTS_THE_WINDOW:
        ui = [i for i in ui if not i.in_function]  # only when the command that opens the window runs
    assert not ui, f"{path}: imports the screens: " + ", ".join(f"{i.module} (line {i.line})" for i in ui)


# ---- wiring you can read (docs/architecture.md#how-the-parts-hear-of-a-ticket) ----

STRING_WIRING = ("import_module", "__import__", "hasattr")


def string_wiring(source: str) -> list[tuple[int, str]]:
    """Calls that reach code through a name in a string: ``importlib.import_module``,
    ``__import__`` and ``hasattr`` dispatch (and the module ``importlib`` itself,
    but for ``importlib.resources``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in STRING_WIRING:
                found.append((node.lineno, name))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, "import importlib") for alias in node.names if alias.name == "importlib")
        elif isinstance(node, ast.ImportFrom) and node.module == "importlib" \
                and any(alias.name != "resources" for alias in node.names):
            found.append((node.lineno, "from importlib import"))
    return found


def every_module() -> list[tuple[str, Path]]:
    return [(module_name(path), path) for path in sorted(PACKAGE.rglob("*.py")) if "generated" not in path.parts]


def test_the_wiring_scanner_finds_names_in_strings() -> None:
    source = """
import importlib
from importlib import import_module
def f(part):
    importlib.import_module("frontdesk.loaners.service")
    __import__("frontdesk.followup")
    if hasattr(part, "on_intake"):
        part.on_intake()
"""
    assert [what for _line, what in string_wiring(source)] == [
        "import importlib", "from importlib import", "import_module", "__import__", "hasattr"]
    assert string_wiring("from importlib import resources\nfrom frontdesk.hooks import after_intake\n") == []


@pytest.mark.parametrize("name,path", every_module(), ids=[name for name, _path in every_module()])
def test_no_part_reaches_another_through_a_name_in_a_string(name: str, path: Path) -> None:
    found = string_wiring(path.read_text(encoding="utf-8"))
    assert not found, f"{path}: " + ", ".join(f"{what} (line {line})" for line, what in found)


def test_intake_reaches_its_listeners_by_name() -> None:
    """The hooks name each listening part in an import that grep and mypy follow."""
    found = {i.module for i in imports_of((PACKAGE / "hooks.py").read_text(encoding="utf-8"), "frontdesk.hooks")}
    assert {"frontdesk.followup.service", "frontdesk.loaners.service"} <= found


def test_the_schema_imports_every_part_that_has_models() -> None:
    from frontdesk.db import schema

    with_models = {module_name(path) for path in PACKAGE.rglob("models.py")}
    assert with_models == {m.__name__ for m in schema.PART_MODELS}


DOMAIN_MODULES = [n for n, _p in every_module() if not is_under(n, "frontdesk.ui")
                  and not n.endswith("__main__") and ".migrations" not in n]
# The modules by part, one test each: a subpackage's (frontdesk.billing...), and the top level's (frontdesk).
PARTS: dict[str, list[str]] = {}
for _name, _path in every_module():
    if _name in DOMAIN_MODULES:
        top = _path.relative_to(PACKAGE).parts
        PARTS.setdefault("frontdesk." + top[0] if len(top) > 1 else "frontdesk", []).append(_name)

# Run in one child interpreter for a part: before each module, every
# frontdesk module is forgotten, so each is imported first, as in a fresh
# interpreter, while the libraries (SQLAlchemy, reportlab...) load once.  An
# interpreter a module took a minute of the test run in all.
FRESH_IMPORTS = """
import importlib, json, sys, traceback
failed = {}
for name in sys.argv[1:]:
    top = name.split(".")[0]
    for loaded in [m for m in sys.modules if m == top or m.startswith(top + ".")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except BaseException:
        failed[name] = traceback.format_exc()[-2000:]
print(json.dumps(failed))
"""


def fresh_imports(names: list[str], cwd: Path | None = None) -> dict[str, str]:
    """The modules of ``names`` that failed to import first, with their tracebacks."""
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FRESH_IMPORTS, *names], capture_output=True, text=True,
                          timeout=300, cwd=cwd)
    assert done.returncode == 0, done.stderr[-2000:]
    failed: dict[str, str] = json.loads(done.stdout.splitlines()[-1])
    return failed


@pytest.mark.parametrize("part", sorted(PARTS))
def test_every_domain_module_imports_on_its_own(part: str) -> None:
    """Imported first (every other module of ours forgotten), each module
    loads: the order in which a command or a test happens to import the
    parts hides no cycle."""
    failed = fresh_imports(PARTS[part])
    assert not failed, "\n".join(f"{name}:\n{trace}" for name, trace in failed.items())


def test_a_cycle_is_found_by_the_fresh_imports(tmp_path: Path) -> None:
    """The check itself: a module that needs a name of a module importing it
    fails when imported first, though it loads when the other comes first."""
    pkg = tmp_path / "frontdesk_cycle"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from frontdesk_cycle import b\nNAME = 1\n")
    (pkg / "b.py").write_text("from frontdesk_cycle.a import NAME\n")
    failed = fresh_imports(["frontdesk_cycle.b", "frontdesk_cycle.a"], cwd=tmp_path)
    assert list(failed) == ["frontdesk_cycle.a"] and "ImportError" in failed["frontdesk_cycle.a"]


# ---- imports inside functions say why (docs/architecture.md#imports) ----

def unexplained_function_imports(source: str) -> list[int]:
    """Lines of imports made inside a function with no reason given: a comment
    on the import's own line or on the line just above a run of imports."""
    lines = source.splitlines()
    tree = ast.parse(source)
    found: list[int] = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            row = node.lineno - 1
            # The run of imports this one belongs to starts at the first import line above it.
            start = row
            while start > 0 and lines[start - 1].strip().startswith(("import ", "from ")):
                start -= 1
            explained = "#" in lines[row] or "#" in lines[start] \
                or (start > 0 and lines[start - 1].strip().startswith("#"))
            if not explained:
                found.append(node.lineno)
    return sorted(set(found))


def test_the_import_reason_scanner() -> None:
    source = """
def a():
    # The window's start must not load SQLAlchemy.
    from sqlalchemy import select
    from sqlalchemy.orm import Session
    return select, Session

def b():
    import json  # only the export needs it
    return json

def c():
    x = 1
    import csv
    return csv, x
"""
    assert unexplained_function_imports(source) == [14]


@pytest.mark.parametrize("name,path", every_module(), ids=[name for name, _path in every_module()])
def test_an_import_inside_a_function_says_why(name: str, path: Path) -> None:
    lines = unexplained_function_imports(path.read_text(encoding="utf-8"))
    assert not lines, f"{path}: imports inside a function with no reason (lines {lines}): " \
                      "move them to the top, or say in a comment why they wait (start time, a cycle)"
