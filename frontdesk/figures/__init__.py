"""The service figures for the manager and head office (docs/rules.md#service-figures):
:mod:`frontdesk.figures.catalog` declares them, :mod:`frontdesk.figures.service`
computes them for a period."""
