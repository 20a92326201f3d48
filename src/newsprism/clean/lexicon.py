"""Words and shapes of scrape boilerplate that hold for any outlet.

Each table is a named pattern with the reason it records in ``Article.removed``. Patterns
match a whole stripped line (``fullmatch``) unless their docstring says otherwise, so a
body sentence that merely *contains* "advertisement" or "share" is never touched.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: Ad slot labels left behind where an advertisement was.
ADVERTISEMENT = re.compile(
    r"\W*(?:advertisement|advertising|advert|anzeige|werbung|reklame|publicité|publicidad|pubblicità|publicidade"
    r"|advertentie|reclame|sponsored(?: content)?"
    r"|paid (?:post|content)|promoted(?: content)?|ad|story continues (?:below|after) (?:this )?(?:advertisement|ad)"
    r"|article continues below(?: advertisement)?|scroll to continue(?: with content)?)\W*",
    _I,
)

#: "3 min read", "Reading time: 4 minutes", "5-minute read", "Lesezeit: 3 Minuten".
READING_TIME = re.compile(
    r"\W*(?:(?:estimated\s+)?reading time:?\s*\d+\s*(?:min|mins|minutes?)\.?"
    r"|\d+[\s-]*(?:min|mins|minutes?)\.?\s+read(?:ing)?|lesezeit:?\s*\d+\s*minuten?|\d+\s*min(?:utes)? de lecture)\W*",
    _I,
)

#: A bare label over a summary box: "TL;DR", "Key points", "In brief". The box's points stay; the label
#: is no statement.
SUMMARY_LABEL = re.compile(
    r"\W*(?:tl;? ?dr|key (?:points|facts|takeaways)|in brief|in short|at a glance|the essentials|what we know"
    r"|what you need to know|highlights|summary|the story so far)\s*:?\W*",
    _I,
)

#: A live blog's notice about itself: "This live blog has now ended. Scroll down for the full story.",
#: "We have paused our live coverage", "Refresh for the latest updates".
LIVE_NOTICE = re.compile(
    r"\W*(?:(?:this|our|the) live ?(?:blog|coverage|page|updates?) (?:has|have|is|are) (?:now )?(?:ended|closed|finished"
    r"|paused)|we(?:'ve| have)? (?:now )?(?:ended|paused|closed) (?:this|our) live (?:blog|coverage)"
    r"|(?:scroll|read) (?:down|on|below) for (?:the|our) (?:full|latest|earlier)\b|refresh (?:the page )?for (?:the )?latest"
    r"(?: updates)?)[^.!]{0,80}[.!]?(?:\s+(?:scroll|read) (?:down|on|below) for\b[^.!]{0,80}[.!]?)?\W*",
    _I,
)

#: Where a share strip sends a story: "Share: Facebook | X | Pinterest", "Email · Print · Copy link".
_SHARE_TARGET = (r"facebook|twitter|x|whatsapp|linkedin|email|e-mail|print|reddit|telegram|copy link|mastodon|bluesky"
                 r"|threads|pinterest|tumblr|flipboard|messenger|vk|sms|pocket")

#: Prompts to share, follow, subscribe or sign up; only short lines (see :data:`PROMPT_MAX_CHARS`). A line
#: about "your inbox" that reports what someone said ("…, the council told applicants.") is the story's.
SHARE_PROMPT = re.compile(
    r"\W*(?:(?:click (?:here )?to |tap to )?share (?:this|on|via|the story|article|story)\b.*"
    r"|(?:(?:share|artikel teilen|teilen|partager(?: l'article)?|compartir|condividi|delen)"
    r"(?: this| on| via)?(?: article| story)?\s*[:▸›>»|–-]?\s*)?"
    r"(?:" + _SHARE_TARGET + r")(?:\s*[|·•/,]\s*(?:" + _SHARE_TARGET + r"))+"
    r"|share|tweet|copy link|link copied|print (?:this )?(?:article|page)|email this (?:article|story)"
    r"|(?:font|text) size\b.{0,20}|send(?: to a friend)?|print"
    r"|(?:sign up|subscribe|register) (?:for|to) (?:our|the|my)\b.*"
    r"|subscribe(?: now| today)?(?: (?:for|from) .*)?|get (?:our|the) .*newsletter.*|(?!.*\b(?:said|says|told)\b).*\b(?:in|to) your inbox\b.*|.*\bnewsletter\b.*\b(?:inbox|sign up|subscribe)\b.*"
    r"|follow (?:us|me) on\b.*|join (?:us|our [\w ]+) on\b.*|join our (?:telegram|whatsapp|discord)\b.*"
    r"|download (?:our|the) app\b.*|download our (?:[\w'’-]+ ){1,3}app\b.*|like us on facebook.*|(?:listen|watch) on \w+.*"
    r"|(?:click|tap) (?:here|this link|the link)(?: (?:to|for) .*)?"
    r"|already a subscriber\?.*|(?:subscribe|sign in|log in|register) to (?:continue|keep) reading.*|log ?in|sign ?in|register|comments? \(\d+\)|\d+ comments?)\W*",
    _I,
)
PROMPT_MAX_CHARS = 160

#: An advertisement that announces itself with a label before its pitch: "Sponsored: Compare home
#: insurance quotes in 2 minutes", "Advertisement - Holidays from £99", "Promoted: …". No story
#: sentence opens with such a label.
LABELLED_AD = re.compile(
    r"\W*(?:sponsored(?: content| link)?|advertisement|advert|promoted(?: content)?|paid (?:post|content)"
    r"|partner content|anzeige|publicité|publicidad)\s*[:|–—-]\s*\S.{2,200}",
    _I,
)

#: Video embed promos and player leftovers: "Watch this clip of …", "This video is from …", "WATCH: …",
#: "Watch live".
VIDEO_PROMO = re.compile(
    r"\W*(?:(?:watch|see|view) (?:this|the|our|a) (?:clip|video|footage|report|segment)\b.*"
    r"|this (?:video|clip|footage) (?:is|was) (?:from|taken from|courtesy of|provided by)\b.*"
    r"|(?:watch|video|listen)\s*:.*|watch (?:live|again)(?:\s*:.*)?|click (?:here )?to (?:play|watch)\b.*|(?:play|replay) video"
    r"|video (?:player )?(?:is )?loading.*|your browser does not support .*video.*)",
    _I,
)

#: Copyright and legal small print that no story sentence reads like, recognised anywhere: "© 2024 …",
#: "(c) Harbour Daily 2023. …" (a capitalised holder and a year, so a list item "(c) the minister …" stays),
#: "Republication or redistribution of … content is prohibited …".
LEGAL = re.compile(
    r"\W*(?:copyright\s*(?:©|\(c\)|\d{4}|by\b)|©|\(c\)\s*\d{4}).*"
    r"|.{0,200}(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\b.*"
    r"|.{0,200}\ball rights reserved\b.*"
    r"|\(c\)\s+(?-i:[A-Z][\w&'’.-]*(?: (?:[A-Z&][\w&'’.-]*|of|the|and)){0,5})\s+(?:19|20)\d\d\b.*"
    r"|.*\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b.*"
    r"|.*\b(?:republication|redistribution|reposting)\b.{0,120}\b(?:is|are) (?:strictly )?"
    r"(?:prohibited|forbidden|not permitted)\b.*",
    _I,
)

#: Disclaimers that could, rarely, be a story's own words; only trusted after the last body paragraph.
LEGAL_TAIL = re.compile(
    r"this (?:article|post|content|site) may contain .*"
    r"|.*(?:is|are) not responsible for (?:the )?(?:content|accuracy)\b.*|disclaimer\s*:.*"
    r"|.*for (?:educational|informational)(?: and entertainment)? purposes only.*"
    r"|.*\b(?:terms of (?:use|service)|privacy policy|cookie (?:policy|settings))\b.*"
    r"|.*\btrademarks?\b.*\bproperty of\b.*"
    r"|the views (?:and opinions )?expressed .*"
    r"|our (?:editorial )?standards\b.*"
    r"|.*\breproduction\b.{0,120}\b(?:prohibited|forbidden|not permitted)\b.*",
    _I,
)

#: Naming the outlet a story comes from on a line of its own: "Source: Danube Wire", "Via: Harbour FM",
#: "Courtesy of the Lakes Herald". Only capitalised names may follow, so a story's "Source: a
#: ministry official" stays.
SOURCE_CREDIT = re.compile(
    r"\W*(?:sources?|via|courtesy(?: of)?|credit)\s*:?\s*(?-i:[A-Z])[\w&'’.-]*"
    r"(?:(?:\s+|\s*[,/&]\s*)(?:(?-i:[A-Z0-9&])[\w&'’.-]*|of|the|and|de|del|la))*\W*",
    _I,
)

#: Lines that are only trusted below the last body paragraph, with their reasons: a list of the
#: outlets the post was compiled from ("Sources: Harbour Daily, the coastguard"), and appeals for
#: money ("Support independent journalism: donate from £2 a month", "We are reader-funded.").
TAIL_LINES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\W*(?:sources?|compiled from|based on reports (?:by|from))\s*:?\s*[^.!?]{3,300}\.?", _I), "sources"),
    (re.compile(r".{0,200}\b(?:donate|make a (?:donation|contribution)|support (?:us|our (?:work|journalism|reporting|newsroom))"
                r"|support independent (?:journalism|news|media|reporting)[\w ]{0,20}|become an? (?:member|supporter|patron)"
                r"|reader[- ](?:funded|supported)|chip in)\b.{0,200}", _I), "support-prompt"),
)

#: Navigation crumbs and site chrome: "Home > World > Europe", "Business › Markets", "Skip to content",
#: "Back to top".
NAVIGATION = re.compile(
    r"\W*(?:skip to (?:main )?content|back to top|menu|search|home|close|open menu|toggle navigation"
    r"|(?:[\w'&-]+(?: [\w'&-]+){0,2}\s*(?:>|»|›|\|)\s*){2,}[\w'&-]+(?: [\w'&-]+){0,2}"
    # One step of a crumb trail ("Markets › Public finance"): arrows, unlike "|", never split a headline.
    r"|[\w'&-]+(?: [\w'&-]+){0,2}\s*(?:>|»|›)\s*[\w'&-]+(?: [\w'&-]+){0,2}"
    r"|(?:[\w'&-]+(?: [\w'&-]+){0,2}\s+[·•]\s+){3,}[\w'&-]+(?: [\w'&-]+){0,2}"
    r"|(?-i:[A-Z][\w'&-]*(?: [A-Z][\w'&-]*)?(?: {2,}|\t+)){3,}(?-i:[A-Z][\w'&-]*(?: [A-Z][\w'&-]*)?)"
    r"|(?:trending(?: now)?|hot topics|in the news|popular|top stories|quick links|sections|more sections)"
    r"\s*:\s*[\w'&-]+(?: [\w'&-]+){0,3}(?:\s*[|·•]\s*[\w'&-]+(?: [\w'&-]+){0,3})+"
    r"|previous (?:article|story|post)|next (?:article|story|post)(?:\s*:.*)?)\W*",
    _I,
)

#: Photo and image credits and captions on their own line: "Photo: Jane Doe/Agency", "(Image: …)".
CAPTION = re.compile(
    r"\(?\s*(?:photo|image|picture|pictured|photograph|illustration|credit|file photo|foto|bild)"
    r"\s*(?:credit)?\s*[:/|].{0,200}",
    _I,
)

#: A single-line pointer to another story: "Related: …", "READ MORE: …", "See also: …".
RELATED_LINE = re.compile(
    r"\W*(?:related|read more|read also|also read|see also|more on this|more|recommended|lire aussi"
    r"|à lire aussi|mehr zum thema|lesen sie auch|leer más|ver también)\s*[:|–—-]\s*.{3,200}",
    _I,
)

#: Inline "(Related: …)" parenthetical inside a body paragraph (searched, not full-matched). It is
#: only removed when it sits at a sentence boundary, so the sentence before it stays verbatim.
INLINE_RELATED = re.compile(
    r"(?<=[.!?\"”’)])\s*\(\s*(?:related|read more|see also|also read|read also|more)\s*:[^()]{3,300}\)(?=\s|$)",
    _I,
)

#: Section labels that start a trailer: everything after such a bare label line is not the story.
#: Maps the pattern to the reason recorded for the lines it covers.
TRAILER_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(
        r"\W*(?:latest|more|top|popular|trending|related|recommended|featured|editor'?s'? picks?|most (?:read|popular|viewed)"
        r"|other|similar|further)(?: news)?(?: stories| articles| posts| reads| news| videos| headlines| links| coverage"
        r"| content| topics)?(?: (?:from|on|in|at|for) .{1,60})?(?: now)?\s*:?\W*"
        r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)\W*|read (?:more|next)\W*|don'?t miss\W*"
        r"|what to read next\W*|in (?:other|case you missed (?:it)?) news\W*|more stories\W*|up next\W*"
        r"|(?:read also|also read|see also|read more|mehr zum thema|lesen sie auch|weitere artikel|lire aussi"
        r"|à lire aussi|leer más|lea también|ver también|leia também|leggi anche|lees ook)\s*:?\W*",
        _I), "related-links"),
    (re.compile(r"\W*(?:sources?(?: include)?|references|further reading|links)\s*:?\W*", _I), "sources"),
    (re.compile(r"\W*(?:tagged(?: under| with)?|tags|filed under|topics|categories|keywords)\s*:?\W*", _I), "tags"),
    (re.compile(r"\W*(?:comments?|leave a (?:comment|reply)|join the (?:discussion|conversation)|"
                r"\d+ (?:comments?|responses?|replies))\s*:?\W*", _I), "comments"),
    (re.compile(r"\W*(?:about the author|about us|contact us)\s*:?\W*", _I),
     "footer"),
)

#: "Tags: floods, weather, Moravia" on one line.
TAG_LINE = re.compile(r"\W*(?:tags|tagged(?: under| with)?|filed under|topics|keywords)\s*:\s*.+", _I)

#: Wire credits at the end: "(Reporting by …; Editing by …)", "Additional reporting by …".
WIRE_CREDIT = re.compile(
    r"\(?\s*(?:(?:additional )?reporting|writing|editing|compiled|edited|written|produced) by\b[^\n]{1,300}",
    _I,
)

#: Offers to hear the article read aloud, with or without its length: "Listen to this article · 4 min",
#: "Listen to this story (6 minutes)", "Audio version", "Écouter cet article".
LISTEN_PROMPT = re.compile(
    r"\W*(?:listen to (?:this|the) (?:article|story|report|piece|post)|listen(?: now)?|audio (?:version|article)"
    r"|(?:listen|tune in) (?:live|again)(?:\s*[:|–—-]\s*\S.{0,80}| (?:on|to|at) \S.{0,80})?"
    r"|hear this (?:article|story)|(?:écouter|écoutez) (?:cet |l')article|artikel (?:anhören|vorlesen lassen)"
    r"|escuchar (?:este )?(?:artículo|noticia))"
    r"(?:\s*[:·•|,–—-]?\s*\(?\d{1,2}(?::\d\d)?\s*(?:min|mins|minutes?)?\.?\)?)?\W*",
    _I,
)

#: A note that a machine translated the text: "This article was translated automatically from the
#: Romanian language.", "Machine-translated from German", "Automatically translated". A note about a
#: human translation ("The report was translated into English by the ministry.") is a story sentence.
TRANSLATION_NOTE = re.compile(
    r"\W*(?:(?:this|the) (?:article|text|story|report|content|page|post|news item) (?:was|has been|is|were)"
    r" (?:(?:automatically |machine[- ]?)translated|translated (?:automatically|by (?:a )?machine"
    r"|(?:using|with) (?:machine translation|an? (?:automatic|ai) (?:tool|translator|system))))"
    r"|(?:automatically |machine[- ]?)translated|automatic translation|machine translation)"
    r"(?: (?:from|into|to) (?:the )?[^\W\d_]+(?: (?:language|original|version|text))?)*(?: by [\w -]{1,30})?"
    r"(?:,? and (?:revised|edited|checked|reviewed|corrected|proofread)(?: by [\w -]{1,40})?)?"
    r"(?:\W+(?:in (?:the )?(?:case|event) of (?:any )?[^\W\d_]+(?: [^\W\d_]+)?|the original\b)[^.]{0,120})?\W*"
    # German, French, Spanish, Italian, Dutch: "Dieser Artikel wurde automatisch aus dem Deutschen übersetzt".
    r"|\W*(?:dieser|der) (?:artikel|text|beitrag) wurde (?:automatisch|maschinell) .{0,60}übersetzt.{0,80}"
    r"|\W*(?:cet|l') ?article a été traduit automatiquement.{0,120}"
    r"|\W*(?:este|el) (?:artículo|texto) (?:fue|ha sido) traducido automáticamente.{0,120}"
    r"|\W*(?:questo|l') ?articolo è stato tradotto automaticamente.{0,120}"
    r"|\W*(?:dit|het) artikel is automatisch vertaald.{0,120}",
    _I,
)

#: The end of a comment thread that is not there: "Comments are closed for this story.",
#: "Commenting has been disabled for this article", "The comment section is closed.", "Comments are switched
#: off for legal reasons."
COMMENTS_CLOSED = re.compile(
    r"\W*(?:the )?(?:comments?|commenting|comment section)"
    r" (?:are|is|has been|have been|was|were) (?:now |currently |temporarily )?(?:closed|disabled|turned off|switched off)"
    r"(?: (?:for|on|under) (?:this|the) (?:article|story|post|page|report|live ?blog|blog|thread))?"
    # "… switched off for legal reasons", "… closed due to the ongoing court case"
    r"(?: (?:for|due to|because of|owing to) (?:\w+ ){0,4}?(?:reasons?|proceedings|case|trial))?\W*",
    _I,
)

#: The newsroom asking readers for tips: "Have a news tip? Email the newsroom.", "Got a story? Contact us
#: on WhatsApp", "Send us your news tips". Only short lines (see :data:`PROMPT_MAX_CHARS`).
TIP_PROMPT = re.compile(
    r"\W*(?:(?:do you )?(?:have|got) (?:a |any )?(?:news |story )?(?:tips?|story(?: idea)?|news)\s*\?.*"
    r"|(?:send|email|e-mail|share|submit) (?:us )?(?:your |a )?news tips?\b.*"
    r"|(?:send|email|e-mail|submit) us (?:your |a )?(?:story |news )?tips?\b.*|(?:news )?tip ?line\s*:.*"
    r"|(?:have you been|were you|are you|did you|was your [\w ]{1,20})\b[^?]{1,80}\?\s*"
    r"(?:email|e-mail|contact (?:us|the)|get in touch|tell us|share your (?:story|photos|videos|experience)|send us"
    r"|write to|message us|call us)\b.*)",
    _I,
)

#: Platforms an outlet asks readers to follow it on.
_PLATFORM = (r"(?:instagram|facebook|x|twitter|tiktok|youtube|linkedin|threads|bluesky|mastodon|telegram|whatsapp"
             r"|google news|snapchat)")

#: Asking to follow the outlet by name on a platform: "Follow Harbour Daily on Instagram for more",
#: "Follow The Courier on X and Facebook", "Follow Valley Radio on TikTok (@valleyradio)", "Follow @valleyradio
#: on X". (Following "us" is in :data:`SHARE_PROMPT`.) Only more platforms, a handle or a "for …" purpose may follow, so
#: "Follow the signs on X Street" and "Follow the money on Telegram, investigators said." stay.
FOLLOW_OUTLET = re.compile(
    r"\W*follow (?:@?[\w&.'’-]+ ){1,6}on " + _PLATFORM + r"(?:\s*(?:,|and|or|&)\s*" + _PLATFORM + r")*"
    r"(?:\s*\(?@[\w.]+\)?|\s+(?:for|to (?:get|see|stay|keep)|and (?:get|stay|never))\b[^,;]*)?\W*",
    _I,
)

#: Offers to get the outlet's news on the reader's own channel, perhaps with the link's label after it:
#: "Receive the news of the Courier in your WhatsApp. Click here", "Get breaking news alerts on your phone",
#: "Read our top stories in your Telegram". Only "your" channel counts, so a story's "residents received the
#: warning on their phones" stays, and a line reporting who said it ("Check the alerts on your phone, the mayor
#: urged.") is the story's.
CHANNEL_PROMPT = re.compile(
    r"(?!.*\b(?:said|says|told|urged|added|warned|asked)\b)\W*(?:receive|get|read|see|follow|have)\b[^.!?]{0,80}?\b(?:in|on|via|through|to|into) your"
    r" (?:whatsapp|telegram|signal|inbox|phone|mobile|smartphone|e-?mail|device|feed|news ?feed)\b[^.!?]{0,40}?"
    r"(?:[.!:]?\s*(?:click|tap|sign up|subscribe|join)(?: here| now)?\b[^.!?]{0,60})?\W*",
    _I,
)

#: The outlet selling its own ad space: "To advertise call 0161 000 0000.", "Advertise with us",
#: "To advertise in the Courier, email ads@courier.example". A story's "To advertise the festival, the town
#: hired a plane." names no way to reach the outlet, so it stays.
ADVERTISE_PROMPT = re.compile(
    r"\W*(?:(?:to|want to|would you like to) advertise(?: with us| here| in (?:the |this |our )?[\w'’& ]{1,40}?)?"
    r"\s*[,:–—-]?\s*(?:please )?(?:call|contact|email|e-mail|phone|ring|text|visit|see|write to|go to)\b.{1,80}"
    r"|advertise (?:with us|here)(?:\s*[,:–—-]?\s*(?:call|contact|email|e-mail|phone|visit)\b.{1,80})?)\W*",
    _I,
)

#: A print edition's pointer to another page: "More Valley United news on page 54", "Continued on page 12",
#: "Full results, pages 50-51", "See page 7". Only when the page number ends the line and no verb comes
#: before it, so "More than 50 homes are listed on page 54." and "see page 54 of the report" stay.
PAGE_POINTER = re.compile(
    r"\W*(?:(?:more|full|further|latest)(?: (?!(?:is|are|was|were|than|will|has|have|had)\b)[^\W\d_][\w'’&-]*){0,6}"
    r"|continued|story continues|turn|see|full story|full report)(?: on| to| in)?\s*[,:–—-]?\s*(?:on |in )?"
    r"(?:pages?|pp?\.)\s*\d{1,3}(?:\s*(?:[-–&]|and)\s*\d{1,3})?\W*",
    _I,
)

#: The mark a wire service or press office puts under the last line of copy: "ENDS", "-ends-", "###",
#: "-30-", "(END)". Whole lines only.
END_MARKER = re.compile(r"\W*(?:ends?|end of (?:story|release|transmission))\W*|#{3}|-30-", _I)

#: Comment-section chrome, alone or several items split by "|" or "·": "Comments (14) | Log in to comment",
#: "Leave a comment", "View all 32 comments", "Sign in to join the conversation".
COMMENT_CHROME = re.compile(
    r"\W*(?:comments? \(\d+\)|\d+ comments?|(?:log|sign) ?in to (?:comment|reply|join the (?:discussion|conversation))"
    r"|(?:you (?:must|need to|have to) be|please) (?:logged|signed) in to (?:comment|reply|post (?:a )?comments?)"
    r"|leave a (?:comment|reply)|add (?:a|your) comment|(?:view|show|read) (?:all )?(?:\d+ )?comments?"
    r"|join the (?:discussion|conversation)|have your say(?:\s*[:|-]\s*comments? \(\d+\)| below| in the comments)?)"
    r"(?:\s*[|·•]\s*(?:comments? \(\d+\)|\d+ comments?|(?:log|sign) ?in to (?:comment|reply|join the \w+)"
    r"|leave a (?:comment|reply)|add (?:a|your) comment|(?:view|show|read) (?:all )?(?:\d+ )?comments?"
    r"|join the (?:discussion|conversation)|share|report))*\W*",
    _I,
)

#: A credit saying the story comes from another outlet: "This story was first published by the Valley
#: Courier and is republished here with permission.", "Republished with permission from Harbour FM.",
#: "Reprinted courtesy of the Lakes Herald", "This article is distributed by Danube Wire and appears here under
#: a content-sharing agreement." A story sentence about a report ("The study was first published in 2019.")
#: names no "this story" and asks no permission, so it stays; nor does "This story was provided by residents",
#: whose source is not a capitalised name.
SYNDICATION = re.compile(
    r"\W*(?:this (?:story|article|piece|post|column|content) (?:is|was|has been) (?:distributed|supplied|provided"
    r"|syndicated|made available) (?:by|through|via) (?:the )?(?-i:[A-Z0-9]).{1,80}?"
    r"(?:,? and (?:appears|is (?:published|republished|reproduced|shared|used))\b.{0,120}"
    r"|,? under (?:a|an|the) [\w -]{0,40}(?:agreement|arrangement|licen[cs]e|partnership)\b.{0,40})?"
    r"|this (?:story|article|piece|post|column) (?:(?:was|is|has been) )?(?:first|originally) (?:published|posted"
    r"|appeared) (?:by|in|on|at) .{2,80}?(?:,? and (?:is|has been|was) (?:republished|reproduced|reprinted|shared)"
    r"\b.{0,80})?"
    r"|(?:this (?:story|article|piece|post) (?:is|was|has been) )?(?:republished|reproduced|reprinted) (?:here )?"
    r"(?:with (?:kind )?permission(?: (?:of|from) .{2,80})?|courtesy of .{2,80}"
    r"|from .{2,80}? (?:with permission|under (?:a |the )?creative commons\b.{0,60})))\W*",
    _I,
)
SYNDICATION_MAX_CHARS = 300

#: A one-line trailer: a label and a colon, then the headline (or " | "-split headlines) of other stories:
#: "Latest Stories: Tram fares rise | Harbour bridge reopens", "More football: Cup draw made",
#: "Also on Valley Courier: New library opens". Trusted only below the last body paragraph and when the
#: line does not end like a sentence (see :func:`newsprism.clean.text.clean_text`).
TRAILER_LINE = re.compile(
    r"\W*(?:(?:latest|more|top|popular|trending|recommended|related|featured|other)(?: (?!than\b)[\w'’&-]+){0,2}"
    r"|most (?:read|popular|viewed)(?: [\w'’&-]+)?|don'?t miss|in other news"
    r"|also (?:on|in|from|at) (?-i:[A-Z])[\w&'’.-]*(?: [\w&'’.-]+){0,4})\s*:\s*\S.{2,300}",
    _I,
)

#: Whole-line prompts to the reader other than sharing, and the reason each records.
READER_PROMPTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (LISTEN_PROMPT, "audio-prompt"),
    (TRANSLATION_NOTE, "translation-note"),
    (COMMENTS_CLOSED, "comments"),
    (COMMENT_CHROME, "comments"),
    (TIP_PROMPT, "tip-prompt"),
    (FOLLOW_OUTLET, "share-prompt"),
    (CHANNEL_PROMPT, "share-prompt"),
    (ADVERTISE_PROMPT, "advertisement"),
    (PAGE_POINTER, "related-links"),
    (END_MARKER, "end-marker"),
)

#: Last words of an outlet's name ("North Coast Times", "Westbridge Gazette", "Danube Wire"); also a first
#: word before "of"/"de" ("Times of Valletta", "Gazette de Lausanne"). Used only for masthead lines.
OUTLET_WORDS = frozenset({
    "times", "post", "news", "herald", "gazette", "tribune", "journal", "chronicle", "courier", "mail",
    "express", "observer", "ledger", "wire", "press", "review", "star", "sun", "standard", "record",
    "telegraph", "guardian", "weekly", "daily", "today", "online", "dispatch", "bulletin", "examiner",
    "independent", "inquirer", "sentinel", "monitor", "mirror", "globe", "register", "reporter", "advertiser",
    "gazeta", "zeitung", "nachrichten", "kurier", "anzeiger", "rundschau", "bote", "diario",
    "gazzetta", "corriere", "giornale", "quotidien", "courant", "krant", "dagblad", "tidning",
    "avis", "ziarul", "ziar", "noticias", "tv", "radio", "media", "agency", "network", "digest",
})

#: Section names a masthead line carries after the outlet: "Westbridge Gazette - Local News".
SECTION_WORDS = frozenset({
    "news", "local", "national", "regional", "world", "international", "politics", "business", "economy",
    "money", "sport", "sports", "culture", "arts", "entertainment", "opinion", "comment", "lifestyle",
    "health", "science", "tech", "technology", "travel", "weather", "education", "environment", "society",
    "social", "crime", "justice", "metro", "city", "region", "breaking", "latest", "europe", "africa", "asia",
    "americas", "home", "front", "page", "and", "&",
})

#: A section strip: fields split by "|" where one is labelled "Section:", "Category:" or the like:
#: "| Section: Social | Editorial staff", "Category: Regions | Desk: Night". Header lines only.
SECTION_LINE = re.compile(
    r"\W*(?:[^|:\n]{1,40}\|\s*)*(?:section|category|categories|rubric|department|desk|rubrique|ressort"
    r"|sección|sezione|categoria|rubrica|secțiune|sectiune)\s*:\s*[^|\n]{1,40}(?:\|[^|\n]{0,60}){0,4}",
    _I,
)

#: Words that open a sentence by pointing back into the story (so it continues the story: not a teaser).
#: Articles are included because headline style drops them: "The heat will ease" is prose.
ANAPHORIC_OPENERS = frozenset((
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "his", "her",
    "its", "their", "our", "but", "and", "however", "meanwhile", "also", "still", "so", "yet", "then", "there",
    "here", "such", "both",
))


def line_reason(line: str) -> str | None:
    """The boilerplate reason for one whole stripped line, or None if it may be story text."""
    if not line:
        return None
    short = len(line) <= PROMPT_MAX_CHARS
    if short and ADVERTISEMENT.fullmatch(line):
        return "advertisement"
    if len(line) <= 240 and LABELLED_AD.fullmatch(line):
        return "advertisement"
    if len(line) <= 40 and SUMMARY_LABEL.fullmatch(line):
        return "label"
    if len(line) <= 200 and LIVE_NOTICE.fullmatch(line):
        return "live-notice"
    if short and READING_TIME.fullmatch(line):
        return "reading-time"
    if short and VIDEO_PROMO.fullmatch(line):
        return "video-promo"
    if short and SHARE_PROMPT.fullmatch(line):
        return "share-prompt"
    if short and NAVIGATION.fullmatch(line):
        return "navigation"
    if short:
        for pattern, reason in READER_PROMPTS:
            if pattern.fullmatch(line):
                return reason
    if len(line) <= SYNDICATION_MAX_CHARS and SYNDICATION.fullmatch(line):
        return "syndication"
    if len(line) <= 100 and SOURCE_CREDIT.fullmatch(line):
        return "syndication"
    if TAG_LINE.fullmatch(line) and len(line) <= 600:
        return "tags"
    if short and RELATED_LINE.fullmatch(line) and not line.rstrip().endswith(","):
        return "related-links"
    if len(line) <= 260 and CAPTION.fullmatch(line):
        return "caption"
    if len(line) <= 400 and WIRE_CREDIT.fullmatch(line):
        return "byline"
    if len(line) <= 1200 and LEGAL.fullmatch(line):
        return "legal"
    items = LIST_SEPARATOR.split(line) if short else []
    if len(items) >= 2:
        # "Log in | Subscribe from €1", "Share | Comments (4)": every item is furniture of its own.
        first = line_reason(items[0].strip())
        if first and all(line_reason(item.strip()) for item in items[1:]):
            return first
    return None


#: Between the items of a strip of links or of a one-line list: "Log in | Subscribe", "Print · Share".
LIST_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def trailer_reason(line: str) -> str | None:
    """The reason when ``line`` is a bare section label that starts a trailer, else None."""
    if len(line) > 80:
        return None
    for pattern, reason in TRAILER_LABELS:
        if pattern.fullmatch(line):
            return reason
    return None
