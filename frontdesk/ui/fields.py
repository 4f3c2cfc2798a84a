"""Reading what the clerk typed into plain fields (dates, lists)."""

from __future__ import annotations

import re
from datetime import date

from frontdesk.i18n import _

_SEP = re.compile(r"[./\s]")


def parse_day(text: str) -> date | None:
    """A date typed as 2026-11-24, 2026/11/24, 2026.11.24 or 20261124; None
    when empty.  Raises ValueError with a sentence for anything else."""
    value = (text or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    value = _SEP.sub("-", value)
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) != 3:
            raise ValueError(value)
        return date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValueError(_("{text} is not a date: type it like 2026-11-24.").format(text=text.strip())) from exc


def split_list(text: str) -> list[str]:
    """Comma-separated words (Chinese commas too)."""
    return [p.strip() for p in re.split(r"[,，、;；]", text or "") if p.strip()]
