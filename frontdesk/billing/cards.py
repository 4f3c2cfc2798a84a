"""Warranty-card standards: the rates a maker prints on the card of each card
edition (brand x product category x edition), bundles included (labour that
includes the visit).  A manager keeps them; quotes copy the rates they used,
so correcting an edition later does not change a quote already made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk import audit, clock, settings
from frontdesk.billing.models import CardEdition, CardLine
from frontdesk.billing.pricing import KINDS, LABOUR, LEVELS, PART, CardView, kind_label, line_key, normalize_code
from frontdesk.billing.tax import convert
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Ticket
from frontdesk.errors import Conflict, ValidationError
from frontdesk.i18n import _
from frontdesk.intake.warranty import category_label, load_category_rules
from frontdesk.money import ZERO, round_money
from frontdesk.plaintext import one_line, trimmed
from frontdesk.users import Actor, require_manager

log = logging.getLogger(__name__)


@dataclass
class CardLineDraft:
    """A rate on the card.  ``covers``: the kinds this line includes (a
    bundle), e.g. ``["visit"]`` on a labour line."""

    kind: str
    price: Decimal | None
    code: str = ""
    description: str = ""
    covers: list[str] = field(default_factory=list)


@dataclass
class CardEditionDraft:
    brand: str
    category: str
    edition: str
    note: str = ""
    lines: list[CardLineDraft] = field(default_factory=list)
    id: int | None = None  # an edition to change; None: a new one
    includes_tax: bool | None = None  # the rates include VAT; None: as the shop's setting says


@dataclass(frozen=True)
class CardLineInfo:
    kind: str
    code: str
    description: str
    price: Decimal
    covers: tuple[str, ...]


@dataclass(frozen=True)
class CardEditionInfo:
    id: int
    brand: str
    category: str
    edition: str
    note: str
    lines: tuple[CardLineInfo, ...]

    @property
    def label(self) -> str:
        """What a pick list shows: "Haier · Refrigerator · 2024版"."""
        return f"{self.brand} · {category_label(self.category)} · {self.edition}"

    @property
    def has_bundles(self) -> bool:
        return any(line.covers for line in self.lines)


def _info(edition: CardEdition) -> CardEditionInfo:
    return CardEditionInfo(
        edition.id, edition.brand, edition.category, edition.edition, edition.note,
        tuple(CardLineInfo(ln.kind, ln.code, ln.description, ln.price, tuple(ln.covers or ())) for ln in edition.lines),
    )


MAX_PRICE = Decimal("1e10")  # Numeric(12, 2) holds less


def card_editions(session: Session, brand: str | None = None, category: str | None = None) -> list[CardEditionInfo]:
    """Editions, by brand, category and edition; ``brand`` matches without
    regard to case."""
    query = select(CardEdition).order_by(CardEdition.brand, CardEdition.category, CardEdition.edition)
    if brand:
        query = query.where(func.lower(CardEdition.brand) == brand.strip().lower())
    if category:
        query = query.where(CardEdition.category == category)
    return [_info(e) for e in session.scalars(query)]


def get_card_edition(session: Session, edition_id: int) -> CardEdition:
    edition = get_or_not_found(session, CardEdition, edition_id, _("No such warranty-card edition."))
    return edition


def card_edition_info(session: Session, edition_id: int) -> CardEditionInfo:
    return _info(get_card_edition(session, edition_id))


def card_view(edition: CardEdition, *, rate: Decimal = ZERO, prices_include_tax: bool | None = None) -> CardView:
    """The edition as :func:`~frontdesk.billing.pricing.price_quote` takes
    it, its rates on the basis asked (with or without VAT at ``rate``;
    None: as the card states them)."""
    basis = edition.includes_tax if prices_include_tax is None else prices_include_tax
    return CardView(
        prices={line_key(ln.kind, ln.code): convert(ln.price, rate, from_included=edition.includes_tax,
                                                    to_included=basis) for ln in edition.lines},
        bundles={line_key(ln.kind, ln.code): frozenset(ln.covers) for ln in edition.lines if ln.covers},
        name=f"{edition.brand} {edition.edition}",
    )


def card_draft(session: Session, edition_id: int) -> CardEditionDraft:
    edition = get_card_edition(session, edition_id)
    return CardEditionDraft(
        brand=edition.brand, category=edition.category, edition=edition.edition, note=edition.note, id=edition.id,
        includes_tax=edition.includes_tax,
        lines=[CardLineDraft(ln.kind, ln.price, ln.code, ln.description, list(ln.covers or ())) for ln in edition.lines],
    )


def _tidy_text(draft: CardEditionDraft) -> CardEditionDraft:
    """The draft's texts without control characters: names on one line, the
    note's ends trimmed."""
    return replace(draft, brand=one_line(draft.brand), edition=one_line(draft.edition),
                   note=trimmed(draft.note),
                   lines=[replace(ln, code=one_line(ln.code), description=one_line(ln.description))
                          for ln in draft.lines])


def _check(draft: CardEditionDraft) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not draft.brand.strip():
        problems["brand"] = _("Enter the brand.")
    elif len(draft.brand.strip()) > 80:
        problems["brand"] = _("The brand is too long (at most 80 characters).")
    if draft.category not in load_category_rules():
        problems["category"] = _("Unknown product category: {category}").format(category=draft.category)
    if not draft.edition.strip():
        problems["edition"] = _("Enter the card edition (as printed on the card).")
    elif len(draft.edition.strip()) > 80:
        problems["edition"] = _("The edition is too long (at most 80 characters).")
    seen: set[tuple[str, str]] = set()
    for n, line in enumerate(draft.lines, start=1):
        where = f"line {n}"
        if line.kind not in KINDS:
            problems[where] = _("Line {n}: unknown kind of line {kind}.").format(n=n, kind=line.kind)
            continue
        code = normalize_code(line.kind, line.code)
        if line.kind == LABOUR and code not in LEVELS:
            problems[where] = _("Line {n}: the level must be one of: {levels}.").format(n=n, levels=", ".join(LEVELS))
        elif line.kind == PART and not code:
            problems[where] = _("Line {n}: a part needs its part number.").format(n=n)
        elif line.price is None:
            problems[where] = _("Line {n}: the price is missing.").format(n=n)
        elif isinstance(line.price, float):
            raise TypeError(f"a card price must be a Decimal, not a float ({line.price!r})")
        elif (not isinstance(line.price, (Decimal, int)) or isinstance(line.price, bool)
              or not Decimal(line.price).is_finite()):
            problems[where] = _("Line {n}: the price is not a number.").format(n=n)
        elif line.price >= MAX_PRICE:
            problems[where] = _("Line {n}: the price is too large.").format(n=n)
        elif line.price < 0 or round_money(Decimal(line.price)) != line.price:
            problems[where] = _("Line {n}: a price is not negative and has at most two decimal places.").format(n=n)
        elif any(k not in KINDS or k == line.kind for k in line.covers):
            problems[where] = _("Line {n}: a bundle includes other kinds of line ({kinds}).").format(
                n=n, kinds=", ".join(k for k in KINDS if k != line.kind))
        elif len(code) > 60:
            problems[where] = _("Line {n}: the code is too long (at most 60 characters).").format(n=n)
        elif len(line.description) > 200:
            problems[where] = _("Line {n}: the description is too long.").format(n=n)
        elif (line.kind, code) in seen:
            problems[where] = _("Line {n}: the same line twice ({what}).").format(
                n=n, what=f"{kind_label(line.kind)} {code}".strip())
        seen.add((line.kind, code))
    return problems


def save_card_edition(session: Session, actor: Actor, draft: CardEditionDraft, approver: Actor | None = None,
                      now: datetime | None = None) -> CardEdition:
    """Add an edition, or change the one ``draft.id`` names (a manager's act)."""
    manager = require_manager(actor, approver, _("change warranty-card standards"))
    draft = _tidy_text(draft)
    problems = _check(draft)
    brand, edition_name = draft.brand.strip(), draft.edition.strip()
    clash = session.scalar(select(CardEdition.id).where(
        func.lower(CardEdition.brand) == brand.lower(), CardEdition.category == draft.category,
        CardEdition.edition == edition_name))
    if clash is not None and clash != draft.id:
        problems["edition"] = _("This card edition is already recorded.")
    if problems:
        raise ValidationError(problems)
    now = now or clock.now()
    basis = bool(settings.get(session, "prices_include_tax")) if draft.includes_tax is None else draft.includes_tax
    if draft.id is None:
        edition = CardEdition(created_at=now, created_by_id=actor.id)
        session.add(edition)
        action = "card_edition.add"
    else:
        edition = get_card_edition(session, draft.id)
        edition.lines.clear()
        session.flush()  # old lines go before new ones with the same keys arrive
        action = "card_edition.change"
    edition.brand, edition.category, edition.edition = brand, draft.category, edition_name
    edition.note = draft.note.strip()
    edition.includes_tax = basis
    edition.updated_at = now
    for line in draft.lines:
        assert line.price is not None
        edition.lines.append(CardLine(
            kind=line.kind, code=normalize_code(line.kind, line.code), description=line.description.strip(),
            price=round_money(Decimal(line.price)), covers=sorted(set(line.covers)),
        ))
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:  # another counter saved the same edition a moment ago
        raise Conflict(_("This card edition was just recorded at another counter.")) from exc
    audit.record(session, actor.id, action, "card_edition", edition.id, {
        "brand": brand, "category": draft.category, "edition": edition_name, "lines": len(draft.lines),
    }, approver_id=manager.id, at=now)
    return edition


def suggest_card_edition(session: Session, ticket_id: int) -> int | None:
    """The edition matching the card shown at intake (brand, category and
    the edition written on the product), if one is recorded."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.product is None or not ticket.product.card_shown:
        return None
    product = ticket.product
    written = (product.card_edition or "").strip()
    if not written:
        return None
    return session.scalar(select(CardEdition.id).where(
        func.lower(CardEdition.brand) == (product.brand or "").strip().lower(),
        CardEdition.category == product.category, CardEdition.edition == written))


__all__ = [
    "CardEditionDraft", "CardEditionInfo", "CardLineDraft", "CardLineInfo", "card_draft", "card_edition_info",
    "card_editions", "card_view", "get_card_edition", "save_card_edition", "suggest_card_edition",
]
