"""Scraped-text robustness: BOM, CRLF and Unicode spaces change no finding; odd texts crash no detector."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from mtcheck.document import build_document
from mtcheck.engine import check_document
from mtcheck.inputs import decode
from mtcheck.settings import Settings

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ferry-strike.txt"
SETTINGS = Settings(embeddings=False)


def codes_and_texts(text: str) -> Counter:
    doc = build_document(text)
    res = check_document(doc, SETTINGS)
    assert not res.internal_errors, res.internal_errors
    for f in res.findings:
        assert 0 <= f.start <= f.end <= len(text)
    return Counter((f.code, re.sub(r"\s+", " ", text[f.start:f.end].replace("\u00a0", " "))) for f in res.findings)


def test_bom_crlf_and_unicode_spaces_change_nothing():
    original = SAMPLE.read_text(encoding="utf-8")
    base = codes_and_texts(original)
    assert base
    variants = {
        "bom": decode(("\ufeff" + original).encode("utf-8"), "x"),
        "crlf": original.replace("\n", "\r\n"),
        "nbsp": re.sub(r"(?<=[.:,]) ", "\u00a0", original),
        "blank-lines-with-spaces": original.replace("\n\n", "\n \u00a0\u2009\n"),
    }
    for name, text in variants.items():
        assert codes_and_texts(text) == base, name


@pytest.mark.parametrize("text", [
    "–", "- - -", "\"", "(((", "a" * 20000, "🙂 " * 300, "שלום עולם. مرحبا بالعالم.", "\u200b\u200b\u200b",
    "Title\n\n" + "Word. " * 3000, "1.\n\n2.\n\n3.", "«»„“”‘’", "A\rB\rC", "x\n" * 2000,
])
def test_odd_texts_crash_no_detector(text):
    res = check_document(build_document(text), SETTINGS)
    assert not res.internal_errors
