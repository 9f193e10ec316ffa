"""reviewdog rdjsonl: one ``Diagnostic`` JSON object per line.

Columns are 1-based UTF-8 byte counts, as the reviewdog protocol says (mtcheck's own columns count code points);
the end position is exclusive. Critical and major -> ERROR, minor -> WARNING, meta notices -> INFO.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..findings import Category, Severity
from . import RenderOptions, RunReport

_SEVERITY = {Severity.CRITICAL: "ERROR", Severity.MAJOR: "ERROR", Severity.MINOR: "WARNING"}


def byte_position(text: str, line_starts: list[int], line: int, col: int) -> dict[str, int]:
    """Return ``{"line", "column"}`` with the code-point column ``col`` converted to a UTF-8 byte column."""
    start = line_starts[line - 1]
    return {"line": line, "column": len(text[start:start + col - 1].encode("utf-8")) + 1}


def render(report: RunReport, out: TextIO, options: RenderOptions) -> None:
    """Write one rdjsonl diagnostic per finding and per unreadable input."""
    for r in report.results:
        doc = r.doc
        starts = doc._line_starts  # noqa: SLF001 - the document's own line index
        for f in r.findings:
            line, col = doc.line_col(f.start)
            end_line, end_col = doc.line_col(f.end)
            diag: dict[str, Any] = {
                "message": f.message + (f". {f.suggestion}" if f.suggestion else ""),
                "location": {"path": r.file, "range": {"start": byte_position(doc.text, starts, line, col),
                                                       "end": byte_position(doc.text, starts, end_line, end_col)}},
                "severity": "INFO" if f.category is Category.META else _SEVERITY[f.severity],
                "source": {"name": "mtcheck"},
                "code": {"value": f.code},
            }
            out.write(json.dumps(diag, ensure_ascii=False) + "\n")
    for e in report.errors:
        loc: dict[str, Any] = {"path": e["path"]}
        if e.get("line"):
            loc["range"] = {"start": {"line": e["line"]}}
        out.write(json.dumps({"message": e["error"], "location": loc, "severity": "ERROR",
                              "source": {"name": "mtcheck"}}, ensure_ascii=False) + "\n")
