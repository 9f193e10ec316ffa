"""What a detector is: metadata (code, name, category, severity, docs, examples) and a ``check`` method."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..findings import MQM_CATEGORY, Category, Finding, Severity

if TYPE_CHECKING:
    from ..document import Document

CODE_RE = re.compile(r"^MT[1-9][0-9]{2}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# Detector families: the first digit of a code names its block.
BLOCKS = {
    "1": "quotes and dialogue punctuation",
    "2": "calques and mistranslated idioms",
    "3": "boilerplate and page furniture",
    "4": "bylines, bios and credits",
    "5": "duplicates",
    "6": "glued tokens",
    "7": "untranslated fragments",
    "8": "semantic similarity (embeddings)",
    "9": "meta (mtcheck's own notices)",
}
DOC_HEADINGS = ("## What it does", "## Why it matters", "## False positives")


@dataclass
class Context:
    """What a detector may use besides the document: settings, lexicons and (lazily) embeddings."""

    settings: Any = None
    resources: dict[str, Any] = field(default_factory=dict)
    embeddings: Any = None  # mtcheck.embeddings.DocEmbeddings when embeddings are on, else None


class Detector:
    """Base class: subclasses set the class attributes and implement ``check``.

    The class docstring is the detector's documentation (``mtcheck explain``): a one-line summary, then the
    sections ``## What it does``, ``## Why it matters`` and ``## False positives``. ``bad`` must make the
    detector fire and ``good`` must not; the test suite runs both.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    bad: ClassVar[str]  # an example the detector flags
    good: ClassVar[str]  # the same idea written correctly; the detector stays silent
    mqm_category: ClassVar[str | None] = None
    requires_embeddings: ClassVar[bool] = False
    threshold: ClassVar[float | None] = None  # documented similarity threshold of embedding detectors

    @classmethod
    def summary(cls) -> str:
        """Return the first line of the docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0].strip() if cls.__doc__ else ""

    @classmethod
    def explanation(cls) -> str:
        """Return the whole docstring, dedented."""
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def mqm(cls) -> str:
        """Return the MQM category of the detector's findings."""
        return cls.mqm_category or MQM_CATEGORY[cls.category]

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """Yield the findings of this detector in ``doc``."""
        raise NotImplementedError

    def finding(self, start: int, end: int, message: str, *, suggestion: str | None = None,
                confidence: float = 1.0, severity: Severity | None = None, source: str | None = None,
                **extra: object) -> Finding:
        """Return a Finding of this detector for the span ``start:end``."""
        return Finding(code=self.code, name=self.name, category=self.category, mqm_category=self.mqm(),
                       severity=severity or self.severity, start=start, end=end, message=message,
                       suggestion=suggestion, confidence=round(float(confidence), 3),
                       source=source or ("embedding" if self.requires_embeddings else "heuristic"),
                       extra=dict(extra))


def clip(text: str, limit: int = 60) -> str:
    """Return ``text`` on one line (every Unicode space run folded), cut to ``limit`` characters with an ellipsis."""
    from ..document import normalise_spaces

    text = normalise_spaces(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def iter_regex(pattern: re.Pattern[str], text: str, offset: int = 0) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Yield (start, end, match) of ``pattern`` in ``text`` shifted by ``offset``."""
    for m in pattern.finditer(text):
        yield offset + m.start(), offset + m.end(), m
