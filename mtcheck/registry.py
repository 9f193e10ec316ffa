"""The detector registry: an explicit list of detector modules, validated codes, and code selection."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .detectors.base import BLOCKS, CODE_RE, NAME_RE, Detector

# Every detector module, in report order. A module lists its detector classes in ``DETECTORS``.
DETECTOR_MODULES: tuple[str, ...] = (
    "quotes",
    "calques",
    "boilerplate",
    "bylines",
    "duplicates",
    "glued",
    "untranslated",
    "semantic",
    "meta",
)

# Codes that were renamed (old -> new) and codes that were removed; a code is never reused.
REDIRECTS: dict[str, str] = {}
RETIRED: dict[str, str] = {}


class RegistryError(Exception):
    """A detector class with a bad or duplicate code or name (a bug, found by the test suite)."""


class Registry:
    """The detectors known to mtcheck, keyed by code."""

    def __init__(self, classes: Iterable[type[Detector]]) -> None:
        self.by_code: dict[str, type[Detector]] = {}
        names: set[str] = set()
        for cls in classes:
            code, name = cls.code, cls.name
            if not CODE_RE.match(code) or code[2] not in BLOCKS:
                raise RegistryError(f"{cls.__name__}: bad code {code!r}")
            if not NAME_RE.match(name):
                raise RegistryError(f"{cls.__name__}: bad name {name!r}")
            if code in self.by_code or name in names or code in RETIRED:
                raise RegistryError(f"{cls.__name__}: duplicate or retired code/name {code} {name}")
            self.by_code[code] = cls
            names.add(name)
        self.by_code = dict(sorted(self.by_code.items()))

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.by_code.values())

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, code_or_name: str) -> type[Detector] | None:
        """Return the detector with this code or name (old codes follow REDIRECTS)."""
        key = code_or_name.strip()
        key = REDIRECTS.get(key.upper(), key)
        if key.upper() in self.by_code:
            return self.by_code[key.upper()]
        for cls in self.by_code.values():
            if cls.name == key.lower():
                return cls
        return None

    def selected(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[type[Detector]]:
        """Return the detectors enabled by ``select``/``ignore`` (see ``is_selected``)."""
        return [cls for cls in self if is_selected(cls.code, cls.name, select, ignore)]


def _match_len(selector: str, code: str, name: str) -> int:
    s = selector.strip()
    if not s:
        return -1
    if s.upper() == "ALL":
        return 0
    if s.lower() == name:
        return 100  # an exact name is as specific as a full code
    s = REDIRECTS.get(s.upper(), s.upper())
    return len(s) if code.startswith(s) else -1


def is_selected(code: str, name: str, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> bool:
    """Decide whether a detector runs: the longest matching selector wins; on a tie ``ignore`` wins.

    ``select`` and ``ignore`` hold codes (``MT301``), prefixes (``MT3``, ``MT30``), names
    (``ad-marker``) or ``ALL``. With no ``select`` every detector is selected unless ignored.
    """
    best_sel = max((_match_len(s, code, name) for s in select), default=-1) if select else 0
    best_ign = max((_match_len(s, code, name) for s in ignore), default=-1)
    if best_sel < 0:
        return False
    return best_ign < best_sel


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Return the registry of every built-in detector."""
    classes: list[type[Detector]] = []
    for mod in DETECTOR_MODULES:
        module = importlib.import_module(f"mtcheck.detectors.{mod}")
        classes.extend(getattr(module, "DETECTORS", ()))
    return Registry(classes)
