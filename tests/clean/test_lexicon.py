"""Each boilerplate table on invented lines: what it takes, and story lines it must leave alone."""

from __future__ import annotations

import pytest

from newsprism.clean.lexicon import INLINE_RELATED, LEGAL_TAIL, TRAILER_LINE, line_reason, trailer_reason


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
        ("Read also:", "related-links"),
        ("Mehr zum Thema:", "related-links"),
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
        ("Comments are switched off for legal reasons.", "comments"),
        ("Comments have been disabled due to ongoing legal proceedings.", "comments"),
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
        "Comments were closed for legal reasons after the trial began, the editor said.",
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


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("(c) Harbour Daily 2023. All use subject to our terms.", "legal"),
        ("(c) Valley Times Media 2019-2024", "legal"),
        ("Republication or redistribution of Lakes Herald content is prohibited without written consent.", "legal"),
        ("Redistribution of this material is strictly prohibited.", "legal"),
        ("Share: Facebook | X | WhatsApp", "share-prompt"),
        ("Share this story: Email · Facebook · LinkedIn", "share-prompt"),
        ("Download our traffic app", "share-prompt"),
        ("Download our free news app for alerts", "share-prompt"),
        ("Comments (14) | Log in to comment", "comments"),
        ("32 comments · Leave a comment", "comments"),
        ("Sign in to join the conversation", "comments"),
        ("View all 8 comments", "comments"),
        ("This story was first published by the Valley Courier and is republished here with permission.",
         "syndication"),
        ("This article originally appeared in Coastal Weekly.", "syndication"),
        ("Republished with permission from Harbour FM.", "syndication"),
        ("Reprinted courtesy of the Lakes Herald", "syndication"),
        ("This article is republished from The Campus Review under a Creative Commons licence.", "syndication"),
    ],
)
def test_footer_prompts_and_credits(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "(c) the minister shall publish the register by 2025 under the new law.",
        "(c) three of the pumps failed in 2019, the audit found.",
        "The reproduction of the mural was unveiled on Friday.",
        "The study was first published in 2019 and cited hundreds of times.",
        "The report was first published by the ministry in March.",
        "Reproduced from memory, the speech ran to nine minutes, she said.",
        "Download speeds fell across the region during the outage.",
        "Download the form from the council website, residents were told.",
        "Share: the town's portion of the fund was cut by a third.",
        "Comments by the coach drew a fine from the league.",
    ],
)
def test_story_lines_that_look_like_footers_stay(line: str) -> None:
    assert line_reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Latest Stories: Tram fares rise in April | Harbour bridge reopens early",
        "More cricket: Spinner recalled for the final test",
        "Also on Valley Courier: New library opens in the old mill",
        "Most read: Bakery wins national prize",
    ],
)
def test_one_line_trailers(line: str) -> None:
    assert TRAILER_LINE.fullmatch(line)


@pytest.mark.parametrize(
    "line",
    ["More than 40 people were hurt: most of them were passengers", "Also on Monday, the mayor resigned",
     "Top officials said the plan was sound"],
)
def test_story_lines_are_not_one_line_trailers(line: str) -> None:
    assert not TRAILER_LINE.fullmatch(line)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Home · World · Long-reads · Forum · Shop", "navigation"),
        ("Trending: Elections | Storm Ada | Transfer window | Markets", "navigation"),
        ("Hot topics: Budget · Tram strike · Harbour fire", "navigation"),
        ("Sponsored: Is your roof ready for winter? Get three quotes in a minute", "advertisement"),
        ("Advertisement - Weekend breaks on the coast from 99 euros", "advertisement"),
        ("Share ▸ Facebook | X | Reddit | Copy link", "share-prompt"),
        ("Have you been affected by the flooding? Email newsdesk@lakeside.example", "tip-prompt"),
        ("Were you on the train? Get in touch on WhatsApp", "tip-prompt"),
        ("This article was translated automatically from the Italian. In case of doubt, the original version "
         "prevails.", "translation-note"),
        ("This text was translated automatically from the Dutch original and revised by our newsroom.",
         "translation-note"),
        ("Source: Danube Wire", "syndication"),
        ("Via: Harbour FM", "syndication"),
        ("You must be logged in to comment.", "comments"),
        ("Artikel teilen: Facebook | X | WhatsApp | E-Mail", "share-prompt"),
        ("WERBUNG", "advertisement"),
        ("TL;DR", "label"),
        ("Key points", "label"),
        ("This live blog has now ended. Scroll down for the full story of the night.", "live-notice"),
        ("We have paused our live coverage for today.", "live-notice"),
        ("Dieser Artikel wurde automatisch aus dem Deutschen übersetzt und redaktionell geprüft.", "translation-note"),
    ],
)
def test_more_site_furniture(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Source: a ministry official said the plan was dead.",
        "Sponsored by the council, the festival drew 4,000 visitors.",
        "Have you been to the new museum yet? Most visitors have not.",
        "Home, school and work were all disrupted by the storm.",
        "The report was translated into English by the ministry.",
    ],
)
def test_story_lines_like_that_furniture_stay(line: str) -> None:
    assert line_reason(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Log in | Subscribe from €1", "share-prompt"),
        ("Font size: A A A | Print | Send", "share-prompt"),
        ("Share: Mastodon · Bluesky · Facebook · Email", "share-prompt"),
        ("Comments are closed on this live blog.", "comments"),
        ("Have your say: Comments (57)", "comments"),
        ("News  Regions  Nation  Weather  Entertainment  Watch Live", "navigation"),
    ],
)
def test_strips_of_furniture_items(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", ["Police | Fire | Ambulance crews worked all night.", "Rain  fell  hard",
                                  "Send in the divers, the mayor said."])
def test_story_lines_with_bars_or_spaces_stay(line: str) -> None:
    assert line_reason(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # Offers to get the outlet's news on the reader's own channel, with the link's label.
        ("Receive the news of the Courier in your WhatsApp. Click here", "share-prompt"),
        ("Get breaking news alerts on your phone", "share-prompt"),
        ("Read our top stories in your Telegram: tap here", "share-prompt"),
        ("Click here to join our reader panel", "share-prompt"),
        # Machine-translation notes with the usual disclaimer after them.
        ("This text was translated automatically from the Greek. In case of divergence, the original version "
         "prevails.", "translation-note"),
        ("This article was machine-translated from Polish. In the event of any inconsistency, the original text "
         "applies.", "translation-note"),
        # Syndication notes naming the outlet the copy comes from.
        ("This article is distributed by Danube Wire and appears here under a content-sharing agreement.",
         "syndication"),
        ("This story was supplied by Harbour FM under a licence agreement.", "syndication"),
        ("This article was provided by The Lakes Herald.", "syndication"),
        # A station's live stream and a "watch live" button.
        ("Listen live: Valley Sound 101.2 FM", "audio-prompt"),
        ("Listen again on the Harbour FM app", "audio-prompt"),
        ("Watch live", "video-promo"),
        # A follow prompt naming the outlet's handle; a share strip with other platforms.
        ("Follow @harbourdaily on X and Instagram", "share-prompt"),
        ("Share: Pinterest | Tumblr | Email", "share-prompt"),
        ("Facebook · Messenger · Flipboard", "share-prompt"),
        # One step of a crumb trail.
        ("Business › Energy", "navigation"),
        ("World » Asia Pacific", "navigation"),
        # Print-edition pointers to another page.
        ("More Riverside Rovers news on page 62", "related-links"),
        ("Continued on page 12", "related-links"),
        ("Full results, pages 50-51", "related-links"),
        ("See page 7", "related-links"),
        # The outlet selling its ad space.
        ("To advertise call 0161 000 0000.", "advertisement"),
        ("To advertise in the Valley Courier, email ads@courier.example", "advertisement"),
        ("Advertise with us", "advertisement"),
        # Wire and press-release end marks.
        ("ENDS", "end-marker"),
        ("-ends-", "end-marker"),
        ("###", "end-marker"),
        ("-30-", "end-marker"),
    ],
)
def test_prompts_pointers_and_marks_outlets_add(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # Story sentences shaped like those lines.
        "Residents said they received the evacuation warning on their phones an hour too late.",
        "You will get the results in your inbox within a week, the council told applicants.",
        "See the flood alerts on your phone, the mayor urged residents.",
        "Click here, the sign on the broken ticket machine still read on Monday.",
        "The report was translated into English by the ministry. In case of doubt, officials said, ask them.",
        "This story is shared by many families in the valley, where floods come every spring.",
        "This story was provided by residents who asked not to be named.",
        "The food parcels were distributed by the Red Cross under an agreement with the city.",
        "Listen, the mayor told the crowd, we will rebuild the bridge.",
        "Watch live footage of the launch was shown on screens in the square.",
        "Follow the money on Telegram, investigators said.",
        "Share prices rose on Facebook's results.",
        "Profits > £1bn for the third year",
        "More than 50 homes are listed on page 54.",
        "The full list of closures appears on page 54 of the council report.",
        "see page 54 of the report",
        "More details are on page 54",
        "To advertise the festival, organisers hired a plane to tow a banner over the beach.",
        "Advertise with us, the billboard read, above a picture of the mayor.",
        "Words matter, the judge said as she read out the sentence.",
        "The strike ends on Friday.",
        "End of an era as the last mine closes",
    ],
)
def test_story_lines_like_those_prompts_stay(line: str) -> None:
    assert line_reason(line) is None
