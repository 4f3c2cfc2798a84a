"""Marks the labels in ``resources/warranty_periods.json`` for translation.

Nothing imports these names for their values: the JSON file is the source of
the labels, and :mod:`frontdesk.intake.warranty` translates them with
``_(label)`` at call time.  This module exists only so that the message
extractor sees each English label once.  Keep it in step with the JSON file
(a test checks that every label there is listed here).
"""

from __future__ import annotations

from frontdesk.i18n import N_

CATEGORY_LABELS: tuple[str, ...] = (
    N_("Refrigerator"),
    N_("Air conditioner"),
    N_("Washing machine"),
    N_("Colour TV"),
    N_("Water heater"),
    N_("Microwave oven"),
    N_("Mobile phone"),
    N_("Computer"),
    N_("Tablet"),
    N_("Other"),
)

COMPONENT_LABELS: tuple[str, ...] = (
    N_("Whole unit"),
    N_("Compressor"),
    N_("Motor"),
    N_("Picture tube"),
    N_("Display panel"),
    N_("Inner tank"),
    N_("Magnetron"),
    N_("Battery"),
    N_("Motherboard"),
)
