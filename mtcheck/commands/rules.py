"""``mtcheck rules`` and ``mtcheck explain``: the detector catalogue."""

from __future__ import annotations

import json

import click

from ..errors import MtcheckError
from ..registry import default_registry


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Output format.")
def rules(fmt: str) -> None:
    """List every detector: code, name, default severity, category and what it catches."""
    reg = default_registry()
    rows = [{"code": d.code, "name": d.name, "severity": d.severity.value, "category": d.category.value,
             "mqm_category": d.mqm(), "embeddings": d.requires_embeddings, "summary": d.summary()} for d in reg]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo("| code | name | severity | category | what it catches |")
        click.echo("|---|---|---|---|---|")
        for r in rows:
            emb = " (embeddings)" if r["embeddings"] else ""
            click.echo(f"| {r['code']} | {r['name']} | {r['severity']} | {r['category']} | {r['summary']}{emb} |")
    else:
        for r in rows:
            emb = " [embeddings]" if r["embeddings"] else ""
            click.echo(f"{r['code']}  {r['name']:<28} {r['severity']:<8} {r['category']:<12} {r['summary']}{emb}")


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain the detector CODE (or name), with a bad and a good example."""
    cls = default_registry().get(code)
    if cls is None:
        raise MtcheckError(f"unknown detector {code!r} (see 'mtcheck rules')")
    click.echo(f"{cls.code} {cls.name}  [{cls.severity.value}, {cls.category.value}, {cls.mqm()}]")
    click.echo()
    click.echo(cls.explanation())
    if cls.threshold is not None:
        click.echo(f"\nThreshold: {cls.threshold}")
    click.echo("\n## Flagged\n")
    click.echo("    " + cls.bad.replace("\n", "\n    "))
    click.echo("\n## Not flagged\n")
    click.echo("    " + cls.good.replace("\n", "\n    "))
