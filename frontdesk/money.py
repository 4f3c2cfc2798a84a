"""Money: exact decimals in the shop's currency, one rounding helper.

A float near money is a bug (0.1 + 0.2 != 0.3), so every helper here refuses
one with :class:`TypeError` instead of converting it: the mistake shows where
it was made.  Amounts are :class:`~decimal.Decimal` with two places; the only
rounding is :func:`round_money` (half up to the cent, as a Chinese receipt
rounds).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from frontdesk.i18n import _

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

CURRENCY_SYMBOLS: dict[str, str] = {"CNY": "¥", "RMB": "¥", "HKD": "HK$", "USD": "$", "EUR": "€", "TWD": "NT$"}


def _refuse_float(value: object, what: str) -> None:
    if isinstance(value, float):
        raise TypeError(f"{what} must be a Decimal, an int or a str, not a float ({value!r})")
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a Decimal, an int or a str, not a bool")


def to_decimal(value: Decimal | int | str, what: str = "value") -> Decimal:
    """A finite Decimal from a Decimal, an int or a str (no rounding).

    TypeError for a float (or anything else); ValueError for text that is
    not a number, or for NaN/infinity."""
    _refuse_float(value, what)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        for symbol in ("¥", "￥", "CNY", "RMB"):
            text = text.replace(symbol, "")
        try:
            number = Decimal(text.strip())
        except InvalidOperation as exc:
            raise ValueError(_("{value} is not a number.").format(value=value)) from exc
    else:
        raise TypeError(f"{what} must be a Decimal, an int or a str, not {type(value).__name__}")
    if not number.is_finite():
        raise ValueError(_("{value} is not a number.").format(value=value))
    return number


def to_money(value: Decimal | int | str) -> Decimal:
    """An amount of money with two places.

    Accepts Decimal, int and str ("¥1,234.50" too); refuses a float with
    TypeError, and with ValueError text that is not a number or an amount
    with fractions of a cent (a typing mistake, not something to round away).
    """
    number = to_decimal(value, "money")
    try:
        money = round_money(number)
    except InvalidOperation:  # more digits than a Decimal holds (1e30): no amount of money
        raise ValueError(_("{value} is too large.").format(value=value)) from None
    if money != number:
        raise ValueError(_("{value} has fractions of a cent.").format(value=value))
    return money


def round_money(d: Decimal | int) -> Decimal:
    """The one rounding helper: half up to 0.01."""
    _refuse_float(d, "round_money()")
    if isinstance(d, int):
        d = Decimal(d)
    if not isinstance(d, Decimal):
        raise TypeError(f"round_money() needs a Decimal, not {type(d).__name__}")
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def tax_of(net: Decimal | int, rate: Decimal | int | str) -> Decimal:
    """The tax on ``net`` at ``rate`` (0.13 for 13 %), rounded once."""
    _refuse_float(net, "net")
    return round_money(to_decimal(net, "net") * to_decimal(rate, "tax rate"))


def format_money(d: Decimal | int, currency: str = "CNY") -> str:
    """``¥1,234.50``; ``-¥12.00``; an unknown currency code follows: ``12.00 XYZ``."""
    amount = round_money(d)
    sign = "-" if amount < 0 else ""
    digits = f"{abs(amount):,.2f}"
    symbol = CURRENCY_SYMBOLS.get((currency or "").upper())
    if symbol is not None:
        return f"{sign}{symbol}{digits}"
    return f"{sign}{digits} {currency}".rstrip()


__all__ = ["CENT", "ZERO", "format_money", "round_money", "tax_of", "to_decimal", "to_money"]



def percent(rate: Decimal | int | str) -> str:
    """A rate as people write it: 0.13 -> "13", 0.065 -> "6.5"."""
    return format((to_decimal(rate, "rate") * 100).normalize(), "f")
