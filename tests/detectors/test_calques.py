"""Tests of the calque detectors (MT201-MT204) and of every entry of the calque lexicons."""

from __future__ import annotations

import re

import pytest
from markers import assert_marked, findings_of, spans_of

from mtcheck.detectors.calques import (
    LANGUAGES,
    LexiconError,
    builtin_lexicon,
    expand_literal,
    literal_anchors,
    normalise_text,
    outlet_names,
    parse_lexicon,
)

ENTRIES = [e for lang in LANGUAGES for e in builtin_lexicon(lang)]
CODE = {"calque": "MT201", "outlet": "MT204"}


def _entry_id(entry) -> str:  # noqa: ANN001 - pytest id helper
    return f"{entry.lang}:{entry.kind}:{entry.literal[:40]}"


def _plain(literal: str) -> bool:
    return not re.search(r"[\\()\[\]?*+|{}^$.]", literal)


@pytest.mark.parametrize("entry", ENTRIES, ids=_entry_id)
def test_lexicon_example_fires_on_the_literal(entry) -> None:  # noqa: ANN001
    code = CODE[entry.kind]
    found = [f for f in findings_of(entry.example, code)]
    spans = [entry.example[f.start:f.end] for f in found]
    assert len(found) == 1, f"{entry.literal!r}: expected one {code} finding in {entry.example!r}, got {spans}"
    expected = [entry.example[s:e] for s, e in entry.spans(entry.example)]
    assert spans == expected[:1]
    if _plain(entry.literal):
        assert spans[0].lower() == entry.literal.lower()
    assert entry.meaning in (found[0].suggestion or "")


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.counter], ids=_entry_id)
def test_lexicon_counter_stays_silent(entry) -> None:  # noqa: ANN001
    assert findings_of(entry.counter, ["MT201", "MT204"]) == []


def test_every_language_has_a_lexicon() -> None:
    for lang in ("no", "sv", "da", "de", "nl", "fr"):
        assert len(builtin_lexicon(lang)) >= 20, lang


def test_lexicon_rejects_unknown_keys_and_bad_regex() -> None:
    with pytest.raises(LexiconError, match="unknown key"):
        parse_lexicon('[[calque]]\nliteral="a b"\nmeaning="c"\nsource="d"\nexample="a b"\nwhen="x"\n')
    with pytest.raises(LexiconError, match="does not compile"):
        parse_lexicon('[[calque]]\nliteral="a (b"\nmeaning="c"\nsource="d"\nexample="a b"\n')
    with pytest.raises(LexiconError, match="missing"):
        parse_lexicon('[[outlet]]\nliteral="a b"\nsource="d"\nexample="a b"\n')


def test_literal_spaces_match_unicode_spaces_and_curly_apostrophes() -> None:
    pat = re.compile(expand_literal("today's industry"), re.IGNORECASE)
    assert pat.search(normalise_text("told Today’s\u00a0industry that"))
    assert pat.search(normalise_text("told today's\r\nindustry that"))
    assert not pat.search(normalise_text("todays industry"))
    assert not pat.search(normalise_text("today's\n\nindustry"))  # never across a paragraph break
    assert re.compile(expand_literal("(?<=, )neither in")).search("bad, neither in")


def test_anchors_are_mandatory_words() -> None:
    assert literal_anchors("acquaintances? of the police") == {"acquaintance"}
    assert literal_anchors("(?:it|this) is not to be (?:hidden|concealed)") == {"hidden", "concealed"}
    assert literal_anchors("a|(?:b)") is None


def test_bundled_literals_compile() -> None:
    for entry in ENTRIES:
        assert entry.pattern.pattern


def test_outlet_list_loads() -> None:
    names = outlet_names()
    assert "NRK" in names and "TV 2" in names and "Reuters" in names


# MT201 literal-calque ----------------------------------------------------------------------------------

def test_calques_in_context() -> None:
    assert_marked("The suspect is an ⟦MT201:acquaintance of the police⟧ and was arrested again.\n\n"
                  "⟦MT201:It is not to be hidden⟧ that the town is in shock, the mayor said.", "MT201")
    assert_marked("Both passengers ⟦MT201:managed without serious injuries⟧ in the crash.", "MT201")
    assert_marked("The CSU leader ⟦MT201:excludes any cooperation⟧ with the far right.", "MT201")
    assert_marked("“⟦MT201:The situation is confused⟧ at the harbour tonight,” the fire chief said.", "MT201")
    assert_marked("Searchers used ⟦MT201:heat search cameras⟧ and drones overnight.", "MT201")


def test_calque_lexicon_silent_on_idiomatic_english() -> None:
    text = ("The driver was known to the police. There is no denying that the town is in shock. "
            "Both passengers escaped without serious injuries. The CSU leader rules out any cooperation. "
            "The situation is unclear. The deal excludes the pension fund. She managed without help. "
            "An extra sheet of paper was attached. Today's industry is more automated than ever. "
            "The cobbler should stick to his last. Police were alarmed at the rise in burglaries. "
            "Rescuers used thermal imaging cameras. He held his thumbs up for the cameras.")
    assert findings_of(text, ["MT201", "MT204"]) == []


# MT204 literal-outlet-name -----------------------------------------------------------------------------

def test_outlet_names() -> None:
    assert_marked("Photo: Jens Hansen / ⟦MT204:EXTRA SHEET⟧\n\nThe minister told ⟦MT204:Extra Sheet⟧ so.",
                  "MT204")
    assert_marked("The chief executive said so, according to ⟦MT204:Today’s industry⟧.", "MT204")
    assert_marked("⟦MT204:Sundsvall's newspaper⟧ reports that the road is closed.", "MT204")
    assert_marked("Anger at the budget (NRK “⟦MT204:Political Quarter⟧”)", "MT204")
    assert_marked("The mayor told the Yorkshire Evening Post what he had told ⟦MT204:Evening Post⟧.", "MT204")


# MT202 inverted-attribution ----------------------------------------------------------------------------

def test_inverted_attribution_shapes() -> None:
    assert_marked("The two leaders will meet next week.\n\n⟦MT202:He writes Reuters⟧.", "MT202")
    assert_marked("The summit is planned for the autumn. ⟦MT202:It writes NRK⟧.", "MT202")
    assert_marked("The ferry was cancelled again on Monday, ⟦MT202:writes TT⟧.", "MT202")
    assert_marked("The ferry was cancelled again on Monday, ⟦MT202:writes the newspaper⟧.", "MT202")
    assert_marked("– We are all in shock, ⟦MT202:says mayor Kari Olsen (Sp) to TV 2⟧.", "MT202")
    assert_marked("The decision was a mistake, ⟦MT202:says he to NRK⟧.", "MT202")
    assert_marked("Nobody has been arrested so far, ⟦MT202:said the police spokesperson to VG⟧ on Sunday.",
                  "MT202")


def test_inverted_attribution_person_name_in_body() -> None:
    text = ("Lead " + "word " * 25 + "ends here.\n\n"
            "The parade may still take place later in the year, ⟦MT202:writes Anna Berg⟧, a senior analyst.")
    assert_marked(text, "MT202")


def test_inverted_attribution_silent_on_idiomatic_english() -> None:
    text = ("Lead " + "word " * 25 + "ends here.\n\n"
            "The striker told VG that he was happy. Reuters reported the talks on Monday. "
            "That was the view of Tom Hale, who writes for the Times. "
            "“We will not give up,” writes John Smith in his column. "
            "“This is my last post,” he writes on Twitter. "
            "“The reform is overdue,” writes Jane Doe. "
            "He said to be careful with the figures. She says she will talk to NRK later. "
            "He said he sold the rights to TV 2. "
            "Britain needs a new housing policy, writes Jane Doe in her column.")
    assert findings_of(text, "MT202") == []


def test_inverted_attribution_person_name_not_in_title() -> None:
    assert findings_of("Europe must act now, writes Jane Doe\n\nBody text follows here.", "MT202") == []


# MT203 hearsay-modal -----------------------------------------------------------------------------------

def test_hearsay_modals() -> None:
    assert_marked("Satellite ⟦MT203:images will show that⟧ the army is preparing a parade.", "MT203")
    assert_marked("According to the newspaper, the man ⟦MT203:shall have threatened⟧ the guards.", "MT203")
    assert_marked("According to witnesses, they ⟦MT203:must also have been beaten⟧ in custody.", "MT203")
    assert_marked("The suspect ⟦MT203:should have fled⟧ to Spain, according to Expressen.", "MT203")
    assert_marked("The minister ⟦MT203:is to have said⟧ that the plan was dead.", "MT203")


def test_hearsay_modals_silent_on_idiomatic_english() -> None:
    text = ("He is said to have bought forty pizzas. It must have been difficult for the family. "
            "We will show that the claims are false. Tests will show whether the water is safe. "
            "Once it is published, the data will show that we were right. "
            "The police should have acted sooner, according to the report. "
            "The police should not have fled the scene, according to witnesses. "
            "He must have been tired after the match. I shall have finished by then. "
            "“According to the documents, he must have been beaten,” the lawyer said.")
    assert findings_of(text, "MT203") == []


def test_clean_trap_sentences_stay_silent() -> None:
    text = ("After the match the captain went to a burger bar. He is said to have bought forty pizzas.\n\n"
            "A team-mate told VG when asked about it: \"It was a good night for us.\"")
    assert findings_of(text, ["MT201", "MT202", "MT203", "MT204"]) == []


def test_hearsay_modal_with_post_modified_subject_and_later_future_words() -> None:
    assert_marked("Title\n\n⟦MT203:Files obtained by the broadcaster will show that⟧ the mill will close next "
                  "spring.", "MT203")
    assert spans_of("Title\n\nOnce the survey is finished, images taken from the air will show that the dam "
                    "holds.", "MT203") == set()


def test_unlisted_newspaper_recognised_by_its_name_ending() -> None:
    assert_marked("Title\n\nThe road reopened on Friday, ⟦MT202:says county engineer Lisa Berg to Östra "
                  "Smålandskuriren⟧.", "MT202")
    assert spans_of("Title\n\nThe road reopened on Friday, county engineer Lisa Berg told Östra Smålandskuriren.",
                    "MT202") == set()


# Native English near misses of the broadened lexicons: each shares words with an entry but is idiomatic.
NEAR_MISSES = [
    "Teachers should talk to and with students, not at them.",
    "The school sent the sick home early on Friday.",
    "The spirit driving the movement is hope.",
    "The store ran out of hand sanitizer within hours.",
    "The hikers were on the wood path when the storm hit.",
    "She placed an ad for a nanny in the local paper.",
    "The decision was deferred to the court.",
    "He showed himself willing to compromise.",
    "The town is busiest in the height of summer.",
    "Paramedics assisted at the scene of the crash.",
    "The government requisitioned hotels and a prison during the war.",
    "Officials are concerned about the social re-entry of former prisoners.",
    "The brand has a higher appeal among young voters, and the case went to a higher appeal court.",
    "Free help services are available for victims.",
    "Controversy over mayor Smith's plan grew.",
    "The drug comes with strong warnings.",
    "The chief executive said towards the end of the call that profits rose.",
    "The murder-accused man appeared in court.",
    "He was sighted with the stolen car in Leeds.",
    "A party speaker said the rally would go ahead.",
    "They stood before the background of the mountains.",
    "She took a stand to defend the workers.",
    "The custody negotiations between the parents broke down.",
    "He was gripped by fear as the storm approached.",
    "He took part of the money and left.",
    "The parquet floor was damaged by water.",
    "The bill was shelved, so the police could not act. Thus the police were forced to retreat.",
    "He was loud, the police said.",
    "The factory was laid down in 1950 as a shipyard.",
    "The spokesman put a spoke in the wheel of the project.",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_broadened_lexicon_silent_on_native_near_misses(sentence: str) -> None:
    assert findings_of(f"Title\n\n{sentence}", ["MT201", "MT204"]) == []


def test_broadened_lexicon_in_an_article() -> None:
    assert_marked("Title\n\nA 25-year-old man was ⟦MT201:custody imprisoned⟧ on Monday.\n\n"
                  "The two leaders met ⟦MT201:under four eyes⟧, the daily ⟦MT204:Politics⟧ reports.\n\n"
                  "The prosecutor ⟦MT201:requisitioned five years⟧ in prison.", ["MT201", "MT204"])
