"""Batches: expand paths, directories, JSONL files and stdin into articles, and check them (in parallel if asked).

- A directory is walked recursively (hidden folders skipped, files sorted) and keeps the files matching ``--glob``
  (default: ``*.txt``, ``*.md``, ``*.markdown``, ``*.html``, ``*.htm``); a pattern matches the path relative to
  the directory or the file name.
- A ``.jsonl``/``.ndjson`` file (or any input with ``--input-format jsonl``, stdin included) holds one article per
  line: an object with ``text``, or ``title`` and ``body`` (joined by a blank line), and an optional ``id``; the
  field names are configurable. The article is reported as ``FILE#ID`` (``FILE:LINE`` without an id).
- An input that cannot be read (a missing or binary file, a malformed JSONL line, a line without text) becomes an
  error entry with its path and line; the rest of the batch is still checked and the run exits 2.
- ``jobs > 1`` checks documents in a process pool when no model is loaded (the heuristics are CPU-bound); with
  embeddings on, one model serves the whole batch in this process.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .config import JSONL_FIELDS
from .errors import InputError
from .inputs import FORMATS, document_from_text, read_document

DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class Item:
    """One article to check: a file to read, or text already read from a JSONL line."""

    name: str
    path: str | None = None
    text: str | None = None
    fmt: str | None = None
    doc: Any = None  # already read (a single file is read before any model loads)


def error(path: str, message: str, line: int | None = None) -> dict[str, Any]:
    """Return an input-error entry of a RunReport (the message without the leading path)."""
    prefix = f"{path}: "
    return {"path": path, "line": line, "error": message[len(prefix):] if message.startswith(prefix) else message}


def _matches(rel: str, globs: Iterable[str]) -> bool:
    import fnmatch

    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(name, g) or
               (g.startswith("**/") and fnmatch.fnmatchcase(rel, g[3:])) for g in globs)


def walk(directory: str, globs: Iterable[str]) -> list[str]:
    """Return the files under ``directory`` that match ``globs``, sorted, skipping hidden folders."""
    globs = list(globs)
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, directory).replace(os.sep, "/")
            if _matches(rel, globs):
                out.append(full)
    return out


def read_jsonl(lines: Iterable[bytes], name: str, fields: dict[str, str], fmt: str | None,
               max_bytes: int) -> tuple[list[Item], list[dict[str, Any]]]:
    """Return the articles and the per-line errors of a JSONL stream."""
    items: list[Item] = []
    errors: list[dict[str, Any]] = []
    f = {**JSONL_FIELDS, **fields}
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError:
            errors.append(error(name, "not valid UTF-8", n))
            continue
        except json.JSONDecodeError as err:
            errors.append(error(name, f"malformed JSON ({err.msg} at column {err.colno})", n))
            continue
        if not isinstance(obj, dict):
            errors.append(error(name, "expected a JSON object per line", n))
            continue
        if isinstance(obj.get(f["text"]), str):
            text = obj[f["text"]]
        else:
            parts = [obj[f[k]] for k in ("title", "body") if isinstance(obj.get(f[k]), str)]
            text = "\n\n".join(p.strip("\r\n") for p in parts)
        ident = obj.get(f["id"])
        label = f"{name}#{ident}" if isinstance(ident, (str, int)) and str(ident) else f"{name}:{n}"
        if not text.strip():
            what = f"'{f['text']}'" + (f" (or '{f['title']}'/'{f['body']}')" if f["title"] != f["text"] else "")
            errors.append(error(name, f"no article text: missing or empty {what} field", n))
        elif len(text.encode("utf-8")) > max_bytes:
            errors.append(error(name, f"article larger than the {max_bytes:,}-byte limit (see --max-bytes)", n))
        else:
            items.append(Item(name=label, text=text, fmt=fmt if fmt in FORMATS else "text"))
    return items, errors


def expand_inputs(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS, fields: dict[str, str] | None = None,
                  input_format: str | None = None,
                  max_bytes: int = 10 * 1024 * 1024) -> tuple[list[Item], list[dict[str, Any]]]:
    """Expand command-line paths into articles, in order, and the inputs that could not be expanded."""
    items: list[Item] = []
    errors: list[dict[str, Any]] = []
    globs = list(globs) or list(DEFAULT_GLOBS)
    fields = fields or {}
    for p in paths:
        jsonl = input_format == "jsonl" or (p != "-" and p.lower().endswith(JSONL_SUFFIXES))
        doc_fmt = None if input_format == "jsonl" else input_format
        if p != "-" and os.path.isdir(p):
            found = walk(p, globs)
            if not found:
                errors.append(error(p, f"no article files in this folder (matching {', '.join(globs)})"))
            for f in found:
                if f.lower().endswith(JSONL_SUFFIXES):
                    more, errs = _jsonl_file(f, fields, doc_fmt, max_bytes)
                    items += more
                    errors += errs
                else:
                    items.append(Item(name=f, path=f, fmt=doc_fmt))
        elif jsonl:
            more, errs = _jsonl_file(p, fields, doc_fmt, max_bytes)
            items += more
            errors += errs
        else:
            items.append(Item(name="<stdin>" if p == "-" else p, path=p, fmt=doc_fmt))
    return items, errors


def _jsonl_file(path: str, fields: dict[str, str], fmt: str | None,
                max_bytes: int) -> tuple[list[Item], list[dict[str, Any]]]:
    name = "<stdin>" if path == "-" else path
    if path == "-":
        return read_jsonl(sys.stdin.buffer, name, fields, fmt, max_bytes)
    try:
        with open(path, "rb") as fh:  # read-only
            return read_jsonl(fh, name, fields, fmt, max_bytes)
    except FileNotFoundError:
        return [], [error(path, "no such file")]
    except OSError as err:
        return [], [error(path, f"cannot read ({err.strerror or err})")]


def load_item(item: Item, max_bytes: int) -> Any:
    """Return the Document of an item; raise InputError when it cannot be read."""
    if item.doc is not None:
        return item.doc
    if item.text is not None:
        return document_from_text(item.text, item.name, item.fmt or "text")
    return read_document(item.path or item.name, item.fmt, max_bytes)


def _check_one(args: tuple[Item, Any, Any]) -> tuple[str, Any]:
    """Worker: read and check one item without embeddings; return ("ok", result) or ("error", entry)."""
    from .engine import check_document

    item, settings, encoder = args
    try:
        doc = load_item(item, settings.max_bytes)
    except InputError as err:
        return "error", error(item.name, str(err))
    return "ok", check_document(doc, settings, encoder=encoder)


def check_items(items: list[Item], settings_for: Callable[[str], Any], encoder: Any = None, jobs: int = 1,
                progress: bool | None = None) -> tuple[list[Any], list[dict[str, Any]], list[str]]:
    """Check ``items``; return (results in input order, input errors, notices).

    ``settings_for(name)`` gives each article its settings (per-file ignores). ``jobs`` > 1 uses a process pool
    unless an encoder is given; ``progress`` None shows a bar on stderr only when it is a terminal.
    """
    notices: list[str] = []
    if progress is None:
        progress = len(items) > 1 and sys.stderr.isatty()
    jobs = jobs or (os.cpu_count() or 1)
    args = [(it, settings_for(it.name), encoder) for it in items]
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(items), file=sys.stderr, unit="article", leave=False, dynamic_ncols=True)
    outcomes: list[tuple[str, Any]] = []
    try:
        if jobs > 1 and encoder is not None:
            notices.append("--jobs applies to heuristic-only runs; with embeddings on one model checks the batch")
        if jobs > 1 and encoder is None and len(items) > 1:
            outcomes = _pool(args, jobs, bar)
        else:
            for a in args:
                outcomes.append(_check_one(a))
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    results = [v for k, v in outcomes if k == "ok"]
    errors = [v for k, v in outcomes if k == "error"]
    return results, errors, notices


def _pool(args: list[tuple[Item, Any, Any]], jobs: int, bar: Any) -> list[tuple[str, Any]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    if ctx is not None:  # fill the detectors' lazy caches (lexicons, word lists) once, before the workers fork
        from .document import build_document
        from .engine import check_document

        check_document(build_document("Warm-up\n\nA short paragraph to load the lexicons once.\n"), args[0][1])
    chunk = max(1, min(32, len(args) // (jobs * 4)))
    out = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(args)), mp_context=ctx) as pool:
        for outcome in pool.map(_check_one, args, chunksize=chunk):
            out.append(outcome)
            if bar is not None:
                bar.update(1)
    return out


__all__ = ["DEFAULT_GLOBS", "Item", "check_items", "expand_inputs", "load_item", "read_jsonl", "walk"]
