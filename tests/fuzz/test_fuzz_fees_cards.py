"""Fuzzing what a manager types on the fee schedule and warranty-card
screens: names, notes, codes, descriptions, prices and distances.  Refused
with the line or field named, or stored as typed (control characters
dropped); a refusal leaves the schedules and cards as they were."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from frontdesk.billing import schedules
from frontdesk.billing.cards import CardEditionDraft, CardLineDraft, save_card_edition
from frontdesk.billing.models import CardEdition, CardLine, FeeLine, FeeSchedule
from frontdesk.billing.pricing import KINDS
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW
from tests.fuzz.fuzz_helpers import FUZZ, Guard, flat, nasty_text, nfc_clean

MODELS = (FeeSchedule, FeeLine, CardEdition, CardLine, AuditRecord)
_days = itertools.count(1)
prices = st.one_of(st.none(), st.sampled_from([Decimal(v) for v in ("1e30", "0.001", "NaN", "Infinity", "-0", "0",
                                                                     "-5", "9999999999.99", "1e10", "sNaN")]),
                   st.decimals(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20))
kinds = st.one_of(st.sampled_from(sorted(KINDS)), nasty_text)
codes = st.one_of(st.sampled_from(["", "medium", "minor", "BX-THERM"]), nasty_text)


def stored_descriptions(db: Database, schedule_id: int) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(FeeLine.description).where(FeeLine.schedule_id == schedule_id)))


def test_fee_schedule_typed(db: Database, users: tuple[Actor, Actor]) -> None:
    manager = users[0]
    guard = Guard(db, MODELS)
    line = st.builds(schedules.FeeLineDraft, kind=kinds, price=prices,
                     category=st.one_of(st.sampled_from(["*", "refrigerator", ""]), nasty_text), code=codes,
                     description=nasty_text, component=st.one_of(st.sampled_from(["", "compressor"]), nasty_text),
                     free_km=prices, per_km=prices)

    plausible = st.builds(schedules.FeeLineDraft, kind=st.just("inspection"), price=st.just(Decimal("30.00")),
                          category=st.just("*"), description=nasty_text)

    @FUZZ
    @given(name=nasty_text, note=nasty_text, lines=st.one_of(st.lists(plausible, min_size=1, max_size=1),
                                                             st.lists(line, min_size=1, max_size=3)))
    def run(name: str, note: str, lines: list[schedules.FeeLineDraft]) -> None:
        draft = schedules.ScheduleDraft(name=name, effective_from=date(2027, 1, 1).replace(day=1 + next(_days) % 28),
                                        note=note, lines=lines)
        schedule = guard.saved(lambda s: schedules.save_schedule(s, manager, draft, now=NOW).id, FeeSchedule)
        if schedule is not None:
            assert (schedule.name, schedule.note) == (flat(name), nfc_clean(note))
            assert stored_descriptions(db, schedule.id) == sorted(flat(ln.description) for ln in lines)

    run()


def test_card_edition_typed(db: Database, users: tuple[Actor, Actor]) -> None:
    manager = users[0]
    guard = Guard(db, MODELS)
    n = itertools.count(1)
    line = st.builds(CardLineDraft, kind=kinds, price=prices, code=codes, description=nasty_text,
                     covers=st.lists(st.one_of(st.sampled_from(sorted(KINDS)), nasty_text), max_size=2))

    @FUZZ
    @given(brand=nasty_text, edition=nasty_text, note=nasty_text, lines=st.lists(line, max_size=3))
    def run(brand: str, edition: str, note: str, lines: list[CardLineDraft]) -> None:
        draft = CardEditionDraft(brand, "refrigerator", f"{edition}{next(n)}", note, lines)

        stored = guard.saved(lambda s: save_card_edition(s, manager, draft, now=NOW).id, CardEdition)
        if stored is not None:
            assert (stored.brand, stored.edition, stored.note) == (flat(brand), flat(draft.edition), nfc_clean(note))

    run()

