"""The score formula and the gate."""

from mtcheck.findings import Category, Finding, Severity
from mtcheck.scoring import MIN_WORDS, Gate, score_findings


def make(sev: Severity, cat: Category = Category.BOILERPLATE) -> Finding:
    return Finding(code="MT301", name="x", category=cat, mqm_category="Accuracy/Addition", severity=sev,
                   start=0, end=1, message="m")


def test_score_formula_per_thousand_words():
    s = score_findings([make(Severity.MAJOR), make(Severity.MINOR)], words=1000)
    assert s.penalty == 6 and s.normalised_penalty == 6 and s.value == 94
    s = score_findings([make(Severity.CRITICAL)] * 5, words=1000)
    assert s.value == 0  # floored at zero


def test_short_articles_are_normalised_as_min_words():
    s = score_findings([make(Severity.MINOR)], words=60)
    assert s.normalised_penalty == 1000 / MIN_WORDS
    assert s.value == 96


def test_meta_findings_weigh_nothing_and_breakdown_by_category():
    s = score_findings([make(Severity.MAJOR, Category.META), make(Severity.MAJOR, Category.CALQUE)], words=500)
    assert s.penalty == 5
    assert s.by_category == {"calque": {"findings": 1, "penalty": 5.0}}
    assert s.by_severity == {"minor": 0, "major": 1, "critical": 0}


def test_gate_reasons():
    gate = Gate(fail_under=90, fail_on=Severity.MAJOR)
    minor = score_findings([make(Severity.MINOR)], 1000)
    assert gate.reasons(minor, [make(Severity.MINOR)]) == []
    major = [make(Severity.MAJOR)]
    assert gate.reasons(score_findings(major, 1000), major) == ["1 finding(s) at or above major"]
    assert Gate(fail_under=99.5, fail_on=None).reasons(minor, [make(Severity.MINOR)]) == ["score 99 < 99.5"]
