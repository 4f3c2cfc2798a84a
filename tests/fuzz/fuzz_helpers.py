"""Strategies and checks shared by the fuzz tests (imported as tests.fuzz.fuzz_helpers).

Every input either gets a clear domain error (a ValidationError naming the
field with a sentence, or another FrontDeskError) or is stored exactly; any
other exception fails the test, and a refused input must leave the database
as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from frontdesk.db.engine import Database
from frontdesk.db.models import NumberSequence
from frontdesk.errors import FrontDeskError, ValidationError

FUZZ = settings(max_examples=60, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

SQL = ["'; DROP TABLE tickets; --", "Robert'); DROP TABLE customers;--", "' OR '1'='1", "%s %(x)s {0} {name}",
       "\\x00\\'", "1; DELETE FROM receipts"]
CONTROL = ["\x00", "a\x00b", "\x1b[31mred\x1b[0m", "line\rline", "\r\n", "\x07\x08\x0b\x0c", "\x7f", "\x85\x9f",
           "tab\there", "two\nlines"]
RTL = ["\u202etxet", "שלום עולם", "مرحبا بالعالم", "abc\u200fdef", "\u2067isolate\u2069"]
ASTRAL = ["😀👍🏽👨‍👩‍👧", "𠜎𠜱𠝹", "\U0010ffff", "\ufeffbom", "e\u0301\u0301\u0301", "𝟏𝟐𝟑", "张三",
          "\ud7ff\ue000"]
SPECIAL = SQL + CONTROL + RTL + ASTRAL + ["", " ", "   \t  ", "\u2028\u2029", "\u3000全角空格\u3000"]

_chars = st.characters(codec="utf-8")  # any code point a str can hold in UTF-8 (no lone surrogates)
short_text = st.text(_chars, max_size=40)


def _repeat(piece: str, times: int) -> str:
    return (piece or "x") * times


long_text = st.builds(_repeat, st.sampled_from(["a", "张", "😀", "\u202e", "ab\x00", "x "]),
                      st.integers(100, 6000))
nasty_text = st.one_of(st.sampled_from(SPECIAL), short_text,
                       st.builds(lambda a, b: a + b, st.sampled_from(SPECIAL), short_text), long_text)

far_dates = st.one_of(st.sampled_from([date(1, 1, 1), date(1, 12, 31), date(1899, 12, 31), date(1970, 1, 1),
                                       date(2999, 12, 31), date(9999, 12, 31), date(9999, 1, 1)]),
                      st.dates())

AMOUNT_TEXT = ["1e30", "0.001", "NaN", "-NaN", "sNaN", "Infinity", "-Infinity", "-0", "0", "0.00", "-1", "-0.01",
               "1e-30", "1E+5", "99999999999", "12,34", "¥1,234.50", "", " ", "abc", "1e999999999",
               "1" * 40, "0x10", "½", "١٢٣", "1_000", "+5", "5.", ".5", "\x005"]
amounts = st.one_of(
    st.sampled_from([Decimal(t) for t in ("1e30", "0.001", "NaN", "Infinity", "-Infinity", "-0", "0", "-5",
                                           "1e-30", "12345678901.23", "9999999999.99", "1E+5", "sNaN")]),
    st.sampled_from(AMOUNT_TEXT),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=2),
    st.integers(-10**20, 10**20),
    short_text,
)

PHONES = ["", "+", "++86", "0", "1", "138", "13812345678", "+86 138 1234 5678", "(010) 6234-5678",
          "1" * 60, "+999 1234", "00000000000", "138-1234-5678 ", "１３８１２３４５６７８", "١٣٨١٢٣٤٥٦٧٨",
          "𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "138\x0012345678", "138\n12345678", "+86 (138) ..-//", "13812345678x99",
          "tel:13812345678", "'; DROP TABLE tickets; --", "+1 202 555 0143", "+44 20 7946 0958", "--", "()",
          "+8613812345678" * 3]
phones = st.one_of(st.sampled_from(PHONES), st.text(st.sampled_from("0123456789 +-()./"), max_size=30),
                   short_text)


def is_sentence(text: str) -> bool:
    return isinstance(text, str) and len(text.strip()) >= 3


def expect_refusal(exc: BaseException, fields: Iterable[str] | None = None) -> None:
    """A refusal must be a FrontDeskError with a message; a ValidationError
    names one of ``fields`` (when given) with a sentence for each field."""
    assert isinstance(exc, FrontDeskError), f"unexpected {type(exc).__name__}: {exc!r}"
    assert is_sentence(exc.message), exc
    if isinstance(exc, ValidationError):
        assert exc.fields, exc
        for key, msg in exc.fields.items():
            assert is_sentence(msg), (key, msg)
        if fields is not None:
            wanted = set(fields)
            assert wanted & set(exc.fields), f"{sorted(exc.fields)} names none of {sorted(wanted)}: {exc.fields}"


def counts(session: Session, *models: Any) -> dict[str, int]:
    return {m.__tablename__: int(session.scalar(select(func.count()).select_from(m)) or 0) for m in models}


def attempt(work: Callable[[], Any]) -> tuple[Any, FrontDeskError | None]:
    """Run ``work``; a FrontDeskError is an answer, anything else propagates
    (and fails the test with its traceback)."""
    try:
        return work(), None
    except FrontDeskError as exc:
        return None, exc


def nfc_clean(text: str) -> str:
    """What intake keeps of a typed text: control characters (but newline and
    tab) dropped, then the ends trimmed."""
    return "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32).strip()


def flat(text: str) -> str:
    """What a one-line field keeps: white space (line breaks too) made single
    spaces, other control characters dropped."""
    kept = "".join(ch for ch in text if ch.isspace() or ord(ch) >= 32)
    return " ".join(kept.split())


def row(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}


REFUSED = object()


class Guard:
    """What a refused input must leave as it was: the rows ``rows`` reads,
    the number of rows in ``models`` and every number sequence (receipt,
    ticket and card counters).  Subclasses set up their data, then call
    ``Guard.__init__``."""

    def __init__(self, db: Database, models: Sequence[Any]) -> None:
        self.db = db
        self.models = tuple(models)
        self.snapshot = self.take()

    def rows(self, session: Session) -> dict[str, Any]:
        return {}

    def take(self) -> dict[str, Any]:
        with self.db.read() as s:
            return {"rows": self.rows(s), "counts": counts(s, *self.models),
                    "seqs": sorted(str(row(n)) for n in s.scalars(select(NumberSequence)))}

    def unchanged(self) -> None:
        assert self.take() == self.snapshot

    def refresh(self) -> None:
        self.snapshot = self.take()

    def fetch(self, model: Any, ident: Any) -> Any:
        """The row as stored now (read in a session of its own, detached)."""
        with self.db.read() as s:
            obj = s.get(model, ident)
            assert obj is not None, (model, ident)
            s.expunge(obj)
            return obj

    def write(self, work: Callable[[Session], Any], fields: Iterable[str] | None = None) -> Any:
        """``work`` in one write transaction: its result, or REFUSED when it
        was refused (the refusal checked, nothing changed)."""
        try:
            with self.db.write() as s:
                return work(s)
        except FrontDeskError as exc:
            expect_refusal(exc, fields)
            self.unchanged()
            return REFUSED

    def saved(self, work: Callable[[Session], Any], model: Any, fields: Iterable[str] | None = None) -> Any:
        """The ``model`` row whose id ``work`` returns, as stored, or None
        when ``work`` was refused (the refusal checked, nothing changed)."""
        ident = self.write(work, fields)
        if ident is REFUSED:
            return None
        self.refresh()
        return self.fetch(model, ident)
