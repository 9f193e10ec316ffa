"""Reporters render a RunReport; they never decide the exit code (that is ``mtcheck.gate``'s job)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from ..engine import ArticleResult
    from ..settings import Settings

SCHEMA_VERSION = 1

# format name -> module under mtcheck.report defining ``render(report, out, options)``
REPORTERS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "markdown": "markdown",
    "rdjsonl": "rdjsonl",
}


@dataclass
class RunReport:
    """Everything a reporter may show: per-article results, run-level errors, settings and signature."""

    results: list[ArticleResult]
    settings: Settings
    signature: str
    errors: list[dict[str, Any]] = field(default_factory=list)  # inputs that could not be read: path, line, error
    notices: list[str] = field(default_factory=list)


@dataclass
class RenderOptions:
    """Presentation choices of a reporter."""

    color: bool = False
    show_source: bool = True
    verbose: bool = False


class Renderer(Protocol):
    def __call__(self, report: RunReport, out: TextIO, options: RenderOptions) -> None: ...


def get_renderer(fmt: str) -> Renderer:
    """Return the render function of a format."""
    module = importlib.import_module(f"mtcheck.report.{REPORTERS[fmt]}")
    return module.render  # type: ignore[no-any-return]


def finding_dict(result: ArticleResult, f: Any) -> dict[str, Any]:
    """Return a finding as the JSON contract names it."""
    line, col = result.doc.line_col(f.start)
    end_line, end_col = result.doc.end_line_col(f.end) if f.end > f.start else (line, col)
    return {
        "code": f.code,
        "name": f.name,
        "category": f.category.value,
        "mqm_category": f.mqm_category,
        "severity": f.severity.value,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "start": f.start,
        "end": f.end,
        "text": result.doc.text[f.start:f.end],
        "message": f.message,
        "suggestion": f.suggestion,
        "confidence": f.confidence,
        "source": f.source,
    }


def article_dict(result: ArticleResult, signature: str) -> dict[str, Any]:
    """Return one article's result in the JSON contract (schema_version 1)."""
    s = result.score
    return {
        "schema_version": SCHEMA_VERSION,
        "file": result.file,
        "format": result.doc.fmt,
        "words": s.words,
        "score": s.value,
        "passed": result.passed,
        "reasons": result.reasons,
        "penalty": s.penalty,
        "normalised_penalty": s.normalised_penalty,
        "by_severity": s.by_severity,
        "by_category": s.by_category,
        "model": result.model,
        "signature": signature,
        "findings": [finding_dict(result, f) for f in result.findings],
    }
