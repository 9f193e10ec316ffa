"""Read articles from files or stdin safely: every unreadable input is an InputError, never a traceback.

Input files are opened read-only and never written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .document import Document, build_document
from .errors import InputError

FORMATS = ("text", "markdown", "html")
EXTENSIONS = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def guess_format(path: str) -> str:
    """Return the input format implied by the file extension (plain text when unknown)."""
    return EXTENSIONS.get(Path(path).suffix.lower(), "text")


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or raise InputError naming the first bad byte."""
    if not data.strip():
        raise InputError(f"{name}: empty input (nothing to check)")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}, "
                         f"line {line}); convert it to UTF-8 first") from None
    if not text.strip():
        raise InputError(f"{name}: empty input (only white space)")
    return text


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of ``path`` (``-`` is stdin), checking existence, type and size first."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"<stdin>: input larger than the {max_bytes:,}-byte limit (see --max-bytes)")
        return data
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    if not p.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: file is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:g} MiB limit "
                             "(news articles are far smaller; raise it with --max-bytes)")
        with open(p, "rb") as fh:  # read-only: mtcheck never writes an input file
            return fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None


def document_from_text(text: str, path: str, fmt: str) -> Document:
    """Build a Document from decoded text in the given format (HTML is extracted first)."""
    if fmt == "html":
        from .htmlextract import extract

        page = extract(text)
        if not page.text.strip():
            raise InputError(f"{path}: the HTML page has no article text")
        doc = build_document(page.text, path=path, fmt="html", blocks=page.blocks)
        doc.comments.extend((offset, offset, comment) for offset, comment in page.comments)
        return doc
    return build_document(text, path=path, fmt=fmt)


def read_document(path: str, input_format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and parse one article; raise InputError with a one-line message when it cannot be read."""
    name = "<stdin>" if path == "-" else os.fspath(path)
    fmt = input_format or ("text" if path == "-" else guess_format(path))
    if fmt not in FORMATS:
        raise InputError(f"unknown input format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    text = decode(read_bytes(path, max_bytes), name)
    return document_from_text(text, name, fmt)
