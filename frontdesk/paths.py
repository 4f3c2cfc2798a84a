"""Where the program keeps its files on this machine, and the default
database address (light: no database library is imported here, so the
window can show its login before SQLAlchemy has loaded)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FRONTDESK_DB"


def data_dir() -> Path:
    import platformdirs

    path = Path(platformdirs.user_data_dir("FrontDesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    return f"sqlite:///{data_dir() / 'frontdesk.sqlite'}"
