"""GitHub Actions workflow commands: one annotation per finding, one per failing article, one per unreadable input.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=MT301 name::message``. Critical and major findings
are errors, minor ones warnings, meta notices notices. ``endColumn`` is the column of the span's last character.
A last plain line sums the run up (GitHub shows it in the log).
"""

from __future__ import annotations

from typing import TextIO

from ..findings import Category, Severity
from . import RenderOptions, RunReport

_LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}


def escape_data(s: str) -> str:
    """Escape a workflow-command message."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a workflow-command property value."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    """Return one workflow command line."""
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {parts}::{escape_data(message)}" if parts else f"::{level}::{escape_data(message)}"


def render(report: RunReport, out: TextIO, options: RenderOptions) -> None:
    """Write one annotation per finding, failing article and unreadable input."""
    for r in report.results:
        for f in r.findings:
            line, col = r.doc.line_col(f.start)
            end_line, end_col = r.doc.line_col(max(f.end - 1, f.start))
            level = "notice" if f.category is Category.META else _LEVEL[f.severity]
            message = f.message + (f"\n{f.suggestion}" if f.suggestion else "")
            out.write(command(level, message, file=r.file, line=line, col=col, endLine=end_line,
                              endColumn=end_col, title=f"{f.code} {f.name} [{f.severity.value}]") + "\n")
    for r in report.results:
        if not r.passed:
            out.write(command("error", f"article fails the mtcheck gate: score {r.score.value:g}/100 "
                                       f"({'; '.join(r.reasons)})", file=r.file, title="mtcheck gate") + "\n")
    for e in report.errors:
        out.write(command("error", e["error"], file=e["path"], line=e.get("line"), title="mtcheck input error") + "\n")
    for r in report.results:
        for err in r.internal_errors:
            out.write(command("error", err.splitlines()[0], file=r.file, title="mtcheck internal error") + "\n")
    failed = sum(not r.passed for r in report.results)
    out.write(f"mtcheck: {len(report.results)} article(s), {len(report.results) - failed} passed, {failed} failed"
              + (f", {len(report.errors)} could not be read" if report.errors else "") + "\n")
    for n in report.notices:
        out.write(command("notice", n) + "\n")
