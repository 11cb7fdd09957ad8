"""The help sentence that goes with the companion's safety question at ``low`` risk."""

from __future__ import annotations

import pytest

from empathia.safety import crisis
from empathia.safety.resources import known_locales, resources_for


@pytest.mark.parametrize("loc", known_locales() + ["unknown", "IT"])
@pytest.mark.parametrize("cat", ["self_harm", "harm_to_others", "abuse", "medical", None])
def test_every_low_check_in_names_real_help_and_stays(loc, cat):
    res = resources_for(loc)
    text = crisis.check_in_help(cat, loc)
    assert text and "{" not in text
    named = [ln.number for ln in res.lines if ln.number in text]
    assert named or res.emergency_text in text or res.directory.url in text
    assert "talk" in text or "here" in text                     # stays in the conversation
    assert text in crisis.catalogue([loc])[f"help.{res.locale}"]  # reviewed in the snapshot


def test_the_right_line_for_the_category():
    assert "988" in crisis.check_in_help("self_harm", "US")
    assert "1-800-799-7233" in crisis.check_in_help("abuse", "US")
    assert "911" in crisis.check_in_help("harm_to_others", "US")
    assert "116 123" in crisis.check_in_help("self_harm", "UK")
    assert "999" in crisis.check_in_help("medical", "UK")


def test_said_once_per_conversation():
    first = crisis.check_in_help("self_harm", "US", seed=1, key="a")
    assert crisis.check_in_help("self_harm", "US", said="Earlier: " + first) is None
    # the companion's follow-through or the protocol already named the line
    assert crisis.check_in_help("self_harm", "UK", said="Samaritans on 116 123 (24/7, free)") \
        is None


def test_deterministic_for_seed_and_message():
    assert crisis.check_in_help("self_harm", "US", seed=3, key="x") == \
        crisis.check_in_help("self_harm", "US", seed=3, key="x")
