"""Model cards for the support heads, written next to the weights by the train commands."""

from __future__ import annotations

import json
from pathlib import Path

RETRAIN = {
    "strategy_tagger": "empathia train strategy-tagger --data ../shared/datasets/esconv",
    "strategy_predictor": "empathia train strategy-predictor --data ../shared/datasets/esconv",
    "empathy": "empathia train empathy --data ../shared/datasets/epitome",
}
EVAL = {
    "strategy_tagger": "empathia eval strategy --data ../shared/datasets/esconv/valid.jsonl",
    "strategy_predictor": "empathia eval strategy --data ../shared/datasets/esconv/valid.jsonl",
    "empathy": "empathia eval empathy --data ../shared/datasets/epitome --split dev",
}
ESCONV = ("ESConv (Liu et al. 2021, *Towards Emotional Support Dialog Systems*, ACL): 1,300 "
          "crowd-sourced support conversations with a strategy label on every supporter "
          "turn; released for research under CC BY-NC 4.0, so these weights inherit a "
          "non-commercial restriction.")
EPITOME = ("EPITOME (Sharma et al. 2020, *A Computational Approach to Understanding Empathy "
           "Expressed in Text-Based Mental Health Support*, EMNLP): Reddit (seeker post, "
           "response) pairs with a 0/1/2 level and rationale spans for each of three "
           "mechanisms; released for research use by the authors (check their terms before "
           "commercial use).")
SUMMARY = {
    "strategy_tagger": (
        "Tags a supporter reply with one of the 8 ESConv strategies. A softmax-linear head "
        "(scikit-learn logistic regression, C={C}) over the shared embeddings of the reply, "
        "the turn before it and the seeker's last turn, position flags, 11 surface cues "
        "and word 1-2-gram + character 2-5-gram TF-IDF of the reply."),
    "strategy_predictor": (
        "Predicts the next supporter strategy from the dialogue so far: shared embeddings "
        "of the seeker's last turn, the mean of their last three turns and the supporter's "
        "last turn; the last two strategies and the strategy mix so far; the seeker's 28 "
        "emotion probabilities (the emotion head) now and their change since the first "
        "turn; position; and 143 cheap history features (third-last strategy, bigram of the "
        "last two, mix of the last four supporter turns, turns since each strategy was last "
        "used, supporter-turn and history-length buckets, 11 text cues and lengths of what "
        "the seeker said since the supporter last spoke; no extra encoder pass); and 128 "
        "transition features (the last strategy crossed with the supporter-turn bucket and "
        "with 4 cues of the seeker's last words, log counts of each strategy, turns since "
        "each was last used). Logistic regression (C={C}) averaged with gradient-boosted "
        "trees (scikit-learn HistGradientBoosting over a 16-component PCA of each embedding "
        "and all other features; stored as plain node arrays, no pickle; weight in "
        "meta.json `trees`), chosen by 5-fold grouped cross-validation on train; then "
        "per-strategy log-prior offsets "
        "chosen on a held-out seventh of the training conversations so that no strategy is "
        "predicted less than 0.6x or more than 1.7x as often as it really occurs."),
    "empathy": (
        "EPITOME levels (0 none, 1 weak, 2 strong) for emotional reactions, "
        "interpretations and explorations. One balanced logistic regression per mechanism "
        "(C={C}) over the shared embeddings of seeker post and response, their product, "
        "and 11 surface cues, plus one feature set per mechanism chosen by 5-fold "
        "cross-validation on train (feature_sets in meta.json): word/char n-gram TF-IDF of "
        "the response; n-grams and 4 cues of the response's questions (count, addressed to "
        "'you', length); 31 question-specificity cues (how many of the questions' content "
        "words the seeker used, generic questions such as 'what happened?', open vs closed, "
        "first word, length; they read the seeker's text, no extra encoder pass). "
        "The span returned for "
        "a mechanism with level >= 1 is the response sentence that a per-mechanism sentence "
        "classifier (n-grams + cues, trained on the rationale spans) scores highest; no span "
        "is returned at level 0. Spans are whole sentences, not the exact rationale."),
}


BARS = {
    "strategy_tagger": [("accuracy", 0.65), ("macro_f1", 0.58)],
    "strategy_predictor": [("accuracy", 0.38), ("weighted_f1", 0.34)],
    "empathy": [("emotional_reactions.macro_f1", 0.68), ("interpretations.macro_f1", 0.58),
                ("explorations.macro_f1", 0.68)],
}


def bar_lines(name: str, valid: dict) -> list[str]:
    """One line per bar of issue #3: the measured figure and whether it is met."""
    out = []
    for key, bar in BARS[name]:
        value = valid
        for part in key.split("."):
            value = value.get(part, {}) if isinstance(value, dict) else {}
        if isinstance(value, (int, float)):
            out.append(f"- {key} {value:.4f} (bar {bar}): {'met' if value >= bar else 'NOT met'}")
        else:
            out.append(f"- {key}: not measured (bar {bar})")
    if name == "strategy_predictor" and "preference_ratio" in valid:
        bad = valid.get("outside_0.5_2.0", [])
        out.append("- preference ratio in [0.5, 2.0] for every strategy: "
                   + ("met" if not bad else f"NOT met ({', '.join(bad)})"))
    return out


def write_card(folder: Path, name: str, meta: dict) -> None:
    lines = [f"# {name}", "", SUMMARY[name].format(C=meta.get("C", "?")), "",
             "## Data", "", ESCONV if name != "empathy" else EPITOME, "",
             "Trained on the train split only; every choice (regularisation, prior offsets) "
             "was made on training data. The figures below are measured on the valid/dev "
             "split, which was never used to choose anything.", "",
             "## Encoder", "",
             f"Reads the shared encoder's embeddings: base encoder fingerprint "
             f"`{meta.get('encoder_fingerprint', '?')}`, encoder + emotion adapter fingerprint "
             f"`{meta.get('embedding_fingerprint', '?')}`. Loading refuses another encoder or "
             "adapter; retrain whenever either changes.", "",
             "## Figures (valid/dev)", "", "```json",
             json.dumps(meta.get("valid", {}), indent=2), "```", "",
             "## Retrain and measure", "", "```", RETRAIN[name], EVAL[name], "```", "",
             "## Bars (issue #3), on the figures above", "",
             *bar_lines(name, meta.get("valid", {})), "",
             "## Limits", "",
             "English only; crowd-worker (ESConv) and Reddit (EPITOME) language. A label is a "
             "reading of the words, not a judgement of the person.", ""]
    (folder / "MODEL_CARD.md").write_text("\n".join(lines))
