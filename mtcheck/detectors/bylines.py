"""Bylines, bios and credits (MT4xx) that leaked into the body of the article.

A byline block at the top (``By Jane Doe, Example Media``) and a wire credit at the end (``(Reporting by ...)``)
are normal news furniture and stay silent. What is flagged is an author line in the body or repeated, a
translated byline marker (``From: Name`` for German ``Von``), a generated author bio, and a photo credit that
the scrape broke (an unbalanced bracket, or glued to the text around it). The vocabularies are in
``mtcheck/data/bylines/``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from ..document import SPACE_CHARS, Document, Paragraph
from ..findings import Category, Finding, Severity
from .base import Context, Detector, clip
from .boilerplate import doc_lines as _lines

_SP = f"[{SPACE_CHARS}]"
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_QUOTES = "\"“”„«»‘’'‚"
_BY = re.compile(rf"By{_SP}+(.+)$")


@lru_cache(maxsize=4)
def _entries(name: str) -> dict[str, tuple[str, ...]]:
    """Return the entries of ``data/bylines/<name>.txt`` grouped by kind (read once, on first use)."""
    path = resources.files("mtcheck") / "data" / "bylines" / f"{name}.txt"
    out: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, entry = line.partition(" ")
        out.setdefault(kind, []).append(entry.strip())
    return {k: tuple(v) for k, v in out.items()}


def _lower_set(name: str, kind: str) -> frozenset[str]:
    return frozenset(e.lower() for e in _entries(name).get(kind, ()))


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return _lower_set("markers", "particle")


@lru_cache(maxsize=1)
def _not_name() -> frozenset[str]:
    return _lower_set("markers", "not-name")


def _name_token(tok: str) -> bool:
    """Return True for a capitalised name token (``Obasanjo``, ``O'Neill``, ``Al-Sayed``) or an initial (``J.``)."""
    if re.fullmatch(r"[^\W\d_]\.", tok):
        return tok[0].isupper()
    if not re.fullmatch(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", tok):
        return False
    return tok[0].isupper() and not tok.isupper() and tok.lower() not in _not_name()


def name_span(text: str) -> bool:
    """Return True when ``text`` is only a personal name: 2-4 capitalised tokens, name particles allowed."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    caps = 0
    for i, tok in enumerate(tokens):
        if tok.lower() in _particles() and 0 < i < len(tokens) - 1:
            continue
        if not _name_token(tok):
            return False
        caps += 1
    return 2 <= caps <= 4


def _names_list(text: str) -> bool:
    """Return True when ``text`` is one or more names joined by commas, ``and``, ``und``, ``og``, ``och``, ``et``."""
    parts = [p for p in re.split(r"\s*,\s*|\s+(?:and|und|og|och|et|en|&)\s+", text.strip()) if p]
    return bool(parts) and all(name_span(p) for p in parts)


def _plain(text: str) -> str:
    return re.sub(rf"{_SP}+", " ", text).strip()


class StrayAuthorLine(Detector):
    """An author's name on a line of its own in the body of the article (`Jane Doe` after the last paragraph).

    ## What it does
    Flags a line that is only a personal name (two to four capitalised tokens, no verb, no sentence
    punctuation) when it comes after the first body paragraph and either is repeated or stands in the tail
    of the article, where no full paragraph follows it, and names no one the article mentions (the author
    box of the page), and an English `By Jane Doe` byline three or more paragraphs into the body.

    ## Why it matters
    The author box of the source page was scraped with the text; the name line reads as a fragment, and it
    usually names the author of the source article, not of the translation.

    ## False positives
    A byline block at the top (before the first paragraph of 20 words) is normal and silent, and so is a wire
    credit such as `(Reporting by Jane Doe)`. Capitalised sub-headings (`Police Update`) are excluded by a
    list of heading words (`mtcheck/data/bylines/markers.txt`, kind `not-name`) and because a sub-heading
    is followed by text; a caption or tag line in the tail (`Oslo Harbour`) names something the article
    mentions, and stays silent.
    """

    code = "MT401"
    name = "stray-author-line"
    category = Category.BYLINE
    severity = Severity.MAJOR
    bad = ("Ferry strike ends\n\nThe ferry strike that stopped traffic across the fjord for six days ended on Tuesday "
           "after the union and the operator agreed a new wage deal late on Monday night.\n\nThe first boats "
           "left at dawn.\n\nOlwen Trevaskis")
    good = ("Ferry strike ends\n\nBy Olwen Trevaskis\n\nThe ferry strike that stopped traffic across the fjord for "
            "six days ended on Tuesday after the union and the operator agreed a new wage deal late on Monday "
            "night.\n\nThe first boats left at dawn.")

    TAIL_WORDS = 15  # a block this long or longer is article text: a name line before it is not in the tail
    BY_AFTER = 2  # paragraphs after the first body paragraph before an English "By" line counts as stray

    @staticmethod
    def _named_elsewhere(text: str, name: str) -> bool:
        """Return True when a word of the line also occurs in the article text (a place, a topic, a source).

        An author box names someone the article does not mention; a caption or tag line names what it is about.
        """
        for tok in name.split():
            if len(tok) < 3 or tok.lower() in _particles():
                continue
            if re.search(rf"(?<![^\W_]){re.escape(tok)}(?![^\W_])", text):
                return True
        return False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        paras = doc.paragraphs
        body = doc.body_start_index
        candidates: list[tuple[Paragraph, int, int, str]] = []
        for p, s, e in _lines(doc):
            if p.kind == "list_item" or (s, e) != (p.content_start, p.end):
                continue  # a name line is a block of its own
            line = doc.text[s:e]
            m = _BY.match(line)
            # A standfirst can come before the top byline, so "By" counts only a few paragraphs into the body.
            if m and p.index > body + self.BY_AFTER and _names_list(_plain(m.group(1))):
                yield self.finding(s, e, f'Byline "{_plain(line)}" inside the article', suggestion="Delete the line",
                                   confidence=0.8)
                continue
            if name_span(_plain(line)):
                candidates.append((p, s, e, _plain(line)))
        counts = Counter(c[3] for c in candidates)
        names = set(counts)
        # The article text proper: the body without byline lines (``By X``, ``Text: X``) and name lines.
        body_text = "\n".join(doc.text[s:e] for q in paras[body:] for s, e in q.lines
                               if not _is_byline_line(doc.text[s:e], names))
        # longest[i]: the most words of any block after block i (the tail has no full paragraph).
        longest = [0] * (len(paras) + 1)
        for q in reversed(paras):
            longest[q.index] = max(longest[q.index + 1], len(q.words))
        for p, s, e, name in candidates:
            if p.index <= body:
                continue
            repeated = counts[name] > 1
            tail = longest[p.index + 1] < self.TAIL_WORDS
            if not (repeated or (tail and not self._named_elsewhere(body_text, name))):
                continue
            why = "repeated author line" if repeated else "author line"
            yield self.finding(s, e, f'Stray {why} "{name}"', suggestion="Delete the line",
                               confidence=0.85 if repeated else 0.7)


@lru_cache(maxsize=1)
def _byline_markers() -> tuple[tuple[str, bool], ...]:
    """Return (marker, colon required) pairs, longest first; a marker listed with ``:`` needs the colon."""
    out = [(m[:-1], True) if m.endswith(":") else (m, False) for m in _entries("markers").get("byline", ())]
    return tuple(sorted(out, key=lambda mc: len(mc[0]), reverse=True))


def split_byline(line: str) -> str | None:
    """Return what follows a byline marker at the start of ``line`` (``From: X`` -> ``X``), else None."""
    for marker, colon in _byline_markers():
        if not line.startswith(marker):
            continue
        rest = line[len(marker):]
        stripped = rest.lstrip(SPACE_CHARS)
        has_colon = stripped.startswith(":")
        if has_colon:
            stripped = stripped[1:].lstrip(SPACE_CHARS)
        elif colon or stripped == rest:
            continue  # the colon is required, or the marker runs into the next word
        return stripped or None
    return None


def _is_byline_line(line: str, names: set[str]) -> bool:
    plain = _plain(line)
    if plain in names:
        return True
    m = _BY.match(line)
    rest = m.group(1) if m else split_byline(line)
    return bool(rest) and _names_list(_plain(rest))


class TranslatedByline(Detector):
    """A byline with a source-language or mistranslated marker (`From: Jane Doe`, `Von Jane Doe`, `Av Jane Doe`).

    ## What it does
    Flags a line made of a byline marker (German `Von`, Scandinavian `Av`/`Af`, Dutch `Door`, French `Par`,
    and their literal translations such as `From:`) followed only by one or more personal names.

    ## Why it matters
    English bylines say `By`; `From: Name` is the machine translation of German `Von`, and an untranslated
    marker shows that the page header was scraped with the article.

    ## False positives
    The rest of the line must be personal names only, so `From Oslo to Bergen` or `From: the ministry` is
    silent.
    """

    code = "MT402"
    name = "translated-byline"
    category = Category.BYLINE
    severity = Severity.MAJOR
    bad = "From: Lisbeth Kvarnstrand\n\nThe new bridge opened on Friday."
    good = "From Oslo to Bergen\n\nThe new bridge opened on Friday."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for _p, s, e in _lines(doc):
            line = doc.text[s:e]
            rest = split_byline(line)
            if rest and _names_list(_plain(rest)):
                yield self.finding(s, e, f'Translated byline "{_plain(line)}"', suggestion="Delete the line",
                                   confidence=0.85)


class GeneratedBio(Detector):
    """A generated author bio (`"Tea pioneer. Certified board game fan. Stubbornly modest reader."`).

    ## What it does
    Flags a block made of two or more short verbless fragments of which at least two (and at least half) end
    in a bio role noun (`lover`, `fan`, `ninja`, `evangelist`...), usually after intensifiers (`certified`,
    `devoted`, `stubbornly modest`). The vocabulary is in `mtcheck/data/bylines/bio.txt`.

    ## Why it matters
    Content farms that republish machine translations attach a randomly generated bio to a fake author; in
    the article it is a nonsensical addition.

    ## False positives
    Every fragment must be six words or fewer, so sentences about fans or experts are silent.
    """

    code = "MT403"
    name = "generated-bio"
    category = Category.BYLINE
    severity = Severity.MAJOR
    bad = "The match ended in a draw.\n\nDevoted tea ninja. Award-winning bacon evangelist. Typical music fan."
    good = "The match ended in a draw.\n\nThe fans sang until the end, and one lover of the game wept."

    MAX_FRAGMENT_WORDS = 6

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        nouns = _lower_set("bio", "noun")
        modifiers = _lower_set("bio", "modifier")
        for p in doc.paragraphs:
            text = p.text
            core = text.strip(SPACE_CHARS + "\r\n" + _QUOTES)
            if not core or len(p.words) > 40:
                continue
            fragments = [f.strip(SPACE_CHARS + "\r\n") for f in re.split(r"[.!;]+", core)]
            fragments = [f for f in fragments if f]
            if len(fragments) < 2:
                continue
            if any(len(_WORD.findall(f)) > self.MAX_FRAGMENT_WORDS for f in fragments):
                continue
            ending = 0
            boosted = 0
            for frag in fragments:
                words = [w.lower() for w in _WORD.findall(frag)]
                if not words:
                    continue
                last2 = " ".join(words[-2:])
                if words[-1] in nouns or last2 in nouns:
                    ending += 1
                if any(w in modifiers for w in words[:-1]) or any(m in frag.lower() for m in modifiers if " " in m):
                    boosted += 1
            if ending >= 2 and 2 * ending >= len(fragments):
                conf = 0.9 if boosted else 0.7
                yield self.finding(p.content_start, p.end, f'Generated author bio "{_short(core)}"',
                    suggestion="Delete the bio", confidence=conf)


_short = clip


# A credit: capitalised names, agencies, digits (``TV 2``) and name particles joined by spaces, ``/``, ``,`` or ``&``.
_CREDIT_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.\-&]*|\d+|(?:van|von|de|der|den|da|di|du|la|le)(?=[ \u00a0]))"
_CREDIT_BODY = rf"{_CREDIT_TOKEN}(?:[ \u00a0]*[/,&+]?[ \u00a0]*{_CREDIT_TOKEN}){{0,7}}"


@lru_cache(maxsize=1)
def _credit_pattern() -> re.Pattern[str]:
    """Return the regex of a credit marker (``Photo:``, ``Foto.``, ``©``) followed by the credited names."""
    markers = [m for m in _entries("markers").get("credit", ()) if m != "©"]
    alts = "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
    return re.compile(rf"(?:\b(?:{alts})[ \u00a0]*[:.][ \u00a0]*|©[ \u00a0]*)(?P<body>{_CREDIT_BODY})")


class BrokenPhotoCredit(Detector):
    """A photo credit that the scrape broke: an unbalanced bracket, or glued to the text around it.

    ## What it does
    Flags a credit (`Photo:`, `Photograph:`, `Foto:`, `Bild:`, `©` followed by a name or agency) when a
    bracket around it is unbalanced (`... 2023. Photograph: Jane Doe/AFP)`) or when it is glued to the word
    or full stop before it (`the square.Photo: Jane Doe/NTB`).

    ## Why it matters
    The caption of a removed picture has been run into the text; the broken punctuation shows that it is a
    leftover, not an intended credit line.

    ## False positives
    Intact credits are normal in news pages (`Photo: Jane Doe/TT` at the end of a caption, `Photo. X/TT`,
    `Credit: REUTERS`) and stay silent: a credit is only flagged when its punctuation is broken.
    """

    code = "MT404"
    name = "broken-photo-credit"
    category = Category.BYLINE
    severity = Severity.MINOR
    bad = "The two leaders met at the port in May. Photograph: Jane Doe/AFP)\n\nTalks continue."
    good = "The two leaders met at the port in May. Photo: Jane Doe/AFP\n\nTalks continue."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        pattern = _credit_pattern()
        for p in doc.paragraphs:
            text = p.text
            for m in pattern.finditer(text):
                a, b = m.start(), m.end("body")
                while b > a and text[b - 1] in ".,":
                    b -= 1
                before, after = text[:a], text[b:]
                # Glued: the marker follows a word or a full stop without a space ("flowers.Photo: X").
                glued = bool(before) and (before[-1].isalpha() and before[-1].islower()
                                          or (before[-1] in ".!?" and a >= 2 and before[-2].isalnum()))
                unbalanced = ""
                if after[:1] in (")", "]"):
                    opener = "(" if after[0] == ")" else "["
                    if before.count(opener) <= before.count(after[0]):
                        unbalanced = after[0]
                        b += 1
                elif before.count("(") > before.count(")") and ")" not in after:
                    unbalanced = "("
                if not (unbalanced or glued):
                    continue
                start = p.content_start + a
                end = p.content_start + b
                why = "unbalanced bracket" if unbalanced else "glued to the text"
                yield self.finding(start, end, f'Photo credit in the text ({why}) "{_short(doc.text[start:end])}"',
                                   suggestion="Move the credit to the caption or delete it", confidence=0.75)


DETECTORS = [StrayAuthorLine, TranslatedByline, GeneratedBio, BrokenPhotoCredit]
