"""Old parts that go back to their maker: the tags, the return batches they
are scanned into, and the parts still owed
(docs/rules.md#old-parts-that-go-back).

An old part is tagged when its claim is drafted (frontdesk.claims.service):
its tag (P2026-000001) is the QR code on its label.  A batch (B2026-000001)
is one box for one maker: the tags are scanned into it, it is shipped with
its carrier and waybill, and from then on nothing goes in or out.  A part
the maker wants back and that no shipped batch holds is owed: ``late``
after its return date, ``due_soon`` within :data:`SOON_DAYS` of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.claims.models import Claim, Maker, OldPart, ReturnBatch
from frontdesk.claims.standards import find_maker
from frontdesk.db.models import Ticket
from frontdesk.errors import Conflict, IllegalTransition, NotFound, ValidationError
from frontdesk.i18n import N_, _
from frontdesk.numbering import format_number, next_number
from frontdesk.users import Actor

LATE = "late"
DUE_SOON = "due_soon"
SOON_DAYS = 3
FLAGS = {LATE: N_("late"), DUE_SOON: N_("due soon")}


def scanned(text: str) -> str:
    """A tag or number as a scanner or a person gives it: spaces off, upper case."""
    return (text or "").strip().upper()


def find_batch(session: Session, number: str) -> ReturnBatch:
    """The return batch numbered ``number`` (as typed or scanned)."""
    batch = session.scalar(select(ReturnBatch).where(ReturnBatch.number == scanned(number)))
    if batch is None:
        raise NotFound(_("No return batch is numbered {number}.").format(number=scanned(number) or number))
    return batch


def _batch(session: Session, batch_id: int, lock: bool = False) -> ReturnBatch:
    query = select(ReturnBatch).where(ReturnBatch.id == batch_id)
    batch = session.scalar(query.with_for_update() if lock else query)
    if batch is None:
        raise NotFound(_("No return batch has the id {id}.").format(id=batch_id))
    return batch


def _open(batch: ReturnBatch) -> None:
    if batch.shipped_on is not None:
        raise IllegalTransition(_("Batch {batch} was shipped on {date}: nothing goes in or out of it any more; "
                                  "put the part in a new batch.").format(batch=batch.number,
                                                                         date=batch.shipped_on.isoformat()))


def _part(session: Session, tag: str) -> OldPart:
    """The old part tagged ``tag``, locked until the transaction ends (two
    counters scanning one tag into two boxes: the second waits, then sees
    the first)."""
    part = session.scalar(select(OldPart).where(OldPart.tag == scanned(tag)).with_for_update())
    if part is None:
        raise NotFound(_("No old part has the tag {tag}: check the label, or print the tag again from its "
                         "ticket.").format(tag=scanned(tag) or tag))
    return part


def open_batch(session: Session, actor: Actor, maker_code: str, now: datetime | None = None) -> ReturnBatch:
    """A new, empty return batch for the maker coded ``maker_code``."""
    now = now or clock.now()
    maker = find_maker(session, maker_code)
    number = format_number("B", now.year, next_number(session, "batch", now.year))
    batch = ReturnBatch(number=number, maker_id=maker.id, created_at=now, created_by_id=actor.id)
    session.add(batch)
    session.flush()
    audit.record(session, actor.id, "oldparts.batch_open", "return_batch", batch.id,
                 {"number": number, "maker": maker.code}, at=now)
    return batch


def scan_into_batch(session: Session, actor: Actor, batch_id: int, tag: str,
                    now: datetime | None = None) -> OldPart:
    """Put the old part tagged ``tag`` into the batch.  Refused when the tag
    is unknown, the part goes to another maker, is in a batch already, or
    its maker does not want it back; and once the batch is shipped."""
    now = now or clock.now()
    batch = _batch(session, batch_id, lock=True)
    _open(batch)
    part = _part(session, tag)
    claim = session.get(Claim, part.claim_id)
    assert claim is not None
    maker = session.get(Maker, claim.maker_id)
    assert maker is not None
    if claim.maker_id != batch.maker_id:
        ours = session.get(Maker, batch.maker_id)
        raise Conflict(_("Old part {tag} goes back to {maker}, not to {other}: put it in a batch for "
                         "{maker}.").format(tag=part.tag, maker=maker.name, other=ours.name if ours else ""))
    if part.batch_id == batch.id:
        raise Conflict(_("Old part {tag} is already in this batch ({batch}).").format(tag=part.tag,
                                                                                     batch=batch.number))
    if part.batch_id is not None:
        other = session.get(ReturnBatch, part.batch_id)
        assert other is not None
        if other.shipped_on is not None:
            raise Conflict(_("Old part {tag} went back in batch {batch}, shipped on {date}.").format(
                tag=part.tag, batch=other.number, date=other.shipped_on.isoformat()))
        raise Conflict(_("Old part {tag} is already in batch {batch}: take it out of that batch first.").format(
            tag=part.tag, batch=other.number))
    if not part.must_return:
        raise Conflict(_("{maker} does not want old part {tag} back: keep it out of the box.").format(
            maker=maker.name, tag=part.tag))
    part.batch_id = batch.id
    session.flush()
    audit.record(session, actor.id, "oldparts.scan", "old_part", part.id,
                 {"tag": part.tag, "batch": batch.number}, at=now)
    return part


def remove_from_batch(session: Session, actor: Actor, batch_id: int, tag: str,
                      now: datetime | None = None) -> OldPart:
    """Take the old part tagged ``tag`` out of the batch (not once shipped)."""
    now = now or clock.now()
    batch = _batch(session, batch_id, lock=True)
    _open(batch)
    part = _part(session, tag)
    if part.batch_id != batch.id:
        raise Conflict(_("Old part {tag} is not in batch {batch}.").format(tag=part.tag, batch=batch.number))
    part.batch_id = None
    session.flush()
    audit.record(session, actor.id, "oldparts.remove", "old_part", part.id,
                 {"tag": part.tag, "batch": batch.number}, at=now)
    return part


def ship_batch(session: Session, actor: Actor, batch_id: int, shipped_on: date, carrier: str, waybill: str,
               note: str = "", now: datetime | None = None) -> ReturnBatch:
    """The batch leaves with ``carrier`` under ``waybill`` on ``shipped_on``;
    no more scans after.  Refused when it is empty or already shipped, or
    without a carrier and a waybill number."""
    now = now or clock.now()
    batch = _batch(session, batch_id, lock=True)
    _open(batch)
    carrier, waybill = (carrier or "").strip(), (waybill or "").strip()
    problems = {}
    if not carrier:
        problems["carrier"] = _("Say which carrier takes batch {batch}.").format(batch=batch.number)
    if not waybill:
        problems["waybill"] = _("Say the waybill number of batch {batch}: the maker traces the box by it.").format(
            batch=batch.number)
    if problems:
        raise ValidationError(problems)
    count = session.scalar(select(func.count()).select_from(OldPart).where(OldPart.batch_id == batch.id)) or 0
    if not count:
        raise IllegalTransition(_("Batch {batch} is empty: scan the old parts into it before shipping it.").format(
            batch=batch.number))
    batch.shipped_on = shipped_on
    batch.carrier = carrier
    batch.waybill = waybill
    batch.note = (note or "").strip()
    session.flush()
    audit.record(session, actor.id, "oldparts.ship", "return_batch", batch.id,
                 {"number": batch.number, "shipped_on": shipped_on, "carrier": carrier, "waybill": waybill,
                  "parts": count}, at=now)
    return batch


# -- what is owed, what a batch holds, what a tag says ---------------------------------------------------


@dataclass(frozen=True)
class DuePart:
    """A part the maker wants back and that no shipped batch holds."""

    tag: str
    ticket_number: str
    claim_number: str
    maker_code: str
    maker_name: str
    part_no: str
    description: str
    old_serial: str
    return_due: date | None
    batch_number: str  # the open batch it is packed in, or ""
    flag: str  # LATE, DUE_SOON or ""

    @property
    def flag_text(self) -> str:
        return _(FLAGS[self.flag]) if self.flag else ""


def return_flag(return_due: date | None, today: date) -> str:
    """LATE after the return date, DUE_SOON from SOON_DAYS before it to the day itself, else ""."""
    if return_due is None:
        return ""
    if today > return_due:
        return LATE
    if (return_due - today).days <= SOON_DAYS:
        return DUE_SOON
    return ""


def parts_due(session: Session, today: date, maker_code: str | None = None) -> list[DuePart]:
    """The parts owed back, the earliest return date first (with its maker
    named: ``maker_code``'s alone)."""
    query = (select(OldPart, Claim.number, Ticket.number, Maker.code, Maker.name, ReturnBatch.number,
                    ReturnBatch.shipped_on)
             .join(Claim, Claim.id == OldPart.claim_id).join(Ticket, Ticket.id == Claim.ticket_id)
             .join(Maker, Maker.id == Claim.maker_id).outerjoin(ReturnBatch, ReturnBatch.id == OldPart.batch_id)
             .where(OldPart.must_return.is_(True), ReturnBatch.shipped_on.is_(None)))
    if maker_code is not None:
        query = query.where(Maker.id == find_maker(session, maker_code).id)
    rows = session.execute(query).all()
    out = [DuePart(p.tag, ticket, claim, code, name, p.part_no, p.description, p.old_serial, p.return_due,
                   batch or "", return_flag(p.return_due, today))
           for p, claim, ticket, code, name, batch, _shipped in rows]
    return sorted(out, key=lambda d: (d.return_due is None, d.return_due or date.max, d.tag))


@dataclass(frozen=True)
class PackedPart:
    tag: str
    ticket_number: str
    part_no: str
    description: str
    old_serial: str
    claim_number: str


@dataclass(frozen=True)
class BatchView:
    """A batch as its packing list shows it."""

    number: str
    maker_code: str
    maker_name: str
    created_at: datetime
    shipped_on: date | None
    carrier: str
    waybill: str
    note: str
    parts: list[PackedPart]


def batch_view(session: Session, batch_id: int) -> BatchView:
    batch = _batch(session, batch_id)
    maker = session.get(Maker, batch.maker_id)
    assert maker is not None
    rows = session.execute(
        select(OldPart, Ticket.number, Claim.number).join(Claim, Claim.id == OldPart.claim_id)
        .join(Ticket, Ticket.id == Claim.ticket_id).where(OldPart.batch_id == batch.id).order_by(OldPart.tag)).all()
    return BatchView(batch.number, maker.code, maker.name, batch.created_at, batch.shipped_on, batch.carrier,
                     batch.waybill, batch.note,
                     [PackedPart(p.tag, ticket, p.part_no, p.description, p.old_serial, claim)
                      for p, ticket, claim in rows])


def list_batches(session: Session, maker_code: str | None = None) -> list[tuple[ReturnBatch, str, int]]:
    """Every batch (the newest first) with its maker's code and its count of parts."""
    count = (select(func.count()).select_from(OldPart).where(OldPart.batch_id == ReturnBatch.id)
             .correlate(ReturnBatch).scalar_subquery())
    query = (select(ReturnBatch, Maker.code, count).join(Maker, Maker.id == ReturnBatch.maker_id)
             .order_by(ReturnBatch.id.desc()))
    if maker_code is not None:
        query = query.where(Maker.id == find_maker(session, maker_code).id)
    return [(b, code, int(n or 0)) for b, code, n in session.execute(query).all()]


@dataclass(frozen=True)
class TagLabel:
    """What an old part's label says (its QR code holds the tag)."""

    tag: str
    ticket_number: str
    maker_name: str
    part_no: str
    old_serial: str
    description: str


def tag_labels(session: Session, ticket_number: str | None = None, claim_number: str | None = None) -> list[TagLabel]:
    """The labels of the parts a ticket's (or a claim's) maker wants back."""
    if claim_number is not None:
        claim = session.scalar(select(Claim).where(Claim.number == scanned(claim_number)))
        if claim is None:
            raise NotFound(_("No claim is numbered {number}.").format(number=scanned(claim_number) or claim_number))
    else:
        ticket = session.scalar(select(Ticket).where(Ticket.number == scanned(ticket_number or "")))
        if ticket is None:
            raise NotFound(_("No ticket numbered {number}.").format(number=ticket_number))
        claim = session.scalar(select(Claim).where(Claim.ticket_id == ticket.id))
        if claim is None:
            raise NotFound(_("Ticket {number} has no claim to its maker: it has no old parts to tag.").format(
                number=ticket.number))
    ticket_no = session.scalar(select(Ticket.number).where(Ticket.id == claim.ticket_id)) or ""
    maker = session.get(Maker, claim.maker_id)
    parts = session.scalars(select(OldPart).where(OldPart.claim_id == claim.id, OldPart.must_return.is_(True))
                            .order_by(OldPart.tag)).all()
    if not parts:
        raise NotFound(_("The maker wants no old part of claim {number} back: there is no tag to print.").format(
            number=claim.number))
    return [TagLabel(p.tag, ticket_no, maker.name if maker else "", p.part_no, p.old_serial, p.description)
            for p in parts]


__all__ = ["DUE_SOON", "LATE", "SOON_DAYS", "BatchView", "DuePart", "PackedPart", "TagLabel", "batch_view",
           "find_batch", "find_maker", "list_batches", "open_batch", "parts_due", "remove_from_batch",
           "return_flag", "scan_into_batch", "scanned", "ship_batch", "tag_labels"]
