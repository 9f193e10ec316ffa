"""Batches: folders with --glob, JSONL with configurable fields, stdin, per-item errors, --jobs, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from gate_fakes import use_fake_registry

from mtcheck.batch import expand_inputs, read_jsonl
from mtcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEAN = "Quiet day\n\nNothing to report from the harbour today.\n"
DIRTY = "Ferry talks stall\n\nAdvertisement\n\nThe union met the operator on Monday.\n"


def run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


@pytest.fixture
def tree(tmp_path, monkeypatch):
    use_fake_registry(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / ".hidden").mkdir()
    (tmp_path / "news" / "a.txt").write_text(CLEAN)
    (tmp_path / "news" / "sub" / "b.md").write_text(DIRTY)
    (tmp_path / "news" / "sub" / "notes.csv").write_text("x,y\n")
    (tmp_path / "news" / ".hidden" / "c.txt").write_text(DIRTY)
    (tmp_path / "news" / "bin.txt").write_bytes(b"\x00\x01binary")
    return tmp_path


def test_folders_are_walked_recursively_with_globs(tree):
    items, errors = expand_inputs(["news"])
    assert [i.name for i in items] == ["news/a.txt", "news/bin.txt", "news/sub/b.md"] and not errors
    items, _ = expand_inputs(["news"], globs=["sub/*"])
    assert [i.name for i in items] == ["news/sub/b.md", "news/sub/notes.csv"]
    items, errors = expand_inputs(["news/sub"], globs=["*.html"])
    assert not items and "no article files" in errors[0]["error"]


def test_jsonl_fields_ids_and_line_errors():
    lines = [b'{"id": "n1", "text": "Title\\n\\nBody one."}', b"", b"{not json", b'["list"]',
             b'{"slug": "n4", "headline": "Head", "content": "Body four."}', b'{"id": 5, "text": "  "}',
             b'{"title": "Head", "body": "Body six."}']
    items, errors = read_jsonl(lines, "feed.jsonl", {}, None, 10_000)
    assert [i.name for i in items] == ["feed.jsonl#n1", "feed.jsonl:7"]
    assert items[1].text == "Head\n\nBody six."
    assert [(e["line"], e["error"].split(" (")[0].split(":")[0]) for e in errors] == [
        (3, "malformed JSON"), (4, "expected a JSON object per line"), (5, "no article text"),
        (6, "no article text")]
    items, _ = read_jsonl(lines, "feed.jsonl", {"id": "slug", "title": "headline", "body": "content"}, None, 10_000)
    assert "feed.jsonl#n4" in [i.name for i in items]


def test_batch_with_errors_checks_the_rest_and_exits_2(tree, capsys):
    (tree / "feed.jsonl").write_text(json.dumps({"id": "x1", "text": DIRTY}) + "\n{oops\n")
    code, out, err = run(["check", "--isolated", "--no-embeddings", "-f", "json", "news", "feed.jsonl",
                          "missing.txt"], capsys)
    assert code == 2
    data = json.loads(out)
    assert [r["file"] for r in data["results"]] == ["news/a.txt", "news/sub/b.md", "feed.jsonl#x1"]
    assert [(e["path"], e["line"]) for e in data["errors"]] == [("feed.jsonl", 2), ("missing.txt", None),
                                                                ("news/bin.txt", None)]
    assert data["summary"] == {"articles": 3, "passed": 1, "failed": 2, "errors": 3}


def test_text_summary_names_failing_articles_first_and_exit_1(tree, capsys):
    code, out, _ = run(["check", "--isolated", "--no-embeddings", "news/a.txt", "news/sub/b.md"], capsys)
    assert code == 1
    summary = [line for line in out.splitlines() if "score" in line]
    assert summary[0].startswith("news/sub/b.md: FAIL score") and summary[1].startswith("news/a.txt: PASS")
    assert out.rstrip().endswith("2 articles: 1 passed, 1 failed")


def test_jobs_give_the_same_results_as_one_process(tree, capsys):
    for i in range(6):
        (tree / "news" / f"extra{i}.txt").write_text(DIRTY if i % 2 else CLEAN)
    args = ["check", "--isolated", "--no-embeddings", "-f", "json", "news"]
    one = json.loads(run(args, capsys)[1])
    many = json.loads(run(args + ["--jobs", "3"], capsys)[1])
    assert one == many and len(one["results"]) == 8


def test_extra_reports_and_stdin_jsonl(tree, capsys, monkeypatch):
    code, out, _ = run(["check", "--isolated", "--no-embeddings", "--report", "sarif=out.sarif", "--report",
                        "markdown=summary.md", "news/sub/b.md"], capsys)
    assert code == 1 and "FAIL" in out
    assert json.loads((tree / "out.sarif").read_text())["version"] == "2.1.0"
    assert (tree / "summary.md").read_text().startswith("## ❌ mtcheck")
    code, _, err = run(["check", "--report", "pdf=x", "news"], capsys)
    assert code == 2 and "--report" in err


def test_stdin_jsonl_in_a_subprocess(tmp_path):
    feed = "\n".join(json.dumps({"id": f"a{i}", "title": "Harbour news", "body": "The ferry left on time."})
                     for i in range(3))
    proc = subprocess.run([sys.executable, "-m", "mtcheck", "check", "--isolated", "--no-embeddings",
                           "--select", "MT9", "--input-format", "jsonl", "-f", "json", "-"], input=feed.encode(), capture_output=True,
                          cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [r["file"] for r in json.loads(proc.stdout)["results"]] == ["<stdin>#a0", "<stdin>#a1", "<stdin>#a2"]
    assert b"\r" not in proc.stderr  # no progress bar when stderr is not a terminal


def test_exit_code_precedence_internal_then_input_then_gate(tree, capsys, monkeypatch):
    from gate_fakes import FakeAd

    args = ["check", "--isolated", "--no-embeddings", "news/sub/b.md"]
    assert run(args, capsys)[0] == 1
    assert run(args + ["missing.txt"], capsys)[0] == 2
    assert run(args + ["missing.txt", "--exit-zero"], capsys)[0] == 2

    def boom(self, doc, ctx):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(FakeAd, "check", boom)
    assert run(args + ["missing.txt"], capsys)[0] == 3


def test_heuristic_runs_import_no_torch_tqdm_or_jsonschema(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN)
    code = ("import sys\nfrom mtcheck.cli import main\ntry:\n    main(['check', '--isolated', '--no-embeddings', "
            "'-f', 'sarif', '-o', 'out.sarif', 'a.txt', 'a.txt'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'tqdm', 'jsonschema') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=tmp_path, timeout=120, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr
