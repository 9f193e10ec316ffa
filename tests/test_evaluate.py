"""``mtcheck eval``: the measures on a tiny invented corpus, and the bar on ../shared/corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.evaluate import evaluate, summary
from mtcheck.settings import Settings

MT = ("Harbour strike ends\n\n"
      "The harbour workers returned to work on Monday after the union and the port company agreed on new "
      "shift rules for the night crews.\n\n"
      "Article continues below ad\n\n"
      "– We are relieved that it is over, says union leader Tor Berg.\n")
CLEAN = ("Harbour strike ends\n\n"
         "The harbour workers returned to work on Monday after the union and the port company agreed on new "
         "shift rules for the night crews.\n\n"
         "\"We are relieved that it is over,\" said union leader Tor Berg.\n")


def make_corpus(root: Path) -> Path:
    (root / "mt").mkdir(parents=True)
    (root / "clean").mkdir()
    (root / "mt" / "web-001.txt").write_text(MT, encoding="utf-8")
    (root / "clean" / "web-001.txt").write_text(CLEAN, encoding="utf-8")
    labels = [
        {"file": "mt/web-001.txt", "quote": "Article continues below ad", "category": "boilerplate"},
        {"file": "mt/web-001.txt", "quote": "– We are relieved", "category": "quote_dash"},
        {"file": "mt/web-001.txt", "quote": "new shift rules", "category": "garbled"},
    ]
    (root / "labels.jsonl").write_text("\n".join(json.dumps(x) for x in labels) + "\n", encoding="utf-8")
    notes = [{"file": "clean/web-001.txt", "quote": "said union leader", "feature": "x", "expect": "silent"}]
    (root / "clean-notes.jsonl").write_text(json.dumps(notes[0]) + "\n", encoding="utf-8")
    return root


def test_measures_on_a_tiny_corpus(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    s = summary(evaluate(corpus, Settings(embeddings=False)))
    cats = s["per_category"]
    assert cats["boilerplate"]["web"] == 1.0 and cats["quote_dash"]["web"] == 1.0
    assert cats["garbled"]["web"] == 0.0
    assert s["web_recall"] == pytest.approx(2 / 3)
    assert s["precision"] == 1.0 and s["findings_mt"] == 2
    assert s["mt_fail_share"] == 1.0 and s["clean_plain_pass_share"] == 1.0
    assert s["silent_trap_hits"] == 0


def test_eval_command_rejects_a_folder_that_is_not_a_corpus(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--no-embeddings", str(tmp_path)])
    assert exc.value.code == 2
    assert "not a corpus directory" in capsys.readouterr().err


def test_the_bar_on_the_shared_corpus(corpus):
    """The issue's bar, heuristics alone: a regression here means a detector got worse or noisier."""
    s = summary(evaluate(corpus, Settings(embeddings=False)))
    assert s["seed_recall"] >= 0.9
    assert s["web_structural_recall"] >= 0.85
    assert s["precision"] >= 0.85
    assert s["mt_fail_share"] >= 0.9
    assert s["clean_plain_pass_share"] == 1.0
    assert s["silent_trap_hits"] == 0
