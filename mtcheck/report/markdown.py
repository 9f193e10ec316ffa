"""Markdown summary for a pull-request comment or a GitHub job summary (``$GITHUB_STEP_SUMMARY``).

A headline verdict, a table of articles (failing first, with scores and reasons), unreadable inputs, then the
findings of each article with findings in a collapsible block (at most ``MAX_FINDINGS`` per article).
"""

from __future__ import annotations

from typing import TextIO

from ..document import normalise_spaces
from . import RenderOptions, RunReport

MAX_FINDINGS = 50


def cell(text: str, code: bool = False) -> str:
    """Return ``text`` safe inside a Markdown table cell (``code``: inside backticks, where entities stay literal)."""
    text = normalise_spaces(text)
    if not code:
        text = text.replace("\\", "\\\\").replace("<", "&lt;")
    return text.replace("|", "\\|")


def render(report: RunReport, out: TextIO, options: RenderOptions) -> None:
    """Write the Markdown summary."""
    results = sorted(report.results, key=lambda r: (r.passed, r.score.value))
    failed = sum(not r.passed for r in results)
    n = len(results)
    if failed:
        head = f"## ❌ mtcheck: {failed} of {n} article{'s' if n != 1 else ''} failed the gate"
    else:
        head = f"## ✅ mtcheck: {n} article{'s' if n != 1 else ''} passed"
    if report.errors:
        head += f", {len(report.errors)} could not be read"
    out.write(head + "\n\n")
    if results:
        out.write("| | Article | Score | Findings | Why it fails |\n|---|---|---:|---|---|\n")
        for r in results:
            counts = ", ".join(f"{v} {k}" for k, v in reversed(r.score.by_severity.items()) if v) or "none"
            mark = "✅" if r.passed else "❌"
            out.write(f"| {mark} | `{cell(r.file)}` | {r.score.value:g} | {counts} | {cell('; '.join(r.reasons))} |\n")
        out.write("\n")
    if report.errors:
        out.write("**Could not be read**\n\n")
        for e in report.errors:
            where = e["path"] + (f":{e['line']}" if e.get("line") else "")
            out.write(f"- `{cell(where)}`: {cell(e['error'])}\n")
        out.write("\n")
    for r in results:
        if not r.findings:
            continue
        out.write(f"<details{'' if r.passed else ' open'}><summary><code>{cell(r.file)}</code>: "
                  f"{len(r.findings)} finding(s)</summary>\n\n")
        out.write("| Line | Code | Severity | Text | Message |\n|---:|---|---|---|---|\n")
        for f in r.findings[:MAX_FINDINGS]:
            line, col = r.doc.line_col(f.start)
            text = r.doc.text[f.start:f.end]
            text = text if len(text) <= 60 else text[:57] + "…"
            snippet = f"`{cell(text, code=True)}`" if text.strip() and "`" not in text else cell(text)
            out.write(f"| {line}:{col} | {f.code} {f.name} | {f.severity.value} | {snippet} | {cell(f.message)} |\n")
        if len(r.findings) > MAX_FINDINGS:
            out.write(f"\n…and {len(r.findings) - MAX_FINDINGS} more (see the full report).\n")
        out.write("\n</details>\n\n")
    for note in report.notices:
        out.write(f"> {cell(note)}\n\n")
    out.write(f"<sub>{cell(report.signature)}</sub>\n")
