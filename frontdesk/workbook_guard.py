"""Opening an .xlsx workbook that may be hostile: the one door every
workbook the program reads goes through (a fee schedule, a shop's
head-office workbook, later a maker's settlement).

An .xlsx is a zip of XML parts.  A few megabytes can inflate to gigabytes
(a zip bomb), a part's header can lie about its size, an XML part can carry
a DOCTYPE whose entities expand a thousandfold (billion laughs), and a sheet
can hold a million rows or one row of a million cells.  Before openpyxl sees
the file, :func:`open_workbook` checks it against the limits of its purpose
(:class:`WorkbookLimits`, docs/rules.md#workbooks-read-from-outside):

- it is a zip; the file, the number of parts, every part's size and the
  whole uncompressed size are bounded, first by what the zip's directory
  says, then by inflating each part with a cap (a header that lies is caught
  as it lies, nothing is inflated past the cap);
- how much a part grew when inflated (its ratio) is bounded;
- every XML part is read once by expat with no DOCTYPE and no entity
  allowed, counting the rows and the cells of each row, the shared strings,
  and the length of each text;
- a part read whole by openpyxl (the shared strings, the styles, the
  workbook) has a smaller size limit than a worksheet, which is read row by
  row; a part is allowed a worksheet's size only when openpyxl would
  stream it (:func:`_streamed_worksheets`).

Rows are then read through :meth:`GuardedWorkbook.rows`, which stops at the
row and column limits whatever the sheet's dimension claims, and at the
reading's deadline.  Every refusal is an :class:`UnsafeWorkbook` naming the
file and the limit, in words for the person who chose the file.

The file is opened once and the same open file is checked and handed to
openpyxl, so it cannot be swapped in between.
"""

from __future__ import annotations

import logging
import posixpath
import struct
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree
from xml.parsers import expat

from frontdesk.errors import FrontDeskError
from frontdesk.i18n import N_, _

log = logging.getLogger(__name__)

KB = 1024
MB = 1024 * KB
GB = 1024 * MB
CHUNK = 256 * KB  # compressed bytes read at a time; inflated output is taken at most this much at a time
# A part smaller than this is not held to the ratio (a small part can be all repetition: a blank sheet).
RATIO_FLOOR = 1 * MB
# Excel's own limits: a cell holds at most 32,767 characters, a sheet 1,048,576 rows and 16,384 columns.
EXCEL_ROWS = 1_048_576
TEXT_CHARS = 32_767


@dataclass(frozen=True)
class WorkbookLimits:
    """What a workbook read for one purpose may be."""

    purpose: str  # N_(): what it is, e.g. "a fee schedule workbook"
    file_bytes: int  # the .xlsx file as it is on disk
    parts: int  # files inside the zip
    sheet_part_bytes: int  # a worksheet, inflated (read row by row)
    other_part_bytes: int  # any other part, inflated (read whole: shared strings, styles, the workbook)
    total_bytes: int  # every part, inflated
    ratio: int  # inflated / compressed, for a part of RATIO_FLOOR or more
    rows: int  # of a sheet, its header included
    columns: int  # cells in a row
    strings: int  # shared strings (each kept in memory while the workbook is open)
    string_chars: int  # the shared strings' characters, all together
    text_chars: int  # one text (a cell's value, a shared string)
    seconds: float  # the whole reading, checks included


# A fee schedule: at most 50,000 lines a sheet (a real one has hundreds).
FEE_SCHEDULE_ROWS = 50_000
FEE_SCHEDULE = WorkbookLimits(
    purpose=N_("a fee schedule workbook"), file_bytes=16 * MB, parts=500, sheet_part_bytes=32 * MB,
    other_part_bytes=16 * MB, total_bytes=128 * MB, ratio=100, rows=FEE_SCHEDULE_ROWS + 1, columns=32,
    strings=300_000, string_chars=8_000_000, text_chars=TEXT_CHARS, seconds=60.0)

# A maker's settlement standard: at most 5,000 lines (a real one has tens).
MAKER_STANDARD_ROWS = 5_000
MAKER_STANDARD = WorkbookLimits(
    purpose=N_("a maker's standard workbook"), file_bytes=8 * MB, parts=100, sheet_part_bytes=8 * MB,
    other_part_bytes=8 * MB, total_bytes=32 * MB, ratio=100, rows=MAKER_STANDARD_ROWS + 1, columns=32,
    strings=50_000, string_chars=2_000_000, text_chars=TEXT_CHARS, seconds=30.0)

# A shop's head-office workbook: as many rows as Excel can show (a year of a
# busy shop is some 20,000 tickets; the benchmark exports 100,000).
HEAD_OFFICE_ROWS = EXCEL_ROWS
HEAD_OFFICE = WorkbookLimits(
    purpose=N_("a head-office workbook"), file_bytes=1 * GB, parts=500, sheet_part_bytes=2 * GB,
    other_part_bytes=64 * MB, total_bytes=6 * GB, ratio=100, rows=HEAD_OFFICE_ROWS, columns=64,
    strings=1_000_000, string_chars=32_000_000, text_chars=TEXT_CHARS, seconds=20 * 60.0)


# A maker's monthly settlement: a row a claim (a busy center settles a few
# thousand a month with one maker).
SETTLEMENT_ROWS = 100_000
SETTLEMENT = WorkbookLimits(
    purpose=N_("a maker's settlement workbook"), file_bytes=32 * MB, parts=500, sheet_part_bytes=64 * MB,
    other_part_bytes=32 * MB, total_bytes=256 * MB, ratio=100, rows=SETTLEMENT_ROWS + 20, columns=64,
    strings=600_000, string_chars=16_000_000, text_chars=TEXT_CHARS, seconds=120.0)


class UnsafeWorkbook(FrontDeskError):
    """A workbook refused before or while it was read: ``reason`` says which
    limit (or that it is not a workbook); nothing was taken from it."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(_("{file}: {reason}").format(file=path.name, reason=reason))


def _size(n: int) -> str:
    """A size as people say it: 16 MB, 2 GB, 900 KB."""
    if n >= GB:
        return f"{n / GB:.3g} GB"
    if n >= MB:
        return f"{n / MB:.3g} MB"
    return f"{max(1, round(n / KB))} KB"


class _Refuse(Exception):
    """Raised inside the checks; turned into UnsafeWorkbook with the path."""


def _not_a_workbook() -> str:
    return _("not an Excel workbook (.xlsx), or the file is damaged")


def _too_slow(limits: WorkbookLimits) -> str:
    return _("reading it took longer than {seconds} seconds, the limit for {purpose}; nothing was taken from it").format(
        seconds=f"{limits.seconds:g}", purpose=_(limits.purpose))


def _now() -> float:
    return time.monotonic()


class _Deadline:
    def __init__(self, limits: WorkbookLimits) -> None:
        self.limits = limits
        self.at = _now() + limits.seconds

    def check(self) -> None:
        if _now() > self.at:
            raise _Refuse(_too_slow(self.limits))


# -- the zip ----------------------------------------------------------------------------------

EOCD = b"PK\x05\x06"  # end of central directory
ZIP64_LOCATOR = b"PK\x06\x07"
ZIP64_EOCD = b"PK\x06\x06"
LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a part's local file header (30 bytes)
DIRECTORY_ENTRY_BYTES = 1 * KB  # a part's entry in the zip's directory, its name included, at most (on average)


def _directory_claims(fh: IO[bytes], size: int) -> tuple[int, int]:
    """(parts, directory bytes) as the zip's end record says, read before
    zipfile reads the directory into memory; (0, 0) when there is none (not
    a zip: zipfile says so)."""
    back = min(size, 22 + 65535)
    fh.seek(size - back)
    tail = fh.read(back)
    at = tail.rfind(EOCD)
    if at < 0 or at + 22 > len(tail):
        return 0, 0
    entries, directory = struct.unpack_from("<HL", tail, at + 10)
    if entries == 0xFFFF or directory == 0xFFFFFFFF:  # zip64: the counts are in the zip64 end record
        locator = tail.rfind(ZIP64_LOCATOR, 0, at)
        if locator < 0 or locator + 20 > at:
            return 0, 0
        (offset,) = struct.unpack_from("<Q", tail, locator + 8)
        if offset + 56 > size:
            return 0, 0
        fh.seek(offset)
        record = fh.read(56)
        if record[:4] != ZIP64_EOCD:
            return 0, 0
        entries, directory = struct.unpack_from("<QQ", record, 32)
    return int(entries), int(directory)


def _check_directory(zf: zipfile.ZipFile, limits: WorkbookLimits) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.parts:
        raise _Refuse(_("it has {count} parts inside; {purpose} may have at most {limit}").format(
            count=len(infos), purpose=_(limits.purpose), limit=limits.parts))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _Refuse(_("it is encrypted (password protected): save it without a password"))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _Refuse(_not_a_workbook())
        _check_part_size(info.filename, info.file_size, limits.sheet_part_bytes, limits)
        if info.file_size >= RATIO_FLOOR and info.file_size > limits.ratio * max(1, info.compress_size):
            raise _Refuse(_ratio_message(info.filename, info.file_size, info.compress_size, limits))
        total += info.file_size
        if total > limits.total_bytes:
            raise _Refuse(_total_message(limits))
    return infos


def _check_part_size(name: str, size: int, cap: int, limits: WorkbookLimits) -> None:
    if size > cap:
        raise _Refuse(_("its part {part} inflates to more than {limit}, the limit for {purpose} (a zip bomb?)").format(
            part=name, limit=_size(cap), purpose=_(limits.purpose)))


def _ratio_message(name: str, size: int, packed: int, limits: WorkbookLimits) -> str:
    return _("its part {part} inflates from {packed} to {size}, more than {ratio} times, the limit for {purpose} "
             "(a zip bomb?)").format(part=name, packed=_size(packed), size=_size(size), ratio=limits.ratio,
                                     purpose=_(limits.purpose))


def _total_message(limits: WorkbookLimits) -> str:
    return _("its parts inflate to more than {limit} in all, the limit for {purpose} (a zip bomb?)").format(
        limit=_size(limits.total_bytes), purpose=_(limits.purpose))


def _inflate(fh: IO[bytes], info: zipfile.ZipInfo, limits: WorkbookLimits, deadline: _Deadline,
             room: int) -> Iterator[bytes]:
    """The part's bytes as they inflate, never more than its header says,
    the part limit or ``room`` (what the total limit leaves)."""
    fh.seek(info.header_offset)
    head = fh.read(LOCAL_HEADER.size)
    if len(head) != LOCAL_HEADER.size or head[:4] != b"PK\x03\x04":
        raise _Refuse(_not_a_workbook())
    fields = LOCAL_HEADER.unpack(head)
    fh.seek(info.header_offset + LOCAL_HEADER.size + fields[10] + fields[11])
    cap = min(limits.sheet_part_bytes, room)
    left = info.compress_size
    out = 0
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None

    def take(data: bytes) -> bytes:
        nonlocal out
        out += len(data)
        if out > info.file_size:
            raise _Refuse(_("its part {part} is larger than the zip says ({size}): the file was made to "
                            "deceive").format(part=info.filename, size=_size(info.file_size)))
        if out > cap:
            if cap == room:
                raise _Refuse(_total_message(limits))
            _check_part_size(info.filename, out, cap, limits)
        if out >= RATIO_FLOOR and out > limits.ratio * max(1, info.compress_size):
            raise _Refuse(_ratio_message(info.filename, out, info.compress_size, limits))
        return data

    while left > 0:
        deadline.check()
        packed = fh.read(min(CHUNK, left))
        if not packed:
            raise _Refuse(_not_a_workbook())
        left -= len(packed)
        if inflater is None:
            yield take(packed)
            continue
        try:
            data = inflater.decompress(packed, CHUNK)
            yield take(data)
            while inflater.unconsumed_tail:
                deadline.check()
                data = inflater.decompress(inflater.unconsumed_tail, CHUNK)
                yield take(data)
        except zlib.error as exc:
            raise _Refuse(_not_a_workbook()) from exc
    if inflater is not None:
        rest = inflater.flush()
        if rest:
            yield take(rest)
    if out != info.file_size:
        raise _Refuse(_not_a_workbook())


# -- the XML ----------------------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"  # openpyxl reads this namespace only
CELL, ROW, STRING = f"{MAIN} c", f"{MAIN} row", f"{MAIN} si"
WORKSHEET, STRINGS = f"{MAIN} worksheet", f"{MAIN} sst"
BYTES_PER_CHAR = 8  # at most, written as XML (a character reference such as &#x4E2D; is 8 bytes)


class _XmlCheck:
    """One part read by expat: no DOCTYPE, no entity.  In a worksheet the
    rows, the cells of each row and the bytes of each cell are counted as
    they pass; in the shared strings, the strings and their characters."""

    def __init__(self, name: str, limits: WorkbookLimits, counts: dict[str, int]) -> None:
        self.name = name
        self.limits = limits
        self.counts = counts  # shared strings, over every part
        self.rows = 0
        self.cells = 0
        self.fed = 0  # bytes given to expat
        self.last = 0  # where the last element began
        self.cell_bytes = limits.text_chars * BYTES_PER_CHAR
        self.root: str | None = None
        p = expat.ParserCreate(namespace_separator=" ")
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.buffer_text = True
        p.StartDoctypeDeclHandler = self._doctype
        p.EntityDeclHandler = self._entity
        p.StartElementHandler = self._root
        self.parser = p

    def _doctype(self, *_args: Any) -> None:
        raise _Refuse(_("its part {part} declares a DOCTYPE or entities (an XML trick to make it huge or to read "
                        "other files); a workbook never does").format(part=self.name))

    _entity = _doctype

    def _root(self, name: str, _attrs: Any) -> None:
        """The first element says what the part is; the handlers follow."""
        self.root = name
        if name == WORKSHEET:
            self.parser.StartElementHandler = self._sheet
        elif name == STRINGS:
            self.parser.StartElementHandler = self._strings
            self.parser.CharacterDataHandler = self._chars
        else:  # read whole by openpyxl: bounded by its size (other_part_bytes)
            self.parser.StartElementHandler = None

    def _sheet(self, name: str, _attrs: Any) -> None:
        self.last = self.parser.CurrentByteIndex
        if name == CELL:
            self.cells += 1
            if self.cells > self.limits.columns:
                raise _Refuse(_("its part {part} has a row of more than {limit} cells, the limit for {purpose}")
                              .format(part=self.name, limit=self.limits.columns, purpose=_(self.limits.purpose)))
        elif name == STRING:  # never in a worksheet; counted in case openpyxl is led to read it as strings
            self._strings(name, _attrs)
        elif name == ROW:
            self.cells = 0
            self.rows += 1
            if self.rows > self.limits.rows:
                raise _Refuse(_rows_message(_("a sheet ({part})").format(part=self.name), self.limits))

    def _strings(self, name: str, _attrs: Any) -> None:
        self.last = self.parser.CurrentByteIndex
        if name == STRING:
            self.counts["strings"] += 1
            if self.counts["strings"] > self.limits.strings:
                raise _Refuse(_("it holds more than {limit} shared texts, the limit for {purpose}").format(
                    limit=f"{self.limits.strings:,}", purpose=_(self.limits.purpose)))

    def _chars(self, data: str) -> None:
        self.counts["string_chars"] += len(data)
        if self.counts["string_chars"] > self.limits.string_chars:
            raise _Refuse(_("its shared texts hold more than {limit} characters in all, the limit for {purpose}")
                          .format(limit=f"{self.limits.string_chars:,}", purpose=_(self.limits.purpose)))

    def feed(self, data: bytes, final: bool = False) -> None:
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as exc:
            log.info("workbook part %s: %s", self.name, exc)
            raise _Refuse(_not_a_workbook()) from exc
        self.fed += len(data)
        if self.root in (WORKSHEET, STRINGS) and self.fed - self.last > self.cell_bytes + CHUNK:
            # A text (a cell's, a string's, or what lies between two elements) that long: openpyxl would hold it whole.
            raise _Refuse(_("its part {part} holds a cell or text of more than {limit} characters; a cell holds at "
                            "most {limit}").format(part=self.name, limit=f"{self.limits.text_chars:,}"))


def _rows_message(where: str, limits: WorkbookLimits) -> str:
    return _("{sheet} has more than {limit} rows, the limit for {purpose}").format(
        sheet=where, limit=f"{limits.rows:,}", purpose=_(limits.purpose))


def _looks_like_xml(first: bytes) -> bool:
    """A part openpyxl might parse as XML: it begins (after white space or a
    byte-order mark) with '<', in any encoding expat knows."""
    head = first.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head[:1] == b"<" or b"<\x00" in first[:8] or b"\x00<" in first[:8]


def _check_parts(fh: IO[bytes], infos: list[zipfile.ZipInfo], limits: WorkbookLimits, deadline: _Deadline) -> None:
    total = 0
    counts = {"strings": 0, "string_chars": 0}
    package: dict[str, bytes] = {}  # the content types and the relationships: what openpyxl reads as what
    large: list[str] = []  # worksheets over the smaller limit: allowed only if openpyxl streams them
    for info in infos:
        if info.is_dir():
            continue
        check: _XmlCheck | None = None
        first = True
        size = 0
        keep = _is_package_part(info.filename)
        kept: list[bytes] = []
        for data in _inflate(fh, info, limits, deadline, limits.total_bytes - total):
            size += len(data)
            if first and data:
                first = False
                if _looks_like_xml(data):
                    check = _XmlCheck(info.filename, limits, counts)
            if check is not None:
                check.feed(data)
            if size > limits.other_part_bytes and (keep or check is None or check.root not in (None, WORKSHEET)):
                # Not a worksheet: openpyxl would read it whole, so it has the smaller limit, checked at once.
                _check_part_size(info.filename, size, limits.other_part_bytes, limits)
            if keep:
                kept.append(data)
        total += size
        if check is not None:
            check.feed(b"", True)
            if check.root != WORKSHEET:
                _check_part_size(info.filename, size, limits.other_part_bytes, limits)
            elif size > limits.other_part_bytes:
                large.append(info.filename)
        if keep:
            package[info.filename] = b"".join(kept)
    if large:
        streamed = _streamed_worksheets(package)
        for name in large:
            if name not in streamed:
                # A worksheet's size, but openpyxl would read it whole (as shared strings, a link, styles...).
                _check_part_size(name, limits.other_part_bytes + 1, limits.other_part_bytes, limits)


CONTENT_TYPES = "[Content_Types].xml"
# Parts openpyxl reads whole by their fixed names.
READ_WHOLE = frozenset({CONTENT_TYPES, "xl/styles.xml", "xl/theme/theme1.xml", "docProps/core.xml",
                        "docProps/custom.xml", "docProps/app.xml"})
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKSHEET_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
PACKAGE_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _is_package_part(name: str) -> bool:
    return name == CONTENT_TYPES or name.endswith(".rels")


def _streamed_worksheets(package: dict[str, bytes]) -> set[str]:
    """The parts openpyxl reads row by row and never whole: a worksheet
    relationship's target, with no other relationship, content type or
    fixed name making openpyxl read it whole.  Targets are resolved as
    openpyxl resolves them (openpyxl.packaging.relationship.get_dependents)."""
    # The parts were checked by expat (no DOCTYPE, no entity) and are small.
    sheets: set[str] = set()
    whole: set[str] = set(READ_WHOLE)
    for name, data in package.items():
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError:
            continue  # openpyxl fails on it as well
        if name == CONTENT_TYPES:
            for override in root.iter(f"{PACKAGE_NS}Override"):
                part = (override.get("PartName") or "").lstrip("/")
                if override.get("ContentType") != WORKSHEET_TYPE:
                    whole.add(part)
            continue
        whole.add(name)
        parent = posixpath.split(posixpath.dirname(name))[0]
        for rel in root.iter(f"{RELATIONS_NS}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(parent, target))
            (sheets if rel.get("Type") == WORKSHEET_RELATION else whole).add(target)
    return sheets - whole


def check_file(fh: IO[bytes], path: Path, limits: WorkbookLimits, deadline: _Deadline | None = None) -> None:
    """Refuse (:class:`UnsafeWorkbook`) a file that breaks ``limits``; the
    file is read but not parsed by openpyxl."""
    deadline = deadline or _Deadline(limits)
    try:
        fh.seek(0, 2)
        size = fh.tell()
        if size > limits.file_bytes:
            raise _Refuse(_("the file is {size}; {purpose} may be at most {limit}").format(
                size=_size(size), purpose=_(limits.purpose), limit=_size(limits.file_bytes)))
        fh.seek(0)
        if fh.read(4) != b"PK\x03\x04":
            raise _Refuse(_not_a_workbook())
        entries, directory = _directory_claims(fh, size)
        if entries > limits.parts or directory > limits.parts * DIRECTORY_ENTRY_BYTES:
            count = entries if entries > limits.parts else f"~{directory // 46:,}"  # 46: an entry's fixed bytes
            raise _Refuse(_("it has {count} parts inside; {purpose} may have at most {limit}").format(
                count=count, purpose=_(limits.purpose), limit=limits.parts))
        fh.seek(0)
        try:
            zf = zipfile.ZipFile(fh)
        except Exception as exc:  # whatever zipfile raises on a damaged directory
            raise _Refuse(_not_a_workbook()) from exc
        with zf:
            infos = _check_directory(zf, limits)
        _check_parts(fh, infos, limits, deadline)
    except _Refuse as exc:
        log.info("workbook refused: %s: %s", path, exc)
        raise UnsafeWorkbook(path, str(exc)) from None
    finally:
        fh.seek(0)


# -- reading ----------------------------------------------------------------------------------

class GuardedWorkbook:
    """An openpyxl read-only workbook, read only through :meth:`rows`."""

    def __init__(self, wb: Any, path: Path, limits: WorkbookLimits, deadline: _Deadline) -> None:
        self._wb = wb
        self.path = path
        self.limits = limits
        self._deadline = deadline

    @property
    def sheetnames(self) -> list[str]:
        return list(self._wb.sheetnames)

    def rows(self, sheet: str, min_row: int = 1, max_row: int | None = None,
             max_col: int | None = None) -> Iterator[tuple[Any, ...]]:
        """The sheet's rows from ``min_row`` as tuples of values (at most
        ``max_col`` or the column limit wide).  A row past the limit, or the
        deadline passed, refuses the workbook (:class:`UnsafeWorkbook`)."""
        limits = self.limits
        width = min(max_col or limits.columns, limits.columns)
        number = min_row
        try:
            ws = self._wb[sheet]
            # The sheet's own dimension may lie: ignore it (too small hides rows, too big pads every row).
            ws.reset_dimensions()
            for row in ws.iter_rows(min_row=min_row, max_row=max_row, max_col=width, values_only=True):
                if number > limits.rows:
                    raise _Refuse(_rows_message(_("the sheet {sheet}").format(sheet=sheet), limits))
                self._deadline.check()
                yield row
                number += 1
        except _Refuse as exc:
            log.info("workbook refused: %s: %s", self.path, exc)
            raise UnsafeWorkbook(self.path, str(exc)) from None
        except Exception as exc:  # whatever openpyxl raises on a damaged file
            log.info("workbook %s, sheet %s: %r", self.path, sheet, exc)
            raise UnsafeWorkbook(self.path, _not_a_workbook()) from exc


@contextmanager
def open_workbook(path: str | Path, limits: WorkbookLimits, *, data_only: bool = True) -> Iterator[GuardedWorkbook]:
    """Open ``path`` for reading within ``limits``; see the module docstring.
    A missing file, a file that is not a workbook and a file over a limit
    are all :class:`UnsafeWorkbook`, with the reason."""
    # Here, not at the top: openpyxl loads only when a workbook is read.
    from openpyxl import load_workbook

    source = Path(path)
    deadline = _Deadline(limits)
    try:
        fh = source.open("rb")
    except FileNotFoundError:
        raise UnsafeWorkbook(source, _("the file does not exist")) from None
    except IsADirectoryError:
        raise UnsafeWorkbook(source, _("it is a folder, not a file")) from None
    except OSError as exc:
        raise UnsafeWorkbook(source, _("the file cannot be read: {error}").format(error=exc.strerror or exc)) from None
    with fh:
        check_file(fh, source, limits, deadline)
        try:
            wb = load_workbook(fh, read_only=True, data_only=data_only)
        except Exception as exc:  # whatever openpyxl raises on a damaged file
            log.info("workbook %s: %r", source, exc)
            raise UnsafeWorkbook(source, _not_a_workbook()) from exc
        try:
            yield GuardedWorkbook(wb, source, limits, deadline)
        finally:
            wb.close()


__all__ = ["FEE_SCHEDULE", "FEE_SCHEDULE_ROWS", "GuardedWorkbook", "HEAD_OFFICE", "HEAD_OFFICE_ROWS", "MAKER_STANDARD",
           "MAKER_STANDARD_ROWS", "SETTLEMENT", "SETTLEMENT_ROWS", "UnsafeWorkbook", "WorkbookLimits", "check_file",
           "open_workbook"]
