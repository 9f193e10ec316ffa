"""The one place where a run's exit code is decided."""

from __future__ import annotations

from .errors import ExitStatus
from .report import RunReport


def exit_status(report: RunReport, exit_zero: bool = False) -> ExitStatus:
    """Return the exit code: 3 if a detector crashed, else 2 if an input was unreadable, else 1 if an article
    failed the gate (unless ``exit_zero``), else 0."""
    if any(r.internal_errors for r in report.results):
        return ExitStatus.INTERNAL
    if report.errors:
        return ExitStatus.USAGE
    if not exit_zero and any(not r.passed for r in report.results):
        return ExitStatus.GATE_FAILED
    return ExitStatus.OK
