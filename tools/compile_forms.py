"""Compile the Qt Designer forms into Python modules.

    python tools/compile_forms.py          # forms/*.ui -> frontdesk/ui/generated/*_ui.py
    python tools/compile_forms.py --check  # exit 1 when a generated module is stale

The generated modules are committed (the program does not need pyside6-uic at
run time); a test keeps them current.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "frontdesk" / "ui" / "generated"
HEADER = "# Generated from forms/{name} by tools/compile_forms.py: do not edit.\n"


def uic() -> str:
    exe = Path(sys.executable).parent / "pyside6-uic"
    if exe.exists():
        return str(exe)
    found = shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found (pip install PySide6-Essentials)")
    return found


def target(form: Path) -> Path:
    return OUT / f"{form.stem}_ui.py"


_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def used_imports_only(code: str) -> str:
    """uic imports some forty Qt classes whatever the form uses; touching
    each one costs PySide6 a lazy type set-up (40 ms before the login could
    show).  Keep the names the form's code uses."""
    body = _IMPORT.sub("", code)

    def keep(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(2).split(",") if n.strip()]
        used = [n for n in names if re.search(rf"\b{n}\b", body)]
        return f"from {match.group(1)} import {', '.join(used)}\n" if used else ""

    return _IMPORT.sub(keep, code)


def compiled(form: Path) -> str:
    out = subprocess.run([uic(), "--no-autoconnection", str(form)], check=True, capture_output=True, text=True).stdout
    # Drop uic's banner (it names the Qt version and would churn the file).
    lines = out.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return HEADER.format(name=form.name) + used_imports_only("".join(lines))


def forms() -> list[Path]:
    return sorted(FORMS.glob("*.ui"))


def stale() -> list[Path]:
    return [f for f in forms() if not target(f).exists() or target(f).read_text(encoding="utf-8") != compiled(f)]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        bad = stale()
        for f in bad:
            print(f"stale: {target(f).relative_to(ROOT)} (run python tools/compile_forms.py)")
        return 1 if bad else 0
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").write_text('"""Modules generated from forms/ by tools/compile_forms.py."""\n', encoding="utf-8")
    for form in forms():
        target(form).write_text(compiled(form), encoding="utf-8")
        print(target(form).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
