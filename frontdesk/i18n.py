"""One translation catalog for screens, printouts and the command line.

English is written in the code; ``_("text")`` translates it into the current
language at call time.  ``N_("text")`` only marks a string for extraction
(module-level constants) and is translated later with ``_(constant)``.
The catalog is stdlib gettext; the Qt side routes ``QCoreApplication.translate``
through :func:`gettext` with a ``QTranslator`` subclass so there is one
mechanism for everything.
"""

from __future__ import annotations

import gettext as _gettext
import logging
import threading
from importlib import resources

log = logging.getLogger(__name__)

DOMAIN = "frontdesk"
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"

_lock = threading.Lock()
_current: _gettext.NullTranslations = _gettext.NullTranslations()
_current_lang = DEFAULT_LANGUAGE


def locale_dir() -> str:
    return str(resources.files("frontdesk") / "resources" / "locale")


def normalize_language(lang: str | None) -> str:
    """Map ``zh``, ``zh-CN``, ``zh_CN.UTF-8`` ... to a supported code."""
    if not lang:
        return DEFAULT_LANGUAGE
    code = lang.split(".")[0].replace("-", "_")
    if code in LANGUAGES:
        return code
    if code.lower().startswith("zh"):
        return "zh_CN"
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Switch the process to ``lang``; returns the code actually used."""
    global _current, _current_lang
    code = normalize_language(lang)
    with _lock:
        if code == DEFAULT_LANGUAGE:
            _current = _gettext.NullTranslations()
        else:
            try:
                _current = _gettext.translation(DOMAIN, locale_dir(), languages=[code])
            except OSError:
                log.warning("no catalog for %s; using English", code)
                _current = _gettext.NullTranslations()
                code = DEFAULT_LANGUAGE
        _current_lang = code
    return code


def current_language() -> str:
    return _current_lang


def gettext(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def _(message: str) -> str:
    return _current.gettext(message)


def N_(message: str) -> str:
    return message
