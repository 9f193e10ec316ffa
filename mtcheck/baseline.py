"""Baselines: record today's findings, then report (and gate) on new findings only.

A finding's fingerprint is ``sha256(code + "\\0" + normalised paragraph text)[:16]`` plus ``:N``, its occurrence
index among findings with the same code in paragraphs with the same text. The paragraph text is folded (Unicode
spaces to one space, trimmed, case-folded), so an edit in *another* paragraph, a moved paragraph or re-wrapped
lines do not churn it; an edit in the paragraph itself makes its findings new, which is what a reviewer wants.
The same fingerprint is SARIF's ``partialFingerprints["mtcheck/v1"]``.

The baseline file is JSON: ``{"version": 1, "articles": {path: [{"fingerprint", "code", "line", "text"}, ...]}}``,
keyed by the path as mtcheck printed it (run from the same directory with the same paths).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .document import normalise_spaces
from .errors import InputError
from .scoring import score_findings

if TYPE_CHECKING:
    from .engine import ArticleResult
    from .report import RunReport

BASELINE_VERSION = 1
FINGERPRINT_KEY = "mtcheck/v1"
NEVER_BASELINED = {"MT990"}  # a crashed detector is always reported


def normalise_paragraph(text: str) -> str:
    """Return the form of a paragraph that fingerprints hash."""
    return normalise_spaces(text).casefold()


def fingerprints(result: ArticleResult) -> list[str]:
    """Return the fingerprint of each finding of ``result``, in the order of ``result.findings``."""
    doc = result.doc
    seen: Counter[str] = Counter()
    out = []
    for f in result.findings:
        para = doc.paragraph_at(f.start)
        anchor = para.text if para is not None else doc.text[f.start:f.end]
        base = hashlib.sha256(f"{f.code}\0{normalise_paragraph(anchor)}".encode()).hexdigest()[:16]
        out.append(f"{base}:{seen[base]}")
        seen[base] += 1
    return out


def path_key(path: str) -> str:
    """Return the key of an article in a baseline file (forward slashes, no leading ``./``)."""
    key = path.replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def baseline_dict(results: list[ArticleResult]) -> dict[str, Any]:
    """Return the baseline of these results as a JSON-able dict."""
    articles: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        entries = []
        for f, fp in zip(r.findings, fingerprints(r)):
            if f.code in NEVER_BASELINED:
                continue
            entries.append({"fingerprint": fp, "code": f.code, "line": r.doc.line_col(f.start)[0],
                            "text": normalise_spaces(r.doc.text[f.start:f.end])[:120]})
        if entries:
            articles[path_key(r.file)] = entries
    return {"version": BASELINE_VERSION, "tool": "mtcheck", "mtcheck_version": __version__,
            "articles": dict(sorted(articles.items()))}


def write_baseline(path: str | Path, results: list[ArticleResult]) -> int:
    """Write the baseline of ``results`` to ``path``; return the number of findings recorded."""
    data = baseline_dict(results)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return sum(len(v) for v in data["articles"].values())


def load_baseline(path: str | Path) -> dict[str, Counter[str]]:
    """Return path -> multiset of fingerprints of a baseline file; raise InputError when it is unusable."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: not a readable baseline file ({err})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or \
            not isinstance(data.get("articles"), dict):
        raise InputError(f"{path}: not an mtcheck baseline (version {BASELINE_VERSION}) file")
    out: dict[str, Counter[str]] = {}
    for key, entries in data["articles"].items():
        if not isinstance(entries, list):
            raise InputError(f"{path}: bad entry for {key!r}")
        out[key] = Counter(e["fingerprint"] for e in entries if isinstance(e, dict) and "fingerprint" in e)
    return out


def apply_baseline(report: RunReport, known: dict[str, Counter[str]]) -> tuple[int, int]:
    """Drop the findings of ``report`` that the baseline knows, re-score and re-gate each article in place.

    Return (hidden, gone): the findings hidden, and the baseline entries of checked articles no longer found.
    """
    gate = report.settings.gate
    hidden = gone = 0
    for i, r in enumerate(report.results):
        left = Counter(known.get(path_key(r.file), Counter()))
        new = []
        for f, fp in zip(r.findings, fingerprints(r)):
            if left[fp] > 0 and f.code not in NEVER_BASELINED:
                left[fp] -= 1
                hidden += 1
            else:
                new.append(f)
        gone += sum(left.values())
        if len(new) != len(r.findings):
            score = score_findings(new, r.doc.word_count)
            reasons = gate.reasons(score, new)
            report.results[i] = replace(r, findings=new, score=score, passed=not reasons, reasons=reasons)
    return hidden, gone
