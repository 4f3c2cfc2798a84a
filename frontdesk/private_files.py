"""Files and folders only their owner can read: the database, its backups,
the exports, the printed documents and the log hold customers' names, phones
and addresses (and the PIN hashes), so what the program creates is 0600 in
folders it makes 0700.

"Where the shop has not chosen otherwise": a folder or file that exists
already keeps its mode (the shop may share an exports folder on purpose);
only what the program creates is made private.  Two layers:

- :func:`private_umask` at the program's start (the command line and the
  window): whatever a library creates (reportlab, openpyxl, SQLite's -wal
  and -shm) is private too;
- explicit modes where the program creates files and folders itself
  (:func:`new_file`, :func:`make_dirs`, :func:`opener`), so the same holds
  when FrontDesk is used as a library and the umask is someone else's.

See docs/rules.md#private-files.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
UMASK = 0o077


def private_umask() -> int:
    """Set the process umask so that new files are 0600 and new folders 0700;
    returns the umask it replaced."""
    return os.umask(UMASK)


def opener(path: str | os.PathLike[str], flags: int) -> int:
    """For ``open(path, mode, opener=opener)``: a file created by that open is 0600."""
    return os.open(path, flags, FILE_MODE)


def new_file(path: Path | str) -> Path:
    """Make ``path`` an empty 0600 file when it does not exist yet (an existing
    file keeps its contents and mode); returns it.  Then SQLite, reportlab or
    openpyxl writes into a file that was private from its first byte."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return path
    os.close(fd)
    return path


def make_dirs(path: Path | str) -> Path:
    """``path`` and any missing parents, each folder made here 0700 (one that
    exists keeps its mode); returns it."""
    path = Path(path)
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
    return path
