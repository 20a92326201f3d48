"""The NumPy MiniLM gives sentence-transformers' vectors; the encoders degrade instead of crashing."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from newsprism.analyze import embed

SENTENCES = [
    "The harbour authority closed two piers after the storm damaged the sea wall.",
    "Two piers were shut by port officials because the storm had broken part of the sea wall.",
    "The city orchestra will tour four countries next spring.",
    "x",
    "",
]


def test_numpy_minilm_matches_sentence_transformers() -> None:
    pytest.importorskip("sentence_transformers")
    ours = embed.MiniLMEncoder().encode(SENTENCES)
    reference = embed.SentenceTransformerEncoder().encode(SENTENCES)
    assert ours.shape == reference.shape == (len(SENTENCES), 384)
    assert float((ours * reference).sum(axis=1).min()) > 0.9999


def test_paraphrase_closer_than_unrelated() -> None:
    v = embed.get_encoder("minilm").encode(SENTENCES[:3])
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]


def test_vectors_do_not_depend_on_batch_company() -> None:
    enc = embed.MiniLMEncoder()
    alone = enc.encode([SENTENCES[0]])
    fresh = embed.MiniLMEncoder().encode(list(reversed(SENTENCES)))
    assert np.allclose(alone[0], fresh[-1], atol=1e-6)


def test_auto_falls_back_to_lexical_with_a_warning(monkeypatch, caplog) -> None:
    def broken() -> None:
        raise OSError("weights missing")

    monkeypatch.setattr(embed, "MiniLMEncoder", broken)
    monkeypatch.setattr(embed, "_encoders", {})
    with caplog.at_level(logging.WARNING):
        enc = embed.get_encoder("auto")
    assert enc.name == "lexical"
    assert "lexical" in caplog.text
    with pytest.raises(OSError):
        embed.get_encoder("minilm")


def test_lexical_encoder_is_normalised_and_deterministic() -> None:
    a = embed.LexicalEncoder().encode(SENTENCES)
    b = embed.LexicalEncoder().encode(SENTENCES)
    assert np.array_equal(a, b)
    norms = np.linalg.norm(a[:3], axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)
