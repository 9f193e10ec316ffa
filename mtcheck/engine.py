"""Run the selected detectors over a document and collect a scored result."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any

from .detectors.base import Context, Detector
from .document import Document
from .findings import Category, Finding, Severity
from .registry import Registry, default_registry
from .scoring import Score, score_findings
from .settings import Settings

INTERNAL_ERROR_CODE = "MT990"


@dataclass
class ArticleResult:
    """The outcome of checking one article."""

    doc: Document
    findings: list[Finding]
    score: Score
    passed: bool
    reasons: list[str]
    internal_errors: list[str] = field(default_factory=list)
    model: dict[str, Any] | None = None

    @property
    def file(self) -> str:
        """Return the path the article was read from."""
        return self.doc.path


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """Drop a finding when another of the same category covers most of the same span with stronger evidence.

    A heuristic and an embedding detector often flag the same line; the report shows one finding, the one
    with the higher severity, then confidence, then the heuristic (it names the exact pattern).
    """
    def strength(f: Finding) -> tuple[int, float, int, int]:
        return (f.severity.rank, f.confidence, f.source == "heuristic", f.end - f.start)

    kept: list[Finding] = []
    for f in sorted(findings, key=strength, reverse=True):
        dup = False
        for k in kept:
            if k.category is not f.category or k.code == f.code or not k.overlaps(f):
                continue
            inter = min(k.end, f.end) - max(k.start, f.start)
            if inter >= 0.5 * min(k.end - k.start, f.end - f.start) and (k.source != f.source):
                dup = True
                break
        if not dup:
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, f.code))


def run_detectors(doc: Document, detectors: list[type[Detector]], ctx: Context) -> tuple[list[Finding], list[str]]:
    """Run each detector, isolating crashes: a crash becomes an MT990 finding and an internal error."""
    findings: list[Finding] = []
    errors: list[str] = []
    for cls in detectors:
        try:
            findings.extend(cls().check(doc, ctx))
        except Exception as err:  # noqa: BLE001 - one broken detector must not hide the others' findings
            detail = f"{cls.code} {cls.name} crashed: {type(err).__name__}: {err}"
            errors.append(detail + "\n" + traceback.format_exc())
            findings.append(Finding(code=INTERNAL_ERROR_CODE, name="detector-error", category=Category.META,
                                    mqm_category="Other", severity=Severity.MINOR, start=0, end=0,
                                    message=detail))
    return findings, errors


def check_document(doc: Document, settings: Settings | None = None, registry: Registry | None = None,
                   encoder: Any = None, resources: dict[str, Any] | None = None) -> ArticleResult:
    """Check one document and return its scored result.

    ``encoder`` is an embedding encoder (see ``mtcheck.embeddings``); when it is None and embeddings are on,
    detectors that need embeddings are skipped.
    """
    settings = settings or Settings()
    registry = registry or default_registry()
    detectors = registry.selected(settings.select, settings.ignore)
    model_info = None
    embeddings = None
    if settings.embeddings and encoder is not None and any(d.requires_embeddings for d in detectors):
        from .embeddings import DocEmbeddings

        embeddings = DocEmbeddings(doc, encoder)
        model_info = encoder.info()
    if embeddings is None:
        detectors = [d for d in detectors if not d.requires_embeddings]
    ctx = Context(settings=settings, resources=resources if resources is not None else {}, embeddings=embeddings)
    findings, errors = run_detectors(doc, detectors, ctx)
    findings = apply_severity_overrides(findings, settings, registry)
    if doc.comments:  # <!-- mtcheck: disable ... --> directives; before merging, so each code is judged alone
        from .suppression import apply_suppressions

        findings = apply_suppressions(doc, findings, settings, registry, ran=[d.code for d in detectors])
    findings = merge_findings(findings)
    score = score_findings(findings, doc.word_count)
    reasons = settings.gate.reasons(score, findings)
    return ArticleResult(doc=doc, findings=findings, score=score, passed=not reasons, reasons=reasons,
                         internal_errors=errors, model=model_info)


def apply_severity_overrides(findings: list[Finding], settings: Settings, registry: Registry) -> list[Finding]:
    """Return findings with the configured per-detector severities applied."""
    if not settings.severity_overrides:
        return findings
    by_code: dict[str, Severity] = {}
    for key, sev in settings.severity_overrides.items():
        cls = registry.get(key)
        if cls is not None:
            by_code[cls.code] = sev
    return [f.with_severity(by_code[f.code]) if f.code in by_code else f for f in findings]
