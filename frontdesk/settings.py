"""Shop-wide settings, declared once with their defaults and validation.

They live in the ``settings`` table so that every counter shares them.
Per-machine state (window geometry, counter name, printer) is the UI's
business and lives in ``QSettings``.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db import driver
from frontdesk.db.models import Setting
from frontdesk.errors import ValidationError
from frontdesk.i18n import LANGUAGES, N_, _
from frontdesk.plaintext import trimmed
from frontdesk.users import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PIN_MIN_SETTING, require_manager
from frontdesk.workcalendar import WorkCalendar, default_holidays

log = logging.getLogger(__name__)


def _text(max_len: int) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(N_("must be text"))
        if len(value) > max_len:
            raise ValueError(N_("is too long"))
        return value.strip()

    return check


def _fault_lists(value: Any) -> dict[str, list[str]]:
    """Fault categories the shop adds: product category (or ``*`` for every
    one) -> the shop's own words, each at most 60 characters."""
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise ValueError(N_("must list fault categories by product category"))
    out: dict[str, list[str]] = {}
    for category, items in value.items():
        if not isinstance(category, str) or not isinstance(items, list) or len(items) > 50:
            raise ValueError(N_("must list fault categories by product category"))
        words = []
        for item in items:
            text = trimmed(str(item)) if isinstance(item, str) else ""
            if not text or len(text) > 60:
                raise ValueError(N_("has an empty or too long fault category"))
            if text not in words:
                words.append(text)
        if words:
            out[category.strip()] = words
    return out


def _yes_no(value: Any) -> bool:
    """A switch: a bool, or yes/no as typed (or 是/否)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "y", "true", "1", "on", "是"):
        return True
    if text in ("no", "n", "false", "0", "off", "否"):
        return False
    raise ValueError(N_("must be yes or no"))


def _deposits(value: Any) -> dict[str, str]:
    """The default loaner deposit per product category: category -> an
    amount with at most two decimals (0: no deposit)."""
    if value in (None, ""):
        return {}
    if isinstance(value, str):  # the part of the line a screen could not read
        raise ValueError(_("cannot read \"{part}\": write a category, a colon and an amount").format(part=value))
    if not isinstance(value, dict):
        raise ValueError(N_("must give an amount per product category"))
    out: dict[str, str] = {}
    for category, amount in value.items():
        try:
            number = Decimal(str(amount).strip())
        except InvalidOperation as exc:
            raise ValueError(N_("must give an amount per product category")) from exc
        if not isinstance(category, str) or not category.strip() or not number.is_finite() or number < 0 \
                or number >= Decimal("1e8") or number != number.quantize(Decimal("0.01")):
            raise ValueError(N_("must give an amount per product category"))
        out[category.strip()] = str(number.quantize(Decimal("0.01")))
    return out


def _decimal_rate(value: Any) -> str:
    try:
        rate = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(N_("must be a number")) from exc
    if not rate.is_finite() or not (Decimal("0") <= rate < Decimal("1")):  # NaN compares with an error
        raise ValueError(N_("must be between 0 and 1 (e.g. 0.13 for 13%)"))
    return str(rate)


def _hhmm(value: Any) -> str:
    try:
        datetime.strptime(str(value), "%H:%M")
    except ValueError as exc:
        raise ValueError(N_("must be a time like 09:00")) from exc
    return str(value)


def _int_range(lo: int, hi: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError) as exc:  # OverflowError: infinity
            raise ValueError(N_("must be a whole number")) from exc
        if not lo <= number <= hi:
            raise ValueError(N_("is out of range"))
        return number

    return check


def _weekdays(value: Any) -> list[int]:
    days = sorted({int(v) for v in value})
    if not days or any(d < 0 or d > 6 for d in days):
        raise ValueError(N_("must list working days, Monday=0 to Sunday=6"))
    return days


def _iso_dates(value: Any) -> list[str]:
    out = []
    for v in value:
        try:
            out.append(date.fromisoformat(str(v)).isoformat())
        except ValueError as exc:
            raise ValueError(N_("must be dates like 2026-10-01")) from exc
    return sorted(set(out))


def _region(value: Any) -> str:
    # Here, not at the top: phonenumbers loads only when a shop's phone is checked.
    import phonenumbers

    code = str(value).upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(N_("is not a known country code (e.g. CN)"))
    return code


def _language(value: Any) -> str:
    if value not in LANGUAGES:
        raise ValueError(N_("is not a supported language"))
    return str(value)


LOGO_MAX_BYTES = 256 * 1024
CALENDAR_KEYS = ("holidays", "extra_workdays", "working_weekdays", "opening", "closing")


def decode_logo(value: Any) -> bytes | None:
    """The logo's picture bytes (PNG or JPEG), or None when there is none."""
    if not value:
        return None
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        return None


def _logo(value: Any) -> str:
    """A small PNG or JPEG picture, kept base64 in the database so that every
    counter prints the same logo."""
    if value in (None, ""):
        return ""
    data = value if isinstance(value, bytes) else decode_logo(value)
    if data is None:
        raise ValueError(N_("is not a picture"))
    if len(data) > LOGO_MAX_BYTES:
        raise ValueError(N_("is too large (at most 256 KB; a small PNG is best)"))
    try:
        # Here, not at the top: Pillow loads only when a logo is set.
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            kind = image.format
            image.verify()
    except Exception as exc:  # Pillow raises many kinds for a bad file
        raise ValueError(N_("is not a picture")) from exc
    if kind not in ("PNG", "JPEG"):
        raise ValueError(N_("must be a PNG or JPEG picture"))
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    check: Callable[[Any], Any]


def _default_holidays() -> list[str]:
    try:
        holidays, _extra = default_holidays()
        return sorted(d.isoformat() for d in holidays)
    except Exception:  # resource missing in a broken install: start empty
        log.exception("default holidays not loaded")
        return []


def _default_extra_workdays() -> list[str]:
    try:
        _holidays, extra = default_holidays()
        return sorted(d.isoformat() for d in extra)
    except Exception:
        log.exception("default make-up working days not loaded")
        return []


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("shop_name", N_("Shop name"), "FrontDesk Service Center", _text(120)),
    SettingSpec("shop_code", N_("Shop code"), "S01", _text(20)),
    SettingSpec("shop_address", N_("Shop address"), "", _text(300)),
    SettingSpec("shop_phone", N_("Shop phone"), "", _text(40)),
    SettingSpec("region", N_("Phone region"), "CN", _region),
    SettingSpec("currency", N_("Currency"), "CNY", _text(3)),
    SettingSpec("tax_rate", N_("Tax rate"), "0.13", _decimal_rate),
    SettingSpec("prices_include_tax", N_("Prices include VAT (new fee schedules and cards)"), True, _yes_no),
    SettingSpec("damage_charge_taxed", N_("Damage kept from a deposit carries VAT"), True, _yes_no),
    SettingSpec("loaner_deposits", N_("Loaner deposit by category"), {}, _deposits),
    SettingSpec("language", N_("Language (and of printed documents)"), "en", _language),
    SettingSpec("opening", N_("Calling hours from"), "09:00", _hhmm),
    SettingSpec("closing", N_("Calling hours to"), "18:00", _hhmm),
    SettingSpec("working_weekdays", N_("Working days"), [0, 1, 2, 3, 4], _weekdays),
    SettingSpec("holidays", N_("Public holidays"), None, _iso_dates),
    SettingSpec("extra_workdays", N_("Make-up working days"), None, _iso_dates),
    SettingSpec("response_warning_hours", N_("Warn this many hours before a response is due"), 4, _int_range(0, 72)),
    SettingSpec("idle_lock_minutes", N_("Lock the window after idle minutes"), 10, _int_range(0, 240)),
    SettingSpec(PIN_MIN_SETTING, N_("Fewest digits of a new PIN"), PIN_MIN_DIGITS,
                _int_range(PIN_MIN_DIGITS, PIN_MAX_DIGITS)),
    SettingSpec("receipt_footer", N_("Receipt footer"), "", _text(500)),
    SettingSpec("shop_logo", N_("Logo on printed documents"), "", _logo),
    SettingSpec("repair_warranty_days", N_("Warranty on the shop's own repairs (days)"), 90, _int_range(0, 3650)),
    SettingSpec("pickup_reminder_days", N_("Call again about an uncollected product after (days)"), 7,
                _int_range(1, 365)),
    SettingSpec("extra_fault_categories", N_("Fault categories added by the shop"), {}, _fault_lists),
)
SPEC_BY_KEY = {s.key: s for s in SPECS}
LAZY_DEFAULTS: Mapping[str, Callable[[], Any]] = {
    "holidays": _default_holidays,
    "extra_workdays": _default_extra_workdays,
}


def default_value(key: str) -> Any:
    if key in LAZY_DEFAULTS:
        return LAZY_DEFAULTS[key]()
    return SPEC_BY_KEY[key].default


def validate(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check every value; raise one ValidationError naming every bad field."""
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for key, value in values.items():
        spec = SPEC_BY_KEY.get(key)
        if spec is None:
            problems[key] = _("Unknown setting")
            continue
        try:
            clean[key] = spec.check(value)
        except (ValueError, TypeError) as exc:
            problems[key] = f"{_(spec.label)} {_(str(exc))}"
    if problems:
        raise ValidationError(problems)
    return clean


_VALUES = "frontdesk.settings.values"  # session.info: the stored values by key, read once per session


def _stored(session: Session) -> dict[str, Any]:
    """The stored settings' values by key, read once in a session (a key
    falling back to its default no longer asks the database each time: a
    ticket opened read the work calendar's keys three times); values
    written through :func:`store` join them.  Read as rows, on the driver's
    cursor (frontdesk.db.driver: every intake and every ticket opened reads
    them): only :func:`store` writes settings, and it keeps this up to date."""
    values: dict[str, Any] | None = session.info.get(_VALUES)
    if values is None:
        value = driver.converter(Setting.__table__.c.value.type, session)
        values = {key: value(stored) for key, stored in driver.rows(session, _ALL, {})}
        session.info[_VALUES] = values
    return values


def load(session: Session) -> dict[str, Any]:
    """All settings, stored values over defaults."""
    stored = _stored(session)
    return {spec.key: stored[spec.key] if spec.key in stored else default_value(spec.key) for spec in SPECS}


def get(session: Session, key: str) -> Any:
    stored = _stored(session)
    return stored[key] if key in stored else default_value(key)


def store(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and write (no permission check: see services.settings)."""
    clean = validate(values)
    if clean.keys() & set(CALENDAR_KEYS):
        # Hours fine alone can clash with the stored ones (closing before
        # opening): refused here, or every later intake would fail.
        from frontdesk.workcalendar import WorkCalendar

        merged = {**load(session), **clean}
        WorkCalendar.from_settings({k: merged[k] for k in CALENDAR_KEYS})
    model = _model()
    stored = _stored(session)
    for key, value in clean.items():
        row = session.get(model, key)
        if row is None:
            session.add(model(key=key, value=value))
        else:
            row.value = value
        stored[key] = value
    return clean


def work_calendar(session: Session) -> Any:
    """The shop's working days and hours.  Made once for each set of stored
    values (by any session: a calendar is frozen), since every intake and
    every due time asks for it."""
    stored = _stored(session)
    return _calendar(tuple((key, repr(stored[key]) if key in stored else None) for key in CALENDAR_KEYS),
                     lambda: load(session))


_CALENDARS: dict[tuple[tuple[str, str | None], ...], Any] = {}


def _calendar(key: tuple[tuple[str, str | None], ...], data: Callable[[], dict[str, Any]]) -> Any:
    calendar = _CALENDARS.get(key)
    if calendar is None:
        values = data()
        calendar = WorkCalendar.from_settings({k: values[k] for k in CALENDAR_KEYS})
        if len(_CALENDARS) > 16:
            _CALENDARS.clear()
        _CALENDARS[key] = calendar
    return calendar


def _model() -> Any:
    return Setting


_ALL = "SELECT key, value FROM settings"


def update(session: Session, actor: Any, values: Mapping[str, Any], approver: Any = None,
           now: datetime | None = None) -> dict[str, Any]:
    """Change the shop profile: a manager's act (or a clerk with a manager's
    approval), audited with the keys changed."""
    manager = require_manager(actor, approver, _("change the shop profile"))
    before = load(session)
    clean = store(session, values)
    changed = sorted(k for k, v in clean.items() if before.get(k) != v)
    if changed:
        audit.record(session, actor.id, "settings.update", "settings", "", {"keys": changed}, approver_id=manager.id,
                     at=now or clock.now())
    return clean
