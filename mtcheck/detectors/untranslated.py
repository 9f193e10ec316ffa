"""Detector family MT7xx: text left in the source language (MQM Accuracy/Untranslated).

Two detectors share one analysis:

* MT701 finds whole sentences and paragraphs in another language with langdetect, restricted to English and the
  usual source languages of translated news. langdetect only runs on a sentence whose share of English function
  words is low, so a clean English article never loads its profiles.
* MT702 finds short runs of source-language words inside an English sentence (``Oslo og Viken``, ``und zwar``)
  with per-language lexicons under ``mtcheck/data/untranslated/`` (one file per language). The lexicons were
  derived from wordfreq: frequent words of the language that are rare in English. Rebuild them with
  ``python -m mtcheck.detectors.untranslated --rebuild``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import SPACE_CHARS
from ..findings import Category, Severity
from .base import Context, Detector, clip

if TYPE_CHECKING:
    from ..document import Document, Paragraph
    from ..findings import Finding

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "untranslated"

# Source languages with a lexicon file (file name = langdetect code) and their names for messages.
LANGUAGE_NAMES = {
    "no": "Norwegian", "sv": "Swedish", "da": "Danish", "de": "German", "nl": "Dutch", "fr": "French",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "fi": "Finnish", "pl": "Polish", "ru": "Russian",
    "uk": "Ukrainian", "ko": "Korean", "ja": "Japanese", "zh-cn": "Chinese", "ar": "Arabic", "tr": "Turkish",
}
LEXICON_LANGS = ("no", "sv", "da", "de", "nl", "fr", "es", "it", "pt", "fi", "pl")
# langdetect profiles loaded: English plus the languages news is usually translated from.
DETECT_LANGS = ("en", *LANGUAGE_NAMES)

MIN_WORDS = 8  # a sentence or paragraph shorter than this is never an MT701 finding
MIN_PROBABILITY = 0.95  # langdetect probability of the foreign language
MAX_ENGLISH_SHARE = 0.2  # above this share of English function words a sentence is English
MAX_CAPITALISED_SHARE = 0.6  # above this share of capitalised words a line is names or a title

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# URLs, e-mail addresses and paths (two slashes or more): their pieces are not words of any language.
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[^\s/]*/[^\s/]*/\S*", re.IGNORECASE)
# Paired quotation marks and Markdown emphasis: foreign titles and quoted words inside them are deliberate.
_QUOTED = re.compile(r"«[^«»]*»|»[^«»]*«|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\""
                     r"|(?<![\w’'])‘[^‘’]*’(?![\w])"
                     r"|(?<!\w)\*[^*\n]+\*(?!\w)|(?<!\w)_[^_\n]+_(?!\w)|\([^()]*\)")
# Words saying that the foreign text is deliberate: a glossary, a quoted slogan, a translated term.
_CUE = re.compile(r"\b(?:translat\w*|meaning|means|literally|phrase|expression|term|word|vocab\w*|slogan|motto|"
                  r"dubbed|so-called|known as|called|norwegian|swedish|danish|german|dutch|flemish|french|"
                  r"spanish|italian|portuguese|finnish|polish|russian|ukrainian|icelandic|bokmål|nynorsk)\b",
                  re.IGNORECASE)
# A gloss after the foreign words: "strandskydd – protection for the coast", "i fjor (last year)".
_GLOSS_AFTER = re.compile(rf"^[{SPACE_CHARS}]*(?:[–—=:]|-[{SPACE_CHARS}]|\()")
_ADJACENT_GAP = re.compile(rf"^[{SPACE_CHARS}]+$")
_SECTION = re.compile(r"^\[([\w-]+)\][ \t]*$", re.MULTILINE)


class Lexicon:
    """The words of one source language that mark a fragment as untranslated.

    ``function`` holds the most frequent words of the language that are not English words, ``connectors`` its
    "and"/"or" (they join two names into an untranslated phrase: Oslo og Viken) and ``words`` other frequent
    words that are not English. ``words`` is computed from wordfreq on first use (an English sentence rarely
    needs it), so no copy of wordfreq's data ships with mtcheck.
    """

    def __init__(self, lang: str, function: frozenset[str], connectors: frozenset[str]) -> None:
        self.lang = lang
        self.function = function
        self.connectors = connectors

    @cached_property
    def words(self) -> frozenset[str]:
        """Return the frequent non-English words of the language besides the function words."""
        return frequent_non_english_words(self.lang) - self.function

    def __contains__(self, word: str) -> bool:
        return word in self.function or word in self.words


def _read_sections(path: Path) -> dict[str, set[str]]:
    """Return the entries of a data file by ``[section]`` (words) or before any section (phrases, one a line).

    '#' starts a comment; entries are lower-cased.
    """
    return _read_sections_text(path.read_text(encoding="utf-8"))


def _read_sections_text(text: str) -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    parts = _SECTION.split(text)
    for name, body in zip(["", *parts[1::2]], parts[0::2]):
        entries = sections.setdefault(name, set())
        if "#" in body:
            body = "\n".join(line.split("#", 1)[0] for line in body.splitlines())
        if name:  # word lists: one word a line
            entries.update(body.lower().split())
        else:  # phrases
            entries.update(" ".join(line.split()).lower() for line in body.splitlines() if line.strip())
    return sections


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    """Return the source-language lexicons, read once per process."""
    out = {}
    for lang in LEXICON_LANGS:
        sec = _read_sections(DATA_DIR / f"{lang}.txt")
        out[lang] = Lexicon(lang, frozenset(sec.get("function", ())), frozenset(sec.get("connector", ())))
    return out


@lru_cache(maxsize=None)
def frequent_non_english_words(lang: str) -> frozenset[str]:
    """Return the 8,000 most frequent words of ``lang`` that are rare in English (wordfreq, read lazily)."""
    from wordfreq import top_n_list, zipf_frequency

    wf = _WORDFREQ_CODE[lang]
    excluded = _PARTICLES | _ENGLISH_HOMOGRAPHS
    out = set()
    for w in top_n_list(wf, 8000):
        if len(w) >= 3 and w.isalpha() and w not in excluded:
            en = zipf_frequency(w, "en")
            if en < 2.5 and zipf_frequency(w, wf) - en >= 2.0:
                out.add(w)
    return frozenset(out)


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """Return frequent English words that are not frequent in the source languages."""
    return frozenset(_read_sections(DATA_DIR / "en.txt").get("function", ()))


@lru_cache(maxsize=1)
def allowed_phrases() -> tuple[str, ...]:
    """Return foreign phrases that English uses as they are (loanwords, official names), longest first."""
    return tuple(sorted(_read_sections(DATA_DIR / "allow.txt").get("", ()), key=len, reverse=True))


@lru_cache(maxsize=None)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    body = rf"[{SPACE_CHARS}]+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _foreign_function_words() -> frozenset[str]:
    return frozenset(w for lex in lexicons().values() for w in lex.function)


@lru_cache(maxsize=1)
def _detector_factory() -> Any:
    """Return a langdetect factory with only the profiles mtcheck needs, seeded so results are deterministic."""
    import langdetect
    from langdetect.detector_factory import DetectorFactory

    directory = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    profiles = []
    for lang in DETECT_LANGS:
        with open(os.path.join(directory, lang), encoding="utf-8") as fh:
            profiles.append(fh.read())
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.seed = 0  # per instance, so other users of langdetect keep their own setting
    return factory


def detect_language(text: str) -> tuple[str, float]:
    """Return langdetect's most probable language of ``text`` and its probability (``("", 0.0)`` if none)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return "", 0.0
    if not probs:
        return "", 0.0
    return probs[0].lang, float(probs[0].prob)


def _mask_quoted(text: str) -> str:
    """Return ``text`` with quoted, emphasised and bracketed parts blanked out (same length)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _mask_allowed(text: str) -> str:
    """Return ``text`` with allowed loan phrases blanked out (same length)."""
    folded = " ".join(text.split()).lower()
    for phrase in allowed_phrases():
        if phrase in folded:
            text = _phrase_pattern(phrase).sub(lambda m: " " * len(m.group()), text)
    return text


def _script_counts(text: str) -> tuple[int, int, int]:
    """Return the numbers of Latin letters, other letters and CJK/Hangul characters of ``text``."""
    latin = other = cjk = 0
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
            latin += 1
        else:
            other += 1
            if 0x3040 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF:
                cjk += 1
    return latin, other, cjk


def _words(text: str) -> list[str]:
    return _TOKEN.findall(_URL.sub(" ", text))


def foreign_language(text: str) -> tuple[str, float] | None:
    """Return (language, probability) when ``text`` is a sentence in another language than English.

    Cheap tests come first (length, names, English function words, cue words); langdetect decides the rest,
    and its verdict on Latin-script text must be backed by function words of the source languages.
    """
    plain = _mask_allowed(_URL.sub(" ", text))
    words = _TOKEN.findall(plain)
    latin, non_latin, cjk = _script_counts(plain)
    if len(words) < MIN_WORDS and cjk < 2 * MIN_WORDS:
        return None
    if _CUE.search(plain):
        return None
    if non_latin <= latin:
        capitalised = sum(1 for w in words if w[0].isupper())
        if capitalised > MAX_CAPITALISED_SHARE * len(words):
            return None
        english = english_function_words()
        if sum(1 for w in words if w.lower() in english) > MAX_ENGLISH_SHARE * len(words):
            return None
        foreign = _foreign_function_words()
        # Lower-case words only (and the first word): "I" is English, "i" is Scandinavian.
        hits = sum(1 for k, w in enumerate(words) if (w.islower() or (k == 0 and w != "I")) and w.lower() in foreign)
        if hits < max(2, len(words) // 5):
            return None
    lang, prob = detect_language(plain)
    if not lang or lang == "en" or prob < MIN_PROBABILITY:
        return None
    return lang, prob


_quote = partial(clip, limit=40)


def _foreign_spans(doc: Document, ctx: Context) -> list[tuple[int, int, str, float, bool]]:
    """Return (start, end, lang, probability, whole_paragraph) of the foreign sentences, merged per paragraph.

    The result is kept in ``ctx.resources`` for the document, so MT701 and MT702 analyse it once.
    """
    resources = ctx.resources if ctx is not None and ctx.resources is not None else {}
    cached = resources.get("untranslated.foreign")
    if cached is not None and cached[0] is doc:
        return cached[1]
    spans: list[tuple[int, int, str, float, bool]] = []
    for para in doc.paragraphs:
        spans.extend(_paragraph_foreign_spans(para))
    resources["untranslated.foreign"] = (doc, spans)
    return spans


def _paragraph_foreign_spans(para: Paragraph) -> list[tuple[int, int, str, float, bool]]:
    whole = foreign_language(para.text) if len(para.sentences) > 1 else None
    english = english_function_words()
    if whole is not None:
        # A paragraph mostly in the source language may still hold an English sentence: then go sentence by sentence.
        mixed = False
        for s in para.sentences:
            ws = _words(s.text)
            if len(ws) >= 5 and sum(1 for w in ws if w.lower() in english) > MAX_ENGLISH_SHARE * len(ws):
                mixed = True
                break
        if not mixed:
            return [(para.content_start, para.end, whole[0], whole[1], True)]
    out: list[tuple[int, int, str, float, bool]] = []
    for s in para.sentences:
        found = foreign_language(s.text)
        if found is None:
            continue
        if out and out[-1][2] == found[0] and _ADJACENT_GAP.match(para.text[out[-1][1] - para.content_start:
                                                                            s.start - para.content_start] or " "):
            start, _, lang, prob, _ = out[-1]
            out[-1] = (start, s.end, lang, max(prob, found[1]), False)
        else:
            out.append((s.start, s.end, found[0], found[1], False))
    if len(out) == 1 and out[0][0] <= para.content_start and out[0][1] >= para.end:
        out[0] = (*out[0][:4], True)
    return out


class UntranslatedParagraph(Detector):
    """A whole sentence or paragraph left in the source language.

    ## What it does
    Runs a language identifier (langdetect, seeded, restricted to English and the usual source languages of
    translated news) on each paragraph and on each sentence of at least eight words, and flags text that is
    in another language with a probability of at least 0.95. Consecutive foreign sentences of a paragraph
    make one finding.

    ## Why it matters
    A sentence the machine translation skipped (MQM Accuracy/Non-translation) is unreadable for the audience
    and usually means content is missing from the English version: the article cannot be published as it is.

    ## False positives
    Lines made mostly of names, numbers or URLs, sentences with many English function words, and text in
    quotation marks, italics or brackets are skipped, and so is a sentence that says the foreign text is
    deliberate (a glossary line, "which translates as", a language name). A long quotation left in the
    original language on purpose without any such cue is still flagged: check the source.
    """

    code = "MT701"
    name = "untranslated-paragraph"
    category = Category.UNTRANSLATED
    severity = Severity.CRITICAL
    bad = ("The minister spoke to reporters on Monday.\n\n"
           "Regjeringen vil ikke si noe om saken før neste uke, sier statsministeren til avisen.")
    good = ("The minister spoke to reporters on Monday.\n\n"
            "The government will not comment on the case until next week, the prime minister told the paper.")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per run of foreign sentences."""
        for start, end, lang, prob, whole in _foreign_spans(doc, ctx):
            language = LANGUAGE_NAMES.get(lang, lang)
            what = "Paragraph" if whole else "Sentence"
            yield self.finding(start, end, f"{what} left in {language}: \"{_quote(doc.text[start:end])}\"",
                               suggestion=f"Translate the {what.lower()} from {language} into English",
                               confidence=min(0.99, prob), language=lang)


@dataclass
class _Token:
    start: int
    end: int
    text: str
    lower: str
    first: bool  # first word of its sentence


class UntranslatedFragment(Detector):
    """A run of source-language words left inside an English sentence.

    ## What it does
    Looks for two or more adjacent words of one source language (Norwegian, Swedish, Danish, German, Dutch,
    French, Spanish, Italian, Portuguese, Finnish, Polish) of which at least one is a frequent function word,
    such as `und zwar`, `i fjor`, `och så vidare`, and for two names joined by a source-language "and"/"or"
    (`Oslo og Viken`). The word lists are data files under `mtcheck/data/untranslated/`: frequent words of
    each language that are rare in English (derived from wordfreq).

    ## Why it matters
    Machine translation leaves short phrases untranslated when it misreads them as names, and the result
    reads as a typo or a mistake to an English reader (MQM Accuracy/Untranslated).

    ## False positives
    Names are written with capitals and name particles (`von`, `van`, `de`, `af`) are not in the lists, so
    `Søren Thomassen` or `Ursula von der Leyen` stay silent. Loanwords and official names English keeps as
    they are (`je ne sais quoi`, `Troms og Finnmark`, listed in `allow.txt`), quoted or italic titles,
    bracketed originals, glossary lines (`strandskydd – protection for the coast`) and sentences that name
    the language or say the words are a term are skipped.
    """

    code = "MT702"
    name = "untranslated-fragment"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    bad = "Heavy rain is expected in Oslo og Viken on Tuesday, and the roads were closed i fjor as well."
    good = "Heavy rain is expected in Oslo and Viken on Tuesday, and the roads were closed last year as well."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per untranslated run of words."""
        foreign = _foreign_spans(doc, ctx)
        lexs = lexicons()
        for para in doc.paragraphs:
            for sent in para.sentences:
                if any(a < sent.end and sent.start < b for a, b, *_ in foreign):
                    continue
                yield from self._check_sentence(doc, sent.start, sent.text, lexs)

    def _check_sentence(self, doc: Document, offset: int, text: str,
                        lexs: dict[str, Lexicon]) -> Iterator[Finding]:
        if _CUE.search(text):
            return
        masked = _mask_allowed(_mask_quoted(_URL.sub(lambda m: " " * len(m.group()), text)))
        tokens = [_Token(m.start(), m.end(), m.group(), m.group().lower(), False) for m in _TOKEN.finditer(masked)]
        if not tokens:
            return
        # The first word of the sentence (after any leading punctuation) may be capitalised function word.
        if not masked[: tokens[0].start].strip(SPACE_CHARS + "\"'«“‘(—–-"):
            tokens[0].first = True
        candidates: list[tuple[int, int, int, str]] = []  # (evidence, start, end, lang)
        for lang, lex in lexs.items():
            candidates.extend(self._runs(masked, tokens, lex))
        taken: list[tuple[int, int]] = []
        for evidence, start, end, lang in sorted(candidates, key=lambda c: (-c[0], c[1] - c[2], c[1])):
            if any(a < end and start < b for a, b in taken):
                continue
            if _GLOSS_AFTER.match(masked[end:]):
                continue
            taken.append((start, end))
            language = LANGUAGE_NAMES[lang]
            span = text[start:end]
            yield self.finding(offset + start, offset + end, f"Untranslated {language}: \"{_quote(span)}\"",
                               suggestion=f"Translate \"{_quote(span)}\" from {language} into English",
                               confidence=min(0.95, 0.6 + 0.1 * evidence), language=lang)

    @staticmethod
    def _runs(text: str, tokens: list[_Token], lex: Lexicon) -> Iterator[tuple[int, int, int, str]]:
        def adjacent(a: _Token, b: _Token) -> bool:
            return bool(_ADJACENT_GAP.match(text[a.end:b.start]))

        def evidence(t: _Token) -> bool:
            return (t.text.islower() or t.first) and t.lower in lex

        n = len(tokens)
        has_function = any((t.text.islower() or t.first) and t.lower in lex.function for t in tokens)
        if not has_function and not any(t.lower in lex.connectors for t in tokens[1:-1]):
            return  # no run can qualify: spare parsing the larger word list
        i = 0
        while i < n:
            # Two names joined by a source-language connector: "Oslo og Viken".
            t = tokens[i]
            if (0 < i < n - 1 and t.text.islower() and t.lower in lex.connectors
                    and tokens[i - 1].text[0].isupper() and tokens[i + 1].text[0].isupper()
                    and not tokens[i - 1].first
                    and adjacent(tokens[i - 1], t) and adjacent(t, tokens[i + 1])):
                yield 1, tokens[i - 1].start, tokens[i + 1].end, lex.lang
            if not has_function or not evidence(t):
                i += 1
                continue
            j = i
            while j + 1 < n and adjacent(tokens[j], tokens[j + 1]) and tokens[j + 1].lower in lex:
                j += 1
            run = tokens[i:j + 1]
            ev = [r for r in run if evidence(r)]
            if len(ev) >= 2 and any(r.lower in lex.function for r in ev):
                # Trim capitalised words at the end that are not evidence (names after the fragment).
                while run and not evidence(run[-1]):
                    run.pop()
                yield len(ev), run[0].start, run[-1].end, lex.lang
            i = j + 1


DETECTORS = [UntranslatedParagraph, UntranslatedFragment]


# ---------------------------------------------------------------------------------------------------------------
# Lexicon builder (maintainers only): python -m mtcheck.detectors.untranslated --rebuild

# wordfreq code of each lexicon file.
_WORDFREQ_CODE = {"no": "nb", "sv": "sv", "da": "da", "de": "de", "nl": "nl", "fr": "fr", "es": "es", "it": "it",
                  "pt": "pt", "fi": "fi", "pl": "pl"}
# Name particles (von der Leyen, van Gogh, de la Cruz, af Wetterstedt): never evidence of a fragment.
_PARTICLES = {"de", "da", "do", "dos", "das", "di", "del", "della", "delle", "degli", "dei", "du", "des", "la",
              "le", "les", "el", "los", "las", "lo", "van", "von", "der", "den", "ter", "ten", "te", "zu",
              "zum", "zur", "af", "av", "y", "e", "bin", "al", "ibn", "auf", "im", "am", "an", "vom", "op", "dem",
              "och", "und", "og", "en", "et", "i", "o", "ou", "a", "à", "ao", "au", "aux"}
# English words spelt like a frequent source-language word (in vain, pale ale, sans serif, mai tai, bon mot).
_ENGLISH_HOMOGRAPHS = {"vain", "ale", "boa", "sans", "tai", "mai", "mot", "mal", "ut", "po", "prima", "ora", "dia"}
# Connectors ("and", "or") per language, and words wordfreq cannot tell from English because it lowercases
# ("i" is the Scandinavian "in", English writes "I").
_CONNECTORS = {"no": ["og", "eller"], "sv": ["och", "eller"], "da": ["og", "eller"], "de": ["und", "oder"],
               "nl": ["en"], "fr": ["et", "ou"], "es": [], "it": [], "pt": [], "fi": ["ja", "tai"],
               "pl": ["oraz", "lub"]}
_EXTRA_FUNCTION = {"no": ["i", "og"], "sv": ["i", "och"], "da": ["i", "og"], "de": ["und"], "nl": [], "fr": [],
                   "es": [], "it": [], "pt": [], "fi": ["ja"], "pl": []}


def _build_lexicons(out_dir: Path = DATA_DIR) -> None:  # pragma: no cover - maintenance tool
    """Write the lexicon files from wordfreq (frequent in the language, rare in English)."""
    from wordfreq import top_n_list, zipf_frequency

    def en(w: str) -> float:
        return zipf_frequency(w, "en")

    function_sets: dict[str, list[str]] = {}
    for lang, wf in _WORDFREQ_CODE.items():
        top = top_n_list(wf, 300)
        excluded = _PARTICLES | _ENGLISH_HOMOGRAPHS
        function = [w for w in top if w.isalpha() and len(w) >= 2 and w not in excluded and en(w) < 4.0
                    and zipf_frequency(w, wf) - en(w) >= 2.5]
        for w in _EXTRA_FUNCTION[lang]:
            if w not in function:
                function.append(w)
        function_sets[lang] = function
        header = (f"# {LANGUAGE_NAMES[lang]} words for mtcheck MT701/MT702 (untranslated text).\n"
                  f"# Generated by `python -m mtcheck.detectors.untranslated --rebuild` from wordfreq ({wf}):\n"
                  "# [function]: top 300 words with English Zipf < 4.0 and at least 2.5 above English;\n"
                  "# [connector]: 'and'/'or' joining two names. Other frequent words come from wordfreq at run\n"
                  "# time (frequent_non_english_words), so no copy of its data ships here.\n"
                  "# Name particles (von, van, de, af, ...) and English homographs (vain, ale) are left out.\n")
        body = "[function]\n" + "\n".join(function) + "\n\n[connector]\n" + "\n".join(_CONNECTORS[lang])
        body += "\n"
        (out_dir / f"{lang}.txt").write_text(header + body, encoding="utf-8")
    foreign = {w: max(zipf_frequency(w, wf) for wf in _WORDFREQ_CODE.values()) for w in top_n_list("en", 200)}
    english = [w for w in top_n_list("en", 200) if w.isalpha() and en(w) - foreign[w] >= 1.0]
    (out_dir / "en.txt").write_text(
        "# Frequent English words that are not frequent in the source languages (generated from wordfreq):\n"
        "# a sentence with many of them is English and is not sent to langdetect.\n[function]\n"
        + "\n".join(english) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    import sys

    if sys.argv[1:] == ["--rebuild"]:
        _build_lexicons()
    else:
        print("usage: python -m mtcheck.detectors.untranslated --rebuild")
