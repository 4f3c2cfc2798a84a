"""Every table of the program: the core models plus each part's own models.

Alembic and the tests take the metadata from here, so a part that keeps its
models in its own module (loaners) is part of the schema without the core
models importing it.
"""

from __future__ import annotations

from frontdesk.db import models
from frontdesk.db.models import Base

for _module in ("frontdesk.loaners.models", "frontdesk.followup.models", "frontdesk.billing.models",
                "frontdesk.dayclose.models"):
    try:
        __import__(_module)
    except ModuleNotFoundError as exc:  # a part not written yet
        if exc.name is None or not _module.startswith(exc.name):
            raise

metadata = Base.metadata

__all__ = ["Base", "metadata", "models"]
