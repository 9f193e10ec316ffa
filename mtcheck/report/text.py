"""Human-readable report: findings in line order with the offending excerpt, then the score."""

from __future__ import annotations

from typing import TextIO

from ..document import normalise_spaces
from ..findings import Severity
from . import RenderOptions, RunReport

_COLORS = {"red": "31", "yellow": "33", "magenta": "35", "bold": "1", "dim": "2", "green": "32", "cyan": "36"}
_SEV_COLOR = {Severity.MINOR: "cyan", Severity.MAJOR: "yellow", Severity.CRITICAL: "red"}
EXCERPT_WIDTH = 100


def _c(text: str, color: str, on: bool) -> str:
    return f"\033[{_COLORS[color]}m{text}\033[0m" if on else text


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH) -> tuple[str, int, int]:
    """Return the line around a span, clipped to ``width``, and the span's position in it."""
    line_start = max(text.rfind("\n", 0, start) + 1, 0)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].rstrip("\r")
    s, e = start - line_start, min(end, line_start + len(line)) - line_start
    if len(line) > width:
        left = max(0, min(s - 20, len(line) - width))
        line = ("…" if left else "") + line[left:left + width] + ("…" if left + width < len(line) else "")
        shift = left - (1 if left else 0)
        s, e = s - shift, min(e - shift, len(line))
    return line.replace("\t", " "), s, max(e, s + 1)


def render(report: RunReport, out: TextIO, options: RenderOptions) -> None:
    """Write the text report."""
    col = options.color
    results = sorted(report.results, key=lambda r: (r.passed, r.score.value)) if len(report.results) > 1 \
        else report.results
    for r in results:
        for f in r.findings:
            line, column = r.doc.line_col(f.start)
            sev = _c(f.severity.value, _SEV_COLOR[f.severity], col)
            conf = f" (confidence {f.confidence:.2f})" if f.confidence < 1.0 else ""
            out.write(f"{_c(r.file, 'bold', col)}:{line}:{column}: {_c(f.code, 'magenta', col)} [{sev}] "
                      f"{f.name}: {f.message}{conf}\n")
            if options.show_source and f.end > f.start:
                text, s, e = excerpt(r.doc.text, f.start, f.end)
                out.write(f"    {text}\n    {' ' * s}{_c('^' * (e - s), 'red', col)}\n")
            if f.suggestion:
                out.write(f"    {_c('suggestion:', 'green', col)} {normalise_spaces(f.suggestion)}\n")
    if report.results and any(r.findings for r in report.results):
        out.write("\n")
    for err in report.errors:
        where = err["path"] + (f":{err['line']}" if err.get("line") else "")
        out.write(f"{_c(where, 'bold', col)}: error: {err['error']}\n")
    for r in results:
        s = r.score
        verdict = _c("PASS", "green", col) if r.passed else _c("FAIL", "red", col)
        why = f" ({'; '.join(r.reasons)})" if r.reasons else ""
        counts = ", ".join(f"{n} {k}" for k, n in s.by_severity.items() if n) or "no findings"
        out.write(f"{_c(r.file, 'bold', col)}: {verdict} score {s.value:g}/100{why}: {s.words} words, {counts}\n")
        if s.by_category and (options.verbose or len(results) == 1):
            parts = ", ".join(f"{cat} {v['findings']:g} ({v['penalty']:g} pts)" for cat, v in s.by_category.items())
            out.write(f"  by category: {parts}\n")
        if r.model and (options.verbose or len(results) == 1):
            out.write(f"  model: {r.model.get('name')} ({r.model.get('source')})\n")
    if len(results) > 1:
        failed = sum(not r.passed for r in results)
        out.write(f"{len(results)} articles: {len(results) - failed} passed, {failed} failed"
                  + (f", {len(report.errors)} could not be read" if report.errors else "") + "\n")
    for n in report.notices:
        out.write(f"note: {n}\n")
