"""Boilerplate and page furniture (MT3xx): ad markers, teasers, comment forms, prompts and navigation.

Most detectors here read the per-language lexicons of ``mtcheck/data/boilerplate/`` (see the README there):
each entry is a phrase, the kind of furniture it is and the position in which it counts (a whole line, a
line prefix, a sentence start, a paragraph suffix or anywhere). The rest are structural: a short lead-in
ending in a colon with nothing after it, an orphaned teaser headline, a breadcrumb, a site name appended to
the headline and a stand-alone template id.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import ClassVar

from ..document import SPACE_CHARS, Document, Paragraph
from ..findings import Category, Finding, Severity
from .base import Context, Detector, clip

LANGUAGES = ("en", "no", "sv", "da", "de", "nl", "fr")
MODES = ("line", "any", "sentence", "prefix", "suffix", "word")
_SP = f"[{SPACE_CHARS}]"
_QUOTE_OPENERS = "\"“”„«»‘’'‚"
_DASHES = "-–—"
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_TERMINAL = ".!?…"


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a furniture phrase, its kind and the position in which it counts."""

    kind: str
    mode: str
    phrase: str
    lang: str


def _parse(text: str, lang: str) -> list[Entry]:
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) != 3 or parts[1] not in MODES:
            raise ValueError(f"boilerplate/{lang}.txt: bad entry {raw!r}")
        out.append(Entry(parts[0], parts[1], parts[2].strip(), lang))
    return out


@lru_cache(maxsize=1)
def lexicon() -> tuple[Entry, ...]:
    """Return every entry of the bundled boilerplate lexicons (read once, on first use)."""
    base = resources.files("mtcheck") / "data" / "boilerplate"
    entries: list[Entry] = []
    for lang in LANGUAGES:
        entries.extend(_parse((base / f"{lang}.txt").read_text(encoding="utf-8"), lang))
    return tuple(entries)


def norm(text: str) -> str:
    """Return ``text`` lower-cased with spaces folded and curly apostrophes made straight (a lookup key)."""
    return Folded(text.strip(SPACE_CHARS + "\r\n")).text


_SPACE_SET = frozenset(SPACE_CHARS + "\r\n")
# Characters that may separate or trail furniture phrases on one line ("Share | Tweet", "Read more »").
_LINE_SEPS = frozenset(" .,:;!*|/›>»«<‹…·•-–—()[]0123456789")  # digits: counters such as "Comments (0)"


_NEEDS_FOLDING = re.compile(f"[{SPACE_CHARS[1:]}\r\n’]|  ")


class Folded:
    """A line folded for matching (lower case, one space per run of spaces, straight apostrophes) with a map
    from each folded position back to the original offset, so plain ``str`` searches give exact spans."""

    __slots__ = ("orig", "pos", "text")
    pos: list[int] | range

    def __init__(self, orig: str) -> None:
        low = orig.lower()
        if len(low) == len(orig) and not _NEEDS_FOLDING.search(orig):  # the common case: offsets unchanged
            self.orig, self.text, self.pos = orig, low, range(len(orig))
            return
        chars: list[str] = []
        pos: list[int] = []
        prev_space = False
        for i, ch in enumerate(orig):
            if ch in _SPACE_SET:
                if not prev_space:
                    chars.append(" ")
                    pos.append(i)
                prev_space = True
                continue
            prev_space = False
            low = ch.lower()
            chars.append("'" if ch == "’" else (low if len(low) == 1 else ch))
            pos.append(i)
        self.orig = orig
        self.text = "".join(chars)
        self.pos = pos

    def start(self, i: int) -> int:
        """Return the original offset of folded position ``i``."""
        return self.pos[i] if i < len(self.pos) else len(self.orig)

    def end(self, j: int) -> int:
        """Return the original offset just after folded position ``j - 1`` (an exclusive end)."""
        return self.pos[j - 1] + 1 if j > 0 else 0

    def ok_after(self, j: int, phrase: str) -> bool:
        """Return True unless a phrase ending in a letter runs into a lower-case letter ("Ad" in "Adam")."""
        if j >= len(self.text) or not phrase[-1:].isalnum():
            return True
        ch = self.orig[self.pos[j]]
        return not (ch.isalpha() and ch.islower())

    def ok_before(self, i: int) -> bool:
        """Return True when the phrase at ``i`` does not continue a word; glued capitals ("adArticle") are fine."""
        if i == 0:
            return True
        prev, cur = self.orig[self.pos[i - 1]], self.orig[self.pos[i]]
        return not prev.isalnum() or (prev.islower() and cur.isupper())


@lru_cache(maxsize=64)
def phrases(kinds: frozenset[str], modes: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Return (folded phrase, kind) of the entries of ``kinds`` in ``modes``, longest first."""
    seen: dict[str, str] = {}
    for e in lexicon():
        if e.kind in kinds and e.mode in modes:
            seen.setdefault(norm(e.phrase), e.kind)
    return tuple(sorted(seen.items(), key=lambda kv: len(kv[0]), reverse=True))


@lru_cache(maxsize=4096)
def fold(line: str) -> Folded:
    """Return the Folded form of ``line`` (cached: every lexicon detector folds the same lines)."""
    return Folded(line)


@lru_cache(maxsize=64)
def _by_first_char(table: tuple[tuple[str, str], ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for ph, kind in table:
        out.setdefault(ph[0], []).append((ph, kind))
    return {k: tuple(v) for k, v in out.items()}


def consume_line(f: Folded, table: tuple[tuple[str, str], ...]) -> str:
    """Return the kind of the first phrase when the line is made only of phrases and separators, else ''."""
    text, i, n, first = f.text, 0, len(f.text), ""
    index = _by_first_char(table)
    while True:
        while i < n and text[i] in _LINE_SEPS:
            i += 1
        if i >= n:
            return first
        for ph, kind in index.get(text[i], ()):
            if text.startswith(ph, i) and f.ok_after(i + len(ph), ph):
                first = first or kind
                i += len(ph)
                break
        else:
            return ""


@lru_cache(maxsize=16)
def words_of_kind(kind: str) -> frozenset[str]:
    """Return the normalised ``word`` entries of one kind (outlet names, section words, home crumbs...)."""
    return frozenset(norm(e.phrase) for e in lexicon() if e.kind == kind and e.mode == "word")


shorten = clip


def is_heading_like(p: Paragraph | None, max_words: int = 12) -> bool:
    """Return True for a short line without sentence-final punctuation (a headline, crumb or label)."""
    if p is None:
        return False
    text = p.text.strip(SPACE_CHARS + "\r\n")
    return bool(text) and len(p.words) <= max_words and text[-1] not in _TERMINAL + ":,;" and "\n" not in text


_LINES_CACHE: list[object] = [None, None]


def doc_lines(doc: Document) -> list[tuple[Paragraph, int, int]]:
    """Return (paragraph, start, end) of every non-empty line; the last document's lines are cached, since
    every detector of the family walks the same lines one after the other."""
    if _LINES_CACHE[0] is not doc:
        _LINES_CACHE[:] = [doc, [(p, s, e) for p in doc.paragraphs for s, e in p.lines]]
    return _LINES_CACHE[1]  # type: ignore[return-value]


_lines = doc_lines


class SpanSet:
    """Non-overlapping spans kept sorted, so each new finding is checked against its neighbours only."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        """Add the span and return True, or return False when it overlaps a span already kept."""
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return False
        if i < len(self.starts) and self.starts[i] < max(end, start + 1):
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


KIND_LABEL = {
    "ad": "Ad marker",
    "related": "Related-article teaser",
    "video": "Media teaser",
    "comment-form": "Comment form",
    "newsletter": "Newsletter prompt",
    "cookie": "Cookie notice",
    "share": "Share prompt",
    "paywall": "Paywall prompt",
    "navigation": "Navigation label",
}


class _LexiconDetector(Detector):
    """Shared matching of the lexicon modes for the kinds a subclass owns."""

    kinds: ClassVar[frozenset[str]] = frozenset()
    confidence: ClassVar[float] = 0.9

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        taken = SpanSet()
        for f in self._lexicon_findings(doc):
            if taken.add(f.start, f.end):
                yield f
        for f in self.structural(doc):
            if taken.add(f.start, f.end):
                yield f

    def structural(self, doc: Document) -> Iterable[Finding]:
        """Yield findings that do not come from the lexicon (overridden by subclasses)."""
        return ()

    def _msg(self, kind: str, span: str) -> str:
        return f'{KIND_LABEL.get(kind, "Page furniture")} "{shorten(span)}"'

    def _lexicon_findings(self, doc: Document) -> Iterator[Finding]:
        kinds = self.kinds
        line_tab = phrases(kinds, frozenset({"line", "any"}))
        any_tab = phrases(kinds, frozenset({"any"}))
        sent_tab = phrases(kinds, frozenset({"sentence"}))
        prefix_tab = phrases(kinds, frozenset({"prefix"}))
        suffix_tab = phrases(kinds, frozenset({"suffix"}))
        text = doc.text
        for p, s, e in _lines(doc):
            line = text[s:e]
            f = fold(line)
            # 1. The whole line is furniture ("Advertisement", "Leave a Reply", glued doubles).
            if line_tab and (kind := consume_line(f, line_tab)):
                yield self.finding(s, e, self._msg(kind, line), suggestion="Delete the line",
                                   confidence=self.confidence, kind=kind)
                continue
            # 2. A prefix followed by a teaser headline ("See also  Headline", "Watch the video: Title").
            if prefix_tab and p.index > 0 and (kind := self._prefix(f, prefix_tab)):
                yield self.finding(s, e, self._msg(kind, line), suggestion="Delete the line",
                                   confidence=self.confidence, kind=kind)
                continue
            # 3. A suffix after a finished sentence ("... she says. Read more").
            if suffix_tab and (hit := self._suffix(line, suffix_tab)):
                a, b, kind = hit
                yield self.finding(s + a, s + b, self._msg(kind, line[a:b]), suggestion="Delete the link text",
                                   confidence=self.confidence, kind=kind)
                continue
            # 4. Distinctive furniture anywhere in the line, even glued to the text around it.
            for a, b, kind in self._runs(f, any_tab):
                yield self.finding(s + a, s + b, self._msg(kind, line[a:b]), suggestion="Delete the text",
                                   confidence=self.confidence, kind=kind)
            # 5. A prompt that starts a sentence and runs to its end ("Sign up today – it only takes a minute").
            for ph, kind in sent_tab:
                i = f.text.find(ph)
                while i >= 0:
                    a = f.start(i)
                    if f.ok_before(i) and f.ok_after(i + len(ph), ph) and self._starts_sentence(line, a):
                        b = self._sentence_end(line, f.end(i + len(ph)))
                        yield self.finding(s + a, s + b, self._msg(kind, line[a:b]), suggestion="Delete the prompt",
                                           confidence=self.confidence, kind=kind)
                    i = f.text.find(ph, i + 1)

    @staticmethod
    def _runs(f: Folded, table: tuple[tuple[str, str], ...]) -> list[tuple[int, int, str]]:
        """Return (start, end, kind) of runs of ``any`` phrases in the line; glued or spaced repeats merge."""
        hits: list[tuple[int, int, str]] = []
        for ph, kind in table:
            i = f.text.find(ph)
            while i >= 0:
                j = i + len(ph)
                if f.ok_before(i) and f.ok_after(j, ph) and not any(a < j and i < b for a, b, _ in hits):
                    hits.append((i, j, kind))
                i = f.text.find(ph, i + 1)
        hits.sort()
        runs: list[tuple[int, int, str]] = []
        for i, j, kind in hits:
            if runs and f.text[runs[-1][1]:i].strip(" ") == "":
                runs[-1] = (runs[-1][0], j, runs[-1][2])
            else:
                runs.append((i, j, kind))
        out = []
        for i, j, kind in runs:
            a, b = f.start(i), f.end(j)
            while b < len(f.orig) and f.orig[b] in "*!":
                b += 1
            out.append((a, b, kind))
        return out

    @staticmethod
    def _starts_sentence(line: str, a: int) -> bool:
        before = line[:a].rstrip(SPACE_CHARS)
        return not before or before[-1] in _TERMINAL + "()[]\"“”«»:;" + _DASHES

    _SENT_END = re.compile(r"[.!?](?=[\s\"”»’)]|$)|[)\]]")

    @classmethod
    def _sentence_end(cls, line: str, b: int) -> int:
        m = cls._SENT_END.search(line, b)
        end = m.start() if m else len(line)
        return len(line[:end].rstrip(SPACE_CHARS + ",;:–—-"))

    @staticmethod
    def _prefix(f: Folded, table: tuple[tuple[str, str], ...]) -> str:
        """Return the kind when the line is a teaser label plus a headline (or the label alone), else ''."""
        for ph, kind in table:
            if f.text.startswith(ph) and f.ok_after(len(ph), ph):
                break
        else:
            return ""
        line = f.orig
        rest = line[f.end(len(ph)):]
        if not rest:
            return kind
        sep_len = 0
        while sep_len < len(rest) and rest[sep_len] in SPACE_CHARS:
            sep_len += 1
        strong = sep_len > 1 or (sep_len == 1 and rest[0] != " ")  # a no-break space or a run of spaces
        if sep_len < len(rest) and rest[sep_len] in ":|" + _DASHES:
            strong = True
            sep_len += 1
            while sep_len < len(rest) and rest[sep_len] in SPACE_CHARS:
                sep_len += 1
        elif sep_len == 0:
            return ""  # the label runs into another word
        headline = rest[sep_len:]
        if not headline:
            return kind if rest.strip(SPACE_CHARS) in ("", ":") else ""
        if not (headline[0].isupper() or headline[0].isdigit() or headline[0] in _QUOTE_OPENERS + _DASHES):
            return ""
        if len(_WORD.findall(line)) > 25:
            return ""
        if not strong and (" " not in ph or line.rstrip()[-1] in _TERMINAL):
            return ""
        return kind

    @staticmethod
    def _suffix(line: str, table: tuple[tuple[str, str], ...]) -> tuple[int, int, str] | None:
        """Return (start, end, kind) of a link label closing the line after a finished sentence."""
        core = line.rstrip(SPACE_CHARS + ".…»>›")
        f = Folded(core)
        for ph, kind in table:
            if not f.text.endswith(ph):
                continue
            i = len(f.text) - len(ph)
            if i == 0:
                return 0, len(core), kind
            before = core[: f.start(i)]
            spaced = before[-1:] in SPACE_CHARS
            glued = before[-1:] in '.!?"”»' and core[f.start(i)].isupper()  # "on Monday.Read more"
            if (spaced or glued) and before.rstrip(SPACE_CHARS)[-1:] in '.!?"”»':
                return f.start(i), len(core), kind
        return None


class AdMarker(_LexiconDetector):
    """An advertising marker left in the article text.

    ## What it does
    Flags lines such as `Advertisement`, `Annonse` or `Anzeige`, and the scroll notices `Article continues
    below ad` (also glued to each other or to the text) that news pages place around their ad slots. The
    phrases per language are in `mtcheck/data/boilerplate/<lang>.txt` (kind `ad`).

    ## Why it matters
    The marker is page furniture: the scraper copied it with the article and the translator translated it.
    A reader of the republished article sees an instruction about an ad that is not there.

    ## False positives
    A one-word marker counts only when it fills a line on its own, so an article that mentions advertising
    is not flagged.
    """

    code = "MT301"
    name = "ad-marker"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    kinds = frozenset({"ad"})
    bad = "The minister spoke for an hour.\n\nArticle continues below ad\n\nShe then left the building."
    good = "The minister spoke for an hour about the advertising ban.\n\nShe then left the building."


class RelatedTeaser(_LexiconDetector):
    """A link to another article (`See also`, `Read more`, `Les også`) copied into the text.

    ## What it does
    Flags a short line that starts with a teaser label followed by the teaser's headline (the headline is
    part of the finding), a `Read more` left at the end of a paragraph after a finished sentence, and an
    orphaned teaser headline in the Nordic `Topic: – Quote` shape that stands between a paragraph and a
    sub-heading with no text of its own.

    ## Why it matters
    The teaser headline belongs to another story; inside the article it reads as a non-sequitur.

    ## False positives
    The label must start a short line and be followed by a capitalised headline without a final full stop
    (or be set off by a colon or dash), so prose such as `see also the report` is silent. The orphaned
    headline rule needs the next block to be a heading as well, since a headline followed by its text is a
    genuine section.
    """

    code = "MT302"
    name = "related-teaser"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    kinds = frozenset({"related"})
    bad = "The council met on Monday.\n\nRead also: Mayor resigns after budget row\n\nThe vote was close."
    good = "The council met on Monday. Read the report for more detail.\n\nThe vote was close."

    def structural(self, doc: Document) -> Iterator[Finding]:
        paras = doc.paragraphs
        for i, p in enumerate(paras):
            if i == 0 or i < doc.body_start_index or p.kind not in ("paragraph", "heading"):
                continue
            text = p.text
            colon = text.find(":")
            after = text[colon + 1:].lstrip(SPACE_CHARS)
            if not 3 <= colon <= 90 or after[:1] not in _DASHES or not after[1:].strip(SPACE_CHARS):
                continue
            if not is_heading_like(p, 16):
                continue
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt is not None and not is_heading_like(nxt, 10):
                continue
            start, end = p.content_start, p.end
            yield self.finding(start, end, f'Orphaned teaser headline "{shorten(text)}"', suggestion="Delete the line",
                               confidence=0.6, kind="related")


class MediaTeaser(_LexiconDetector):
    """A lead-in to a video or picture gallery that the text version of the page lost.

    ## What it does
    Flags `Watch the video: Title`, `Video: Title`, `Se video` and similar lines, and a short stand-alone line
    that ends in a colon, speaks of something to see (`This is how the bridge looks now:`) and is followed
    by no text it introduces (the next block is a heading, furniture or the end of the article).

    ## Why it matters
    The embedded player or gallery did not survive scraping, so the line points at nothing.

    ## False positives
    A line ending in a colon that introduces a quotation, a list or a paragraph is normal news style; it is
    silent because the next block is not a bare heading, and because the line needs a media word
    (`mtcheck/data/boilerplate/<lang>.txt`, kind `media-cue`).
    """

    code = "MT303"
    name = "media-teaser"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    kinds = frozenset({"video"})
    bad = "The river burst its banks overnight.\n\nWatch the video: Floods reach the town centre\n\nNo one was hurt."
    good = "The river burst its banks overnight.\n\nA video posted online shows the water in the town centre."

    def structural(self, doc: Document) -> Iterator[Finding]:
        cues = words_of_kind("media-cue")
        paras = doc.paragraphs
        for i, p in enumerate(paras):
            if i == 0 or p.kind not in ("paragraph", "heading"):
                continue
            text = p.text.rstrip(SPACE_CHARS + "\r\n")
            if not text.endswith(":") or text.count(":") != 1 or "\n" in text or len(p.words) > 12:
                continue
            if any(q in text for q in _QUOTE_OPENERS) or text[0] in _DASHES:
                continue
            if not any(w.lower() in cues for w in p.words):
                continue
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt is not None and (nxt.kind == "list_item" or not is_heading_like(nxt, 10)):
                continue
            yield self.finding(p.content_start, p.end, f'Media lead-in "{shorten(text)}"',
                               suggestion="Delete the line", confidence=0.7, kind="video")


class CommentForm(_LexiconDetector):
    """The comment form of the page (`Leave a Reply`, `Your email address will not be published`).

    ## What it does
    Flags the headings, field labels and notices of a blog or news comment form, in English and in the
    source languages (kind `comment-form` of the boilerplate lexicons).

    ## Why it matters
    The form is not part of the article; in a republished text it shows that the page was scraped whole.

    ## False positives
    Short labels (`Comments`, `Website`) count only as whole lines; the long notices count anywhere.
    """

    code = "MT304"
    name = "comment-form"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    kinds = frozenset({"comment-form"})
    bad = "The talks resume next week.\n\nLeave a Reply\n\nYour email address will not be published."
    good = "The talks resume next week, and readers can reply to the survey by email."


class SitePrompt(_LexiconDetector):
    """A newsletter, cookie or share prompt of the page (`Sign up here`, `We use cookies`, `Share on Facebook`).

    ## What it does
    Flags a sentence that starts with a newsletter or cookie prompt (to the end of that sentence), and lines
    made only of share buttons or subscription labels (kinds `newsletter`, `cookie` and `share`), and the
    paywall and login prompts (`Already a subscriber? Log in`, kind `paywall`).

    ## Why it matters
    Prompts address the visitor of the original site, not the reader of the article.

    ## False positives
    The prompt must start a sentence; a report about a newsletter or about cookies does not use these
    imperative phrases at a sentence start. Share buttons count only as whole lines.
    """

    code = "MT305"
    name = "site-prompt"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    kinds = frozenset({"newsletter", "cookie", "share", "paywall"})
    bad = "Prices rose again in May.\n\nSubscribe to our newsletter for the morning briefing."
    good = "Prices rose again in May, the bank said in its monthly newsletter."


class NavigationLine(_LexiconDetector):
    """Site navigation in the text: section labels (`Latest news`), breadcrumbs (`Home > News`).

    ## What it does
    Flags a line that is only a section or navigation label, a breadcrumb trail (segments separated by `>`,
    `›` or `»`, or starting with a home crumb such as `Home /`), and a home crumb with a section name in
    front of the headline (`Start Politics Headline` when the headline also stands on its own).

    ## Why it matters
    Navigation is page furniture; copied into the text it garbles the headline or the body.

    ## False positives
    A home crumb in front of a headline counts only when the rest of the line repeats another line of the
    article, or when the crumb word cannot start an English headline (`Startseite`, `Forside`).
    """

    code = "MT306"
    name = "navigation-line"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    kinds = frozenset({"navigation"})
    bad = "Storm hits the coast\n\nHome > News > Weather\n\nHigh winds closed roads on Monday."
    good = "Storm hits the coast\n\nHigh winds closed roads on Monday, and the news spread fast."

    _CRUMB_SEP = re.compile(rf"{_SP}*[>›»]{_SP}*|{_SP}+/{_SP}+")

    def structural(self, doc: Document) -> Iterator[Finding]:
        homes = words_of_kind("home")
        foreign = homes - frozenset(norm(e.phrase) for e in lexicon() if e.kind == "home" and e.lang == "en")
        norm_paras = {norm(p.text): p.index for p in doc.paragraphs if len(p.text) <= 300}  # headlines only
        for p, s, e in _lines(doc):
            line = doc.text[s:e]
            parts = self._CRUMB_SEP.split(line)
            if len(parts) >= 2 and all(0 < len(_WORD.findall(x)) <= 4 and x[-1:] not in _TERMINAL for x in parts):
                uses_arrows = bool(re.search("[>›»]", line))
                if (norm(parts[0]) in homes and (uses_arrows or len(parts) >= 2)) or (uses_arrows and len(parts) >= 3):
                    yield self.finding(s, e, f'Breadcrumb "{shorten(line)}"', suggestion="Delete the line",
                                       confidence=0.85, kind="navigation")
                    continue
            if p.index > doc.body_start_index:
                continue
            words = list(_WORD.finditer(line))
            if len(words) < 2:
                continue
            first = norm(words[0].group(0))
            if first not in homes or words[0].start() != 0:
                continue
            if first in foreign and len(words) <= 3 and all(w.group(0)[0].isupper() for w in words):
                yield self.finding(s, e, f'Breadcrumb "{line}"', suggestion="Delete the line", confidence=0.8,
                                   kind="navigation")
                continue
            # The crumb is the home word plus one to three section words; the rest repeats a headline.
            for k in (1, 2, 3):
                if k >= len(words):
                    break
                rest = line[words[k].start():]
                idx = norm_paras.get(norm(rest))
                if idx is not None and idx != p.index:
                    b = words[k - 1].end()
                    yield self.finding(s, s + b, f'Breadcrumb "{line[:b]}" before the headline',
                                       suggestion="Delete the breadcrumb", confidence=0.8, kind="navigation")
                    break


class SiteNameInTitle(Detector):
    """A site or section name appended to the headline (`Headline – VG`, `Headline – Latest news – Site`).

    ## What it does
    Splits the headline (the first line of three words or more that is not a breadcrumb) at ` – `, ` — `,
    ` - ` and ` | ` and flags the trailing segments
    that name a news outlet (kind `site` of the boilerplate lexicons) or a news section (`Latest news`,
    `news Bergen – News from the region`, kind `section`), as long as a headline remains in front of them.

    ## Why it matters
    The suffix comes from the page's `<title>`, not from the article; translated, it reads as part of the
    headline.

    ## False positives
    Only the headline is examined, a segment must be short, and at least one segment must remain. A
    headline whose last clause happens to contain `news` (`Good news – rates fall`) has the news word in a
    segment that is not last, so it is silent.
    """

    code = "MT307"
    name = "site-name-in-title"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    bad = "Storm closes the coastal road – Latest news – Harbour Times News"
    good = "Storm closes the coastal road – and the ferries stop too"

    _SEP = re.compile(rf"{_SP}+[–—\-|]{_SP}+")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not doc.paragraphs:
            return
        found = self._title_line(doc)
        if found is None:
            return
        s, e = found
        line = doc.text[s:e]
        seps = list(self._SEP.finditer(line))
        if not seps:
            return
        sites = words_of_kind("site")
        sections = frozenset(w for w in words_of_kind("section") if " " not in w)
        cut = None
        for m in reversed(seps):
            segment = line[m.end():] if cut is None else line[m.end():cut.start()]
            if not self._site_like(segment, sites, sections):
                break
            cut = m
        if cut is None or cut.start() == 0 or not _WORD.search(line[:cut.start()]):
            return
        a = cut.start() + len(cut.group(0)) - len(cut.group(0).lstrip(SPACE_CHARS))
        yield self.finding(s + a, e, f'Site name in the headline "{shorten(line[a:])}"',
                           suggestion="Delete the site name from the headline", confidence=0.8)

    @staticmethod
    def _title_line(doc: Document) -> tuple[int, int] | None:
        """Return the span of the headline: the first line of the page that is not a crumb or a label."""
        seen = 0
        for p in doc.paragraphs[:3]:
            if p.kind == "list_item":
                return None
            for s, e in p.lines:
                line = doc.text[s:e]
                seen += 1
                if seen > 3:
                    return None
                if len(_WORD.findall(line)) >= 3 and not re.search("[>›»]", line):
                    return s, e
        return None

    @staticmethod
    def _site_like(segment: str, sites: frozenset[str], sections: frozenset[str]) -> bool:
        """Return True when a title segment names an outlet or a news section rather than the story."""
        words = [w.lower() for w in _WORD.findall(segment)]
        if not words or len(words) > 10:
            return False
        joined = " ".join(words)
        if norm(segment) in sites or joined in sites:
            return True
        padded = f" {joined} "
        n_sections = sum(1 for w in words if w in sections)
        # Short outlet names (VG, DN, TT) count only as the whole segment: as words they are too ambiguous.
        has_site = any(f" {site} " in padded for site in sites if len(site) > 3 or " " in site)
        if has_site and (n_sections or len(words) <= 4):
            return True
        # A capitalised outlet name ending in a news word ("Harbour Times News").
        raw = _WORD.findall(segment)
        if len(words) <= 4 and words[-1] in sections and all(w[0].isupper() for w in raw):
            return True
        # A section label: it starts with a news word ("Latest news", "news Norway") or has two of them.
        return n_sections >= 2 or (words[0] in sections) or (len(words) >= 2 and words[1] in sections
                                                              and words[0] in ("latest", "breaking", "top"))


class TemplateToken(Detector):
    """A stand-alone template or widget id in the text (`promo-general-01`).

    ## What it does
    Flags a line that is a single lower-case token of hyphen- or underscore-joined parts with a digit
    (`promo-box-2`) or at least three parts of three letters or more (`teaser-list-item`): ids of the page
    template, not words.

    ## Why it matters
    The id is markup that leaked into the text extraction; no reader should see it.

    ## False positives
    The token must fill a line on its own and be all lower case, so compounds in running text and codes
    such as `COVID-19` are silent; compounds joined by short words (`well-to-do`) are silent even alone.
    """

    code = "MT308"
    name = "template-token"
    category = Category.BOILERPLATE
    severity = Severity.MAJOR
    bad = "The mayor spoke first.\n\nteaser-block-07\n\nThe meeting lasted an hour."
    good = "The mayor spoke first about the well-to-do suburbs.\n\nThe meeting lasted an hour."

    _TOKEN = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for _p, s, e in _lines(doc):
            line = doc.text[s:e]
            if not self._TOKEN.fullmatch(line):
                continue
            parts = re.split("[-_]", line)
            # English compounds joined by short function words (well-to-do, mother-in-law) are words, not ids.
            if any(ch.isdigit() for ch in line) or (len(parts) >= 3 and min(map(len, parts)) >= 3):
                yield self.finding(s, e, f'Template token "{line}"', suggestion="Delete the line", confidence=0.85)


DETECTORS = [AdMarker, RelatedTeaser, MediaTeaser, CommentForm, SitePrompt, NavigationLine, SiteNameInTitle,
             TemplateToken]
