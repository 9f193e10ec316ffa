"""The semantic detectors (MT8xx) with a deterministic fake encoder, and once with the bundled model."""

from __future__ import annotations

import pytest
from markers import strip_markers

from mtcheck.detectors import semantic
from mtcheck.detectors.semantic import (BoilerplateExemplar, BylineExemplar, CalqueExemplar, NearDuplicate,
                                        OffTopicInsert, load_exemplars)
from mtcheck.document import build_document
from mtcheck.embeddings import FakeEncoder
from mtcheck.engine import check_document
from mtcheck.errors import ConfigError
from mtcheck.findings import Category, Severity
from mtcheck.settings import Settings

SEMANTIC = semantic.DETECTORS


@pytest.fixture(scope="module")
def real_encoder():
    """Return the bundled model's encoder (loaded once per process by ``load_encoder``)."""
    from mtcheck.embeddings import load_encoder

    return load_encoder(None)

# Invented fixture article: every paragraph shares the ferry vocabulary, so the fake encoder sees one topic.
FERRY = [
    "Harbour council approves new ferry timetable",
    "The harbour council approved the new ferry timetable for the island routes on Tuesday evening.",
    "Ferry passengers will get two extra morning departures from the harbour to the islands in May.",
    "The ferry company expects the island timetable to cost the harbour council more money.",
    "Island residents had asked the harbour council for earlier ferry departures for years.",
]


def run(text: str, codes: list[str] | str, encoder=None, **kw):
    """Return the findings of ``codes`` on ``text`` with embeddings from ``encoder`` (a fake one by default)."""
    select = [codes] if isinstance(codes, str) else codes
    doc = build_document(text)
    return check_document(doc, Settings(select=select, **kw), encoder=encoder or FakeEncoder()).findings


def assert_marked_emb(marked: str, codes: list[str] | str, encoder=None, **kw) -> None:
    """Assert that ``codes`` flag exactly the marked spans of ``marked`` (see tests/markers.py)."""
    text, expected = strip_markers(marked)
    got = {(f.code, f.start, f.end) for f in run(text, codes, encoder, **kw)}
    show = lambda s: sorted((c, text[a:b]) for c, a, b in s)  # noqa: E731
    assert got == expected, f"\nexpected: {show(expected)}\ngot:      {show(got)}"


def article(*inserts: tuple[int, str]) -> str:
    """Return the ferry article with (position, paragraph) inserts."""
    paras = list(FERRY)
    for pos, para in sorted(inserts, reverse=True):
        paras.insert(pos, para)
    return "\n\n".join(paras)


# ------------------------------------------------------------------------------------------------- metadata


@pytest.mark.parametrize("cls", SEMANTIC, ids=lambda c: c.code)
def test_metadata(cls):
    assert cls.requires_embeddings and cls.code.startswith("MT8")
    assert isinstance(cls.threshold, float) and 0 < cls.threshold < 1
    assert str(cls.threshold)[1:] in cls.explanation() or f"{cls.threshold:.2f}" in cls.explanation()


@pytest.mark.parametrize("cls", SEMANTIC, ids=lambda c: c.code)
def test_examples_with_fake_encoder(cls):
    assert [f for f in run(cls.bad, cls.code) if f.code == cls.code], f"{cls.code} misses its bad example"
    assert not [f for f in run(cls.good, cls.code) if f.code == cls.code], f"{cls.code} flags its good example"


def test_semantic_detectors_are_skipped_without_encoder_or_with_embeddings_off():
    doc = build_document(NearDuplicate.bad)
    assert not check_document(doc, Settings(select=["MT8"])).findings
    assert not check_document(doc, Settings(select=["MT8"], embeddings=False), encoder=FakeEncoder()).findings


def test_model_info_is_reported():
    res = check_document(build_document(NearDuplicate.bad), Settings(select=["MT8"]), encoder=FakeEncoder())
    assert res.model == {"name": "fake", "source": "tests", "dim": 256}


def test_document_is_encoded_once_for_all_detectors():
    enc = FakeEncoder()
    run(article((3, "Please type your comment here")), "MT8", enc)
    # one call for the exemplar banks, one for the document's paragraphs and sentences
    assert enc.calls == 2
    run(article((3, "Please type your comment here")), "MT8", enc)
    assert enc.calls == 2  # the same texts again: everything comes from the run's cache


# ------------------------------------------------------------------------------------------------- MT801


def test_near_duplicate_flags_the_later_copy_with_small_changes():
    assert_marked_emb(
        "Ferry fares rise again on the island routes\n\n"
        "⟦MT801:Ferry fares rise again on the island routes – Local news⟧\n\n"
        "The harbour council approved higher ferry fares on Tuesday after a long debate about costs.",
        "MT801")


def test_near_duplicate_caption_with_credit():
    assert_marked_emb(
        "The harbour council approved higher ferry fares on Tuesday after a long debate about costs.\n\n"
        "HARBOUR: The old ferry leaves the quay at dawn on a grey morning.\n\n"
        "⟦MT801:HARBOUR: The old ferry leaves the quay at dawn on a grey morning. Photo: Kari Nord / Tidende⟧",
        "MT801")


def test_near_duplicate_needs_the_same_words_not_only_the_same_meaning():
    # The fake encoder makes these two identical in meaning; the text guard keeps them apart.
    title = "Council backs ferry plan"
    lead = "On Tuesday the harbour council voted to support the plan for new island ferries."
    enc = FakeEncoder({title: [1.0, 0.0], lead: [1.0, 0.0]})
    assert not run(f"{title}\n\n{lead}", "MT801", enc)


def test_near_duplicate_sentence_inside_a_later_paragraph():
    s = "The harbour council approved higher ferry fares on Tuesday after a long debate about costs."
    assert_marked_emb(
        f"{s} The vote was close.\n\n"
        "Island residents were angry about the decision.\n\n"
        f"Fares will rise in May. ⟦MT801:{s}⟧",
        "MT801")


def test_near_duplicate_short_repeated_lines_and_boilerplate_are_left_alone():
    text = article((2, "Read more"), (4, "Read more"), (3, "Please type your comment here"),
                   (5, "Please type your comment here"))
    assert not run(text, "MT801")


def test_near_duplicate_severity_and_confidence():
    (f,) = run(NearDuplicate.bad, "MT801")
    assert f.severity is Severity.MAJOR and f.category is Category.DUPLICATE
    assert 0.5 <= f.confidence <= 0.99 and f.source == "embedding"
    assert f.message.startswith('"Ferry fares rise again') and "repeats line 1" in f.message


# ------------------------------------------------------------------------------------------------- MT802


def test_off_topic_teaser_between_paragraphs():
    assert_marked_emb(article((3, "⟦MT802:Ten ways to keep your garden roses blooming all summer long⟧")), "MT802")


@pytest.mark.parametrize("para", [
    "Ten ways to keep garden roses blooming all summer long.",  # ends like a sentence: prose
    "Gardeners say roses bloom longer in a wet summer",  # reports speech
    "“Roses bloom longer in a wet summer”",  # a quotation
    "Roses bloom",  # too short
    "12 34 56 roses",  # too few alphabetic words
])
def test_off_topic_guards(para):
    assert not run(article((3, para)), "MT802")


def test_off_topic_needs_enough_paragraphs_and_skips_the_header():
    assert not run("\n\n".join([FERRY[0], "Ten ways to keep your garden roses blooming", FERRY[1], FERRY[2]]),
                   "MT802")
    # Paragraph 1 is before the body (the first paragraph of 20+ words starts it).
    long_lead = FERRY[1][:-1] + " after a debate that lasted until late in the evening at the harbour office."
    text = "\n\n".join([FERRY[0], "Ten ways to keep your garden roses blooming", long_lead, *FERRY[2:]])
    assert not run(text, "MT802")


def test_off_topic_skips_lines_matched_by_an_exemplar_bank():
    text = article((3, "Subscribe to our newsletter to get the news in your inbox every morning"))
    assert {f.code for f in run(text, "MT8")} == {"MT803"}


# ------------------------------------------------------------------------------------------------- MT803-805


def test_boilerplate_exemplar_paragraph_and_sentence():
    assert_marked_emb(article((3, "⟦MT803:Please type your comment here⟧"))
                      .replace("Tuesday evening.", "Tuesday evening. ⟦MT803:Read the full story⟧"), "MT803")


def test_boilerplate_exemplar_message_names_the_exemplar():
    (f,) = run(article((3, "Please type your comment here")), "MT803")
    assert f.message == ('"Please type your comment here" resembles page furniture '
                         '("Please type your comment here", similarity 1.00)')
    assert f.extra["exemplar"] == "Please type your comment here" and f.severity is Severity.MINOR


def test_byline_exemplar_only_in_the_body():
    bio = "Coffee enthusiast. Lifelong music fanatic. Dedicated internet nerd."
    assert_marked_emb(article((5, f"⟦MT804:{bio}⟧")), "MT804")
    # The same lines in the header (before the first long paragraph) are a real byline area.
    header = "\n\n".join([FERRY[0], bio, FERRY[1] + " The debate lasted until late at night in the harbour office."])
    assert not run(header, "MT804")


def test_calque_exemplar_only_short_sentences():
    assert_marked_emb(article((5, "⟦MT805:She writes Aftenposten.⟧")), "MT805")
    assert not run(article((5, "She writes Aftenposten about the ferry timetable of the harbour council.")), "MT805")


def test_one_category_per_unit():
    # A line equal to a boilerplate exemplar is boilerplate only, even though it resembles nothing else.
    fs = run(article((3, "Please type your comment here")), "MT8")
    assert [(f.code, f.category) for f in fs] == [("MT803", Category.BOILERPLATE)]


def test_extra_exemplar_files(tmp_path):
    by_cat = tmp_path / "boilerplate.txt"
    by_cat.write_text("# my site\nTap the bell to get alerts\n", encoding="utf-8")
    mixed = tmp_path / "mine.tsv"
    mixed.write_text("calque\tThe mayor meant that the ferry is late.\nbyline\tHarbour blogger. Gull fan.\n",
                     encoding="utf-8")
    banks = load_exemplars((str(by_cat), str(mixed)))
    assert "Tap the bell to get alerts" in banks["boilerplate"]
    assert "The mayor meant that the ferry is late." in banks["calque"]
    assert "Harbour blogger. Gull fan." in banks["byline"]
    text = article((3, "Tap the bell to get alerts"))
    assert not run(text, "MT803")
    assert [f.code for f in run(text, "MT803", extra_exemplars=[str(by_cat)])] == ["MT803"]


def test_extra_exemplar_file_errors(tmp_path):
    bad = tmp_path / "mine.txt"
    bad.write_text("no category here\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"mine.txt:1: expected 'category<TAB>text'"):
        load_exemplars((str(bad),))
    with pytest.raises(ConfigError, match="cannot read exemplar file"):
        load_exemplars((str(tmp_path / "missing.txt"),))


def test_shipped_banks_are_not_empty_and_have_no_duplicates():
    banks = load_exemplars(())
    for cat in ("boilerplate", "byline", "calque"):
        assert len(banks[cat]) >= 5 and len(set(banks[cat])) == len(banks[cat])


# ------------------------------------------------------------------------------------------------- merging


def test_heuristic_and_semantic_findings_on_the_same_line_merge(monkeypatch):
    """A heuristic and an MT8xx finding of one category on one span become one finding (the stronger)."""
    from mtcheck.detectors.base import Detector
    from mtcheck.registry import Registry

    class FakeHeuristic(Detector):
        """Flag the comment prompt.

        ## What it does
        Test double. ## Why it matters
        Test double. ## False positives
        None.
        """

        code, name, category, severity = "MT399", "fake-prompt", Category.BOILERPLATE, Severity.MAJOR
        bad = good = "x"

        def check(self, doc, ctx):
            i = doc.text.index("Please type")
            yield self.finding(i, i + len("Please type your comment here"), "prompt")

    reg = Registry([FakeHeuristic, BoilerplateExemplar, OffTopicInsert])
    doc = build_document(article((3, "Please type your comment here")))
    res = check_document(doc, Settings(), registry=reg, encoder=FakeEncoder())
    assert [(f.code, f.source) for f in res.findings] == [("MT399", "heuristic")]


# ------------------------------------------------------------------------------------------------- real model


@pytest.mark.model
@pytest.mark.parametrize("cls", SEMANTIC, ids=lambda c: c.code)
def test_examples_with_the_bundled_model(cls, real_encoder):
    assert [f for f in run(cls.bad, cls.code, real_encoder) if f.code == cls.code]
    assert not [f for f in run(cls.good, cls.code, real_encoder) if f.code == cls.code]


@pytest.mark.model
def test_bundled_model_known_cases(real_encoder):
    """A near-duplicate headline, an off-topic teaser and a paraphrased ad marker: none worded as in the banks."""
    text = ("Storm closes the mountain pass for the second day\n\n"
            "Storm closes mountain pass for a second day – Weather\n\n"
            "Snow and strong wind kept the mountain pass between the two valleys closed on Wednesday, and the "
            "road authority said it could not promise to open it before the weekend.\n\n"
            "Lorry drivers waited in long queues at both ends of the pass while ploughs cleared drifts of snow.\n\n"
            "The article goes on after this advert\n\n"
            "Ploughing crews worked through the night, but new snow filled the road behind them within hours.\n\n"
            "Buses between the valleys have been replaced by a longer route along the coast road.\n\n"
            "Celebrity chef reveals her secret recipe for chocolate cake\n\n"
            "Forecasters expect the wind to ease on Friday, when the road authority will inspect the pass again.")
    got = {(f.code, text[f.start:f.end]) for f in run(text, "MT8", real_encoder)}
    assert got == {("MT801", "Storm closes mountain pass for a second day – Weather"),
                   ("MT803", "The article goes on after this advert"),
                   ("MT802", "Celebrity chef reveals her secret recipe for chocolate cake")}


@pytest.mark.model
def test_bundled_model_stays_silent_on_a_clean_round_up(real_encoder):
    text = ("News in brief: Tuesday\n\n"
            "Ferry strike called off\n\n"
            "The ferry workers' union called off Wednesday's strike after a late-night deal on pay, so all "
            "island departures will run as normal, the company said.\n\n"
            "Museum roof repaired\n\n"
            "The city museum reopens on Saturday after a three-month repair of its leaking glass roof, which "
            "cost more than the museum had planned.\n\n"
            "Library hours extended\n\n"
            "The main library will stay open until ten in the evening during the exam period, the council "
            "announced on Monday.\n\n"
            "The ministry did not respond to a request for comment.")
    assert run(text, "MT8", real_encoder) == []
