"""Valence, arousal, dominance of the 28 GoEmotions labels, in [0, 1].

Values of the label words in the NRC VAD Lexicon v1 (Saif M. Mohammad, "Obtaining
Reliable Human Ratings of Valence, Arousal, and Dominance for 20,000 English Words",
ACL 2018). Keyed by label: (valence, arousal, dominance).
"""

VAD_COORDS: dict[str, tuple[float, float, float]] = {
    "admiration": (0.969, 0.583, 0.726),
    "amusement": (0.929, 0.837, 0.803),
    "anger": (0.167, 0.865, 0.657),
    "annoyance": (0.167, 0.718, 0.342),
    "approval": (0.854, 0.460, 0.889),
    "caring": (0.635, 0.469, 0.500),
    "confusion": (0.255, 0.667, 0.277),
    "curiosity": (0.750, 0.755, 0.463),
    "desire": (0.896, 0.692, 0.647),
    "disappointment": (0.115, 0.490, 0.336),
    "disapproval": (0.085, 0.551, 0.367),
    "disgust": (0.052, 0.775, 0.317),
    "embarrassment": (0.143, 0.685, 0.226),
    "excitement": (0.896, 0.684, 0.731),
    "fear": (0.073, 0.840, 0.293),
    "gratitude": (0.885, 0.441, 0.610),
    "grief": (0.070, 0.640, 0.474),
    "joy": (0.980, 0.824, 0.794),
    "love": (1.000, 0.519, 0.673),
    "nervousness": (0.163, 0.915, 0.241),
    "optimism": (0.949, 0.565, 0.814),
    "pride": (0.729, 0.634, 0.848),
    "realization": (0.554, 0.510, 0.836),
    "relief": (0.844, 0.278, 0.481),
    "remorse": (0.103, 0.673, 0.377),
    "sadness": (0.052, 0.288, 0.164),
    "surprise": (0.875, 0.875, 0.562),
    "neutral": (0.469, 0.184, 0.357),
}
