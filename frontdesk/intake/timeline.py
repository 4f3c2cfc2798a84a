"""A ticket's timeline: the events the desk reads on the ticket (taken,
moved, verified, a note, a visit, a quote, a receipt...), one row each.

The program's words are kept as a message id and its values
(:class:`frontdesk.i18n.Message`, column ``message``) and read in the
reader's language (:func:`event_text`); ``text`` keeps them in English, for
search and export, and is all an event written before version 0012 has.
What a person typed is kept as typed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from frontdesk import clock
from frontdesk.db import driver
from frontdesk.db.models import Ticket, TicketEvent
from frontdesk.i18n import Message, render
from frontdesk.users import Actor, shown


def add_event(session: Session, ticket: Ticket, actor: Actor | None, kind: str, text: str | Message,
              from_state: str | None = None, to_state: str | None = None, now: datetime | None = None) -> TicketEvent:
    """Add an event of ``kind`` to ``ticket``'s timeline, dated ``now``.
    ``text`` is a :class:`Message` for the program's words (read later in
    the reader's language), plain text for what a person typed."""
    ev = new_event(ticket, actor, kind, text, from_state, to_state, now)
    session.add(ev)
    return ev


def new_event(ticket: Ticket, actor: Actor | None, kind: str, text: str | Message,
              from_state: str | None = None, to_state: str | None = None, now: datetime | None = None) -> TicketEvent:
    """:func:`add_event`'s event, not yet in a session (for a service that
    inserts its events itself: :func:`frontdesk.db.direct.insert_all`)."""
    if isinstance(text, Message):
        words, message = text.english(), text.to_json()
    else:
        words, message = text, None
    return TicketEvent(ticket_id=ticket.id, at=now or clock.now(), user_id=actor.id if actor else None,
                       kind=kind, from_state=from_state, to_state=to_state, text=words, message=message)


def event_text(event: TicketEvent, lang: str | None = None) -> str:
    """The event's words in ``lang`` (the language in use when None); an
    event kept without a message shows its stored text."""
    return render(event.message, lang, fallback=event.text)


# The ticket's timeline as the desk reads it: when, by whom, what.
_LINES = """SELECT e.at, u.full_name, u.name, e.message, e.text FROM ticket_events e
 LEFT JOIN users u ON u.id = e.user_id WHERE e.ticket_id = :t ORDER BY e.id"""


def lines(session: Session, ticket_id: int, lang: str | None = None) -> list[tuple[datetime, str, str]]:
    """The ticket's timeline, oldest first: each event's moment, who wrote
    it (:func:`frontdesk.users.shown`) and its words in ``lang``.  On
    the driver's cursor, as the ticket's dialog opens: loaded as events and
    users with the ticket, the rows cost SQLAlchemy about as much as the
    rest of the ticket (docs/architecture.md#the-drivers-cursor)."""
    at = driver.converter(TicketEvent.__table__.c.at.type, session)
    message = driver.converter(TicketEvent.__table__.c.message.type, session)
    return [(at(when), shown(full_name, name) if name is not None else "",
             render(message(words), lang, fallback=text))
            for when, full_name, name, words, text in driver.rows(session, _LINES, {"t": ticket_id})]


__all__ = ["add_event", "event_text", "lines", "new_event"]
