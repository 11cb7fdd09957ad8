"""The shipped support models behave as a user relies on (issue #3, "Done when")."""

import numpy as np
import pytest

from empathia.support.assess import Assessment, SupportModels
from empathia.support.strategies import IDS

SEEKER = [{"speaker": "seeker", "text": "My dog died last week and I can't stop crying."}]


@pytest.fixture(scope="module")
def models() -> SupportModels:
    return SupportModels()


def test_obvious_question_is_tagged_question(models):
    for reply in ["How long have you been feeling this way?",
                  "What happened after your dog died?"]:
        a = models.assess(reply, SEEKER)
        assert a.strategy.label == "question", (reply, a.strategy)


def test_sympathy_shows_emotional_reactions(models):
    a = models.assess("I'm so sorry you're going through this, that sounds painful", SEEKER)
    assert a.empathy["emotional_reactions"].level >= 1
    assert a.empathy["emotional_reactions"].span is not None


def test_dismissal_has_no_empathy(models):
    a = models.assess("just get over it", SEEKER)
    assert {m: v.level for m, v in a.empathy.items()} == {
        "emotional_reactions": 0, "interpretations": 0, "explorations": 0}
    assert all(v.span is None for v in a.empathy.values())


def test_exploring_question_shows_explorations(models):
    a = models.assess("What was your dog like? How are you coping with the loss?", SEEKER)
    assert a.empathy["explorations"].level >= 1
    span = a.empathy["explorations"].span
    assert span is not None and "?" in span.text


def test_assessment_json_contract(models):
    data = models.assess("That sounds really hard.", SEEKER).model_dump()
    assert set(data) == {"strategy", "empathy"}
    assert set(data["strategy"]) == {"label", "scores"}
    assert set(data["strategy"]["scores"]) == set(IDS)
    assert abs(sum(data["strategy"]["scores"].values()) - 1) < 1e-3
    assert set(data["empathy"]) == {"emotional_reactions", "interpretations", "explorations"}
    for v in data["empathy"].values():
        assert set(v) == {"level", "score", "span"} and v["level"] in (0, 1, 2)
    Assessment.model_validate(data)


def test_empty_reply_is_refused(models):
    with pytest.raises(ValueError, match="empty reply"):
        models.assess("   ", SEEKER)


def test_next_strategy_reads_the_dialogue(models):
    start = models.predict_next([{"speaker": "seeker", "text": "Hi there."}])
    assert set(start.scores) == set(IDS) and start.label in IDS
    assert abs(sum(start.scores.values()) - 1) < 1e-3
    later = models.predict_next(SEEKER + [
        {"speaker": "supporter", "text": "I'm so sorry. How long had you had her?",
         "strategy": "Question"},
        {"speaker": "seeker", "text": "Twelve years. I don't know what to do with myself now."},
    ])
    assert later.scores != start.scores


def test_top_level_api():
    from empathia import assess, predict_next_strategy

    assert assess("Have you talked to anyone about this?", SEEKER).strategy.label in IDS
    assert predict_next_strategy(SEEKER).label in IDS


def test_one_encoder_pass_per_new_text(models):
    """Assessing a reply in a seen context embeds only the reply."""
    calls = []
    real = models.perceiver.encoder.model.encode

    def counting(texts, **kw):
        calls.append(len(texts))
        return real(texts, **kw)

    models.perceiver.embed([t["text"] for t in SEEKER])
    models.perceiver.encoder.model.encode = counting
    try:
        models.assess("A brand new reply nobody has seen 7f3a.", SEEKER)
        models.predict_next(SEEKER)
    finally:
        models.perceiver.encoder.model.encode = real
    assert calls == [1]
    assert np.isfinite(list(models.predict_next(SEEKER).scores.values())).all()


def test_heads_trained_on_another_encoder_are_refused(models, tmp_path):
    import json
    import shutil

    from empathia.config import Settings
    from empathia.support.assess import check_trained_on

    folder = tmp_path / "empathy"
    shutil.copytree(Settings().models_dir / "empathy", folder)
    meta = json.loads((folder / "meta.json").read_text())
    check_trained_on(folder, models.perceiver)  # the shipped heads match the encoder
    meta["embedding_fingerprint"] = "0000000000000000"
    (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(FileNotFoundError, match="retrain it: `empathia train empathy"):
        check_trained_on(folder, models.perceiver)


def test_heads_load_in_another_install_of_the_same_encoder(perceiver, tmp_path, monkeypatch):
    """The fingerprint follows the encoder's content, not where it is installed: the shipped
    heads were trained in one checkout and must load in every other."""
    import os

    from empathia.train.embcache import fingerprint

    here = fingerprint(perceiver)
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.parent.mkdir(parents=True)
    os.symlink(perceiver.settings.encoder_path(), elsewhere)
    monkeypatch.setattr(type(perceiver.settings), "encoder_path", lambda self: str(elsewhere))
    assert fingerprint(perceiver) == here
