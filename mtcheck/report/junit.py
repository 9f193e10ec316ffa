"""JUnit XML: one test case per article (a failure when it fails the gate), one error case per unreadable input.

CI systems (GitLab, Jenkins, Azure) show it as a test report. The failure text lists the article's findings.
No timestamps or durations, so the output is reproducible.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO
from xml.sax import saxutils

from . import RenderOptions, RunReport

if TYPE_CHECKING:
    from ..engine import ArticleResult

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot carry


def escape(text: str) -> str:
    """Return ``text`` as XML character data."""
    return saxutils.escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """Return ``text`` as a quoted XML attribute value (one line)."""
    return saxutils.quoteattr(_NOT_XML.sub("\ufffd", text).replace("\n", " "))


def _finding_lines(r: ArticleResult) -> str:
    lines = []
    for f in r.findings:
        line, col = r.doc.line_col(f.start)
        lines.append(f"{r.file}:{line}:{col}: {f.code} [{f.severity.value}] {f.name}: {f.message}")
    return "\n".join(lines)


def render(report: RunReport, out: TextIO, options: RenderOptions) -> None:
    """Write the JUnit XML report."""
    failures = sum(not r.passed for r in report.results)
    errors = len(report.errors) + sum(bool(r.internal_errors) for r in report.results)
    tests = len(report.results) + len(report.errors)
    counts = f'tests="{tests}" failures="{failures}" errors="{errors}"'
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="mtcheck" {counts}>\n')
    out.write(f'  <testsuite name="mtcheck" {counts} skipped="0">\n')
    out.write(f'    <properties>\n      <property name="signature" value={quoteattr(report.signature)}/>\n'
              '    </properties>\n')
    for r in report.results:
        name = quoteattr(r.file)
        summary = f"score {r.score.value:g}/100, {r.score.words} words, {len(r.findings)} finding(s)"
        out.write(f'    <testcase classname="mtcheck" name={name} file={name}>\n')
        if not r.passed:
            out.write(f'      <failure type="gate" message={quoteattr("; ".join(r.reasons))}>'
                      f'{escape(_finding_lines(r))}</failure>\n')
        for err in r.internal_errors:
            out.write(f'      <error type="internal" message={quoteattr(err.splitlines()[0])}/>\n')
        out_text = summary + ("\n" + _finding_lines(r) if r.passed and r.findings else "")
        out.write(f"      <system-out>{escape(out_text)}</system-out>\n")
        out.write("    </testcase>\n")
    for e in report.errors:
        where = e["path"] + (f":{e['line']}" if e.get("line") else "")
        out.write(f'    <testcase classname="mtcheck" name={quoteattr(where)} file={quoteattr(e["path"])}>\n'
                  f'      <error type="input" message={quoteattr(e["error"])}/>\n    </testcase>\n')
    out.write("  </testsuite>\n</testsuites>\n")
