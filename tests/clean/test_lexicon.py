"""Each boilerplate table on invented lines: what it takes, and story lines it must leave alone."""

from __future__ import annotations

import pytest

from newsprism.clean.lexicon import INLINE_RELATED, LEGAL_TAIL, line_reason, trailer_reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("- Advertisement -", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Anzeige", "advertisement"),
        ("Sponsored content", "advertisement"),
        ("3 min read", "reading-time"),
        ("·12 min read", "reading-time"),
        ("Reading time: 4 minutes", "reading-time"),
        ("5-minute read", "reading-time"),
        ("Share this article", "share-prompt"),
        ("Share on Facebook | Twitter | Email", "share-prompt"),
        ("Facebook · X · WhatsApp · Copy link", "share-prompt"),
        ("Sign up for our weekly newsletter", "share-prompt"),
        ("Get the evening briefing delivered to your inbox", "share-prompt"),
        ("Follow us on Telegram", "share-prompt"),
        ("Subscribe to continue reading", "share-prompt"),
        ("Already a subscriber? Sign in", "share-prompt"),
        ("Watch this clip of the rescue from the helicopter.", "video-promo"),
        ("This video is from the harbour webcam channel.", "video-promo"),
        ("WATCH: Crowds gather at the quay", "video-promo"),
        ("Skip to main content", "navigation"),
        ("Home > Regions > North Coast", "navigation"),
        ("Next article: Tram fares rise in April", "navigation"),
        ("Tags: rail, strikes, transport", "tags"),
        ("Filed under: Weather, Coast", "tags"),
        ("Related: Five things to know about the dam", "related-links"),
        ("READ MORE: How the valley flooded in 1998", "related-links"),
        ("Lire aussi : Le port en chiffres", "related-links"),
        ("Photo: Ana Ruiz / Valle Press", "caption"),
        ("(Image credit: harbour authority)", "caption"),
        ("(Reporting by Ana Ruiz; Editing by Tom Bell)", "byline"),
        ("© 2024 Valley Courier", "legal"),
        ("Copyright 2023 North Sea Media Group. All rights reserved.", "legal"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "legal"),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement for the festival was pulled after complaints from residents.",
        "Share prices in the company fell 4 percent after the announcement.",
        "Shareholders will vote on the merger in May.",
        "She said she would watch the video of the meeting again before deciding.",
        "Related charges were filed against two other men on Friday.",
        "Home owners along the river were told to leave by noon.",
        "The band lost a copyright case over the song in 2019.",
        "Copyright lawyers said the ruling would affect thousands of artists.",
        "Photographers were kept behind a barrier at the gate.",
        "The museum's reading time for members starts at 9am.",
        "Subscribers to the local paper received the notice by post.",
        "The minister said she was not responsible for the content of the leaked memo.",
        "",
    ],
)
def test_story_lines_are_not_boilerplate(line: str) -> None:
    assert line_reason(line) is None


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("Latest Stories", "related-links"),
        ("More from Harbour Daily", "related-links"),
        ("Related articles", "related-links"),
        ("You might also like", "related-links"),
        ("Most read", "related-links"),
        ("Sources include:", "sources"),
        ("Tagged Under:", "tags"),
        ("Comments", "comments"),
        ("Leave a reply", "comments"),
        ("About the author", "footer"),
    ],
)
def test_trailer_labels(label: str, reason: str) -> None:
    assert trailer_reason(label) == reason


@pytest.mark.parametrize(
    "line",
    ["More rain is expected on Sunday.", "Latest figures show a fall in arrivals", "Sources said the talks failed.",
     "Comments from the mayor were not available.", "The most read book in the library is a cookbook."],
)
def test_story_lines_are_not_trailer_labels(line: str) -> None:
    assert trailer_reason(line) is None


def test_inline_related_only_at_a_sentence_boundary() -> None:
    text = "The river rose 2 metres. (Related: Why rivers rise.) Crews worked all night."
    (m,) = INLINE_RELATED.finditer(text)
    assert m.group().strip() == "(Related: Why rivers rise.)"
    assert not list(INLINE_RELATED.finditer("The unit (related: the old depot) closed."))


def test_disclaimers_are_a_tail_table() -> None:
    assert LEGAL_TAIL.fullmatch("This article may contain statements that reflect the opinion of the author")
    assert LEGAL_TAIL.fullmatch("The views expressed are those of the writer alone.")
    assert not LEGAL_TAIL.fullmatch("The mayor expressed her views at length on Monday.")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Listen to this article · 4 min", "audio-prompt"),
        ("Listen to this story (6 minutes)", "audio-prompt"),
        ("Listen to the article", "audio-prompt"),
        ("Audio version", "audio-prompt"),
        ("Écouter cet article", "audio-prompt"),
        ("This article was translated automatically from the Romanian language.", "translation-note"),
        ("This text has been machine-translated from German.", "translation-note"),
        ("The article was translated using machine translation.", "translation-note"),
        ("Automatically translated", "translation-note"),
        ("Comments are closed for this story.", "comments"),
        ("Commenting has been disabled for this article", "comments"),
        ("The comment section is closed.", "comments"),
        ("Have a news tip? Email the newsroom.", "tip-prompt"),
        ("Got a story? Message us on WhatsApp", "tip-prompt"),
        ("Do you have a tip? Call 0800 555 010", "tip-prompt"),
        ("Send us your news tips", "tip-prompt"),
        ("Follow Arts Weekly on Instagram for more exhibition news.", "share-prompt"),
        ("Follow The Harbour Courier on X and Facebook", "share-prompt"),
        ("Follow Valley Radio on TikTok", "share-prompt"),
        ("Follow Valley Radio on TikTok (@valleyradio)", "share-prompt"),
        ("Follow the Lakeside Herald on Facebook, Instagram and X to get the latest news", "share-prompt"),
    ],
)
def test_reader_prompts(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Listen to the residents before you build, the architect told the council.",
        "Listen to the story of the flood as the survivors tell it.",
        "The report was translated into English by the ministry.",
        "The text was translated automatically, the lawyer complained, and nobody checked it.",
        "Public comments are closed until March, the planning office said.",
        "Comments from the minister were not available on Sunday.",
        "Have a look at the map of the closures below.",
        "Police asked anyone with tips to call the hotline.",
        "Share tips with your neighbours, the fire brigade advised.",
        "Follow the signs on X Street to reach the car park.",
        "Follow the river on foot to the old mill.",
        "Follow the money on Telegram, investigators said.",
        "The discussion is closed.",
        "The city clerk said the recount would take about a week.",
        "Tickets cost 9 euros; entry is free for children under 12.",
    ],
)
def test_story_lines_are_not_reader_prompts(line: str) -> None:
    assert line_reason(line) is None


def test_a_long_line_is_never_a_prompt() -> None:
    line = "Have a news tip? " + "The harbour master said the channel would stay closed for the night. " * 3
    assert line_reason(line) is None
