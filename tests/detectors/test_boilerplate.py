"""MT3xx boilerplate and page furniture: exact spans on invented articles, and clean texts that stay silent."""

from __future__ import annotations

import pytest
from markers import assert_marked, findings_of

from mtcheck.detectors.boilerplate import DETECTORS, lexicon

BODY = ("The regional council approved the new harbour plan on Tuesday after a debate that lasted most of the "
        "afternoon and ended with a narrow vote.")
MORE = "The first works are due to start in the spring, the council said."


# --- MT301 ad-marker ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("marker", ["Advertisement", "ADVERTISEMENT", "Annonse", "Annons", "Anzeige", "Reklame",
                                    "Advertentie", "Publicité", "Article continues below ad"])
def test_ad_marker_alone_on_a_line(marker: str) -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT301:{marker}⟧\n\n{MORE}", "MT3")


def test_glued_double_ad_marker_is_one_finding() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT301:Article continues below adArticle continues below ad⟧"
                  f"\n\n{MORE}", "MT3")


def test_ad_marker_glued_to_a_sentence() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nThe vote was close.⟦MT301:Article continues below ad⟧"
                  f"\n\n{MORE}", "MT3")


def test_ad_marker_with_crlf_and_no_break_space() -> None:
    text = f"Harbour plan approved\r\n\r\n{BODY}\r\n\r\n⟦MT301:Article\u00a0continues below ad⟧\r\n\r\n{MORE}\r\n"
    assert_marked(text, "MT3")


def test_advertising_in_prose_is_silent() -> None:
    assert_marked(f"Ad rules tightened\n\n{BODY} The advertisement for the works ran in two papers.\n\n"
                  "Adam Berg, who chairs the board, said the ad was paid for by the port.", "MT3")


# --- MT302 related-teaser ----------------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["See also\u00a0 ", "Read also: ", "Also read: ", "Related: ", "Les også: ",
                                   "Läs också: ", "Lesen Sie auch: ", "Lees ook: ", "À lire aussi : ",
                                   "Read more: "])
def test_teaser_label_with_headline(label: str) -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT302:{label}Fishermen fear for the old quay⟧\n\n{MORE}",
                  "MT3")


def test_teaser_without_separator_needs_a_headline_without_full_stop() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT302:See also How the old quay was built⟧\n\n{MORE}",
                  "MT3")
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nSee also the report on the quay, which the port published "
                  "in March.\n\nRelated costs were not included.", "MT3")


def test_trailing_read_more() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY} It will change the town, she says. ⟦MT302:Read more⟧\n\n{MORE}",
                  "MT3")


def test_read_more_in_prose_is_silent() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY} Readers who want to read more can order the report.\n\n"
                  "“Read more,” the librarian told the pupils, “and you will write better.”", "MT3")


def test_orphaned_teaser_headline_between_paragraph_and_subheading() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n"
                  "⟦MT302:The mayor on the vote: – A historic day for the town⟧\n\n"
                  "– We waited ten years\n\n" + MORE, "MT3")


def test_subheading_with_quote_followed_by_its_text_is_silent() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nAnger in the opposition: – A bad deal\n\n"
                  "The opposition leader said the council had ignored the fishermen and would regret the "
                  "decision when the bills arrive next year.", "MT3")


# --- MT303 media-teaser -----------------------------------------------------------------------------------

def test_video_prefix_covers_the_teaser_title() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT303:Watch the video: Divers inspect the old quay⟧\n\n{MORE}",
                  "MT3")


def test_media_lead_in_with_nothing_after_it() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT303:This is how the quay looks today:⟧\n\n"
                  f"– Costs still unclear\n\n{MORE}", "MT3")


def test_ordinary_colons_are_silent() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nThe mayor said:\n\n“This is a good day for the town.”\n\n"
                  "The plan has three parts, and you can watch the debate here:\n\n• a new quay\n\n• a ferry berth\n\n"
                  "Here is what we know so far:\n\nThe works will take two years and cost more than first thought, "
                  "according to the port.", "MT3")


def test_video_in_prose_is_silent() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nVideo footage from the meeting shows a full hall.", "MT3")


# --- MT304 comment-form ----------------------------------------------------------------------------------

def test_comment_form_block() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT304:Leave a Reply⟧\n\n"
                  "⟦MT304:Your email address will not be published. Required fields are marked *⟧\n\n"
                  "⟦MT304:Please enter your comment!⟧\n\n⟦MT304:Please enter your name here⟧", "MT3")


def test_comment_in_prose_is_silent() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY} The council declined to comment on the leaked email.", "MT3")


# --- MT305 site-prompt ------------------------------------------------------------------------------------

def test_newsletter_prompt_runs_to_the_end_of_its_sentence() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n(Get the morning briefing by email. "
                  "⟦MT305:Sign up here – it costs nothing⟧).", "MT3")


def test_share_and_cookie_lines() -> None:
    assert_marked(f"Harbour plan approved\n\n⟦MT305:Share on Facebook⟧\n\n{BODY}\n\n⟦MT305:Share | Tweet | Email⟧\n\n"
                  "⟦MT305:We use cookies to give you the best experience⟧. Read our policy.", "MT3")


def test_newsletter_and_cookies_in_prose_are_silent() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY} The port said in its newsletter that residents who sign up "
                  "here will get updates, and that its website uses cookies.", "MT3")


# --- MT306 navigation-line ----------------------------------------------------------------------------------

def test_section_label_list_item() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n  • ⟦MT306:Latest news⟧\n\n  • Ferry fares to rise\n\n{MORE}",
                  "MT3")


def test_breadcrumbs() -> None:
    assert_marked(f"⟦MT306:Home › Local › Harbour⟧\n\nHarbour plan approved\n\n{BODY}", "MT3")
    assert_marked(f"⟦MT306:Startseite Politik⟧\n\nHarbour plan approved\n\n{BODY}", "MT3")


def test_home_crumb_in_front_of_a_repeated_headline() -> None:
    assert_marked(f"⟦MT306:Start Norway⟧ Harbour plan approved after long debate\n\n"
                  f"Harbour plan approved after long debate\n\n{BODY}", "MT3")


def test_start_as_a_word_of_the_headline_is_silent() -> None:
    assert_marked(f"Start of works delayed again\n\n{BODY}\n\nHome owners near the quay were told on Monday.", "MT3")


# --- MT307 site-name-in-title -----------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", ["– VG", "| Aftonbladet", "– Latest news – breaking news from Dagbladet",
                                    "- news Bergen – News from all over the region", "– NRK"])
def test_site_suffix_on_the_headline(suffix: str) -> None:
    assert_marked(f"Harbour plan approved after long debate ⟦MT307:{suffix}⟧\n\n{BODY}", "MT3")


@pytest.mark.parametrize("title", ["Harbour plan approved – and the ferries stay",
                                   "Good news for fishermen – harbour plan approved",
                                   "Harbour plan – what the vote means for the town",
                                   "Oslo – Bergen train cut as storm hits"])
def test_headlines_with_dashes_are_silent(title: str) -> None:
    assert_marked(f"{title}\n\n{BODY}", "MT3")


def test_site_name_only_counts_on_the_first_line() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nThe story was first reported – VG", "MT3")


# --- MT308 template-token ---------------------------------------------------------------------------------

def test_template_token_alone() -> None:
    assert_marked(f"Harbour plan approved\n\n⟦MT308:afbl-promo-03⟧\n\n{BODY}\n\n⟦MT308:related-list-item⟧", "MT3")


def test_hyphenated_words_are_silent() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nwell-to-do\n\nCOVID-19\n\nA two-thirds majority "
                  "backed the plan-b option.", "MT3")


# --- whole clean article ----------------------------------------------------------------------------------

def test_clean_article_is_silent() -> None:
    text = ("Storm closes coastal road as ferries stop\n\nBy Mirela Castellanos\n\nPublished 4 March\n\n"
            f"{BODY}\n\n“We saw the waves come over the wall,” said one resident. “Read the forecast and stay "
            "home.”\n\nThe road authority said the road would reopen when the wind drops: probably on Friday.\n\n"
            "Related costs have not been counted yet. See the council's website for the timetable.\n\n"
            "Advertising on the ferries was suspended.\n\n(Reporting by Mirela Castellanos; editing by Tom Ruiz)")
    assert findings_of(text, "MT3") == []


def test_every_lexicon_entry_is_well_formed() -> None:
    kinds = {e.kind for e in lexicon()}
    assert {"ad", "related", "video", "comment-form", "newsletter", "cookie", "share", "navigation", "site",
            "section", "home", "media-cue"} <= kinds
    assert {e.lang for e in lexicon()} == {"en", "no", "sv", "da", "de", "nl", "fr"}


def test_detectors_declare_boilerplate_category() -> None:
    assert [d.code for d in DETECTORS] == [f"MT30{i}" for i in range(1, 9)]
    assert all(d.category.value == "boilerplate" and d.severity.value == "major" for d in DETECTORS)


def test_site_suffix_on_a_headline_under_a_breadcrumb_in_one_block() -> None:
    assert_marked(f"⟦MT306:Home » News » Local⟧\nHarbour plan approved ⟦MT307:– Dagbladet⟧\n{BODY}", "MT3")


def test_read_more_glued_to_the_last_sentence() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY} Work starts in May.⟦MT302:Read more⟧", "MT3")


def test_comment_counter_line() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT304:Comments (0)⟧", "MT3")


def test_ad_marker_and_share_prompt_variants() -> None:
    body = ("The harbour board met on Tuesday and agreed to extend the quay by forty metres before the summer "
            "season, the chairman said after the meeting.")
    assert_marked(f"Quay extension approved\n\n{body}\n\n⟦MT301:Continue reading below the advertisement⟧\n\n"
                  f"{body}\n\n⟦MT305:Share this article on Facebook⟧", "MT3")


# --- broadened lexicons: furniture in English, in the source languages and as MT renders it --------------

@pytest.mark.parametrize(("line", "code"), [
    ("Sponsored content", "MT301"), ("Advertorial", "MT301"), ("Annonsørinnhold", "MT301"),
    ("Betalt innhold", "MT301"), ("Sponsrat innehåll", "MT301"), ("Gesponsert", "MT301"),
    ("Contenu sponsorisé", "MT301"), ("Gesponsord", "MT301"), ("Scroll to continue with content", "MT301"),
    ("The case continues below the ad", "MT301"), ("Artikkelen fortsetter etter annonsen", "MT301"),
    ("Listen to the article", "MT303"), ("Lytt til artikkelen", "MT303"), ("Artikel anhören", "MT303"),
    ("Toggle caption", "MT303"),
    ("Comments are closed", "MT304"), ("Log in to comment", "MT304"), ("Write a comment", "MT304"),
    ("Show comments", "MT304"), ("Visa kommentarer", "MT304"), ("Kommentar verfassen", "MT304"),
    ("Only for subscribers", "MT305"), ("Kun for abonnenter", "MT305"), ("Endast för prenumeranter", "MT305"),
    ("Nur für Abonnenten", "MT305"), ("Plus-Artikel", "MT305"), ("Alleen voor abonnees", "MT305"),
    ("Réservé aux abonnés", "MT305"), ("Already a subscriber? Log in", "MT305"), ("Download the app", "MT305"),
    ("Share on WhatsApp | Copy link", "MT305"),
    ("Most read", "MT306"), ("Mest lest", "MT306"), ("Mest läst", "MT306"), ("Meistgelesen", "MT306"),
    ("Meest gelezen", "MT306"), ("Les plus lus", "MT306"), ("Top stories", "MT306"), ("Back to top", "MT306"),
    ("Most viewed", "MT306"), ("Tilbake til toppen", "MT306"),
])
def test_broadened_furniture_line(line: str, code: str) -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦{code}:{line}⟧\n\n{MORE}", "MT3")


@pytest.mark.parametrize(("label", "code"), [
    ("Also read", "MT302"), ("Läs också", "MT302"), ("Lesen Sie auch", "MT302"), ("Lees ook", "MT302"),
    ("À lire aussi", "MT302"), ("Recommended for you", "MT302"), ("You might also be interested in", "MT302"),
    ("Read the whole case", "MT302"), ("More from", "MT302"),
    ("Photo gallery", "MT303"), ("Bildergalerie", "MT303"), ("Se bildene", "MT303"), ("Se bilderna", "MT303"),
    ("In pictures", "MT303"), ("Fotostrecke", "MT303"),
])
def test_broadened_teaser_label_with_headline(label: str, code: str) -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦{code}:{label}: Ferry fares to rise in May⟧\n\n{MORE}",
                  "MT3")


def test_paywall_prompt_inside_a_line() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\nThe rest is hidden. ⟦MT305:This article is for subscribers⟧. "
                  "⟦MT305:Already a subscriber? Log in⟧", "MT3")


def test_paywall_prompt_in_the_source_language() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY}\n\n⟦MT305:Allerede abonnent? Logg inn⟧\n\n"
                  "⟦MT305:Sie sind bereits Abonnent? Hier anmelden⟧", "MT3")


def test_follow_us_prompt_runs_to_the_end_of_its_sentence() -> None:
    assert_marked(f"Harbour plan approved\n\n{BODY} ⟦MT305:Follow us on Facebook and Instagram⟧.", "MT3")


def test_furniture_words_in_ordinary_prose_are_silent() -> None:
    text = ("Harbour plan approved\n\n"
            f"{BODY}\n\n"
            "The council's sponsored content rules were tightened, and advertorials in the port magazine now "
            "carry a label.\n\n"
            "Residents can listen to the article's author on the local radio, and the comments are closed to "
            "the public until the hearing.\n\n"
            "The most read item in the port newsletter was about subscribers who want to download the app "
            "that shows ferry times.\n\n"
            "Only subscribers of the ferry pass get the discount, the operator said.\n\n"
            "Tickets for the opening are reserved for subscribers of the harbour club.\n\n"
            "More from the minutes: the chairman spoke for an hour.\n\n"
            "In pictures released by the port, the new quay looks twice as long.\n\n"
            "The controversy continues after the ad aired on regional television.\n\n"
            "Back to the top of the agenda came the question of parking.\n\n"
            "Reactions\n\n"
            "The mayor and the union welcomed the vote; the fishermen said it came too late.\n\n"
            "Politics\n\n"
            "The opposition said it would not appeal.\n\n"
            "Follow the money, one councillor said, and you will see who gains.\n\n"
            "Download the app from the operator's website to see the new timetable.")
    assert findings_of(text, "MT3") == []


def test_site_suffix_with_an_english_word_that_is_also_a_paper_name_is_silent() -> None:
    assert_marked(f"Minister issues stern warning – more information soon\n\n{BODY}", "MT3")
