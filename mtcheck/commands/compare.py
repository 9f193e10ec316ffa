"""``mtcheck compare``: compare translation versions of one article and say which is better."""

from __future__ import annotations

import sys

import click

from ..errors import MtcheckError
from ..inputs import FORMATS, read_document
from ..report.compare_report import FORMATS as OUTPUT_FORMATS
from ..settings import Settings
from ..signature import signature
from .check import load_encoder_for, refuse_to_overwrite_inputs, split_codes


@click.command()
@click.argument("versions", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-r", "--reference", default=None, type=click.Path(dir_okay=True), metavar="REF",
              help="A reference translation: adds BLEU, chrF and TER (sacrebleu) and their paired bootstrap.")
@click.option("-f", "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("--fail-if-worse", is_flag=True, help="Exit 1 when the last version ranks below the first (for CI).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when --fail-if-worse would fail (report only).")
@click.option("--no-embeddings", is_flag=True,
              help="Align and compare with character n-grams and chrF only (no model is loaded).")
@click.option("--model", default=None, metavar="PATH_OR_NAME",
              help="Sentence-transformers model: a local path or an already cached name (default: bundled "
                   "all-MiniLM-L6-v2).")
@click.option("--select", multiple=True, metavar="CODES", help="Run only these detectors (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these detectors (comma-separated).")
@click.option("--input-format", type=click.Choice(FORMATS), default=None,
              help="Force the input format (default: by extension; stdin is text).")
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse input files larger than this.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of stdout.")
def compare(versions: tuple[str, ...], reference: str | None, fmt: str, fail_if_worse: bool, exit_zero: bool,
            no_embeddings: bool, model: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
            input_format: str | None, max_bytes: int, output: str | None) -> int:
    """Compare two or more translation VERSIONS of one article: which is better, where, and how sure.

    Versions are aligned paragraph by paragraph with the first one (split, merged, moved, dropped and added
    paragraphs are shown), every version is checked by the detectors, and a verdict ranks them. With
    --reference, BLEU, chrF and TER come from sacrebleu with their signatures and a paired bootstrap test.

    Exit status: 0 compared, 1 --fail-if-worse and the last version ranks below the first, 2 usage or input
    error, 3 internal error.
    """
    from ..compare import compare_documents, exit_status
    from ..report.compare_report import render

    if len(versions) < 2:
        raise click.UsageError("compare needs at least two versions")
    if sum(v == "-" for v in [*versions, reference or ""]) > 1:
        raise click.UsageError("stdin (-) can be read only once")
    if len(set(versions)) < len(versions):
        raise MtcheckError("the same file is given twice; give each version once")
    refuse_to_overwrite_inputs([*versions, reference or ""], [output])
    settings = Settings(select=split_codes(select), ignore=split_codes(ignore), max_bytes=max_bytes,
                        embeddings=not no_embeddings, model=model)
    docs = [read_document(p, input_format, max_bytes) for p in versions]
    ref_doc = read_document(reference, input_format, max_bytes) if reference else None
    encoder = load_encoder_for(settings)
    result = compare_documents(docs, ref_doc, encoder=encoder, settings=settings)
    for e in result.internal_errors:
        click.echo(f"mtcheck: internal error: {e.splitlines()[0]}", err=True)
    sig = signature(settings, result.model) + "|cmp:" + ("ref" if reference else "noref") + f",{result.method}"
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    except OSError as err:
        raise MtcheckError(f"{output}: cannot write the report ({err.strerror or err})") from None
    try:
        render(result, out, fmt, sig)
    finally:
        if output:
            out.close()
    return exit_status(result, fail_if_worse, exit_zero)
