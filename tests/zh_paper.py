"""Reading Chinese screens and papers for English left in them: the words
allowed, the check, and a catalog that reads what it lacks as 待译 (used by
tests/ui/test_ui_zh_render.py and the papers' own tests)."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from string import Formatter

from pypdf import PdfReader

# English that stays English on a Chinese screen or paper, each for a reason:
ALLOWED = {
    "pin",  # the sign-in code is called PIN in Chinese too
    "sim",  # SIM 卡
    "ctrl", "alt", "enter", "esc", "left", "right",  # keys as printed on the keyboard (Ctrl+N, Alt+Left)
    "yyyy",  # the date format shown in an empty date field (YYYY-MM-DD)
    "cny",  # the currency's code, as the shop set it
    "english",  # the language picker names each language in its own words
}
WORD = re.compile(r"[A-Za-z]{3,}")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def problems(found: list[tuple[str, str]], keys: set[str], allowed: set[str]) -> list[str]:
    bad: list[str] = []
    for where, text in found:
        cleaned = re.sub(r"&(?=\w)", "", text)  # mnemonics
        cleaned = re.sub(r"\S*/\S*/\S*", " ", cleaned)  # a path or an address (the database's)
        # a hash (the audit trail's head), whole or in the pieces a line break left
        cleaned = re.sub(r"(?<![A-Za-z0-9])[0-9a-f]*\d[0-9a-f]*(?![A-Za-z0-9])", " ", cleaned)
        for word in re.findall(r"[A-Za-z_]+", cleaned):
            if word in keys:
                bad.append(f"{where}: key {word!r} in {text[:120]!r}")
            elif WORD.fullmatch(word) and word not in allowed and word.lower() not in allowed:
                bad.append(f"{where}: English {word!r} in {text[:120]!r}")
    return sorted(set(bad))


PENDING = "待译"


def pending(message: str) -> str:
    """A message the catalog has no entry for yet, as this test reads it:
    its placeholders kept, no English (an untranslated message is
    tests/test_i18n.py's to find; the catalog is updated after merging)."""
    fields = [(name, spec) for _text, name, spec, _conv in Formatter().parse(message) if name is not None]
    return PENDING + "".join("{" + name + (":" + spec if spec else "") + "}" for name, spec in fields)


class PendingCatalog(gettext.NullTranslations):
    """The Chinese catalog, with what it lacks read as :func:`pending`."""

    def __init__(self, real: gettext.GNUTranslations) -> None:
        super().__init__()
        self.real = real
        self.entries: dict[object, str] = real._catalog  # type: ignore[attr-defined]

    def gettext(self, message: str) -> str:
        return self.real.gettext(message) if message in self.entries else pending(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if (msgid1, 0) in self.entries:
            return self.real.ngettext(msgid1, msgid2, n)
        return self.gettext(msgid2)
