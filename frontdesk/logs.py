"""The log file (``frontdesk.log`` in the data folder): private, rotated, and
without personal data.

The log is read by whoever fixes the program, not by the shop's customers,
so it must not carry their names, phones or addresses.  Three guards:

- every engine is made with ``hide_parameters`` (:func:`frontdesk.db.engine.make_engine`):
  a database error's text never holds the values of its statement;
- the program's own log calls name what happened (a receipt number, a class
  of error), never what was typed;
- :class:`ScrubbingFormatter` removes what a database error may still quote
  (PostgreSQL's ``DETAIL:`` line repeats the key values of a broken unique
  constraint) from every line written, tracebacks included.

The file and its rotated copies are created 0600 (:mod:`frontdesk.private_files`).
See docs/rules.md#private-files.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import re
from pathlib import Path

from frontdesk.private_files import opener

MAX_BYTES = 2_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# A database error's DETAIL line (PostgreSQL: "Key (phone)=(138...) already
# exists.") and SQLAlchemy's "[parameters: ...]" (shown unless hidden).
_DETAIL = re.compile(r"^(\s*DETAIL:).*$", re.M)
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\n|$|\s*\()", re.S)


def scrub(text: str) -> str:
    """``text`` without the parts of a database error that quote values."""
    text = _DETAIL.sub(r"\1 (not logged: it may quote personal data)", text)
    return _PARAMETERS.sub("[parameters: not logged]", text)


class ScrubbingFormatter(logging.Formatter):
    """The usual format, then :func:`scrub` over the whole record (message
    and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose file, and each file a rotation starts, is created 0600."""

    def _open(self) -> io.TextIOWrapper:
        stream = open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,  # noqa: SIM115
                      opener=opener)
        assert isinstance(stream, io.TextIOWrapper)
        return stream


def log_to_file(path: Path, level: int = logging.INFO) -> logging.Handler:
    """Add the log file at ``path`` to the root logger (as the window does
    at its start); returns the handler.  Raises OSError when it cannot be opened."""
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(ScrubbingFormatter(FORMAT))
    handler.setLevel(level)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handler
