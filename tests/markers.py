"""Inline span markers for detector fixtures: ``⟦MT101:flagged text⟧`` marks the exact span a detector flags.

The brackets (U+27E6/U+27E7) never occur in news text or in any detector's patterns. ``strip_markers`` returns the
clean text and the expected set of (code, start, end); ``findings_of`` runs detectors on clean text.
"""

from __future__ import annotations

import re

from mtcheck.detectors.base import Context
from mtcheck.document import build_document
from mtcheck.engine import check_document
from mtcheck.registry import default_registry
from mtcheck.settings import Settings

_MARK = re.compile(r"⟦(MT\d{3}):|⟧")


def strip_markers(marked: str) -> tuple[str, set[tuple[str, int, int]]]:
    """Return the text without markers and the expected (code, start, end) spans; markers may nest."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    expected: set[tuple[str, int, int]] = set()
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        if m.group(1):
            stack.append((m.group(1), length))
        else:
            code, start = stack.pop()
            expected.add((code, start, length))
        pos = m.end()
    out.append(marked[pos:])
    assert not stack, "unclosed marker"
    return "".join(out), expected


def findings_of(text: str, codes: str | list[str] | None = None, fmt: str = "text", **settings_kw):
    """Return the findings of the selected detectors (default: all heuristics) on ``text``."""
    select = [codes] if isinstance(codes, str) else list(codes or [])
    settings = Settings(select=select, embeddings=False, **settings_kw)
    doc = build_document(text, fmt=fmt)
    return check_document(doc, settings).findings


def spans_of(text: str, codes: str | list[str] | None = None, fmt: str = "text") -> set[tuple[str, int, int]]:
    """Return the (code, start, end) set of the findings on ``text``."""
    return {(f.code, f.start, f.end) for f in findings_of(text, codes, fmt)}


def assert_marked(marked: str, codes: str | list[str], fmt: str = "text") -> None:
    """Assert that the detectors ``codes`` flag exactly the marked spans of ``marked`` (and nothing else)."""
    text, expected = strip_markers(marked)
    got = spans_of(text, codes, fmt)
    show = lambda s: sorted((c, text[a:b]) for c, a, b in s)  # noqa: E731
    assert got == expected, f"\nexpected: {show(expected)}\ngot:      {show(got)}"


__all__ = ["Context", "assert_marked", "default_registry", "findings_of", "spans_of", "strip_markers"]
