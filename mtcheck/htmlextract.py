"""Extract the article text of a saved HTML page: one block per headline, paragraph, heading, list item or caption.

The parser is BeautifulSoup with the standard library's ``html.parser``: no compiled dependency, lenient with the
broken markup scraped pages are full of, and it keeps comments (suppression directives live in them). A
boilerplate remover such as trafilatura is the wrong tool here: it deletes exactly the page furniture (ad
markers, related-article teasers, comment forms) that mtcheck exists to report. So only what is never article
text is dropped: scripts, styles, embedded frames and images, ``<nav>`` and header/footer menus made of links.

The extracted text has the blocks separated by a blank line; ``blocks`` gives each block's offsets in the shape
``mtcheck.document.split_blocks`` returns, and ``comments`` every HTML comment with the offset where it stood.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import SPACE_CHARS

# Never article text: their content is dropped (comments inside are kept).
DROP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "nav", "head", "title", "select",
                  "canvas", "object", "embed", "math"})
# Elements that start a block of their own; the value is the kind of their text (None: inherit the parent's).
BLOCK_KIND: dict[str, str | None] = {
    "p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "dt": "list_item", "dd": "paragraph", "figcaption": "caption",
    "caption": "caption", "blockquote": "paragraph", "td": "paragraph", "th": "paragraph", "pre": "paragraph",
    "address": "paragraph", "summary": "paragraph", "legend": "paragraph",
    "html": None, "body": None, "article": None, "main": None, "section": None, "div": None, "aside": None,
    "header": None, "footer": None, "figure": None, "ul": None, "ol": None, "dl": None, "menu": None,
    "table": None, "thead": None, "tbody": None, "tfoot": None, "tr": None, "form": None, "fieldset": None,
    "details": None, "dialog": None, "hgroup": None, "center": None, "hr": None, "option": None,
}
# Kinds that a paragraph nested inside keeps (<li><p>...</p></li> is one list item).
_STICKY = ("list_item", "caption")
_ASCII_SPACE = " \t\n\r\f\v"
_LINK_SHARE = 0.5  # a header or footer whose text is at least this share of link text is a menu


@dataclass
class ExtractedPage:
    """The article text of an HTML page, its blocks and its comments."""

    text: str
    blocks: list[tuple[int, int, int, str]] = field(default_factory=list)  # (start, end, content_start, kind)
    comments: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, "<!--...-->")


class _Builder:
    """Collect inline text into blocks: fold white space, turn <br> into newlines, place comments."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0  # length of "\n\n".join(parts)
        self.blocks: list[tuple[int, int, int, str]] = []
        self.comments: list[tuple[int, str]] = []
        self.chars: list[str] = []
        self.marks: list[tuple[int, str]] = []  # comments inside the current block: (index in chars, text)
        self.pending: list[str] = []  # comments between blocks: placed at the start of the next block
        self.space = False

    def text(self, s: str) -> None:
        for ch in s:
            if ch in _ASCII_SPACE:
                self.space = bool(self.chars) and self.chars[-1] != "\n"
            else:
                if self.space:
                    self.chars.append(" ")
                    self.space = False
                self.chars.append(ch)

    def newline(self, kind: str) -> None:
        self.space = False
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
        if self.chars and self.chars[-1] == "\n":  # <br><br>: a paragraph break
            self.chars.pop()
            self.flush(kind)
        elif self.chars:
            self.chars.append("\n")

    def comment(self, s: str) -> None:
        if self.chars and "".join(self.chars).strip(SPACE_CHARS + "\n"):
            self.marks.append((len(self.chars), s))
        else:
            self.pending.append(s)

    def flush(self, kind: str) -> None:
        raw = "".join(self.chars)
        self.chars, self.space = [], False
        marks, self.marks = self.marks, []
        body = raw.strip(SPACE_CHARS + "\n")
        if not body:
            self.pending.extend(s for _, s in marks)
            return
        lead = len(raw) - len(raw.lstrip(SPACE_CHARS + "\n"))
        start = self.length + (2 if self.parts else 0)
        self.parts.append(body)
        self.length = start + len(body)
        self.blocks.append((start, self.length, start, kind))
        self.comments.extend((start, s) for s in self.pending)
        self.pending = []
        self.comments.extend((start + min(max(i - lead, 0), len(body)), s) for i, s in marks)

    def page(self) -> ExtractedPage:
        self.comments.extend((self.length, s) for s in self.pending)
        self.pending = []
        return ExtractedPage("\n\n".join(self.parts), self.blocks, self.comments)


def _fold(s: str) -> str:
    return " ".join(s.split(None)) if s else ""


def _same_title(a: str, b: str) -> bool:
    """Return True when a <title> and an <h1> say the same (allowing a site name before or after)."""
    a, b = _fold(a).casefold(), _fold(b).casefold()
    return bool(a and b) and (a == b or a.startswith(b) or a.endswith(b) or b.startswith(a))


def _is_menu(tag) -> bool:  # type: ignore[no-untyped-def]
    """Return True for a header or footer that is a navigation menu (a <nav>, or mostly link text)."""
    if tag.find("nav") is not None:
        return True
    total = len(_fold(tag.get_text(" ")))
    links = sum(len(_fold(a.get_text(" "))) for a in tag.find_all("a"))
    return total > 0 and links >= _LINK_SHARE * total


def extract(html: str) -> ExtractedPage:
    """Return the article text of ``html`` with its blocks and comments; never raises on malformed markup."""
    from bs4 import BeautifulSoup
    from bs4.element import Comment, NavigableString, Tag

    soup = BeautifulSoup(html, "html.parser")
    out = _Builder()
    title_tag = soup.find("title")
    title = _fold(title_tag.get_text(" ")) if title_tag is not None else ""
    h1 = soup.find("h1")
    h1_text = _fold(h1.get_text(" ")) if h1 is not None else ""
    if title and not (h1_text and _same_title(title, h1_text)):
        out.text(title)
        out.flush("title")
        title_h1 = None
    else:
        title_h1 = h1 if h1_text else None
    root = soup.body or soup

    def comments_in(tag: Tag) -> None:
        for c in tag.find_all(string=lambda s: isinstance(s, Comment)):
            out.comment(f"<!--{c}-->")

    def walk(node: Tag, kind: str) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                out.comment(f"<!--{child}-->")
            elif isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a doctype, CDATA or processing instruction
                    out.text(str(child))
            elif isinstance(child, Tag):
                name = (child.name or "").lower()
                if name in DROP or child.get("role") == "navigation" or child.get("hidden") is not None:
                    comments_in(child)
                elif name in ("header", "footer") and _is_menu(child):
                    comments_in(child)
                elif name == "br":
                    out.newline(kind)
                elif name in BLOCK_KIND:
                    out.flush(kind)
                    inner = BLOCK_KIND[name]
                    if child is title_h1:
                        inner = "title"
                    elif inner is None or (inner == "paragraph" and kind in _STICKY):
                        inner = kind
                    walk(child, inner)
                    out.flush(inner)
                else:
                    walk(child, kind)

    walk(root, "paragraph")
    out.flush("paragraph")
    return out.page()
