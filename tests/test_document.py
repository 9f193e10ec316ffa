"""The document model: blocks, offsets, lines and columns, Unicode spaces, CRLF."""

from mtcheck.document import build_document, split_blocks


def test_blocks_and_offsets_are_exact():
    text = "Title here\n\nFirst para. Second sentence.\n\n  • bullet item\n"
    doc = build_document(text)
    assert [p.kind for p in doc.paragraphs] == ["title", "paragraph", "list_item"]
    for p in doc.paragraphs:
        assert text[p.content_start:p.end] == p.text
        for s in p.sentences:
            assert text[s.start:s.end] == s.text
    assert doc.paragraphs[2].text == "bullet item"
    assert [s.text for s in doc.paragraphs[1].sentences] == ["First para.", "Second sentence."]


def test_line_col_with_crlf_and_bom_free_text():
    text = "Head\r\n\r\nBody line one.\r\n"
    doc = build_document(text)
    body = doc.paragraphs[1]
    assert doc.line_col(body.start) == (3, 1)
    assert doc.end_line_col(body.end) == (3, 15)


def test_no_break_spaces_are_blank():
    text = "One\n\u00a0\u2009\nTwo"
    assert len(split_blocks(text)) == 2


def test_bullets_start_new_blocks_without_blank_line():
    text = "• first\n• second\ncontinued"
    blocks = split_blocks(text)
    assert len(blocks) == 2
    assert text[blocks[1][2]:blocks[1][1]] == "second\ncontinued"
