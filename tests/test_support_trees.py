"""The shipped tree ensemble reproduces scikit-learn's probabilities from plain arrays."""

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from empathia.support.linear import softmax
from empathia.support.trees import TreeEnsemble


def test_tree_ensemble_matches_sklearn_after_npz_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(600, 12))
    X[:, 3] = rng.integers(0, 2, 600)
    y = (X[:, 0] > 0).astype(int) + 2 * (X[:, 1] * X[:, 3] > 0.3)
    clf = HistGradientBoostingClassifier(max_iter=15, max_leaf_nodes=7,
                                         early_stopping=False, random_state=0).fit(X, y)
    TreeEnsemble.from_sklearn(clf).save(tmp_path / "t.npz")
    trees = TreeEnsemble.load(tmp_path / "t.npz")
    assert len(trees.roots) == 15 * 4
    np.testing.assert_allclose(softmax(trees.raw(X)), clf.predict_proba(X), atol=1e-6)
    one = softmax(trees.raw(X[:1]))
    np.testing.assert_allclose(one, clf.predict_proba(X[:1]), atol=1e-6)
