"""In-article suppressions: regions, next line, file level, selectors, unused (MT901) and bad (MT902) directives."""

from __future__ import annotations

import pytest
from gate_fakes import FAKE_REGISTRY

from mtcheck.document import build_document
from mtcheck.engine import check_document
from mtcheck.settings import Settings

AD = "Advertisement"


def codes(text: str, fmt: str = "markdown", **kw) -> list[tuple[str, str]]:
    doc = build_document(text, fmt=fmt)
    res = check_document(doc, Settings(embeddings=False, **kw), registry=FAKE_REGISTRY)
    return [(f.code, text[f.start:f.end]) for f in res.findings]


def test_comments_are_not_paragraphs_in_markdown():
    text = "Title\n\n<!-- an editor's note\nover two lines -->\nBody text here.\n"
    doc = build_document(text, fmt="markdown")
    assert [p.text for p in doc.paragraphs] == ["Title", "Body text here."]
    assert doc.comments == [(7, 47, "<!-- an editor's note\nover two lines -->")]
    assert [p.index for p in doc.paragraphs] == [0, 1]


def test_plain_text_keeps_ordinary_comments_but_reads_directives():
    text = "Title\n\n<!-- not ours -->\n\n<!-- mtcheck: disable-next-line MT301 -->\nAdvertisement\n"
    doc = build_document(text, fmt="text")
    assert [p.text for p in doc.paragraphs] == ["Title", "<!-- not ours -->", AD]
    assert len(doc.comments) == 1
    assert codes(text, fmt="text") == []


def test_disable_next_line_silences_only_the_next_paragraph():
    text = f"Title\n\n<!-- mtcheck: disable-next-line MT301 -->\n{AD}\n\n{AD}\n"
    assert codes(text) == [("MT301", AD)]


def test_disable_enable_region_with_names_prefixes_and_commas():
    text = (f"Title\n\n<!-- mtcheck: disable fake-ad, MT1 -->\n{AD}\n\n– We go, she says.\n\n"
            f"<!-- mtcheck: enable fake-ad MT1 -->\n{AD}\n\n– Again, he says.\n")
    assert codes(text) == [("MT301", AD), ("MT101", "– Again, he says.")]


def test_disable_without_enable_runs_to_the_end_and_enable_all_closes_every_region():
    text = f"Title\n\n<!-- mtcheck: disable MT3 -->\n{AD}\n\n{AD}\n"
    assert codes(text) == []
    text = f"Title\n\n<!-- mtcheck: disable MT3 -->\n{AD}\n\n<!-- mtcheck: enable -->\n{AD}\n"
    assert codes(text) == [("MT301", AD)]


def test_disable_file_anywhere_in_the_article():
    text = f"Title\n\n{AD}\n\n– We go, she says.\n\n<!-- mtcheck: disable-file MT3 -->\n"
    assert codes(text) == [("MT101", "– We go, she says.")]


def test_unused_suppression_is_mt901_on_the_directive():
    text = f"Title\n\n<!-- mtcheck: disable-next-line MT301, MT101 -->\n{AD}\n"
    assert codes(text) == [("MT901", "<!-- mtcheck: disable-next-line MT301, MT101 -->")]
    doc = build_document(text, fmt="markdown")
    res = check_document(doc, Settings(embeddings=False), registry=FAKE_REGISTRY)
    assert "MT101" in res.findings[0].message
    assert res.score.value == 100 and res.passed  # meta findings weigh nothing and never fail the gate


def test_unused_is_not_judged_for_detectors_that_did_not_run():
    text = f"Title\n\n<!-- mtcheck: disable-next-line MT101 -->\n{AD}\n"
    assert codes(text, select=["MT3", "MT9"]) == [("MT301", AD)]
    assert codes(text, ignore=["MT901"]) == [("MT301", AD)]


@pytest.mark.parametrize(("directive", "why"), [
    ("mtcheck: disabel MT301", "bad directive"),
    ("mtcheck disable MT301", "bad directive"),
    ("mtcheck: disable MT399", "unknown code 'MT399'"),
    ("mtcheck: disable MT0", "unknown code prefix"),
    ("mtcheck: disable no-such-rule", "unknown code or name"),
    ("mtcheck: enable MT301", "has no matching disable"),
])
def test_bad_directives_are_mt902_and_suppress_nothing(directive, why):
    text = f"Title\n\n<!-- {directive} -->\n{AD}\n"
    doc = build_document(text, fmt="markdown")
    res = check_document(doc, Settings(embeddings=False), registry=FAKE_REGISTRY)
    got = {(f.code, text[f.start:f.end]) for f in res.findings}
    assert got == {("MT902", f"<!-- {directive} -->"), ("MT301", AD)}
    assert why in next(f.message for f in res.findings if f.code == "MT902")


def test_a_typo_in_every_selector_does_not_widen_to_all():
    text = f"Title\n\n<!-- mtcheck: disable-next-line MT3O1 -->\n{AD}\n"
    assert {c for c, _ in codes(text)} == {"MT902", "MT301"}


def test_disable_next_line_at_the_end_is_bad():
    text = "Title\n\nBody.\n\n<!-- mtcheck: disable-next-line MT301 -->\n"
    assert codes(text) == [("MT902", "<!-- mtcheck: disable-next-line MT301 -->")]


def test_html_comments_outside_the_text_use_zero_length_spans():
    text = f"Title\n\n{AD}\n\n{AD}\n"
    doc = build_document(text, fmt="html")
    second = text.rindex(AD)
    doc.comments = [(second, second, " mtcheck: disable-next-line MT301 "),
                    (0, 0, "<!-- mtcheck: disable-next-line MT101 -->")]
    res = check_document(doc, Settings(embeddings=False), registry=FAKE_REGISTRY)
    assert [(f.code, f.start, f.end) for f in res.findings] == [("MT901", 0, 0), ("MT301", 7, 7 + len(AD))]


def test_crlf_and_nbsp_around_directives():
    text = f"Title\r\n\r\n\u00a0<!--mtcheck:disable-next-line MT301-->\u00a0\r\n{AD}\r\n"
    assert codes(text) == []


def test_meta_findings_and_detector_errors_cannot_be_suppressed(monkeypatch):
    from gate_fakes import FakeAd

    def boom(self, doc, ctx):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(FakeAd, "check", boom)
    text = "Title\n\n<!-- mtcheck: disable-file all -->\n\n<!-- mtcheck: disabel x -->\nBody.\n"
    got = [c for c, _ in codes(text)]
    assert got.count("MT990") == 1 and "MT902" in got
