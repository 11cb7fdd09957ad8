"""Snapshot: a 15-turn break-up conversation with the embedded companion.

The seeker's lines are written by hand; every reply is produced by the code. The snapshot
runs without the learned next-strategy prior and with the lexicon-only risk reader, so it
changes only when perception, the planner, the content library or the realiser change.
Regenerate after a deliberate change with ``EMPATHIA_REGEN=1`` and read the result.
"""

from __future__ import annotations

import os
from pathlib import Path

from empathia.companion import Companion, CompanionSettings

DOC = Path(__file__).resolve().parents[1] / "docs" / "transcript_breakup.md"

SEEKER = [
    "hi",
    "My girlfriend and I broke up last week. We were together almost four years.",
    "She said she'd been unhappy for a long time and I never noticed. That's what I can't "
    "get past.",
    "I keep replaying every conversation, looking for what I missed.",
    "Evenings are the worst. The flat is so quiet without her.",
    "My friends keep telling me there are plenty of fish in the sea. It doesn't help.",
    "Honestly I feel stupid. Like everyone saw it coming except me.",
    "I haven't really been sleeping. I'm up at 3am checking her Instagram.",
    "Is it normal to still miss someone who didn't want to be with you?",
    "Yeah. I think I miss who I was with her too.",
    "It helps a bit when I go running in the morning, but then the day starts and it all "
    "comes back.",
    "What should I do about the Instagram thing? I know it makes it worse.",
    "Maybe. Muting her feels so final though.",
    "I could ask my brother to come over this weekend. He's good at distracting me.",
    "Thanks for listening. I feel a little lighter than when I started.",
]

HEADER = """# A break-up conversation with the embedded companion

Fifteen turns. The seeker's lines were written by hand; every reply was produced by
`Companion(locale="US", seed=0)` with the offline (embedded) realiser, no learned
next-strategy prior and the lexicon-only risk reader. The bracketed line under each reply
is the plan (`--explain` shows the same). Regenerate with
`EMPATHIA_REGEN=1 pytest tests/test_companion_transcript.py`; the test fails when the
output changes.
"""


def render(perceiver) -> str:
    from empathia.safety.risk import RiskAssessor

    c = Companion(locale="US", seed=0, perceiver=perceiver,
                  settings=CompanionSettings(use_learned=False),
                  assessor=RiskAssessor(use_model=False))
    conv: dict = {"locale": "US", "turns": []}
    out = [HEADER]
    for i, line in enumerate(SEEKER, 1):
        conv["turns"].append({"speaker": "seeker", "text": line})
        r = c.reply(conv)
        conv["turns"].append({"speaker": "supporter", "text": r.text})
        out.append(f"**{i}. Seeker:** {line}\n\n**empathia:** {r.text}\n\n"
                   f"> _{r.plan.stage} · {r.plan.strategy} · feeling "
                   f"{r.state.trajectory[-1].emotion if r.state and r.state.trajectory else '-'}"
                   f" · risk {r.risk.get('level')}_\n")
    return "\n".join(out)


def test_breakup_transcript_snapshot(perceiver):
    text = render(perceiver)
    if os.environ.get("EMPATHIA_REGEN") == "1" or not DOC.exists():
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, (
        "the break-up transcript changed; read it, then regenerate with EMPATHIA_REGEN=1")
    assert text.count("**empathia:**") == 15
