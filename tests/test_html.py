"""HTML input: mtcheck.htmlextract.extract and inputs.document_from_text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.htmlextract import ExtractedPage, extract
from mtcheck.inputs import document_from_text, read_document

FIXTURE = Path(__file__).parent / "fixtures" / "html" / "article.html"

EXPECTED = [
    ("title", "Ferry traffic resumes after storm"),
    ("paragraph", "By Ingrid Holm\u00a0and Peter Vance"),
    ("paragraph", "Ferries between the islands sailed again on Friday morning, two days after the storm closed "
                  "the harbour."),
    ("caption", "The first ferry leaves the quay. Photo: Harbour Post"),
    ("paragraph", "The operator said that \u201call routes\u201d would run on time\nfrom Saturday."),
    ("heading", "What changes for passengers"),
    ("list_item", "Tickets bought for Wednesday are valid all week."),
    ("list_item", "Cars must be at the quay 30 minutes early."),
]


def test_saved_page_text_and_blocks() -> None:
    page = extract(FIXTURE.read_text(encoding="utf-8"))
    assert isinstance(page, ExtractedPage)
    assert page.text == "\n\n".join(text for _, text in EXPECTED)
    assert [(kind, page.text[s:e]) for s, e, _, kind in page.blocks] == EXPECTED
    assert all(c == s for s, _, c, _ in page.blocks)
    # script, style, nav and the footer link menu are gone
    for furniture in ("dataLayer", "color:", "trackArticle", "Home", "Privacy"):
        assert furniture not in page.text


def test_comment_keeps_its_place() -> None:
    page = extract(FIXTURE.read_text(encoding="utf-8"))
    offset = page.text.index("The operator said")
    assert page.comments == [(offset, "<!-- mtcheck: disable-next-line MT301 -->")]


def test_document_from_html_sets_comments_and_kinds() -> None:
    doc = read_document(str(FIXTURE))
    assert doc.fmt == "html"
    assert [p.kind for p in doc.paragraphs] == [kind for kind, _ in EXPECTED]
    offset = doc.text.index("The operator said")
    assert doc.comments == [(offset, offset, "<!-- mtcheck: disable-next-line MT301 -->")]


def test_title_and_h1_kept_once_or_both() -> None:
    same = extract("<title>Storm hits coast - Daily</title><h1>Storm hits coast</h1><p>Text.</p>")
    assert same.text == "Storm hits coast\n\nText."
    assert [b[3] for b in same.blocks] == ["title", "paragraph"]
    other = extract("<title>Daily News</title><h1>Storm hits coast</h1><p>Text.</p>")
    assert other.text == "Daily News\n\nStorm hits coast\n\nText."
    assert [b[3] for b in other.blocks] == ["title", "heading", "paragraph"]
    only_title = extract("<html><head><title>Storm &amp; rain</title></head><body><p>Text.</p></body></html>")
    assert only_title.text == "Storm & rain\n\nText."


def test_loose_text_cells_quotes_and_white_space() -> None:
    page = extract("<div>Loose   text\n in a div<div>Inner block</div>tail</div>"
                   "<table><tr><td>Cell one</td><td>Cell\ttwo</td></tr></table>"
                   "<dl><dt>Term</dt><dd>Definition</dd></dl>"
                   "<blockquote>Quoted words</blockquote><p>A<br><br>B</p><p>\u00a0</p>")
    assert page.text.split("\n\n") == ["Loose text in a div", "Inner block", "tail", "Cell one", "Cell two",
                                       "Term", "Definition", "Quoted words", "A", "B"]


def test_header_with_article_content_is_kept() -> None:
    page = extract("<header><h1>Headline here</h1><p>By A. Writer</p></header>"
                   "<header><ul><li><a href='/'>Home</a></li></ul></header><p>Body.</p>")
    assert page.text == "Headline here\n\nBy A. Writer\n\nBody."


@pytest.mark.parametrize("html", [
    "<p>Unclosed <b>bold <i>and italic",
    "<div><p>One<p>Two</div></span></p>",
    "<<<>>> <p class='x>broken</p>",
    "<html><body><!-- unterminated comment",
    "",
])
def test_malformed_html_does_not_crash(html: str) -> None:
    page = extract(html)
    assert isinstance(page.text, str)
    for s, e, c, _ in page.blocks:
        assert page.text[s:e].strip() == page.text[s:e] and s <= c <= e


def test_page_without_text_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>var a = 1;</script></head><body><nav><a>Home</a></nav>"
                     "<!-- nothing --></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_document(str(empty))
    with pytest.raises(InputError):
        document_from_text("<p>   </p>", "x.html", "html")
