"""Shared test set-up: the repository and shared corpus paths."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """Return ../shared/corpus, skipping the test when it is absent."""
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not present")
    return CORPUS
