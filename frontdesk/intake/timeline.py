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
from frontdesk.db.models import Ticket, TicketEvent
from frontdesk.i18n import Message, render
from frontdesk.users import Actor


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


__all__ = ["add_event", "event_text", "new_event"]
