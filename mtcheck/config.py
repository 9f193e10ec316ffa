"""Configuration files: ``[tool.mtcheck]`` in ``pyproject.toml``, or an ``mtcheck.toml``, merged with the command line.

The file is found upwards from the working directory (in each directory: ``mtcheck.toml``, ``.mtcheck.toml``, then a
``pyproject.toml`` that has a ``[tool.mtcheck]`` table); ``--config FILE`` names one, ``--isolated`` uses none.
Keys are kebab-case (``fail-under``; ``fail_under`` is accepted too). Unknown keys are a warning on stderr; an
invalid value is a ``ConfigError`` (one line, exit 2). Relative paths in the file are relative to the file.

Precedence (in the manner of ruff): within one layer the longest matching selector wins (a tie goes to ignore);
``--select`` on the command line replaces the file's ``select`` *and* ``ignore``; ``--ignore`` on the command line
and ``per-file-ignores`` switch detectors off whatever the file selects; every other CLI option beats the file.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .findings import Severity
from .settings import Settings

if TYPE_CHECKING:
    from .registry import Registry

CONFIG_FILES = ("mtcheck.toml", ".mtcheck.toml", "pyproject.toml")
JSONL_FIELDS = {"id": "id", "text": "text", "title": "title", "body": "body"}
_SELECTOR = re.compile(r"^(ALL|MT[1-9]?\d{0,2}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$", re.IGNORECASE)
UNSET: Any = object()  # "not given": distinct from None, which for fail-on means "never fail on severity"


@dataclass
class FileConfig:
    """The validated contents of one configuration file (every field None/empty when not set)."""

    path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_under: float | None = None
    fail_on: Any = UNSET  # Severity, None ("none") or UNSET
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    extra_lexicons: list[str] = field(default_factory=list)
    extra_exemplars: list[str] = field(default_factory=list)
    model: str | None = None
    embeddings: bool | None = None
    max_bytes: int | None = None
    format: str | None = None
    glob: list[str] = field(default_factory=list)
    jobs: int | None = None
    jsonl: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        """Return the directory relative paths and per-file globs are resolved against."""
        return self.path.parent if self.path else Path.cwd()


@dataclass
class CliOptions:
    """What the command line says; None/UNSET/empty = not given, so the file (or the default) decides."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_under: float | None = None
    fail_on: Any = UNSET
    no_embeddings: bool = False
    model: str | None = None
    max_bytes: int | None = None


# --- finding and reading the file ------------------------------------------------------------------------------

def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config ({err.strerror or err})") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None


def _table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """Return the mtcheck table of a parsed file (None when a pyproject.toml has none)."""
    if path.name == "pyproject.toml" or ("tool" in data and set(data) == {"tool"}):
        tool = data.get("tool", {})
        table = tool.get("mtcheck") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.mtcheck] must be a table")
        return table
    return data


def find_config(start: Path | None = None) -> Path | None:
    """Return the nearest configuration file from ``start`` (default: the working directory) upwards."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and _table(candidate, _read_toml(candidate)) is None:
                    continue
                return candidate
    return None


def load_config(path: Path | str | None = None, *, isolated: bool = False) -> FileConfig:
    """Load ``path`` (or the file found upwards from the working directory); an empty config when there is none."""
    if isolated:
        return FileConfig()
    if path is None:
        found = find_config()
        if found is None:
            return FileConfig()
        path = found
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    table = _table(path, _read_toml(path))
    if table is None:
        return FileConfig(path=path.resolve(), warnings=[f"{path}: no [tool.mtcheck] table (using defaults)"])
    return parse_config(table, path.resolve())


# --- validation ------------------------------------------------------------------------------------------------

def _err(path: Path, key: str, expected: str, value: Any) -> ConfigError:
    return ConfigError(f"{path}: {key}: expected {expected}, got {value!r}")


def _str_list(path: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(path, key, "a string or a list of strings", value)
    return [v.strip() for v in value if v.strip()]


def _selectors(path: Path, key: str, value: Any) -> list[str]:
    out = []
    for item in _str_list(path, key, value):
        for sel in (s.strip() for s in item.split(",")):
            if sel and not _SELECTOR.match(sel):
                raise _err(path, key, "codes (MT301), prefixes (MT3), detector names or ALL", sel)
            if sel:
                out.append(sel)
    return out


def _severity(path: Path, key: str, value: Any, allow_none: bool = False) -> Severity | None:
    if allow_none and isinstance(value, str) and value.strip().lower() == "none":
        return None
    try:
        return Severity.parse(value) if isinstance(value, str) else Severity.parse("?")
    except ValueError:
        choices = "minor, major, critical" + (" or none" if allow_none else "")
        raise _err(path, key, choices, value) from None


def _file_list(path: Path, key: str, value: Any) -> list[str]:
    out = []
    for item in _str_list(path, key, value):
        p = Path(os.path.expanduser(item))
        p = p if p.is_absolute() else path.parent / p
        if not p.exists():
            raise ConfigError(f"{path}: {key}: no such file {item!r}")
        out.append(str(p))
    return out


def parse_config(table: dict[str, Any], path: Path) -> FileConfig:
    """Validate a ``[tool.mtcheck]`` table; raise ConfigError on the first invalid value."""
    cfg = FileConfig(path=path)
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key == "select":
            cfg.select = _selectors(path, key, value)
        elif key in ("ignore", "extend-ignore"):
            cfg.ignore += _selectors(path, key, value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise _err(path, key, "a table of code = severity", value)
            for sel, sev in value.items():
                if not _SELECTOR.match(sel) or sel.upper() == "ALL":
                    raise _err(path, f"severity.{sel}", "a code, prefix or detector name", sel)
                cfg.severity[sel] = _severity(path, f"severity.{sel}", sev)  # type: ignore[assignment]
        elif key == "fail-under":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise _err(path, key, "a number from 0 to 100", value)
            cfg.fail_under = float(value)
        elif key == "fail-on":
            cfg.fail_on = _severity(path, key, value, allow_none=True)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise _err(path, key, 'a table of "glob" = [codes]', value)
            cfg.per_file_ignores = {g: _selectors(path, f"per-file-ignores.{g}", v) for g, v in value.items()}
        elif key in ("extra-lexicons", "extra-exemplars"):
            setattr(cfg, key.replace("-", "_"), _file_list(path, key, value))
        elif key == "model":
            if not isinstance(value, str) or not value.strip():
                raise _err(path, key, "a model name or path", value)
            local = path.parent / os.path.expanduser(value)
            cfg.model = str(local) if (value.startswith((".", "~")) or local.exists()) else value
        elif key in ("embeddings",):
            if not isinstance(value, bool):
                raise _err(path, key, "true or false", value)
            cfg.embeddings = value
        elif key == "max-bytes":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise _err(path, key, "a positive integer", value)
            cfg.max_bytes = value
        elif key == "format":
            from .report import REPORTERS

            if value not in REPORTERS:
                raise _err(path, key, "one of " + ", ".join(sorted(REPORTERS)), value)
            cfg.format = value
        elif key == "glob":
            cfg.glob = _str_list(path, key, value)
        elif key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise _err(path, key, "0 (one per CPU) or a positive integer", value)
            cfg.jobs = value
        elif key == "jsonl":
            if not isinstance(value, dict):
                raise _err(path, key, "a table of id/text/title/body = field name", value)
            for k, v in value.items():
                if k not in JSONL_FIELDS:
                    cfg.warnings.append(f"{path}: unknown key 'jsonl.{k}' (expected id, text, title or body)")
                elif not isinstance(v, str) or not v:
                    raise _err(path, f"jsonl.{k}", "a field name", v)
                else:
                    cfg.jsonl[k] = v
        else:
            import difflib

            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            cfg.warnings.append(f"{path}: unknown key {raw_key!r} in [tool.mtcheck] (ignored){hint}")
    return cfg


KNOWN_KEYS = ("select", "ignore", "extend-ignore", "severity", "fail-under", "fail-on", "per-file-ignores",
              "extra-lexicons", "extra-exemplars", "model", "embeddings", "max-bytes", "format", "glob",
              "jobs", "jsonl")


# --- selection layering ----------------------------------------------------------------------------------------

def _codes_of(selector: str, registry: Registry) -> set[str]:
    from .registry import _match_len

    return {cls.code for cls in registry if _match_len(selector, cls.code, cls.name) >= 0}


def _shadows(select: list[str], overriding: list[str], registry: Registry) -> list[str]:
    """Return the selectors of ``select`` that ``overriding`` ignores entirely.

    Listing them in ``ignore`` makes them tie with themselves, and a tie goes to ignore: so an ignore of a later
    layer beats a more specific select of an earlier one without flattening selectors to explicit codes.
    """
    out = []
    covered = [_codes_of(p, registry) for p in overriding]
    for s in select:
        codes = _codes_of(s, registry)
        if codes and any(codes <= c for c in covered):
            out.append(s)
    return out


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if not (x.upper() in seen or seen.add(x.upper()))]  # type: ignore[func-returns-value]


def build_settings(cfg: FileConfig, cli: CliOptions | None = None, registry: Registry | None = None) -> Settings:
    """Return the run's settings: defaults, then the file, then the command line."""
    from .registry import default_registry

    cli = cli or CliOptions()
    registry = registry or default_registry()
    if cli.select:
        select, ignore = list(cli.select), list(cli.ignore)
    else:
        select = list(cfg.select or [])
        ignore = list(cfg.ignore) + list(cli.ignore) + _shadows(select, cli.ignore, registry)
    s = Settings(select=_dedupe(select), ignore=_dedupe(ignore))
    s.severity_overrides = expand_severity(cfg.severity, registry, cfg.warnings)
    if cfg.fail_under is not None:
        s.fail_under = cfg.fail_under
    if cli.fail_under is not None:
        s.fail_under = cli.fail_under
    if cfg.fail_on is not UNSET:
        s.fail_on = cfg.fail_on
    if cli.fail_on is not UNSET:
        s.fail_on = cli.fail_on
    s.embeddings = not cli.no_embeddings and (cfg.embeddings if cfg.embeddings is not None else True)
    s.model = cli.model or cfg.model
    s.max_bytes = cli.max_bytes or cfg.max_bytes or s.max_bytes
    s.extra_lexicons = list(cfg.extra_lexicons)
    s.extra_exemplars = list(cfg.extra_exemplars)
    for sel in s.select + s.ignore:
        if sel.upper() != "ALL" and not _codes_of(sel, registry):
            cfg.warnings.append(f"{cfg.path or 'command line'}: {sel!r} matches no detector")
    return s


def expand_severity(overrides: dict[str, Severity], registry: Registry, warnings: list[str]) -> dict[str, Severity]:
    """Expand code/prefix/name keys to codes; the longest (most specific) key wins."""
    from .registry import _match_len

    out: dict[str, Severity] = {}
    best: dict[str, int] = {}
    for key, sev in overrides.items():
        hit = False
        for cls in registry:
            n = _match_len(key, cls.code, cls.name)
            if n > 0 and n >= best.get(cls.code, -1):
                out[cls.code], best[cls.code], hit = sev, n, True
        if not hit:
            warnings.append(f"severity: {key!r} matches no detector (ignored)")
    return dict(sorted(out.items()))


def glob_matches(pattern: str, path: str, root: Path | None = None) -> bool:
    """Return True when ``path`` matches ``pattern`` as given, relative to ``root``, or by its file name."""
    candidates = {path.replace(os.sep, "/"), PurePosixPath(path.replace(os.sep, "/")).name}
    if root is not None and path not in ("-", "<stdin>"):
        try:
            candidates.add(Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix())
        except ValueError:
            pass
    patterns = {pattern.rstrip("/")} | ({pattern[3:].rstrip("/")} if pattern.startswith("**/") else set())
    # fnmatch's * also matches "/", so "drafts/*" covers sub-folders; a bare folder name covers its contents
    return any(fnmatch.fnmatchcase(c, p) or fnmatch.fnmatchcase(c, p + "/*") for c in candidates for p in patterns if p)


def per_file_ignores(cfg: FileConfig, path: str) -> list[str]:
    """Return the selectors that ``per-file-ignores`` switches off for ``path``."""
    out: list[str] = []
    for pattern, selectors in cfg.per_file_ignores.items():
        if glob_matches(pattern, path, cfg.root):
            out.extend(selectors)
    return out


def settings_for(base: Settings, cfg: FileConfig, path: str, registry: Registry | None = None) -> Settings:
    """Return ``base`` with the per-file ignores of ``path`` applied (they beat any select)."""
    extra = per_file_ignores(cfg, path)
    if not extra:
        return base
    from .registry import default_registry

    registry = registry or default_registry()
    ignore = _dedupe(base.ignore + extra + _shadows(base.select, extra, registry))
    return replace(base, ignore=ignore, severity_overrides=dict(base.severity_overrides),
                   extra_lexicons=list(base.extra_lexicons), extra_exemplars=list(base.extra_exemplars))


# --- showing the effective settings -----------------------------------------------------------------------------

def effective_dict(settings: Settings, cfg: FileConfig, **batch: Any) -> dict[str, Any]:
    """Return the effective settings as a TOML-able dict (kebab-case keys, as a config file spells them)."""
    d: dict[str, Any] = {
        "select": settings.select or ["ALL"],
        "ignore": settings.ignore,
        "fail-under": settings.fail_under,
        "fail-on": settings.fail_on.value if settings.fail_on else "none",
        "embeddings": settings.embeddings,
        **({"model": settings.model} if settings.model else {}),  # unset: the bundled all-MiniLM-L6-v2
        "max-bytes": settings.max_bytes,
        "extra-lexicons": settings.extra_lexicons,
        "extra-exemplars": settings.extra_exemplars,
    }
    d.update({k: v for k, v in batch.items() if v is not None})
    d["severity"] = {k: v.value for k, v in settings.severity_overrides.items()}
    d["per-file-ignores"] = dict(cfg.per_file_ignores)
    d["jsonl"] = {**JSONL_FIELDS, **cfg.jsonl}
    return d


def to_toml(d: dict[str, Any], table: str = "tool.mtcheck") -> str:
    """Render a flat dict with sub-tables as TOML (enough for ``mtcheck config``)."""
    def val(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return f"{v:g}" if isinstance(v, float) else str(v)
        if isinstance(v, list):
            return "[" + ", ".join(val(x) for x in v) + "]"
        s = str(v).replace("\\", "\\\\").replace('"', '\\"')
        return f'"{s}"'

    def key(k: str) -> str:
        return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else val(k)

    lines = [f"[{table}]"]
    subs = {k: v for k, v in d.items() if isinstance(v, dict)}
    lines += [f"{key(k)} = {val(v)}" for k, v in d.items() if not isinstance(v, dict)]
    for name, sub in subs.items():
        lines += ["", f"[{table}.{name}]"] + [f"{key(k)} = {val(v)}" for k, v in sub.items()]
    return "\n".join(lines) + "\n"
