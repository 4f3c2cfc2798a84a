"""Money is exact: Decimal in, Decimal out, one rounding helper, floats refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from frontdesk.money import format_money, round_money, tax_of, to_money

D = Decimal


@pytest.mark.parametrize("value,expected", [
    (D("12.5"), D("12.50")), (12, D("12.00")), ("12.30", D("12.30")), (" ¥1,234.50 ", D("1234.50")),
    ("-3", D("-3.00")), (D("12.3400"), D("12.34")),
])
def test_to_money_accepts_decimal_int_and_text(value: object, expected: Decimal) -> None:
    result = to_money(value)  # type: ignore[arg-type]
    assert result == expected and isinstance(result, Decimal) and result.as_tuple().exponent == -2


@pytest.mark.parametrize("value", [0.1, 12.0, True])
def test_a_float_near_money_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        to_money(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        round_money(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tax_of(value, D("0.13"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tax_of(D("10"), value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["abc", "", "NaN", "Infinity", "12.345", "1e-3"])
def test_to_money_refuses_what_is_not_an_amount(value: str) -> None:
    with pytest.raises(ValueError):
        to_money(value)


def test_rounding_is_half_up_to_the_cent() -> None:
    assert round_money(D("0.005")) == D("0.01")
    assert round_money(D("0.0049")) == D("0.00")
    assert round_money(D("2.675")) == D("2.68")  # a float would say 2.67
    assert round_money(D("-0.005")) == D("-0.01")
    assert tax_of(D("310.00"), D("0.13")) == D("40.30")
    assert tax_of(D("0.50"), "0.13") == D("0.07")  # 0.065 -> 0.07


def test_format_money() -> None:
    assert format_money(D("1234.5")) == "¥1,234.50"
    assert format_money(D("-12"), "CNY") == "-¥12.00"
    assert format_money(D("3"), "XYZ") == "3.00 XYZ"
