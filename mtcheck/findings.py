"""Findings, severities and categories: the vocabulary every detector and reporter shares."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    """MQM severity of a finding; the order is minor < major < critical."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Return 1, 2 or 3 so severities can be compared."""
        return {"minor": 1, "major": 2, "critical": 3}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Return the severity named by ``value`` (case-insensitive) or raise ValueError."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None


class Category(str, Enum):
    """The artefact categories of the evaluation corpus, plus ``meta`` for mtcheck's own notices."""

    QUOTE_DASH = "quote_dash"
    CALQUE = "calque"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    GLUED = "glued"
    UNTRANSLATED = "untranslated"
    GARBLED = "garbled"
    META = "meta"


# MQM (MQM Core, 2.0 typology) dimension/type that each category maps onto by default.
MQM_CATEGORY = {
    Category.QUOTE_DASH: "Fluency/Punctuation",
    Category.CALQUE: "Style/Unidiomatic",
    Category.BYLINE: "Accuracy/Addition",
    Category.BOILERPLATE: "Accuracy/Addition",
    Category.DUPLICATE: "Accuracy/Addition",
    Category.GLUED: "Fluency/Spelling",
    Category.UNTRANSLATED: "Accuracy/Untranslated",
    Category.GARBLED: "Accuracy/Mistranslation",
    Category.META: "Other",
}


@dataclass(frozen=True)
class Finding:
    """One artefact found in a document: what, where (character offsets), how bad and how sure."""

    code: str
    name: str
    category: Category
    mqm_category: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str | None = None
    confidence: float = 1.0
    source: str = "heuristic"  # "heuristic" or "embedding": kind of evidence
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def with_severity(self, severity: Severity) -> Finding:
        """Return a copy with another severity (config overrides)."""
        return replace(self, severity=severity)

    def overlaps(self, other: Finding) -> bool:
        """Return True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end
