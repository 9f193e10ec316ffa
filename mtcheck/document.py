"""The document model: the analysed text with every paragraph and sentence at exact character offsets.

For plain text and Markdown the analysed text *is* the file's text (decoded, without a byte-order mark), so
offsets, lines and columns point into the file the user opened. For HTML the analysed text is the text that
mtcheck extracted from the page (one block per paragraph, separated by blank lines); offsets, lines and columns
then point into that extracted text, which ``mtcheck check --show-text`` prints.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

# Unicode horizontal space: scraped news is full of no-break, thin and ideographic spaces.
SPACE_CHARS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"
_BLANK_LINE = re.compile(rf"[{SPACE_CHARS}]*\r?\n|[{SPACE_CHARS}]*\r")
_BULLET = re.compile(rf"^[{SPACE_CHARS}]*([•·▪◦‣●■*]|\d{{1,2}}[.)])[{SPACE_CHARS}]+")
_MD_HEADING = re.compile(rf"^[{SPACE_CHARS}]*(#{{1,6}})[{SPACE_CHARS}]+")
_MD_LIST = re.compile(rf"^[{SPACE_CHARS}]*([*+]|\d{{1,3}}[.)])[{SPACE_CHARS}]+")
_MD_QUOTE = re.compile(rf"^[{SPACE_CHARS}]*>[{SPACE_CHARS}]?")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Whole-line HTML comments: any comment in Markdown; in plain text only ``<!-- mtcheck: ... -->`` directives.
_COMMENT_OPEN = re.compile(rf"^[{SPACE_CHARS}]*<!--")
_DIRECTIVE_OPEN = re.compile(rf"^[{SPACE_CHARS}]*<!--[{SPACE_CHARS}]*mtcheck\b", re.IGNORECASE)


def normalise_spaces(text: str) -> str:
    """Return ``text`` with every Unicode space run folded to one ASCII space and trimmed."""
    return re.sub(rf"[{SPACE_CHARS}\r\n]+", " ", text).strip()


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph; ``start``/``end`` index ``Document.text``."""

    start: int
    end: int
    text: str
    index: int  # position within its paragraph


@dataclass
class Paragraph:
    """A block of the document: headline, paragraph, heading, list item or caption.

    ``start``/``end`` cover the block without surrounding white space; ``content_start`` skips a list bullet
    or Markdown marker (``# ``, ``* ``, ``> ``), so detectors can look at the words themselves.
    """

    index: int
    start: int
    end: int
    content_start: int
    text: str  # Document.text[content_start:end]
    kind: str = "paragraph"  # title | heading | paragraph | list_item | caption
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        """Return the words of the paragraph."""
        return _WORD.findall(self.text)

    @property
    def lines(self) -> list[tuple[int, int]]:
        """Return (start, end) offsets of each non-empty line of the paragraph's content."""
        out = []
        pos = self.content_start
        for line in self.text.splitlines(keepends=True):
            stripped = line.strip(SPACE_CHARS + "\r\n")
            if stripped:
                lead = len(line) - len(line.lstrip(SPACE_CHARS))
                out.append((pos + lead, pos + lead + len(stripped)))
            pos += len(line)
        return out


@dataclass
class Document:
    """A parsed article: text, paragraphs, sentences and a line index for offset → line/column."""

    text: str
    path: str = "<text>"
    fmt: str = "text"  # text | markdown | html
    paragraphs: list[Paragraph] = field(default_factory=list)
    # Spans of the original that are not article text (Markdown comments), kept for suppressions.
    comments: list[tuple[int, int, str]] = field(default_factory=list)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for m in re.finditer(r"\r\n|\n|\r", self.text):
            starts.append(m.end())
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset; columns count characters."""
        starts = self._line_starts
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def end_line_col(self, end: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of the last character of a span ending at ``end`` (exclusive)."""
        if end <= 0:
            return 1, 1
        line, col = self.line_col(end - 1)
        return line, col + 1

    @cached_property
    def word_count(self) -> int:
        """Return the number of words in the article's paragraphs."""
        return sum(len(p.words) for p in self.paragraphs)

    @cached_property
    def body_start_index(self) -> int:
        """Return the index of the first body paragraph: the header (title, byline, date) comes before it.

        The body starts at the first paragraph with at least 20 words, or at index 1 when none is that long.
        """
        for p in self.paragraphs:
            if len(p.words) >= 20:
                return p.index
        return min(1, len(self.paragraphs))

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """Return the paragraph that contains ``offset``, if any."""
        starts = [p.start for p in self.paragraphs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.paragraphs[i].start <= offset < max(self.paragraphs[i].end, self.paragraphs[i].start + 1):
            return self.paragraphs[i]
        return None

    @property
    def sentences(self) -> list[Sentence]:
        """Return every sentence of the document in order."""
        return [s for p in self.paragraphs for s in p.sentences]


def _comment_end(lines: list[tuple[int, int, str]], n: int, markdown: bool) -> int | None:
    """Return the index of the last line of a whole-line comment opening at line ``n``, else None."""
    first = lines[n][2]
    m = (_COMMENT_OPEN if markdown else _DIRECTIVE_OPEN).match(first)
    if not m:
        return None
    skip = first.index("<!--") + 4
    for k in range(n, min(len(lines), n + 100)):
        body = lines[k][2].rstrip("\r\n").rstrip(SPACE_CHARS)
        if "-->" in body[skip:]:
            return k if body.endswith("-->") else None
        skip = 0
    return None


def split_blocks(text: str, markdown: bool = False) -> list[tuple[int, int, int, str]]:
    """Split ``text`` into blocks at blank lines; return (start, end, content_start, kind) per block.

    A line that starts with a bullet (•, *, 1.) opens a block of its own even without a blank line before it,
    because scraped pages often put list items on consecutive lines. A whole-line HTML comment (in plain text only
    an ``<!-- mtcheck: ... -->`` directive) becomes a block of kind ``comment`` that ``build_document`` keeps out
    of the paragraphs.
    """
    blocks: list[tuple[int, int, int, str]] = []
    lines = []
    pos = 0
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\n|\r|$)", text):
        if m.start() == len(text) and not m.group():
            break
        lines.append((m.start(), m.end(), m.group()))
        pos = m.end()
    current: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not current:
            return
        first = current[0]
        last = current[-1]
        raw_start = first[0]
        raw_end = last[1]
        chunk = text[raw_start:raw_end]
        lead = len(chunk) - len(chunk.lstrip(SPACE_CHARS + "\r\n"))
        start = raw_start + lead
        end = raw_start + len(chunk.rstrip(SPACE_CHARS + "\r\n"))
        if end > start:
            kind = "paragraph"
            content_start = start
            head = text[start:end]
            if markdown:
                m = _MD_HEADING.match(head)
                if m:
                    kind, content_start = "heading", start + m.end()
                elif (m := _MD_LIST.match(head)) or (m := _BULLET.match(head)):
                    kind, content_start = "list_item", start + m.end()
                elif m := _MD_QUOTE.match(head):
                    content_start = start + m.end()
            elif m := _BULLET.match(head):
                kind, content_start = "list_item", start + m.end()
            blocks.append((start, end, content_start, kind))
        current.clear()

    skip_to = -1
    for n, (ls, le, raw) in enumerate(lines):
        if n <= skip_to:
            continue
        if "<!--" in raw and (last := _comment_end(lines, n, markdown)) is not None:
            flush()
            start = ls + len(raw) - len(raw.lstrip(SPACE_CHARS))
            end_line = lines[last]
            blocks.append((start, end_line[0] + len(end_line[2].rstrip("\r\n").rstrip(SPACE_CHARS)), start, "comment"))
            skip_to = last
            continue
        line = raw.rstrip("\r\n")
        if not line.strip(SPACE_CHARS):
            flush()
            continue
        if current and (_BULLET.match(line) or (markdown and (_MD_LIST.match(line) or _MD_HEADING.match(line)))):
            flush()
        current.append((ls, le, raw))
    flush()
    return blocks


def build_document(text: str, path: str = "<text>", fmt: str = "text",
                   blocks: list[tuple[int, int, int, str]] | None = None) -> Document:
    """Parse ``text`` into a Document; ``blocks`` (from an HTML extractor) overrides blank-line splitting."""
    from .sentences import split_sentences

    doc = Document(text=text, path=path, fmt=fmt)
    if blocks is None:
        blocks = split_blocks(text, markdown=(fmt == "markdown"))
    i = 0
    for start, end, content_start, kind in blocks:
        if kind == "comment":  # directives and notes, not article text (see mtcheck.suppression)
            doc.comments.append((start, end, text[start:end]))
            continue
        if i == 0 and kind == "paragraph":
            kind = "title"
        i += 1
        para = Paragraph(index=i - 1, start=start, end=end, content_start=content_start,
                         text=text[content_start:end], kind=kind)
        para.sentences = [Sentence(content_start + s, content_start + e, text[content_start + s:content_start + e], j)
                          for j, (s, e) in enumerate(split_sentences(para.text))]
        doc.paragraphs.append(para)
    return doc
