"""Hostile workbooks built cheaply for the tests: a shared-strings zip bomb
(a few MB that inflate to GBs, never inflated here), a part whose header
lies about its size, a billion-laughs entity in a sheet.  A zip is written
by hand so its headers say what the attack needs."""

from __future__ import annotations

import contextlib
import dataclasses
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

MB = 1024 * 1024


def deflated(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def repeated(block: bytes, times: int) -> bytes:
    """A raw deflate stream of ``block`` repeated ``times`` times, made without
    inflating it: the block compressed once (ending on a full flush, so it
    needs nothing before it) and the compressed bytes repeated."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    once = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # a final empty block
    return once * times + end


@dataclasses.dataclass
class Part:
    name: str
    packed: bytes  # raw deflate
    size: int  # what the zip's headers say it inflates to
    crc: int = 0


def write_zip(path: Path, parts: list[Part]) -> Path:
    """A zip written by hand, so a header can say what the test wants."""
    central = b""
    with path.open("wb") as f:
        for p in parts:
            offset = f.tell()
            name = p.name.encode()
            f.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, p.crc, len(p.packed), p.size,
                                len(name), 0) + name)
            f.write(p.packed)
            central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, p.crc, len(p.packed),
                                   p.size, len(name), 0, 0, 0, 0, 0, offset) + name
        start = f.tell()
        f.write(central)
        f.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), start, 0))
    return path


def parts_of(xlsx: Path, replace: dict[str, bytes] | None = None) -> list[Part]:
    """Every part of a real workbook, honestly packed, some replaced."""
    replace = replace or {}
    out = []
    with zipfile.ZipFile(xlsx) as zf:
        for info in zf.infolist():
            data = replace.pop(info.filename, None)
            data = zf.read(info) if data is None else data
            out.append(Part(info.filename, deflated(data), len(data), zlib.crc32(data)))
    out += [Part(name, deflated(data), len(data), zlib.crc32(data)) for name, data in replace.items()]
    return out


def sheet_part(xlsx: Path, sheet: str) -> str:
    """The zip part holding ``sheet`` (openpyxl names them in order)."""
    names = openpyxl.load_workbook(xlsx, read_only=True).sheetnames
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def bomb(fees_xlsx: Path, out: Path, gigabytes: int = 3) -> Path:
    """The fee workbook with a shared-strings part of ``gigabytes`` GB (a few
    MB in the file), every header honest."""
    block = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    block = block * (MB // len(block))
    times = gigabytes * 1024
    strings = Part("xl/sharedStrings.xml", repeated(block, times), len(block) * times)
    return write_zip(out, [*parts_of(fees_xlsx), strings])


def liar(fees_xlsx: Path, out: Path) -> Path:
    """A sheet part whose headers say 20 KB and whose data inflates to 64 MB."""
    sheet = sheet_part(fees_xlsx, "labour")
    parts = parts_of(fees_xlsx)
    block = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>' * 1000
    for p in parts:
        if p.name == sheet:
            p.packed = repeated(block, 64 * MB // len(block))
            p.size = 20 * 1024
    return write_zip(out, parts)


LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
                     for n in range(1, 10))
          + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')


def laughs(fees_xlsx: Path, out: Path) -> Path:
    return write_zip(out, parts_of(fees_xlsx, {sheet_part(fees_xlsx, "labour"): LAUGHS}))


def watch_parse_and_write(monkeypatch: pytest.MonkeyPatch,
                          while_parsing: Callable[[], None] | None = None) -> list[str]:
    """Record, in order, each fee workbook parse ("parse", or "parse inside
    a write" when a write transaction is open) and each write transaction
    begun ("write begins"); ``while_parsing`` runs during each parse."""
    # Here, not at the top: the attack builders above need no database.
    from frontdesk.billing import schedules
    from frontdesk.db.engine import Database

    events: list[str] = []
    writing = [0]
    real_write = Database.write
    real_read = schedules.read_workbook

    def write(self: Database) -> Iterator[object]:
        events.append("write begins")
        writing[0] += 1
        try:
            yield from real_write.__wrapped__(self)  # type: ignore[attr-defined]
        finally:
            writing[0] -= 1

    def read_workbook(path: str | Path) -> object:
        events.append("parse inside a write" if writing[0] else "parse")
        if while_parsing is not None:
            while_parsing()
        return real_read(path)

    monkeypatch.setattr(Database, "write", contextlib.contextmanager(write))
    monkeypatch.setattr(schedules, "read_workbook", read_workbook)
    return events
