"""Reflection and clause splitting: pure text functions the replies depend on."""

from empathia.perceive.cause import clauses
from empathia.perceive.perceiver import windows
from empathia.perceive.reflect import reflect


def test_reflect_swaps_first_person_for_second():
    assert reflect("I might lose my job") == "you might lose your job"
    assert reflect("I'm worried about myself") == "you're worried about yourself"
    assert reflect("I was alone and I am tired") == "you were alone and you are tired"
    assert reflect("My mom won't forgive me") == "Your mom won't forgive you"


def test_reflect_keeps_other_people_as_written():
    assert reflect("she was angry at him") == "she was angry at him"


def test_clauses_leave_connectives_outside_the_span():
    text = "I'm anxious because I might lose my job."
    spans = [c.text for c in clauses(text)]
    assert spans == ["I'm anxious", "I might lose my job"]
    for c in clauses(text):
        assert text[c.start:c.end] == c.text


def test_clauses_split_feeling_from_its_object():
    assert [c.text for c in clauses("I am scared of losing my job")] == [
        "I am scared", "losing my job"]
    assert "I'll fail my exams" in [c.text for c in clauses(
        "I'm terrified I'll fail my exams and disappoint my parents")]


def test_windows_cover_long_text_without_gaps():
    text = ("This is a sentence about my day. " * 200).strip()
    spans = windows(text, size=300)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(b - a <= 300 for a, b in spans)
    assert windows("short") == [(0, 5)]


def test_a_batch_larger_than_the_cache_is_encoded_whole():
    import numpy as np

    from empathia.perceive.encoder import Encoder

    enc = Encoder(cache_size=4)
    texts = [f"sentence number {i}" for i in range(10)]
    out = enc.encode(texts)
    assert out.shape == (10, 384)
    assert np.allclose(out[7], enc.encode([texts[7]])[0], atol=1e-5)


def test_reflect_leaves_times_and_abbreviations_alone():
    assert reflect("I wake up at 3am") == "you wake up at 3am"
    assert reflect("We moved to the US and my ME got worse") == \
        "You moved to the US and your ME got worse"


def test_reflect_answers_shouting_in_a_normal_voice():
    assert reflect("I'M SO SCARED MY MOM LEFT") == "you're so scared your mom left"
