"""``mtcheck check``: check articles (files, folders, JSONL, stdin) and print a scored report; decide the exit code.

Exit status, decided once in ``mtcheck.gate.exit_status`` from the results, whatever the format: 3 if a detector
crashed (internal error), else 2 if an input could not be read (the rest of the batch is still checked and
reported), else 1 if an article failed the gate (unless ``--exit-zero`` or ``--write-baseline``), else 0.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from ..cli import SeverityType, use_color
from ..errors import InputError, MtcheckError
from ..inputs import FORMATS
from ..report import REPORTERS, RenderOptions, RunReport, get_renderer
from ..settings import Settings
from ..signature import signature


def split_codes(values: tuple[str, ...]) -> list[str]:
    """Return codes from repeated and comma-separated option values."""
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def load_encoder_for(settings: Settings) -> Any:
    """Return an embedding encoder for these settings, or None when embeddings are off."""
    if not settings.embeddings:
        return None
    from ..embeddings import load_encoder

    return load_encoder(settings.model)


def _pairs(values: tuple[str, ...], option: str, keys: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    out = []
    for v in values:
        key, sep, val = v.partition("=")
        if not sep or not key.strip() or not val.strip() or (keys and key.strip() not in keys):
            expected = f"{'|'.join(keys)}=VALUE" if keys else "KEY=VALUE"
            raise click.BadParameter(f"expected {expected}, got {v!r}", param_hint=option)
        out.append((key.strip(), val.strip()))
    return out


def _warn(message: str) -> None:
    click.echo(f"mtcheck: warning: {message}", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(REPORTERS)), default=None,
              help="Report format (default: text, or `format` in the config).")
@click.option("--report", "reports", multiple=True, metavar="FORMAT=FILE",
              help="Also write a report in FORMAT to FILE (repeatable), e.g. sarif=mtcheck.sarif.")
@click.option("--input-format", type=click.Choice((*FORMATS, "jsonl")), default=None,
              help="Force the input format (default: by extension; stdin is text; .jsonl files are JSONL).")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Files to take from folders (repeatable; default *.txt *.md *.markdown *.html *.htm).")
@click.option("--jsonl-field", "jsonl_fields", multiple=True, metavar="KEY=NAME",
              help="JSONL field names: id, text, title, body (e.g. text=content).")
@click.option("-j", "--jobs", type=click.IntRange(0), default=None,
              help="Processes for heuristic-only runs (0: one per CPU; default 1).")
@click.option("--select", multiple=True, metavar="CODES", help="Run only these codes, prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these codes, prefixes or names (comma-separated).")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Fail an article whose score is below this (default 90).")
@click.option("--fail-on", type=SeverityType(allow_none=True), default=None,
              help="Fail an article with any finding at or above this severity: minor, major, critical or none "
                   "(default major).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when an article fails the gate (report only).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Hide the findings recorded in this baseline; report and gate on new ones only.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Record today's findings in this baseline file (the gate is not applied).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: mtcheck.toml or [tool.mtcheck] in pyproject.toml, found upwards).")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--no-embeddings", is_flag=True, help="Run the heuristic detectors only (no model is loaded).")
@click.option("--model", default=None, metavar="PATH_OR_NAME",
              help="Sentence-transformers model: a local path or an already cached name (default: bundled "
                   "all-MiniLM-L6-v2).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in the text report (auto: only on a terminal, and never with NO_COLOR set).")
@click.option("--no-source", is_flag=True, help="Text report: do not print the excerpt under each finding.")
@click.option("--no-progress", is_flag=True, help="No progress bar (it is shown on a terminal's stderr only).")
@click.option("--max-bytes", type=click.IntRange(1), default=None,
              help="Refuse input files larger than this (default 10 MiB).")
@click.option("--show-text", is_flag=True, help="Print the analysed text (for HTML: the extracted text) and exit.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of stdout.")
def check(paths: tuple[str, ...], fmt: str | None, reports: tuple[str, ...], input_format: str | None,
          globs: tuple[str, ...], jsonl_fields: tuple[str, ...], jobs: int | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_under: float | None, fail_on: Any, exit_zero: bool,
          baseline_file: str | None, write_baseline: str | None, config_file: str | None, isolated: bool,
          no_embeddings: bool, model: str | None, color: str, no_source: bool, no_progress: bool,
          max_bytes: int | None, show_text: bool, output: str | None) -> int:
    """Check ARTICLE files (text, Markdown, HTML), folders, JSONL files of articles, or - for stdin.

    Exit status: 0 every article passed, 1 an article failed the gate, 2 usage or input error (the other
    articles are still checked), 3 internal error.
    """
    from ..batch import DEFAULT_GLOBS, check_items, expand_inputs, load_item
    from ..config import UNSET, CliOptions, build_settings, load_config, settings_for

    extra_reports = _pairs(reports, "--report", tuple(REPORTERS))
    fields = dict(_pairs(jsonl_fields, "--jsonl-field", ("id", "text", "title", "body")))
    ctx = click.get_current_context()
    cfg = load_config(config_file, isolated=isolated)
    cli = CliOptions(select=split_codes(select), ignore=split_codes(ignore), fail_under=fail_under,
                     fail_on=fail_on if ctx.get_parameter_source("fail_on") is click.core.ParameterSource.COMMANDLINE
                     else UNSET, no_embeddings=no_embeddings, model=model, max_bytes=max_bytes)
    settings = build_settings(cfg, cli)
    for w in cfg.warnings:
        _warn(w)
    fmt = fmt or cfg.format or "text"
    items, errors = expand_inputs(paths, globs or cfg.glob or DEFAULT_GLOBS, {**cfg.jsonl, **fields}, input_format,
                                  settings.max_bytes)
    refuse_to_overwrite_inputs([*paths, *(it.path for it in items if it.path)],
                                [output, write_baseline, *(path for _fmt, path in extra_reports)])
    single = len(paths) == 1 and len(items) == 1 and items[0].path is not None and not errors
    if show_text:
        for it in items:
            click.echo(load_item(it, settings.max_bytes).text)
        return 0
    if len(errors) == 1 and not items and len(paths) == 1:
        e = errors[0]
        raise InputError(f"{e['path']}" + (f":{e['line']}" if e.get("line") else "") + f": {e['error']}")
    if single:  # one file: an unreadable one is a one-line error, exit 2, no report; read before any model loads
        items[0].doc = load_item(items[0], settings.max_bytes)
    encoder = load_encoder_for(settings) if items else None
    results, read_errors, notices = check_items(
        items, lambda name: settings_for(settings, cfg, name), encoder=encoder,
        jobs=jobs if jobs is not None else (cfg.jobs if cfg.jobs is not None else 1),
        progress=False if no_progress else None)
    errors = sorted(errors + read_errors, key=lambda e: (e["path"], e.get("line") or 0))
    model_info = next((r.model for r in results if r.model), None)
    report = RunReport(results=results, settings=settings, signature=signature(settings, model_info), errors=errors,
                       notices=notices)
    for r in results:
        for e in r.internal_errors:
            click.echo(f"mtcheck: internal error in {r.file}: {e.splitlines()[0]}", err=True)
    if write_baseline:
        from ..baseline import write_baseline as write

        n = write(write_baseline, results)
        report.notices.append(f"wrote {n} finding(s) of {len(results)} article(s) to the baseline {write_baseline}")
    elif baseline_file:
        from ..baseline import apply_baseline, load_baseline

        hidden, gone = apply_baseline(report, load_baseline(baseline_file))
        report.notices.append(f"baseline {baseline_file}: {hidden} known finding(s) hidden"
                              + (f", {gone} no longer found (refresh it with --write-baseline)" if gone else ""))
    _render(report, fmt, output, color, no_source)
    for extra_fmt, path in extra_reports:
        _render(report, extra_fmt, path, "never", no_source)
    from ..gate import exit_status

    return int(exit_status(report, exit_zero or bool(write_baseline)))


def refuse_to_overwrite_inputs(inputs: list[str], outputs: list[str | None]) -> None:
    """Raise MtcheckError when a report or baseline file would overwrite an article being checked."""
    import os

    def key(p: str) -> str:
        return os.path.normcase(os.path.realpath(p))

    seen = {key(p) for p in inputs if p and p != "-"}
    for out in outputs:
        if out and key(out) in seen:
            raise MtcheckError(f"{out}: refusing to overwrite an input article with a report or baseline")


def _render(report: RunReport, fmt: str, output: str | None, color: str, no_source: bool) -> None:
    try:
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    except OSError as err:
        raise MtcheckError(f"{output}: cannot write the report ({err.strerror or err})") from None
    try:
        get_renderer(fmt)(report, out, RenderOptions(color=use_color(color, out) if fmt == "text" else False,
                                                     show_source=not no_source))
    finally:
        if output:
            out.close()
