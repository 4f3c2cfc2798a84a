"""A file the program could not write or read, in plain words.

The command line (``frontdesk.cli.main``) and the window
(``frontdesk.ui.errors.describe``) both say an :class:`OSError` through
:func:`plain`: a full disk, a read-only disk or a folder one may not write
to is the person's to fix, never a traceback or "unexpected error".
"""

from __future__ import annotations

import errno
from pathlib import Path

from frontdesk.i18n import _

FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
DENIED = frozenset({errno.EACCES, errno.EPERM})
READ_ONLY = frozenset({errno.EROFS})
PART = ".part"  # frontdesk.headoffice.xlsx.save writes FILE.part, then renames it


def plain(exc: OSError, path: str | Path | None = None) -> str:
    """The sentence for ``exc``; ``path``: the file being written, named
    when the error itself names none (a write that found the disk full)."""
    where = exc.filename if exc.filename is not None else path
    name = str(where) if where is not None else _("the file or device")  # a printer, a pipe...
    if name.endswith(PART):  # the program's temporary name for a file being written
        name = name[:-len(PART)]
    if exc.errno in FULL:
        return _("The disk is full: could not write {file}. Free some space or choose another place, "
                 "then try again.").format(file=name)
    if exc.errno in READ_ONLY:
        return _("The disk is read-only: could not write {file}. Choose another place, then try again.").format(
            file=name)
    if exc.errno in DENIED:
        return _("Not allowed to use {file} (permission denied). Choose another place, or ask whoever looks "
                 "after this computer.").format(file=name)
    return _("Could not use {file}: {error}.").format(file=name, error=exc.strerror or exc)


__all__ = ["plain"]
