"""SARIF 2.1.0 report: one run, the detector catalogue as rules, one result per finding.

Regions carry 1-based lines and columns in Unicode code points (``columnKind: unicodeCodePoints``, Python's string
indices) plus ``charOffset``/``charLength``; ``partialFingerprints["mtcheck/v1"]`` is the baseline fingerprint (rule
plus normalised paragraph), so GitHub code scanning keeps an alert when other paragraphs change. Levels: critical
and major -> error, minor -> warning, meta notices -> note. Article scores are in ``run.properties.articles``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..findings import Category, Severity
from . import RenderOptions, RunReport

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}


def level(severity: Severity, category: Category) -> str:
    """Return the SARIF level of a finding."""
    return "note" if category is Category.META else _LEVEL[severity]


def uri(path: str) -> str:
    """Return a relative URI reference for an article path (JSONL ``file#id`` keeps the ``#`` escaped)."""
    return quote(path.replace("\\", "/"), safe="/:")


def _section(doc: str, heading: str) -> str:
    """Return the first paragraph under ``heading`` of a detector docstring."""
    if heading not in doc:
        return ""
    body = doc.split(heading, 1)[1].split("\n## ", 1)[0].strip()
    return " ".join(body.split("\n\n", 1)[0].split())


def rules() -> list[dict[str, Any]]:
    """Return the rule catalogue: every registered detector, then MT990 (a crashed detector)."""
    from .. import registry

    out = []
    for cls in registry.default_registry():
        doc = cls.explanation()
        out.append({
            "id": cls.code,
            "name": cls.name,
            "shortDescription": {"text": cls.summary()},
            "fullDescription": {"text": _section(doc, "## What it does") or cls.summary()},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": level(cls.severity, cls.category)},
            "properties": {"severity": cls.severity.value, "category": cls.category.value,
                           "mqm_category": cls.mqm(), "requires_embeddings": cls.requires_embeddings,
                           "tags": ["translation", cls.category.value]},
        })
    out.append({"id": "MT990", "name": "detector-error", "shortDescription": {"text": "A detector crashed"},
                "fullDescription": {"text": "A detector raised an exception; its findings are missing."},
                "defaultConfiguration": {"level": "error"}, "properties": {"category": "meta", "tags": ["internal"]}})
    return out


def sarif_dict(report: RunReport) -> dict[str, Any]:
    """Return the SARIF log of a run."""
    from ..baseline import FINGERPRINT_KEY, fingerprints

    catalogue = rules()
    index = {r["id"]: i for i, r in enumerate(catalogue)}
    results = []
    for r in report.results:
        for f, fp in zip(r.findings, fingerprints(r)):
            if f.code not in index:  # a detector outside the registry (tests, plug-ins)
                index[f.code] = len(catalogue)
                catalogue.append({"id": f.code, "name": f.name, "shortDescription": {"text": f.name},
                                  "defaultConfiguration": {"level": level(f.severity, f.category)}})
            line, col = r.doc.line_col(f.start)
            end_line, end_col = r.doc.end_line_col(f.end) if f.end > f.start else (line, col)
            message = f.message + (f". {f.suggestion}" if f.suggestion else "")
            results.append({
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": level(f.severity, f.category),
                "message": {"text": message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(r.file)},
                    "region": {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                               "charOffset": f.start, "charLength": f.end - f.start,
                               "snippet": {"text": r.doc.text[f.start:f.end]}},
                }}],
                "partialFingerprints": {FINGERPRINT_KEY: fp},
                "properties": {"severity": f.severity.value, "category": f.category.value,
                               "mqm_category": f.mqm_category, "confidence": f.confidence, "source": f.source},
            })
    notifications = [{
        "level": "error",
        "message": {"text": e["error"]},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(e["path"])},
                                            **({"region": {"startLine": e["line"]}} if e.get("line") else {})}}],
    } for e in report.errors]
    notifications += [{"level": "error", "message": {"text": err.splitlines()[0]}}
                      for r in report.results for err in r.internal_errors]
    articles = [{"file": r.file, "score": r.score.value, "passed": r.passed, "reasons": r.reasons,
                 "words": r.score.words} for r in report.results]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "mtcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": catalogue}},
            "invocations": [{"executionSuccessful": not report.errors and
                             not any(r.internal_errors for r in report.results),
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"signature": report.signature, "articles": articles},
        }],
    }


def render(report: RunReport, out: TextIO, options: RenderOptions) -> None:
    """Write the report as SARIF 2.1.0 JSON."""
    json.dump(sarif_dict(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
