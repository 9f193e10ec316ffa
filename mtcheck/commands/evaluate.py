"""``mtcheck eval``: recall, precision and gate figures on a labelled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..evaluate import check_corpus_layout, evaluate, format_summary, summary
from ..settings import Settings
from .check import load_encoder_for


@click.command("eval")
@click.argument("corpus_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--no-embeddings", is_flag=True, help="Measure the heuristic detectors alone.")
@click.option("--model", default=None, metavar="PATH_OR_NAME", help="Embedding model (default: bundled).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="Also list missed labels and unmatched findings.")
def eval_command(corpus_dir: Path, no_embeddings: bool, model: str | None, as_json: bool, verbose: bool) -> None:
    """Evaluate the detectors on CORPUS_DIR (laid out like ../shared/corpus): recall per category,
    precision, and how the gate treats machine-translated and clean articles."""
    check_corpus_layout(corpus_dir)
    settings = Settings(embeddings=not no_embeddings, model=model)
    ev = evaluate(corpus_dir, settings, encoder=load_encoder_for(settings))
    if as_json:
        click.echo(json.dumps(summary(ev), indent=2))
    else:
        click.echo(format_summary(ev, verbose=verbose))
