"""Every table of the program: the core models plus each part's own models.

Alembic and the tests take the metadata from here, so a part that keeps its
models in its own module (billing, loaners, followup, the day close, claims) is part
of the schema without the core models importing it.  A new part's models
module is one more import below.
"""

from __future__ import annotations

from frontdesk.billing import models as billing_models
from frontdesk.claims import models as claims_models
from frontdesk.dayclose import models as dayclose_models
from frontdesk.db import models
from frontdesk.db.models import Base
from frontdesk.followup import models as followup_models
from frontdesk.loaners import models as loaners_models

metadata = Base.metadata

PART_MODELS = (models, billing_models, loaners_models, followup_models, dayclose_models, claims_models)

__all__ = ["PART_MODELS", "Base", "metadata", "models"]
