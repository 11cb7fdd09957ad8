"""Someone the person names is said back ("your sister"), never beside a loss or harm."""

from empathia.respond.embedded import EmbeddedRealiser, RealiseRequest
from empathia.support.state import mentioned_person


def test_a_named_person_is_said_back_in_second_person():
    assert mentioned_person("My boss keeps yelling at me and I hate it") == "your boss"
    assert mentioned_person("my best friend stopped talking to me") == "your best friend"
    assert mentioned_person("I live with my parents and my little brother") == \
        "your little brother"


def test_no_person_beside_a_loss_or_harm_or_when_nobody_is_named():
    assert mentioned_person("My dad passed away last month") is None
    assert mentioned_person("he left right after we lost our baby, my partner I mean") is None
    assert mentioned_person("my husband hits me when he drinks") is None
    assert mentioned_person("I just feel tired all the time") is None


def test_the_realiser_uses_the_person_and_says_them_back():
    used = 0
    for seed in range(30):
        req = RealiseRequest(strategy="question", stage="exploration", emotion="sadness",
                             person="your sister", pair=False, react=False,
                             history=["My sister and I have not spoken for a month."])
        r = EmbeddedRealiser(seed).realise(req)
        if any(m.id.startswith("people:") for m in r.moves):
            used += 1
            assert "your sister" in r.text and "{" not in r.text
    assert used >= 5  # weighted up: their own people, named back


def test_without_a_person_no_person_move_is_chosen():
    for seed in range(30):
        req = RealiseRequest(strategy="question", stage="exploration", emotion="sadness",
                             pair=False, react=False)
        r = EmbeddedRealiser(seed).realise(req)
        assert not any(m.id.startswith("people:") for m in r.moves)
