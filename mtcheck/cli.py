"""The ``mtcheck`` command line. Subcommands call library functions; the exit code is decided in ``gate``.

Nothing here imports torch or sentence-transformers at start-up: embeddings load only inside ``check`` (and
``compare``/``eval``) when they are on.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from . import __version__
from .errors import ExitStatus, MtcheckError
from .findings import Severity

# Subcommands that live in their own modules, imported only when used or listed: name -> "module:attr".
LAZY_COMMANDS = {
    "check": "mtcheck.commands.check:check",
    "rules": "mtcheck.commands.rules:rules",
    "explain": "mtcheck.commands.rules:explain",
    "eval": "mtcheck.commands.evaluate:eval_command",
    "compare": "mtcheck.commands.compare:compare",
    "config": "mtcheck.commands.config:config",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[cmd_name].split(":")
            try:
                return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]
            except ModuleNotFoundError as err:
                if err.name != module:
                    raise
                return None
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="mtcheck")
def cli() -> None:
    """Check machine-translated news for translation and scraping artefacts.

    Run `mtcheck check ARTICLE` for a scored report, `mtcheck rules` for the detectors,
    `mtcheck explain CODE` for one of them.
    """


class SeverityType(click.ParamType):
    """A click parameter for minor/major/critical (or ``none`` where allowed)."""

    name = "severity"

    def __init__(self, allow_none: bool = False) -> None:
        self.allow_none = allow_none

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Severity | None:
        if isinstance(value, Severity) or value is None:
            return value
        if self.allow_none and str(value).lower() == "none":
            return None
        try:
            return Severity.parse(str(value))
        except ValueError as err:
            self.fail(str(err), param, ctx)


def use_color(color: str, stream: Any) -> bool:
    """Decide colour: ``always``/``never``, or ``auto`` = a terminal and no NO_COLOR in the environment."""
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: one-line errors for user mistakes (exit 2), a short notice for bugs (exit 3)."""
    try:
        rv = cli.main(args=argv, prog_name="mtcheck", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.Abort:
        click.echo("mtcheck: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        # usage errors: click's message, one line, exit 2
        msg = e.format_message().replace("\n", " ")
        hint = ""
        if isinstance(e, click.UsageError) and e.ctx is not None:
            hint = f" (see '{e.ctx.command_path} --help')"
        click.echo(f"mtcheck: error: {msg}{hint}", err=True)
        sys.exit(ExitStatus.USAGE)
    except MtcheckError as e:
        click.echo(f"mtcheck: error: {e}", err=True)
        sys.exit(e.status)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitStatus.OK)
    except KeyboardInterrupt:
        click.echo("mtcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - never show a user a traceback; MTCHECK_DEBUG=1 shows it
        if os.environ.get("MTCHECK_DEBUG"):
            raise
        click.echo(f"mtcheck: internal error: {type(e).__name__}: {e} (set MTCHECK_DEBUG=1 for a traceback)",
                   err=True)
        sys.exit(ExitStatus.INTERNAL)
    sys.exit(int(rv or 0))
