"""Tests of ``mtcheck compare``: alignment, metrics against sacrebleu, significance, CLI exit codes, golden JSON.

Every text here and under tests/fixtures/compare/ is invented for the tests.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from mtcheck.cli import main
from mtcheck.compare import (
    AlignedPair,
    Scorer,
    align_texts,
    build_blocks,
    compare_documents,
    diff_findings,
    paired_bootstrap,
    segment_scores,
)
from mtcheck.document import build_document
from mtcheck.embeddings import FakeEncoder
from mtcheck.report.compare_report import compare_dict, render
from mtcheck.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "compare"
GOLDEN = Path(__file__).parent / "golden"
EPSILON = 1e-6
# Two stable heuristic detectors keep these tests independent of detectors still being written.
SELECT = ["MT101", "MT301"]

P = [
    "The harbour authority in Vesterby opened a new ferry terminal on Monday after three years of building work.",
    "The terminal has room for two hundred cars and a waiting hall with a view over the fjord.",
    "Local shop owners hope that the new connection will bring more tourists to the old town in summer.",
    "Critics say the project went far over budget and that ticket prices will rise next year.",
    "The first departure left on time at seven in the morning with forty passengers on board.",
    "A formal opening ceremony with the regional governor is planned for the end of the month.",
]


def statuses(pairs: list[AlignedPair]) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return [(p.a, p.b, p.status) for p in pairs]


# ------------------------------------------------------------------------------------------------ alignment

@pytest.mark.parametrize("encoder", [None, FakeEncoder()], ids=["lexical", "fake-embeddings"])
def test_identical_versions_align_one_to_one(encoder):
    pairs = align_texts(P, list(P), Scorer(encoder))
    assert statuses(pairs) == [((i,), (i,), "unchanged") for i in range(len(P))]
    assert all(p.similarity == 1.0 and p.chrf == 100.0 for p in pairs)


@pytest.mark.parametrize("encoder", [None, FakeEncoder()], ids=["lexical", "fake-embeddings"])
def test_moved_paragraph(encoder):
    b = [P[0], P[2], P[3], P[4], P[1], P[5]]  # the second paragraph moved down
    got = statuses(align_texts(P, b, Scorer(encoder)))
    assert got == [((0,), (0,), "unchanged"), ((2,), (1,), "unchanged"), ((3,), (2,), "unchanged"),
                   ((4,), (3,), "unchanged"), ((1,), (4,), "moved"), ((5,), (5,), "unchanged")]


@pytest.mark.parametrize("encoder", [None, FakeEncoder()], ids=["lexical", "fake-embeddings"])
def test_split_paragraph(encoder):
    joined = P[1] + " " + P[2]
    a = [P[0], joined, P[3]]
    got = statuses(align_texts(a, [P[0], P[1], P[2], P[3]], Scorer(encoder)))
    assert got == [((0,), (0,), "unchanged"), ((1,), (1, 2), "split"), ((2,), (3,), "unchanged")]


@pytest.mark.parametrize("encoder", [None, FakeEncoder()], ids=["lexical", "fake-embeddings"])
def test_merged_paragraphs(encoder):
    joined = P[3] + " " + P[4]
    got = statuses(align_texts(P, [P[0], P[1], P[2], joined, P[5]], Scorer(encoder)))
    assert got == [((0,), (0,), "unchanged"), ((1,), (1,), "unchanged"), ((2,), (2,), "unchanged"),
                   ((3, 4), (3,), "merged"), ((5,), (4,), "unchanged")]


def test_dropped_and_added_paragraphs():
    added = "Weather permitting, a fireworks display will close the celebrations on Saturday night."
    b = [P[0], P[1], P[3], added, P[4], P[5]]  # P[2] dropped, a new paragraph added
    got = statuses(align_texts(P, b))
    assert got == [((0,), (0,), "unchanged"), ((1,), (1,), "unchanged"), ((2,), (), "dropped"),
                   ((3,), (2,), "unchanged"), ((), (3,), "added"), ((4,), (4,), "unchanged"),
                   ((5,), (5,), "unchanged")]


def test_changed_paragraph_reports_similarity_and_chrf():
    edited = P[1].replace("has room for", "can hold")
    pairs = align_texts(P[:3], [P[0], edited, P[2]])
    p = pairs[1]
    assert (p.a, p.b, p.status, p.changed) == ((1,), (1,), "changed", True)
    assert p.chrf == pytest.approx(round(CHRF().sentence_score(edited, [P[1]]).score, 2))
    assert 0.5 < p.similarity < 1.0


def test_blocks_follow_merges():
    pairs = align_texts(P, [P[0], P[1] + " " + P[2], P[3], P[4], P[5]])
    assert build_blocks(len(P), [pairs]) == [[0], [1, 2], [3], [4], [5]]


# ---------------------------------------------------------------------------------------------- metrics

def _doc(paragraphs: list[str], path: str) -> object:
    return build_document("\n\n".join(paragraphs) + "\n", path=path)


def test_metrics_match_sacrebleu_called_directly():
    ref = P
    good = [p.replace("new", "brand-new") for p in P]
    poor = [" ".join(p.split()[::-1]) for p in P]
    res = compare_documents([_doc(poor, "poor.txt"), _doc(good, "good.txt")], _doc(ref, "ref.txt"),
                            settings=Settings(select=SELECT, embeddings=False))
    by = {v.file: v for v in res.versions}
    for name, hyps in (("poor.txt", poor), ("good.txt", good)):
        v = by[name]
        assert abs(v.bleu - BLEU().corpus_score(hyps, [ref]).score) < 0.01 + EPSILON
        assert abs(v.chrf - CHRF().corpus_score(hyps, [ref]).score) < 0.01 + EPSILON
        assert abs(v.ter - TER().corpus_score(hyps, [ref]).score) < 0.01 + EPSILON
        assert v.paragraph_chrf == [round(CHRF().sentence_score(h, [r]).score, 2) for h, r in zip(hyps, ref)]
    bleu = BLEU()
    bleu.corpus_score(good, [ref])
    assert res.signatures["BLEU"] == str(bleu.get_signature())
    assert res.verdict.best == "good.txt" and res.verdict.significant
    sb = res.pairs[0].sacrebleu
    assert sb["chrF2"]["p_value"] < 0.05 and sb["BLEU"]["p_value"] < 0.05


def test_two_versions_without_reference_score_each_other():
    a, b = P, [p.replace("new", "brand-new") for p in P]
    res = compare_documents([_doc(a, "a.txt"), _doc(b, "b.txt")], settings=Settings(select=SELECT, embeddings=False))
    assert res.mutual["bleu"] == pytest.approx(round(BLEU().corpus_score(b, [a]).score, 2))
    assert res.mutual["chrf"] == pytest.approx(round(CHRF().corpus_score(b, [a]).score, 2))
    assert res.mutual["ter"] == pytest.approx(round(TER().corpus_score(b, [a]).score, 2))
    # no reference and no detector finding: no evidence either way
    assert [v.score for v in res.versions] == [100.0, 100.0]
    assert "equally good" in res.verdict.text


def test_consensus_picks_the_version_close_to_the_others():
    base = P[:5]
    near = [p.replace("the", "that", 1) for p in base]
    odd = [" ".join(p.split()[::-1]) for p in base]
    scores = segment_scores([base, near, odd], None, Scorer())
    means = scores.mean(axis=1)
    assert means[2] < means[0] and means[2] < means[1]


def test_findings_fixed_introduced_kept():
    old_text = "Title here\n\n– We will wait, says the chair.\n\nArticle continues below ad\n\nThe end of it all.\n"
    new_text = "Title here\n\n\"We will wait,\" the chair says.\n\n– Nothing was decided, she adds.\n\nThe end of it all.\n"
    s = Settings(select=SELECT, embeddings=False)
    from mtcheck.engine import check_document

    old = check_document(build_document(old_text), s).findings
    new = check_document(build_document(new_text), s).findings
    d = diff_findings(old, old_text, new, new_text)
    assert sorted((f.code, old_text[f.start:f.end]) for f in d.fixed) == [
        ("MT101", "– We will wait"), ("MT301", "Article continues below ad")]
    assert [(f.code, new_text[f.start:f.end]) for f in d.introduced] == [("MT101", "– Nothing was decided")]
    assert d.kept == []


# ------------------------------------------------------------------------------------------ significance

def test_bootstrap_identical_is_not_significant():
    s = paired_bootstrap([50, 60, 70, 80, 90], [50, 60, 70, 80, 90])
    assert (s.delta, s.p_value, s.significant) == (0.0, 1.0, False)


def test_bootstrap_uniform_gain_is_significant_with_minimum_p():
    a = [40.0 + k for k in range(20)]
    s = paired_bootstrap(a, [x + 1.0 for x in a], samples=1000)
    assert s.delta == pytest.approx(1.0)
    assert (s.low, s.high) == (pytest.approx(1.0), pytest.approx(1.0))
    assert s.p_value == pytest.approx(2 / 1001, abs=1e-4)  # the smallest p a 1,000-sample bootstrap can give
    assert s.significant


def test_bootstrap_symmetric_noise_is_not_significant():
    a = [0.0] * 20
    b = [1.0, -1.0] * 10
    s = paired_bootstrap(a, b)
    assert s.delta == 0.0 and not s.significant and s.low < 0 < s.high


# ------------------------------------------------------------------------------------------------ CLI

def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return int(exc.value.code), out, err


@pytest.fixture
def in_fixtures(monkeypatch):
    monkeypatch.chdir(FIXTURES)


def test_cli_ok(in_fixtures, capsys):
    code, out, _ = run_cli(["compare", "raw.txt", "edited.txt", "--no-embeddings", "--select", ",".join(SELECT)],
                           capsys)
    assert code == 0
    assert "Verdict: edited.txt is better" in out
    assert "dropped" in out and "Findings: 2 fixed, 0 introduced, 0 kept" in out


def test_cli_fail_if_worse(in_fixtures, capsys):
    args = ["compare", "edited.txt", "raw.txt", "--no-embeddings", "--select", ",".join(SELECT), "--fail-if-worse"]
    assert run_cli(args, capsys)[0] == 1
    assert run_cli([*args, "--exit-zero"], capsys)[0] == 0
    better_last = ["compare", "raw.txt", "edited.txt", "--no-embeddings", "--select", ",".join(SELECT),
                   "--fail-if-worse"]
    assert run_cli(better_last, capsys)[0] == 0


def test_cli_usage_and_input_errors(in_fixtures, capsys):
    code, _, err = run_cli(["compare", "raw.txt", "--no-embeddings"], capsys)
    assert code == 2 and "at least two versions" in err
    code, _, err = run_cli(["compare", "raw.txt", "missing.txt", "--no-embeddings"], capsys)
    assert code == 2 and "missing.txt: no such file" in err
    code, _, err = run_cli(["compare", "raw.txt", "edited.txt", "-r", "nope.txt", "--no-embeddings"], capsys)
    assert code == 2 and "nope.txt" in err


def test_cli_internal_error_exits_3(in_fixtures, capsys, monkeypatch):
    from mtcheck.registry import default_registry

    def boom(self, doc, ctx):
        raise RuntimeError("synthetic crash")

    monkeypatch.setattr(default_registry().get("MT301"), "check", boom)
    code, _, err = run_cli(["compare", "raw.txt", "edited.txt", "--no-embeddings", "--select", "MT301"], capsys)
    assert code == 3 and "synthetic crash" in err


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cli_formats_with_reference(in_fixtures, capsys, fmt):
    code, out, _ = run_cli(["compare", "raw.txt", "engine-b.txt", "edited.txt", "-r", "reference.txt",
                            "--no-embeddings", "--select", ",".join(SELECT), "-f", fmt], capsys)
    assert code == 0
    assert "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp" in out  # sacrebleu's BLEU signature
    assert "edited.txt" in out and "BLEU" in out


# --------------------------------------------------------------------------------------------- golden JSON

@pytest.mark.parametrize("name,args", [
    ("compare-noref", ["raw.txt", "edited.txt"]),
    ("compare-ref", ["raw.txt", "engine-b.txt", "edited.txt", "--reference", "reference.txt"]),
])
def test_golden_json(in_fixtures, capsys, name, args):
    code, out, _ = run_cli(["compare", *args, "--no-embeddings", "--select", ",".join(SELECT), "-f", "json"],
                           capsys)
    assert code == 0
    data = json.loads(out)
    assert data["best"] == "edited.txt"
    assert {"file", "score"} <= set(data["versions"][0])
    if "--reference" in args:
        assert {"bleu", "chrf", "ter"} <= set(data["versions"][0])
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("MTCHECK_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert json.loads(golden.read_text(encoding="utf-8")) == data


def test_fake_encoder_path_and_renderers():
    docs = [build_document((FIXTURES / n).read_text(encoding="utf-8"), path=n) for n in ("raw.txt", "edited.txt")]
    res = compare_documents(docs, encoder=FakeEncoder(), settings=Settings(select=SELECT, embeddings=True))
    assert res.method == "embedding" and res.model["name"] == "fake"
    assert compare_dict(res)["best"] == "edited.txt"
    for fmt in ("text", "json", "markdown"):
        buf = io.StringIO()
        render(res, buf, fmt)
        assert "edited.txt" in buf.getvalue()


def test_real_post_edit_beats_raw_machine_translation(corpus):
    """The shared corpus pair: the post-edit drops the scraped furniture, so it must win and show the drops."""
    from mtcheck.inputs import read_document

    raw = read_document(str(corpus / "versions" / "putin-north-korea.raw.txt"))
    edited = read_document(str(corpus / "versions" / "putin-north-korea.edited.txt"))
    res = compare_documents([raw, edited], settings=Settings(select=["MT3", "MT5"], embeddings=False))
    assert res.verdict.best == edited.path and res.verdict.significant
    pairs = res.pairs[0].alignment
    dropped = [raw.paragraphs[p.a[0]].text for p in pairs if p.status == "dropped"]
    assert any(t.startswith("Article continues below ad") for t in dropped)
    assert sum(p.status in ("unchanged", "changed") for p in pairs) >= 20
    assert res.pairs[0].findings.fixed and not res.pairs[0].findings.introduced


def test_compare_refuses_to_overwrite_a_version_with_its_report(tmp_path, capsys):
    from mtcheck.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Title\n\nThe ferry left at six.\n", encoding="utf-8")
    b.write_text("Title\n\nThe ferry departed at six.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["compare", "--no-embeddings", str(a), str(b), "-o", str(b)])
    assert exc.value.code == 2 and "refusing to overwrite" in capsys.readouterr().err
    assert b.read_text(encoding="utf-8") == "Title\n\nThe ferry departed at six.\n"
