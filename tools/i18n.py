"""The translation catalog: extract, update, compile, check.

    python tools/i18n.py extract   # resources/locale/frontdesk.pot
    python tools/i18n.py update    # merge the template into each language's .po
    python tools/i18n.py compile   # .po -> .mo (the program reads the .mo)
    python tools/i18n.py check     # untranslated or stale messages, exit 1 if any

Messages come from the Python code (literal arguments of ``_()``, ``N_()``,
``gettext()``, and the singular and plural of ``ngettext()``, which become a
plural entry: ``msgid`` / ``msgid_plural`` with one ``msgstr[i]`` per plural
form of the language, one for Chinese) and from the Qt Designer forms
(``<string>`` elements not marked ``notr="true"``), so the screens, the
printouts and the command line share one catalog.
"""

from __future__ import annotations

import ast
import io
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "frontdesk"
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / "frontdesk.pot"
LANGS = ("zh_CN",)
FUNCS = {"_", "N_", "gettext"}
PLURAL_FUNCS = {"ngettext"}  # (singular, plural, n)

# A message: its text, or (singular, plural) for one with plural forms.
Message = str | tuple[str, str]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value else None


def python_messages() -> dict[Message, list[tuple[str, int | None]]]:
    found: dict[Message, list[tuple[str, int | None]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "generated" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                name = node.func.id if isinstance(node.func, ast.Name) else (
                    node.func.attr if isinstance(node.func, ast.Attribute) else None)
                text = _literal(node.args[0])
                where = (str(path.relative_to(ROOT)), None)
                if name in FUNCS and text:
                    found.setdefault(text, []).append(where)
                elif name in PLURAL_FUNCS and text and len(node.args) > 1:
                    plural = _literal(node.args[1])
                    if plural:
                        found.setdefault((text, plural), []).append(where)
    return found


def form_messages() -> dict[Message, list[tuple[str, int | None]]]:
    found: dict[Message, list[tuple[str, int | None]]] = {}
    for path in sorted((ROOT / "forms").glob("*.ui")):
        root = ET.parse(path).getroot()
        for el in root.iter("string"):
            if el.get("notr") == "true" or not (el.text or "").strip():
                continue
            found.setdefault(el.text or "", []).append((str(path.relative_to(ROOT)), None))
    return found


def all_messages() -> dict[Message, list[tuple[str, int | None]]]:
    merged = python_messages()
    for msg, locs in form_messages().items():
        merged.setdefault(msg, []).extend(locs)
    return merged


def template():  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog

    cat = Catalog(project="FrontDesk", version="0.1", charset="utf-8")
    for msg, locs in sorted(all_messages().items(), key=lambda item: _sort_key(item[0])):
        flags = ("python-brace-format",) if "{" in "".join(msg) else ()
        cat.add(msg, locations=locs, flags=flags)
    return cat


def _sort_key(msg: Message) -> tuple[str, str]:
    return (msg, "") if isinstance(msg, str) else msg


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "frontdesk.po"


def mo_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "frontdesk.mo"


def read_po(lang: str):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po as _read

    path = po_path(lang)
    if not path.exists():
        from babel.messages.catalog import Catalog

        return Catalog(locale=lang, project="FrontDesk")
    with path.open("rb") as fh:
        return _read(fh, locale=lang)


def write_po(lang: str, cat) -> None:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po as _write

    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    _write(buf, cat, width=100, sort_output=True, omit_header=False, include_previous=False)
    path.write_bytes(buf.getvalue())


def compiled_from(cat) -> bytes:  # type: ignore[no-untyped-def]
    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    return buf.getvalue()


def compiled(lang: str) -> bytes:
    return compiled_from(read_po(lang))


def stale_compiled(lang: str, mo: Path | None = None) -> list[str]:
    """The messages whose translation in the compiled catalog (``mo``, the
    program's own by default) differs from the .po: what the catalogs say,
    whichever Babel wrote the file."""
    import gettext

    with (mo or mo_path(lang)).open("rb") as fh:
        compiled_cat = gettext.GNUTranslations(fh)
    got = compiled_cat._catalog  # type: ignore[attr-defined]
    want: dict[object, str] = {}
    for msg in read_po(lang):
        if not msg.id or msg.fuzzy or not msg.string:
            continue
        if isinstance(msg.id, (list, tuple)):
            for n, text in enumerate(msg.string):
                want[(msg.id[0], n)] = text
        else:
            want[msg.id] = msg.string
    keys = {k for k in got if k != ""} | set(want)
    return sorted(str(k if isinstance(k, str) else k[0]) for k in keys if got.get(k) != want.get(k))


def cmd_extract() -> None:
    from babel.messages.pofile import write_po as _write

    buf = io.BytesIO()
    _write(buf, template(), width=100, sort_output=True)
    POT.write_bytes(buf.getvalue())
    print(f"{POT.relative_to(ROOT)}: {len(all_messages())} messages")


def cmd_update() -> None:
    tmpl = template()
    for lang in LANGS:
        cat = read_po(lang)
        cat.update(tmpl, no_fuzzy_matching=True)
        # Keep nothing obsolete: a removed message must not linger.
        cat.obsolete.clear()
        cat.fuzzy = False
        cat.project, cat.version = "FrontDesk", "0.1"
        cat.copyright_holder = "FrontDesk"
        cat.last_translator = "FrontDesk team"
        cat.language_team = "FrontDesk team"
        write_po(lang, cat)
        print(f"{po_path(lang).relative_to(ROOT)} updated")


def cmd_compile() -> None:
    for lang in LANGS:
        mo_path(lang).write_bytes(compiled(lang))
        print(f"{mo_path(lang).relative_to(ROOT)} written")


def missing(lang: str) -> list[Message]:
    """The messages with no translation: a plural message needs a plural
    entry (its singular and plural the code's) with every form translated."""
    cat = read_po(lang)
    out: list[Message] = []
    for msg in all_messages():
        entry = cat.get(msg)
        if entry is None or entry.fuzzy or not _translated(msg, entry):
            out.append(msg)
    return out


def _translated(msg: Message, entry) -> bool:  # type: ignore[no-untyped-def]
    if isinstance(msg, str):
        return isinstance(entry.string, str) and bool(entry.string)
    return (isinstance(entry.id, (list, tuple)) and tuple(entry.id[:2]) == msg
            and isinstance(entry.string, (list, tuple)) and len(entry.string) > 0 and all(entry.string))


def cmd_check() -> int:
    bad = 0
    for lang in LANGS:
        for msg in missing(lang):
            print(f"{lang}: untranslated: {msg!r}")
            bad += 1
        if mo_path(lang).exists() and stale_compiled(lang):
            print(f"{lang}: the .mo is older than the .po: run 'python tools/i18n.py compile'")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "extract":
        cmd_extract()
    elif cmd == "update":
        cmd_extract()
        cmd_update()
    elif cmd == "compile":
        cmd_compile()
    elif cmd == "check":
        raise SystemExit(cmd_check())
    else:
        raise SystemExit(__doc__)
