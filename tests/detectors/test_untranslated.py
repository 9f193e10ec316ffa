"""MT701 untranslated-paragraph and MT702 untranslated-fragment (invented fixtures, no corpus text)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mtcheck.detectors import untranslated
from tests.markers import assert_marked, findings_of

CODES = ["MT701", "MT702"]
LEAD = "Officials met in the capital on Monday to discuss the budget.\n\n"


@pytest.mark.parametrize("marked", [
    # Norwegian, Swedish, German and Dutch paragraphs left untranslated
    LEAD + "⟦MT701:Regjeringen vil ikke si noe om saken før neste uke, sier statsministeren til avisen.⟧",
    LEAD + "⟦MT701:Kommunen har inte fattat något beslut om saken ännu, säger kommunens presschef.⟧",
    LEAD + "⟦MT701:Die Bundesregierung will die neuen Regeln erst im kommenden Jahr einführen, sagte ein "
           "Sprecher.⟧",
    LEAD + "⟦MT701:De gemeente heeft het plan niet goedgekeurd omdat er te weinig geld voor is.⟧",
    # a whole multi-sentence paragraph is one finding
    LEAD + "⟦MT701:Politiet fikk melding om brannen rundt klokken seks. Det er ikke meldt om skader på personer, "
           "men huset er helt ødelagt.⟧",
])
def test_untranslated_paragraph(marked: str) -> None:
    assert_marked(marked, CODES)


def test_untranslated_sentence_inside_english_paragraph() -> None:
    assert_marked(LEAD + "The mayor spoke to the press after the meeting. ⟦MT701:Vi har ikke tenkt å gi opp "
                  "dette prosjektet nå, sa hun til journalistene.⟧ The council will vote in May.", CODES)


def test_finding_details() -> None:
    text = LEAD + "Kommunen har inte fattat något beslut om saken ännu, säger kommunens presschef."
    (f,) = findings_of(text, CODES)
    assert (f.code, f.severity.value, f.category.value) == ("MT701", "critical", "untranslated")
    assert f.message == 'Paragraph left in Swedish: "Kommunen har inte fattat något beslut o…"'
    assert f.suggestion == "Translate the paragraph from Swedish into English"
    assert f.confidence >= 0.95


@pytest.mark.parametrize("marked", [
    "Heavy rain is expected in ⟦MT702:Oslo og Viken⟧ on Tuesday, the forecaster said.",
    "The roads were closed ⟦MT702:i fjor⟧ as well, the agency said.",
    "Profits rose, ⟦MT702:och så vidare⟧, according to the annual report.",
    "The chancellor said the plan was, ⟦MT702:und zwar⟧, not negotiable at this point.",
    "The new rules apply ⟦MT702:nicht mehr⟧ to small firms, the ministry said.",
    "The city council approved the plan ⟦MT702:maar niet⟧ the budget for it.",
    "Trains between ⟦MT702:Malmö och Lund⟧ were cancelled on Sunday.",
])
def test_untranslated_fragment(marked: str) -> None:
    assert_marked(marked, CODES)


def test_fragment_details() -> None:
    (f,) = findings_of("Heavy rain is expected in Oslo og Viken on Tuesday.", CODES)
    assert (f.code, f.severity.value) == ("MT702", "major")
    assert f.message == 'Untranslated Norwegian: "Oslo og Viken"'
    assert f.suggestion == 'Translate "Oslo og Viken" from Norwegian into English'


@pytest.mark.parametrize("text", [
    # glossary line: a foreign word, a dash, its English gloss
    "Word of the day: allemansrätten – the right to roam",
    "Word of the day: i fjor – last year. Use it when you talk about the past.",
    # names, hyphenated place names, particles, acronyms
    "Ursula von der Leyen met Søren Thomassen in Upplands-Bro, Hufvudstadsbladet reported.",
    "The town of Raguhn-Jeßnitz elected Jan de Vries, while Pieter van den Berg and Maria do Rosário lost.",
    "The NRK and SVT broadcasters, the SVP party and the CDU/CSU bloc all commented.",
    "Lars Og and Kari Och are the names of two characters in the series.",
    # loanwords and loan phrases, official names
    "The zeitgeist, the smörgåsbord and the coup d'état all featured, with a certain je ne sais quoi.",
    "Police in Troms og Finnmark said the road was closed, in a spirit of Sturm und Drang.",
    "The fait accompli was, de facto, an ad hoc arrangement, et cetera.",
    # quoted and italic titles, bracketed originals
    "The film «Der Himmel über Berlin» was shown, and the book *Och så vidare* won a prize.",
    "Last year (i fjor) the budget was smaller, and \"Vi er ikke redde\" became the party slogan.",
    # a sentence naming the language says the foreign words are deliberate
    "In Norwegian the phrase ut på tur, aldri sur means that a walk always cheers you up.",
    # English homographs of foreign function words
    "He tried in vain to order a pale ale in a sans serif font, then a mai tai.",
    # plain English
    "The government will not comment on the case until next week, the prime minister told the paper.",
])
def test_silent(text: str) -> None:
    assert findings_of(LEAD + text, CODES) == []


def test_short_foreign_line_is_not_a_paragraph_finding() -> None:
    # Fewer than eight words: site furniture in another language is not MT701.
    assert findings_of("Telewizja Polska nadaje dzisiaj\n\n" + LEAD, "MT701") == []


def test_english_article_does_not_load_langdetect() -> None:
    untranslated._detector_factory.cache_clear()
    findings_of(LEAD + "The government will not comment on the case until next week, the minister said.", CODES)
    assert untranslated._detector_factory.cache_info().currsize == 0


def test_detection_is_deterministic_and_fast() -> None:
    text = "Regjeringen vil ikke si noe om saken før neste uke, sier statsministeren til avisen."
    untranslated._detector_factory.cache_clear()
    t0 = time.perf_counter()
    first = untranslated.detect_language(text)
    assert time.perf_counter() - t0 < 1.0
    assert all(untranslated.detect_language(text) == first for _ in range(3))
    assert first[0] == "no"


def test_lexicons_are_data_files() -> None:
    lex = untranslated.lexicons()
    assert set(lex) == set(untranslated.LEXICON_LANGS)
    assert {"og", "ikke", "i"} <= lex["no"].function and "fjor" in lex["no"]
    assert {"och", "inte"} <= lex["sv"].function and {"und", "nicht", "zwar"} <= lex["de"].function | lex["de"].words
    assert {"niet", "het"} <= lex["nl"].function | lex["nl"].words
    # name particles and English words are never evidence
    for words in (lx.function | lx.words for lx in lex.values()):
        assert not {"von", "van", "de", "der", "af", "the", "and", "vain"} & words


CORPUS_CLEAN = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "clean"


@pytest.mark.skipif(not CORPUS_CLEAN.is_dir(), reason="evaluation corpus not available")
def test_clean_corpus_is_silent() -> None:
    for path in sorted(CORPUS_CLEAN.glob("*.txt")):
        found = findings_of(path.read_text(encoding="utf-8"), CODES)
        assert found == [], (path.name, found)
