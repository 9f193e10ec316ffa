"""Golden text and JSON reports of the bundled sample article, with the real heuristic detectors.

A change of any detector's findings on the sample, or of the text/JSON reporters, shows up here as a diff.
Refresh with MTCHECK_UPDATE_GOLDEN=1 after a deliberate change and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize(("fmt", "name"), [("text", "ferry-strike.txt"), ("json", "ferry-strike.json")])
def test_sample_report_matches_golden(fmt, name, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as exc:
        main(["check", "--isolated", "--no-embeddings", "--color", "never", "-f", fmt, "samples/ferry-strike.txt"])
    assert exc.value.code == 1
    got = capsys.readouterr().out
    path = GOLDEN / name
    if os.environ.get("MTCHECK_UPDATE_GOLDEN") or not path.exists():
        path.write_text(got, encoding="utf-8", newline="")
        if not os.environ.get("MTCHECK_UPDATE_GOLDEN"):
            pytest.fail(f"golden file {name} was missing and has been written; check it and re-run")
    assert got == path.read_text(encoding="utf-8"), f"{fmt} report changed; MTCHECK_UPDATE_GOLDEN=1 refreshes it"
