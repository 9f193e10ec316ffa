"""Calques: literal translations that are wrong or unidiomatic English (MT2xx).

MT201 and MT204 are driven by the lexicons in ``mtcheck/data/calques/<lang>.toml`` (one file per source
language, see its README); MT202 and MT203 are structural and use the outlet list ``mtcheck/data/outlets.txt``.
Everything is loaded lazily on first use and cached for the process.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..document import Document, Paragraph, split_blocks
from ..findings import Category, Severity
from .base import Context, Detector

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

LANGUAGES: dict[str, str] = {
    "no": "Norwegian",
    "sv": "Swedish",
    "da": "Danish",
    "de": "German",
    "nl": "Dutch",
    "fr": "French",
}

# Lexicon literals are matched against a normalised copy of the text with the same offsets: every white-space
# character inside a paragraph becomes " ", the gaps between paragraphs become "\n" (so no literal crosses a
# paragraph break), and curly apostrophes become "'".
_SP = " +"
_ENTRY_KEYS = {"literal", "meaning", "source", "severity", "example", "counter", "confidence", "case_sensitive",
               "name", "note"}
QUOTE_CHARS = "\"“”„«»"
DASHES = "–—-"
_WS_TO_SPACE = {ord(c): " " for c in "\t\n\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u0085"}
_WS_TO_SPACE[ord("’")] = "'"


class LexiconError(ValueError):
    """A calque lexicon that cannot be used: bad TOML, a missing key or a literal that does not compile."""


@dataclass(frozen=True)
class LexEntry:
    """One lexicon entry: a literal English rendering, what it should say, and its test sentences."""

    kind: str  # "calque" (MT201) or "outlet" (MT204)
    lang: str
    literal: str
    meaning: str  # the idiomatic English (calque) or the outlet's real name (outlet)
    source: str
    example: str
    counter: str | None
    severity: Severity | None
    confidence: float
    case_sensitive: bool
    anchors: frozenset[str] | None  # one of these (lower case) occurs in every match; None: unknown

    @property
    def regex(self) -> str:
        """Return the regex of the literal (see ``expand_literal``)."""
        return _expand_cached(self.literal)

    @property
    def pattern(self) -> re.Pattern[str]:
        """Return the compiled pattern (compiled on first use and cached)."""
        return _compile(self.regex, 0 if self.case_sensitive else re.IGNORECASE)

    def may_match(self, lowered: str) -> bool:
        """Return False when ``lowered`` (the lower-cased text) cannot contain a match."""
        return self.anchors is None or any(a in lowered for a in self.anchors)

    def spans(self, text: str, normalised: str | None = None) -> Iterator[tuple[int, int]]:
        """Yield the (start, end) of each match in ``text`` (pass ``normalise_text(text)`` when you have it)."""
        norm = normalised if normalised is not None else normalise_text(text)
        seen: set[tuple[int, int]] = set()
        matches: Iterable[re.Match[str]] = self.pattern.finditer(norm)
        if self.case_sensitive:  # a case-sensitive entry also matches text set in capitals
            caps = _compile(self.regex, re.IGNORECASE)
            matches = [*matches, *(m for m in caps.finditer(norm) if _all_caps(_span_text(m)))]
        for m in matches:
            start, end = _span(m)
            if end > start and (start, end) not in seen:
                seen.add((start, end))
                yield start, end


@lru_cache(maxsize=1024)
def _expand_cached(literal: str) -> str:
    return expand_literal(literal)


@lru_cache(maxsize=1024)
def _compile(regex: str, flags: int) -> re.Pattern[str]:
    return re.compile(regex, flags)


def normalise_text(text: str, paragraphs: Iterable[Paragraph] | None = None) -> str:
    """Return ``text`` with the same length: spaces folded to " ", paragraph gaps to "\n", ’ to '."""
    ranges = ([(p.start, p.end) for p in paragraphs] if paragraphs is not None
              else [(s, e) for s, e, _, _ in split_blocks(text)])
    out, pos = [], 0
    for start, end in ranges:
        out.append("\n" * (start - pos))
        out.append(text[start:end].translate(_WS_TO_SPACE))
        pos = end
    out.append("\n" * (len(text) - pos))
    return "".join(out)


def _span(m: re.Match[str]) -> tuple[int, int]:
    """Return the span of the ``span`` group when the match used it, else of the whole match."""
    if "span" in m.re.groupindex and m.group("span") is not None:
        return m.span("span")
    return m.span()


def _span_text(m: re.Match[str]) -> str:
    start, end = _span(m)
    return m.string[start:end]


def _all_caps(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def expand_literal(literal: str) -> str:
    """Return the regex of a lexicon literal, for the normalised text (see ``normalise_text``).

    Outside character classes a space matches a run of spaces and ``’`` is written ``'``; the result is wrapped
    in word-boundary guards that work for non-ASCII letters.
    """
    out: list[str] = []
    in_class = False
    groups: list[bool] = []  # one flag per open group: is it a look-behind?
    i = 0
    while i < len(literal):
        c = literal[i]
        if c == "\\" and i + 1 < len(literal):
            out.append(literal[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            if literal[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if literal[i + 1:i + 2] == "]":
                out.append("]")
                i += 1
        elif c == "(":
            groups.append(literal.startswith(("(?<=", "(?<!"), i))
            out.append(c)
        elif c == ")":
            if groups:
                groups.pop()
            out.append(c)
        elif c == " " and any(groups):
            out.append(" ")  # a look-behind must keep a fixed width
        elif c == " " and literal[i + 1:i + 2] not in ("?", "*", "+", "{"):
            while i + 1 < len(literal) and literal[i + 1] == " ":
                i += 1
            out.append(_SP)
        elif c == "’":
            out.append("'")
        else:
            out.append(c)
        i += 1
    return r"(?<!\w)(?:" + "".join(out) + r")(?!\w)"


_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?:\?(?:[:=!]|<[=!]|P<\w+>|[aiLmsux-]+:))?|\)|[^\W\d_]+|.")


def literal_anchors(literal: str) -> frozenset[str] | None:
    """Return words of which at least one occurs (lower-cased) in every match of ``literal``, or None.

    A cheap, conservative reading of the literal: mandatory letters outside optional parts form words;
    alternatives contribute the union of their anchors; look-arounds, classes and escapes break words.
    """
    toks = _TOKEN.findall(literal)
    n = len(toks)
    close: dict[int, int] = {}
    bars: dict[int, list[int]] = {-1: []}
    stack: list[int] = []
    for i, tok in enumerate(toks):
        if tok[0] == "(" and len(tok) <= 4 or tok.startswith("(?P<") or tok.startswith("(?") and tok.endswith(":"):
            if tok[0] == "(":
                stack.append(i)
                bars[i] = []
        elif tok == ")":
            if not stack:
                return None
            close[stack.pop()] = i
        elif tok == "|":
            bars[stack[-1] if stack else -1].append(i)
    if stack:
        return None

    def optional(j: int) -> bool:
        return j < n and (toks[j] in ("?", "*") or toks[j] == "{" and j + 1 < n and toks[j + 1].startswith("0"))

    def sequence(lo: int, hi: int) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        best_len = 0
        word = ""
        i = lo
        while i <= hi:
            tok = toks[i] if i < hi else ""
            if tok[:1].isalpha():
                if optional(i + 1):
                    word += tok[:-1]
                    cand, word = word, ""
                else:
                    word += tok
                    i += 1
                    continue
            else:
                cand, word = word, ""
            if len(cand) >= 3 and len(cand) > best_len:
                best, best_len = frozenset([cand.lower()]), len(cand)
            if tok.startswith("("):
                j = close[i]
                if not tok.startswith(("(?=", "(?!", "(?<=", "(?<!")) and not optional(j + 1):
                    sub = alternatives(i, i + 1, j)
                    if sub is not None and min(len(w) for w in sub) > best_len:
                        best, best_len = sub, min(len(w) for w in sub)
                i = j
            i += 1
        return best

    def alternatives(group: int, lo: int, hi: int) -> frozenset[str] | None:
        result: set[str] = set()
        cuts = [b for b in bars[group] if lo <= b < hi]
        for a, b in zip([lo - 1, *cuts], [*cuts, hi]):
            found = sequence(a + 1, b)
            if found is None:
                return None
            result |= found
        return frozenset(result)

    return alternatives(-1, 0, n)


def _entry(kind: str, lang: str, raw: dict[str, object], where: str, check: bool) -> LexEntry:
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    meaning_key = "name" if kind == "outlet" else "meaning"
    for key in ("literal", meaning_key, "source", "example"):
        if not isinstance(raw.get(key), str) or not str(raw[key]).strip():
            raise LexiconError(f"{where}: missing or empty {key!r}")
    literal = str(raw["literal"])
    severity = None
    if raw.get("severity") is not None:
        try:
            severity = Severity.parse(str(raw["severity"]))
        except ValueError as err:
            raise LexiconError(f"{where}: {err}") from None
    counter = raw.get("counter")
    entry = LexEntry(kind=kind, lang=lang, literal=literal, meaning=str(raw[meaning_key]),
                     source=str(raw["source"]), example=str(raw["example"]),
                     counter=str(counter) if counter else None, severity=severity,
                     confidence=float(raw.get("confidence", 0.9)),  # type: ignore[arg-type]
                     case_sensitive=bool(raw.get("case_sensitive", False)),
                     anchors=literal_anchors(literal))
    if check:
        try:
            entry.pattern  # noqa: B018 - compile now to report a bad literal with its location
        except re.error as err:
            raise LexiconError(f"{where}: literal {literal!r} does not compile: {err}") from None
    return entry


def parse_lexicon(text: str, where: str = "<lexicon>", check: bool = True) -> tuple[LexEntry, ...]:
    """Parse one TOML calque lexicon: ``language``, then ``[[calque]]`` and ``[[outlet]]`` tables.

    With ``check`` every literal is compiled at once; without it a literal is compiled when its anchor word
    first occurs in a document (the bundled lexicons are checked by the test suite).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{where}: {err}") from None
    lang = str(data.get("language", "?"))
    entries: list[LexEntry] = []
    for kind in ("calque", "outlet"):
        for i, raw in enumerate(data.get(kind, [])):
            entries.append(_entry(kind, lang, raw, f"{where} [[{kind}]] #{i + 1}", check))
    return tuple(entries)


@lru_cache(maxsize=None)
def builtin_lexicon(lang: str) -> tuple[LexEntry, ...]:
    """Return the entries of the bundled lexicon of one source language."""
    path = resources.files("mtcheck").joinpath("data", "calques", f"{lang}.toml")
    return parse_lexicon(path.read_text(encoding="utf-8"), f"calques/{lang}.toml", check=False)


@lru_cache(maxsize=16)
def _file_lexicon(path: str) -> tuple[LexEntry, ...]:
    return parse_lexicon(Path(path).read_text(encoding="utf-8"), path)


def lexicon_entries(ctx: Context | None = None) -> tuple[LexEntry, ...]:
    """Return every bundled entry plus those of the ``*.toml`` files in ``settings.extra_lexicons``."""
    entries: list[LexEntry] = [e for lang in LANGUAGES for e in builtin_lexicon(lang)]
    settings = getattr(ctx, "settings", None)
    for extra in getattr(settings, "extra_lexicons", None) or ():
        if str(extra).endswith(".toml"):
            entries.extend(_file_lexicon(str(extra)))
    return tuple(entries)


def _lexicon_findings(detector: Detector, kind: str, doc: Document, ctx: Context) -> Iterator:
    """Yield the findings of the lexicon entries of one kind, longest match first on overlaps."""
    hits: list[tuple[int, int, LexEntry]] = []
    norm = normalise_text(doc.text, doc.paragraphs)
    lowered = norm.lower()
    for entry in lexicon_entries(ctx):
        if entry.kind == kind and entry.may_match(lowered):
            hits.extend((s, e, entry) for s, e in entry.spans(doc.text, norm))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    last_end = -1
    for start, end, entry in hits:
        if start < last_end:
            continue  # another entry (often the same calque listed for a sibling language) already covers it
        last_end = end
        matched = doc.text[start:end]
        lang = LANGUAGES.get(entry.lang, entry.lang)
        if kind == "outlet":
            yield detector.finding(start, end, f"“{matched}” is a literal translation of {entry.meaning}",
                                   suggestion=f"Use the outlet's real name, {entry.meaning}",
                                   confidence=entry.confidence, severity=entry.severity, language=entry.lang)
        else:
            yield detector.finding(start, end, f"Literal calque “{matched}” ({lang} “{entry.source}”)",
                                   suggestion=f"Write “{entry.meaning}”", confidence=entry.confidence,
                                   severity=entry.severity, language=entry.lang)


class LiteralCalque(Detector):
    """A source-language idiom or set phrase translated word for word.

    ## What it does
    Looks up the lexicons of typical machine-translation calques, one per source language
    (`mtcheck/data/calques/<lang>.toml`): Norwegian *kjenning av politiet* rendered as "an acquaintance of the
    police" (= known to the police), German *schließt ... aus* as "excludes a coalition" (= rules out), French
    *la situation est confuse* as "the situation is confused" (= unclear), and so on. Each entry names the
    source expression and the idiomatic English, which becomes the suggestion.

    ## Why it matters
    A calque is grammatical English that says something else or nothing at all: readers notice it at once, and
    some calques invert the meaning ("managed without injuries" for *klarade sig utan skador*).

    ## False positives
    Entries are chosen to be rare in English written by native speakers; a few literals also have a literal
    English sense (physical "at eye level"), so entries include the context that makes them idiomatic only in
    translation. Report a false positive by adding a `counter` sentence to the entry and tightening it.
    """

    code = "MT201"
    name = "literal-calque"
    category = Category.CALQUE
    severity = Severity.MAJOR
    bad = "The man arrested on Sunday is an old acquaintance of the police, the prosecutor said."
    good = "The man arrested on Sunday is known to the police, the prosecutor said."

    def check(self, doc: Document, ctx: Context) -> Iterator:
        """Yield one finding per lexicon match."""
        yield from _lexicon_findings(self, "calque", doc, ctx)


class LiteralOutletName(Detector):
    """A newspaper, broadcaster or programme name translated word for word.

    ## What it does
    Finds literal translations of outlet and programme names listed in the `[[outlet]]` tables of the calque
    lexicons: "Extra Sheet" for Ekstra Bladet, "Today's industry" for Dagens industri, "the editorial network
    Germany" for RedaktionsNetzwerk Deutschland. The suggestion is the real name.

    ## Why it matters
    A proper name must stay as it is; a translated one is unrecognisable and reads as a mistake.

    ## False positives
    Names that are also ordinary English ("Evening Post", "The Time") match only with the capitalisation of a
    name or in the context of a newspaper, for example after "the daily" or "according to".
    """

    code = "MT204"
    name = "literal-outlet-name"
    category = Category.CALQUE
    severity = Severity.MAJOR
    bad = "The minister repeated the claim in an interview with Extra Sheet on Sunday."
    good = "The minister repeated the claim in an interview with Ekstra Bladet on Sunday."

    def check(self, doc: Document, ctx: Context) -> Iterator:
        """Yield one finding per literally translated outlet name."""
        yield from _lexicon_findings(self, "outlet", doc, ctx)


# ---------------------------------------------------------------------------------------------------------
# MT202: inverted attribution.

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_NAME_TOKEN = rf"[{_UP}][^\W_]*(?:[-'’][^\W_]+)*\.?"
_NAME = rf"{_NAME_TOKEN}(?:\s(?:(?:van|von|de|der|den|la|le|af|av|du|di)\s)?{_NAME_TOKEN}){{0,3}}"
_DESCRIPTOR = (r"(?:the\s)?(?:(?:Norwegian|Swedish|Danish|German|Finnish|French|Dutch|Belgian|British|American|"
               r"Russian|Korean|public|state|national|commercial|local|regional|business|financial|news|"
               r"Finland-Swedish|online|evening|morning)\s)*"
               r"(?:newspaper|daily|tabloid|broadcaster|channel|news\sagency|agency|magazine|weekly|website|"
               r"paper|radio|TV\schannel|public\sbroadcaster)")
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "today", "yesterday", "tonight", "this", "that", "there", "here", "it",
              "he", "she", "they", "we", "i", "you", "the", "a", "an", "and", "but", "so"}
# Words that show a reported clause, not a speaker, stands between "says" and "to <outlet>".
_CLAUSE_WORDS = {"that", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "is", "are",
                 "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "not", "to",
                 "wants", "want", "wanted", "went", "go", "goes", "going", "talk", "talked", "talking", "spoke",
                 "speak", "speaks", "send", "sent", "give", "gave", "given", "sold", "sell", "sells", "reply",
                 "replied", "respond", "responded", "it", "them", "him", "her", "this", "what", "how", "why",
                 "when", "if", "because", "while", "who", "which", "where", "nothing", "something", "goodbye",
                 "yes", "no", "hello", "thanks", "thank", "sorry"}
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_TITLE_END = re.compile(r"(?:spokes(?:person|man|woman)|officer|manager|chief|leader|director|mayor|minister|police|"
                        r"prosecutor|lawyer|attorney|head|chair(?:man|woman|person)?|professor|researcher|expert|"
                        r"secretary|president|commander|coordinator|adviser|advisor|inspector|superintendent|"
                        r"councillor|spokesperson)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def outlet_names() -> tuple[str, ...]:
    """Return the news outlets and agencies of ``mtcheck/data/outlets.txt``, longest first."""
    text = resources.files("mtcheck").joinpath("data", "outlets.txt").read_text(encoding="utf-8")
    names = {line.split("#", 1)[0].strip() for line in text.splitlines()}
    return tuple(sorted((n for n in names if n), key=lambda n: (-len(n), n)))


@lru_cache(maxsize=1)
def _outlet_set() -> frozenset[str]:
    return frozenset(outlet_names())


_OUTLETISH = r"(?:the\s)?[^\W_][\w.&'’-]*(?:\s[^\W_][\w.&'’-]*){0,3}"
_TO_OUTLET = re.compile(r"\s(?:to|against)\s(?:the\s)?")
_AFTER_OUTLET = re.compile(r"\s*(?:[.,;:!?)”\"’]|$)|\s(?:on|in|this|last|earlier|yesterday|today|after|when|about|"
                           r"that)\b")
_SPEAKER_TOKEN = re.compile(r"\s[^\s.!?;:\"“”«»]+")


@lru_cache(maxsize=1)
def _attribution_patterns() -> dict[str, re.Pattern[str]]:
    source = rf"(?P<src>{_DESCRIPTOR}(?:\s{_NAME})?|{_OUTLETISH})"
    return {
        # "He writes Reuters." / "It reports NRK." as a whole sentence.
        "sentence": re.compile(rf"^(?P<lead>(?:He|She|It|This|That|So|Thus|They)\s)"
                               rf"(?P<verb>writes|reports|informs|wrote|reported|informed|says|said|tells)\s"
                               rf"{source}\s*[.!]?\s*$"),
        # "..., writes NRK." at the end of a reported sentence.
        "trailing": re.compile(rf"(?<=[,;]\s)(?P<verb>writes|wrote|informs|informed)\s{source}"
                               rf"(?=\s*(?:[.!]|,\s|$))"),
        # "says mayor X to TV 2": the speaker between the verb and "to <outlet>" is checked in code.
        "says": re.compile(r"(?<!\w)(?:says|said|states|stated|declares|declared|informs|informed|tells)(?!\w)"),
    }


# Newspaper names that end like one (Nya Wermlandstidningen, Bergens Tidende, Sydsvenskan is listed): the
# usual name endings of Scandinavian, German and Dutch papers, so unlisted regional titles are recognised too.
_OUTLET_SUFFIX = re.compile(
    r"(?:[A-ZÅÄÖØÆÜ][\w’'-]*\s){0,2}[A-ZÅÄÖØÆÜ][\w-]*(?:tidning|tidningen|[Tt]idende|posten|[Pp]osten|bladet|"
    r"[Bb]ladet|avis|avisen|[Aa]visa|kuriren|[Kk]urier|[Zz]eitung|[Aa]llehanda|[Dd]agblad|[Cc]ourant|krant)\b")


def _is_outlet(name: str) -> bool:
    """Return True when ``name`` (optionally after "the") is a listed outlet or ends like a newspaper name."""
    if _OUTLET_SUFFIX.fullmatch(" ".join(name.split()).rstrip(".")):
        return True
    outlets = _outlet_set()
    for cand in {" ".join(name.split()), " ".join(name.split()).rstrip(".")}:
        if cand in outlets or (cand.startswith("the ") and cand[4:] in outlets):
            return True
    return False


def _outlet_prefix(text: str, pos: int) -> int | None:
    """Return the end of the longest listed outlet name that starts at ``pos`` in ``text``, if any."""
    m = re.compile(r"[^\s,;:!?()\"“”«»]+(?:\s[^\s,;:!?()\"“”«»]+){0,3}").match(text, pos)
    if not m:
        return None
    suffix = _OUTLET_SUFFIX.match(text, pos)
    if suffix:
        return suffix.end()
    words = list(re.finditer(r"\S+", m.group()))
    outlets = _outlet_set()
    for k in range(len(words), 0, -1):
        cand = " ".join(w.group() for w in words[:k])
        for trimmed in (cand, cand.rstrip(".’'")):
            if trimmed in outlets:
                return pos + words[k - 1].start() + len(trimmed) - len(cand) + len(words[k - 1].group())
    return None


def _inside_quote(para: Paragraph, offset: int) -> bool:
    """Return True when ``offset`` lies in a quotation: a dash-quote paragraph or an open quotation mark."""
    text = para.text
    if text[:1] in DASHES and text[1:2].isspace():
        return True
    before = text[:offset - para.content_start]
    curly = before.count("“") + before.count("„") - before.count("”")
    guill = before.count("«") - before.count("»")
    return curly > 0 or guill > 0 or before.count('"') % 2 == 1


def _looks_like_name(src: str) -> bool:
    words = src.replace("’", "'").split()
    return bool(words) and all(w.lower().strip(".") not in _NOT_NAMES for w in words)


def _speaker_ok(who: str) -> bool:
    """Return True when the words between "says" and "to <outlet>" read as a speaker, not a clause."""
    words = [w.strip(",()") for w in who.split() if w.strip(",()")]
    if not words:
        return True
    if len(words) == 1 and words[0].lower() in _PRONOUNS - {"it", "you"}:
        return True
    low = [w.lower() for w in words]
    if any(w in _CLAUSE_WORDS or w in _PRONOUNS for w in low):
        return False
    if any(w.endswith("ed") and w != "head" and w[:1].islower() for w in words):
        return False
    last = who.rstrip().rstrip(",")
    return last.endswith(")") or words[-1][:1].isupper() or bool(_TITLE_END.search(words[-1]))


class InvertedAttribution(Detector):
    """Scandinavian or German attribution word order: "He writes Reuters", "says X to NRK".

    ## What it does
    Flags three shapes of attribution that copy the source word order: a sentence made of a pronoun, a
    reporting verb and a news outlet (*Det skriver Reuters* → "He writes Reuters." = Reuters reports); a
    reported, unquoted sentence that ends in ", writes Outlet" (= Outlet reports); and "says X to Outlet"
    (*sier X til NRK* = X told NRK). Outlets come from `mtcheck/data/outlets.txt`; a capitalised name also
    counts after "writes" at the end of a body sentence.

    ## Why it matters
    English puts the source first ("Reuters reports") or uses "told"; the inverted order reads as broken
    English, and the pronoun version ("He writes Reuters") is nonsense.

    ## False positives
    Idiomatic English stays silent: "told VG", "Reuters reported", "said X, who writes for the Times",
    "writes John Smith in his column" after a direct quotation, "he writes on Twitter". Opinion standfirsts
    in English ("Britain must act, writes Jane Doe") can look alike, so person names only count in the body.
    """

    code = "MT202"
    name = "inverted-attribution"
    category = Category.CALQUE
    severity = Severity.MAJOR
    bad = "The summit is planned for the autumn. It writes NRK."
    good = "The summit is planned for the autumn, NRK reports."

    def check(self, doc: Document, ctx: Context) -> Iterator:
        """Yield inverted attributions sentence by sentence."""
        pats = _attribution_patterns()
        for para in doc.paragraphs:
            for sent in para.sentences:
                yield from self._sentence(doc, para, sent.start, sent.text, pats)

    def _sentence(self, doc: Document, para: Paragraph, base: int, text: str,
                  pats: dict[str, re.Pattern[str]]) -> Iterator:
        m = pats["sentence"].match(text)
        if m:
            src, verb, lead = m.group("src"), m.group("verb"), m.group("lead").strip()
            known = _is_outlet(src) or bool(re.match(_DESCRIPTOR, src))
            guess = (lead in {"It", "This", "That", "So", "Thus"} and verb in {"writes", "reports", "informs"}
                     and _looks_like_name(src))
            if known or guess:
                end = base + _src_end(m)
                yield self.finding(base + m.start(), end, f"Inverted attribution “{doc.text[base + m.start():end]}”",
                                   suggestion=f"Write “{_display_name(src)} reports” or attach it to the sentence it "
                                              "sources", confidence=0.9 if known else 0.7)
                return
        for m in pats["trailing"].finditer(text):
            start = base + m.start()
            src = m.group("src")
            prev = text[:m.start()].rstrip()[:-1].rstrip()
            if prev[-1:] in QUOTE_CHARS + "’'" or _inside_quote(para, start):
                continue
            known = _is_outlet(src) or bool(re.match(_DESCRIPTOR, src))
            if not known and not (m.group("verb") in {"writes", "wrote"} and para.index >= doc.body_start_index
                                  and _looks_like_name(src) and len(src.split()) >= 2):
                continue
            end = base + _src_end(m)
            # ", writes Outlet." is the Scandinavian order; ", writes Jane Doe, an analyst" is also written by
            # English columnists, so a person's name is only a minor, low-confidence finding.
            yield self.finding(start, end, f"Inverted attribution “{doc.text[start:end]}”",
                               suggestion=f"Write “{_display_name(src)} reports …” or “…, {_display_name(src)} wrote”",
                               confidence=0.85 if known else 0.5, severity=None if known else Severity.MINOR)
        for m in pats["says"].finditer(text):
            for to in _TO_OUTLET.finditer(text, m.end()):
                who = text[m.end():to.start()]
                if len(_SPEAKER_TOKEN.findall(who)) > 12 or (who and not who[0].isspace()):
                    break
                src_end = _outlet_prefix(text, to.end())
                if src_end is None or not _AFTER_OUTLET.match(text, src_end):
                    continue
                if _speaker_ok(who) and not any(c in who for c in ".!?;:\"“”«»"):
                    start, end = base + m.start(), base + src_end
                    src = text[to.end():src_end]
                    yield self.finding(start, end, f"Inverted attribution “{doc.text[start:end]}”",
                                       suggestion=f"Write “… told {src}”", confidence=0.85)
                break


def _strip_the(src: str) -> str:
    return re.sub(r"^the\s", "", src.strip())


def _display_name(src: str) -> str:
    """Return the source name for a suggestion: no leading "the", no sentence-final period (kept in "B.T.")."""
    name = _strip_the(src)
    return name[:-1] if re.search(r"(?<![A-Z])[.!?]$", name) else name


def _src_end(m: re.Match[str]) -> int:
    """Return the end of the ``src`` group without a sentence-final period (kept in "B.T.")."""
    src = m.group("src")
    if src.endswith(".") and not (src in _outlet_set() or _strip_the(src) in _outlet_set()):
        return m.end("src") - 1
    return m.end("src")


# ---------------------------------------------------------------------------------------------------------
# MT203: hearsay modals.

_EVIDENCE = (r"images?|pictures?|photos?|photographs?|videos?|footage|recordings?|documents?|papers|figures|data|"
             r"numbers|statistics|sources|reports?|analys[ie]s|tests?|samples?|calculations|surveys?|polls?|"
             r"measurements?|e-?mails?|messages|logs|records|minutes|findings|estimates|accounts|observations|"
             r"leaks|files|emails|screenshots|tapes")
_FUTURE_CUES = re.compile(r"\b(?:when|once|if|whether|soon|later|tomorrow|next|upcoming|coming|future|eventually|"
                          r"hopefully|expected|expects?|hopes?|hoped|predict\w*|likely|probably)\b", re.IGNORECASE)
_EVENT_PP = ("said|stated|told|claimed|threatened|attacked|beaten|killed|shot|stabbed|fled|escaped|hit|kicked|"
             "raped|abused|assaulted|harassed|robbed|stolen|fired|launched|ordered|received|paid|sent|sold|bought|"
             "met|visited|travell?ed|planned|promised|offered|admitted|confessed|participated|taken part|left|"
             "arrived|entered|crashed|thrown|hidden|lied|contacted|written|posted|spread|demanded|refused|"
             "rejected|signed|died|disappeared|vanished|earned|spent|expressed|insisted|injured|wounded|"
             "kidnapped|abducted|tortured|executed|bombed|shelled|murdered|strangled|raided|looted|smuggled|"
             "transferred|deported|detained|held|sent|moved|hacked|leaked|bribed|cheated|defrauded|embezzled|"
             "mistreated|molested|pushed|dragged|punched")
_HEARSAY_CUES = re.compile(r"\b(?:according\sto|reportedly|allegedly|sources?|information|writes|wrote|reports|"
                           r"reported\sby|indictment|charge\ssheet|witness(?:es)?|eyewitness(?:es)?|testimony|"
                           r"claims?|claimed|alleged|documents?|footage|video|recordings?)\b", re.IGNORECASE)
# The evidence noun may carry a short post-modifier ("documents seen by the paper", "images taken on Monday").
_SHOW = re.compile(rf"(?<!\w)(?P<subj>{_EVIDENCE})(?:\s(?!will\b|shall\b)[\w'’-]+){{0,5}}?\s(?:also\s|now\s)?"
                   rf"(?P<modal>will|shall)\s(?:also\s)?"
                   rf"(?:show|reveal|indicate|prove|document|confirm)\sthat\b", re.IGNORECASE)
_MODAL_PERFECT = re.compile(rf"(?<!\w)(?P<subj>[^\W\d_]+)\s(?P<modal>must|shall|should|is\sto|are\sto)\s"
                            rf"(?:(?:also|reportedly|allegedly|even|previously|earlier|already|then|further)\s)?"
                            rf"have\s(?:(?:also|reportedly|allegedly|even|previously|earlier|already)\s)?"
                            rf"(?:been\s)?(?P<pp>{_EVENT_PP})\b", re.IGNORECASE)
_FIRST_PERSON = {"i", "we", "you", "ye", "one"}


class HearsayModal(Detector):
    """A reportative modal translated literally: "images will show that", "must have been beaten".

    ## What it does
    Norwegian *skal*, Swedish *ska* and German *soll* also mark reported, unconfirmed information
    (*bildene skal vise* = the images reportedly show; *han skal ha sagt* = he is said to have said). Machine
    translation renders them as "will show that", "shall have said", "must have" or "should have". The
    detector flags "will/shall show that" after a source of evidence (images, documents, sources, data…), and
    "shall have", "is to have", "must have" and "should have" followed by an event verb ("fled", "said",
    "beaten"); "must have" and "should have" only with a hearsay cue ("according to", "reportedly") in the
    sentence or the one before, and never inside a quotation.

    ## Why it matters
    The literal rendering changes the claim: "will show" promises a future finding, "must have" asserts an
    inference and "should have" a reproach, where the source only reported an allegation. Write "reportedly",
    "is said to have" or "allegedly".

    ## False positives
    Idiomatic English stays silent: "is said to have", "It must have been difficult", "we will show that",
    "should not have". A future "will show" ("tests will show whether", "once the data is in, it will show
    that") is left alone, and "must/should have" needs a hearsay cue, so most epistemic and counterfactual
    uses pass. Precision is preferred over recall.
    """

    code = "MT203"
    name = "hearsay-modal"
    category = Category.CALQUE
    severity = Severity.MAJOR
    bad = "According to the newspaper, the man shall have threatened the guards with a knife."
    good = "According to the newspaper, the man is said to have threatened the guards with a knife."

    def check(self, doc: Document, ctx: Context) -> Iterator:
        """Yield hearsay modals sentence by sentence."""
        for para in doc.paragraphs:
            prev = ""
            for sent in para.sentences:
                yield from self._sentence(para, sent.start, sent.text, prev)
                prev = sent.text

    def _sentence(self, para: Paragraph, base: int, text: str, prev: str) -> Iterator:
        for m in _SHOW.finditer(text):
            if _FUTURE_CUES.search(text, 0, m.end()):  # a future cue in the claim itself, not in what it reports
                continue
            start, end = base + m.start(), base + m.end()
            yield self.finding(start, end, f"Hearsay modal rendered literally “{m.group()}”",
                               suggestion=f"Write “{m.group('subj')} reportedly show that” or “… are said to "
                                          "show that”", confidence=0.75)
        for m in _MODAL_PERFECT.finditer(text):
            subj = m.group("subj").lower()
            modal = " ".join(m.group("modal").lower().split())
            if subj in _FIRST_PERSON or subj in {"what", "who", "which", "that", "nobody", "noone"}:
                continue
            start, end = base + m.start("modal"), base + m.end()
            if modal in {"must", "should"}:
                if _inside_quote(para, start) or not (_HEARSAY_CUES.search(text) or _HEARSAY_CUES.search(prev)):
                    continue
            phrase = text[m.start("modal"):m.end()]
            yield self.finding(start, end, f"Hearsay modal rendered literally “{phrase}”",
                               suggestion="Write “is said to have …”, “reportedly …” or “allegedly …”",
                               confidence=0.8 if modal in {"shall", "is to", "are to"} else 0.65)


DETECTORS = [LiteralCalque, InvertedAttribution, HearsayModal, LiteralOutletName]
