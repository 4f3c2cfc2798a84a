"""The ticket state machine: every legal move, in one table."""

from __future__ import annotations

from frontdesk.errors import IllegalTransition
from frontdesk.i18n import N_, _

RECEIVED = "received"
SCHEDULED = "scheduled"
DIAGNOSING = "diagnosing"
QUOTED = "quoted"
APPROVED = "approved"
DECLINED = "declined"
IN_REPAIR = "in_repair"
AT_WORKSHOP = "at_workshop"
AWAITING_PARTS = "awaiting_parts"
REPAIRED = "repaired"
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
    AT_WORKSHOP: N_("At the workshop"),
    AWAITING_PARTS: N_("Waiting for parts"),
    REPAIRED: N_("Repaired"),
    CLOSED: N_("Closed"),
    CANCELLED: N_("Cancelled"),
}

TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({SCHEDULED, DIAGNOSING, IN_REPAIR, CLOSED, CANCELLED}),
    SCHEDULED: frozenset({RECEIVED, DIAGNOSING, IN_REPAIR, CANCELLED}),
    DIAGNOSING: frozenset({QUOTED, IN_REPAIR, AT_WORKSHOP, CLOSED, CANCELLED}),
    QUOTED: frozenset({APPROVED, DECLINED}),
    APPROVED: frozenset({IN_REPAIR, AT_WORKSHOP}),
    DECLINED: frozenset({CLOSED}),
    IN_REPAIR: frozenset({AWAITING_PARTS, AT_WORKSHOP, REPAIRED}),
    AT_WORKSHOP: frozenset({IN_REPAIR, AWAITING_PARTS, REPAIRED}),
    AWAITING_PARTS: frozenset({IN_REPAIR, AT_WORKSHOP}),
    REPAIRED: frozenset({CLOSED}),
    CLOSED: frozenset(),
    CANCELLED: frozenset(),
}

FINAL = frozenset({CLOSED, CANCELLED})
OPEN = frozenset(TRANSITIONS) - FINAL
# Days in these states are added back to the warranty period.
REPAIR_DAY_STATES = frozenset({IN_REPAIR, AT_WORKSHOP, AWAITING_PARTS})


def label(state: str) -> str:
    return _(LABELS.get(state, state))


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
