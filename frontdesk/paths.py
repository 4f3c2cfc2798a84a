"""Where the program keeps its files on this machine, and the default
database address (light: no database library is imported here, so the
window can show its login before SQLAlchemy has loaded)."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.private_files import make_dirs

ENV_VAR = "FRONTDESK_DB"


def resource_dir() -> Path:
    """The program's resources (fonts, catalogs, fee schedule, holidays,
    warranty periods).  They live in ``resources/`` at the top of the
    repository and install as ``frontdesk/resources`` (setup.py maps the
    folder into the package), so an installed program finds them beside
    its code and a checkout finds them at the top."""
    here = Path(__file__).resolve().parent
    installed = here / "resources"
    return installed if installed.is_dir() else here.parent / "resources"


def resource(*parts: str) -> Path:
    """One resource file or folder, e.g. ``resource("fonts", "wqy-microhei.ttc")``."""
    return resource_dir().joinpath(*parts)


def data_dir() -> Path:
    """The program's folder for this user (made 0700 when it is not there)."""
    # Here, not at the top: platformdirs loads only when the default folder is asked for (the start stays light).
    import platformdirs

    return make_dirs(Path(platformdirs.user_data_dir("FrontDesk", appauthor=False)))


def exports_dir() -> Path:
    """The folder a save dialog offers first (workbooks, PDFs): FrontDesk/exports
    in the user's documents folder, made when it is not there (a fresh machine
    may have no Documents folder at all), 0700 where it is made; the home
    folder when it cannot be made.  Never a folder that does not exist."""
    # Here, not at the top: platformdirs loads only when a save dialog asks (the start stays light).
    import platformdirs

    try:
        return make_dirs(Path(platformdirs.user_documents_dir()) / "FrontDesk" / "exports")
    except OSError:
        return Path.home()


def default_url() -> str:
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    return f"sqlite:///{data_dir() / 'frontdesk.sqlite'}"
