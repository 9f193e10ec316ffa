"""Quotes and dialogue punctuation (MT1xx): dash-quotes, headline pseudo-quotes, mixed and unbalanced marks.

Scandinavian and German news mark direct speech with a leading dash (``– Vi følger med, sier han``) and headlines
quote with a spaced hyphen (``Forsker: - Skummelt``). Machine translation keeps that punctuation, so English
readers see a dash where quotation marks belong. The four detectors share one pass over the document
(``analyse``), cached per document for the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import SPACE_CHARS
from ..findings import Category, Finding, Severity
from .base import Context, Detector, clip

if TYPE_CHECKING:
    from ..document import Document, Paragraph


class _LazyRe:
    """A regular expression compiled on first use, so that importing the detectors (``mtcheck rules``) stays fast."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


SP = SPACE_CHARS  # horizontal space only: a line break never joins a dash to the text before it
LONG_DASHES = "–—―"  # en dash, em dash, horizontal bar: always punctuation
HYPHENS = "‐‑-"  # hyphen, non-breaking hyphen, hyphen-minus: also bullets and joiners
ALL_DASHES = LONG_DASHES + HYPHENS
_DASH_CLASS = re.escape(ALL_DASHES)  # for use inside [...]
DOUBLE_QUOTES = "\"“”„‟"
OPENING_MARKS = "\"“„«"

# A dash after a sentence end or a colon, then space: the opening of a mid-paragraph dash-quote.
_MID = _LazyRe(rf"(?P<pre>[.!?…][\"”’»)\]]?|:)[{SP}]+(?P<dash>[{_DASH_CLASS}])[{SP}]+(?=[^{SP}\r\n])")
_WORD = _LazyRe(r"[^\W_]+(?:['’\-][^\W_]+)*")
_TOKEN_BEFORE = _LazyRe(r"(\S+)$")
# Abbreviations whose period does not end a sentence (``the U.S. – and``, ``Mr. – ``).
_ABBREV = _LazyRe(r"^(?:(?:[A-Za-z]\.)+[A-Za-z]?|[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Ltd|Co|Corp|No|Nos|Vol|"
                     r"vs|etc|approx|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_SPEECH_VERBS = (
    r"says|said|say|tells|told|explains|explained|adds|added|notes|noted|stresses|stressed|writes|wrote|"
    r"continues|continued|asks|asked|answers|answered|replies|replied|emphasi[sz]es|emphasi[sz]ed|"
    r"points\s+out|pointed\s+out|claims|claimed|insists|insisted|confirms|confirmed|admits|admitted|warns|warned|"
    r"states|stated|concludes|concluded|believes|believed|thinks|comments|commented|assures|assured|argues|argued|"
    r"declares|declared|underlines|underlined|reveals|revealed|sighs|sighed|laughs|laughed|shouts|shouted|"
    r"according\s+to"
)
_VERB_FIRST = _LazyRe(rf"^(?:{_SPEECH_VERBS})\b")
_VERB_ANY = _LazyRe(rf"\b(?:{_SPEECH_VERBS})\b")
_VERB_BEFORE_COLON = _LazyRe(rf"\b(?:{_SPEECH_VERBS})[{SP}]*:$")
# Words that start a clause, not an attribution (``, and we said no``).
_CLAUSE_WORDS = {"and", "but", "or", "so", "because", "which", "that", "when", "if", "as", "while", "who", "where",
                 "although", "though", "since", "whether", "than", "then", "what", "how", "why", "to", "not"}
_PRONOUN = _LazyRe(r"\b(?:I|I['’](?:m|ve|ll|d)|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|[Mm]y|[Mm]yself|me|us|[Oo]ur|[Oo]urs|"
                      r"[Oo]urselves|[Yy]ou|[Yy]ou['’](?:re|ve|ll|d)|[Yy]our|[Yy]ours)\b")
# Sign-offs and credits that may follow a dash at the start of a line in English copy.
_CREDIT = _LazyRe(r"^(?:With|Reporting|Additional|Editing|Edited|Writing|Written|Compiled|Source|Sources|Photo|"
                     r"Photos|Video|Text|Translated|Translation|Via|Copyright|Produced|Associated Press|Staff)\b|^©|"
                     r"\bcontributed\b")
_SMILEY = _LazyRe(r"[:;=8][\-^']?[()\[\]]|[()\[\]][\-^']?[:;=]")
_LIST_MARK = _LazyRe(rf"(?:^|(?<=[{SP}\n\r]))(?:\d{{1,3}}|[A-Za-z]|[ivxIVX]{{1,4}})\)")


@dataclass
class DashQuote:
    """A quotation opened with a dash: where the dash is, where the quoted words end, and why it counts."""

    para: int
    dash: int  # offset of the dash in Document.text
    end: int  # end of the quoted words (before an attribution)
    where: str  # "line" (starts a line), "sentence" (after a sentence end), "colon"
    long_dash: bool
    headline: bool = False  # a colon-dash in a short line: MT102
    attribution: bool = False
    speechy: bool = False  # first/second person, a question or an exclamation
    needs_evidence: bool = True
    confirmed: bool = False
    run: int = -1  # id of a run of consecutive line-initial items with the same dash (-1: none)
    subheading: bool = False


@dataclass
class Analysis:
    """Everything the MT1xx detectors need, computed once per document."""

    quotes: list[DashQuote] = field(default_factory=list)

    def confirmed(self) -> list[DashQuote]:
        """Return the dash-quotes with enough evidence to report."""
        return [q for q in self.quotes if q.confirmed]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _find_attribution(seg: str) -> int | None:
    """Return where the quoted words of ``seg`` (text after the dash) end at an attribution, or None.

    ``cut`` is where the quoted words end: before the comma of ``, says X`` / ``, X said``, after the
    punctuation of ``? asks X`` / ``. says X``.
    """
    for m in re.finditer(rf"([,.!?…])([\"”’»]?)[{SP}]+", seg):
        rest = seg[m.end():m.end() + 300]  # an attribution is short: never look further
        punct = m.group(1)
        tail = re.split(r"[.!?…](?:[\s\"”’]|$)", rest, maxsplit=1)[0]
        if len(_words(tail)) > 14:
            continue
        if _VERB_FIRST.match(rest):
            return m.start() if punct == "," else m.start() + 1 + len(m.group(2))
        if punct != ",":
            continue
        v = _VERB_ANY.search(tail)
        if not v:
            continue
        subject = _words(tail[:v.start()])
        if not subject or len(subject) > 6 or "," in tail[:v.start()]:
            continue
        if subject[0].lower() in _CLAUSE_WORDS or any(w.lower() in _CLAUSE_WORDS for w in subject):
            continue
        # "X said" / "he stresses" / "the task leader notes": the subject is a name, a pronoun or a noun phrase.
        first = subject[0]
        if first[0].isupper() or first.lower() in {"he", "she", "they", "the", "a", "an", "his", "her", "their"}:
            return m.start()
    return None


def _is_sentence_end(text: str, pre_start: int, pre: str) -> bool:
    """Return True when the punctuation ``pre`` at ``pre_start`` ends a sentence (not an abbreviation)."""
    if pre == ":" or not pre.startswith("."):
        return True
    tok = _TOKEN_BEFORE.search(text[max(0, pre_start - 40):pre_start + 1])
    return not (tok and _ABBREV.match(tok.group(1)))


def _dateline(text: str, pre_start: int) -> bool:
    """Return True when the text before ``pre_start`` on its line is an upper-case dateline (``MOSCOW.``)."""
    line = text[text.rfind("\n", 0, pre_start) + 1:pre_start]
    if len(line) > 80:
        return False
    words = _words(line)
    return 0 < len(words) <= 5 and all(not any(ch.islower() for ch in w) for w in words)


def _first_char_ok(text: str, pos: int) -> str:
    """Classify the first character of the quoted words: 'upper', 'digit', 'quote' or '' (lower-case: no quote)."""
    if pos >= len(text):
        return ""
    c = text[pos]
    if c.isupper():
        return "upper"
    if c.isdigit():
        return "digit"
    if c in OPENING_MARKS or c == "…":
        return "quote"
    return ""


def _site_suffix(rest: str) -> bool:
    """Return True for a short trailing site or agency name (``– VG``, ``- TT``, ``— NRK Sport``)."""
    words = _words(rest)
    if not words or len(words) > 3 or re.search(r"[.!?,;:]", rest):
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in SP + "\r\n":
        end -= 1
    return end


def _opening_mark_cut(text: str, start: int, end: int) -> int:
    """Return where a quotation-mark quote opens inside ``text[start:end]`` (a new quote convention), or ``end``."""
    for i in range(start + 1, end):
        c = text[i]
        if c in OPENING_MARKS and text[i - 1] in SP + "\r\n" and i + 1 < end and text[i + 1] not in SP + "\r\n":
            return i
    return end


def _candidates(doc: Document, p: Paragraph) -> list[DashQuote]:
    """Return the dash-quote candidates of one paragraph, in order."""
    text = doc.text
    found: list[tuple[int, str, str]] = []  # (dash offset, where, dash char)
    line_ends: list[int] = []
    lines = p.lines
    prev: tuple[int, int] | None = None
    for ls, le in lines:
        line_ends.append(le)
        c = text[ls]
        # Inside a hard-wrapped paragraph a line may start with a parenthetical dash; a dash-quote line follows
        # a finished sentence, a colon or another dash line.
        after_break = prev is None or text[prev[1] - 1] in ".!?…:\"”’»)" or text[prev[0]] in ALL_DASHES
        prev = (ls, le)
        if c in ALL_DASHES and ls + 1 < le and text[ls + 1] in SP and after_break:
            if c in HYPHENS and doc.fmt == "markdown":
                continue  # "- item" is a Markdown bullet
            found.append((ls, "line", c))
    for m in _MID.finditer(p.text):
        pre = m.group("pre")
        if not _is_sentence_end(p.text, m.start("pre"), pre) or _dateline(p.text, m.start("pre")):
            continue
        found.append((p.content_start + m.start("dash"), "colon" if pre == ":" else "sentence", m.group("dash")))
    found.sort()
    out: list[DashQuote] = []
    for i, (dash, where, ch) in enumerate(found):
        line_end = next((le for le in line_ends if le > dash), p.end)
        seg_end = min(line_end, found[i + 1][0] if i + 1 < len(found) else line_end)
        body = dash + 1
        while body < seg_end and text[body] in SP:
            body += 1
        kind = _first_char_ok(text, body)
        if not kind:
            continue
        seg = text[body:seg_end]
        seg_end_trim = _trim_end(text, body, seg_end)
        # A site name after a headline (``Big fire. – VG``) or a credit (``— Reporting by``) is not a quote.
        if where == "sentence" and (_CREDIT.search(seg) or (seg_end == line_end and _site_suffix(seg))):
            continue
        if where == "line" and (_CREDIT.search(seg) or (_site_suffix(seg) and p.index >= 1
                                                         and not _PRONOUN.search(seg))):
            continue
        q = DashQuote(para=p.index, dash=dash, end=seg_end_trim, where=where,
                      long_dash=ch in LONG_DASHES)
        attr = _find_attribution(seg)
        end = seg_end_trim
        if attr is not None:
            end = body + attr
            q.attribution = True
        if where == "colon":
            before = text[max(p.content_start, dash - 80):dash].rstrip(SP)
            if _VERB_BEFORE_COLON.search(before):
                q.attribution = True
            line_start = max((ls for ls, _ in lines if ls <= dash), default=p.content_start)
            line = text[line_start:line_end] if line_end - line_start < 400 else ""
            if p.index == 0 or p.kind in ("title", "heading") or (
                    line and len(_words(line)) <= 20 and not line.rstrip(SP).endswith(".")):
                q.headline = True
                # The quoted words stop before a trailing site name or a source in brackets.
                m = re.search(rf"[{SP}]+[{_DASH_CLASS}][{SP}]+[^{_DASH_CLASS}]+$", text[body:end])
                if m and _site_suffix(m.group(0).strip(SP + ALL_DASHES)):
                    end = body + m.start()
                m = re.search(rf"[{SP}]+\([^()]*\)?$", text[body:end])
                if m:
                    end = body + m.start()
        end = _opening_mark_cut(text, dash, end)
        q.end = _trim_end(text, dash, end)
        if q.end <= body:
            continue
        quoted = text[body:q.end]
        head = " ".join(_words(quoted)[:40])
        q.speechy = bool(_PRONOUN.search(head) or "?" in quoted or "!" in quoted)
        q.needs_evidence = not q.long_dash or kind == "digit"
        if q.headline and kind != "digit":
            q.needs_evidence = False  # ": - Scary" in a headline is a pseudo-quote whatever the dash
        q.subheading = (where == "line" and len(lines) == 1 and len(_words(seg)) <= 8
                        and not seg.rstrip(SP).endswith((".", ",", ";")))
        out.append(q)
    return out


def analyse(doc: Document) -> Analysis:
    """Find the dash-quotes of ``doc`` and decide which have enough evidence to report."""
    an = Analysis()
    for p in doc.paragraphs:
        an.quotes.extend(_candidates(doc, p))
    quotes = an.quotes
    # Runs: consecutive line-initial items opened by the same dash, in one block or in adjacent blocks.
    run_id = 0
    for i, q in enumerate(quotes):
        if q.where != "line":
            continue
        prev = quotes[i - 1] if i else None
        if (prev is not None and prev.where == "line" and prev.long_dash == q.long_dash
                and doc.text[prev.dash] == doc.text[q.dash] and q.para - prev.para <= 1):
            if prev.run < 0:
                prev.run = run_id
                run_id += 1
            q.run = prev.run
    runs: dict[int, list[DashQuote]] = {}
    for q in quotes:
        if q.run >= 0:
            runs.setdefault(q.run, []).append(q)
    for items in runs.values():
        long_dash = items[0].long_dash
        if any(q.attribution for q in items):
            ok = True
        elif long_dash:
            ok = any(q.speechy for q in items)
        else:
            ok = all(q.speechy for q in items)
        for q in items:
            q.confirmed = ok
    # Single items: a long dash needs no more evidence; a hyphen needs speech evidence or a confirmed neighbour.
    for q in quotes:
        if q.run >= 0:
            continue
        q.confirmed = not q.needs_evidence or q.attribution or q.speechy
    # A confirmed dash-quote vouches for hyphen quotes up to two paragraphs away, and those for their neighbours.
    waiting: dict[int, list[DashQuote]] = {}
    for q in quotes:
        if not q.confirmed and q.run < 0:
            waiting.setdefault(q.para, []).append(q)
    todo = sorted({q.para for q in quotes if q.confirmed})
    if todo:
        for q in quotes:
            if not q.confirmed and q.run < 0 and q.subheading:
                q.confirmed = True  # a short dash line in an article that has dash-quotes elsewhere
    while todo:
        para = todo.pop()
        for near in range(para - 2, para + 3):
            for q in waiting.pop(near, []):
                q.confirmed = True
                todo.append(near)
    return an


def _analysis(doc: Document, ctx: Context) -> Analysis:
    """Return the cached analysis of ``doc`` (shared by the MT1xx detectors of one run)."""
    cache = ctx.resources.get("quotes.analysis") if ctx is not None else None
    if cache is not None and cache[0] is doc:
        return cache[1]
    an = analyse(doc)
    if ctx is not None:
        ctx.resources["quotes.analysis"] = (doc, an)
    return an


def _short(text: str, limit: int = 40) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters, in double quotes for a message."""
    return f'"{clip(text, limit)}"'


class DialogueDashQuote(Detector):
    """A quotation introduced with a leading dash instead of English quotation marks.

    ## What it does
    Flags direct speech opened with a dash, the Scandinavian and German convention: an en or em dash at the start
    of a paragraph or line (including dash-quote subheadings such as ``– We keep watching``), after a colon
    (``She explains: – If we ...``), or after the end of a sentence in mid-paragraph (``... on Monday. – We cannot
    say more, says Berg.``). The span runs from the dash to the end of the quoted words, before an attribution such
    as ``, says X``. A spaced hyphen (``- We ...``) counts only with evidence that it is speech: a first or second
    person pronoun, a question or exclamation, an attribution, or a neighbouring dash-quote.

    ## Why it matters
    Machine translation copies the source punctuation, so English readers meet a dash where quotation marks
    belong, and cannot tell where the quotation ends and the reporter's text resumes.

    ## False positives
    Dash parentheticals (``the party – the largest – won``), datelines (``OSLO (Reuters) -``), ranges and compounds
    are not matched: the dash must follow a sentence end, a colon or the start of a line, and be followed by a
    capital. Runs of hyphen or dash bullets stay silent unless one of them carries an attribution (dialogue), and
    trailing site names (``- VG``) and sign-offs (``— Reporting by ...``) are skipped. An English article that
    really uses dash bullets with first-person lines may still be flagged.
    """

    code = "MT101"
    name = "dialogue-dash-quote"
    category = Category.QUOTE_DASH
    severity = Severity.MINOR
    bad = ("The mayor visited the site on Tuesday.\n\n– We are following the situation closely, says the mayor.\n")
    good = ("The mayor visited the site on Tuesday.\n\n“We are following the situation closely,” says the mayor.\n")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per confirmed dash-quote that is not a headline pseudo-quote."""
        for q in _analysis(doc, ctx).confirmed():
            if q.headline:
                continue
            words = doc.text[q.dash:q.end]
            conf = 0.9 if q.long_dash else (0.8 if q.attribution else 0.65)
            yield self.finding(q.dash, q.end, f"dash-quote {_short(words)}",
                               suggestion="Put the quoted words in quotation marks and drop the dash",
                               confidence=conf)


class HyphenPseudoQuote(Detector):
    """A headline or teaser that quotes with a colon and a dash instead of quotation marks.

    ## What it does
    Flags ``: - `` or ``: – `` introducing quoted words in a title, heading or short line (at most 20 words, not
    ending with a period), the Norwegian and Swedish headline convention for a quotation. The span covers the dash
    and the quoted words, without a trailing site name (``- VG``) or a source in brackets.

    ## Why it matters
    English headlines put quoted words in quotation marks (``Expert: “Worrying”``). A dash after a colon reads as a
    typo and shows the headline was machine-translated or scraped from a teaser.

    ## False positives
    A colon followed by a dash and a capitalised word in a short line is rare in English copy; lists written inline
    after a label (``Agenda: - Budget``) would be flagged.
    """

    code = "MT102"
    name = "hyphen-pseudo-quote"
    category = Category.QUOTE_DASH
    severity = Severity.MINOR
    bad = "Related: Climate researcher on the new deal: - Deeply worrying - NTB\n\nThe body of the article.\n"
    good = "Related: Climate researcher on the new deal: “Deeply worrying”\n\nThe body of the article.\n"

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per headline pseudo-quote."""
        for q in _analysis(doc, ctx).confirmed():
            if not q.headline:
                continue
            words = doc.text[q.dash:q.end]
            yield self.finding(q.dash, q.end, f"headline pseudo-quote {_short(words)}",
                               suggestion="Put the quoted words in quotation marks after the colon",
                               confidence=0.85)


def _quote_marks(text: str, start: int, end: int) -> list[int]:
    """Return offsets of the double quotation marks in ``text[start:end]`` (not inch marks like ``12"``)."""
    out = []
    for i in range(start, end):
        c = text[i]
        if c in DOUBLE_QUOTES:
            if c == '"' and i > start and text[i - 1].isdigit() and (i + 1 >= end or not text[i + 1].isalpha()):
                continue
            out.append(i)
    return out


def _is_opening(text: str, i: int, start: int, end: int) -> bool:
    """Guess whether the quotation mark at ``i`` opens a quotation, from its neighbours and then its glyph."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before in SP + "\r\n([{—–-" and after not in SP + "\r\n":
        return True
    if after in SP + "\r\n.,;:!?)]}" and before not in SP + "\r\n":
        return False
    return text[i] in "“„«"


def _pairs(text: str, marks: list[int]) -> list[tuple[int, int]]:
    """Pair quotation marks in order (first with second, third with fourth, ...)."""
    return [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def _system(c: str, text: str, i: int, start: int, end: int) -> str | None:
    """Return the quotation-mark system an opening mark belongs to: english, low9, guillemet (or None)."""
    if c in "«»":
        return "guillemet"
    if c == "„":
        return "low9"
    if c == "“" and _is_opening(text, i, start, end):
        return "english"
    return None


class MixedQuoteConventions(Detector):
    """A paragraph that mixes quotation conventions: dash-quotes with quotation marks, or two mark systems.

    ## What it does
    Flags a dash-quote in a paragraph that also quotes with quotation marks (four words or more between the
    marks), and a paragraph that uses two quotation-mark systems, English ``“…”`` with guillemets ``«…»`` or
    low-high ``„…“``. The span is the dash-quote, or the first quotation in the non-English system (the less
    used one when neither is English).

    ## Why it matters
    Mixed conventions show that parts of the paragraph came from different sources or were machine-translated
    unevenly; the reader loses track of who says what. One convention must be chosen and used throughout.

    ## False positives
    A paragraph that consistently uses guillemets (a republishing site's house style) is not mixed. Short quoted
    titles (``the “Report from Berlin” show``) next to a dash-quote are not counted as quotations. Straight and
    curly quotation marks together are not flagged.
    """

    code = "MT103"
    name = "mixed-quote-conventions"
    category = Category.QUOTE_DASH
    severity = Severity.MINOR
    bad = ("The minister was asked about the plan. – Too early to say. “But we will look at every option,” she said."
           "\n\nMore text follows here.\n")
    good = ("The minister was asked about the plan. “Too early to say. But we will look at every option,” she said."
            "\n\nMore text follows here.\n")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield dash-quotes beside quotation marks, and the minority system of mixed quotation marks."""
        text = doc.text
        by_para: dict[int, list[DashQuote]] = {}
        for q in _analysis(doc, ctx).confirmed():
            by_para.setdefault(q.para, []).append(q)
        for p in doc.paragraphs:
            start, end = p.content_start, p.end
            marks = _quote_marks(text, start, end)
            speech = [(a, b) for a, b in _pairs(text, marks) if len(_words(text[a:b])) >= 4]
            dashes = by_para.get(p.index, [])
            if speech and dashes:
                q = dashes[0]
                yield self.finding(q.dash, q.end, f"dash-quote {_short(text[q.dash:q.end])} beside quotation "
                                   "marks in the same paragraph",
                                   suggestion="Quote every speaker with quotation marks", confidence=0.8)
                continue
            yield from self._systems(text, start, end)

    def _systems(self, text: str, start: int, end: int) -> Iterator[Finding]:
        firsts: dict[str, tuple[int, int]] = {}
        counts: dict[str, int] = {}
        has_open_guillemet = "«" in text[start:end]
        for i in range(start, end):
            if text[i] not in "«»„“":
                continue
            system = _system(text[i], text, i, start, end)
            if system is None or (text[i] == "»" and has_open_guillemet):
                continue
            counts[system] = counts.get(system, 0) + 1
            if system not in firsts:
                close = {"english": "”", "low9": "“”", "guillemet": "»«"}[system]
                j = next((k for k in range(i + 1, end) if text[k] in close), i)
                firsts[system] = (i, j + 1)
        if len(firsts) < 2:
            return
        order = sorted(firsts, key=lambda s: firsts[s][0])
        # In an English article the English marks are right; otherwise the less used system is the odd one.
        foreign = [s for s in order if s != "english"]
        odd = foreign[0] if "english" in firsts else min(order, key=lambda s: (counts[s], -firsts[s][0]))
        others = [s for s in order if s != odd]
        a, b = firsts[odd]
        names = {"english": "“…”", "low9": "„…“", "guillemet": "«…»"}
        yield self.finding(a, b, f"{names[odd]} quotation {_short(text[a:b])} in a paragraph that uses "
                           f"{names[others[0]]}", suggestion="Use one kind of quotation marks throughout",
                           confidence=0.8)


class UnbalancedQuotesOrBrackets(Detector):
    """An opening quotation mark or bracket never closed in its paragraph, or a closing one never opened.

    ## What it does
    Counts double quotation marks (straight and curly), guillemets, parentheses and square brackets per paragraph
    and flags the mark left without a partner, such as a caption credit cut from its bracket
    (``... 2023. Photograph: Jane Doe/AFP)``) or a quotation whose closing mark was lost.

    ## Why it matters
    Scraping and machine translation drop or duplicate punctuation at segment boundaries; an unbalanced mark
    shows where text was cut, glued or misplaced.

    ## False positives
    A quotation that runs on into the next paragraph (no closing mark, and the next paragraph opens with a
    quotation mark) is English convention and is skipped, as is an unclosed mark in the last paragraph, which
    excerpts often cut off. Apostrophes and single quotation marks are ignored (``don’t``, ``the ’90s``), and so
    are list markers (``1)``, ``a)``), smileys and inch marks (``12"``).
    """

    code = "MT104"
    name = "unbalanced-quotes-or-brackets"
    category = Category.QUOTE_DASH
    severity = Severity.MINOR
    bad = ("The summit took place on 13 March 2023. Photograph: Jane Roe/AFP)\n\nThe talks went on for hours.\n")
    good = ("The summit took place on 13 March 2023 (Photograph: Jane Roe/AFP)\n\nThe talks went on for hours.\n")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per unpaired bracket or quotation mark."""
        paras = doc.paragraphs
        for n, p in enumerate(paras):
            last = n == len(paras) - 1
            yield from self._brackets(doc.text, p, last)
            yield from self._quotes(doc.text, p, last, paras[n + 1] if not last else None)

    def _brackets(self, text: str, p: Paragraph, last: bool) -> Iterator[Finding]:
        skip: set[int] = set()
        body = text[p.content_start:p.end]
        for m in _SMILEY.finditer(body):
            skip.update(range(p.content_start + m.start(), p.content_start + m.end()))
        for m in _LIST_MARK.finditer(body):
            skip.add(p.content_start + m.end() - 1)
        stack: list[int] = []
        pairs = {")": "(", "]": "["}
        for i in range(p.content_start, p.end):
            c = text[i]
            if i in skip:
                continue
            if c in "([":
                stack.append(i)
            elif c in ")]":
                if stack and text[stack[-1]] == pairs[c]:
                    stack.pop()
                else:
                    yield self.finding(i, i + 1, f"closing {c!r} without an opening one: "
                                       f"{_short(text[max(p.content_start, i - 30):i + 1], 50)}",
                                       suggestion=f"Add the missing {pairs[c]!r} or remove the {c!r}",
                                       confidence=0.7)
        if not last:
            for i in stack:
                close = ")" if text[i] == "(" else "]"
                yield self.finding(i, i + 1, f"{text[i]!r} never closed: {_short(text[i:i + 40], 40)}",
                                   suggestion=f"Add the missing {close!r}", confidence=0.6)

    def _quotes(self, text: str, p: Paragraph, last: bool, nxt: Paragraph | None) -> Iterator[Finding]:
        start, end = p.content_start, p.end
        marks = _quote_marks(text, start, end)
        if len(marks) % 2:
            stack: list[int] = []
            stray: list[int] = []
            for i in marks:
                if _is_opening(text, i, start, end) and not stack:
                    stack.append(i)
                elif stack:
                    stack.pop()
                else:
                    stray.append(i)
            opened = stack[0] if stack else None
            if opened is not None and not stray:
                runs_on = nxt is not None and nxt.text[:1] in OPENING_MARKS
                if not last and not runs_on:
                    yield self.finding(opened, opened + 1, f"quotation never closed: "
                                       f"{_short(text[opened:opened + 40], 40)}",
                                       suggestion="Add the closing quotation mark", confidence=0.6)
            else:
                i = stray[0] if stray else marks[-1]
                yield self.finding(i, i + 1, f"closing quotation mark without an opening one: "
                                   f"{_short(text[max(start, i - 30):i + 1], 50)}",
                                   suggestion="Add the opening quotation mark or remove this one", confidence=0.6)
        g_open = [i for i in range(start, end) if text[i] == "«"]
        g_close = [i for i in range(start, end) if text[i] == "»"]
        if g_open and len(g_open) != len(g_close):
            if len(g_open) > len(g_close):
                if not last and not (nxt is not None and nxt.text[:1] == "«"):
                    i = g_open[-1]
                    yield self.finding(i, i + 1, "guillemet quotation never closed",
                                       suggestion="Add the closing »", confidence=0.6)
            else:
                i = g_close[-1]
                yield self.finding(i, i + 1, "closing » without an opening «",
                                   suggestion="Add the opening « or remove this one", confidence=0.6)
        elif not g_open and len(g_close) % 2 and not last:
            i = g_close[-1]
            yield self.finding(i, i + 1, "unpaired »", suggestion="Add the missing quotation mark", confidence=0.5)


# A curly quotation mark that faces the wrong way for where it stands: an opening mark before a space or
# punctuation (`place “, it says`), a closing mark after a space and before a word (`job, ”Söder said`), or the
# German low opening mark in English text (`„I think`), or an opening single mark used as an apostrophe
# (`the group‘s`, `doesn‘t`).
_MISPLACED_QUOTE = re.compile(rf"“(?=[{SPACE_CHARS}]*[,.;:!?](?:[{SPACE_CHARS}]|$))"
                              rf"|(?<=[{SPACE_CHARS}])”(?=[^\W\d_])[^\W\d_]+"
                              rf"|„(?=[^\W\d_])[^\W\d_]+"
                              r"|[^\W\d_]+‘(?=[a-zß-öø-ÿ])[^\W\d_]*")


class MisplacedQuoteMark(Detector):
    """A curly quotation mark that faces the wrong way: `place “, it says`, `job, ”Söder said`, `„I think`.

    ## What it does
    Flags an opening mark (“) that stands before a comma, full stop or other punctuation, a closing mark (”)
    that stands after a space and runs into the next word, the German low opening mark („) in English text,
    and an opening single mark (‘) used as an apostrophe inside a word (`the group‘s`, `doesn‘t`). Translation engines and quote-converting scrapers produce these when they move quotation marks
    around the words they translate.

    ## Why it matters
    A reader uses the direction of the mark to see where a quotation starts and ends; a mark facing the wrong
    way breaks the sentence around it, and a German „ shows the text was never edited into English style.

    ## False positives
    Straight quotes (") are never judged, and single marks only in the apostrophe position. A mark typed the wrong way by
    a human writer is flagged too, which an editor would want fixed anyway.
    """

    code = "MT105"
    name = "misplaced-quote-mark"
    category = Category.GARBLED
    mqm_category = "Fluency/Punctuation"
    severity = Severity.MINOR
    bad = "Title\n\n“We will build the bridge this year, ”the mayor said at the meeting on Monday."
    good = "Title\n\n“We will build the bridge this year,” the mayor said at the meeting on Monday."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield each misplaced quotation mark (with the word it is glued to)."""
        for para in doc.paragraphs:
            for m in _MISPLACED_QUOTE.finditer(para.text):
                mark = next(c for c in m.group() if c in "“”„‘")
                what = {"“": "opening quotation mark before punctuation",
                        "”": "closing quotation mark glued to the next word",
                        "„": "German low quotation mark",
                        "‘": "opening quotation mark used as an apostrophe"}[mark]
                fix = {"“": "Use a closing mark (”) after the quoted words",
                       "”": "Move the closing mark (”) before the space, after the quoted words",
                       "„": "Use an English opening mark (“)",
                       "‘": "Use an apostrophe (’)"}[mark]
                yield self.finding(para.content_start + m.start(), para.content_start + m.end(),
                                   f"Misplaced quotation mark: {what} {_short(m.group())}", suggestion=fix,
                                   confidence=0.85)


DETECTORS = [DialogueDashQuote, HyphenPseudoQuote, MixedQuoteConventions, UnbalancedQuotesOrBrackets,
             MisplacedQuoteMark]
