"""Text typed at the desk, made safe to keep.

Control characters (NUL, ESC, a stray carriage return) are never what a
clerk meant: they come from a scanner, a paste or a hostile string, they
garble printed receipts, and PostgreSQL refuses NUL in text.  Services drop
them before they check lengths and store the text.
"""

from __future__ import annotations


def drop_controls(text: str | None, keep: str = "\n\t") -> str:
    """``text`` without the C0 control characters (but those in ``keep``)."""
    return "".join(ch for ch in (text or "") if ord(ch) >= 32 or ch in keep)


def one_line(text: str | None) -> str:
    """``text`` on one line: runs of white space (line breaks too) made one
    space, the other control characters dropped."""
    return " ".join("".join(ch for ch in (text or "") if ord(ch) >= 32 or ch.isspace()).split())


def trimmed(text: str | None) -> str:
    """``text`` without its control characters (line breaks and tabs kept),
    white space trimmed from both ends."""
    return drop_controls(text).strip()
