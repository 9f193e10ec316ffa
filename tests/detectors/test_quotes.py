"""MT1xx: dash-quotes, headline pseudo-quotes, mixed quotation conventions, unbalanced marks."""

from __future__ import annotations

import json

import pytest
from markers import assert_marked, findings_of, spans_of

from mtcheck.detectors.quotes import analyse
from mtcheck.document import build_document

ALL = ["MT101", "MT102", "MT103", "MT104"]


# --- MT101 dialogue-dash-quote -------------------------------------------------------------------------------

def test_paragraph_initial_en_dash_quote_stops_before_attribution():
    assert_marked(
        "Floods hit the valley\n\nThe river rose overnight.\n\n"
        "⟦MT101:– The water came very fast. We had no time to leave⟧, says farmer Ola Berg.\n\nEnd of story.",
        "MT101")


def test_dash_quote_subheading_and_em_dash_after_sentence_end():
    assert_marked(
        "Storm warning\n\nThe storm reached the coast on Monday. ⟦MT101:— We expect more wind tonight⟧, "
        "the forecaster notes.\n\n⟦MT101:– Stay indoors⟧\n\nSchools were closed across the county.",
        "MT101")


def test_dash_quote_after_colon_in_a_long_paragraph_and_verb_first_attribution():
    assert_marked(
        "Fees\n\nThe party wants to raise fees on short flights between the two largest cities in the country "
        "next year. Its deputy leader explains: ⟦MT101:– If we want a fair policy, flights must cost more.⟧ says "
        "Kari Lund.\n\nEnd.",
        "MT101")


def test_question_without_attribution_runs_to_end_of_paragraph():
    assert_marked(
        "Interview\n\nThe reporter met the chief at the scene.\n\n⟦MT101:– How many houses are gone?⟧\n\n"
        "⟦MT101:– At least ten. Others are damaged⟧, the chief tells the paper.\n\nEnd.",
        "MT101")


def test_hyphen_quote_needs_speech_evidence():
    assert_marked(
        "Police operation\n\nThe police will not say more. ⟦MT101:- I can only confirm an ongoing case⟧, says "
        "spokesperson Eva Holm.\n\nWas anyone arrested?\n\n⟦MT101:- No, but nobody nearby needs to leave their homes.⟧\n\n"
        "More news later.",
        "MT101")


def test_hyphen_bullets_in_third_person_stay_silent():
    assert_marked(
        "Vote result\n\n- The election delivers a slim majority to the conservative bloc\n\n"
        "- The finance portfolio will probably go to the head of the smaller coalition partner\n\n"
        "A right-wing bloc won a narrow majority in parliament on Sunday.",
        ALL)


def test_en_dash_bullets_stay_silent_but_dialogue_runs_are_flagged():
    assert_marked("Facts\n\nKey facts:\n\n– Turnout rose to 84 percent\n\n– Three parties lost seats\n\nBody.", ALL)
    assert_marked("Facts\n\nKey facts:\n– Turnout rose to 84 percent\n– Three parties lost seats\n\nBody.", ALL)
    assert_marked(
        "Talk\n\nThe chief answered a few questions.\n⟦MT101:– How bad is it?⟧\n"
        "⟦MT101:– Very bad⟧, he answers.\n\nBody.",
        "MT101")


@pytest.mark.parametrize("text", [
    "Title\n\nThe alliance led by the Greens – the region’s oldest movement – took control of the council.\n\nEnd.",
    "Title\n\nHe bought burgers, with cameras - including his own team - catching him.\n\nEnd.",
    "Title\n\nSEOUL (AP) — The North fired a missile on Sunday, officials said.\n\nEnd.",
    "Title\n\nASTANA. AGENCY - The city delayed its plan, officials said on Wednesday.\n\nEnd.",
    "Title\n\nBERGEN, Mar 3 (Reuters) - Norway's fund earned a record return, it said.\n\nEnd.",
    "Title\n\nTrade with the U.S. – the largest partner – grew fast.\n\nEnd.",
    "Title\n\nAll are aged 50-70 years. The fair runs 2–3 May. Pre-war co-operation.\n\nEnd.",
    "Big fire in the old town – NRK\n\nText here.\n\nMore.",
    "Big fire in the old town. - TT\n\nText here.\n\nMore.",
    "Title\n\nBody text of the article.\n\n— Jane Roe\n\n— Reporting by Jane Roe; Editing by John Doe",
    "Title\n\nThe minister resigned. — Associated Press writer Jan Roe in Bergen contributed.\n\nEnd.",
    "Title\n\nThe party is led by the\n– Finance Minister – who won the vote.\n\nEnd.",
    "Title\n\nLocal word: fjellvett – common sense in the mountains\n\nEnd.",
    "Title\n\nBeta V.2.0 - Powered by a translation widget\n\nEnd.",
])
def test_dashes_that_are_not_quotes_stay_silent(text: str):
    assert findings_of(text, ALL) == []


def test_markdown_hyphen_list_is_not_a_dash_quote():
    text = "# Title\n\n- We will publish the figures tomorrow\n- You can read more below\n\nText."
    assert findings_of(text, "MT101", fmt="markdown") == []


def test_crlf_and_no_break_spaces():
    assert_marked("Title\r\n\r\nThe rain stopped.\r\n\r\n⟦MT101:–\u00a0We are relieved⟧, says Ane.\r\n\r\nEnd.",
                  "MT101")


# --- MT102 hyphen-pseudo-quote ---------------------------------------------------------------------------------

def test_headline_pseudo_quotes_without_site_suffix():
    assert_marked(
        "Title\n\nSee also: Climate researcher on the deal: ⟦MT102:- Deeply worrying⟧ - NTB\n\n"
        "Body text that is long enough to be a paragraph of the article.\n\n"
        "Former minister: ⟦MT102:- Found the papers⟧\n\nAnger at the council: ⟦MT102:– Nepotism⟧ (local radio)\n\nEnd.",
        "MT102")


def test_colon_then_word_then_dash_is_not_a_pseudo_quote():
    assert_marked("Title\n\nWord of the day: fjellvett – common sense\n\nEnd.", "MT102")


# --- MT103 mixed-quote-conventions ------------------------------------------------------------------------------

def test_dash_quote_beside_quotation_marks():
    assert_marked(
        "Title\n\nThe minister was asked about the plan.\n\n⟦MT101:⟦MT103:– Too early to say.⟧⟧ “But we will look at "
        "every option,” she said.\n\nEnd.",
        ["MT101", "MT103"])


def test_short_quoted_title_beside_a_dash_quote_is_not_mixing():
    assert_marked("Title\n\nThe show aired. ⟦MT101:– We liked it⟧, says the host of “Evening News”.\n\nEnd.",
                  ["MT101", "MT103"])


def test_two_quotation_mark_systems():
    assert_marked("Title\n\nShe said “we will win this time” and he said ⟦MT103:«no way at all»⟧.\n\nEnd.", "MT103")
    assert_marked("Title\n\n⟦MT103:„This is good news“⟧, he said, and “we will see about it later”.\n\nEnd.", "MT103")
    assert_marked("Title\n\n«One» and «two» but ⟦MT103:„three“⟧ here.\n\nEnd.", "MT103")


def test_consistent_guillemets_and_german_pairs_are_not_mixed():
    assert_marked("Title\n\n«As part of a response, the city has decided,» an official said. «Fare hikes are "
                  "unavoidable.»\n\n„I think so”, he said.\n\nEnd.", ["MT103", "MT104"])


# --- MT104 unbalanced-quotes-or-brackets ------------------------------------------------------------------------

def test_stray_closing_bracket_of_a_caption_credit():
    assert_marked("Title\n\nThe leaders met on 13 March 2023. Photograph: Jane Roe/AFP⟦MT104:)⟧\n\nEnd.", "MT104")


def test_unclosed_and_stray_quotation_marks_and_brackets():
    assert_marked("Title\n\n⟦MT104:“⟧We are going to the city today, she said.\n\nPlain paragraph.\n\nEnd.", "MT104")
    assert_marked("Title\n\nWe are going to the city today,⟦MT104:”⟧ she said.\n\nEnd.", "MT104")
    assert_marked("Title\n\nThe fund ⟦MT104:(⟧the largest in the world grew fast.\n\nEnd.", "MT104")
    assert_marked("Title\n\nA quote ⟦MT104:«⟧that never ends.\n\nEnd.", "MT104")


@pytest.mark.parametrize("text", [
    "Title\n\n“The first part of the quote runs on.\n\n“And the second part ends here,” she said.\n\nEnd.",
    "Title\n\nBody.\n\n“Since th",
    "Title\n\nNorway’s players’ shirts from the ’90s don’t fit. The ‘military flag’ was raised.\n\nEnd.",
    "Title\n\nThe plan: 1) taxes, 2) schools, a) roads, (b) rail :) fine.\n\nEnd.",
    "Title\n\nIt has a 12\" screen and he is 5'11\" tall.\n\nEnd.",
    "Title\n\n(Full overview in one minute. Sign up here – it is free).\n\nEnd.",
    "Title\n\nThe statement said “we are shocked “, it added.\n\nEnd.",
])
def test_balanced_or_excused_marks_stay_silent(text: str):
    assert findings_of(text, "MT104") == []


# --- shared analysis and the corpus -----------------------------------------------------------------------------

def test_analysis_records_evidence():
    doc = build_document("Title\n\nIt rained. - We stayed home, says Ane.\n\n- Prices rose in March\n\nEnd.")
    quotes = analyse(doc).quotes
    assert [(q.where, q.attribution, q.confirmed) for q in quotes] == [("sentence", True, True),
                                                                        ("line", False, True)]
    assert doc.text[quotes[0].dash:quotes[0].end] == "- We stayed home"


def test_corpus_quote_dash_labels_found_and_clean_articles_silent(corpus):
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    missed = []
    for lab in labels:
        if lab["category"] != "quote_dash":
            continue
        text = (corpus / lab["file"]).read_text(encoding="utf-8")
        spans = [(i, i + len(lab["quote"])) for i in range(len(text)) if text.startswith(lab["quote"], i)]
        found = findings_of(text, ALL)
        if not any(f.start < e and s < f.end for f in found for s, e in spans):
            missed.append(lab["quote"])
    assert missed == []
    for path in sorted((corpus / "clean").glob("*.txt")):
        assert findings_of(path.read_text(encoding="utf-8"), ALL) == [], path.name


@pytest.mark.parametrize("marked", [
    "Title\n\n“We will build it this year, ⟦MT105:”The⟧ mayor said on Monday.",
    "Title\n\nThe bridge had become a symbol of a safe place ⟦MT105:“⟧, the statement says.",
    "Title\n\nThe mayor said: ⟦MT105:„We⟧ will build it this year.“",
    "Title\n\nThe ⟦MT105:band‘s⟧ new album ⟦MT105:doesn‘t⟧ disappoint.",
])
def test_misplaced_quote_mark(marked: str) -> None:
    assert_marked(marked, "MT105")


def test_misplaced_quote_mark_stays_silent_on_well_placed_marks() -> None:
    text = ("Title\n\n“We will build it this year,” the mayor said. She called it “a promise”. "
            "Critics said “no”, and the council’s ‘plan B’ was shelved.")
    assert spans_of(text, "MT105") == set()
