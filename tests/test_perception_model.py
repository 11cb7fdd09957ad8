"""The shipped emotion model on real sentences with clear expected feelings."""

import numpy as np
import pytest


@pytest.mark.parametrize("text, expected", [
    ("Thank you so much for helping me move, I really appreciate it!", {"gratitude"}),
    ("Hahaha that video is hilarious, I can't stop laughing", {"amusement"}),
    ("I'm so sorry, I regret what I said to you yesterday", {"remorse"}),
    ("My grandmother passed away last night and I miss her so much", {"sadness", "grief"}),
    ("I love you so much, you mean everything to me", {"love"}),
    ("I'm furious, they lied to me again and I'm sick of it", {"anger", "annoyance"}),
    ("I'm terrified I'll fail my exams and disappoint my parents", {"fear", "nervousness"}),
])
def test_clear_feelings_are_recognised(perceiver, text, expected):
    p = perceiver.analyze(text)
    assert expected & set(p.predicted), (p.predicted, [(e.label, e.score) for e in p.emotions[:5]])


def test_exam_fear_has_its_cause_on_the_exams(perceiver):
    text = "I'm terrified I'll fail my exams and disappoint my parents"
    p = perceiver.analyze(text)
    assert p.ekman["fear"] > p.ekman["joy"]
    top = p.causes[0]
    assert "exams" in text[top.start:top.end]
    assert "terrified" not in top.text
    assert p.reflected_cause and "your exams" in p.reflected_cause


def test_cause_after_because(perceiver):
    p = perceiver.analyze("I'm anxious because I might lose my job")
    assert p.causes and "lose my job" in p.causes[0].text
    assert p.reflected_cause == "you might lose your job"


def test_valence_follows_the_feeling(perceiver):
    happy = perceiver.analyze("I got the job!! I'm so happy and excited")
    sad = perceiver.analyze("I feel so alone and hopeless, nothing is ever going to get better")
    assert happy.vad.valence > 0 > sad.vad.valence
    for p in (happy, sad):
        for v in p.vad.model_dump().values():
            assert -1.0 <= v <= 1.0


def test_emotions_sorted_predicted_first(perceiver):
    p = perceiver.analyze("Thanks a lot, that made my day")
    flags = [e.predicted for e in p.emotions]
    assert flags == sorted(flags, reverse=True) and flags[0]
    assert len(p.emotions) == 28
    predicted_scores = [e.score for e in p.emotions if e.predicted]
    assert predicted_scores == sorted(predicted_scores, reverse=True)


def test_long_text_is_read_in_windows(perceiver):
    filler = "We walked to the shop and bought some bread and milk for the week. " * 60
    text = filler + "Then I found out my best friend died in an accident and I can't stop crying."
    p = perceiver.analyze(text)
    assert p.windows > 1
    assert {"sadness", "grief"} & set(p.predicted)
    for c in p.causes:
        assert text[c.start:c.end] == c.text


def test_every_head_reads_the_same_embedding(perceiver):
    from empathia.perceive.encoder import Encoder

    text = "I can't sleep because work keeps me up at night"
    perceiver.analyze(text)
    cached = perceiver.embed([text])[0]
    fresh = Encoder(perceiver.settings, adapter_dir=perceiver.emotion_dir / "adapter")
    assert np.allclose(cached, fresh.encode([text])[0], atol=1e-4)
    assert abs(float(np.linalg.norm(cached)) - 1.0) < 1e-4


def test_heads_refuse_another_encoder(perceiver, tmp_path, monkeypatch):
    import shutil

    from empathia.config import Settings, default_encoder_path
    from empathia.perceive.perceiver import Perceiver

    other = tmp_path / "other-encoder"
    shutil.copytree(default_encoder_path(), other)
    cfg = other / "config.json"
    cfg.write_text(cfg.read_text().replace('"num_hidden_layers": 6', '"num_hidden_layers": 5'))
    monkeypatch.setenv("EMPATHIA_ENCODER", str(other))
    with pytest.raises(FileNotFoundError, match="another encoder"):
        Perceiver(Settings())


@pytest.mark.parametrize("text,cause", [
    ("I'm so angry that my boss took credit for my work", "my boss took credit"),
    ("I'm worried about my mom's surgery tomorrow", "surgery"),
    ("I feel lonely since I moved to a new city", "moved to a new city"),
    ("I failed my driving test again and I'm embarrassed", "driving test"),
    ("My girlfriend left me last week and I feel so empty", "girlfriend left me"),
])
def test_the_cause_is_the_clause_that_says_why(perceiver, text, cause):
    p = perceiver.analyze(text)
    assert p.causes, p
    assert cause in p.causes[0].text
    for c in p.causes:  # a clause that names the feeling expresses it, it does not cause it
        assert not {"angry", "worried", "lonely", "embarrassed", "empty"} & set(c.text.split())
