"""Duplicates: a headline, paragraph or sentence printed twice (surface evidence, no embeddings)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache, partial

from ..document import Document, Paragraph
from ..findings import Category, Finding, Severity
from .base import Context, Detector, clip

_TOKEN = re.compile(r"[^\W_]+")
# A repeated line shorter than this is furniture ("Update:", "Photo: Yonhap", a name) more often than a copy.
MIN_PARAGRAPH_TOKENS = 6
MIN_SENTENCE_TOKENS = 6
MIN_TITLE_TOKENS = 3


def fold_tokens(text: str) -> list[str]:
    """Return the words of ``text`` lower-cased, without diacritics or punctuation (``Skarpnäck`` -> ``skarpnack``)."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TOKEN.findall(text.casefold())


_quote = partial(clip, limit=48)


def _matched(a: list[str], b: list[str]) -> tuple[int, int]:
    """Return (tokens matched in order, longest contiguous run) between two token lists."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    blocks = sm.get_matching_blocks()
    return sum(bl.size for bl in blocks), max((bl.size for bl in blocks), default=0)


def copy_kind(first: list[str], second: list[str], min_tokens: int,
              sets: tuple[frozenset[str], frozenset[str]] | None = None) -> tuple[str, float] | None:
    """Decide whether ``second`` repeats ``first``; return (kind, confidence) or None.

    kinds: ``exact`` (same words), ``framed`` (one copy is the other plus a prefix or suffix such as a site
    name, a section label, a dateline or a photo credit), ``near`` (the same words but a few changed).
    ``sets`` may pass the two token sets when the caller has them already.
    """
    swap = len(first) > len(second)
    short, long_ = (second, first) if swap else (first, second)
    frame = max(5, len(short) // 2)  # words a site name, section label, dateline or credit may add
    if len(long_) - len(short) > frame:
        return None
    if sets is None:
        sets = (frozenset(first), frozenset(second))
    short_set, long_set = (sets[1], sets[0]) if swap else sets
    if len(short_set) < min_tokens:  # distinct words: "Article continues below adArticle continues…" is furniture
        return None
    if first == second:
        return "exact", 1.0
    if len(short_set & long_set) < 0.7 * len(short_set):  # cheap filter before the alignment
        return None
    matched, run = _matched(short, long_)
    # The shorter copy sits inside the longer one as one block: a prefix or suffix was added.
    if run == len(short):
        return "framed", 0.9
    # Nearly all of the shorter copy in order, most of it in one run: a word or two changed, maybe framed.
    changed = len(short) - matched
    if changed <= max(1, len(short) // 7) and run >= 0.5 * len(short) and len(long_) - matched <= changed + frame:
        return "near", 0.8
    return None


class RepeatedHeadline(Detector):
    """The headline printed again below itself, exactly or with a site or section name around it.

    ## What it does
    Compares the title (the first paragraph) with each later paragraph after folding case, punctuation,
    diacritics and spaces. It flags the later copy when the words are the same, when one copy is the other
    plus a prefix or suffix (``Title – Latest news – Site`` against ``Title Latest news``, ``Home Section
    Title`` against ``Title``), or when one word differs.

    ## Why it matters
    Scrapers often pick up the page title and the article heading, or the heading and a teaser, so the
    published text opens with its headline twice.

    ## False positives
    A standfirst that restates the headline in the same words; headlines of three words or fewer are only
    compared when the words are identical.
    """

    code = "MT501"
    name = "repeated-headline"
    category = Category.DUPLICATE
    severity = Severity.MAJOR
    bad = "Ferry crews strike on six routes – Latest news\n\nFerry crews strike on six routes\n\nPassengers waited."
    good = "Ferry crews strike on six routes\n\nHundreds of passengers waited on the quay as crews walked out."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for each later paragraph that repeats the title."""
        for title, para, kind, confidence in repeated_title_pairs(doc):
            what = "headline printed again" if kind == "exact" else "headline repeated with changes"
            yield self.finding(para.content_start, para.end, f"{what}: “{_quote(para.text)}”",
                               suggestion="Delete the repeated headline", confidence=confidence,
                               first_line=doc.line_col(title.content_start)[0])


def repeated_title_pairs(doc: Document) -> list[tuple[Paragraph, Paragraph, str, float]]:
    """Return (title, copy, kind, confidence) for each later paragraph that repeats the title."""
    paras = doc.paragraphs
    return [(paras[i], paras[j], kind, conf) for i, j, kind, conf in _copies(tuple(p.text for p in paras))[0]]


def repeated_paragraph_pairs(doc: Document) -> list[tuple[Paragraph, Paragraph, str, float]]:
    """Return (first, copy, kind, confidence) for each body paragraph that repeats an earlier one."""
    paras = doc.paragraphs
    return [(paras[i], paras[j], kind, conf) for i, j, kind, conf in _copies(tuple(p.text for p in paras))[1]]


Pair = tuple[int, int, str, float]


@lru_cache(maxsize=8)
def _copies(texts: tuple[str, ...]) -> tuple[list[Pair], list[Pair]]:
    """Return the title copies and the paragraph copies as (first index, copy index, kind, confidence).

    Cached on the paragraph texts, so MT501, MT502 and MT503 share one comparison per document.
    """
    tokens = [fold_tokens(t) for t in texts]
    title_pairs: list[Pair] = []
    if len(texts) >= 2 and len(tokens[0]) >= MIN_TITLE_TOKENS:
        for j in range(1, len(texts)):
            if min(len(tokens[0]), len(tokens[j])) < 4:
                hit = ("exact", 1.0) if tokens[j] == tokens[0] else None
            else:
                hit = copy_kind(tokens[0], tokens[j], 4)
            if hit:
                title_pairs.append((0, j, hit[0], hit[1]))
    title_copies = {j for _i, j, _k, _c in title_pairs}
    body = [i for i in range(1, len(texts)) if i not in title_copies]
    para_pairs: list[Pair] = []
    copies: set[int] = set()
    candidates = _CandidateIndex(tokens, body)
    for j in body:
        if len(tokens[j]) < MIN_PARAGRAPH_TOKENS:
            candidates.add(j)
            continue
        for i in candidates.for_paragraph(j):
            if i in copies:  # compare with the first copy, not with another repeat
                continue
            hit = copy_kind(tokens[i], tokens[j], MIN_PARAGRAPH_TOKENS, (candidates.sets[i], candidates.sets[j]))
            if hit is None:
                continue
            kind, confidence = hit
            # One word different is only evidence in a paragraph long enough to be distinctive.
            if kind == "near" and min(len(tokens[i]), len(tokens[j])) < 10:
                continue
            para_pairs.append((i, j, kind, confidence))
            copies.add(j)
            break
        candidates.add(j)
    return title_pairs, para_pairs


MAX_CANDIDATES = 200
NEIGHBOURS = 20


class _CandidateIndex:
    """Earlier paragraphs that may be copies of a paragraph: those sharing enough of its uncommon words.

    ``copy_kind`` needs 70% of the shorter paragraph's distinct words in the longer one. Words found in many
    paragraphs (``the``, ``said``) are left out of the index, so a pair qualifies when the uncommon words they
    share could still reach that share; this keeps long pages (thousands of paragraphs) near linear instead of
    comparing every pair.
    """

    def __init__(self, tokens: list[list[str]], body: list[int]) -> None:
        self.sets = [frozenset(t) for t in tokens]
        df: dict[str, int] = {}
        for i in body:
            for t in self.sets[i]:
                df[t] = df.get(t, 0) + 1
        limit = max(20, len(body) // 10)
        self.common = frozenset(t for t, n in df.items() if n > limit)
        self.lengths = [len(t) for t in tokens]
        self.postings: dict[str, list[int]] = {}
        self.mostly_common: list[int] = []  # paragraphs that the uncommon words cannot find
        self.seen: list[int] = []

    def _slack(self, i: int) -> float:
        s = self.sets[i]
        return 0.7 * len(s) - len(s & self.common)

    def add(self, i: int) -> None:
        """Make paragraph ``i`` a candidate for the paragraphs after it."""
        self.seen.append(i)
        if self._slack(i) <= 0:
            self.mostly_common.append(i)
        for t in self.sets[i] - self.common:
            self.postings.setdefault(t, []).append(i)

    def for_paragraph(self, j: int) -> list[int]:
        """Return, in document order, the earlier paragraphs worth comparing with ``j`` (at most MAX_CANDIDATES).

        Pages of thousands of paragraphs with a tiny vocabulary (tables, lists of scores) would otherwise be
        compared pair by pair; then the candidates sharing most words win.
        """
        if self._slack(j) <= 0:  # made of words found everywhere: only its neighbours are worth the alignment
            return self.seen[-NEIGHBOURS:]
        shared: dict[int, int] = {}
        for t in self.sets[j] - self.common:
            for i in self.postings.get(t, ()):
                shared[i] = shared.get(i, 0) + 1
        out = dict.fromkeys(self.mostly_common[-NEIGHBOURS:], 0)
        for i, n in shared.items():
            short = i if self.lengths[i] <= self.lengths[j] else j
            if n >= self._slack(short):
                out[i] = n
        if len(out) > MAX_CANDIDATES:
            out = dict(sorted(out.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES])
        return sorted(out)


class RepeatedParagraph(Detector):
    """A body paragraph or caption printed twice, exactly or with a small change.

    ## What it does
    Compares each paragraph after the title with the paragraphs before it (folding case, punctuation,
    diacritics and spaces) and flags the later copy when the words are the same, when one copy only adds a
    prefix or suffix (a photo credit, a dateline), or when a paragraph of ten words or more differs by about
    one word. The message names the line of the first copy.

    ## Why it matters
    Captions and paragraphs are duplicated when a page carries the same element twice (a gallery caption and
    the image caption, a teaser and the lead); the reader sees the same text twice.

    ## False positives
    Lines under six words ("Update:", "Photo: Yonhap", a repeated author name) are never compared; a
    deliberately repeated refrain or a chart note printed under two charts is flagged.
    """

    code = "MT502"
    name = "repeated-paragraph"
    category = Category.DUPLICATE
    severity = Severity.MAJOR
    bad = ("Ferry strike\n\nPassengers queue at the quay in Bergen on Tuesday.\n\nThe union met.\n\n"
           "Passengers queue at the quay in Bergen on Tuesday. Photo: Ola Nordmann")
    good = ("Ferry strike\n\nPassengers queue at the quay in Bergen on Tuesday.\n\n"
            "Passengers queue at the harbour in Oslo on Friday.")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for each paragraph that repeats an earlier one."""
        for first, para, kind, confidence in repeated_paragraph_pairs(doc):
            line = doc.line_col(first.content_start)[0]
            what = "paragraph repeated" if kind == "exact" else "paragraph repeated with changes"
            yield self.finding(para.content_start, para.end, f"{what} from line {line}: “{_quote(para.text)}”",
                               suggestion=f"Delete this copy of the paragraph on line {line}",
                               confidence=confidence, first_line=line)


class RepeatedSentence(Detector):
    """The same sentence of six words or more printed twice in the article.

    ## What it does
    Folds each sentence (case, punctuation, diacritics, spaces) and flags the second occurrence of a
    sentence of at least six words, outside paragraphs that MT501 or MT502 already report as copies.

    ## Why it matters
    A sentence printed twice usually comes from a teaser, a pull quote or a caption merged into the body,
    or from a translation engine repeating a segment.

    ## False positives
    Short repeated attributions ("he said.") are below the length limit; a pull quote that deliberately
    repeats a sentence of the body is flagged.
    """

    code = "MT503"
    name = "repeated-sentence"
    category = Category.DUPLICATE
    severity = Severity.MINOR
    bad = ("Ferry strike\n\nThe union says the company ignored every warning about tired crews. Talks failed.\n\n"
           "Passengers waited for hours. The union says the company ignored every warning about tired crews.")
    good = ("Ferry strike\n\nThe union says the company ignored every warning about tired crews. Talks failed.\n\n"
            "Passengers waited for hours. The company says it answered every warning about tired crews.")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for each later occurrence of a repeated sentence."""
        covered: set[int] = set()
        for first, copy, _kind, _conf in repeated_title_pairs(doc) + repeated_paragraph_pairs(doc):
            covered.update((first.index, copy.index))
        seen: dict[tuple[str, ...], int] = {}
        for para in doc.paragraphs:
            for sent in para.sentences:
                key = tuple(fold_tokens(sent.text))
                if len(set(key)) < MIN_SENTENCE_TOKENS:
                    continue
                if key not in seen:
                    seen[key] = sent.start
                    continue
                if para.index in covered or (doc.paragraph_at(seen[key]) or para).index in covered:
                    continue
                line = doc.line_col(seen[key])[0]
                yield self.finding(sent.start, sent.end,
                                   f"sentence repeated from line {line}: “{_quote(sent.text)}”",
                                   suggestion="Delete the repeated sentence", confidence=0.85, first_line=line)


DETECTORS = [RepeatedHeadline, RepeatedParagraph, RepeatedSentence]
