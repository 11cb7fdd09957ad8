"""resources.yaml sanity: every listed locale has an emergency number and a crisis line,
with sources and dates; unknown locales fall back safely."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from empathia.safety.resources import RESOURCES_FILE, known_locales, resources_for

REQUIRED = ["US", "UK", "IE", "CA", "AU", "NZ", "IN", "DE", "FR", "ES", "NL", "BR"]


def test_required_locales_are_listed():
    assert set(REQUIRED) <= set(known_locales())


@pytest.mark.parametrize("loc", known_locales())
def test_locale_has_emergency_and_crisis_line_with_source_and_date(loc):
    res = resources_for(loc)
    assert res.known and res.emergency is not None
    assert re.fullmatch(r"\d{2,4}", res.emergency.number)
    crisis = res.all("crisis")
    assert crisis, f"{loc}: no crisis line"
    for line in [res.emergency, *res.lines]:
        assert line.source.startswith("https://"), line
        assert date(2025, 1, 1) <= line.last_checked <= date.today()
        assert re.fullmatch(r"[0-9][0-9 \-]{1,16}[0-9]", line.number), line.number
        assert line.name.strip()


def test_file_says_what_was_left_out():
    raw = yaml.safe_load(RESOURCES_FILE.read_text(encoding="utf-8"))
    assert raw["left_out_overall"].strip()
    assert "NOT" in RESOURCES_FILE.read_text(encoding="utf-8")  # says numbers were not dialled


@pytest.mark.parametrize("tag,key", [("en-GB", "UK"), ("en_US", "US"), ("GB", "UK"),
                                     ("pt-BR", "BR"), ("fr", "FR")])
def test_locale_tags_resolve(tag, key):
    assert resources_for(tag).locale == key


def test_unknown_locale_gets_local_emergency_and_directory():
    res = resources_for("ZZ")
    assert not res.known and res.emergency is None
    assert res.emergency_text == "your local emergency number"
    assert res.directory.url == "https://findahelpline.com"
    assert resources_for("IT").emergency_text == "112"
    assert resources_for(None).directory.url.startswith("https://")
