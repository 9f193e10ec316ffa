"""Exit statuses and the errors that map onto them; the exit code is decided in one place (``exit_status``)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes of every mtcheck command."""

    OK = 0  # checked, and every article passed the gate (or --exit-zero)
    GATE_FAILED = 1  # checked, and at least one article failed the gate
    USAGE = 2  # bad command line, bad configuration, or input that cannot be read
    INTERNAL = 3  # a bug in mtcheck (a detector crashed); the report says which


class MtcheckError(Exception):
    """An error the user can fix (bad input, option or config): one line on stderr, exit 2."""

    status = ExitStatus.USAGE


class InputError(MtcheckError):
    """An article that cannot be read: missing, a directory, empty, binary, not UTF-8, too large."""


class ConfigError(MtcheckError):
    """A configuration file or value that is invalid."""


class ModelError(MtcheckError):
    """An embedding model that cannot be loaded from a local path or the local cache."""
