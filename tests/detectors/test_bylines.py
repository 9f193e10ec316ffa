"""MT4xx bylines, bios and credits: exact spans on invented articles, and clean texts that stay silent."""

from __future__ import annotations

import pytest
from markers import assert_marked, findings_of

from mtcheck.detectors.bylines import DETECTORS, name_span

LEAD = ("The ferry strike that stopped traffic across the fjord for six days ended on Tuesday after the union "
        "and the operator agreed a new wage deal late on Monday night.")
BODY = ("Passengers had been stranded on both sides, and the county had chartered two small boats to carry "
        "pupils and nurses to work while the talks went on.")
SHORT = "The first boats left at dawn."


# --- MT401 stray-author-line --------------------------------------------------------------------------------

def test_repeated_author_line_at_the_end() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY}\n\n⟦MT401:Olwen Trevaskis⟧\n\n⟦MT401:Olwen Trevaskis⟧",
                  "MT4")


def test_author_line_in_the_tail() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY}\n\n{SHORT}\n\n⟦MT401:Ingrid van der Maase⟧", "MT4")


def test_repeated_author_line_mid_body() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n⟦MT401:Olwen Trevaskis⟧\n\n{BODY}\n\n⟦MT401:Olwen Trevaskis⟧\n\n"
                  f"{BODY}", "MT4")


def test_english_byline_inside_the_body() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY}\n\n{SHORT}\n\n"
                  f"⟦MT401:By Olwen Trevaskis and Ruairi Delacroix⟧\n\n{BODY}", "MT4")


def test_byline_after_a_long_standfirst_is_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\nBy Olwen Trevaskis\n\n{BODY}\n\n{SHORT}", "MT4")


def test_top_byline_block_is_silent() -> None:
    assert_marked(f"Ferry strike ends\n\nBy Olwen Trevaskis, Ruairi Delacroix, Fjord Media Group\n\n{LEAD}\n\n{BODY}",
                  "MT4")
    assert_marked(f"Ferry strike ends\n\nContributor\n\nOlwen Trevaskis Reuters\n\nPublished\n\n{LEAD}\n\n{BODY}",
                  "MT4")


def test_wire_credits_at_the_end_are_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY}\n\n(Reporting by Olwen Trevaskis; editing by Tom Ruiz)"
                  "\n\nAssociated Press\n\nReuters", "MT4")


def test_subheading_followed_by_text_is_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\nNew Timetable\n\n{BODY}\n\nCounty Response\n\n{BODY}", "MT4")


def test_name_inside_a_sentence_is_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY}\n\nOlwen Trevaskis reported from the quay.", "MT4")


@pytest.mark.parametrize(("text", "expected"), [
    ("Olwen Trevaskis", True), ("Ingrid van der Maase", True), ("J. R. Okonkwo", True), ("Jean-Luc O’Brien", True),
    ("Olwen", False), ("OLWEN TREVASKIS", False), ("Police Update", False), ("Olwen Trevaskis said", False),
    ("the Trevaskis family", False), ("Olwen Trevaskis, 54", False),
])
def test_name_span(text: str, expected: bool) -> None:
    assert name_span(text) is expected


# --- MT402 translated-byline --------------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["From: Lisbeth Kvarnstrand", "Von Lisbeth Kvarnstrand", "Av Lisbeth Kvarnstrand",
                                  "Door Lisbeth Kvarnstrand", "Par Lisbeth Kvarnstrand",
                                  "From: Lisbeth Kvarnstrand and Jonas Ekholt"])
def test_translated_byline(line: str) -> None:
    assert_marked(f"⟦MT402:{line}⟧\n\nFerry strike ends\n\n{LEAD}", "MT4")


def test_translated_byline_mid_page() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n⟦MT402:From: Lisbeth Kvarnstrand⟧\n\n{BODY}", "MT4")


@pytest.mark.parametrize("line", ["From Oslo to Bergen", "From: the ministry of transport", "Avery Kvarnstrand",
                                  "Vonda Kvarnstrand", "From Lisbeth Kvarnstrand"])
def test_lines_that_are_not_translated_bylines(line: str) -> None:
    assert_marked(f"Ferry strike ends\n\n{line}\n\n{LEAD}", "MT4")


# --- MT403 generated-bio ------------------------------------------------------------------------------------

@pytest.mark.parametrize("bio", [
    "\"Tea pioneer. Certified board game fan. Stubbornly modest reader.\"",
    "Devoted bacon ninja. Award-winning music evangelist. Typical coffee fan.",
    "Incurable web geek. Falls down a lot. Hardcore travel buff.",
])
def test_generated_bio(bio: str) -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY}\n\n⟦MT403:{bio}⟧", "MT4")


def test_sentences_about_fans_are_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\nThe club is a fan favourite. Every lover of the sea came. "
                  "The expert was wrong.\n\nFans. Experts. Critics.", "MT4")


# --- MT404 broken-photo-credit ------------------------------------------------------------------------------

def test_credit_with_unbalanced_bracket() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\nThe two ferries at the quay in May. "
                  "⟦MT404:Photograph: Siv Lunde/NTB)⟧\n\n{BODY}", "MT4")


def test_credit_glued_to_the_caption() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\nPassengers wait at the quay.⟦MT404:Foto: Siv Lunde / TV 2⟧"
                  f"\n\n{BODY}", "MT4")


@pytest.mark.parametrize("caption", [
    "The two ferries at the quay in May. Photo: Siv Lunde/NTB",
    "A truck on the coast road in February. Photo. Siv Lunde/TT",
    "The minister at the quay (Photo: Siv Lunde/NTB)",
    "The minister at the quay. © Siv Lunde/dpa",
    "Credit: REUTERS/NTB SCANPIX",
    "Photo: Yonhap",
])
def test_intact_credits_are_silent(caption: str) -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{caption}\n\n{BODY}", "MT4")


def test_clean_article_is_silent() -> None:
    text = (f"Ferry strike ends\n\nBy Olwen Trevaskis\n\nPublished 4 March\n\n{LEAD}\n\nPassengers at the quay. "
            f"Photo: Siv Lunde/NTB\n\n{BODY}\n\nWhat Happens Next\n\n{BODY}\n\n"
            "(Reporting by Olwen Trevaskis; editing by Tom Ruiz)")
    assert findings_of(text, "MT4") == []


def test_detectors_declare_byline_category() -> None:
    assert [d.code for d in DETECTORS] == ["MT401", "MT402", "MT403", "MT404"]
    assert all(d.category.value == "byline" for d in DETECTORS)
    assert {d.code: d.severity.value for d in DETECTORS}["MT404"] == "minor"


def test_tail_label_naming_something_in_the_article_is_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD} The operator, Fjordline Transport, apologised.\n\n{BODY}\n\n"
                  "Fjordline Transport", "MT4")


def test_author_box_at_the_end_repeats_the_top_byline() -> None:
    assert_marked(f"Ferry strike ends\n\n⟦MT402:Text: Lisbeth Kvarnstrand⟧\n\n{LEAD}\n\n{BODY}\n\n"
                  "⟦MT401:Lisbeth Kvarnstrand⟧\n\nJournalist", "MT4")


def test_author_named_in_the_body_is_silent_at_the_end() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY} Lisbeth Kvarnstrand reported from the quay.\n\n"
                  "Lisbeth Kvarnstrand", "MT4")


def test_generated_bio_with_hobby_nouns() -> None:
    body = ("The harbour board met on Tuesday and agreed to extend the quay by forty metres before the summer "
            "season, the chairman said after the meeting.")
    assert_marked(f"Quay extension approved\n\n{body}\n\n"
                  "⟦MT403:Reporter at the city desk. Avid hiker. Incurable tea addict.⟧", "MT403")


# --- broadened byline and credit markers --------------------------------------------------------------------

@pytest.mark.parametrize("line", ["Text and photo: Lisbeth Kvarnstrand", "Tekst og foto: Lisbeth Kvarnstrand",
                                  "Text och bild: Lisbeth Kvarnstrand", "Skrevet av Lisbeth Kvarnstrand",
                                  "Geschrieben von Lisbeth Kvarnstrand", "Écrit par Lisbeth Kvarnstrand",
                                  "Text by Lisbeth Kvarnstrand and Olwen Trevaskis"])
def test_broadened_byline_markers(line: str) -> None:
    assert_marked(f"Ferry strike ends\n\n⟦MT402:{line}⟧\n\n{LEAD}\n\n{BODY}", "MT4")


def test_byline_words_in_ordinary_lines_are_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\nText and photo: the county archive\n\n{BODY}\n\n"
                  "Text by the union was read out at the quay.", "MT4")


@pytest.mark.parametrize("marker", ["Arkivfoto", "Archive photo", "Symbolbild", "Beeld", "Crédit photo"])
def test_broadened_credit_marker_glued_to_the_text(marker: str) -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD} The boats waited at the quay.⟦MT404:{marker}: Jane Doe/NTB⟧\n\n"
                  f"{BODY}", "MT4")


def test_intact_broadened_credit_is_silent() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\nThe boats waited at the quay. Archive photo: Jane Doe/NTB\n\n"
                  f"{BODY}", "MT4")


def test_section_heading_in_the_tail_is_not_an_author_line() -> None:
    assert_marked(f"Ferry strike ends\n\n{LEAD}\n\n{BODY}\n\n{SHORT}\n\nClimate Crisis", "MT4")
