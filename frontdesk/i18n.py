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
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from frontdesk.paths import resource

log = logging.getLogger(__name__)

DOMAIN = "frontdesk"
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"

_lock = threading.Lock()
_current: _gettext.NullTranslations = _gettext.NullTranslations()
_current_lang = DEFAULT_LANGUAGE
# A language for one piece of work (a printed document in the shop's language)
# without switching the process: per thread / task, so a background job
# printing in Chinese does not change the English window around it.
_override: ContextVar[tuple[str, _gettext.NullTranslations] | None] = ContextVar("frontdesk_language", default=None)
_catalogs: dict[str, _gettext.NullTranslations] = {}


def locale_dir() -> str:
    return str(resource("locale"))


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


def _catalog(lang: str | None) -> tuple[str, _gettext.NullTranslations]:
    code = normalize_language(lang)
    with _lock:
        if code not in _catalogs:
            if code == DEFAULT_LANGUAGE:
                _catalogs[code] = _gettext.NullTranslations()
            else:
                try:
                    _catalogs[code] = _gettext.translation(DOMAIN, locale_dir(), languages=[code])
                except OSError:
                    log.warning("no catalog for %s; using English", code)
                    return DEFAULT_LANGUAGE, _gettext.NullTranslations()
        return code, _catalogs[code]


def set_language(lang: str | None) -> str:
    """Switch the process to ``lang``; returns the code actually used."""
    global _current, _current_lang
    code, catalog = _catalog(lang)
    with _lock:
        _current, _current_lang = catalog, code
    return code


@contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Translate into ``lang`` inside the block, in this thread only (the
    process language is left alone); yields the code actually used.
    ``None`` keeps the language in use."""
    code, catalog = _catalog(lang if lang else current_language())
    token = _override.set((code, catalog))
    try:
        yield code
    finally:
        _override.reset(token)


def _active() -> _gettext.NullTranslations:
    override = _override.get()
    return override[1] if override is not None else _current


def current_language() -> str:
    override = _override.get()
    return override[0] if override is not None else _current_lang


def gettext(message: str) -> str:
    return _active().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that fits the count ``n``: ``ngettext("{count}
    ticket", "{count} tickets", n).format(count=n)``.  Extracted as one plural
    entry (``msgid`` / ``msgid_plural``; Chinese has one form).

    Until the catalog has the plural entry, a message that had only its
    plural form before (``_("{count} tickets")``) keeps that translation."""
    catalog = _active()
    text = catalog.ngettext(singular, plural, n)
    if text in (singular, plural) and isinstance(catalog, _gettext.GNUTranslations):
        return catalog.gettext(plural) if catalog.gettext(plural) != plural else text
    return text


def _(message: str) -> str:
    return _active().gettext(message)


def N_(message: str) -> str:
    return message
