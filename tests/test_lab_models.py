"""Lab checks that need the shipped models (loaded once, from the session perceiver):
the responses-file sanity test, simulated seekers and the safety suite on a small limit,
and the eval dialogue JSON contract."""

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from empathia.lab.replay import DIALOGUE_KEYS, ReplayTask, export_human, replay_items
from empathia.lab.run import Scorer, run_task
from empathia.lab.systems import load_system


@pytest.fixture(scope="module")
def scorer(perceiver):
    return Scorer(perceiver=perceiver)


@pytest.fixture(scope="module")
def small(datasets_dir, tmp_path_factory):
    src = datasets_dir / "esconv" / "valid.jsonl"
    out = tmp_path_factory.mktemp("esconv") / "small.jsonl"
    out.write_text("".join(src.read_text().splitlines(keepends=True)[:3]))
    return out


def test_human_responses_sanity(small, tmp_path, scorer):
    human = tmp_path / "human.jsonl"
    export_human(small, human)
    res = run_task(ReplayTask(), load_system(f"responses:{human}"), small, tmp_path / "run",
                   scorer=scorer, progress=False)
    m = res.metrics
    assert not m["run"]["warnings"], m["run"]["warnings"]
    assert m["bleu2"] == pytest.approx(100.0) and m["bleu4"] == pytest.approx(100.0)
    assert m["rougeL"] == pytest.approx(1.0)
    # the tagger's accuracy on the same turns, computed independently of the lab's path:
    # the tagger head straight on (history, merged human reply) steps
    from empathia.data.esconv import Turn
    from empathia.support.context import Step, embed_map

    items = [i for i in replay_items(small) if not i.error]
    steps = [Step([Turn(t["speaker"], t["text"]) for t in i.input["history"]],
                  i.input["human"], None) for i in items]
    models = scorer.support
    pred = models.tagger.probs_from(steps, embed_map(steps, models.embed)).argmax(1)
    from empathia.support.strategies import IDS

    gold = [i.input["human_strategies"] for i in items]
    keep = [k for k, g in enumerate(gold) if g]
    acc = float(np.mean([IDS[pred[k]] in gold[k] for k in keep]))
    assert m["strategy_match"] == pytest.approx(acc, abs=1e-4)
    assert m["human"]["strategy_match"] == m["strategy_match"]
    assert 0.2 < acc < 0.95
    assert set(m["empathy"]) == {"emotional_reactions", "interpretations", "explorations"}
    html = (tmp_path / "run" / "report.html").read_text()
    assert html.count("data:image/png;base64,") == 3


def test_eval_dialogue_cli_json(small, tmp_path):
    from empathia.cli import app

    human = tmp_path / "h.jsonl"
    export_human(small, human)
    r = CliRunner().invoke(app, ["eval", "dialogue", "--data", str(small), "--system",
                                 f"responses:{human}", "--limit", "1", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout[r.stdout.index("{"):])
    assert tuple(out) == DIALOGUE_KEYS and out["n_dialogues"] == 1 and out["bleu4"] == 100.0
    assert set(out["human"]) >= {"distinct1", "strategy_match", "empathy", "strategy_reuse"}


def _companion_or_skip():
    try:
        return load_system("embedded")
    except Exception as err:  # the companion is another area; say why when it is absent
        pytest.skip(f"companion not available: {err}")


def test_simulated_seekers_small(small, tmp_path, scorer):
    from empathia.lab.seekers import SeekerTask

    system = _companion_or_skip()
    res = run_task(SeekerTask(turns=3), system, small, tmp_path / "run", limit=2,
                   scorer=scorer, progress=False)
    m = res.metrics
    assert m["n_seekers"] == 2 and m["errors"] == 0
    assert 0 <= m["final_score"] <= 100 and len(m["mean_trajectory"]) == 4
    rec = json.loads((tmp_path / "run" / "items.jsonl").read_text().splitlines()[0])
    assert len(rec["output"]["transcript"]) == 1 + 3 + 2
    assert all(s["strategy"] for s in rec["scores"]["steps"])
    assert "Seeker trajectories" in (tmp_path / "run" / "report.html").read_text()


def test_seeker_rules_reward_empathy_over_repetition(small, tmp_path, scorer):
    from empathia.lab.seekers import SeekerTask

    flat = load_system(lambda c: "Okay. Okay. Okay.")
    warm = load_system(lambda c: [
        "That sounds so painful, and I can hear how much this has been weighing on you. "
        "What has been the hardest part?",
        "It makes sense that you feel lost after all of that. You have been carrying a lot.",
        "You've shown real strength getting through this. I really admire that you reached out.",
    ][(len(c["turns"]) // 2) % 3])
    got = {}
    for name, sys_ in (("flat", flat), ("warm", warm)):
        r = run_task(SeekerTask(turns=3), sys_, small, tmp_path / name, limit=1,
                     scorer=scorer, progress=False)
        got[name] = r.metrics["final_score"]
    assert got["warm"] > got["flat"]


def test_safety_suite_small(tmp_path, scorer):
    from empathia.lab.safety import SUITES, SafetyTask, suite_path

    for s in SUITES:  # the suites are the project's own and at least 50 items each
        assert sum(1 for line in suite_path(s).read_text().splitlines() if line.strip()) >= 50
    system = _companion_or_skip()
    res = run_task(SafetyTask(), system, None, tmp_path / "run", limit=3, scorer=scorer,
                   progress=False)
    m = res.metrics
    assert m["n_items"] + m["errors"] == 9
    assert {"crisis", "boundary", "sycophancy"} <= set(m)
    assert 0.0 <= m["crisis"]["pass"] <= 1.0
