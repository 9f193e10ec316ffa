"""Meta-tests: every detector is complete (code, unique name, docs, examples) and its examples behave."""

from __future__ import annotations

import pytest
from markers import findings_of

from mtcheck.detectors.base import BLOCKS, CODE_RE, DOC_HEADINGS, NAME_RE, Detector
from mtcheck.findings import Category, Severity
from mtcheck.registry import REDIRECTS, Registry, RegistryError, default_registry, is_selected

REGISTRY = default_registry()
DETECTORS = list(REGISTRY)
HEURISTIC = [d for d in DETECTORS if not d.requires_embeddings]


def test_there_are_detectors_in_every_heuristic_family():
    families = {d.code[2] for d in DETECTORS}
    assert {"1", "2", "3", "4", "5", "6", "7"} <= families


@pytest.mark.parametrize("cls", DETECTORS, ids=lambda c: c.code)
def test_detector_metadata_is_complete(cls: type[Detector]):
    assert CODE_RE.match(cls.code) and cls.code[2] in BLOCKS
    assert NAME_RE.match(cls.name)
    assert isinstance(cls.category, Category) and isinstance(cls.severity, Severity)
    assert cls.summary() and not cls.summary().endswith(":")
    doc = cls.explanation()
    for heading in DOC_HEADINGS:
        assert heading in doc, f"{cls.code} docstring lacks {heading!r}"
    assert cls.bad.strip() and cls.good.strip()
    if cls.requires_embeddings:
        assert cls.threshold is not None


def test_names_and_codes_are_unique():
    assert len({d.name for d in DETECTORS}) == len(DETECTORS)
    assert len({d.code for d in DETECTORS}) == len(DETECTORS)


@pytest.mark.parametrize("cls", HEURISTIC, ids=lambda c: c.code)
def test_bad_example_fires_and_good_stays_silent(cls: type[Detector]):
    bad = [f for f in findings_of(cls.bad, cls.code) if f.code == cls.code]
    assert bad, f"{cls.code} does not flag its bad example"
    good = [f for f in findings_of(cls.good, cls.code) if f.code == cls.code]
    assert not good, f"{cls.code} flags its good example: {[cls.good[f.start:f.end] for f in good]}"


def test_registry_rejects_bad_and_duplicate_codes():
    class Bad(Detector):
        code, name = "MX101", "bad-code"

    with pytest.raises(RegistryError):
        Registry([Bad])
    first = DETECTORS[0]

    class Twin(Detector):
        code, name = first.code, "another-name"

    with pytest.raises(RegistryError):
        Registry([first, Twin])


def test_redirects_point_at_live_codes():
    for new in REDIRECTS.values():
        assert new in REGISTRY.by_code


@pytest.mark.parametrize(
    ("select", "ignore", "code", "expected"),
    [
        ([], [], "MT301", True),
        (["MT3"], [], "MT301", True),
        (["MT3"], [], "MT201", False),
        ([], ["MT3"], "MT301", False),
        (["MT301"], ["MT3"], "MT301", True),  # longer select wins
        (["MT3"], ["MT30"], "MT301", False),  # longer ignore wins
        (["MT3"], ["MT3"], "MT301", False),  # tie: ignore wins
        (["ALL"], ["MT2"], "MT201", False),
        (["ALL"], ["MT2"], "MT101", True),
        (["some-name"], [], "MT101", False),
    ],
)
def test_selection_truth_table(select, ignore, code, expected):
    assert is_selected(code, "x-name", select, ignore) is expected


def test_selection_by_name():
    assert is_selected("MT101", "dialogue-dash-quote", ["dialogue-dash-quote"], [])
    assert not is_selected("MT101", "dialogue-dash-quote", [], ["dialogue-dash-quote"])
