"""Run settings: what the command line (and, later, a config file) decides for a check."""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Severity
from .scoring import DEFAULT_FAIL_ON, DEFAULT_FAIL_UNDER, Gate


@dataclass
class Settings:
    """Everything that changes what a check finds or how it is judged."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity_overrides: dict[str, Severity] = field(default_factory=dict)  # code or name -> severity
    fail_under: float = DEFAULT_FAIL_UNDER
    fail_on: Severity | None = DEFAULT_FAIL_ON
    embeddings: bool = True
    model: str | None = None  # None: the bundled all-MiniLM-L6-v2
    extra_lexicons: list[str] = field(default_factory=list)
    extra_exemplars: list[str] = field(default_factory=list)
    max_bytes: int = 10 * 1024 * 1024

    @property
    def gate(self) -> Gate:
        """Return the pass/fail rule of these settings."""
        return Gate(fail_under=self.fail_under, fail_on=self.fail_on)
