"""The ticket state machine: every legal move, in one table
(docs/rules.md#the-life-of-a-ticket).

Where the product is (at the counter, pulled back to the workshop, back at
the counter, with the customer) is not a state: a pulled-back product is
diagnosed, quoted and repaired like any other, and the pull-back record says
where it is (``frontdesk.loaners.service.product_location``)."""

from __future__ import annotations

from frontdesk.errors import IllegalTransition
from frontdesk.i18n import N_, Message, _

RECEIVED = "received"
SCHEDULED = "scheduled"
DIAGNOSING = "diagnosing"
QUOTED = "quoted"
APPROVED = "approved"
DECLINED = "declined"
IN_REPAIR = "in_repair"
AWAITING_PARTS = "awaiting_parts"
REPAIRED = "repaired"
READY = "ready"
CLOSED = "closed"
CANCELLED = "cancelled"

LABELS: dict[str, str] = {
    RECEIVED: N_("Received"),
    SCHEDULED: N_("Visit booked"),
    DIAGNOSING: N_("Diagnosing"),
    QUOTED: N_("Quoted"),
    APPROVED: N_("Approved"),
    DECLINED: N_("Quote declined"),
    IN_REPAIR: N_("In repair"),
    AWAITING_PARTS: N_("Waiting for parts"),
    REPAIRED: N_("Repaired"),
    READY: N_("Ready for pick-up"),
    CLOSED: N_("Closed"),
    CANCELLED: N_("Cancelled"),
}

TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({SCHEDULED, DIAGNOSING, IN_REPAIR, CLOSED, CANCELLED}),
    SCHEDULED: frozenset({RECEIVED, DIAGNOSING, IN_REPAIR, CANCELLED}),
    # Diagnosing ends in a quote, in repair (in warranty, or a manager's
    # word), or in a repair record of "no fault found" / "cannot be repaired".
    DIAGNOSING: frozenset({QUOTED, IN_REPAIR, REPAIRED, CLOSED, CANCELLED}),
    QUOTED: frozenset({APPROVED, DECLINED}),
    APPROVED: frozenset({IN_REPAIR}),
    # A declined quote: the product goes back (ready for pick-up), or the
    # ticket closes where there is nothing to hand back (a visit).
    DECLINED: frozenset({READY, CLOSED}),
    IN_REPAIR: frozenset({AWAITING_PARTS, REPAIRED}),
    AWAITING_PARTS: frozenset({IN_REPAIR}),
    REPAIRED: frozenset({READY, CLOSED}),
    # Closed only by the pick-up (frontdesk.pickup), which checks the money,
    # the loaner and the accessories.
    READY: frozenset({CLOSED}),
    CLOSED: frozenset(),
    CANCELLED: frozenset(),
}

FINAL = frozenset({CLOSED, CANCELLED})
OPEN = frozenset(TRANSITIONS) - FINAL
# Days in these states are added back to the warranty period.
REPAIR_DAY_STATES = frozenset({IN_REPAIR, AWAITING_PARTS})
# Before any of these, work out of warranty needs the customer's approval.
BEFORE_APPROVAL = frozenset({RECEIVED, SCHEDULED, DIAGNOSING})
# The work is done: what the 三包 count and the figures call a completed repair.
WORK_DONE = frozenset({REPAIRED, READY, CLOSED})


def label(state: str) -> str:
    return _(LABELS.get(state, state))


def label_message(state: str) -> Message:
    """The state's label kept to be read later, in the reader's language."""
    return Message(LABELS.get(state, state))


def can_move(from_state: str, to_state: str) -> bool:
    return to_state in TRANSITIONS.get(from_state, frozenset())


def check_move(from_state: str, to_state: str) -> None:
    if to_state not in TRANSITIONS:
        raise IllegalTransition(_("Unknown ticket state: {state}").format(state=to_state))
    if not can_move(from_state, to_state):
        allowed = ", ".join(label(s) for s in sorted(TRANSITIONS.get(from_state, ()))) or _("none")
        raise IllegalTransition(
            _("A ticket that is {current} cannot become {target}. Possible next steps: {allowed}.").format(
                current=label(from_state), target=label(to_state), allowed=allowed
            )
        )
