"""``mtcheck check``: check articles and print a scored report."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..cli import SeverityType, use_color
from ..engine import check_document
from ..errors import InputError
from ..inputs import FORMATS, read_document
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


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True,
              help="Report format.")
@click.option("--input-format", type=click.Choice(FORMATS), default=None,
              help="Force the input format (default: by extension; stdin is text).")
@click.option("--select", multiple=True, metavar="CODES", help="Run only these codes, prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these codes, prefixes or names (comma-separated).")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Fail an article whose score is below this (default 90).")
@click.option("--fail-on", type=SeverityType(allow_none=True), default=None,
              help="Fail an article with any finding at or above this severity: minor, major, critical or none "
                   "(default major).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when an article fails the gate (report only).")
@click.option("--no-embeddings", is_flag=True, help="Run the heuristic detectors only (no model is loaded).")
@click.option("--model", default=None, metavar="PATH_OR_NAME",
              help="Sentence-transformers model: a local path or an already cached name (default: bundled "
                   "all-MiniLM-L6-v2).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in the text report (auto: only on a terminal, and never with NO_COLOR set).")
@click.option("--no-source", is_flag=True, help="Text report: do not print the excerpt under each finding.")
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse input files larger than this.")
@click.option("--show-text", is_flag=True, help="Print the analysed text (for HTML: the extracted text) and exit.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of stdout.")
def check(paths: tuple[str, ...], fmt: str, input_format: str | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_under: float | None, fail_on: Any, exit_zero: bool, no_embeddings: bool,
          model: str | None, color: str, no_source: bool, max_bytes: int, show_text: bool,
          output: str | None) -> int:
    """Check ARTICLE files (text, Markdown or HTML; - for stdin) and print a scored report.

    Exit status: 0 every article passed, 1 an article failed the gate, 2 usage or input error,
    3 internal error.
    """
    settings = Settings(select=split_codes(select), ignore=split_codes(ignore), max_bytes=max_bytes,
                        embeddings=not no_embeddings, model=model)
    if fail_under is not None:
        settings.fail_under = fail_under
    if click.get_current_context().get_parameter_source("fail_on") is click.core.ParameterSource.COMMANDLINE:
        settings.fail_on = fail_on
    if show_text:
        for p in paths:
            click.echo(read_document(p, input_format, max_bytes).text)
        return 0
    docs = []
    errors: list[dict[str, Any]] = []
    for p in paths:
        try:
            docs.append(read_document(p, input_format, max_bytes))
        except InputError as err:
            if len(paths) == 1:
                raise
            errors.append({"path": p, "line": None, "error": str(err).split(": ", 1)[-1]})
    encoder = load_encoder_for(settings) if docs else None
    results = [check_document(d, settings, encoder=encoder) for d in docs]
    model_info = next((r.model for r in results if r.model), None)
    report = RunReport(results=results, settings=settings, signature=signature(settings, model_info), errors=errors)
    for r in results:
        for e in r.internal_errors:
            click.echo(f"mtcheck: internal error in {r.file}: {e.splitlines()[0]}", err=True)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        get_renderer(fmt)(report, out, RenderOptions(color=use_color(color, out) if fmt == "text" else False,
                                                     show_source=not no_source))
    finally:
        if output:
            out.close()
    from ..gate import exit_status

    return int(exit_status(report, exit_zero))
