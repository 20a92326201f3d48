"""Fixtures shared by the analysis tests."""

from __future__ import annotations

import os

import pytest

from newsprism.analyze.embed import Encoder, get_encoder


@pytest.fixture(scope="module")
def minilm() -> Encoder:
    """The packaged sentence model; tests that need it skip when it cannot be loaded."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        return get_encoder("minilm")
    except Exception as exc:  # the packaged model is optional
        pytest.skip(f"sentence model unavailable: {exc}")
