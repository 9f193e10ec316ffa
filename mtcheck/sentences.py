"""Sentence splitting with character offsets (pysbd, rule-based, no model download)."""

from __future__ import annotations

import re
from functools import lru_cache

from .document import SPACE_CHARS

# pysbd's run time grows faster than linearly with paragraph length; paragraphs longer than this (a whole
# page pasted as one line) are split by a plain rule instead: a sentence ends at . ! ? (plus closing quotes
# or brackets) followed by white space and an upper-case letter, digit or opening quote.
PYSBD_MAX_CHARS = 4000
_FAST_BOUNDARY = re.compile(r"[.!?][\"'”’»)\]]*(?=[ \t\u00a0\r\n]+[\"'“‘«(\[]?[A-ZÀ-ÖØ-Þ0-9–—-])")


def _fast_split(text: str) -> list[str]:
    pieces, pos = [], 0
    for m in _FAST_BOUNDARY.finditer(text):
        pieces.append(text[pos:m.end()])
        pos = m.end()
    pieces.append(text[pos:])
    return pieces


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, trimmed of surrounding white space.

    pysbd returns the sentence strings; they are located in ``text`` in order, so the offsets are exact even
    when the same sentence occurs twice.
    """
    if not text.strip(SPACE_CHARS + "\r\n"):
        return []
    spans: list[tuple[int, int]] = []
    pos = 0
    pieces = _segmenter().segment(text) if len(text) <= PYSBD_MAX_CHARS else _fast_split(text)
    for piece in pieces:
        core = piece.strip(SPACE_CHARS + "\r\n")
        if not core:
            continue
        i = text.find(core, pos)
        if i < 0:  # pysbd altered the text; fall back to one sentence for the rest
            rest = text[pos:]
            lead = len(rest) - len(rest.lstrip(SPACE_CHARS + "\r\n"))
            end = len(text.rstrip(SPACE_CHARS + "\r\n"))
            if end > pos + lead:
                spans.append((pos + lead, end))
            return spans
        spans.append((i, i + len(core)))
        pos = i + len(core)
    return spans
