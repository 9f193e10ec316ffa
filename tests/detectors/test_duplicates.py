"""MT501 repeated-headline, MT502 repeated-paragraph, MT503 repeated-sentence: exact spans on invented fixtures."""

from __future__ import annotations

from markers import assert_marked, findings_of, spans_of
from mtcheck.detectors.duplicates import RepeatedHeadline, RepeatedParagraph, RepeatedSentence, copy_kind, fold_tokens

BODY = ("Hundreds of passengers were left waiting on the quay on Tuesday morning after crews on six routes "
        "walked off the job in a dispute over overtime pay.")


def test_headline_printed_twice() -> None:
    assert_marked(f"Ferry crews strike on six routes\n\n⟦MT501:Ferry crews strike on six routes⟧\n\n{BODY}",
                  "MT501")


def test_headline_with_site_suffix_and_folded_diacritics() -> None:
    assert_marked("Big fire in Årstaäng – Latest news – fast news from Dagsposten\n\n"
                  f"⟦MT501:Big fire in Arstaang Latest news fast⟧\n\n{BODY}", "MT501")


def test_headline_with_section_prefix_and_one_word_changed() -> None:
    assert_marked("Home Politics Minister rejects new road tolls in the west\n\n"
                  f"⟦MT501:Minister rejects new road tolls in the west⟧\n\n{BODY}", "MT501")
    assert_marked("Latest news – Big brawl at the station – several hurt\n\n"
                  f"• ⟦MT501:Big brawl at the terminal – several hurt⟧\n\n{BODY}", "MT501")


def test_headline_restated_in_a_longer_lead_is_silent() -> None:
    text = ("Storm closes roads in the north\n\nStorm closes roads in the north of the country as winds of up "
            "to 40 metres per second hit the coast on Monday, police said.")
    assert spans_of(text, "MT5") == set()


def test_short_headline_words_in_a_list_item_are_silent() -> None:
    text = "Latest news – Storm closes roads\n\n• Latest news\n\n• Storm hits ferries\n\n" + BODY
    assert spans_of(text, "MT5") == set()


def test_caption_repeated_with_a_photo_credit() -> None:
    assert_marked("Ferry strike\n\nFLAGS: Residents have hung flags along the harbour in Bergen.\n\n"
                  f"{BODY}\n\n"
                  "⟦MT502:FLAGS: Residents have hung flags along the harbour in Bergen. "
                  "Photo: Kari Nordmann / NTB⟧",
                  "MT502")


def test_paragraph_repeated_exactly_names_the_first_line() -> None:
    text = f"Ferry strike\n\n{BODY}\n\nThe union met.\n\n{BODY}"
    (finding,) = findings_of(text, "MT502")
    assert "line 3" in finding.message
    assert text[finding.start:finding.end] == BODY
    assert finding.start > text.index(BODY)


def test_paragraph_with_one_word_changed() -> None:
    changed = BODY.replace("Tuesday", "Wednesday")
    assert_marked(f"Ferry strike\n\n{BODY}\n\nThe union met.\n\n⟦MT502:{changed}⟧", "MT502")


def test_lead_repeated_with_a_dateline() -> None:
    assert_marked(f"Ferry strike\n\n{BODY}\n\n⟦MT502:BERGEN, May 2 (NTB) - {BODY}⟧", "MT502")


def test_short_repeated_lines_and_furniture_are_silent() -> None:
    text = ("Today in Norway: the news in brief\n\nUpdate:\n\nThe ferry strike ended at noon today.\n\n"
            "Photo: Yonhap\n\nUpdate:\n\nPhoto: Yonhap\n\nNorwegian word: streik – strike\n\n"
            "The bus strike goes on in the east.\n\nNorwegian word: ferje – ferry\n\n"
            "Story continues below adStory continues below ad\n\nStory continues below adStory continues below ad\n\n"
            "“We are tired,” he said. “We want a fair roster,” he said.")
    assert spans_of(text, "MT5") == set()


def test_similar_but_different_paragraphs_are_silent() -> None:
    text = ("Ferry strike\n\nThe match between the two clubs starts at six on Friday evening in Bergen.\n\n"
            "The match between the two clubs starts at eight on Sunday evening in Tromsø.")
    assert spans_of(text, "MT5") == set()


def test_repeated_sentence_outside_repeated_paragraphs() -> None:
    sentence = "The union says the company ignored every warning about tired crews."
    assert_marked(f"Ferry strike\n\n{sentence} Talks failed on Monday.\n\n"
                  f"Passengers waited for hours. ⟦MT503:{sentence}⟧", "MT503")


def test_repeated_sentence_is_not_reported_inside_a_repeated_paragraph() -> None:
    text = f"Ferry strike\n\n{BODY}\n\nThe union met.\n\n{BODY}"
    assert {c for c, _a, _b in spans_of(text, "MT5")} == {"MT502"}


def test_headline_copy_is_not_also_a_repeated_paragraph() -> None:
    title = "Ferry crews strike on six routes across the west coast"
    text = f"{title}\n\n{title}\n\n{BODY}\n\n{title}"
    assert {c for c, _a, _b in spans_of(text, "MT5")} == {"MT501"}


def test_fold_tokens_and_copy_kind() -> None:
    assert fold_tokens("Skarpnäck\u00a0– LATEST  news!") == ["skarpnack", "latest", "news"]
    six = "one two three four five six".split()
    assert copy_kind(six, six, 6) == ("exact", 1.0)
    assert copy_kind(six, ["home", "news", *six], 6)[0] == "framed"
    assert copy_kind(six, "seven eight nine ten eleven twelve".split(), 6) is None


def test_examples_of_the_docstrings() -> None:
    for cls in (RepeatedHeadline, RepeatedParagraph, RepeatedSentence):
        assert any(c == cls.code for c, _a, _b in spans_of(cls.bad, cls.code))
        assert spans_of(cls.good, cls.code) == set()
