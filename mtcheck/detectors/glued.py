"""Glued tokens: two words or text pieces joined without a space, left behind when markup was stripped."""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..document import SPACE_CHARS, Document, Paragraph
from ..findings import Category, Finding, Severity
from .base import Context, Detector

# ---------------------------------------------------------------------------------------------------------
# Word frequencies. wordfreq's own API imports several heavy modules (~0.2 s); its word lists are plain
# gzipped msgpack files ("cBpack"), so they are read directly, lazily, and only when a token needs them.


def _wordfreq_data_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "data"


@lru_cache(maxsize=4)
def _cbpack(name: str) -> tuple[list[str], ...]:
    """Return the buckets of a wordfreq cBpack list: bucket ``i`` holds the words at -i centibels, sorted."""
    import msgpack

    folder = _wordfreq_data_dir()
    if folder is None or not (folder / f"{name}.msgpack.gz").exists():
        return ()
    with gzip.open(folder / f"{name}.msgpack.gz", "rb") as fh:
        data = msgpack.unpackb(fh.read(), raw=False)
    return tuple(data[1:])


@lru_cache(maxsize=1)
def _frequent() -> dict[str, float]:
    """Return English words with a Zipf frequency of 3 or more (wordfreq's small list, ~30k words)."""
    buckets = _cbpack("small_en")
    if not buckets:  # another wordfreq layout: fall back to its (slower to import) API
        import wordfreq

        return {w: wordfreq.zipf_frequency(w, "en") for w in wordfreq.get_frequency_dict("en", "small")}
    return {w: 9.0 - i / 100 for i, bucket in enumerate(buckets) for w in bucket}


def zipf(word: str) -> float:
    """Return the Zipf frequency of ``word`` in English (0.0 when wordfreq does not know it).

    Frequent words (Zipf >= 3) come from a dict; rarer ones are found by bisecting the large list's buckets,
    which avoids building a 300k-entry dict for the few tokens that need it.
    """
    import bisect

    w = word.lower().replace("’", "'")
    z = _frequent().get(w)
    if z is not None:
        return z
    large = _cbpack("large_en")
    if not large:
        import wordfreq

        return float(wordfreq.zipf_frequency(w, "en"))
    for i, bucket in enumerate(large):
        if i < 600:  # buckets above Zipf 3 are all in the small list
            continue
        j = bisect.bisect_left(bucket, w)
        if j < len(bucket) and bucket[j] == w:
            return 9.0 - i / 100
    return 0.0


def is_frequent(word: str, minimum: float = 3.0) -> bool:
    """Return True when ``word`` is an English word at least this frequent (Zipf scale)."""
    return _frequent().get(word.lower(), 0.0) >= minimum


def reads_as_one_word(left: str, right: str) -> bool:
    """Return True when ``left + right`` is itself an established word (so the junction is no gluing).

    Web text contains common gluings ("inthe" has Zipf 2.6), so a joined form counts as a word only when it
    is not far rarer than its rarer part: a real compound is about as frequent as its parts.
    """
    whole = zipf(left + right)
    if whole < 1.0:
        return False
    parts = min(zipf(left), zipf(right))
    return parts - whole < 3.5


# ---------------------------------------------------------------------------------------------------------
# Lexicons (data files, one entry a line, '#' comments)


def _read_lines(name: str) -> list[str]:
    text = resources.files("mtcheck").joinpath("data", "glued", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def allow_list() -> frozenset[str]:
    """Return the lower-cased camel-case brands and names that are spelled as one token."""
    return frozenset(w.lower() for w in _read_lines("allow.txt"))


@lru_cache(maxsize=1)
def section_labels() -> frozenset[str]:
    """Return the ALL-CAPS section labels that pages glue to the next word."""
    return frozenset(_read_lines("section_labels.txt"))


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Return capitalised words that typically open a sentence."""
    return frozenset(_read_lines("sentence_starters.txt"))


# All-lowercase gluings ("nationwhich", "theywere", "inthe"): a frequent word glued to one of these very
# frequent function words. Words that form real compounds ("there", "with", "after", "who") are left out.
GLUE_RIGHT = frozenset("the which were they their these those would could should have been".split())
GLUE_LEFT = frozenset("the that they their these those were would could should have been and which".split())
# Left parts that form real compounds with a function word ("thereby", "afterall", "herewith").
COMPOUND_LEFT = frozenset("there here where after out any some every never over under up down back off".split())
# Two-letter words that may be the left part of a lower-to-upper gluing ("adArticle", "ofThe").
SHORT_WORDS = frozenset("ad an as at be by do go he if in is it me my no of on or so to up us we".split())
# Sentence openers that camel-case names also end with ("SignIn", "AddOn", "JustDoIt", "WeWork").
BRAND_ENDINGS = frozenset("It Its So Or Yet And For With From Into Without Over Under Here In On At As You".split())
# Name particles: "McDonald", "DeSantis", "LeBron", "VanDyke" are names, not gluings.
NAME_PREFIXES = frozenset("mc mac de di da del della le la van von du al el st fitz ben bin abu ibn o".split())
# Abbreviations that are written with a period and no space before a name ("St.Petersburg", "Mr.Smith").
ABBREVIATIONS = frozenset("""
mr mrs ms dr st mt no nr jr sr prof gen col lt sgt capt cpt rep sen gov inc co corp ltd vs etc ft pt
dept est approx fig vol ed eds op cf al jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")

_TOKEN = re.compile(rf"[^{SPACE_CHARS}\r\n]+")
_TRAIL = "\"'“”‘’«»()[]{}<>.,;:!?…–—-*"
_URL_LIKE = re.compile(r"^(?:https?://|www\.)|@|^#|://|\.(?:com|org|net|no|se|de|dk|fr|nl|uk|io|rs|ly|gov|edu)\b"
                       r"|\.(?:html?|php|aspx?|pdf|jpe?g|png|gif|docx?|xlsx?|txt|csv|mp[34])\b", re.I)
_URL_GLUE = re.compile(r"([^\W\d_]{2,})(https?://|www\.)\S*", re.I)
_DATE_GLUE = re.compile(rf"([^\W\d_]+)({MONTHS})\.?(?=[{SPACE_CHARS}]?(?:\d{{1,2}}|\d{{4}})\b)")
_CAPS_GLUE = re.compile(r"^([A-ZÀ-ÖØ-Þ]{2,})([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)")
_CAPS_CAPS = re.compile(r"^([A-ZÀ-ÖØ-Þ]{4,})$")
_SENT_GLUE = re.compile(r"(?<![^\W\d_]|\.)([^\W\d_]+)([.!?])([”’\"]?)([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)")
_OPEN_QUOTE_GLUE = re.compile(r"([^\W\d_]{2,})([‘“])([^\W\d_][^\W\d_]*)")
_CLOSE_QUOTE_GLUE = re.compile(r"([^\W\d_]{2,}[.!?,]?)([’”\"])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)")
_PAREN_GLUE = re.compile(r"(\([^()\s][^()]*\))([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)"
                         r"|([a-zß-öø-ÿ]{2,})\(([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)")
_LOWER_WORD = re.compile(r"^[a-z]{5,}$")


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


class GluedWords(Detector):
    """Two words or text pieces joined without a space (``adArticle``, ``B.In``, ``’As``, ``fundshttps://``).

    ## What it does
    Looks inside each token for the junctions that stripped markup leaves behind: a lower-to-upper case
    change between two English words (``adArticle``), an ALL-CAPS section label glued to the next word
    (``NEWSThe``, ``MUSICBTS``), a quotation mark or bracket with letters on both sides (``Solo’As``,
    ``running‘Movie``), a sentence end glued to the next sentence (``B.In``, ``end.The``), a date glued to a
    word (``aNov 08``), a word glued to a web address, and all-lowercase gluings of two frequent words that
    are not a word themselves (``nationwhich``, ``theywere``). Word frequencies come from wordfreq.

    ## Why it matters
    Glued tokens show that page elements (headings, captions, links, ad labels) were concatenated when the
    text was scraped; readers see a typo, and the text around the junction is often furniture that does not
    belong to the article.

    ## False positives
    Camel-case brands and names (iPhone, McDonald's, YouTube, DeSantis, BioNTech) stay silent through
    general rules (a junction needs two frequent English words whose join is not itself a word, and a
    capitalised left part needs a sentence-opening word on the right) and an allow list
    (``data/glued/allow.txt``). URLs, e-mail addresses, @handles, #hashtags and file names are skipped, and so
    are abbreviations such as ``St.Petersburg`` and ``U.S.``. A rare real compound made of two frequent
    words can still be flagged.
    """

    code = "MT601"
    name = "glued-words"
    category = Category.GLUED
    severity = Severity.MINOR
    bad = "Kremlin officials said nothing on Monday adArticle continues below ad and more."
    good = "Kremlin officials said nothing on Monday on YouTube, LinkedIn or their iPhone app."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per glued token."""
        for para in doc.paragraphs:
            for m in _TOKEN.finditer(para.text):
                hit = _glued_in_token(m.group(), para, m.start())
                if hit is None:
                    continue
                a, b, message, suggestion, confidence = hit
                start = para.content_start + m.start() + a
                yield self.finding(start, para.content_start + m.start() + b, message,
                                   suggestion=suggestion, confidence=confidence)


def _strip_token(token: str) -> tuple[int, int]:
    """Return the (start, end) of ``token`` without surrounding punctuation."""
    a, b = 0, len(token)
    while a < b and token[a] in _TRAIL:
        a += 1
    while b > a and token[b - 1] in _TRAIL:
        b -= 1
    return a, b


Hit = tuple[int, int, str, str, float]


def _glued_in_token(token: str, para: Paragraph, offset: int) -> Hit | None:
    """Return the first glued junction of ``token`` as (start, end, message, suggestion, confidence)."""
    a, b = _strip_token(token)
    core = token[a:b]
    if core.isalpha() and (len(core) == 1 or core[1:].islower()):
        # Fast path for plain words ("police", "Oslo"): only an all-lowercase gluing is possible.
        return _lower_glue(token, para, offset) if core.islower() and len(core) >= 5 else None
    if not any(c.isalpha() for c in token):
        return None
    # A word glued to a web address: checked before URL-like tokens are skipped.
    m = _URL_GLUE.search(token)
    if m and m.group(1).lower() not in ("http", "https", "www"):
        end = _strip_token(token)[1]
        start = m.start()
        return (start, max(end, m.end(2)), f"word glued to a web address “{token[start:end]}”",
                f"Insert a space between “{m.group(1)}” and the address", 0.9)
    if _URL_LIKE.search(token):
        return None
    for rule in (_date_glue, _quote_glue, _caps_glue, _sentence_glue, _paren_glue, _camel_glue, _lower_glue):
        hit = rule(token, para, offset)
        if hit is not None:
            return hit
    return None


def _pair(token: str, a: int, b: int, split: int, what: str, confidence: float) -> Hit:
    left, right = token[a:split], token[split:b]
    left_show = left.rstrip()
    return (a, b, f"{what} “{token[a:b]}”",
            f"Insert a space between “{left_show}” and “{right}”, or delete the stray piece", confidence)


def _date_glue(token: str, para: Paragraph, offset: int) -> Hit | None:
    # "aNov 08, 2024", "SeptemberNov 08": a month name glued to the word before it.
    rest = para.text[offset:offset + len(token) + 6]
    for m in _DATE_GLUE.finditer(rest):
        if m.end(2) > len(token) or m.start(1) != _strip_token(token)[0]:
            continue
        return _pair(token, m.start(1), m.end(2), m.start(2), "date glued to a word", 0.85)
    return None


def _quote_glue(token: str, para: Paragraph, offset: int) -> Hit | None:
    for m in _OPEN_QUOTE_GLUE.finditer(token):
        quote, right = m.group(2), m.group(3)
        # "doesn‘t", "group‘s": an opening quote used as an apostrophe is a different error.
        if quote == "‘" and not right[0].isupper():
            continue
        if len(right) < 2:
            continue
        return _pair(token, m.start(1), m.end(3), m.start(2), "opening quotation mark glued to a word", 0.8)
    for m in _CLOSE_QUOTE_GLUE.finditer(token):
        quote = m.group(2)
        if quote == "’":
            # A closing single quote needs an opening one earlier in the paragraph, so O’Neill-type names
            # and apostrophes followed by a capital stay silent.
            before = para.text[:offset + m.start(2)]
            if "‘" not in before[-400:]:
                continue
        return _pair(token, m.start(1), m.end(3), m.start(3), "closing quotation mark glued to a word", 0.8)
    return None


def _caps_glue(token: str, para: Paragraph, offset: int) -> Hit | None:
    a, b = _strip_token(token)
    core = token[a:b]
    m = _CAPS_GLUE.match(core)
    if m:
        label, right = m.group(1), m.group(2)
        labels = section_labels()
        known = label in labels or (len(label) >= 3 and right in sentence_starters())
        if known and len(label) >= 3 and is_frequent(right) and not _allowed(core):
            return _pair(token, a, a + m.end(2), a + m.end(1), "section label glued to a word", 0.85)
    # "MUSICBTS": a label glued to an all-caps word, only at the start of a paragraph or line.
    at_line_start = offset == 0 or para.text[offset - 1] in "\r\n"
    if at_line_start and _CAPS_CAPS.match(core):
        for label in sorted(section_labels(), key=len, reverse=True):
            rest = core[len(label):]
            if len(label) >= 4 and core.startswith(label) and len(rest) >= 3:
                # An all-caps heading ("AUTOLOAD DIRECTORY") is not a label glued to a name: the line must
                # go on in mixed case, and the rest must not be an English word ("LOAD").
                line_rest = para.text[offset + len(token):].split("\n", 1)[0]
                mixed = any(c.islower() for c in line_rest[:80])
                if mixed and zipf(core) < 1.5 and not is_frequent(rest, 4.0) and not _allowed(core):
                    return _pair(token, a, b, a + len(label), "section label glued to a word", 0.75)
                break
    return None


def _sentence_glue(token: str, para: Paragraph, offset: int) -> Hit | None:
    for m in _SENT_GLUE.finditer(token):
        left, right = m.group(1), m.group(4)
        if left.lower() in ABBREVIATIONS:
            continue
        if left.islower() and len(left) >= 2:
            ok = is_frequent(left) and is_frequent(right)
        else:
            # "B.In", "CDU.The", "Oslo.The": a capitalised word, then a word that opens sentences.
            ok = left[0].isupper() and right in sentence_starters()
        if ok:
            return _pair(token, m.start(1), m.end(4), m.start(4), "sentence glued to the next one", 0.85)
    return None


def _paren_glue(token: str, para: Paragraph, offset: int) -> Hit | None:
    for m in _PAREN_GLUE.finditer(token):
        if m.group(1):
            # "(AP)The", "(Reuters)According": an agency tag or a sentence opener after the bracket.
            inner = m.group(1)[1:-1]
            if len(inner) < 2:  # "(s)He"
                continue
            if m.group(2) in sentence_starters() or (inner.isupper() and len(inner) >= 2):
                return _pair(token, m.start(1), m.end(2), m.start(2), "bracket glued to a word", 0.75)
            continue
        if is_frequent(m.group(3), 3.5) and m.group(4) in sentence_starters():
            return _pair(token, m.start(3), m.end(4), m.start(4) - 1, "bracket glued to a word", 0.75)
    return None


def _allowed(word: str) -> bool:
    letters = "".join(c for c in word if c.isalpha())
    return letters.lower() in allow_list() or _fold(letters) in allow_list()


def _junctions(core: str) -> Iterator[tuple[int, int, int]]:
    """Yield (left_start, split, right_end) for each lower-to-upper case change inside ``core``.

    The left part runs back to the start of the letters or to the previous junction ("ArticleAd|Article" ->
    "Ad"); the right part is the capital and the lowercase letters after it.
    """
    run_start = 0
    prev_split = 0
    for i in range(1, len(core)):
        if not core[i - 1].isalpha():
            run_start = prev_split = i
            continue
        if core[i - 1].islower() and core[i].isupper():
            j = i + 1
            while j < len(core) and core[j].islower():
                j += 1
            yield max(run_start, prev_split), i, j
            prev_split = i


def _camel_glue(token: str, para: Paragraph, offset: int) -> Hit | None:
    a, b = _strip_token(token)
    core = token[a:b]
    if any(c.isdigit() for c in core):  # codes, hashes, model numbers
        return None
    for ls, split, re_ in _junctions(core):
        left, right = core[ls:split], core[split:re_]
        if len(left) < 2 or len(right) < 2 or left.lower() in NAME_PREFIXES:
            continue
        # "BioNTech", "ChatGPT", "GmbH": capitals run on after the junction, so it is a name, not a join.
        if re_ < len(core) and core[re_].isupper():
            continue
        if left.islower():
            # Two-letter left parts are mostly abbreviations or flags ("fsLo"); keep the real words.
            ok = (len(left) > 2 or left in SHORT_WORDS) and is_frequent(left, 3.5) and is_frequent(right, 3.5)
        elif left[0].isupper() and left[1:].islower():
            # Capitalised + Capitalised is the shape of brand names ("PowerPoint"); only a sentence opener
            # on the right ("ForecastThe") marks a join, and not one that brands use ("SignIn", "SaveIt").
            ok = is_frequent(left) and right in sentence_starters() and right not in BRAND_ENDINGS
        else:
            continue
        if ok and not _allowed(core) and not _allowed(left + right) and not reads_as_one_word(left, right):
            return _pair(token, a + ls, a + re_, a + split, "words glued together", 0.8)
    return None


def _lower_glue(token: str, para: Paragraph, offset: int) -> Hit | None:
    a, b = _strip_token(token)
    core = token[a:b]
    if not _LOWER_WORD.match(core) or is_frequent(core, 4.0):
        return None
    # A hyphen, apostrophe or slash right next to the word makes it part of a compound or a name.
    if (a and token[a - 1] in "-'’/") or (b < len(token) and token[b] in "-'’/"):
        return None
    if core in allow_list():
        return None
    for k in range(2, len(core) - 1):
        left, right = core[:k], core[k:]
        if right in GLUE_RIGHT and left not in COMPOUND_LEFT:
            ok = is_frequent(left, 3.5)
        elif left in GLUE_LEFT:
            ok = len(right) >= 3 and is_frequent(right, 3.5)
        else:
            continue
        if ok and not reads_as_one_word(left, right):
            return _pair(token, a, b, a + k, "words glued together", 0.7)
    return None


# Words after which a capitalised word is a title or a name, not a new sentence ("the film It follows").
_TITLING = frozenset("""
called titled entitled named dubbed film movie book novel song album series show programme program play
magazine newspaper game word term phrase slogan motto label brand hashtag says said asks asked wrote writes
tweeted posted captioned reads read headline sign
""".split())
# Capitalised words that also occur mid-sentence as names, defined terms or titles: never a break signal.
_NOT_BREAK = frozenset({"A", "I", "You", "Your", "Its", "So", "Or", "And", "Yet", "Read", "See", "Photo",
                        "Advertisement", "Most", "Some", "Many", "Several", "Both", "Each", "Every", "For", "From",
                        "With", "Without", "Under", "Into", "Here", "Why", "How", "What", "Who"})
_BREAK = re.compile(rf"(?<![^{SPACE_CHARS}])([a-z][a-z’']*[a-z])[{SPACE_CHARS}]([A-Z][a-z]+)"
                    rf"[{SPACE_CHARS}]([a-z]+)\b")


class MissingSentenceBreak(Detector):
    """A sentence that runs into the next without a full stop (``the harbour office Over the summer, ferries``).

    ## What it does
    Flags a lowercase word followed, inside a running sentence, by a capitalised word that opens sentences
    ("The", "Over", "However", "According", ...) and then a lowercase word. Headlines and other title-case
    lines, words after titling verbs or nouns ("the film It follows", "called The"), names and defined terms
    ("You" in licences) are skipped.

    ## Why it matters
    When markup is stripped, a paragraph or caption that had no final full stop runs straight into the next
    one; the reader meets a sentence that suddenly changes subject mid-way.

    ## False positives
    Titles of works that start with a function word and are not introduced by a titling word ("a
    performance of The tempest") are flagged.
    """

    code = "MT602"
    name = "missing-sentence-break"
    category = Category.GLUED
    severity = Severity.MINOR
    bad = ("Harbour timetable changes\n\n"
           "The new timetable was posted at the harbour office After that the first ferry left at six.")
    good = ("Harbour timetable changes\n\n"
            "The new timetable was posted at the harbour office. After that the first ferry left at six.")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for each sentence that runs into the next one."""
        starters = sentence_starters() - _NOT_BREAK
        for para in doc.paragraphs:
            headline = para.kind == "heading" or (para.kind == "title" and len(para.words) < 15)
            if headline or _title_case(para.text):
                continue
            for m in _BREAK.finditer(para.text):
                prev, word = m.group(1), m.group(2)
                if word not in starters or prev in _TITLING:
                    continue
                # Inside quotation marks a capital may start a quoted title or sentence.
                if _inside_quotes(para.text, m.start(2)):
                    continue
                start = para.content_start + m.start(1)
                yield self.finding(start, para.content_start + m.end(2),
                                   f"sentence runs into the next one: “{prev} {word}”",
                                   suggestion=f"End the sentence after “{prev}”", confidence=0.6)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.5 * len(words)


def _inside_quotes(text: str, pos: int) -> bool:
    before = text[max(0, pos - 300):pos]
    opens = before.count("“") + before.count("‘") + before.count("«")
    apostrophes = len(re.findall(r"[^\W\d_]’[^\W\d_]", before))
    closes = before.count("”") + before.count("’") - apostrophes + before.count("»")
    return opens > closes or before.count('"') % 2 == 1


# Abbreviations that end with a full stop and may be followed by a lowercase word.
_ABBREVIATIONS = frozenset({
    "ltd", "inc", "corp", "co", "plc", "bros", "etc", "approx", "vs", "dept", "est", "fig", "figs", "vol", "vols",
    "nos", "no", "ca", "cf", "resp", "incl", "excl", "min", "max", "mio", "mrd", "bn", "mn", "tel", "ext", "ed",
    "eds", "gov", "sen", "rep", "ave", "blvd", "mt", "ft", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "univ", "assn", "intl", "natl", "govt", "misc", "pp", "para", "sec", "art", "nr", "kl", "ref",
})
_LOWER_AFTER_STOP = re.compile(rf"(?<![.\w])(\w{{3,}})\.[{SPACE_CHARS}]+([a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*)\b")


class LowercaseAfterFullStop(Detector):
    """A full stop followed by a lowercase word: a sentence broken in two (`… got out. says the chief`).

    ## What it does
    Flags a full stop after a word of three or more letters that is followed by a lowercase word, as in
    `this got out. says Jane Doe` or `the chief of police. said the neighbour`: the translation or the scrape
    cut a sentence in two, or put a full stop where a comma belongs. Abbreviations (`Ltd.`, `etc.`, `approx.`,
    `Sept.`), ellipses, initials and single letters (`U.S.`, `p.m.`) are skipped, and so are URLs and file names
    (no space after the dot).

    ## Why it matters
    English starts every sentence with a capital; a lowercase word after a full stop reads as broken output, and
    the attribution or clause that follows loses its sentence.

    ## False positives
    An abbreviation that is not in the list (`Ave.` is, `Bldg.` is not) followed by a lowercase word, and
    deliberately lowercase brand names at the start of a sentence (`iPhone sales rose.` after a full stop).
    """

    code = "MT603"
    name = "lowercase-after-full-stop"
    category = Category.GARBLED
    mqm_category = "Fluency/Punctuation"
    severity = Severity.MINOR
    bad = ("Harbour plans leaked\n\n"
           "The plans were never meant to be public, and it is unfortunate that they got out. says the harbour "
           "master.")
    good = ("Harbour plans leaked\n\n"
            "The plans were never meant to be public, and it is unfortunate that they got out, says the harbour "
            "master. The board of Nordic Ferries Ltd. was told on Monday.")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield the full stop and the lowercase word after it."""
        for para in doc.paragraphs:
            for m in _LOWER_AFTER_STOP.finditer(para.text):
                word, nxt = m.group(1), m.group(2)
                if word.lower() in _ABBREVIATIONS or not word.isalpha() or nxt[:1] == "i" and nxt[1:2].isupper():
                    continue
                start = para.content_start + m.end(1)
                end = para.content_start + m.end(2)
                yield self.finding(start, end, f"Lowercase “{nxt}” after a full stop",
                                   suggestion=f"Replace the full stop before “{nxt}” with a comma, or start a new "
                                              "sentence with a capital", confidence=0.8)


DETECTORS = [GluedWords, MissingSentenceBreak, LowercaseAfterFullStop]
