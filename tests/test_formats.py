"""Every report format on one invented multi-finding article, a clean one and two unreadable inputs.

Golden files live in tests/golden/; refresh them with MTCHECK_UPDATE_GOLDEN=1 after a deliberate change.
The findings come from the stand-in detectors of gate_fakes, so only a change of the reporters moves them.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gate_fakes import FAKE_REGISTRY, use_fake_registry

from mtcheck.engine import check_document
from mtcheck.inputs import read_document
from mtcheck.report import REPORTERS, RenderOptions, RunReport, get_renderer
from mtcheck.settings import Settings
from mtcheck.signature import signature

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
SARIF_SCHEMA = HERE.parent.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
EXTENSIONS = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt", "junit": "junit.xml",
              "markdown": "md", "rdjsonl": "rdjsonl"}


def build_report() -> RunReport:
    settings = Settings(embeddings=False)
    results = []
    for name in ("gate-article.md", "gate-clean.txt"):
        doc = read_document(str(HERE / "fixtures" / name))
        doc.path = f"fixtures/{name}"
        results.append(check_document(doc, settings, registry=FAKE_REGISTRY))
    errors = [{"path": "fixtures/missing.txt", "line": None, "error": "no such file"},
              {"path": "fixtures/batch.jsonl", "line": 3, "error": "malformed JSON (Expecting value at column 1)"}]
    return RunReport(results=results, settings=settings, signature=signature(settings), errors=errors)


def render(fmt: str, report: RunReport) -> str:
    buf = io.StringIO()
    get_renderer(fmt)(report, buf, RenderOptions())
    return buf.getvalue()


@pytest.fixture
def report(monkeypatch) -> RunReport:
    use_fake_registry(monkeypatch)
    return build_report()


def test_fixture_has_the_intended_findings(report):
    article = report.results[0]
    got = sorted((f.code, article.doc.text[f.start:f.end]) for f in article.findings)
    assert got == [
        ("MT101", "– We need another month to do this properly, says council leader Åse Brøndbo."),
        ("MT301", "Advertisement"),  # the second one; the first is suppressed
        ("MT501", "Harbour council delays the ferry contract"),
        ("MT601", "noon.ReadMore"),
        ("MT701", "Sjøfolk på kaia"),
        ("MT901", "<!-- mtcheck: disable-next-line fake-glued -->"),
        ("MT902", "<!-- mtcheck: disabel MT101 -->"),
    ]
    assert not article.passed and report.results[1].passed


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_golden(fmt, report):
    assert set(EXTENSIONS) == set(REPORTERS)
    got = render(fmt, report)
    path = GOLDEN / f"gate.{EXTENSIONS[fmt]}"
    if os.environ.get("MTCHECK_UPDATE_GOLDEN") or not path.exists():
        path.write_text(got, encoding="utf-8", newline="")
        if not os.environ.get("MTCHECK_UPDATE_GOLDEN"):
            pytest.fail(f"golden file {path.name} was missing and has been written; check it and re-run")
    assert got == path.read_text(encoding="utf-8"), f"{fmt} output changed; MTCHECK_UPDATE_GOLDEN=1 refreshes it"


def test_sarif_is_valid_against_the_schema(report):
    if not SARIF_SCHEMA.exists():
        pytest.skip("../shared/data/sarif-schema-2.1.0.json is not present")
    import jsonschema

    data = json.loads(render("sarif", report))
    jsonschema.validate(data, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"MT101", "MT301", "MT901", "MT902", "MT990"} <= set(ids)
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["partialFingerprints"]["mtcheck/v1"]
        region = res["locations"][0]["physicalLocation"]["region"]
        text = report.results[0].doc.text
        assert region["snippet"]["text"] == text[region["charOffset"]:region["charOffset"] + region["charLength"]]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["MT701"] == "error" and levels["MT601"] == "warning" and levels["MT901"] == "note"
    assert run["invocations"][0]["executionSuccessful"] is False  # two inputs could not be read


def test_rdjsonl_columns_are_utf8_bytes(report):
    lines = [json.loads(line) for line in render("rdjsonl", report).splitlines()]
    doc = report.results[0].doc
    untranslated = next(d for d in lines if d.get("code", {}).get("value") == "MT701")
    f = next(f for f in report.results[0].findings if f.code == "MT701")
    line, col = doc.line_col(f.start)
    line_text = doc.text.splitlines()[line - 1]
    prefix = line_text[:col - 1]
    assert "ø" in prefix  # the line holds two-byte characters before the span
    assert untranslated["location"]["range"]["start"] == {"line": line, "column": len(prefix.encode()) + 1}
    end = untranslated["location"]["range"]["end"]
    assert end["column"] - untranslated["location"]["range"]["start"]["column"] == len("Sjøfolk på kaia".encode())
    assert untranslated["severity"] == "ERROR"
    assert any(d["location"]["path"] == "fixtures/batch.jsonl" and d["location"]["range"]["start"]["line"] == 3
               for d in lines)


def test_github_annotations_are_escaped_and_levelled(report):
    out = render("github", report)
    lines = out.splitlines()
    assert any(line.startswith("::error file=fixtures/gate-article.md,line=") and "title=MT701" in line
               for line in lines)
    assert any(line.startswith("::warning ") and "title=MT601" in line for line in lines)
    assert any(line.startswith("::notice ") and "title=MT901" in line for line in lines)
    gate = next(line for line in lines if "title=mtcheck gate" in line)
    assert "file=fixtures/gate-article.md" in gate
    for line in lines:
        if line.startswith("::"):
            props = line.split("::")[1]
            assert "\n" not in line and props.count(",") == props.count("=") - 1  # commas in values escaped


def test_junit_has_one_case_per_article_and_input_error(report):
    root = ET.fromstring(render("junit", report))
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == ["fixtures/gate-article.md", "fixtures/gate-clean.txt",
                                              "fixtures/missing.txt", "fixtures/batch.jsonl:3"]
    assert cases[0].find("failure") is not None and cases[1].find("failure") is None
    assert cases[2].find("error") is not None
    assert root.get("failures") == "1" and root.get("errors") == "2"


def test_markdown_lists_failing_articles_first(report):
    out = render("markdown", report)
    assert out.startswith("## ❌ mtcheck: 1 of 2 articles failed the gate, 2 could not be read")
    assert out.index("gate-article.md") < out.index("gate-clean.txt")


def test_json_for_several_articles_has_results(report):
    data = json.loads(render("json", report))
    assert [r["file"] for r in data["results"]] == ["fixtures/gate-article.md", "fixtures/gate-clean.txt"]
    assert data["summary"] == {"articles": 2, "passed": 1, "failed": 1, "errors": 2}
