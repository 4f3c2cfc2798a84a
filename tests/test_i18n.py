"""The one catalog: every message in the code and the forms has a Simplified
Chinese translation, placeholders survive translation, and the compiled
catalog the program reads is current."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from frontdesk import i18n

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
assert spec and spec.loader
tool = importlib.util.module_from_spec(spec)
sys.modules["i18n_tool"] = tool
spec.loader.exec_module(tool)

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def test_every_message_is_translated_to_chinese() -> None:
    missing = tool.missing("zh_CN")
    assert missing == [], f"untranslated (run tools/i18n.py update, translate, compile): {missing[:20]}"


def test_placeholders_match() -> None:
    cat = tool.read_po("zh_CN")
    wrong = []
    for msg in cat:
        if msg.id and msg.string and isinstance(msg.id, str) \
                and sorted(PLACEHOLDER.findall(msg.id)) != sorted(PLACEHOLDER.findall(msg.string)):
            wrong.append(msg.id)
    assert wrong == []


def test_compiled_catalog_says_what_the_po_says() -> None:
    """The .mo the program reads carries every message of the .po with the
    same translation (and plural forms): compared message by message, not by
    the bytes a given Babel writes (its header names its version)."""
    assert tool.stale_compiled("zh_CN") == [], "run tools/i18n.py compile"


def test_a_stale_compiled_catalog_is_found(tmp_path: Path) -> None:
    po = tool.read_po("zh_CN")
    po["Received"].string = "改过的"
    mo = tmp_path / "frontdesk.mo"
    mo.write_bytes(tool.compiled_from(po))
    assert tool.stale_compiled("zh_CN", mo) == ["Received"]


def test_switching_language_translates_at_call_time() -> None:
    assert i18n.set_language("zh_CN") == "zh_CN"
    assert i18n._("Received") == "已受理"
    assert i18n.set_language("en") == "en"
    assert i18n._("Received") == "Received"


@pytest.mark.parametrize("given,expected", [("zh", "zh_CN"), ("zh-CN", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"),
                                            ("en_US", "en"), (None, "en"), ("fr", "en")])
def test_language_codes(given: str | None, expected: str) -> None:
    assert i18n.normalize_language(given) == expected
