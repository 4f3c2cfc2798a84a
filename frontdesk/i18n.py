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
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True, init=False)
class Message:
    """Text kept for people to read later (a timeline event, a quote line's
    note), stored as its message id and values and translated when it is
    read, in the reader's language: ``Message(N_("{old} → {new}"),
    old=Message(states.LABELS[a]), new=...)``.

    A value is kept as it is (text typed by a person, a number, an amount)
    unless it is a :class:`Message` itself (a state, a kind, a method, a
    category: anything translatable), which is translated too.  ``parts``
    are further pieces read after the message (``sep`` between them), for a
    note typed by a person after the program's words (``Message.joined``:
    a list, pieces only); ``lower``: read in lower case.  Stored as JSON by
    :meth:`to_json`; :func:`render` reads it back."""

    msgid: str
    values: dict[str, Any] = field(default_factory=dict)
    parts: tuple[Message | str, ...] = ()
    sep: str = " "
    lower: bool = False

    def __init__(self, msgid: str, /, *, parts: tuple[Message | str, ...] = (), sep: str = " ", lower: bool = False,
                 **values: Any) -> None:
        object.__setattr__(self, "msgid", msgid)
        object.__setattr__(self, "values", dict(values))
        object.__setattr__(self, "parts", tuple(parts))
        object.__setattr__(self, "sep", sep)
        object.__setattr__(self, "lower", lower)

    @classmethod
    def joined(cls, items: list[Message | str] | tuple[Message | str, ...], sep: str = ", ") -> Message:
        """Several pieces read one after the other (a list of field labels)."""
        return cls("", parts=tuple(items), sep=sep)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.msgid}
        if self.values:
            data["values"] = {k: _value_json(v) for k, v in self.values.items()}
        if self.parts:
            data["parts"] = [p.to_json() if isinstance(p, Message) else str(p) for p in self.parts]
            data["sep"] = self.sep
        if self.lower:
            data["lower"] = True
        return data

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (the language in use when None)."""
        return render(self.to_json(), lang)

    def english(self) -> str:
        return self.render(DEFAULT_LANGUAGE)

    def __str__(self) -> str:
        return self.render()


def _value_json(value: Any) -> Any:
    if isinstance(value, Message):
        return {"msg": value.to_json()}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)  # an amount, a date: kept as it reads


def _render(data: dict[str, Any]) -> str:
    msgid = str(data.get("id", ""))
    text = _(msgid) if msgid else ""
    raw = data.get("values") or {}
    if raw:
        values = {k: _render(v["msg"]) if isinstance(v, dict) and "msg" in v else ("" if v is None else v)
                  for k, v in raw.items()}
        try:
            text = text.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: the English one
            text = msgid.format(**values)
    parts = [_render(p) if isinstance(p, dict) else str(p) for p in data.get("parts") or ()]
    if parts:
        text = str(data.get("sep", " ")).join([text, *parts]) if text else str(data.get("sep", " ")).join(parts)
    return text.lower() if data.get("lower") else text


def render(data: dict[str, Any] | None, lang: str | None = None, fallback: str = "") -> str:
    """A stored message (:meth:`Message.to_json`) in ``lang`` (the language
    in use when None); ``fallback`` (the text stored with it) when there is
    none or it cannot be read."""
    if not data or not isinstance(data, dict):
        return fallback
    with using(lang):
        try:
            return _render(data)
        except (AttributeError, TypeError):
            return fallback
