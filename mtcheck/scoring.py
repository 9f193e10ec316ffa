"""The MQM-style quality score and the publication gate.

score = max(0, 100 - NPT), where NPT (normalised penalty total) = APT * 1000 / max(words, MIN_WORDS) and
APT (absolute penalty total) = sum of the severity weights of the findings (minor 1, major 5, critical 25).
So NPT is the penalty per 1,000 words, and each penalty point per 1,000 words costs one point of score.
Short articles are normalised as if they had MIN_WORDS words, so one minor slip in a 60-word brief costs
4 points, not 17.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .findings import Category, Finding, Severity

WEIGHTS: Mapping[Severity, float] = {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}
MIN_WORDS = 250
DEFAULT_FAIL_UNDER = 90.0
DEFAULT_FAIL_ON = Severity.MAJOR


@dataclass(frozen=True)
class Score:
    """An article's quality score with its parts."""

    value: float
    penalty: float  # APT
    normalised_penalty: float  # NPT, per 1,000 words
    words: int
    by_category: dict[str, dict[str, float]] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)


def score_findings(findings: Iterable[Finding], words: int,
                   weights: Mapping[Severity, float] = WEIGHTS) -> Score:
    """Return the score of an article with ``words`` words and these findings (meta findings weigh nothing)."""
    by_category: dict[str, dict[str, float]] = {}
    by_severity = {s.value: 0 for s in Severity}
    apt = 0.0
    for f in findings:
        if f.category is Category.META:
            continue
        w = weights[f.severity]
        apt += w
        by_severity[f.severity.value] += 1
        slot = by_category.setdefault(f.category.value, {"findings": 0, "penalty": 0.0})
        slot["findings"] += 1
        slot["penalty"] += w
    npt = apt * 1000.0 / max(words, MIN_WORDS)
    value = round(max(0.0, 100.0 - npt), 1)
    return Score(value=value, penalty=apt, normalised_penalty=round(npt, 2), words=words,
                 by_category=dict(sorted(by_category.items())), by_severity=by_severity)


@dataclass(frozen=True)
class Gate:
    """The pass/fail rule: a score at or above ``fail_under`` and no finding at or above ``fail_on``."""

    fail_under: float = DEFAULT_FAIL_UNDER
    fail_on: Severity | None = DEFAULT_FAIL_ON  # None: severity alone never fails

    def reasons(self, score: Score, findings: Iterable[Finding]) -> list[str]:
        """Return why an article fails (empty when it passes)."""
        out = []
        if score.value < self.fail_under:
            out.append(f"score {score.value:g} < {self.fail_under:g}")
        if self.fail_on is not None:
            worst = [f for f in findings if f.category is not Category.META and f.severity.rank >= self.fail_on.rank]
            if worst:
                out.append(f"{len(worst)} finding(s) at or above {self.fail_on.value}")
        return out
