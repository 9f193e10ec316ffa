"""Small stand-in detectors for the publication-gate tests (config, suppression, baseline, batch, formats).

They make the findings of the fixtures independent of the real detectors, which keep changing: golden files and
exit-code tests then only move when the gate code does. ``use_fake_registry`` swaps them in for the real ones.
"""

from __future__ import annotations

import re

from mtcheck.detectors.base import Detector
from mtcheck.detectors.meta import DETECTORS as META
from mtcheck.findings import Category, Severity
from mtcheck.registry import Registry


class FakeDash(Detector):
    """A paragraph that opens with a dash.

    ## What it does
    Flags the line of a paragraph that starts with an en dash.

    ## Why it matters
    Test stand-in.

    ## False positives
    Test stand-in.
    """

    code, name, category, severity = "MT101", "fake-dash", Category.QUOTE_DASH, Severity.MAJOR
    bad, good = "Title\n\n– We go, she says.\n", "Title\n\n“We go,” she says.\n"

    def check(self, doc, ctx):
        for p in doc.paragraphs:
            if p.text.startswith("– "):
                yield self.finding(p.content_start, p.content_start + len(p.text.splitlines()[0]),
                                   f"dash quote {p.text.splitlines()[0][:20]!r}", suggestion="Use quotation marks")


class FakeAd(Detector):
    """A paragraph that is only the word Advertisement.

    ## What it does
    Flags ad markers.

    ## Why it matters
    Test stand-in.

    ## False positives
    Test stand-in.
    """

    code, name, category, severity = "MT301", "fake-ad", Category.BOILERPLATE, Severity.MAJOR
    bad, good = "Title\n\nAdvertisement\n", "Title\n\nThe advertisement ran twice.\n"

    def check(self, doc, ctx):
        for p in doc.paragraphs:
            if p.text.strip() == "Advertisement":
                yield self.finding(p.content_start, p.end, "ad marker 'Advertisement'", suggestion="Delete the line")


class FakeGlued(Detector):
    """A word glued to ReadMore.

    ## What it does
    Flags glued ReadMore tokens.

    ## Why it matters
    Test stand-in.

    ## False positives
    Test stand-in.
    """

    code, name, category, severity = "MT601", "fake-glued", Category.GLUED, Severity.MINOR
    bad, good = "Title\n\nAt noon.ReadMore\n", "Title\n\nAt noon. Read more\n"
    pattern = re.compile(r"\S+ReadMore")

    def check(self, doc, ctx):
        for m in self.pattern.finditer(doc.text):
            yield self.finding(m.start(), m.end(), f"glued {m.group()!r}", suggestion="Insert a space")


class FakeNorwegian(Detector):
    """A Norwegian phrase left untranslated.

    ## What it does
    Flags one test phrase.

    ## Why it matters
    Test stand-in.

    ## False positives
    Test stand-in.
    """

    code, name, category, severity = "MT701", "fake-norwegian", Category.UNTRANSLATED, Severity.CRITICAL
    bad, good = "Title\n\nSjøfolk på kaia waited.\n", "Title\n\nSeafarers waited.\n"

    def check(self, doc, ctx):
        for m in re.finditer("Sjøfolk på kaia", doc.text):
            yield self.finding(m.start(), m.end(), f"untranslated {m.group()!r}", suggestion="Translate it")


class FakeRepeat(Detector):
    """The title printed again.

    ## What it does
    Flags a paragraph equal to the first one.

    ## Why it matters
    Test stand-in.

    ## False positives
    Test stand-in.
    """

    code, name, category, severity = "MT501", "fake-repeat", Category.DUPLICATE, Severity.MAJOR
    bad, good = "Title\n\nTitle\n", "Title\n\nBody\n"

    def check(self, doc, ctx):
        if len(doc.paragraphs) > 1:
            first = doc.paragraphs[0].text
            for p in doc.paragraphs[1:]:
                if p.text == first:
                    yield self.finding(p.content_start, p.end, "title repeated", suggestion="Delete it")


FAKES = [FakeDash, FakeAd, FakeGlued, FakeNorwegian, FakeRepeat]
FAKE_REGISTRY = Registry([*FAKES, *META])


def use_fake_registry(monkeypatch) -> Registry:
    """Make every part of mtcheck (engine, config, reporters, CLI) use the fake detectors."""
    import mtcheck.engine
    import mtcheck.registry

    monkeypatch.setattr(mtcheck.registry, "default_registry", lambda: FAKE_REGISTRY)
    monkeypatch.setattr(mtcheck.engine, "default_registry", lambda: FAKE_REGISTRY)
    return FAKE_REGISTRY
