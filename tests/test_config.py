"""Configuration: discovery, validation, precedence (file < CLI, longest prefix, per-file), and `mtcheck config`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from gate_fakes import FAKE_REGISTRY, use_fake_registry

from mtcheck.cli import main
from mtcheck.config import (UNSET, CliOptions, FileConfig, build_settings, find_config, load_config, parse_config,
                            settings_for)
from mtcheck.errors import ConfigError
from mtcheck.findings import Severity


def run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def enabled(cfg: FileConfig, cli: CliOptions | None = None, path: str | None = None) -> list[str]:
    s = build_settings(cfg, cli, FAKE_REGISTRY)
    if path:
        s = settings_for(s, cfg, path, FAKE_REGISTRY)
    return [d.code for d in FAKE_REGISTRY.selected(s.select, s.ignore) if not d.code.startswith("MT9")]


def cfg_of(toml: str, path: Path = Path("/proj/mtcheck.toml")) -> FileConfig:
    return parse_config(tomllib.loads(toml), path)


def test_found_upwards_mtcheck_toml_before_pyproject(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.mtcheck]\nfail-under = 70\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config() == tmp_path / "pyproject.toml"
    assert load_config().fail_under == 70
    (tmp_path / "a" / "mtcheck.toml").write_text("fail-under = 60\n")
    assert load_config().fail_under == 60
    (tmp_path / "a" / "b" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.mtcheck]: skipped
    assert load_config().fail_under == 60
    assert load_config(isolated=True).fail_under is None


def test_unknown_keys_warn_with_a_hint():
    cfg = cfg_of('fail_unde = 3\nbogus = 1\n[jsonl]\nslug = "x"\n')
    assert any("'fail_unde'" in w and "did you mean 'fail-under'" in w for w in cfg.warnings)
    assert any("'bogus'" in w for w in cfg.warnings)
    assert any("jsonl.slug" in w for w in cfg.warnings)


@pytest.mark.parametrize("toml", [
    'fail-under = 120', 'fail-under = "high"', 'fail-on = "huge"', 'select = ["MT30!"]', 'select = 3',
    '[severity]\nMT301 = "big"', 'max-bytes = 0', 'jobs = -1', 'embeddings = "yes"', 'format = "pdf"',
    'extra-lexicons = ["nope.toml"]', 'per-file-ignores = ["x"]',
])
def test_invalid_values_raise_config_error(toml):
    with pytest.raises(ConfigError) as exc:
        cfg_of(toml)
    assert "/proj/mtcheck.toml" in str(exc.value) and "\n" not in str(exc.value)


def test_invalid_toml_and_values_are_one_line_exit_2(tmp_path, capsys):
    bad = tmp_path / "mtcheck.toml"
    bad.write_text("fail-under = \n")
    code, out, err = run(["check", "--config", str(bad), "--no-embeddings", "x.txt"], capsys)
    assert code == 2 and out == "" and err.startswith("mtcheck: error:") and "invalid TOML" in err
    bad.write_text('fail-on = "huge"\n')
    code, _, err = run(["config", "--config", str(bad)], capsys)
    assert code == 2 and err.count("\n") == 1 and "fail-on" in err


@pytest.mark.parametrize(("toml", "cli", "expected"), [
    ("", CliOptions(), ["MT101", "MT301", "MT501", "MT601", "MT701"]),
    ('select = ["MT1", "MT3"]', CliOptions(), ["MT101", "MT301"]),
    ('ignore = ["MT3"]', CliOptions(), ["MT101", "MT501", "MT601", "MT701"]),
    ('select = ["MT301"]\nignore = ["MT3"]', CliOptions(), ["MT301"]),  # longest prefix wins in a layer
    ('select = ["MT3"]\nignore = ["fake-ad"]', CliOptions(), []),  # a name is as specific as a code
    ('select = ["MT301"]', CliOptions(ignore=["MT3"]), []),  # CLI ignore beats a more specific file select
    ('ignore = ["MT101"]', CliOptions(select=["MT101"]), ["MT101"]),  # CLI select replaces the file's selection
    ('select = ["MT7"]', CliOptions(select=["MT1", "MT6"], ignore=["MT601"]), ["MT101"]),
    ('select = ["ALL"]\nignore = ["MT5", "MT6", "MT7"]', CliOptions(), ["MT101", "MT301"]),
])
def test_selection_precedence(toml, cli, expected):
    assert enabled(cfg_of(toml), cli) == expected


def test_per_file_ignores_beat_any_select(tmp_path):
    cfg = cfg_of('[per-file-ignores]\n"drafts/*" = ["MT1"]\n"*.html" = ["fake-ad"]\n"**/wire/*" = ["MT7"]',
                 tmp_path / "mtcheck.toml")
    assert enabled(cfg, path="drafts/a.md") == ["MT301", "MT501", "MT601", "MT701"]
    assert enabled(cfg, CliOptions(select=["MT101", "MT301"]), path="drafts/x/y.md") == ["MT301"]
    assert enabled(cfg, path="news/page.html") == ["MT101", "MT501", "MT601", "MT701"]
    assert enabled(cfg, path=str(tmp_path / "drafts" / "b.md"))[0] == "MT301"  # absolute path, relative to config
    assert enabled(cfg, path="wire/ntb.txt") == ["MT101", "MT301", "MT501", "MT601"]
    assert enabled(cfg, path="news/a.md") == ["MT101", "MT301", "MT501", "MT601", "MT701"]


def test_severity_overrides_expand_prefixes_and_the_longest_wins():
    cfg = cfg_of('[severity]\nMT = "minor"\nMT301 = "critical"\nfake-glued = "major"\nMT8 = "minor"')
    s = build_settings(cfg, None, FAKE_REGISTRY)
    assert s.severity_overrides["MT301"] is Severity.CRITICAL
    assert s.severity_overrides["MT601"] is Severity.MAJOR
    assert s.severity_overrides["MT101"] is Severity.MINOR
    assert any("'MT8' matches no detector" in w for w in cfg.warnings)


def test_gate_thresholds_and_other_values_file_then_cli(tmp_path):
    lex = tmp_path / "lex" / "extra.toml"
    lex.parent.mkdir()
    lex.write_text("")
    cfg = cfg_of('fail-under = 75\nfail-on = "none"\nembeddings = false\nmodel = "my-model"\n'
                 'extra-lexicons = ["lex/extra.toml"]\nmax-bytes = 1000', tmp_path / "mtcheck.toml")
    s = build_settings(cfg, None, FAKE_REGISTRY)
    assert (s.fail_under, s.fail_on, s.embeddings, s.model, s.max_bytes) == (75, None, False, "my-model", 1000)
    assert s.extra_lexicons == [str(lex)]
    s = build_settings(cfg, CliOptions(fail_under=95, fail_on=Severity.MINOR, max_bytes=5, model="other"),
                       FAKE_REGISTRY)
    assert (s.fail_under, s.fail_on, s.max_bytes, s.model) == (95, Severity.MINOR, 5, "other")
    assert build_settings(FileConfig(), CliOptions(fail_on=UNSET), FAKE_REGISTRY).fail_on is Severity.MAJOR


def test_config_command_prints_toml_that_reads_back(tmp_path, monkeypatch, capsys):
    use_fake_registry(monkeypatch)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtcheck]\nselect = ["MT1", "MT3"]\nfail-under = 80\nwhat = 1\n'
        '[tool.mtcheck.per-file-ignores]\n"drafts/*" = ["MT1"]\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["config"], capsys)
    assert code == 0 and "unknown key 'what'" in err
    assert "# enabled detectors (2): MT101, MT301" in out
    data = tomllib.loads(out)["tool"]["mtcheck"]
    assert data["select"] == ["MT1", "MT3"] and data["fail-under"] == 80 and data["fail-on"] == "major"
    assert data["per-file-ignores"] == {"drafts/*": ["MT1"]}
    code, out, _ = run(["config", "--for", "drafts/a.md"], capsys)
    assert "MT101" not in out.splitlines()[2]


def test_check_uses_the_config_and_cli_wins(tmp_path, monkeypatch, capsys):
    use_fake_registry(monkeypatch)
    art = tmp_path / "a.txt"
    art.write_text("Title\n\nAdvertisement\n")
    (tmp_path / "mtcheck.toml").write_text('ignore = ["MT3"]\n')
    monkeypatch.chdir(tmp_path)
    assert run(["check", "--no-embeddings", "a.txt"], capsys)[0] == 0
    assert run(["check", "--no-embeddings", "--select", "MT301", "a.txt"], capsys)[0] == 1
    assert run(["check", "--no-embeddings", "--isolated", "a.txt"], capsys)[0] == 1
    (tmp_path / "mtcheck.toml").write_text('[severity]\nMT301 = "minor"\n')
    assert run(["check", "--no-embeddings", "a.txt"], capsys)[0] == 0  # one minor in a short text passes
    assert run(["check", "--no-embeddings", "--fail-on", "minor", "a.txt"], capsys)[0] == 1
