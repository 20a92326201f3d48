"""Cleaning of invented scrapes and pages: what each keeps, drops and reads from its header.

Every fixture in ``tests/fixtures/clean`` is a story written for these tests, in the shape some
kind of outlet or scraper produces: blogs with tag lists and copyright footers, wire copy,
aggregator scrapes with a date header, pages with teaser trailers and ad labels, pastes with
share prompts, live blogs, other languages' date formats, and HTML layouts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsprism.clean import clean_document
from newsprism.ingest.files import read_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"
UNSET = object()


@dataclass(frozen=True)
class Expect:
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    title: object = UNSET
    author: object = UNSET
    published: object = UNSET
    outlet: object = UNSET
    language: object = UNSET
    reasons: dict[str, str] = field(default_factory=dict)  # a removed text (prefix) → its reason


CASES: dict[str, Expect] = {
    # Plain text: blog with an inline "(Related: …)", teasers, tag list and copyright footer.
    "blog_tags_copyright.txt": Expect(
        keep=("deputy mayor Anton Reiss told reporters at the flood barrier.",
              "more rain is forecast for the mountains upstream."),
        drop=("(Related:", "what insurers will", "Storm season OUTLOOK", "Sources include", "Tagged Under",
              "floods, Oderfeld", "COPYRIGHT", "informational purposes", "03/02/2024"),
        title=None, author="Marta Kowalczyk", published="2024-03-02", outlet="riverwatch.example",
        reasons={"(Related:": "related-links", "Tagged Under:": "tags", "COPYRIGHT": "legal",
                 "Brenna flood:": "related-links"},
    ),
    "blog_tags_line.txt": Expect(
        keep=("Beekeepers across the Halland coast", "said association chair Ingrid Svahn."),
        drop=("Share this article", "Tags: bees", "All rights reserved", "By Tomas", "Published:"),
        title="Beekeepers count losses after cold snap", author="Tomas Lindqvist", published="2024-02-09T07:45",
        outlet="Coastal Gazette", reasons={"Tags: bees": "tags", "Share this article": "share-prompt"},
    ),
    # Wire copy: dateline opening the lede, credits at the end.
    "wire_dateline.txt": Expect(
        keep=("A passenger ferry caught fire in the Tagus estuary on Tuesday", "company spokesperson Rui Fontes said."),
        drop=("LISBON, Portugal (Lusitania Press)", "Reporting by"),
        # The credit line names the reporter, who is the author; the editor is not.
        title="Ferry operator halts crossings after engine fire", author="Carla Nunes", published=None,
        reasons={"LISBON, Portugal (Lusitania Press) —": "dateline", "(Reporting by": "byline"},
    ),
    "wire_reuters_style.txt": Expect(
        keep=("Kenya's central bank held its benchmark lending rate", "the bank said in a statement."),
        drop=("NAIROBI, March 4", "Additional reporting", "Our Standards"),
        title=None, published=None,
    ),
    # Aggregator scrapes: a date header at the very start of the first line.
    "aggregator_date_body.txt": Expect(
        keep=("The city council of Valmonte approved a plan on Monday", "Market traders' association",
              "ask for a rent freeze"),
        drop=("date 2024-06-18",),
        title=None, author=None, published="2024-06-18",
    ),
    "aggregator_date_headline.txt": Expect(
        keep=("The Alpine club hut below the Hohgrat glacier", "Walkers can book beds online again from next week."),
        drop=("date 2024-11-02", "Sofie Brandt", "4 min read", "ADVERTISEMENT", "Glacier hut reopens"),
        title="Glacier hut reopens after avalanche repairs", author="Sofie Brandt", published="2024-11-02",
        reasons={"·4 min read": "reading-time", "ADVERTISEMENT": "advertisement"},
    ),
    "aggregator_iso_datetime.txt": Expect(
        keep=("Drivers in Ostrava face weeks of detours", "the contractor said."),
        drop=("Posted on",),
        published="2023-09-21T14:30",
    ),
    # Teaser trailers and ad labels.
    "latest_stories_trailer.txt": Expect(
        keep=("Electricity demand in Andalusia reached a record", "opened air-conditioned public buildings",
              "The heat is expected to ease at the weekend."),
        drop=("ADVERTISEMENT", "Latest Stories", "Olive harvest", "Producers in Jaén", "View on", "5 min read"),
        title="Heatwave pushes Andalusia power demand to record", author="Lucía Ferrer", published=None,
        reasons={"Latest Stories": "related-links", "• Olive harvest": "related-links"},
    ),
    "more_from_trailer.txt": Expect(
        keep=("The public library in Tromsø will stay open until midnight", "asked for the café to stay open"),
        drop=("More from Nordlys Daily", "Ferry timetable", "Northern lights tours", "parking fees", "Advertisement"),
        title="Library in Tromsø extends opening hours for exam season",
    ),
    "teasers_at_end.txt": Expect(
        keep=("A rare white stork chick has hatched", "use the observation tower instead."),
        drop=("Wetland DRAINAGE", "Experts warn:"),
    ),
    "closing_short_lines.txt": Expect(
        keep=("The company said production had not been affected", "The deal takes effect on 1 March.",
              "Both sides praised the mediator."),
    ),
    # Pastes with share prompts and newsletter sign-ups.
    "share_prompts.txt": Expect(
        keep=("The bakery chain Kornfeld has recalled", "was the most likely source."),
        drop=("Share on Facebook", "Sign up for our daily newsletter", "in your inbox", "Follow us on Instagram",
              "Click here to share", "JONAS WEBER"),
        title="Bakery chain recalls rye bread over glass fragments", author="Jonas Weber",
        reasons={"Follow us on Instagram": "share-prompt"},
    ),
    "newsletter_midbody.txt": Expect(
        keep=("Volunteers planted about 5,000 oak and pine seedlings", "which supplied the seedlings",
              "club president Nikos Papadakis said."),
        drop=("Subscribe to our newsletter", "Copy link"),
        title="Volunteers plant 5,000 trees on burned hillside",
    ),
    # A live blog: timestamps stay with their entries, the header date is the update time.
    "liveblog_timestamps.txt": Expect(
        keep=("16:05", "The last runners are crossing the finish line", "11:15", "a course record."),
        drop=("Updated 7 April", "\n\nShare"),
        title="Live: Marathon day in Ljubljana", published="2024-04-07T16:20",
    ),
    # Other languages' date formats and bylines.
    "german_date.txt": Expect(
        keep=("Nach dem Sturm über der Ostsee", "mit ruhigerer See."),
        drop=("Veröffentlicht", "Von Hanna Vogt", "Anzeige", "Mehr zum Thema"),
        author="Hanna Vogt", published="2025-01-13", language="de",
    ),
    "french_date.txt": Expect(
        keep=("La métropole de Brest a voté lundi", "a précisé le vice-président chargé des transports."),
        drop=("Publié le", "Par Claire", "À lire aussi", "Publicité"),
        title="Le tramway de Brest prolongé jusqu'au port", author="Claire Le Goff", published="2025-01-13T18:05",
        language="fr",
    ),
    "spanish_date.txt": Expect(
        keep=("El ayuntamiento de Cuenca abrió este martes", "dijo que el albergue abrirá todo el año."),
        drop=("Martes, 5 de marzo", "Por Andrés"),
        title=None, author="Andrés Molina", published="2024-03-05", language="es",
    ),
    # No header at all: a date inside the first sentence is not the publication date.
    "no_header_body_date.txt": Expect(
        keep=("stranded on a ledge since 12 February 2024", "Both were taken to hospital in Zakopane with frostbite."),
        title=None, author=None, published=None, outlet=None,
    ),
    # Hard-wrapped text (e-mail, wire feed): wrapped lines are joined into paragraphs.
    "hard_wrapped.txt": Expect(
        keep=("The harbour authority in Split approved plans on Wednesday for a second cruise terminal on the "
              "eastern quay", "Residents' groups said they would appeal to the administrative court."),
        title="Harbour authority approves second cruise terminal despite residents' objections",
    ),
    # Site chrome pasted along: skip links, breadcrumbs, section menu, photo credit.
    "nav_menu_top.txt": Expect(
        keep=("The Swedish government granted the last environmental permit", "close traditional fishing grounds."),
        drop=("Skip to content", "Home ›", "Sport", "Culture", "Photo: Lars Berg", "Back to top"),
        title="Wind farm off Gotland gets final permit",
        reasons={"Photo: Lars Berg / Gotland Post": "caption", "Home › News › Environment": "navigation"},
    ),
    # Mastheads and section strips above the headline, credit lines under a byline, reader prompts below
    # the story. The short story sentences right above the prompts stay.
    "masthead_credit_under_byline.txt": Expect(
        keep=("The glass recycling plant on the eastern edge of Tarnów", "said Marek Dudek",
              "The labour office will hold a jobs fair for the workers in the town hall on 20 March.",
              "Entry is free; no registration is needed."),
        drop=("LAKESIDE HERALD", "Regional Correspondent", "March 11, 2024", "Listen to this article",
              "Have a story idea", "Comments are closed", "By Ewa"),
        title="Glass recycling plant in Tarnów to close after owner goes bankrupt", author="Ewa Zielińska",
        published="2024-03-11", outlet="Lakeside Herald",
        reasons={"LAKESIDE HERALD": "masthead", "Lakeside Herald": "byline", "Regional Correspondent": "byline",
                 "March 11, 2024": "dateline", "Listen to this article": "audio-prompt",
                 "Have a story idea?": "tip-prompt", "Comments are closed": "comments"},
    ),
    "section_strip_translated.txt": Expect(
        keep=("Some 200 families in three villages of the Hornád valley", "declared the mayor of Kysak",
              "The works are estimated to last at least two weeks."),
        drop=("Category: Regions", "Newsroom", "02.09.2023", "Read also", "Follow Vychod Dnes",
              "translated automatically"),
        title=None, author=None, published="2023-09-02", language="en", outlet=None,
        reasons={"| Category: Regions": "masthead", "Follow Vychod Dnes": "share-prompt",
                 "This article was translated automatically": "translation-note"},
    ),
    "name_section_wire_credit.txt": Expect(
        keep=("A family-owned brewery in Harrowgate", "managing director Clare Fennick said.",
              "The new line is due to start in January.", "Tours of the brewery cost 12 pounds; under-16s go free."),
        drop=("Harrowgate Courier - Business", "14 November 2023", "Reporting by", "Fiona Marsh",
              "Follow the Harrowgate Courier", "Have a news tip"),
        title="Brewery expands bottling line after record summer", author="Owen Pritchard",
        published="2023-11-14", outlet="Harrowgate Courier",
        reasons={"Harrowgate Courier - Business": "masthead", "(Reporting by": "byline",
                 "Follow the Harrowgate Courier": "share-prompt", "Have a news tip?": "tip-prompt"},
    ),
    # HTML layouts.
    "html_wire.html": Expect(
        keep=("The operator of the Szigetköz dam opened all six spillways on Monday",
              "320 soldiers had been sent to reinforce dykes"),
        drop=("ADVERTISEMENT", "Most read", "Rail strike called off", "All rights reserved", "Privacy policy",
              "dataLayer"),
        title="Dam operator opens spillways as reservoir nears capacity", author="Petra Horvath",
        published="2024-09-16T08:12", outlet="Danube Wire", language="en",
    ),
    # A wire page whose head names no author: the credit line names the reporter (it stays in the text, as
    # extraction benchmarks count it as body); the prompts the extractor kept are dropped.
    "html_wire_credit_prompts.html": Expect(
        keep=("Ferries between the Estonian mainland and the island of Saaremaa",
              "which last happened in 2011."),
        drop=("Listen to this article", "Comments are closed", "Terms"),
        title="Ferry link to Saaremaa suspended as ice thickens", author="Kadri Tamm",
        published="2024-01-22T06:50", outlet="Baltic Wire",
        reasons={"Listen to this article": "audio-prompt", "Comments are closed": "comments"},
    ),
    "html_blog_jsonld.html": Expect(
        keep=("When the shop in Llanfair closed last winter", "very few of them have ever closed."),
        drop=("saved the post office", "Archive", "Powered by"),
        title="Why the village shop matters more than ever", author="Rhiannon Pryce", published="2023-05-04T10:00",
        outlet="Small Places", language="en",
    ),
    "html_liveblog.html": Expect(
        keep=("Rijkswaterstaat has closed the Oosterschelde storm surge barrier", "to code red, the highest level."),
        drop=("Sign up for our newsletter",),
        title="Live: Storm Ilse crosses the Dutch coast", published="2024-10-27T15:40", outlet="Lowlands Live",
    ),
    "html_paywall.html": Expect(
        keep=("The Kinloch distillery, silent since 1983", "fewer than three hundred residents."),
        drop=("Subscribe to continue reading", "Already a subscriber"),
        title="Inside the plan to reopen the Kinloch distillery", author="Callum Fraser", published="2024-02-20",
        outlet="Highland Ledger",
    ),
    "html_comments.html": Expect(
        keep=("The chairlift to Kasprowy Wierch was shut on Monday", "once inspectors had signed it off."),
        drop=("skifan88", "Every winter the same problem", "Good job by the inspectors", "Comments (2)"),
        title="Ski lift in Zakopane shut after cable fault", author=None, published="2024-01-08T11:00",
        outlet="Mountain Post",
    ),
    "html_french.html": Expect(
        keep=("La Vilaine est sortie de son lit", "à la plus grande prudence."),
        title="Inondations : la Vilaine déborde à Redon", author="Yannick Le Bihan", published="2025-01-13",
        outlet="Ouest Matin", language="fr",
    ),
    "html_latin1_charset.html": Expect(
        keep=("Nach zwei Jahren Sanierung öffnet das Bürgerbad in Görlitz", "»Wir freuen uns auf die ersten Gäste«"),
        title="Bürgerbad in Görlitz öffnet wieder", author="Jürgen Weiß", published="2024-05-02",
        outlet="Lausitzer Bote", language="de",
    ),
    # A local paper's print-style page: "Words:" credit, a pointer to another page, a follow prompt naming the
    # paper's handle, and a footer of motto and ad desk. Body sentences opening "Words matter" and citing
    # "page 54 of its annual report" stay.
    "print_edition_footer.txt": Expect(
        keep=("Words matter more than ever in a town that nearly lost its archive",
              "whose full account of the work is on page 54 of its annual report.",
              "until new pumps are fitted next spring."),
        drop=("news on page 12", "Follow @dunmoregazette", "serving the vale since 1894", "To advertise call"),
        title="Library reopens in the old corn exchange after flood repairs", author="Priya Anand",
        published="2031-10-10", outlet="Dunmore Vale Gazette",
        reasons={"Words: Priya Anand": "byline", "More Dunmore Vale news": "related-links",
                 "Dunmore Vale Gazette —": "footer"},
    ),
    # A business digest re-running wire copy: the site's name above a one-step crumb, a "Name / Wire" byline,
    # a syndication note, a prompt to get the news on the reader's own channel, a share strip and an end mark.
    "syndicated_digest.txt": Expect(
        keep=("Harbour pilots at the port of Varberg returned to work on Monday",
              "estimated the cost to local firms at about 30 million kronor."),
        drop=("Logistics ›", "content-sharing agreement", "in your Telegram", "Pinterest"),
        title="Harbour pilots end strike after pay deal at Varberg", author="Ines Kroll",
        published="2031-11-03T07:45", outlet="Northern Ports & Shipping Digest",
        reasons={"Northern Ports & Shipping Digest": "masthead", "This article is distributed": "syndication",
                 "ENDS": "end-marker"},
    ),
    # A radio station's page: a "Listen live" strip above the headline, a desk credit naming its reporter, and a
    # "Listen again" prompt below the story.
    "radio_listen_live.txt": Expect(
        keep=("All ferry sailings between Oban and Castlebay", "who runs the grocery in Castlebay."),
        drop=("Listen live", "Listen again", "newsroom, reporting by"),
        title="Ferry services to Barra cancelled for a third day as gales continue", author="Morag Finlay",
        published="2031-02-12T17:20",
        reasons={"Listen live:": "audio-prompt", "Coastline FM newsroom": "byline"},
    ),
}


def clean(name: str):
    return clean_document(read_file(str(FIXTURES / name)), name.split(".")[0])


def test_the_fixture_table_covers_every_fixture_file() -> None:
    assert sorted(CASES) == sorted(p.name for p in FIXTURES.iterdir())
    assert len(CASES) >= 29


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture(name: str) -> None:
    want = CASES[name]
    article = clean(name)
    for text in want.keep:
        assert text in article.text, f"lost: {text!r}"
    for text in want.drop:
        assert text.lower() not in article.text.lower(), f"kept: {text!r}"
    for key in ("title", "author", "published", "outlet", "language"):
        expected = getattr(want, key)
        if expected is not UNSET:
            assert getattr(article, key) == expected, key
    for prefix, reason in want.reasons.items():
        found = [r.reason for r in article.removed if r.text.startswith(prefix)]
        assert found == [reason], (prefix, article.removed)


@pytest.mark.parametrize("name", sorted(n for n in CASES if n.endswith(".txt")))
def test_plain_text_keeps_lines_verbatim_and_paragraphs_apart(name: str) -> None:
    article = clean(name)
    source = (FIXTURES / name).read_text(encoding="utf-8")
    flat = " ".join(source.split())
    assert "\n\n\n" not in article.text and article.text == article.text.strip()
    for para in article.text.split("\n\n"):
        assert para and para == para.strip()
        assert " ".join(para.split()) in flat  # verbatim, save for joined hard-wrapped lines
    for removed in article.removed:
        assert removed.reason and removed.text


@pytest.mark.parametrize("name", sorted(CASES))
def test_cleaning_is_deterministic(name: str) -> None:
    assert clean(name) == clean(name)
