"""MT601 glued-words and MT602 missing-sentence-break: exact spans on invented fixtures."""

from __future__ import annotations

import pytest

from markers import assert_marked, spans_of
from mtcheck.detectors.glued import GluedWords, MissingSentenceBreak, reads_as_one_word, zipf


@pytest.mark.parametrize("marked", [
    # lower-to-upper junction of two words
    "The council met on Friday. Story continues below ⟦MT601:adStory⟧ continues below ad.",
    "It was a proud ⟦MT601:nationWhich⟧ had waited for the vote.",
    # ALL-CAPS section label glued to the next word
    "⟦MT601:SPORTFootball⟧ clubs in the north lost again on Sunday.",
    "⟦MT601:NEWSThe⟧ harbour reopened after the storm.",
    "The weekly ⟦MT601:AdvertisementThe⟧ mayor said nothing.",
    "⟦MT601:CULTUREFollowing⟧ the festival, the town was quiet.",
    "⟦MT601:MUSICABBA⟧, the band from Stockholm, will not tour this year.",
    # quotation marks glued to letters
    "The film ‘Winter ⟦MT601:Road’After⟧ the war opens in May.",
    "He keeps ⟦MT601:singing‘Blue⟧ river’ at every concert.",
    "The mayor ⟦MT601:said“We⟧ are ready” on Monday.",
    # sentence end glued to the next sentence
    "They voted for plan ⟦MT601:B.In⟧ the end, nobody was happy.",
    "It was the ⟦MT601:end.The⟧ next day began quietly.",
    "Nobody came to the ⟦MT601:meeting.”The⟧ board left early.",
    # dates glued to words
    "She is ⟦MT601:aMar⟧ 14, 2023 report on fishing quotas.",
    "The vote was held in ⟦MT601:OctoberMar⟧ 14, 2023 and again later.",
    # a word glued to a web address
    "Read the full ⟦MT601:reporthttps://example.org/fish⟧ for details.",
    # brackets
    "OSLO ⟦MT601:(NTB)The⟧ government resigned on Tuesday.",
    # all-lowercase gluings of frequent words
    "The ministers ⟦MT601:theywere⟧ meeting said little.",
    "The list of names ⟦MT601:ofthe⟧ guards was found.",
])
def test_glued_tokens_are_flagged(marked: str) -> None:
    assert_marked(marked, "MT601")


def test_camel_case_brands_and_names_stay_silent() -> None:
    text = ("He bought an iPhone and a MacBook, watched YouTube on eBay's PlayStation, wrote JavaScript in "
            "PowerPoint, posted on LinkedIn, WhatsApp and TikTok, asked OpenAI's ChatGPT about DiCaprio, "
            "McKinsey, McDonald's and O'Neill. The GmbH hired a PhD. NATO's U.S. allies, e.g. the U.K., i.e. "
            "London, met at 3pm (10km away) at 9 a.m. and 5 p.m. in St.Petersburg about COVID-19 and K-pop. "
            "BioNTech, AstraZeneca, SpaceX, JPMorgan, FedEx, DeSantis, LeBron and MrBeast were there too, "
            "with iOS, PayPal, SoftBank, BlackRock and EasyJet. Users SignIn, AddOn and SaveIt daily.")
    assert spans_of(text, "MT601") == set()


def test_urls_handles_hashtags_and_files_stay_silent() -> None:
    text = ("Write to news.Desk@example.com or see https://example.com/NewsRoom and www.example.org/TheTeam, "
            "follow @CityNewsDesk and #ElectionNight, and open BudgetPlan.pdf or read_Me.txt today.")
    assert spans_of(text, "MT601") == set()


def test_apostrophes_and_names_with_quotes_stay_silent() -> None:
    text = ("Sweden’s prime minister met Ireland’s Mary O’Neill and D’Angelo’s lawyer. It doesn‘t matter, "
            "the group‘s manager said. The band’s ‘new era’ started.")
    assert spans_of(text, "MT601") == set()


def test_real_words_that_split_into_two_words_stay_silent() -> None:
    text = ("The protesters seethe with anger; therewith and herewith the board took over the thereafter "
            "famous therapist's theatre. The afterlife of the takeover, the handover and the sunday meetup.")
    assert spans_of(text, "MT601") == set()


def test_all_caps_heading_is_not_a_glued_label() -> None:
    text = "NEWSROOM CHANGES\n\nThe editor announced a new team on Monday."
    assert spans_of(text, "MT601") == set()


def test_one_finding_per_token_with_crlf_and_no_break_space() -> None:
    marked = "Title line\r\n\r\nRoads closed\u00a0⟦MT601:adArticle⟧ continues below\u00a0ad.\r\n"
    assert_marked(marked, "MT601")


@pytest.mark.parametrize("marked", [
    "The timetable hung in the harbour ⟦MT602:office Over⟧ the summer the ferries ran twice an hour.",
    "The ferry left without the two ⟦MT602:passengers According⟧ to the company, the crew was not told.",
])
def test_missing_sentence_break(marked: str) -> None:
    assert_marked(marked, "MT602")


def test_missing_sentence_break_stays_silent_on_titles_and_names() -> None:
    text = ("Police Search For Missing Hikers In The Mountains\n\n"
            "The band played the song called The long road home. Critics said the film It follows a family. "
            "Under the licence, the rights granted to You are limited. She met the leaders of The Hague "
            "court. He said: “the plan After all is ours,” and left.")
    assert spans_of(text, "MT602") == set()


def test_examples_of_the_docstrings() -> None:
    for cls in (GluedWords, MissingSentenceBreak):
        assert any(c == cls.code for c, _a, _b in spans_of(cls.bad, cls.code))
        assert spans_of(cls.good, cls.code) == set()


def test_word_frequencies() -> None:
    assert zipf("the") > 7
    assert zipf("nationwhich") == 0.0
    assert not reads_as_one_word("in", "the")  # "inthe" is a web typo, far rarer than its parts
    assert reads_as_one_word("soft", "bank")


@pytest.mark.parametrize("marked", [
    "Title\n\nThe plan was never meant to be public, and it is a pity that it got⟦MT603:. says⟧ Jane Doe.",
    "Title\n\nWe have followed the reports, the fire chief in the northern district⟦MT603:. said⟧ the town.",
])
def test_lowercase_after_full_stop(marked: str) -> None:
    assert_marked(marked, "MT603")


@pytest.mark.parametrize("text", [
    "Title\n\nShares in Nordic Ferries Ltd. rose after the report. Sales were up approx. ten percent.",
    "Title\n\nHe waited... and then he left. The U.S. and Norway signed the deal at 3 p.m. on Friday.",
    "Title\n\nSee example.com for details. Later, iPhone sales rose. Output fell by 3. most of it in May.",
])
def test_lowercase_after_full_stop_stays_silent(text: str) -> None:
    assert spans_of(text, "MT603") == set()
