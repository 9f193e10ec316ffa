"""Command-line behaviour: exit codes, bad input, help, version, stdin, and that inputs are never modified."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck import __version__
from mtcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
MT_SAMPLE = ROOT / "samples" / "ferry-strike.txt"
CLEAN_SAMPLE = ROOT / "samples" / "council-budget.txt"


def run(args: list[str], capsys) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_clean_article_passes_with_exit_0(capsys):
    code, out, err = run(["check", "--no-embeddings", str(CLEAN_SAMPLE)], capsys)
    assert code == 0, out + err
    assert "PASS" in out


def test_mt_article_fails_the_gate_with_exit_1(capsys):
    code, out, _ = run(["check", "--no-embeddings", str(MT_SAMPLE)], capsys)
    assert code == 1
    assert "FAIL" in out


def test_exit_zero_reports_but_exits_0(capsys):
    code, out, _ = run(["check", "--no-embeddings", "--exit-zero", str(MT_SAMPLE)], capsys)
    assert code == 0 and "FAIL" in out


def test_fail_on_none_and_low_fail_under_lets_mt_article_pass(capsys):
    code, _, _ = run(["check", "--no-embeddings", "--fail-on", "none", "--fail-under", "0", str(MT_SAMPLE)], capsys)
    assert code == 0


def test_json_report_contract(capsys):
    code, out, _ = run(["check", "--no-embeddings", "-f", "json", str(MT_SAMPLE)], capsys)
    assert code == 1
    data = json.loads(out)
    for key in ("schema_version", "file", "words", "score", "passed", "findings"):
        assert key in data
    assert data["passed"] is False and data["findings"]
    text = MT_SAMPLE.read_text(encoding="utf-8")
    for f in data["findings"]:
        for key in ("code", "name", "category", "mqm_category", "severity", "line", "column", "end_line",
                    "end_column", "start", "end", "text", "message", "suggestion", "confidence"):
            assert key in f
        assert text[f["start"]:f["end"]] == f["text"]
        line_start = sum(len(l) for l in text.splitlines(keepends=True)[: f["line"] - 1])
        assert line_start + f["column"] - 1 == f["start"]


@pytest.mark.parametrize("args", [["check", "--bogus", "x"], ["check"], ["nosuchcommand"],
                                  ["check", "--fail-on", "huge", "x"], ["explain", "MT000"]])
def test_usage_errors_exit_2_with_one_line(args, capsys):
    code, _, err = run(args, capsys)
    assert code == 2
    assert err.startswith("mtcheck: error:") and err.count("\n") == 1


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\n\t\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Smørbrød på Bryggen\n".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:  # 50 MB, sparse: refused by size before it is read
        fh.truncate(50 * 1024 * 1024)
    emptydir = tmp_path / "no-articles"
    emptydir.mkdir()
    return {"missing": tmp_path / "nope.txt", "directory": emptydir, "empty": empty, "blank": blank,
            "binary": binary, "latin1": latin1, "huge": huge}


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "blank", "binary", "latin1", "huge"])
def test_bad_input_is_one_line_exit_2(kind, tmp_path, capsys):
    path = bad_inputs(tmp_path)[kind]
    code, out, err = run(["check", "--no-embeddings", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("mtcheck: error:") and err.count("\n") == 1
    assert "Traceback" not in err
    expected = {"missing": "no such file", "directory": "no article files", "empty": "empty input",
                "blank": "empty input", "binary": "binary file", "latin1": "not valid UTF-8",
                "huge": "over the 10 MiB limit"}[kind]
    assert expected in err


def test_input_file_is_never_modified(tmp_path, capsys):
    target = tmp_path / "article.txt"
    data = "\ufeffTitle\r\n\r\n– We are ready, says the mayor.\u00a0\r\n"
    target.write_bytes(data.encode("utf-8"))
    before = hashlib.sha256(target.read_bytes()).hexdigest(), os.stat(target).st_mtime_ns
    run(["check", "--no-embeddings", "-f", "json", str(target)], capsys)
    assert (hashlib.sha256(target.read_bytes()).hexdigest(), os.stat(target).st_mtime_ns) == before


def test_internal_error_exits_3(monkeypatch, capsys):
    from mtcheck.registry import default_registry

    cls = next(iter(default_registry()))

    def boom(self, doc, ctx):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cls, "check", boom)
    code, out, err = run(["check", "--no-embeddings", str(CLEAN_SAMPLE)], capsys)
    assert code == 3
    assert "kaboom" in err and "Traceback" not in err
    assert "MT990" in out


def test_version_and_help_on_every_command(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and __version__ in out
    from mtcheck.cli import LAZY_COMMANDS

    for name in LAZY_COMMANDS:
        code, out, _ = run([name, "--help"], capsys)
        assert code == 0 and "Usage:" in out, name


def test_rules_lists_and_explain_prints_examples(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    from mtcheck.registry import default_registry

    for cls in default_registry():
        assert cls.code in out and cls.name in out
    first = next(iter(default_registry()))
    code, out, _ = run(["explain", first.name], capsys)
    assert code == 0 and first.code in out and "## Flagged" in out and "## Not flagged" in out


def test_python_dash_m_and_stdin():
    proc = subprocess.run([sys.executable, "-m", "mtcheck", "check", "--no-embeddings", "-f", "json", "-"],
                          input=MT_SAMPLE.read_bytes(), capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["file"] == "<stdin>" and data["findings"]


def test_no_color_and_forced_color(capsys, monkeypatch):
    code, out, _ = run(["check", "--no-embeddings", "--exit-zero", "--color", "always", str(MT_SAMPLE)], capsys)
    assert "\033[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(["check", "--no-embeddings", "--exit-zero", str(MT_SAMPLE)], capsys)
    assert "\033[" not in out


@pytest.mark.parametrize("flag", [["-o"], ["--write-baseline"], ["--report", "json="]])
def test_refuses_to_overwrite_the_input_with_a_report(flag, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(CLEAN_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    args = ["check", "--no-embeddings", str(article)]
    args += [flag[0], str(article)] if len(flag) == 1 else [flag[0], flag[1] + str(article)]
    code, out, err = run(args, capsys)
    assert code == 2 and "refusing to overwrite" in err
    assert article.read_bytes() == before
