"""``mtcheck config``: print the effective settings (defaults, then the config file, then these options)."""

from __future__ import annotations

import json

import click

from ..config import build_settings, effective_dict, load_config, settings_for, to_toml


@click.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: mtcheck.toml or [tool.mtcheck] in pyproject.toml, found upwards).")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file (show the defaults).")
@click.option("--for", "for_path", default=None, metavar="PATH",
              help="Show the settings an article at PATH gets (per-file ignores applied).")
@click.option("-f", "--format", "fmt", type=click.Choice(["toml", "json"]), default="toml", show_default=True,
              help="Output format.")
def config(config_file: str | None, isolated: bool, for_path: str | None, fmt: str) -> None:
    """Print the effective settings and the detectors they enable.

    The output is valid TOML that can be pasted into mtcheck.toml (or under [tool.mtcheck] in pyproject.toml).
    """
    from ..registry import default_registry

    cfg = load_config(config_file, isolated=isolated)
    settings = build_settings(cfg)
    if for_path:
        settings = settings_for(settings, cfg, for_path)
    for w in cfg.warnings:
        click.echo(f"mtcheck: warning: {w}", err=True)
    batch = {"format": cfg.format or "text", "glob": cfg.glob or None, "jobs": cfg.jobs if cfg.jobs is not None else 1}
    data = effective_dict(settings, cfg, **batch)
    enabled = [d.code for d in default_registry().selected(settings.select, settings.ignore)]
    source = str(cfg.path) if cfg.path else "none (defaults)"
    if fmt == "json":
        click.echo(json.dumps({"config_file": str(cfg.path) if cfg.path else None, "settings": data,
                               "enabled": enabled}, indent=2, ensure_ascii=False))
        return
    click.echo(f"# config file: {source}")
    if for_path:
        click.echo(f"# for: {for_path}")
    click.echo(f"# enabled detectors ({len(enabled)}): {', '.join(enabled) or 'none'}")
    click.echo(to_toml(data), nl=False)
