"""Baselines: stable fingerprints (no churn from other paragraphs), only-new reporting and gating, exit codes."""

from __future__ import annotations

import json

import pytest
from gate_fakes import FAKE_REGISTRY, use_fake_registry

from mtcheck.baseline import apply_baseline, baseline_dict, fingerprints, load_baseline
from mtcheck.cli import main
from mtcheck.document import build_document
from mtcheck.engine import check_document
from mtcheck.errors import InputError
from mtcheck.report import RunReport
from mtcheck.settings import Settings

BASE = ("Ferry talks stall\n\nThe union and the operator met on Monday without agreement on crew rest periods.\n\n"
        "Advertisement\n\nSjøfolk på kaia said they would wait.\n")


def result(text: str, path: str = "a.txt"):
    return check_document(build_document(text, path=path), Settings(embeddings=False), registry=FAKE_REGISTRY)


def fps(text: str) -> dict[str, str]:
    r = result(text)
    return {f.code: fp for f, fp in zip(r.findings, fingerprints(r))}


def test_an_edit_in_another_paragraph_does_not_churn():
    before = fps(BASE)
    edited = BASE.replace("on Monday", "late on Monday evening").replace("Ferry talks stall", "Ferry talks stall again")
    moved = BASE.replace("Advertisement\n\n", "") + "\nAdvertisement\n"
    rewrapped = BASE.replace("Sjøfolk på kaia said", "Sjøfolk på kaia\u00a0 said")
    assert fps(edited) == before and fps(moved) == before and fps(rewrapped) == before


def test_an_edit_in_the_paragraph_itself_makes_the_finding_new():
    before = fps(BASE)
    after = fps(BASE.replace("said they would wait", "said they would not wait"))
    assert after["MT301"] == before["MT301"] and after["MT701"] != before["MT701"]


def test_repeats_get_occurrence_indexes():
    r = result("Title\n\nAdvertisement\n\nAdvertisement\n")
    assert [fp.split(":")[1] for fp in fingerprints(r)] == ["0", "1"]
    assert len(set(fingerprints(r))) == 2


def test_apply_baseline_hides_known_findings_and_regates():
    old = result(BASE)
    known = {k: __import__("collections").Counter(e["fingerprint"] for e in v)
             for k, v in baseline_dict([old])["articles"].items()}
    new_text = BASE + "\nAdvertisement\n"
    report = RunReport(results=[result(new_text)], settings=Settings(embeddings=False), signature="s")
    assert not report.results[0].passed
    hidden, gone = apply_baseline(report, known)
    r = report.results[0]
    assert hidden == 2 and gone == 0
    assert [(f.code, new_text[f.start:f.end]) for f in r.findings] == [("MT301", "Advertisement")]
    assert r.findings[0].start == new_text.rindex("Advertisement")  # the second one is the new one
    report = RunReport(results=[result(BASE.replace("Advertisement\n\n", ""))], settings=Settings(), signature="s")
    assert apply_baseline(report, known) == (1, 1) and report.results[0].passed


def test_bad_baseline_files_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such baseline"):
        load_baseline(tmp_path / "none.json")
    (tmp_path / "b.json").write_text('{"version": 99, "articles": {}}')
    with pytest.raises(InputError, match="not an mtcheck baseline"):
        load_baseline(tmp_path / "b.json")


def run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_cli_write_then_gate_on_new_findings_only(tmp_path, monkeypatch, capsys):
    use_fake_registry(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BASE)
    (tmp_path / "b.txt").write_text("Quiet day\n\nNothing to report from the harbour today.\n")
    code, out, _ = run(["check", "--isolated", "--no-embeddings", "--write-baseline", "bl.json", "a.txt", "b.txt"],
                       capsys)
    assert code == 0 and "wrote 2 finding(s) of 2 article(s) to the baseline bl.json" in out
    data = json.loads((tmp_path / "bl.json").read_text())
    assert list(data["articles"]) == ["a.txt"] and {e["code"] for e in data["articles"]["a.txt"]} == {"MT301", "MT701"}
    code, out, _ = run(["check", "--isolated", "--no-embeddings", "--baseline", "bl.json", "-f", "json", "a.txt",
                        "b.txt"], capsys)
    assert code == 0 and all(not r["findings"] for r in json.loads(out)["results"])
    (tmp_path / "a.txt").write_text(BASE.replace("Ferry talks stall", "Ferry talks stall\n\n– We wait, he says."))
    code, out, _ = run(["check", "--isolated", "--no-embeddings", "--baseline", "bl.json", "-f", "json", "a.txt"],
                       capsys)
    assert code == 1 and [f["code"] for f in json.loads(out)["findings"]] == ["MT101"]
    code, _, err = run(["check", "--isolated", "--no-embeddings", "--baseline", "missing.json", "a.txt"], capsys)
    assert code == 2 and "no such baseline file" in err
