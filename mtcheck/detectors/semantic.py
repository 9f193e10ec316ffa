"""Semantic detectors (MT8xx): sentence-embedding similarity catches what no pattern names.

They run only when embeddings are on (``requires_embeddings``) and read the vectors that ``ctx.embeddings``
(``mtcheck.embeddings.DocEmbeddings``) computed once for the document. Thresholds are cosine similarities
calibrated for the bundled all-MiniLM-L6-v2; another ``--model`` has another similarity scale.

Exemplar banks are data: ``mtcheck/data/exemplars/<category>.txt`` (boilerplate, byline, calque), one invented line
per exemplar, ``#`` for comments. Users add files through ``Settings.extra_exemplars``: a file named after a
category (``boilerplate.txt``) holds plain lines of that category; any other file holds ``category<TAB>text``
lines (a plain line in a file named after a category also works there).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..findings import Category, Finding, Severity
from .base import Context, Detector, clip

if TYPE_CHECKING:
    from ..document import Document
    from ..embeddings import DocEmbeddings

EXEMPLAR_CATEGORIES = ("boilerplate", "byline", "calque")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SPACES = re.compile(r"\s+")
# A paragraph that reports speech or quotes someone is article content, however far from its neighbours.
_ATTRIBUTION = re.compile(r"\b(?:says?|said|tells?|told|according to|writes?|wrote|add(?:s|ed)|explain(?:s|ed)|"
                          r"stated?|states|report(?:s|ed)|confirm(?:s|ed)|not(?:es|ed))\b|[\"“”«»„]", re.IGNORECASE)


# Teasers and promos are headlines; a paragraph that ends like a sentence is prose of the article itself.
_SENTENCE_END = re.compile(r"[.…]['’\"”»)\]]*\s*$")



# MT801 and MT802 compare every pair of paragraphs (and MT801 every pair of sentences); beyond this many
# paragraphs the input is a page dump rather than an article, and they are skipped (the exemplar detectors
# MT803-MT805 still run).
MAX_PAIRWISE_PARAGRAPHS = 1000

def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _alpha_words(text: str) -> int:
    return sum(1 for w in _WORD.findall(text) if any(c.isalpha() for c in w))


_quote = clip


def _confidence(similarity: float, threshold: float, above: bool = True) -> float:
    """Map the margin past the threshold onto 0.5..0.99 (at the threshold 0.5, at the far end 0.99)."""
    if above:
        span, margin = 1.0 - threshold, similarity - threshold
    else:
        span, margin = threshold, threshold - similarity
    return max(0.5, min(0.99, 0.5 + 0.5 * margin / max(span, 1e-6)))


def _embeddings(ctx: Context) -> DocEmbeddings:
    if ctx.embeddings is None:  # the engine skips these detectors without embeddings; guard direct calls
        raise RuntimeError("semantic detectors need ctx.embeddings")
    return ctx.embeddings  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------- exemplar banks


def _parse_exemplars(text: str, source: str, default: str | None) -> list[tuple[str, str]]:
    out = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, sep, rest = raw.partition("\t")
        if sep and head.strip().lower() in EXEMPLAR_CATEGORIES and rest.strip():
            out.append((head.strip().lower(), rest.strip()))
        elif default is not None:
            out.append((default, line))
        else:
            raise ConfigError(f"{source}:{lineno}: expected 'category<TAB>text' with a category among "
                              f"{', '.join(EXEMPLAR_CATEGORIES)} (or name the file after its category)")
    return out


@lru_cache(maxsize=8)
def load_exemplars(extra: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Return the exemplar lines per category: the shipped banks, then the user's ``extra`` files."""
    from importlib.resources import files

    banks: dict[str, list[str]] = {c: [] for c in EXEMPLAR_CATEGORIES}
    base = files("mtcheck") / "data" / "exemplars"
    for cat in EXEMPLAR_CATEGORIES:
        res = base / f"{cat}.txt"
        if res.is_file():
            for c, t in _parse_exemplars(res.read_text(encoding="utf-8"), f"exemplars/{cat}.txt", cat):
                banks[c].append(t)
    for path in extra:
        p = Path(path).expanduser()
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"cannot read exemplar file {path}: {err}") from err
        stem = p.name.split(".")[0].lower()
        for c, t in _parse_exemplars(text, str(path), stem if stem in EXEMPLAR_CATEGORIES else None):
            banks[c].append(t)
    return {c: tuple(dict.fromkeys(lines)) for c, lines in banks.items()}


def _bank_vectors(emb: DocEmbeddings, extra: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], Any]]:
    """Return (lines, unit rows) per category, encoded once per run and kept on the encoder."""
    key = ("exemplar-banks", extra)
    memo = emb.encoder.memo
    if key not in memo:
        banks = {c: lines for c, lines in load_exemplars(extra).items() if lines}
        vecs = emb.encode([t for lines in banks.values() for t in lines])  # one batched call for every bank
        out, row = {}, 0
        for c, lines in banks.items():
            out[c] = (lines, vecs[row:row + len(lines)])
            row += len(lines)
        memo[key] = out
    return memo[key]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ExemplarMatch:
    """A paragraph or sentence close to an exemplar of ``category``."""

    category: str
    start: int
    end: int
    paragraph: int
    similarity: float
    threshold: float
    exemplar: str


def exemplar_matches(doc: Document, ctx: Context) -> list[ExemplarMatch]:
    """Return the document's units that resemble an exemplar, one category per unit (computed once per document).

    Units are short paragraphs (2 to 30 words) and the sentences (2 to 25 words) of paragraphs with several; when
    both a paragraph and sentences of it match, the sentences win only if the paragraph also holds prose. A unit takes
    the category whose threshold it passes by the widest margin; bylines count only in the body, and calques only
    for units of at most 8 words.
    """
    emb = _embeddings(ctx)
    if "exemplar-matches" in emb.memo:
        return emb.memo["exemplar-matches"]  # type: ignore[no-any-return]
    import numpy as np

    settings = ctx.settings
    extra = tuple(getattr(settings, "extra_exemplars", None) or ())
    banks = _bank_vectors(emb, extra)
    thresholds = {"boilerplate": BoilerplateExemplar.threshold, "byline": BylineExemplar.threshold,
                  "calque": CalqueExemplar.threshold}
    units: list[tuple[int, int, int, int, Any]] = []  # start, end, paragraph, words, vector
    pvec, svec = emb.paragraph_vectors, emb.sentence_vectors
    row = 0
    for p in doc.paragraphs:
        n = len(p.words)
        if 2 <= n <= 30:
            units.append((p.content_start, p.end, p.index, n, pvec[p.index]))
        if len(p.sentences) > 1:
            for k, s in enumerate(p.sentences):
                w = _words(s.text)
                if 2 <= w <= 25:
                    units.append((s.start, s.end, p.index, w, svec[row + k]))
        row += len(p.sentences)
    matches: list[ExemplarMatch] = []
    if units and banks:
        mat = np.stack([u[4] for u in units])
        best: dict[str, tuple[Any, Any]] = {}
        for cat, (_lines, vecs) in banks.items():
            sims = mat @ vecs.T
            best[cat] = (sims.max(axis=1), sims.argmax(axis=1))
        for i, (start, end, para, words, _v) in enumerate(units):
            choice = None
            for cat, (mx, arg) in best.items():
                thr = thresholds[cat]
                if cat == "byline" and (para < doc.body_start_index or words < 3):
                    continue
                if cat == "calque" and words > 8:
                    continue
                margin = float(mx[i]) - thr
                if margin >= 0 and (choice is None or margin > choice[0]):
                    choice = (margin, cat, float(mx[i]), banks[cat][0][int(arg[i])])
            if choice:
                matches.append(ExemplarMatch(choice[1], start, end, para, choice[2], thresholds[choice[1]], choice[3]))
    # When a paragraph and sentences of it both match: in a paragraph that also holds prose (an unmatched
    # sentence of 6+ words) the sentences are the precise spans; otherwise the whole paragraph is the artefact.
    whole = {m.paragraph for m in matches if _is_whole(doc, m)}
    parts: dict[int, set[tuple[int, int]]] = {}
    for m in matches:
        if m.paragraph in whole and not _is_whole(doc, m):
            parts.setdefault(m.paragraph, set()).add((m.start, m.end))
    mixed = {i for i, spans in parts.items()
             if any(_words(s.text) >= 6 and (s.start, s.end) not in spans for s in doc.paragraphs[i].sentences)}
    matches = [m for m in matches if m.paragraph not in parts or (m.paragraph in mixed) != _is_whole(doc, m)]
    emb.memo["exemplar-matches"] = matches
    return matches


def _is_whole(doc: Document, m: ExemplarMatch) -> bool:
    p = doc.paragraphs[m.paragraph]
    return (m.start, m.end) == (p.content_start, p.end)


class _ExemplarDetector(Detector):
    """Shared ``check`` of the exemplar-bank detectors."""

    requires_embeddings = True
    bank: str = ""
    what: str = ""
    suggestion: str = ""

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """Yield a finding for each unit whose closest exemplar is of this detector's bank."""
        for m in exemplar_matches(doc, ctx):
            if m.category != self.bank:
                continue
            yield self.finding(m.start, m.end,
                               f"\"{_quote(doc.text[m.start:m.end])}\" resembles {self.what} "
                               f"(\"{_quote(m.exemplar, 40)}\", similarity {m.similarity:.2f})",
                               suggestion=self.suggestion, confidence=_confidence(m.similarity, m.threshold),
                               similarity=round(m.similarity, 3), exemplar=m.exemplar)


class BoilerplateExemplar(_ExemplarDetector):
    """A line that means the same as known page furniture: an ad marker, a teaser, a comment form.

    ## What it does
    Compares every short paragraph (2 to 30 words) and every sentence of 2 to 25 words with the boilerplate
    exemplar bank (``mtcheck/data/exemplars/boilerplate.txt`` plus the user's exemplar files) and flags a unit whose
    cosine similarity to its closest exemplar is at least ``threshold`` (0.60 with all-MiniLM-L6-v2). It catches
    paraphrases that no lexicon lists: "Continue reading below the advertisement", "Please type your comment".

    ## Why it matters
    Scraped page furniture in a published article is an addition the source never had; readers see it at once.
    The MT3xx lexicons name the common wordings; this catches the rest.

    ## False positives
    A real sentence about newsletters, cookies or comments can come close to an exemplar; the threshold is set
    so that none of the clean reference articles fires. Severity is minor because the evidence is similarity,
    not a named pattern: when an MT3xx heuristic flags the same line, the report keeps that finding.
    """

    code = "MT803"
    name = "boilerplate-like"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    threshold = 0.60
    bank = "boilerplate"
    what = "page furniture"
    suggestion = "Delete the line if it is not part of the article"
    bad = ("The harbour council met on Tuesday to vote on the new ferry timetable for the islands.\n\n"
           "Please type your comment here\n\n"
           "The vote passed with a narrow majority after a long debate about costs.")
    good = ("The harbour council met on Tuesday to vote on the new ferry timetable for the islands.\n\n"
            "The vote passed with a narrow majority after a long debate about costs.")


class BylineExemplar(_ExemplarDetector):
    """A paragraph in the body that reads like an author bio or a byline block.

    ## What it does
    Compares body paragraphs and sentences (from ``doc.body_start_index`` on, at least 3 words) with the byline
    exemplar bank (generated author bios such as "Tea enthusiast. Lifelong music fanatic.", "About the author")
    and flags those at or above ``threshold`` (0.55 with all-MiniLM-L6-v2).

    ## Why it matters
    Republishing sites append a bio, often a generated string of labels, after the article; machine translation
    keeps it. It is not part of the story and makes the page look spammy.

    ## False positives
    Only the body is checked, so the real byline at the top of an article stays silent. A genuine closing line
    about the author ("The writer is a former diplomat") can match; suppress it or raise the severity threshold.
    """

    code = "MT804"
    name = "byline-like"
    category = Category.BYLINE
    severity = Severity.MINOR
    threshold = 0.55
    bank = "byline"
    what = "an author bio"
    suggestion = "Remove the bio or byline from the body"
    bad = ("The harbour council met on Tuesday to vote on the new ferry timetable for the islands.\n\n"
           "The vote passed with a narrow majority after a long debate about costs.\n\n"
           "Coffee enthusiast. Lifelong music fanatic. Dedicated internet nerd.")
    good = ("The harbour council met on Tuesday to vote on the new ferry timetable for the islands.\n\n"
            "The vote passed with a narrow majority after a long debate about costs.")


class CalqueExemplar(_ExemplarDetector):
    """A very short sentence that closely paraphrases a known whole-sentence calque.

    ## What it does
    Compares sentences and paragraphs of at most 8 words with the calque exemplar bank (inverted attributions
    such as "She writes Aftenposten.") and flags those at or above ``threshold`` (0.85 with all-MiniLM-L6-v2).

    ## Why it matters
    A short calqued sentence reads as broken English; the MT2xx lexicons catch the known wordings, this catches
    close variants of the bank and of the user's own exemplars.

    ## False positives
    Sentence embeddings of a small English model encode the topic more than the register, so an idiomatic
    sentence on the same topic ("We are following the case closely") scores close to a calque. The threshold is
    therefore high and the detector fires only on near-paraphrases; most calques are left to MT2xx.
    """

    code = "MT805"
    name = "calque-like"
    category = Category.CALQUE
    severity = Severity.MINOR
    threshold = 0.85
    bank = "calque"
    what = "a literal translation"
    suggestion = "Rewrite the sentence in idiomatic English"
    bad = ("The harbour council met on Tuesday to vote on the new ferry timetable for the islands.\n\n"
           "She writes Aftenposten.")
    good = ("The harbour council met on Tuesday to vote on the new ferry timetable for the islands.\n\n"
            "She told Aftenposten that the vote was close.")


# ---------------------------------------------------------------------------------------------- near-duplicates


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()


def near_duplicates(doc: Document, ctx: Context) -> list[tuple[int, int, int, int, float, float]]:
    """Return (start, end, repeated_start, repeated_end, similarity, text ratio) of each near-duplicate unit.

    The unit is the later of two paragraphs (or sentences) that say the same thing with the same words.
    """
    emb = _embeddings(ctx)
    if "near-duplicates" in emb.memo:
        return emb.memo["near-duplicates"]  # type: ignore[no-any-return]
    det = NearDuplicate
    if len(doc.paragraphs) > MAX_PAIRWISE_PARAGRAPHS:  # a whole site dump, not an article: pairs would not fit
        emb.memo["near-duplicates"] = []
        return []
    skip = {m.paragraph for m in exemplar_matches(doc, ctx) if _is_whole(doc, m)}
    paras = [p for p in doc.paragraphs if len(p.words) >= det.min_words and p.index not in skip]
    out: list[tuple[int, int, int, int, float, float]] = []
    flagged: set[int] = set()
    if len(paras) >= 2:
        sim = emb.paragraph_similarity
        for b in paras:
            for a in paras:
                if a.index >= b.index:
                    break
                if a.index != 0 and min(len(a.words), len(b.words)) < det.min_body_words:
                    continue  # two short body lines on one subject ("Both ... are moving.") are not copies
                s = float(sim[a.index, b.index])
                if s < det.threshold:
                    continue
                r = _ratio(a.text, b.text)
                if r >= det.min_text_ratio:
                    out.append((b.content_start, b.end, a.content_start, a.end, s, r))
                    flagged.update((a.index, b.index))
                    break
    # Sentences repeated across paragraphs (a lead sentence printed again inside a later paragraph).
    sents = [(j, s, emb.sentence_paragraph[j]) for j, s in enumerate(doc.sentences)
             if _words(s.text) >= det.min_sentence_words and emb.sentence_paragraph[j] not in flagged
             and emb.sentence_paragraph[j] not in skip]
    if len(sents) >= 2:
        vec = emb.sentence_vectors
        idx = [j for j, _s, _p in sents]
        sims = vec[idx] @ vec[idx].T  # one matrix product; only pairs above the threshold reach the loop below
        done: set[int] = set()
        for b, (jb, sb, pb) in enumerate(sents):
            for a in [int(x) for x in (sims[b, :b] >= det.sentence_threshold).nonzero()[0]]:
                ja, sa, pa = sents[a]
                if pa == pb or pb in done:
                    continue
                s = float(sims[b, a])
                if (r := _ratio(sa.text, sb.text)) >= det.min_sentence_ratio:
                    out.append((sb.start, sb.end, sa.start, sa.end, s, r))
                    done.add(pb)
                    break
    emb.memo["near-duplicates"] = out
    return out


class NearDuplicate(Detector):
    """A paragraph or sentence that repeats an earlier one with small changes.

    ## What it does
    Flags the later of two paragraphs (at least 8 words; 5 when one is the headline) whose embeddings have a
    cosine similarity of at least ``threshold`` (0.85) and whose texts are at least 65% alike (difflib ratio): the headline printed again with
    a section name, a caption repeated with its photo credit, a title with one word translated differently.
    Sentences of at least 6 words in different paragraphs are compared too, with stricter limits (0.95 and 80%).
    Lines that match a boilerplate or byline exemplar are left to MT803/MT804.

    ## Why it matters
    Scrapers and translation pipelines duplicate headlines, leads and captions; the copy is an addition that the
    reader notices. Exact copies are easy; copies that the translation changed slightly need similarity.

    ## False positives
    A lead that restates the headline in other words stays silent because the text guard requires the same
    words. A wire story that repeats its lead with a dateline is flagged, which is usually what an editor wants.
    """

    code = "MT801"
    name = "near-duplicate"
    category = Category.DUPLICATE
    severity = Severity.MAJOR
    requires_embeddings = True
    threshold = 0.85
    min_text_ratio = 0.65
    min_words = 5  # the headline and its copy
    min_body_words = 8  # two body paragraphs
    sentence_threshold = 0.95
    min_sentence_ratio = 0.80
    min_sentence_words = 6
    bad = ("Ferry fares rise again on the island routes\n\n"
           "Ferry fares rise again on the island routes – Local news\n\n"
           "The harbour council approved higher ferry fares on Tuesday after a long debate about costs.")
    good = ("Ferry fares rise again on the island routes\n\n"
            "The harbour council approved higher ferry fares on Tuesday after a long debate about costs.")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding on the later copy of each near-duplicate pair."""
        for start, end, a_start, _a_end, sim, ratio in near_duplicates(doc, ctx):
            line = doc.line_col(a_start)[0]
            yield self.finding(start, end,
                               f"\"{_quote(doc.text[start:end])}\" repeats line {line} "
                               f"(similarity {sim:.2f}, text {ratio:.0%} alike)",
                               suggestion="Delete the repeated copy", confidence=_confidence(sim, self.threshold),
                               similarity=round(sim, 3), repeats_line=line)


# ---------------------------------------------------------------------------------------------- off-topic inserts


class OffTopicInsert(Detector):
    """A short body paragraph unrelated to every other paragraph: a teaser or promo from another page.

    ## What it does
    For each body paragraph of 4 to 30 words (at least 4 of them alphabetic), computes its cosine similarity to
    every other paragraph and to their mean. When the closest paragraph is below ``threshold`` (0.25) and the
    mean is below ``centroid_threshold`` (0.20), the paragraph is flagged. Articles with fewer than 5 paragraphs
    are not judged. Paragraphs that report or quote speech ("said", "told", quotation marks), near-duplicates and
    lines already matched by an exemplar bank are skipped, and so are paragraphs that end with a full stop:
    teasers and promos are headlines, while a short sentence of prose ("The ministry declined to comment.") is
    part of the article even when its subject is far from the rest.

    ## Why it matters
    Related-story teasers ("How to get your visa renewed in a week"), video promos and headlines of other
    stories are scraped into the body between paragraphs; no lexicon can list every headline.

    ## False positives
    A genuine change of subject (a background paragraph, the items of a live feed or a news round-up) usually
    has a neighbour on the same subject, so it stays silent; a one-paragraph item in a round-up can still fire.
    Severity is minor: it asks an editor to look.
    """

    code = "MT802"
    name = "off-topic-insert"
    category = Category.BOILERPLATE
    severity = Severity.MINOR
    requires_embeddings = True
    threshold = 0.25
    centroid_threshold = 0.20
    min_words = 4
    max_words = 30
    min_paragraphs = 5
    bad = ("Harbour council approves new ferry timetable\n\n"
           "The harbour council approved the new ferry timetable for the island routes on Tuesday evening.\n\n"
           "Ferry passengers will get two extra morning departures from the harbour to the islands in May.\n\n"
           "Ten ways to keep your garden roses blooming all summer long\n\n"
           "The ferry company said the island timetable would cost the harbour council more money.\n\n"
           "Island residents had asked the harbour council for earlier ferry departures for years.")
    good = ("Harbour council approves new ferry timetable\n\n"
            "The harbour council approved the new ferry timetable for the island routes on Tuesday evening.\n\n"
            "Ferry passengers will get two extra morning departures from the harbour to the islands in May.\n\n"
            "The ferry company said the island timetable would cost the harbour council more money.\n\n"
            "Island residents had asked the harbour council for earlier ferry departures for years.")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for each short body paragraph far from all the others."""
        import numpy as np

        emb = _embeddings(ctx)
        paras = [p for p in doc.paragraphs if p.words]
        if not self.min_paragraphs <= len(paras) <= MAX_PAIRWISE_PARAGRAPHS:
            return
        skip = {m.paragraph for m in exemplar_matches(doc, ctx)}
        dup_starts = {d[0] for d in near_duplicates(doc, ctx)} | {d[2] for d in near_duplicates(doc, ctx)}
        vecs = emb.paragraph_vectors
        sim = emb.paragraph_similarity
        for p in paras:
            if p.index < doc.body_start_index or p.index in skip or p.content_start in dup_starts:
                continue
            if not (self.min_words <= len(p.words) <= self.max_words) or _alpha_words(p.text) < self.min_words:
                continue
            if _ATTRIBUTION.search(p.text) or _SENTENCE_END.search(p.text):
                continue
            key = _norm(p.text)
            others = [q.index for q in paras if q.index != p.index and _norm(q.text) != key]
            if len(others) < self.min_paragraphs - 1:
                continue
            best = float(sim[p.index, others].max())
            mean = vecs[others].mean(axis=0)
            norm = float(np.linalg.norm(mean))
            centroid = float(vecs[p.index] @ mean) / norm if norm else 0.0
            if best < self.threshold and centroid < self.centroid_threshold:
                yield self.finding(p.content_start, p.end,
                                   f"\"{_quote(p.text)}\" is unrelated to the rest of the article "
                                   f"(closest paragraph {best:.2f}, article {centroid:.2f})",
                                   suggestion="Delete it if it is a teaser, promo or headline from another page",
                                   confidence=_confidence(best, self.threshold, above=False),
                                   similarity=round(best, 3), centroid=round(centroid, 3))


DETECTORS: list[type[Detector]] = [NearDuplicate, OffTopicInsert, BoilerplateExemplar, BylineExemplar,
                                   CalqueExemplar]
