"""The one catalog: every message in the code and the forms has a Simplified
Chinese translation, placeholders survive translation, and the compiled
catalog the program reads is current."""

from __future__ import annotations

import gettext
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

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
        # A plural entry: every form says what the plural says (Chinese has one form, used for every count).
        if msg.id and isinstance(msg.id, (list, tuple)):
            wrong += [msg.id[0] for form in msg.string
                      if form and sorted(PLACEHOLDER.findall(msg.id[1])) != sorted(PLACEHOLDER.findall(form))]
    assert wrong == []


def test_plural_messages_are_extracted_as_plural_entries() -> None:
    """``ngettext(singular, plural, n)`` in the code becomes one plural entry
    of the template; ``missing`` wants every form of it translated."""
    found = tool.python_messages()
    assert ("{count} page", "{count} pages") in found
    assert "{count} pages" not in found  # the old singular-only message is gone
    entry = tool.template().get(("{count} page", "{count} pages"))
    assert entry is not None and entry.pluralizable and entry.id == ("{count} page", "{count} pages")
    assert "python-brace-format" in entry.flags


def test_a_plural_entry_compiles_and_chinese_has_one_form(tmp_path: Path) -> None:
    cat = Catalog(locale="zh_CN")
    assert cat.num_plurals == 1
    cat.add(("{count} page", "{count} pages"), ("共 {count} 页",))
    assert tool._translated(("{count} page", "{count} pages"), cat.get(("{count} page", "{count} pages")))
    mo = tmp_path / "frontdesk.mo"
    mo.write_bytes(tool.compiled_from(cat))
    with mo.open("rb") as fh:
        zh = gettext.GNUTranslations(fh)
    assert zh.ngettext("{count} page", "{count} pages", 1) == "共 {count} 页"
    assert zh.ngettext("{count} page", "{count} pages", 2) == "共 {count} 页"
    untranslated = Catalog(locale="zh_CN")
    untranslated.add(("{count} page", "{count} pages"), ("",))
    assert not tool._translated(("{count} page", "{count} pages"), untranslated.get(("{count} page", "{count} pages")))


def test_ngettext_picks_the_english_form_by_the_count() -> None:
    assert i18n.ngettext("{count} ticket", "{count} tickets", 1).format(count=1) == "1 ticket"
    assert i18n.ngettext("{count} ticket", "{count} tickets", 2).format(count=2) == "2 tickets"
    assert i18n.ngettext("{count} ticket", "{count} tickets", 0).format(count=0) == "0 tickets"


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


def test_a_plural_message_keeps_its_old_translation_until_the_catalog_has_its_plural_entry() -> None:
    """A message that was translated before it went through ngettext says
    its old translation until the catalog's plural entry is there (and then
    what that entry says); one the catalog never saw stays as written."""
    with i18n.using("zh_CN"):
        assert i18n.ngettext("{count} page", "{count} pages", 1) == "共 {count} 页"  # the plural entry
        assert i18n.ngettext("{count} page", "{count} pages", 3) == "共 {count} 页"
        old = i18n._("Received")  # translated as a plain message only
        assert old != "Received"
        assert i18n.ngettext("Received (one)", "Received", 2) == old
        assert i18n.ngettext("a message the catalog never saw", "messages it never saw", 1) == \
            "a message the catalog never saw"